// `tranche localnet` as a child process: a solana-test-validator with the demo vault, the test wallet funded.
// `make web` and the end-to-end test start it here.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./paths.js";

/** The JSON line `tranche localnet` prints when its chain is ready. */
export interface LocalnetInfo {
  rpc: string;
  ws: string;
  program: string;
  vault: string;
  quote_mint: string;
  /** The test wallet's keypair file, and its address and quote account. */
  wallet: string;
  wallet_pubkey: string;
  wallet_quote_account: string;
  positions: string[];
  ledger: string;
}

export interface Localnet {
  info: LocalnetInfo;
  stop(): Promise<void>;
}

/** The `tranche` binary: TRANCHE_BIN, else the workspace's debug build. */
export function trancheBin(): string {
  const bin = process.env.TRANCHE_BIN ?? path.join(ROOT, "target/debug/tranche");
  if (!existsSync(bin)) throw new Error(`${bin} missing: build it with \`cargo build --locked -p tranche-cli\``);
  return bin;
}

/** Starts `tranche localnet` with `args`, its log in `log`; resolves once it printed its JSON line. */
export function startLocalnet(args: string[], log: string, timeoutMs = 720_000): Promise<Localnet> {
  mkdirSync(path.dirname(log), { recursive: true });
  const child: ChildProcess = spawn(trancheBin(), ["localnet", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" },
  });
  const logFile = createWriteStream(log);
  child.stderr!.pipe(logFile);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`tranche localnet not ready after ${timeoutMs / 1000} s (log: ${log})`));
    }, timeoutMs);
    // "close": its output has ended, and the piped log is complete once written out.
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      // Its last lines in the message, so that a log nobody can open afterwards (a CI run's) still says why.
      const fail = () => {
        const last = readFileSync(log, "utf8").trimEnd().split("\n").slice(-30).join("\n");
        reject(new Error(`tranche localnet exited (${code ?? signal}) before it was ready (${log}):\n${last}`));
      };
      if (logFile.writableFinished) fail();
      else logFile.once("finish", fail);
    });
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve({ info: JSON.parse(line) as LocalnetInfo, stop });
      } catch (e) {
        void stop();
        reject(new Error(`tranche localnet printed ${line}: ${e}`));
      }
    });
  });
}
