// Where things are, from the compiled script's place (tsconfig.node.json compiles scripts/ and e2e/ into
// dist-node/web/<dir>/).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** app/web */
export const WEB = fileURLToPath(new URL("../../../", import.meta.url));
/** The repository. */
export const ROOT = path.resolve(WEB, "../..");
/** Where the end-to-end test writes its screenshots and logs. */
export const E2E_OUT = path.join(ROOT, "target/e2e");

if (!existsSync(path.join(WEB, "package.json")) || !existsSync(path.join(ROOT, "Cargo.toml"))) {
  throw new Error(`app/web is not at ${WEB}: run the compiled scripts from app/web/dist-node/web/`);
}
