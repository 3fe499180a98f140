// The holder's own deposits and redemptions, from the program's events.
import { useWallet } from "@solana/wallet-adapter-react";
import { amount, short, time } from "../format";
import type { VaultData } from "../useVault";
import { TITLES } from "./Tranches";

const WHAT = { deposit: "Deposit", request: "Redemption requested", cancel: "Request cancelled", claim: "Claimed" };

export function History({ data }: { data: VaultData }) {
  const { publicKey } = useWallet();
  if (!publicKey) return null;
  const d = data.view.quoteDecimals;
  return (
    <section className="card" data-testid="history">
      <h2>Your history</h2>
      {data.actions.length === 0 ? (
        <p className="muted">Nothing yet in this vault.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Tranche</th>
              <th>USDC</th>
              <th>Tokens</th>
              <th>Transaction</th>
            </tr>
          </thead>
          <tbody>
            {data.actions.map((a) => (
              <tr key={`${a.signature}:${a.index}`} data-testid="history-row">
                <td>{time(a.ts)}</td>
                <td>{WHAT[a.kind]}</td>
                <td>{TITLES[a.tranche]}</td>
                <td>{a.amount ? amount(a.amount, d) : ""}</td>
                <td>{a.shares ? amount(a.shares, d) : ""}</td>
                <td>
                  <code title={a.signature}>{short(a.signature)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
