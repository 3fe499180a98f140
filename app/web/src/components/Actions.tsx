// The depositor's actions: deposit, request a redemption, cancel it, claim it (and close a due epoch, which anyone
// may). Each is reviewed first: what it will do, and what the program does with it in a simulation (or why it
// refuses, in the program's words); then the wallet signs, and the page follows it to confirmation.
import { useState } from "react";
import { useWallet } from "@solana/wallet-adapter-react";
import type { TransactionInstruction } from "@solana/web3.js";
import { TrancheVaultClient, type TrancheIndex } from "@tranche-vault/sdk";
import { amount, duration, parseAmount, price, relative, short } from "../format";
import { buildTx, refusal, signAndSend, simulate, type DecodedEvent, type Outcome } from "../tx";
import type { VaultData } from "../useVault";
import { TITLES } from "./Tranches";

type Kind = "deposit" | "request" | "cancel" | "claim" | "close";
const LABEL: Record<Kind, string> = {
  deposit: "Deposit",
  request: "Request redemption",
  cancel: "Cancel request",
  claim: "Claim",
  close: "Close epoch",
};
/** Slippage allowed on a deposit's shares, bps. */
const SLIPPAGE_BPS = 50;

interface Review {
  kind: Kind;
  tranche: TrancheIndex;
  lines: string[];
  built: Awaited<ReturnType<typeof buildTx>>;
  simulation: Outcome;
}

type Status =
  | { phase: "idle" }
  | { phase: "reviewing" }
  | { phase: "signing" }
  | { phase: "confirming"; signature: string }
  | { phase: "done"; signature: string; lines: string[] }
  | { phase: "failed"; error: string; signature?: string };

/** What the program's events say it did, in words. */
function effects(events: DecodedEvent[], d: number): string[] {
  const n = (x: unknown) => BigInt((x as { toString(): string }).toString());
  const out: string[] = [];
  for (const e of events) {
    const x = e.data;
    const t = TITLES[Number(n(x.tranche ?? 0))];
    switch (e.name) {
      case "depositEvent":
        out.push(`${t}: ${amount(n(x.amount), d)} USDC in, ${amount(n(x.shares), d, 6)} tokens minted to you.`);
        break;
      case "redemptionRequestedEvent":
        out.push(`${t}: ${amount(n(x.shares), d, 6)} tokens into the queue; your request is now ${amount(n(x.requestShares), d, 6)}.`);
        break;
      case "redemptionCancelledEvent":
        out.push(`${t}: ${amount(n(x.shares), d, 6)} unfilled tokens back to you; ${amount(n(x.claimable), d)} USDC stays claimable.`);
        break;
      case "redemptionClaimedEvent":
        out.push(`${t}: ${amount(n(x.amount), d)} USDC paid to you${x.closed ? "; the request is closed" : ""}.`);
        break;
      case "epochClosedEvent": {
        const fills = x.fills as { filled: unknown; payoutSf: unknown }[];
        const parts = fills.map((f, i) => `${TITLES[i]} ${amount(n(f.filled), d, 6)} tokens filled`);
        out.push(`Epoch ${n(x.epochIndex)} closed: ${parts.join(", ")}.`);
        break;
      }
      case "interestAccruedEvent":
        out.push(`Interest accrued first (${duration(Number(n(x.dtSecs)))} since the last accrual).`);
        break;
    }
  }
  return out;
}

