//! The redemption queue: pro-rata epoch fills in O(1), whatever the number of requests.
//!
//! Each tranche keeps two running accumulators over the closed epochs of the current *generation*:
//! - `p`, the product of the unfilled fractions, `Π (1 − filled / queued)`, rounded **down** (so what a
//!   request still has queued is under-estimated, never over);
//! - `s`, the payout per queued share weighted by `p`, `Σ p · payout / queued`, rounded **down**.
//!
//! A request remembers `(shares, p₀, s₀, generation)` when it last changed. Later it still has
//! `⌊shares · p / p₀⌋` shares queued and has earned `⌊shares · (s − s₀) / p₀⌋` native units (the method of
//! Liquity's stability pool). Because `p` is floored, the shares requests can still claim never add up to more
//! than the tranche's queued total, and their payouts never add up to more than what the fills reserved.
//!
//! A generation ends when a fill empties the queue (`p` would be 0) or when `p` falls below [`P_MIN`] (its
//! precision would erode). Its final `p` and `s` are kept in a `GenerationRecord` account, the new
//! generation starts at `p = 1, s = 0`, and a request from the old generation settles against the record first.

use crate::prelude::*;

use super::fixed::{add, mul_div_floor, mul_div_u128_floor, mul_floor, sub, Sf};
use super::shares::{shares_for_value_floor, value_of_shares_floor};
use super::subordination::{max_redeemable, Limits};
use crate::errors::VaultError;
use crate::state::Tranche;

/// One tranche's part of an epoch close.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fill {
    /// Queued shares filled (burned), tranche token native units.
    pub filled: u64,
    /// Their payout, reserved from the liquidity (native quote units, fixed point, rounded down).
    pub payout: Sf,
    /// The subordination limit on this tranche's redemptions at its turn (`max_redeemable`).
    pub subordination_cap: Sf,
}

/// What an epoch close fills, senior first, then mezzanine, then junior: each tranche's queued shares valued at
/// its price, capped by the free liquidity left by the more senior fills and by `max_redeemable` on the NAVs they
/// left; when capped, the shares filled are rounded down and paid at the same price, rounded down. `supply` is
/// each tranche's effective supply (tokens outstanding plus dead shares).
///
/// `close_epoch` applies it; `borrow` keeps its total out of reach at all times (`Vault::borrowable_liquidity`), so
/// that a borrow, even one repaid in the same transaction, cannot take what the queue is owed at the close.
pub fn plan_fills(
    mut nav: [Sf; 3],
    queued: [u64; 3],
    supply: [u64; 3],
    mut free: Sf,
    limits: Limits,
) -> Result<[Fill; 3]> {
    let mut fills = [Fill::default(); 3];
    for t in Tranche::ALL {
        let i = t.index();
        let cap = max_redeemable(t, &nav, limits)?;
        fills[i].subordination_cap = cap;
        if queued[i] == 0 || nav[i] == Sf::ZERO {
            continue;
        }
        let all = value_of_shares_floor(queued[i], nav[i], supply[i])?;
        let cap = cap.min(free);
        let (filled, payout) = if all <= cap {
            (queued[i], all)
        } else {
            let f = shares_for_value_floor(cap, nav[i], supply[i])?;
            (f, value_of_shares_floor(f, nav[i], supply[i])?)
        };
        if filled > 0 {
            nav[i] = sub(nav[i], payout)?;
            free = sub(free, payout)?;
            fills[i].filled = filled;
            fills[i].payout = payout;
        }
    }
    Ok(fills)
}

/// Below this `p` (2^-20) a generation ends, so `p` keeps at least 40 significant bits.
pub const P_MIN: Sf = Sf::from_bits(1 << 40);

/// A tranche's queue accumulators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accumulator {
    pub p: Sf,
    pub s: Sf,
    pub generation: u64,
}

impl Accumulator {
    pub const START: Accumulator = Accumulator {
        p: Sf::ONE,
        s: Sf::ZERO,
        generation: 0,
    };
}

/// The final accumulators of a generation that ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenerationEnd {
    pub p: Sf,
    pub s: Sf,
}

