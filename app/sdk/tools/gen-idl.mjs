#!/usr/bin/env node
// Writes src/idl.ts from the committed IDL (../../idl/tranche_vault.json, made by `make idl`): the IDL itself as
// `IDL`, and its TypeScript type `TrancheVault` for `Program<TrancheVault>`, which is the IDL with Anchor's own
// camelCase conversion (`convertIdlToCamelCase`, what `Program` applies at run time; the Anchor CLI's
// `target/types` file is the same). With --check it writes nothing and fails if src/idl.ts is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import anchor from "@anchor-lang/core";

const root = fileURLToPath(new URL("..", import.meta.url));
const input = `${root}../../idl/tranche_vault.json`;
const output = `${root}src/idl.ts`;
const idl = JSON.parse(readFileSync(input, "utf8"));
const camel = anchor.convertIdlToCamelCase(idl);
const text = `// Generated from idl/tranche_vault.json by app/sdk/tools/gen-idl.mjs (\`npm run idl\`); do not edit.
// \`make test\` fails when it is stale.

/** The program's IDL, as \`new Program(IDL, provider)\` takes it. */
export const IDL = ${JSON.stringify(idl, null, 2)} as const;

/** The IDL's type in camelCase, for \`Program<TrancheVault>\`. */
export type TrancheVault = ${JSON.stringify(camel, null, 2)};
`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(output, "utf8");
  } catch {
    // missing: stale
  }
  if (committed !== text) {
    console.error("app/sdk/src/idl.ts is stale: run `make idl` (or `npm run idl` in app/sdk) and commit it");
    process.exit(1);
  }
  console.log("app/sdk/src/idl.ts matches idl/tranche_vault.json");
} else {
  writeFileSync(output, text);
  console.log(`wrote ${output}`);
}
