// Each tranche's price per token over time (from the vault's events), as one SVG chart.
import type { PricePoint } from "@tranche-vault/sdk";
import { price, time } from "../format";
import type { VaultData } from "../useVault";
import { TITLES } from "./Tranches";

const COLORS = ["#2563eb", "#d97706", "#dc2626"];
const W = 640;
const H = 220;
const PAD = { l: 64, r: 12, t: 12, b: 28 };

export function PriceChart({ data }: { data: VaultData }) {
  const series = data.prices;
  const all = series.flat();
  if (all.length < 2) {
    return (
      <section className="card">
        <h2>Price per token</h2>
        <p className="muted">Not enough history yet.</p>
      </section>
    );
  }
  const t0 = Math.min(...all.map((p) => p.ts));
  const t1 = Math.max(...all.map((p) => p.ts), t0 + 1);
  let lo = Math.min(...all.map((p) => p.price));
  let hi = Math.max(...all.map((p) => p.price));
  if (hi - lo < 1e-6) {
    lo -= 0.0005;
    hi += 0.0005;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x = (ts: number) => PAD.l + ((ts - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (p: number) => PAD.t + (1 - (p - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  const path = (pts: PricePoint[]) =>
    pts.map((p, i) => `${i ? "L" : "M"}${x(p.ts).toFixed(1)},${y(p.price).toFixed(1)}`).join(" ");
  const ticks = [0, 0.5, 1].map((f) => lo + pad + f * (hi - lo - 2 * pad));
  return (
    <section className="card" data-testid="price-chart">
      <h2>Price per token</h2>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="price per token over time">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {price(v)}
            </text>
          </g>
        ))}
        <text x={PAD.l} y={H - 8} className="axis">
          {time(t0)}
        </text>
        <text x={W - PAD.r} y={H - 8} textAnchor="end" className="axis">
          {time(t1)}
        </text>
        {series.map((pts, i) =>
          pts.length ? (
            <g key={i}>
              <path d={path(pts)} fill="none" stroke={COLORS[i]} strokeWidth={2} data-testid={`series-${i}`} />
              {pts.map((p, k) => (
                <circle key={k} cx={x(p.ts)} cy={y(p.price)} r={2.5} fill={COLORS[i]} />
              ))}
            </g>
          ) : null,
        )}
      </svg>
      <p className="legend small">
        {TITLES.map((t, i) => (
          <span key={t}>
            <i style={{ background: COLORS[i] }} /> {t} {series[i].length ? price(series[i][series[i].length - 1].price) : "—"}
          </span>
        ))}
      </p>
    </section>
  );
}
