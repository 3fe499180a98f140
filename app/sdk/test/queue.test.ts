// `settleRequest` against hand-worked fills (the program's `math::queue` arithmetic): a partial fill, a request
// spanning an ended generation, and the floors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { settleRequest } from "../src/index.js";

const ONE = 1n << 60n;
const none = new Map<bigint, { p: bigint; s: bigint }>();

test("a partial fill: 1,000 shares, 40 % filled at 1.5 per share", () => {
  // One fill of 400 of 1,000 queued shares for 600: s = 1 · 600 / 1000, p = 1 · 600 / 1000.
  const acc = { p: (ONE * 600n) / 1000n, s: (ONE * 600n) / 1000n, generation: 0n };
  const got = settleRequest({ shares: 1_000n, p: ONE, s: 0n, generation: 0n }, acc, none);
  assert.deepEqual(got, { queued: 599n, payout: 599n }, "both floored: p and s are rounded down first");
  // A request that joined after that fill (at p₀ = p, s₀ = s) has earned nothing and keeps all its shares.
  assert.deepEqual(settleRequest({ shares: 10n, p: acc.p, s: acc.s, generation: 0n }, acc, none), { queued: 10n, payout: 0n });
});

test("a request across an ended generation settles through its record, then the current one", () => {
  // Generation 3 ended with everything filled at 2 per share (p = 0, s = 2); generation 4 has filled half at 1.
  const ends = new Map([[3n, { p: 0n, s: 2n * ONE }]]);
  const acc = { p: ONE / 2n, s: ONE / 2n, generation: 4n };
  assert.deepEqual(settleRequest({ shares: 100n, p: ONE, s: 0n, generation: 3n }, acc, ends), { queued: 0n, payout: 200n });
  assert.throws(() => settleRequest({ shares: 100n, p: ONE, s: 0n, generation: 3n }, acc, none), /generation 3 has ended/);
  // An empty request needs no record.
  assert.deepEqual(settleRequest({ shares: 0n, p: ONE, s: 0n, generation: 1n }, acc, none), { queued: 0n, payout: 0n });
});
