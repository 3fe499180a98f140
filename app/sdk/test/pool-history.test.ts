// The pool and history modules on their own: a PriceUpdateV2 decoded from the program's own layout, positions
// valued as the program values them (low side for collateral, high side for debt) against independent arithmetic,
// and each tranche's price walked back through a run of events whose field names are checked against the IDL. The
// same code runs against a real validator in the web app's end-to-end test (app/web/e2e).
import { test } from "node:test";
import assert from "node:assert/strict";
import BN from "bn.js";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  IDL,
  borrowRateAt,
  decodePriceUpdateV2,
  healthDistribution,
  holderActions,
  mergeEvents,
  positionHealth,
  priceHistory,
  type VaultEvent,
} from "../src/index.js";

const ONE_SF = 1n << 60n;
const sf = (x: bigint) => new BN((x * ONE_SF).toString());

/** A PriceUpdateV2 as `oracle::pyth_pull::encode` writes it. */
function priceUpdate(feed: number, price: bigint, conf: bigint, ema: bigint, expo: number, publishTime: bigint, full = true) {
  const b = new Uint8Array(134);
  const dv = new DataView(b.buffer);
  b.set([0x22, 0xf1, 0x23, 0x63, 0x9d, 0x7e, 0xf4, 0xcd], 0);
  b.fill(9, 8, 40);
  let o = 40;
  if (full) b[o++] = 1;
  else {
    b[o++] = 0;
    b[o++] = 2;
  }
  b.fill(feed, o, o + 32);
  o += 32;
  dv.setBigInt64(o, price, true);
  dv.setBigUint64(o + 8, conf, true);
  dv.setInt32(o + 16, expo, true);
  dv.setBigInt64(o + 20, publishTime, true);
  dv.setBigInt64(o + 28, publishTime - 1n, true);
  dv.setBigInt64(o + 36, ema, true);
  dv.setBigUint64(o + 44, conf, true);
  return b;
}

test("a PriceUpdateV2 decodes to the program's low and high sides", () => {
  const key = Keypair.generate().publicKey;
  // $100 ± $0.05, EMA $99.
  const p = decodePriceUpdateV2(key, priceUpdate(0x50, 10_000_000_000n, 5_000_000n, 9_900_000_000n, -8, 1_700_000_000n))!;
  assert.equal(p.price, 100);
  assert.equal(p.conf, 0.05);
  assert.equal(p.ema, 99);
  assert.equal(p.low, 99, "min(spot − conf, EMA)");
  assert.equal(p.high, 100.05, "max(spot + conf, EMA)");
  assert.equal(p.publishTime, 1_700_000_000);
  assert.ok(p.fullyVerified);
  assert.deepEqual([...p.feedId], new Array(32).fill(0x50));
  // A partial update (one byte more in the header) reads the same fields.
  const partial = decodePriceUpdateV2(key, priceUpdate(0x50, 10_000_000_000n, 5_000_000n, 9_900_000_000n, -8, 1n, false))!;
  assert.equal(partial.fullyVerified, false);
  assert.equal(partial.price, 100);
  // Not one: wrong size or discriminator.
  assert.equal(decodePriceUpdateV2(key, new Uint8Array(134)), null);
  assert.equal(decodePriceUpdateV2(key, priceUpdate(1, 1n, 0n, 1n, 0, 0n).slice(0, 133)), null);
});

