// Which vault and which RPC endpoint: the page's URL (`?vault=<address>&rpc=<url>`), else the build's environment
// (VITE_TRANCHE_VAULT, VITE_TRANCHE_RPC: `make web` sets them to its local validator), else a local validator's
// default endpoint and no vault (the page then asks for one).
import { PublicKey } from "@solana/web3.js";

export interface AppConfig {
  rpc: string;
  vault: PublicKey | null;
  /** Why the vault given could not be used. */
  problem?: string;
}

export function readConfig(search = window.location.search): AppConfig {
  const q = new URLSearchParams(search);
  const rpc = q.get("rpc") || import.meta.env.VITE_TRANCHE_RPC || "http://127.0.0.1:8899";
  const given = q.get("vault") || import.meta.env.VITE_TRANCHE_VAULT || "";
  if (!given) return { rpc, vault: null };
  try {
    return { rpc, vault: new PublicKey(given) };
  } catch {
    return { rpc, vault: null, problem: `"${given}" is not a Solana address` };
  }
}

/** The page's URL for another vault or endpoint. */
export function configUrl(c: { rpc: string; vault: string }): string {
  const q = new URLSearchParams({ vault: c.vault, rpc: c.rpc });
  return `${window.location.pathname}?${q}`;
}
