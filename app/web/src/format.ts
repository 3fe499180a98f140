// Display formatting: native amounts with the mint's decimals, prices, percentages, times.

/** `native` units of a `decimals` token as a decimal string with thousands separators, trimmed to `digits`. */
export function amount(native: bigint, decimals: number, digits = 2): string {
  const neg = native < 0n;
  const abs = neg ? -native : native;
  const unit = 10n ** BigInt(decimals);
  const whole = abs / unit;
  let frac = (abs % unit).toString().padStart(decimals, "0").slice(0, digits);
  frac = frac.replace(/0+$/, "");
  const w = whole.toLocaleString("en-US");
  return `${neg ? "-" : ""}${w}${frac ? `.${frac}` : ""}`;
}

/** A decimal string typed by a user as native units; `null` if it is not a non-negative number with at most
 * `decimals` decimals. */
export function parseAmount(text: string, decimals: number): bigint | null {
  const t = text.trim().replace(/,/g, "");
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return null;
  const frac = m[2] ?? "";
  if (frac.length > decimals) return null;
  return BigInt(m[1] || "0") * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, "0") || "0");
}

export function number(x: number, digits = 2): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function price(x: number): string {
  return x.toFixed(6);
}

export function pct(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function bps(x: number, digits = 2): string {
  return pct(x / 10_000, digits);
}

export function time(unix: number): string {
  return new Date(unix * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function short(key: { toBase58(): string } | string): string {
  const s = typeof key === "string" ? key : key.toBase58();
  return `${s.slice(0, 4)}…${s.slice(-4)}`;
}

/** "45 s", "3 h 20 min", "6.9 days". */
export function duration(secs: number): string {
  const a = Math.abs(Math.round(secs));
  if (a < 60) return `${a} s`;
  if (a < 3_600) return `${Math.round(a / 60)} min`;
  if (a < 86_400) return `${Math.floor(a / 3_600)} h ${Math.floor((a % 3_600) / 60)} min`;
  return `${(a / 86_400).toFixed(1)} days`;
}

/** "in 3 h 20 min" / "4 min ago". */
export function relative(unix: number, now = Date.now() / 1000): string {
  const d = unix - now;
  return d >= 0 ? `in ${duration(d)}` : `${duration(d)} ago`;
}
