//! Utilization, the kinked borrow-rate curve, borrow-index growth and a tranche's target income.

use crate::prelude::*;

use super::fixed::{add, mul_div_ceil, mul_div_floor, mul_div_wide_floor, mul_floor, Sf};
use crate::constants::{BPS, SECONDS_PER_YEAR};
use crate::errors::VaultError;
use crate::state::RateCurve;

/// `debt / (debt + free)`, rounded down; 0 when both are 0. Inputs in native units.
pub fn utilization(debt: u64, free: u64) -> Result<Sf> {
    let total = u128::from(debt) + u128::from(free);
    if total == 0 {
        return Ok(Sf::ZERO);
    }
    Ok(Sf::from_bits(mul_div_wide_floor(
        Sf::ONE.to_bits(),
        u128::from(debt),
        total,
    )?))
}

/// Annual borrow rate (a fraction, 0.05 = 5 %/yr) at utilization `u`:
/// `base + slope1 · u / optimal` up to the kink, then `+ slope2 · (u − optimal) / (1 − optimal)`.
/// Rounded up: it sets what borrowers owe.
pub fn borrow_rate(curve: &RateCurve, u: Sf) -> Result<Sf> {
    // Work in bps (fixed point), exactly: u · BPS is exact for u ≤ 1, so the kink and 100 % land on the
    // curve's own points.
    let u_bps = u
        .min(Sf::ONE)
        .checked_mul_int(u128::from(BPS))
        .ok_or(VaultError::MathOverflow)?;
    let opt = u64::from(curve.optimal_utilization_bps);
    let opt_sf = super::fixed::from_native(opt);
    let base = super::fixed::from_native(u64::from(curve.base_rate_bps));
    let rate_bps = if u_bps <= opt_sf {
        add(base, mul_div_ceil(u_bps, u64::from(curve.slope1_bps), opt)?)?
    } else {
        let s1 = super::fixed::from_native(u64::from(curve.slope1_bps));
        let over = mul_div_ceil(
            u_bps.saturating_sub(opt_sf),
            u64::from(curve.slope2_bps),
            BPS.saturating_sub(opt),
        )?;
        add(add(base, s1)?, over)?
    };
    mul_div_ceil(rate_bps, 1, BPS)
}

/// The borrow index after `dt` seconds at `rate`: `index · (1 + rate · dt / year)`, growth rounded up
/// (it is what borrowers owe).
pub fn grow_index(index: Sf, rate: Sf, dt: u64) -> Result<Sf> {
    let growth = mul_div_ceil(rate, dt, SECONDS_PER_YEAR)?;
    // index >= 1, so a growth of at least one ulp moves the index by at least one ulp.
    add(index, mul_floor(index, growth)?)
}

/// `amount` native units of debt in scaled units (`amount / index`), rounded up: what a borrow adds.
pub fn to_scaled_ceil(amount: u64, index: Sf) -> Result<Sf> {
    let a = super::fixed::from_native(amount);
    let q = a.checked_div(index).ok_or(VaultError::MathOverflow)?;
    if q.checked_mul(index) == Some(a) {
        return Ok(q);
    }
    add(q, Sf::from_bits(1))
}

/// `amount` native units of debt in scaled units, rounded down: what a repayment removes.
pub fn to_scaled_floor(amount: u64, index: Sf) -> Result<Sf> {
    super::fixed::from_native(amount)
        .checked_div(index)
        .ok_or_else(|| error!(VaultError::MathOverflow))
}

/// The scaled debt a repayment of `amount` removes from a position that owes `debt` (rounded up) on `scaled`:
/// all of it when the debt is repaid in full, otherwise `amount / index` rounded down, at most `scaled`.
pub fn scaled_repaid(amount: u64, debt: u64, scaled: Sf, index: Sf) -> Result<Sf> {
    if amount == debt {
        return Ok(scaled);
    }
    Ok(to_scaled_floor(amount, index)?.min(scaled))
}

