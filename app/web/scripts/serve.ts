// `make web`: the local validator with the demo vault (`tranche localnet`) and the app's dev server pointed at it.
// Prints the URL; Ctrl-C stops both.
import path from "node:path";
import { createServer } from "vite";
import { startLocalnet } from "./localnet.js";
import { ROOT, WEB } from "./paths.js";

const port = Number(process.env.PORT ?? 5173);
const rpcPort = process.env.RPC_PORT ?? "8899";
const log = path.join(ROOT, "target/localnet.log");
console.log(`[web] starting the local validator with the demo vault (about a minute; log: ${log})`);
const net = await startLocalnet(["--dir", path.join(ROOT, "target/localnet"), "--rpc-port", rpcPort], log);
const { info } = net;
process.env.VITE_TRANCHE_RPC = info.rpc;
process.env.VITE_TRANCHE_VAULT = info.vault;
const server = await createServer({ root: WEB, server: { port, strictPort: true } });
await server.listen();
const url = `http://127.0.0.1:${port}/?${new URLSearchParams({ vault: info.vault, rpc: info.rpc })}`;
console.log(`[web] validator ${info.rpc}, vault ${info.vault}`);
console.log(`[web] a funded test keypair (100 SOL, 100,000 USDC): ${info.wallet} (${info.wallet_pubkey})`);
console.log(`[web] the app: ${url}`);
console.log("[web] Ctrl-C stops the app and the validator");
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\n[web] stopping");
  await server.close();
  await net.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
