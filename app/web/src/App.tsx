// The depositor's page: wallet, the three tranches, the actions, the holder's positions and history, the price
// chart and the pool behind the tranches. Wallets are found through the Wallet Standard (no per-wallet packages).
import { useMemo, useState } from "react";
import { Connection, type PublicKey } from "@solana/web3.js";
import type { Provider } from "@anchor-lang/core";
import { ConnectionProvider, WalletProvider, useConnection, useWallet } from "@solana/wallet-adapter-react";
import { TrancheVaultClient } from "@tranche-vault/sdk";
import { configUrl, readConfig } from "./config";
import { useVault } from "./useVault";
import { WalletBar } from "./components/WalletBar";
import { Tranches } from "./components/Tranches";
import { Actions } from "./components/Actions";
import { Positions } from "./components/Positions";
import { History } from "./components/History";
import { PriceChart } from "./components/PriceChart";
import { Pool } from "./components/Pool";

export function App() {
  const config = useMemo(() => readConfig(), []);
  return (
    <ConnectionProvider endpoint={config.rpc} config={{ commitment: "confirmed" }}>
      <WalletProvider wallets={[]} autoConnect onError={(e) => console.error("wallet:", e)}>
        <Page rpc={config.rpc} vault={config.vault} problem={config.problem} />
      </WalletProvider>
    </ConnectionProvider>
  );
}

/** A read-only Anchor provider: the SDK reads and builds through it (its builders take every key they need); the
 * wallet adapter signs. */
function readProvider(connection: Connection): Provider {
  return { connection };
}

function Page({ rpc, vault, problem }: { rpc: string; vault: PublicKey | null; problem?: string }) {
  const { connection } = useConnection();
  const wallet = useWallet();
  const holder = wallet.publicKey;
  const client = useMemo(() => new TrancheVaultClient(readProvider(connection)), [connection]);
  const { data, error, reload } = useVault(client, vault, holder);
  return (
    <div className="page">
      <header className="top">
        <div>
          <h1>Tranche Vault</h1>
          <p className="muted small">
            {vault ? (
              <>
                vault <code data-testid="vault-address">{vault.toBase58()}</code>
              </>
            ) : (
              "no vault chosen"
            )}{" "}
            · RPC <code>{rpc}</code>
          </p>
        </div>
        <WalletBar />
      </header>
      {!vault ? (
        <ChooseVault rpc={rpc} problem={problem} />
      ) : (
        <>
          {error && (
            <p className="error" role="alert">
              Could not read the vault: {error}
            </p>
          )}
          {!data ? (
            <p className="muted">Reading the vault…</p>
          ) : (
            <>
              <Tranches data={data} />
              <div className="columns">
                <Actions client={client} data={data} onDone={reload} />
                <Positions data={data} />
              </div>
              <PriceChart data={data} />
              <History data={data} />
              <Pool data={data} />
            </>
          )}
        </>
      )}
      <footer className="muted small">
        Prices per token are NAV / (supply + locked shares). Pool figures are for display, as of the vault's last
        accrual; the program's own math decides every deposit, redemption and liquidation.
      </footer>
    </div>
  );
}

function ChooseVault({ rpc, problem }: { rpc: string; problem?: string }) {
  const [vault, setVault] = useState("");
  const [endpoint, setEndpoint] = useState(rpc);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        window.location.href = configUrl({ rpc: endpoint, vault });
      }}
    >
      <h2>Which vault?</h2>
      {problem && <p className="error">{problem}</p>}
      <label>
        Vault address <input value={vault} onChange={(e) => setVault(e.target.value)} placeholder="vault account" />
      </label>
      <label>
        RPC endpoint <input value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
      </label>
      <button type="submit">Open</button>
    </form>
  );
}
