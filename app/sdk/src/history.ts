// A vault's history from its events: the program emits one event per state change (`emit!`, in the transaction's
// logs), so a holder's deposits and redemptions, and every tranche's price per token over time, are read back from
// the transactions that touched an address.
import { EventParser, type Program } from "@anchor-lang/core";
import type { ConfirmedSignatureInfo, PublicKey } from "@solana/web3.js";
import type { TrancheVault } from "./idl.js";

const ONE_SF = 1n << 60n;

/** One event of this program, where it was emitted. Amounts keep their on-chain types (BN, PublicKey). */
export interface VaultEvent {
  /** The IDL's event name in camelCase (`depositEvent`, `epochClosedEvent`, ...). */
  name: string;
  data: Record<string, unknown>;
  signature: string;
  slot: number;
  /** The block's time, unix seconds (null when the node does not know it). */
  blockTime: number | null;
  /** Position of the event in its transaction's logs. */
  index: number;
}

const str = (x: unknown) => (x as { toString(): string }).toString();
const big = (x: unknown) => BigInt(str(x));
const num = (x: unknown) => Number(str(x));

/** Decodes this program's events from a transaction's logs. */
export function eventsFromLogs(program: Program<TrancheVault>, logs: string[]) {
  const parser = new EventParser(program.programId, program.coder);
  return [...parser.parseLogs(logs)].map((e) => ({ name: e.name, data: e.data as Record<string, unknown> }));
}

/** Events of this program in the last `limit` successful transactions that touched `address` (the vault, or a
 * holder), oldest first; only those of `vault` when it is given. */
export async function fetchEvents(
  program: Program<TrancheVault>,
  address: PublicKey,
  opts: { vault?: PublicKey; limit?: number } = {},
): Promise<VaultEvent[]> {
  const conn = program.provider.connection;
  const sigs: ConfirmedSignatureInfo[] = (
    await conn.getSignaturesForAddress(address, { limit: opts.limit ?? 200 }, "confirmed")
  ).filter((s) => s.err === null);
  const txs = await conn.getTransactions(
    sigs.map((s) => s.signature),
    { commitment: "confirmed", maxSupportedTransactionVersion: 0 },
  );
  const out: VaultEvent[] = [];
  // Newest first from the node; each transaction's events in log order.
  for (let i = sigs.length - 1; i >= 0; i--) {
    const tx = txs[i];
    const logs = tx?.meta?.logMessages;
    if (!tx || !logs || tx.meta?.err) continue;
    eventsFromLogs(program, logs).forEach((e, index) => {
      if (opts.vault && !(e.data.vault as PublicKey | undefined)?.equals(opts.vault)) return;
      out.push({ ...e, signature: sigs[i].signature, slot: tx.slot, blockTime: tx.blockTime ?? null, index });
    });
  }
  return out;
}

/** Follows `vault`'s events as the node confirms them (a logs subscription, over the websocket), calling `on` with
 * each transaction's. A node's transaction history (`getSignaturesForAddress`, `getTransaction`) may answer only
 * for finalized blocks, tens of seconds behind; this does not wait for them. Returns the unsubscribe function. */
export function watchEvents(
  program: Program<TrancheVault>,
  vault: PublicKey,
  on: (events: VaultEvent[]) => void,
): () => void {
  const conn = program.provider.connection;
  const id = conn.onLogs(
    vault,
    (l, ctx) => {
      if (l.err) return;
      const events = eventsFromLogs(program, l.logs)
        .map((e, index) => ({ ...e, signature: l.signature, slot: ctx.slot, blockTime: null, index }))
        .filter((e) => (e.data.vault as PublicKey | undefined)?.equals(vault));
      if (events.length) on(events);
    },
    "confirmed",
  );
  return () => void conn.removeOnLogsListener(id);
}

/** The lists' events together, oldest first by slot, each transaction's from one list only: the first that has its
 * signature. A transaction can be reported twice with different events, so merging event by event is not enough: a
 * busy validator may notify a transaction's logs from a fork where it ran at another time (with or without an
 * accrual before it, so its events sit at other positions) and then serve the executed one from its history. Put
 * the authoritative list first (the node's history before the live subscription). */
