// The collateral pool behind a vault, for a depositor to see what backs the tranches: the debt, liquidity and
// utilization, the collateral mix at its oracle prices, and each position's health.
//
// Figures here are for display (floating point over the program's fixed-point state, as of the vault's last
// accrual): the program's own health math is what `liquidate` and the liquidator bot use. The valuation follows it:
// collateral at its low side, min(spot − conf, EMA), debt at the quote's high side, max(spot + conf, EMA).
import type { IdlAccounts, Program } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";
import type { TrancheVault } from "./idl.js";

const ONE_SF = 2 ** 60;
/** The Anchor discriminator of a Pyth Receiver `PriceUpdateV2` account. */
const PRICE_UPDATE_V2 = [0x22, 0xf1, 0x23, 0x63, 0x9d, 0x7e, 0xf4, 0xcd];
/** Size of a `PriceUpdateV2` account. */
const PRICE_UPDATE_V2_LEN = 134;
const ORACLE_KIND_PULL = 0;

/** A `PodSf` / `u128` fixed-point value (raw U68F60 bits) as a float. */
function sfToNumber(x: { limbs: { toString(): string }[] } | { toString(): string }): number {
  const bits =
    "limbs" in x ? BigInt(x.limbs[0].toString()) + (BigInt(x.limbs[1].toString()) << 64n) : BigInt(x.toString());
  return Number(bits) / ONE_SF;
}

/** A Pyth price as the program reads it: spot, confidence and EMA in whole quote per whole token. */
export interface OraclePriceView {
  account: PublicKey;
  feedId: Uint8Array;
  price: number;
  conf: number;
  ema: number;
  emaConf: number;
  publishTime: number;
  fullyVerified: boolean;
  /** min(spot − conf, EMA): what collateral is valued at. */
  low: number;
  /** max(spot + conf, EMA): what debt is valued at. */
  high: number;
}

/** Decodes a Pyth Receiver `PriceUpdateV2` account (layout only: the program also checks owner, feed, age...).
 * `null` when `data` is not one. */
export function decodePriceUpdateV2(account: PublicKey, data: Uint8Array): OraclePriceView | null {
  if (data.length !== PRICE_UPDATE_V2_LEN || PRICE_UPDATE_V2.some((b, i) => data[i] !== b)) return null;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let o = 8 + 32;
  const level = data[o];
  if (level === 0) o += 2;
  else if (level === 1) o += 1;
  else return null;
  const feedId = data.slice(o, o + 32);
  o += 32;
  const price = dv.getBigInt64(o, true);
  const conf = dv.getBigUint64(o + 8, true);
  const expo = dv.getInt32(o + 16, true);
  const publishTime = Number(dv.getBigInt64(o + 20, true));
  const ema = dv.getBigInt64(o + 36, true);
  const emaConf = dv.getBigUint64(o + 44, true);
  const scale = 10 ** expo;
  const p = Number(price) * scale;
  const c = Number(conf) * scale;
  const e = Number(ema) * scale;
  return {
    account,
    feedId,
    price: p,
    conf: c,
    ema: e,
    emaConf: Number(emaConf) * scale,
    publishTime,
    fullyVerified: level === 1,
    low: Math.min(p - c, e),
    high: Math.max(p + c, e),
  };
}

/** One collateral asset of the pool. */
export interface CollateralView {
  asset: PublicKey;
  mint: PublicKey;
  decimals: number;
  enabled: boolean;
  maxLtvBps: number;
  liquidationThresholdBps: number;
  liquidationBonusBps: number;
  /** Deposited in all positions, native units, and in whole tokens. */
  totalDeposits: bigint;
  amount: number;
  /** The pinned price account's reading (null when it is missing or not a pull update). */
  oracle: OraclePriceView | null;
  /** The deposits at the low side, whole quote units (0 without a price). */
  value: number;
  /** Share of the pool's collateral value, 0..1. */
  share: number;
}

