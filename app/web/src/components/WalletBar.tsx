// The wallets the page found (Wallet Standard), and the connected one.
import { useWallet } from "@solana/wallet-adapter-react";
import { WalletReadyState } from "@solana/wallet-adapter-base";
import { short } from "../format";

export function WalletBar() {
  const { wallets, wallet, publicKey, connecting, select, disconnect } = useWallet();
  const found = wallets.filter((w) => w.readyState === WalletReadyState.Installed);
  if (publicKey && wallet) {
    return (
      <div className="wallet" data-testid="wallet">
        <span>
          {wallet.adapter.name} · <code data-testid="wallet-address" title={publicKey.toBase58()}>{short(publicKey)}</code>
        </span>
        <button className="secondary" onClick={() => void disconnect()}>
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <div className="wallet" data-testid="wallet">
      {found.length === 0 ? (
        <span className="muted small">No wallet found: install a Solana wallet (Wallet Standard) to deposit.</span>
      ) : (
        found.map((w) => (
          <button
            key={w.adapter.name}
            disabled={connecting}
            // Selecting connects it (the provider auto-connects the selected wallet, and reconnects it on reload).
            onClick={() => select(w.adapter.name)}
          >
            {w.adapter.icon && <img src={w.adapter.icon} alt="" width={16} height={16} />} Connect {w.adapter.name}
          </button>
        ))
      )}
    </div>
  );
}
