// Bundles e2e/test-wallet.ts into one script for `page.addInitScript` (vite's library mode, IIFE).
import path from "node:path";
import { build } from "vite";
import { WEB } from "../scripts/paths.js";

/** Builds the test wallet into `outDir`; returns the script's path. */
export async function buildTestWallet(outDir: string): Promise<string> {
  const web = WEB;
  await build({
    configFile: false,
    logLevel: "warn",
    root: web,
    define: { "process.env.NODE_ENV": '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: path.join(web, "e2e/test-wallet.ts"), formats: ["iife"], name: "TrancheTestWallet", fileName: () => "test-wallet.js" },
    },
  });
  return path.join(outDir, "test-wallet.js");
}