/** One borrower's position. */
export interface PositionHealthView {
  address: PublicKey;
  owner: PublicKey;
  /** Debt, whole quote units at the vault's borrow index; and at the quote's high side. */
  debt: number;
  debtValue: number;
  /** Σ collateral at the low side, whole quote units; and that times each asset's liquidation threshold. */
  collateralValue: number;
  liquidationPower: number;
  /** liquidationPower / debtValue; Infinity without debt, NaN when an entry has no price. */
  health: number;
}

/** How many positions, and how much debt, fall in a range of health. */
export interface HealthBucket {
  label: string;
  /** Lower bound (inclusive) and upper bound (exclusive) of health. */
  from: number;
  to: number;
  positions: number;
  debt: number;
}

export interface PoolView {
  /** Debt, liquidity (booked, less reserved payouts) and utilization = debt / (debt + free liquidity). */
  debt: number;
  liquidity: number;
  freeLiquidity: number;
  reservedPayouts: number;
  utilization: number;
  maxUtilizationBps: number;
  /** Annual borrow rate at the current utilization (the kinked curve), a fraction. */
  borrowRate: number;
  borrowIndex: number;
  lastAccrualTs: number;
  quoteOracle: OraclePriceView | null;
  collateral: CollateralView[];
  /** Totals of the collateral at the low side, whole quote units. */
  collateralValue: number;
  positions: PositionHealthView[];
  healthBuckets: HealthBucket[];
}

/** The kinked borrow-rate curve at utilization `u` (0..1), a fraction per year. */
export function borrowRateAt(
  curve: { baseRateBps: number; slope1Bps: number; slope2Bps: number; optimalUtilizationBps: number },
  u: number,
): number {
  const opt = curve.optimalUtilizationBps / 10_000;
  const base = curve.baseRateBps / 10_000;
  const s1 = curve.slope1Bps / 10_000;
  const s2 = curve.slope2Bps / 10_000;
  return u <= opt ? base + (s1 * u) / opt : base + s1 + (s2 * (u - opt)) / (1 - opt);
}

/** Health ranges a depositor reads the book by: liquidatable, thin, ..., safe. */
export const HEALTH_RANGES: [string, number, number][] = [
  ["< 1 (liquidatable)", 0, 1],
  ["1 – 1.1", 1, 1.1],
  ["1.1 – 1.25", 1.1, 1.25],
  ["1.25 – 1.5", 1.25, 1.5],
  ["1.5 – 2", 1.5, 2],
  ["≥ 2", 2, Infinity],
];

/** Positions with debt counted by health range (positions without debt are left out; unpriced ones too). */
export function healthDistribution(positions: PositionHealthView[]): HealthBucket[] {
  return HEALTH_RANGES.map(([label, from, to]) => {
    const inside = positions.filter((p) => p.debt > 0 && p.health >= from && p.health < to);
    return { label, from, to, positions: inside.length, debt: inside.reduce((a, p) => a + p.debt, 0) };
  });
}

/** The accounts as the IDL types them. */
type AssetAccount = IdlAccounts<TrancheVault>["collateralAsset"];
/** What valuing a position needs of its account. */
type PositionAccount = Pick<IdlAccounts<TrancheVault>["position"], "owner" | "entries" | "scaledDebtSf">;

/** Ascending health, unpriced (NaN) positions last. */
function byHealth(a: PositionHealthView, b: PositionHealthView): number {
  const rank = (h: number) => (Number.isNaN(h) ? 2 : h === Infinity ? 1 : 0);
  return rank(a.health) - rank(b.health) || (rank(a.health) === 0 ? a.health - b.health : 0);
}