export function mergeEvents(...lists: VaultEvent[][]): VaultEvent[] {
  const owner = new Map<string, VaultEvent[]>();
  const seen = new Set<string>();
  const out: VaultEvent[] = [];
  for (const list of lists) {
    for (const e of list) {
      const from = owner.get(e.signature) ?? (owner.set(e.signature, list), list);
      const k = `${e.signature}:${e.index}`;
      if (from !== list || seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  }
  // Stable: within a slot, the lists' own order.
  return out.sort((a, b) => a.slot - b.slot);
}

/** The event's own unix time (every event of this program has `ts`), else its block's. */
export function eventTime(e: VaultEvent): number {
  return e.data.ts !== undefined ? num(e.data.ts) : (e.blockTime ?? 0);
}

export type HolderActionKind = "deposit" | "request" | "cancel" | "claim";

/** One of the holder's own actions. */
export interface HolderAction {
  kind: HolderActionKind;
  tranche: number;
  /** Quote paid in (deposit) or out (claim), native units; 0 otherwise. */
  amount: bigint;
  /** Tranche tokens minted (deposit), queued (request) or returned (cancel), native units. */
  shares: bigint;
  ts: number;
  signature: string;
  /** The event's position in its transaction's logs (with `signature`, a key for the action). */
  index: number;
}

/** The holder's deposits, requests, cancellations and claims among `events`, oldest first. */
export function holderActions(events: VaultEvent[], holder: PublicKey): HolderAction[] {
  const out: HolderAction[] = [];
  for (const e of events) {
    const d = e.data;
    const who = (d.depositor ?? d.owner) as PublicKey | undefined;
    if (!who?.equals(holder)) continue;
    const base = { tranche: num(d.tranche), ts: eventTime(e), signature: e.signature, index: e.index };
    if (e.name === "depositEvent") out.push({ kind: "deposit", amount: big(d.amount), shares: big(d.shares), ...base });
    else if (e.name === "redemptionRequestedEvent") out.push({ kind: "request", amount: 0n, shares: big(d.shares), ...base });
    else if (e.name === "redemptionCancelledEvent") out.push({ kind: "cancel", amount: 0n, shares: big(d.shares), ...base });
    else if (e.name === "redemptionClaimedEvent") out.push({ kind: "claim", amount: big(d.amount), shares: 0n, ...base });
  }
  return out;
}

/** A tranche's price per token at a time: NAV / (supply + dead shares), whole quote per whole token. */
export interface PricePoint {
  ts: number;
  price: number;
}

/** The three tranches as a view states them now: NAV (raw U68F60 bits) and effective supply (supply + dead). */
export interface TrancheNow {
  navSf: bigint;
  effectiveSupply: bigint;
  deadShares: bigint;
}

function price(navSf: bigint, effectiveSupply: bigint): number | null {
  return effectiveSupply === 0n ? null : Number((navSf * 1_000_000_000_000n) / (effectiveSupply * ONE_SF)) / 1e12;
}

/** Each tranche's price per token over time, from `events` (oldest first, as `fetchEvents` returns them) and the
 * tranches as they are now: every event that states a NAV after it gives a point (an accrual also the point before
 * it), at the supply then. The supply is walked back from now (an epoch close burned its fills; a deposit minted its
 * shares, and states the supply after it, which re-anchors the walk), so a history that starts after the vault was
 * created still prices correctly. Oldest first; ends with the present. */
export function priceHistory(events: VaultEvent[], now: TrancheNow[], nowTs: number): PricePoint[][] {
  const points: PricePoint[][] = [[], [], []];
  const supply = now.map((t) => t.effectiveSupply);
  const push = (t: number, ts: number, navSf: bigint) => {
    const p = price(navSf, supply[t]);
    if (p !== null) points[t].push({ ts, price: p });
  };
  now.forEach((t, i) => push(i, nowTs, t.navSf));
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    const d = e.data;
    const ts = eventTime(e);
    switch (e.name) {
      case "depositEvent": {
        const t = num(d.tranche);
        supply[t] = big(d.supplyAfter) + now[t].deadShares;
        push(t, ts, big(d.navAfterSf));
        supply[t] -= big(d.shares) + big(d.deadShares);
        break;
      }
      case "interestAccruedEvent": {
        const after = d.navAfterSf as unknown[];
        const added = d.toTrancheSf as unknown[];
        for (let t = 0; t < 3; t++) {
          push(t, ts, big(after[t]));
          push(t, ts - num(d.dtSecs), big(after[t]) - big(added[t]));
        }
        break;
      }
      case "epochClosedEvent": {
        const fills = d.fills as { filled: unknown; navAfterSf: unknown }[];
        for (let t = 0; t < 3; t++) {
          push(t, ts, big(fills[t].navAfterSf));
          supply[t] += big(fills[t].filled);
        }
        break;
      }
      case "positionLiquidatedEvent": {
        const after = d.navAfterSf as unknown[];
        for (let t = 0; t < 3; t++) push(t, ts, big(after[t]));
        break;
      }
    }
  }
  return points.map((p) => p.reverse());
}
