// The three tranches side by side: NAV, price per token, APRs, the cushion below each (subordination), the cap
// used, the queue, and what each tranche risks.
import type { TrancheView } from "@tranche-vault/sdk";
import { amount, bps, pct, price } from "../format";
import type { VaultData } from "../useVault";

export const TITLES = ["Senior", "Mezzanine", "Junior"] as const;
const RISK: [string, string][] = [
  ["Lowest risk", "Paid first; loses only after mezzanine and junior are wiped out."],
  ["Medium risk", "Paid after senior; loses after junior is wiped out."],
  ["Highest risk", "First loss; takes the residual income, so it earns the most when the pool is sound."],
];

function Meter({ value, min, label, testId }: { value: number; min?: number; label: string; testId?: string }) {
  const clamp = Math.max(0, Math.min(1, value));
  return (
    <div className="meter" aria-label={label} data-testid={testId}>
      <div className="bar">
        <div className={`fill ${min !== undefined && value < min ? "low" : ""}`} style={{ width: `${clamp * 100}%` }} />
        {min !== undefined && <div className="min" style={{ left: `${Math.min(1, min) * 100}%` }} title="minimum" />}
      </div>
      <div className="small">{label}</div>
    </div>
  );
}

export function Tranches({ data }: { data: VaultData }) {
  const { view } = data;
  const d = view.quoteDecimals;
  const s = view.subordination;
  // The cushion below each tranche, against the minimum the program enforces for deposits into it.
  const cushion: ({ value: number; min: number; what: string } | null)[] = [
    { value: s.juniorMezzanineBps / 10_000, min: s.minSubordinationBps / 10_000, what: "mezzanine + junior below" },
    { value: s.juniorBps / 10_000, min: s.minJuniorBps / 10_000, what: "junior below" },
    null,
  ];
  return (
    <section className="tranches">
      {view.tranches.map((t: TrancheView, i) => {
        const c = cushion[i];
        return (
          <article key={t.name} className={`card tranche ${t.name}`} data-testid={`tranche-${t.name}`}>
            <header>
              <h2>
                {TITLES[i]}{" "}
                {t.token.symbol && (
                  <span className="small muted" title={t.token.name} data-testid="symbol">
                    {t.token.symbol}
                  </span>
                )}
              </h2>
              <span className={`risk r${i}`} title={RISK[i][1]}>
                {RISK[i][0]}
              </span>
            </header>
            <p className="small muted">{RISK[i][1]}</p>
            <dl>
              <dt>NAV</dt>
              <dd data-testid="nav">{amount(t.nav, d)} USDC</dd>
              <dt>Price per token</dt>
              <dd data-testid="price">{price(t.pricePerToken)}</dd>
              <dt>Tokens outstanding</dt>
              <dd>{amount(t.supply, d)}</dd>
              <dt>Target APR</dt>
              <dd>{i === 2 ? "residual" : bps(t.targetAprBps)}</dd>
              <dt>Realized APR</dt>
              <dd title="the price's growth since the vault was created, as a simple annual rate">
                {t.effectiveSupply === 0n ? "—" : bps(t.realizedAprBps)}
              </dd>
              {t.writtenDown > 0n && (
                <>
                  <dt>Written down</dt>
                  <dd className="bad">{amount(t.writtenDown, d)} USDC</dd>
                </>
              )}
              <dt>Queued to redeem</dt>
              <dd>{amount(t.queuedShares, d)}</dd>
            </dl>
            {c ? (
              <Meter
                value={c.value}
                min={c.min}
                testId="subordination"
                label={`Subordination: ${pct(c.value)} ${c.what} (min ${pct(c.min, 0)})`}
              />
            ) : (
              <Meter value={0} testId="subordination" label="Subordination: none below (first loss)" />
            )}
            <Meter
              value={t.capUsedBps / 10_000}
              testId="cap"
              label={`Cap used: ${bps(t.capUsedBps)} of ${amount(t.depositCap, d, 0)} USDC`}
            />
          </article>
        );
      })}
    </section>
  );
}
