// @anchor-lang/core and @solana/web3.js use Node's `Buffer` as a global; the `buffer` package is it in a browser.
// Imported first by main.tsx, before anything that reads it.
import { Buffer } from "buffer";

const g = globalThis as { Buffer?: typeof Buffer };
g.Buffer ??= Buffer;