/** Values positions against their assets' prices: pure, so that it can be checked on its own. */
export function positionHealth(
  address: PublicKey,
  p: PositionAccount,
  assets: Map<string, { decimals: number; liquidationThresholdBps: number; oracle: OraclePriceView | null }>,
  borrowIndex: number,
  quoteDecimals: number,
  quoteHigh: number,
): PositionHealthView {
  const debt = (sfToNumber(p.scaledDebtSf) * borrowIndex) / 10 ** quoteDecimals;
  let collateralValue = 0;
  let liquidationPower = 0;
  let priced = true;
  for (const e of p.entries) {
    const amount = BigInt(e.amount.toString());
    if (amount === 0n) continue;
    const a = assets.get(e.asset.toBase58());
    if (!a?.oracle) {
      priced = false;
      continue;
    }
    const v = (Number(amount) / 10 ** a.decimals) * a.oracle.low;
    collateralValue += v;
    liquidationPower += (v * a.liquidationThresholdBps) / 10_000;
  }
  const debtValue = debt * quoteHigh;
  const health = debt === 0 ? Infinity : priced ? liquidationPower / debtValue : NaN;
  return { address, owner: p.owner, debt, debtValue, collateralValue, liquidationPower, health };
}

/** The pool behind `vault`: its assets and positions (`getProgramAccounts` filtered by vault), and their prices. */
export async function poolView(program: Program<TrancheVault>, vault: PublicKey): Promise<PoolView> {
  const conn = program.provider.connection;
  const byVault = [{ memcmp: { offset: 8, bytes: vault.toBase58() } }];
  const [v, assetAccounts, positionAccounts] = await Promise.all([
    program.account.vault.fetch(vault),
    program.account.collateralAsset.all(byVault),
    program.account.position.all(byVault),
  ]);
  const oracleKeys = [v.quoteOracle.account, ...assetAccounts.map((a) => a.account.oracle.account)];
  const infos = await conn.getMultipleAccountsInfo(oracleKeys);
  const reading = (i: number, kind: number) => {
    const info = infos[i];
    return info && kind === ORACLE_KIND_PULL ? decodePriceUpdateV2(oracleKeys[i], info.data) : null;
  };
  const quoteOracle = reading(0, v.quoteOracle.kind);
  const assets = new Map<string, CollateralView>();
  assetAccounts.forEach(({ publicKey, account }, i) => {
    const a: AssetAccount = account;
    const oracle = reading(i + 1, a.oracle.kind);
    const totalDeposits = BigInt(a.totalDeposits.toString());
    const amount = Number(totalDeposits) / 10 ** a.decimals;
    assets.set(publicKey.toBase58(), {
      asset: publicKey,
      mint: a.mint,
      decimals: a.decimals,
      enabled: a.enabled,
      maxLtvBps: a.maxLtvBps,
      liquidationThresholdBps: a.liquidationThresholdBps,
      liquidationBonusBps: a.liquidationBonusBps,
      totalDeposits,
      amount,
      oracle,
      value: oracle ? amount * oracle.low : 0,
      share: 0,
    });
  });
  const collateral = [...assets.values()];
  const collateralValue = collateral.reduce((s, c) => s + c.value, 0);
  for (const c of collateral) c.share = collateralValue > 0 ? c.value / collateralValue : 0;

  const decimals = v.quoteDecimals;
  const borrowIndex = sfToNumber(v.borrowIndexSf);
  const debt = (sfToNumber(v.scaledDebtSf) * borrowIndex) / 10 ** decimals;
  const liquidity = Number(BigInt(v.liquidityNative.toString())) / 10 ** decimals;
  const reservedPayouts = sfToNumber(v.reservedPayoutSf) / 10 ** decimals;
  const freeLiquidity = Math.max(0, liquidity - reservedPayouts);
  const utilization = debt + freeLiquidity === 0 ? 0 : debt / (debt + freeLiquidity);
  const positions = positionAccounts
    .map(({ publicKey, account }) =>
      positionHealth(publicKey, account, assets, borrowIndex, decimals, quoteOracle?.high ?? NaN),
    )
    .sort(byHealth);
  return {
    debt,
    liquidity,
    freeLiquidity,
    reservedPayouts,
    utilization,
    maxUtilizationBps: v.maxUtilizationBps,
    borrowRate: borrowRateAt(v.rateCurve, utilization),
    borrowIndex,
    lastAccrualTs: v.lastAccrualTs.toNumber(),
    quoteOracle,
    collateral,
    collateralValue,
    positions,
    healthBuckets: healthDistribution(positions),
  };
}
