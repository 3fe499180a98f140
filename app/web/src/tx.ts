// A depositor's transaction, from instructions to its outcome: simulated before the wallet signs (what the program
// would do, or why it would refuse), then signed by the wallet, sent and confirmed.
import {
  type Connection,
  type PublicKey,
  TransactionMessage,
  VersionedTransaction,
  type TransactionInstruction,
} from "@solana/web3.js";
import type { WalletContextState } from "@solana/wallet-adapter-react";
import { eventsFromLogs, explainError, type TrancheVaultClient } from "@tranche-vault/sdk";

export interface DecodedEvent {
  name: string;
  data: Record<string, unknown>;
}

/** What a simulation or a landed transaction showed. */
export interface Outcome {
  ok: boolean;
  /** The refusal in plain words: the program's error sentence, or another program's. */
  error?: string;
  events: DecodedEvent[];
  logs: string[];
  computeUnits?: number;
}

/** Why a transaction failed, in words: this program's error (its sentence, name and number), else the failing
 * program's own message from the logs, else the runtime's error. */
export function refusal(e: unknown, fallback?: unknown): string {
  const nested = (e as { error?: unknown })?.error;
  const ours = explainError(e) ?? (nested ? explainError(nested) : null);
  if (ours) return ours;
  const logs: string[] =
    (e as { logs?: string[] })?.logs ?? (nested as { logs?: string[] } | undefined)?.logs ?? [];
  const msg = logs.find((l) => /^Program log: Error: /.test(l));
  const failed = logs.find((l) => /^Program \S+ failed: /.test(l));
  if (msg || failed) {
    const who = failed ? programName(failed.split(" ")[1]) : "a program";
    return `${who} refused it: ${(msg ?? failed)!.replace(/^Program log: Error: /, "").replace(/^Program \S+ failed: /, "")}`;
  }
  if (fallback !== undefined) return `The transaction failed: ${JSON.stringify(fallback)}`;
  const m = (e as { message?: string })?.message;
  return m ? m : String(e);
}

const KNOWN: Record<string, string> = {
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: "The token program",
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: "The Token-2022 program",
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: "The associated token account program",
  "11111111111111111111111111111111": "The system program",
};

function programName(id: string): string {
  return KNOWN[id] ?? `Program ${id}`;
}

/** An unsigned v0 transaction of `ixs` paid by `payer`, with the latest blockhash. */
export async function buildTx(connection: Connection, payer: PublicKey, ixs: TransactionInstruction[]) {
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash("confirmed");
  const message = new TransactionMessage({ payerKey: payer, recentBlockhash: blockhash, instructions: ixs }).compileToV0Message();
  return { tx: new VersionedTransaction(message), blockhash, lastValidBlockHeight };
}

/** Runs the transaction without signing it (the node checks no signature), and decodes what the program did. */
export async function simulate(client: TrancheVaultClient, tx: VersionedTransaction): Promise<Outcome> {
  const res = await client.provider.connection.simulateTransaction(tx, {
    sigVerify: false,
    replaceRecentBlockhash: true,
    commitment: "confirmed",
  });
  const logs = res.value.logs ?? [];
  if (res.value.err) return { ok: false, error: refusal({ logs }, res.value.err), events: [], logs };
  return { ok: true, events: eventsFromLogs(client.program, logs), logs, computeUnits: res.value.unitsConsumed };
}

/** Has the wallet sign and send the transaction, waits for it to be confirmed, and decodes its events. Its logs come
 * from a logs subscription on `watch` (the vault: every depositor transaction writes it), which the node serves at
 * confirmation, else from `getTransaction` once the node's history has it. */
export async function signAndSend(
  client: TrancheVaultClient,
  wallet: WalletContextState,
  built: Awaited<ReturnType<typeof buildTx>>,
  watch: PublicKey,
  onSent: (signature: string) => void,
): Promise<Outcome & { signature?: string }> {
  const connection = client.provider.connection;
  const seen = new Map<string, string[]>();
  const waiting = new Map<string, (logs: string[]) => void>();
  const sub = connection.onLogs(
    watch,
    (l) => {
      seen.set(l.signature, l.logs);
      waiting.get(l.signature)?.(l.logs);
    },
    "confirmed",
  );
  try {
    let signature: string;
    try {
      signature = await wallet.sendTransaction(built.tx, connection, { preflightCommitment: "confirmed" });
    } catch (e) {
      return { ok: false, error: refusal(e), events: [], logs: [] };
    }
    onSent(signature);
    const confirmed = await connection.confirmTransaction(
      { signature, blockhash: built.blockhash, lastValidBlockHeight: built.lastValidBlockHeight },
      "confirmed",
    );
    let found = false;
    const logs = await new Promise<string[]>((done) => {
      const resolve = (l: string[]) => {
        found = true;
        done(l);
      };
      const have = seen.get(signature);
      if (have) return resolve(have);
      waiting.set(signature, resolve);
      // The subscription may have missed it (a dropped socket): the node's history, polled.
      const poll = async (left: number) => {
        if (found) return;
        const landed = await connection
          .getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 })
          .catch(() => null);
        if (landed?.meta?.logMessages) resolve(landed.meta.logMessages);
        else if (left > 0) setTimeout(() => void poll(left - 1), 2_000);
        else resolve([]);
      };
      setTimeout(() => void poll(45), 2_000);
    });
    if (confirmed.value.err) {
      return { ok: false, signature, error: refusal({ logs }, confirmed.value.err), events: [], logs };
    }
    return { ok: true, signature, events: eventsFromLogs(client.program, logs), logs };
  } finally {
    void connection.removeOnLogsListener(sub);
  }
}
