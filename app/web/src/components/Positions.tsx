// The connected holder's tokens in each tranche, their value at the current price, and their redemption requests.
import { useWallet } from "@solana/wallet-adapter-react";
import { amount, number } from "../format";
import type { VaultData } from "../useVault";
import { TITLES } from "./Tranches";

export function Positions({ data }: { data: VaultData }) {
  const { publicKey } = useWallet();
  const { view } = data;
  const d = view.quoteDecimals;
  if (!publicKey || !view.holder) {
    return (
      <section className="card">
        <h2>Your positions</h2>
        <p className="muted">Connect a wallet to see your positions.</p>
      </section>
    );
  }
  const total = view.holder.reduce(
    (s, h, i) => s + (Number(h.balance + h.queuedShares) / 10 ** d) * view.tranches[i].pricePerToken + Number(h.claimable) / 10 ** d,
    0,
  );
  return (
    <section className="card" data-testid="positions">
      <h2>Your positions</h2>
      <p className="small">
        Wallet: <span data-testid="quote-balance">{data.quoteBalance === null ? "no" : amount(data.quoteBalance, d)}</span> USDC ·
        in the vault ≈ {number(total)} USDC
      </p>
      <table>
        <thead>
          <tr>
            <th>Tranche</th>
            <th>Tokens</th>
            <th>Value (USDC)</th>
            <th>Queued</th>
            <th>Filled</th>
            <th>Claimable (USDC)</th>
          </tr>
        </thead>
        <tbody>
          {view.holder.map((h, i) => (
            <tr key={i} data-testid={`position-${view.tranches[i].name}`}>
              <td>{TITLES[i]}</td>
              <td data-testid="balance">{amount(h.balance, d, 6)}</td>
              <td>{number((Number(h.balance) / 10 ** d) * view.tranches[i].pricePerToken)}</td>
              <td data-testid="queued">{amount(h.queuedShares, d, 6)}</td>
              <td data-testid="filled">{amount(h.filledShares, d, 6)}</td>
              <td data-testid="claimable">{amount(h.claimable, d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        Your redemption requests as the epoch closes since their last change left them: still queued, filled, and
        what a claim pays now.
      </p>
    </section>
  );
}