/// What a tranche with `nav` earns at `apr_bps` over `dt` seconds: `⌊nav · apr · dt / (BPS · year)⌋`, as
/// `⌊⌊nav · apr · dt / year⌋ / BPS⌋` (the same for integers), so both divisors take the 32-bit path; in one
/// division when the intermediate exceeds the range (a NAV near the top of it).
pub fn target_income(nav: Sf, apr_bps: u16, dt: u64) -> Result<Sf> {
    let num = u64::from(apr_bps)
        .checked_mul(dt)
        .ok_or(VaultError::MathOverflow)?;
    match mul_div_floor(nav, num, SECONDS_PER_YEAR) {
        Ok(per_bps) => mul_div_floor(per_bps, 1, BPS),
        Err(_) => mul_div_floor(nav, num, BPS * SECONDS_PER_YEAR),
    }
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
mod tests {
    use super::super::fixed::{from_native, ratio_floor};
    use super::*;
    use proptest::prelude::*;

    fn curve() -> RateCurve {
        RateCurve {
            base_rate_bps: 100,
            slope1_bps: 900,
            slope2_bps: 15_000,
            optimal_utilization_bps: 8_000,
        }
    }

    fn pct(x: Sf) -> f64 {
        x.to_num::<f64>() * 100.0
    }

    #[test]
    fn curve_points() {
        let c = curve();
        assert!((pct(borrow_rate(&c, Sf::ZERO).unwrap()) - 1.0).abs() < 1e-9);
        assert!((pct(borrow_rate(&c, ratio_floor(4, 10).unwrap()).unwrap()) - 5.5).abs() < 1e-9);
        assert!((pct(borrow_rate(&c, ratio_floor(8, 10).unwrap()).unwrap()) - 10.0).abs() < 1e-9);
        assert!((pct(borrow_rate(&c, ratio_floor(9, 10).unwrap()).unwrap()) - 85.0).abs() < 1e-9);
        assert!((pct(borrow_rate(&c, Sf::ONE).unwrap()) - 160.0).abs() < 1e-9);
    }

    #[test]
    fn index_grows_by_rate_times_time() {
        let idx = grow_index(Sf::ONE, ratio_floor(1, 10).unwrap(), SECONDS_PER_YEAR).unwrap();
        assert!((idx.to_num::<f64>() - 1.1).abs() < 1e-15);
        assert_eq!(grow_index(Sf::ONE, Sf::ZERO, 1000).unwrap(), Sf::ONE);
        let one_year = target_income(from_native(1_000_000), 600, SECONDS_PER_YEAR).unwrap();
        assert_eq!(one_year, from_native(60_000));
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(2048))]

        /// `target_income`'s two divisions give the one-step `⌊nav · apr · dt / (BPS · year)⌋` exactly, over the
        /// whole range of NAVs (the top of it through the fallback) and up to a century without accrual.
        #[test]
        fn target_income_is_the_one_step_floor(bits: u128, apr: u16, dt in 0u64..=100 * SECONDS_PER_YEAR) {
            let nav = Sf::from_bits(bits);
            let one_step = mul_div_floor(nav, u64::from(apr) * dt, BPS * SECONDS_PER_YEAR);
            prop_assert_eq!(target_income(nav, apr, dt).ok(), one_step.ok());
        }

        /// The curve is monotonic in utilization and bounded by base + slope1 + slope2.
        #[test]
        fn rate_monotonic(a in 0u64..=10_000, b in 0u64..=10_000, base in 0u32..1_000, s1 in 0u32..5_000,
                          s2 in 0u32..50_000, opt in 1u32..10_000) {
            let c = RateCurve { base_rate_bps: base, slope1_bps: s1, slope2_bps: s2, optimal_utilization_bps: opt };
            let (lo, hi) = (a.min(b), a.max(b));
            let r_lo = borrow_rate(&c, ratio_floor(lo, 10_000).unwrap()).unwrap();
            let r_hi = borrow_rate(&c, ratio_floor(hi, 10_000).unwrap()).unwrap();
            prop_assert!(r_lo <= r_hi);
            let max = ratio_floor(u64::from(base + s1 + s2), BPS).unwrap();
            prop_assert!(r_hi <= max + Sf::from_bits(4));
        }

        /// The index never shrinks, and grows whenever the rate and time are positive.
        #[test]
        fn index_monotonic(idx in (1u128 << 60)..(1u128 << 64), rate_bps in 0u64..100_000, dt in 0u64..(10 * SECONDS_PER_YEAR)) {
            let idx = Sf::from_bits(idx);
            let next = grow_index(idx, ratio_floor(rate_bps, BPS).unwrap(), dt).unwrap();
            prop_assert!(next >= idx);
            if rate_bps > 0 && dt > 0 {
                prop_assert!(next > idx);
            }
        }
    }
}