/// Applies an epoch fill: `filled` of the `queued` shares are filled for `payout` in total.
/// Returns the new accumulators and, when the generation ended, its final values.
pub fn apply_fill(
    acc: Accumulator,
    queued: u64,
    filled: u64,
    payout: Sf,
) -> Result<(Accumulator, Option<GenerationEnd>)> {
    require!(filled > 0 && filled <= queued, VaultError::InvalidQueueFill);
    let per_share = mul_div_floor(payout, 1, queued)?;
    let s = add(acc.s, mul_floor(acc.p, per_share)?)?;
    let p = mul_div_floor(acc.p, queued - filled, queued)?;
    if p < P_MIN {
        let next = Accumulator {
            generation: acc
                .generation
                .checked_add(1)
                .ok_or(VaultError::MathOverflow)?,
            ..Accumulator::START
        };
        return Ok((next, Some(GenerationEnd { p, s })));
    }
    Ok((
        Accumulator {
            p,
            s,
            generation: acc.generation,
        },
        None,
    ))
}

/// A request's queue position, as of its last change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub shares: u64,
    pub p: Sf,
    pub s: Sf,
    pub generation: u64,
}

/// A request brought up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settled {
    /// The position now (shares still queued, and the accumulators it is measured from).
    pub snapshot: Snapshot,
    /// Newly earned payout, native units, rounded down.
    pub payout: u64,
}

/// Shares still queued and payout earned between `snap` and the accumulators `(p, s)` of its generation.
fn settle_within(snap: &Snapshot, p: Sf, s: Sf) -> Result<(u64, u64)> {
    if snap.shares == 0 {
        return Ok((0, 0));
    }
    let p0 = u64::try_from(snap.p.to_bits()).map_err(|_| error!(VaultError::MathOverflow))?;
    require!(p0 > 0, VaultError::InvalidQueueFill);
    // shares · p / p₀ with p ≤ p₀ ≤ 1: exact, rounded down.
    let remaining = mul_div_u128_floor(p.to_bits(), snap.shares, p0)?;
    let payout = mul_div_u128_floor(sub(s, snap.s)?.to_bits(), snap.shares, p0)?;
    Ok((
        u64::try_from(remaining.min(u128::from(snap.shares)))
            .map_err(|_| error!(VaultError::MathOverflow))?,
        u64::try_from(payout).map_err(|_| error!(VaultError::MathOverflow))?,
    ))
}