export function Actions({ client, data, onDone }: { client: TrancheVaultClient; data: VaultData; onDone: () => void }) {
  const wallet = useWallet();
  const [kind, setKind] = useState<Kind>("deposit");
  const [tranche, setTranche] = useState<TrancheIndex>(2);
  const [text, setText] = useState("");
  const [review, setReview] = useState<Review | null>(null);
  const [status, setStatus] = useState<Status>({ phase: "idle" });
  const { view } = data;
  const d = view.quoteDecimals;
  const owner = wallet.publicKey;
  const holder = view.holder?.[tranche];
  const t = view.tranches[tranche];
  const epochDue = data.chainTime >= view.nextEpochCloseTs;
  const busy = status.phase === "reviewing" || status.phase === "signing" || status.phase === "confirming";

  const reset = () => {
    setReview(null);
    if (!busy) setStatus({ phase: "idle" });
  };

  async function prepare() {
    if (!owner) return;
    setStatus({ phase: "reviewing" });
    setReview(null);
    try {
      const vault = view.address;
      let ixs: TransactionInstruction[];
      let lines: string[];
      if (kind === "deposit") {
        const amt = parseAmount(text, d);
        if (!amt) throw new Error("Enter an amount of USDC to deposit.");
        const shares = TrancheVaultClient.sharesFor(t, amt);
        const min = (shares * BigInt(10_000 - SLIPPAGE_BPS)) / 10_000n;
        ixs = await client.depositInstructions(vault, owner, tranche, amt, SLIPPAGE_BPS);
        lines = [
          `Pay ${amount(amt, d)} USDC from your wallet into ${TITLES[tranche]}.`,
          `You receive about ${amount(shares, d, 6)} ${TITLES[tranche]} tokens at ${price(t.pricePerToken)} USDC each; the program refuses fewer than ${amount(min, d, 6)} (${SLIPPAGE_BPS / 100} % slippage).`,
          ...(holder && holder.balance === 0n ? [`Creates your ${TITLES[tranche]} token account if you have none (rent, about 0.002 SOL).`] : []),
        ];
      } else if (kind === "request") {
        const shares = parseAmount(text, d);
        if (!shares) throw new Error("Enter how many tokens to redeem.");
        ixs = [await client.requestInstruction(vault, owner, tranche, shares)];
        lines = [
          `Queue ${amount(shares, d, 6)} ${TITLES[tranche]} tokens for redemption; they move into the vault's escrow.`,
          `Worth about ${amount(BigInt(Math.floor(Number(shares) * t.pricePerToken)), d)} USDC at today's price; filled at the price of the epoch close (${relative(view.nextEpochCloseTs, data.chainTime)}), pro rata and within free liquidity. You can cancel the unfilled part.`,
        ];
      } else if (kind === "cancel") {
        ixs = await client.cancelInstructions(vault, owner, tranche);
        lines = [`Take back the unfilled part of your ${TITLES[tranche]} request (${amount(holder?.queuedShares ?? 0n, d, 6)} tokens still queued); what was filled stays claimable.`];
      } else if (kind === "claim") {
        ixs = await client.claimInstructions(vault, owner, tranche);
        lines = [`Pay what epoch closes filled of your ${TITLES[tranche]} request (${amount(holder?.claimable ?? 0n, d)} USDC for ${amount(holder?.filledShares ?? 0n, d, 6)} tokens) into your USDC account.`];
      } else {
        ixs = [await client.closeEpochInstruction(vault, owner)];
        lines = [`Close epoch (anyone may once it has ended): fills the queued requests senior first, each tranche pro rata at its price, within free liquidity.`];
      }
      const built = await buildTx(client.provider.connection, owner, ixs);
      const simulation = await simulate(client, built.tx);
      setReview({ kind, tranche, lines, built, simulation });
      setStatus({ phase: "idle" });
    } catch (e) {
      // A request for a tranche without one, say: the SDK's read fails before any transaction exists.
      setStatus({ phase: "failed", error: e instanceof Error && !("logs" in e) ? e.message : refusal(e) });
    }
  }

  async function send() {
    if (!review) return;
    setStatus({ phase: "signing" });
    const out = await signAndSend(client, wallet, review.built, view.address, (signature) =>
      setStatus({ phase: "confirming", signature }),
    );
    setReview(null);
    if (out.ok && out.signature) setStatus({ phase: "done", signature: out.signature, lines: effects(out.events, d) });
    else setStatus({ phase: "failed", error: out.error ?? "failed", signature: out.signature });
    onDone();
  }

  if (!owner) {
    return (
      <section className="card">
        <h2>Deposit and redeem</h2>
        <p className="muted">Connect a wallet to deposit or redeem.</p>
      </section>
    );
  }
  const needsAmount = kind === "deposit" || kind === "request";
  return (
    <section className="card" data-testid="actions">
      <h2>Deposit and redeem</h2>
      <div className="tabs" role="tablist">
        {(Object.keys(LABEL) as Kind[])
          .filter((k) => k !== "close" || epochDue)
          .map((k) => (
            <button
              key={k}
              role="tab"
              aria-selected={kind === k}
              className={kind === k ? "tab on" : "tab"}
              onClick={() => {
                setKind(k);
                reset();
              }}
            >
              {LABEL[k]}
            </button>
          ))}
      </div>
      {kind !== "close" && (
        <div className="row">
          <label>
            Tranche{" "}
            <select
              data-testid="tranche-select"
              value={tranche}
              onChange={(e) => {
                setTranche(Number(e.target.value) as TrancheIndex);
                reset();
              }}
            >
              {TITLES.map((name, i) => (
                <option key={name} value={i}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {needsAmount && (
            <label>
              {kind === "deposit" ? "USDC" : "Tokens"}{" "}
              <input
                data-testid="amount"
                inputMode="decimal"
                value={text}
                placeholder="0.00"
                onChange={(e) => {
                  setText(e.target.value);
                  reset();
                }}
              />
            </label>
          )}
          {needsAmount && (
            <button
              className="secondary"
              onClick={() => {
                const max = kind === "deposit" ? (data.quoteBalance ?? 0n) : (holder?.balance ?? 0n);
                setText(amount(max, d, d).replace(/,/g, ""));
                reset();
              }}
            >
              Max
            </button>
          )}
        </div>
      )}
      <p className="small muted">
        {kind === "deposit" && `You hold ${amount(data.quoteBalance ?? 0n, d)} USDC.`}
        {kind === "request" && `You hold ${amount(holder?.balance ?? 0n, d, 6)} ${TITLES[tranche]} tokens.`}
        {(kind === "cancel" || kind === "claim") &&
          `Your ${TITLES[tranche]} request: ${amount(holder?.queuedShares ?? 0n, d, 6)} tokens queued, ${amount(holder?.claimable ?? 0n, d)} USDC claimable.`}
        {kind === "close" && `The epoch ended ${relative(view.nextEpochCloseTs, data.chainTime)}.`}
        {kind !== "close" && !epochDue && ` Next epoch close ${relative(view.nextEpochCloseTs, data.chainTime)}.`}
      </p>
      <button data-testid="review" disabled={busy} onClick={() => void prepare()}>
        Review {LABEL[kind].toLowerCase()}
      </button>

      {review && (
        <div className="review" data-testid="review-panel">
          <h3>What this transaction will do</h3>
          <ul>
            {review.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {review.simulation.ok ? (
            <div className="ok" data-testid="simulation">
              <strong>Simulated on the chain: accepted.</strong>
              <ul>
                {effects(review.simulation.events, d).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
              <p className="small muted">{review.simulation.computeUnits} compute units.</p>
            </div>
          ) : (
            <div className="error" role="alert" data-testid="refusal">
              <strong>The program would refuse it:</strong> {review.simulation.error}
            </div>
          )}
          <button data-testid="sign" disabled={!review.simulation.ok || busy} onClick={() => void send()}>
            Sign with {wallet.wallet?.adapter.name ?? "wallet"} and send
          </button>
        </div>
      )}

      <div className="status" data-testid="status" aria-live="polite">
        {status.phase === "reviewing" && <p>Simulating…</p>}
        {status.phase === "signing" && <p>Waiting for your wallet to sign…</p>}
        {status.phase === "confirming" && (
          <p>
            Sent <code>{short(status.signature)}</code>, confirming…
          </p>
        )}
        {status.phase === "done" && (
          <div className="ok" data-testid="confirmed">
            <strong>Confirmed</strong> <code title={status.signature}>{short(status.signature)}</code>
            <ul>
              {status.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        {status.phase === "failed" && (
          <div className="error" role="alert" data-testid="failed">
            <strong>Refused:</strong> {status.error}
          </div>
        )}
      </div>
    </section>
  );
}
