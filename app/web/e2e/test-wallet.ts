// A Wallet Standard wallet backed by a test keypair, for the end-to-end test only: it is bundled on its own
// (e2e/build-test-wallet.ts, into target/e2e/) and injected into the page with `page.addInitScript`, after the
// keypair's secret key is set as `window.__TRANCHE_TEST_WALLET__`. The app's bundle never contains it. The app finds
// it as it finds any installed wallet (`registerWallet`; @solana/wallet-adapter-react's Wallet Standard detection).
import { Buffer } from "buffer";
import { Keypair, VersionedTransaction } from "@solana/web3.js";
import { registerWallet } from "@wallet-standard/wallet";
import type { IdentifierArray, Wallet, WalletAccount, WalletIcon } from "@wallet-standard/base";

const CHAINS = ["solana:mainnet", "solana:devnet", "solana:testnet", "solana:localnet"] as const;
const ICON: WalletIcon = `data:image/svg+xml;base64,${btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" rx="6" fill="#7c3aed"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff">T</text></svg>',
)}`;

declare global {
  interface Window {
    __TRANCHE_TEST_WALLET__?: number[];
    /** How many transactions the wallet has signed (the test checks that a refused deposit is never signed). */
    __TRANCHE_TEST_WALLET_SIGNED__?: number;
  }
}

type Listener = (properties: { accounts?: readonly WalletAccount[] }) => void;

class TestWallet implements Wallet {
  readonly version = "1.0.0" as const;
  readonly name = "Test Wallet";
  readonly icon = ICON;
  readonly chains: IdentifierArray = CHAINS;
  private connected = false;
  private listeners = new Set<Listener>();
  private readonly account: WalletAccount;

  constructor(private readonly keypair: Keypair) {
    this.account = {
      address: keypair.publicKey.toBase58(),
      publicKey: keypair.publicKey.toBytes(),
      chains: CHAINS,
      features: ["solana:signTransaction"],
      label: "test keypair",
    };
  }

  get accounts(): readonly WalletAccount[] {
    return this.connected ? [this.account] : [];
  }

  private emit() {
    for (const l of this.listeners) l({ accounts: this.accounts });
  }

  get features() {
    return {
      "standard:connect": {
        version: "1.0.0",
        connect: async () => {
          this.connected = true;
          this.emit();
          return { accounts: this.accounts };
        },
      },
      "standard:disconnect": {
        version: "1.0.0",
        disconnect: async () => {
          this.connected = false;
          this.emit();
        },
      },
      "standard:events": {
        version: "1.0.0",
        on: (_event: "change", listener: Listener) => {
          this.listeners.add(listener);
          return () => this.listeners.delete(listener);
        },
      },
      "solana:signTransaction": {
        version: "1.0.0",
        supportedTransactionVersions: ["legacy", 0],
        signTransaction: async (...inputs: { account: WalletAccount; transaction: Uint8Array }[]) =>
          inputs.map(({ account, transaction }) => {
            if (account.address !== this.account.address) throw new Error("not this wallet's account");
            const tx = VersionedTransaction.deserialize(transaction);
            tx.sign([this.keypair]);
            window.__TRANCHE_TEST_WALLET_SIGNED__ = (window.__TRANCHE_TEST_WALLET_SIGNED__ ?? 0) + 1;
            return { signedTransaction: tx.serialize() };
          }),
      },
    } as const;
  }
}

const g = globalThis as { Buffer?: typeof Buffer };
g.Buffer ??= Buffer;
const secret = window.__TRANCHE_TEST_WALLET__;
if (!secret) throw new Error("test wallet: window.__TRANCHE_TEST_WALLET__ (the secret key) is not set");
registerWallet(new TestWallet(Keypair.fromSecretKey(Uint8Array.from(secret))));