/// Brings `snap` up to date with the tranche's current accumulators `acc`. A request from an ended generation
/// needs that generation's `end`; it then continues from the start of the next generation. A request more than
/// one generation behind is settled one generation per call (`snapshot.generation` says how far it got).
pub fn settle(snap: &Snapshot, acc: &Accumulator, end: Option<&GenerationEnd>) -> Result<Settled> {
    if snap.shares == 0 {
        return Ok(Settled {
            snapshot: Snapshot {
                shares: 0,
                p: acc.p,
                s: acc.s,
                generation: acc.generation,
            },
            payout: 0,
        });
    }
    if snap.generation == acc.generation {
        let (remaining, payout) = settle_within(snap, acc.p, acc.s)?;
        return Ok(Settled {
            snapshot: Snapshot {
                shares: remaining,
                p: acc.p,
                s: acc.s,
                generation: acc.generation,
            },
            payout,
        });
    }
    require!(
        snap.generation < acc.generation,
        VaultError::InvalidQueueFill
    );
    let end = end.ok_or(VaultError::GenerationRecordRequired)?;
    let (remaining, payout) = settle_within(snap, end.p, end.s)?;
    let next = Snapshot {
        shares: remaining,
        p: Sf::ONE,
        s: Sf::ZERO,
        generation: snap.generation + 1,
    };
    if next.generation == acc.generation {
        let more = settle(&next, acc, None)?;
        return Ok(Settled {
            snapshot: more.snapshot,
            payout: payout
                .checked_add(more.payout)
                .ok_or(VaultError::MathOverflow)?,
        });
    }
    Ok(Settled {
        snapshot: next,
        payout,
    })
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
mod tests {
    use super::super::fixed::{from_native, to_native_floor};
    use super::*;
    use proptest::prelude::*;

    /// A toy queue: requests join, epochs fill a random fraction at a random price, requests settle.
    /// Checks that queued shares and payouts are conserved (never over-claimed) and close to exact.
    #[derive(Debug, Clone)]
    enum Op {
        Join(u64),
        Fill(u16, u64),
    }

    fn ops() -> impl Strategy<Value = Vec<Op>> {
        prop::collection::vec(
            prop_oneof![
                (1u64..(1 << 40)).prop_map(Op::Join),
                (0u16..=10_000, 1u64..(1 << 20)).prop_map(|(f, px)| Op::Fill(f, px)),
            ],
            1..40,
        )
    }

    struct Queue {
        acc: Accumulator,
        queued: u64,
        ends: Vec<(u64, GenerationEnd)>,
        reserved: Sf,
    }

    impl Queue {
        fn settle_fully(&self, mut snap: Snapshot) -> (u64, u64) {
            let mut paid = 0;
            loop {
                let end = self
                    .ends
                    .iter()
                    .find(|(g, _)| *g == snap.generation)
                    .map(|(_, e)| e);
                let r = settle(&snap, &self.acc, end).unwrap();
                paid += r.payout;
                snap = r.snapshot;
                if snap.generation == self.acc.generation {
                    return (snap.shares, paid);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(1024))]

        #[test]
        fn queue_never_over_claims(ops in ops()) {
            let mut q = Queue { acc: Accumulator::START, queued: 0, ends: vec![], reserved: Sf::ZERO };
            let mut requests: Vec<(Snapshot, f64)> = vec![]; // (snapshot at join, exact shares still queued)
            let mut exact_payouts: Vec<f64> = vec![];
            for op in ops {
                match op {
                    Op::Join(shares) => {
                        requests.push((Snapshot { shares, p: q.acc.p, s: q.acc.s, generation: q.acc.generation }, shares as f64));
                        exact_payouts.push(0.0);
                        q.queued += shares;
                    }
                    Op::Fill(frac_bps, price_micro) => {
                        if q.queued == 0 { continue; }
                        let filled = (u128::from(q.queued) * u128::from(frac_bps) / 10_000) as u64;
                        if filled == 0 { continue; }
                        let payout = mul_div_floor(from_native(filled), price_micro, 1_000_000).unwrap();
                        // exact (floating) bookkeeping of each request, pro rata
                        let f = filled as f64 / q.queued as f64;
                        for (i, r) in requests.iter_mut().enumerate() {
                            let take = r.1 * f;
                            exact_payouts[i] += take * price_micro as f64 / 1e6;
                            r.1 -= take;
                        }
                        let (acc, end) = apply_fill(q.acc, q.queued, filled, payout).unwrap();
                        if let Some(e) = end { q.ends.push((q.acc.generation, e)); }
                        q.acc = acc;
                        q.queued -= filled;
                        q.reserved += payout;
                    }
                }
            }
            let mut total_remaining = 0u64;
            let mut total_paid = 0u64;
            for (i, (snap, exact_left)) in requests.iter().enumerate() {
                let (left, paid) = q.settle_fully(*snap);
                total_remaining += left;
                total_paid += paid;
                // each request is within a few units of the exact pro-rata result, and never above it by more
                // than the float bookkeeping's own rounding
                prop_assert!(left as f64 <= exact_left * (1.0 + 1e-9) + 1e-3);
                prop_assert!(left as f64 >= exact_left * (1.0 - 1e-6) - 2.0);
                prop_assert!((paid as f64) <= exact_payouts[i] * (1.0 + 1e-9) + 1.0);
                prop_assert!((paid as f64) >= exact_payouts[i] * (1.0 - 1e-6) - 2.0);
            }
            prop_assert!(total_remaining <= q.queued, "remaining {total_remaining} > queued {}", q.queued);
            prop_assert!(total_paid <= to_native_floor(q.reserved).unwrap());
        }
    }

    #[test]
    fn full_fill_ends_the_generation() {
        let (acc, end) = apply_fill(Accumulator::START, 100, 100, from_native(250)).unwrap();
        assert_eq!(acc.generation, 1);
        let end = end.unwrap();
        assert_eq!(end.p, Sf::ZERO);
        let snap = Snapshot {
            shares: 40,
            p: Sf::ONE,
            s: Sf::ZERO,
            generation: 0,
        };
        assert!(settle(&snap, &acc, None).is_err());
        let r = settle(&snap, &acc, Some(&end)).unwrap();
        assert_eq!((r.snapshot.shares, r.payout), (0, 100));
        assert_eq!(r.snapshot.generation, 1);
    }

    #[test]
    fn fills_are_pro_rata() {
        let a = Snapshot {
            shares: 300,
            p: Sf::ONE,
            s: Sf::ZERO,
            generation: 0,
        };
        let (acc, end) = apply_fill(Accumulator::START, 400, 100, from_native(100)).unwrap();
        assert!(end.is_none());
        let r = settle(&a, &acc, None).unwrap();
        assert_eq!((r.snapshot.shares, r.payout), (225, 75));
    }
}