test("positions are valued as the program values them, and bucketed by health", () => {
  const sol = Keypair.generate().publicKey;
  const dust = Keypair.generate().publicKey;
  const key = Keypair.generate().publicKey;
  const solPrice = decodePriceUpdateV2(key, priceUpdate(0x50, 10_000_000_000n, 5_000_000n, 10_000_000_000n, -8, 0n))!;
  const assets = new Map([
    [sol.toBase58(), { decimals: 9, liquidationThresholdBps: 8_000, oracle: solPrice }],
    [dust.toBase58(), { decimals: 6, liquidationThresholdBps: 8_000, oracle: null }],
  ]);
  const owner = Keypair.generate().publicKey;
  const entry = (asset: PublicKey, amount: bigint) => ({ asset, amount: new BN(amount.toString()) });
  const empty = entry(PublicKey.default, 0n);
  const quoteHigh = 1.0005;
  // The validator test's loans: 10 SOL at $100 (conf $0.05) borrowing 690 and 200 USDC; the index at 1.
  const loan = (usdc: bigint, extra = empty) => ({
    owner,
    entries: [entry(sol, 10_000_000_000n), extra, empty, empty, empty, empty, empty, empty],
    scaledDebtSf: new BN((usdc * 1_000_000n * ONE_SF).toString()),
  });
  const a = positionHealth(key, loan(690n), assets, 1, 6, quoteHigh);
  const independent = (10 * 99.95 * 0.8) / (690 * 1.0005);
  assert.ok(Math.abs(a.health - independent) < 1e-12, `${a.health} vs ${independent}`);
  assert.equal(Math.floor(a.health * 10_000) / 10_000, 1.1582, "the validator test's 1.1582");
  assert.equal(a.debt, 690);
  assert.equal(a.collateralValue, 999.5);
  const b = positionHealth(key, loan(200n), assets, 1.1, 6, quoteHigh);
  assert.ok(Math.abs(b.debt - 220) < 1e-9, "debt = scaled × index");
  // An entry without a price cannot be valued: NaN, and left out of the buckets.
  const c = positionHealth(key, loan(690n, entry(dust, 1n)), assets, 1, 6, quoteHigh);
  assert.ok(Number.isNaN(c.health));
  const none = positionHealth(key, { owner, entries: [empty], scaledDebtSf: new BN(0) }, assets, 1, 6, quoteHigh);
  assert.equal(none.health, Infinity);
  // At $84 the 690 loan is liquidatable (0.9729).
  const crashed = decodePriceUpdateV2(key, priceUpdate(0x50, 8_400_000_000n, 4_200_000n, 8_400_000_000n, -8, 0n))!;
  const low = positionHealth(key, loan(690n), new Map([[sol.toBase58(), { ...assets.get(sol.toBase58())!, oracle: crashed }]]), 1, 6, quoteHigh);
  assert.equal(Math.floor(low.health * 10_000) / 10_000, 0.9729);
  const buckets = healthDistribution([a, b, c, none, low]);
  assert.deepEqual(
    buckets.map((k) => [k.label, k.positions]),
    [
      ["< 1 (liquidatable)", 1],
      ["1 – 1.1", 0],
      ["1.1 – 1.25", 1],
      ["1.25 – 1.5", 0],
      ["1.5 – 2", 0],
      ["≥ 2", 1],
    ],
  );
  assert.ok(Math.abs(buckets[5].debt - 220) < 1e-9);
});

test("the kinked rate curve", () => {
  const curve = { baseRateBps: 100, slope1Bps: 900, slope2Bps: 15_000, optimalUtilizationBps: 8_000 };
  assert.equal(borrowRateAt(curve, 0), 0.01);
  assert.ok(Math.abs(borrowRateAt(curve, 0.4) - 0.055) < 1e-12);
  assert.ok(Math.abs(borrowRateAt(curve, 0.8) - 0.1) < 1e-12);
  assert.ok(Math.abs(borrowRateAt(curve, 0.9) - 0.85) < 1e-12);
});

