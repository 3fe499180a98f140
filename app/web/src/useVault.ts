// Everything the page shows about a vault, read through the SDK: the depositor's view (with the holder's balances
// and requests when a wallet is connected), the pool behind it, and the vault's events (the price chart) and the
// holder's (their history). Reloaded after each transaction and every few seconds.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PublicKey } from "@solana/web3.js";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import {
  eventTime,
  fetchEvents,
  holderActions,
  mergeEvents,
  watchEvents,
  poolView,
  priceHistory,
  type HolderAction,
  type PoolView,
  type PricePoint,
  type TrancheVaultClient,
  type VaultEvent,
  type VaultView,
} from "@tranche-vault/sdk";

export interface VaultData {
  view: VaultView;
  pool: PoolView;
  prices: PricePoint[][];
  actions: HolderAction[];
  /** The holder's quote balance, native units (null without a wallet or account). */
  quoteBalance: bigint | null;
  /** Unix seconds of the chain's clock when this was read. */
  chainTime: number;
  loadedAt: number;
}

export function useVault(client: TrancheVaultClient, vault: PublicKey | null, holder: PublicKey | null, everyMs = 8_000) {
  const [data, setData] = useState<VaultData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  // Events confirmed since the page opened (the node's history may show them only once finalized).
  const live = useRef<VaultEvent[]>([]);

  const reload = useCallback(async () => {
    if (!vault) return;
    const mine = ++seq.current;
    try {
      const conn = client.provider.connection;
      // Events first, then the state: a transaction landing in between shows in the state, and the price walk
      // re-anchors on the supply each deposit states.
      const [fetched, mineEvents] = await Promise.all([
        fetchEvents(client.program, vault, { vault, limit: 300 }),
        holder ? fetchEvents(client.program, holder, { vault, limit: 300 }) : Promise.resolve([]),
      ]);
      const events = mergeEvents(fetched, live.current);
      const [view, pool] = await Promise.all([client.view(vault, holder ?? undefined), poolView(client.program, vault)]);
      const chainTime = view.nowTs;
      let quoteBalance: bigint | null = null;
      if (holder) {
        const ata = getAssociatedTokenAddressSync(view.quoteMint, holder, true, view.tokenProgram);
        const b = await conn.getTokenAccountBalance(ata, "confirmed").catch(() => null);
        quoteBalance = b ? BigInt(b.value.amount) : null;
      }
      // The view's NAV is as of the last accrual or later event.
      const lastTs = Math.max(pool.lastAccrualTs, ...events.map(eventTime));
      const prices = priceHistory(events, view.tranches, lastTs);
      if (mine !== seq.current) return;
      setData({
        view,
        pool,
        prices,
        actions: holder ? holderActions(mergeEvents(fetched, mineEvents, live.current), holder).reverse() : [],
        quoteBalance,
        chainTime,
        loadedAt: Date.now(),
      });
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [client, vault, holder]);

  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (!vault) return;
    live.current = [];
    return watchEvents(client.program, vault, (events) => {
      // A later notification of the same transaction replaces the earlier one.
      live.current = mergeEvents(events, live.current);
      void reloadRef.current();
    });
  }, [client, vault]);

  useEffect(() => {
    setData(null);
    void reload();
    const id = setInterval(() => void reload(), everyMs);
    return () => clearInterval(id);
  }, [reload, everyMs]);

  return { data, error, reload };
}
