// What backs the tranches: debt, liquidity and utilization, the collateral mix at its oracle prices, and the
// positions' health distribution.
import { amount, number, pct, relative, short } from "../format";
import type { VaultData } from "../useVault";

export function Pool({ data }: { data: VaultData }) {
  const { pool } = data;
  const now = data.chainTime;
  const maxBucket = Math.max(1, ...pool.healthBuckets.map((b) => b.positions));
  return (
    <section className="card" data-testid="pool">
      <h2>The pool</h2>
      <div className="stats">
        <div>
          <span className="small muted">Debt</span>
          <strong data-testid="pool-debt">{number(pool.debt)} USDC</strong>
        </div>
        <div>
          <span className="small muted">Free liquidity</span>
          <strong>{number(pool.freeLiquidity)} USDC</strong>
        </div>
        <div>
          <span className="small muted">Utilization</span>
          <strong data-testid="utilization">{pct(pool.utilization)}</strong>
          <span className="small muted">cap {pct(pool.maxUtilizationBps / 10_000, 0)}</span>
        </div>
        <div>
          <span className="small muted">Borrow rate</span>
          <strong>{pct(pool.borrowRate)}</strong>
        </div>
      </div>
      <h3>Collateral mix</h3>
      <table data-testid="collateral">
        <thead>
          <tr>
            <th>Asset (mint)</th>
            <th>Deposited</th>
            <th>Price (low side)</th>
            <th>Value (USDC)</th>
            <th>Share</th>
            <th>Max LTV / liq.</th>
            <th>Price age</th>
          </tr>
        </thead>
        <tbody>
          {pool.collateral.map((c) => (
            <tr key={c.asset.toBase58()}>
              <td>
                <code title={c.mint.toBase58()}>{short(c.mint)}</code>
                {!c.enabled && <span className="small muted"> (disabled)</span>}
              </td>
              <td>{amount(c.totalDeposits, c.decimals, 4)}</td>
              <td>{c.oracle ? number(c.oracle.low, 4) : "no price"}</td>
              <td>{number(c.value)}</td>
              <td>
                <div className="bar inline">
                  <div className="fill" style={{ width: `${c.share * 100}%` }} />
                </div>{" "}
                {pct(c.share, 1)}
              </td>
              <td>
                {pct(c.maxLtvBps / 10_000, 0)} / {pct(c.liquidationThresholdBps / 10_000, 0)}
              </td>
              <td className={c.oracle && now - c.oracle.publishTime > 3_600 ? "bad" : ""}>
                {c.oracle ? relative(c.oracle.publishTime, now) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Positions' health</h3>
      <p className="small muted">
        Health = collateral at its low price × liquidation threshold ÷ debt at the quote's high price; below 1 a
        liquidator may repay part of the debt and take collateral at a bonus.
      </p>
      <div className="buckets" data-testid="health-buckets">
        {pool.healthBuckets.map((b, i) => (
          <div key={b.label} className="bucket">
            <span className="small">{b.label}</span>
            <div className="bar">
              <div className={`fill ${i === 0 ? "low" : ""}`} style={{ width: `${(b.positions / maxBucket) * 100}%` }} />
            </div>
            <span className="small" data-testid={`bucket-${i}`}>
              {b.positions} · {number(b.debt)} USDC
            </span>
          </div>
        ))}
      </div>
      <details>
        <summary>{pool.positions.length} positions</summary>
        <table data-testid="positions-health">
          <thead>
            <tr>
              <th>Position</th>
              <th>Debt (USDC)</th>
              <th>Collateral (USDC)</th>
              <th>Health</th>
            </tr>
          </thead>
          <tbody>
            {pool.positions.map((p) => (
              <tr key={p.address.toBase58()}>
                <td>
                  <code>{short(p.address)}</code>
                </td>
                <td>{number(p.debt)}</td>
                <td>{number(p.collateralValue)}</td>
                <td data-testid="health" className={p.health < 1 ? "bad" : ""}>
                  {Number.isFinite(p.health) ? (Math.floor(p.health * 10_000) / 10_000).toFixed(4) : p.health === Infinity ? "no debt" : "unpriced"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