/** The camelCase field names of an IDL event type, as the EventParser decodes them. */
function idlFields(event: string): string[] {
  const t = IDL.types.find((x) => x.name === event);
  assert.ok(t, `the IDL has ${event}`);
  const fields = (t.type as { fields?: { name: string }[] }).fields ?? [];
  return fields.map((f) => f.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
}

test("each tranche's price is walked back through the events, which use the IDL's field names", () => {
  const vault = Keypair.generate().publicKey;
  const alice = Keypair.generate().publicKey;
  const bob = Keypair.generate().publicKey;
  const USDC = 1_000_000n;
  let n = 0;
  const ev = (name: string, ts: number, data: Record<string, unknown>): VaultEvent => {
    const fields = idlFields(name[0].toUpperCase() + name.slice(1));
    for (const k of Object.keys(data)) assert.ok(fields.includes(k), `${name}.${k} is not in the IDL (${fields})`);
    return { name, data: { vault, ts: new BN(ts), ...data }, signature: `sig${n++}`, slot: n, blockTime: ts, index: 0 };
  };
  const zero3 = [new BN(0), new BN(0), new BN(0)];
  const fill = (filled: bigint, nav: bigint) => ({ filled: new BN(filled.toString()), navAfterSf: sf(nav) });
  // Junior: Alice's first deposit of 10,000 (1,000 dead shares), a day's interest adds 100, Bob deposits 5,050 at
  // 1.01, an epoch close burns 1,000 of Alice's tokens for 1,010, a liquidation writes 1,000 off junior.
  const dead = 1_000n;
  const events = [
    ev("depositEvent", 1_000, {
      tranche: 2, depositor: alice, amount: new BN((10_000n * USDC).toString()),
      shares: new BN((10_000n * USDC - dead).toString()), deadShares: new BN(dead.toString()),
      navAfterSf: sf(10_000n * USDC), supplyAfter: new BN((10_000n * USDC - dead).toString()),
    }),
    ev("interestAccruedEvent", 1_000 + 86_400, {
      dtSecs: new BN(86_400), navAfterSf: [new BN(0), new BN(0), sf(10_100n * USDC)],
      toTrancheSf: [new BN(0), new BN(0), sf(100n * USDC)],
    }),
    ev("depositEvent", 1_000 + 86_400, {
      tranche: 2, depositor: bob, amount: new BN((5_050n * USDC).toString()),
      shares: new BN((5_000n * USDC).toString()), deadShares: new BN(0),
      navAfterSf: sf(15_150n * USDC), supplyAfter: new BN((15_000n * USDC - dead).toString()),
    }),
    ev("redemptionRequestedEvent", 1_000 + 86_500, { tranche: 2, owner: alice, shares: new BN((1_000n * USDC).toString()) }),
    ev("epochClosedEvent", 1_000 + 2 * 86_400, {
      fills: [fill(0n, 0n), fill(0n, 0n), fill(1_000n * USDC, 14_140n * USDC)],
    }),
    ev("redemptionClaimedEvent", 1_000 + 2 * 86_400 + 10, { tranche: 2, owner: alice, amount: new BN((1_010n * USDC).toString()) }),
    ev("positionLiquidatedEvent", 1_000 + 3 * 86_400, { navAfterSf: [new BN(0), new BN(0), sf(13_140n * USDC)] }),
  ];
  const now = [
    { navSf: 0n, effectiveSupply: 0n, deadShares: 0n },
    { navSf: 0n, effectiveSupply: 0n, deadShares: 0n },
    { navSf: 13_140n * USDC * ONE_SF, effectiveSupply: 14_000n * USDC, deadShares: dead },
  ];
  const history = priceHistory(events, now, 1_000 + 4 * 86_400);
  assert.deepEqual(history[0], [], "no supply, no price");
  assert.deepEqual(
    history[2].map((p) => [p.ts - 1_000, Math.round(p.price * 1e6) / 1e6]),
    [
      [0, 1], // Alice's deposit
      [0, 1], // the accrual's start (its dt back from its time)
      [86_400, 1.01], // the accrual
      [86_400, 1.01], // Bob's deposit at the same price
      [2 * 86_400, 1.01], // the close: 1,010 paid for 1,000 tokens
      [3 * 86_400, 0.938571], // the write-off: 13,140 / 14,000
      [4 * 86_400, 0.938571], // now
    ],
  );

  const actions = holderActions(events, alice);
  assert.deepEqual(
    actions.map((a) => [a.kind, a.tranche, a.amount, a.shares]),
    [
      ["deposit", 2, 10_000n * USDC, 10_000n * USDC - dead],
      ["request", 2, 0n, 1_000n * USDC],
      ["claim", 2, 1_010n * USDC, 0n],
    ],
  );
  assert.deepEqual(holderActions(events, bob).map((a) => a.kind), ["deposit"]);

  // History from the node (finalized) and from the live subscription overlap: each event once, by slot.
  const live = [{ ...events[6] }, { ...events[5] }];
  const merged = mergeEvents(events.slice(0, 6), live);
  assert.deepEqual(merged.map((e) => e.signature), events.map((e) => e.signature));
  // The same transaction reported again with its events elsewhere (a fork where an accrual ran before it), and
  // twice in one list: the first list's events only, each once.
  const forked = live.map((e) => ({ ...e, index: e.index + 1, slot: e.slot + 3 }));
  const again = mergeEvents([...events, events[6]], forked, live);
  assert.deepEqual(again.map((e) => [e.signature, e.index]), events.map((e) => [e.signature, e.index]));
  assert.equal(holderActions(again, alice).length, actions.length);
});
