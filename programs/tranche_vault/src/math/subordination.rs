//! Subordination limits: junior NAV ≥ `min_junior_bps` of total NAV, and junior + mezzanine NAV ≥
//! `min_subordination_bps` of total NAV. Senior and mezzanine deposits must keep them; redemption fills of
//! mezzanine and junior are capped so that they keep them. Every bound is rounded towards holding the limit.

use crate::prelude::*;

use super::fixed::{add, mul_div_ceil, mul_div_floor, sub, Sf};
use crate::constants::BPS;
use crate::errors::VaultError;
use crate::state::Tranche;

/// The limits, in bps of total NAV.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub min_junior_bps: u16,
    pub min_subordination_bps: u16,
}

fn total(nav: &[Sf; 3]) -> Result<Sf> {
    add(add(nav[0], nav[1])?, nav[2])
}

/// Checks both limits on `nav` (senior, mezzanine, junior); each has its own error.
pub fn check(nav: &[Sf; 3], limits: Limits) -> Result<()> {
    let t = total(nav)?;
    require!(
        nav[2] >= mul_div_ceil(t, u64::from(limits.min_junior_bps), BPS)?,
        VaultError::JuniorSubordinationBreached
    );
    require!(
        add(nav[1], nav[2])? >= mul_div_ceil(t, u64::from(limits.min_subordination_bps), BPS)?,
        VaultError::SubordinationBreached
    );
    Ok(())
}

/// Checks that a deposit of `amount` into `tranche` keeps the limits. Junior deposits only raise them.
pub fn check_deposit(tranche: Tranche, amount: Sf, nav: &[Sf; 3], limits: Limits) -> Result<()> {
    if tranche == Tranche::Junior {
        return Ok(());
    }
    let mut after = *nav;
    after[tranche.index()] = add(after[tranche.index()], amount)?;
    check(&after, limits)
}

/// Largest `x` with `(sub − x) · BPS ≥ min_bps · (total − x)`, where `sub` is the subordinated NAV the
/// redemption reduces: `x ≤ (sub − total · min / BPS) · BPS / (BPS − min)`, rounded down.
fn headroom(sub_nav: Sf, total_nav: Sf, min_bps: u16) -> Result<Sf> {
    let floor_needed = mul_div_ceil(total_nav, u64::from(min_bps), BPS)?;
    let slack = sub_nav.saturating_sub(floor_needed);
    // min_bps < BPS (VaultParams::validate); a zero denominator would be refused as DivisionByZero.
    mul_div_floor(slack, BPS, BPS.saturating_sub(u64::from(min_bps)))
}

/// The most NAV that redemptions of `tranche` may take out while keeping both limits. Senior redemptions only
/// raise the subordination ratios, so senior is limited by its NAV alone.
pub fn max_redeemable(tranche: Tranche, nav: &[Sf; 3], limits: Limits) -> Result<Sf> {
    let t = total(nav)?;
    let own = nav[tranche.index()];
    let jm = add(nav[1], nav[2])?;
    Ok(match tranche {
        Tranche::Senior => own,
        Tranche::Mezzanine => own.min(headroom(jm, t, limits.min_subordination_bps)?),
        Tranche::Junior => own
            .min(headroom(nav[2], t, limits.min_junior_bps)?)
            .min(headroom(jm, t, limits.min_subordination_bps)?),
    })
}

/// `nav` after `x` leaves `tranche`.
pub fn after_redemption(tranche: Tranche, x: Sf, nav: &[Sf; 3]) -> Result<[Sf; 3]> {
    let mut after = *nav;
    after[tranche.index()] = sub(after[tranche.index()], x)?;
    Ok(after)
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
mod tests {
    use super::super::fixed::from_native;
    use super::*;
    use proptest::prelude::*;

    const L: Limits = Limits {
        min_junior_bps: 1_000,
        min_subordination_bps: 2_500,
    };

    /// Raw fixed-point bits: small in two thirds of the cases, so that a limit is often met exactly.
    fn bits() -> impl Strategy<Value = u128> {
        prop_oneof![0u128..=10, 0u128..=1_000, 0u128..(1 << 100)]
    }

    /// A limit in bps, often a round one.
    fn bps() -> impl Strategy<Value = u16> {
        prop_oneof![Just(0u16), Just(1_000), Just(2_500), 0u16..5_000]
    }

    fn n(s: u64, m: u64, j: u64) -> [Sf; 3] {
        [from_native(s), from_native(m), from_native(j)]
    }

    #[test]
    fn deposit_examples() {
        // 700 / 150 / 150: junior 15 %, junior + mezz 30 %.
        let nav = n(700, 150, 150);
        assert!(check_deposit(Tranche::Senior, from_native(200), &nav, L).is_ok());
        // 1,000 senior: junior 12.5 % but junior + mezz 23 % < 25 %.
        assert!(check_deposit(Tranche::Senior, from_native(300), &nav, L).is_err());
        assert!(check_deposit(Tranche::Junior, from_native(1), &n(0, 0, 0), L).is_ok());
        assert!(check_deposit(Tranche::Senior, from_native(1), &n(0, 0, 0), L).is_err());
    }

    #[test]
    fn last_junior_can_leave_an_empty_vault() {
        let nav = n(0, 0, 500);
        assert_eq!(
            max_redeemable(Tranche::Junior, &nav, L).unwrap(),
            from_native(500)
        );
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// Redeeming the maximum keeps the limits whenever they held before, and one more native unit of
        /// redemption than the maximum (when the tranche has it) breaks one of them.
        #[test]
        fn max_redeemable_is_tight(s in 0u64..(1 << 48), m in 0u64..(1 << 48), j in 0u64..(1 << 48),
                                   mj in 0u16..5_000, extra in 0u16..5_000, t in 0usize..3) {
            let limits = Limits { min_junior_bps: mj, min_subordination_bps: mj + extra };
            let nav = n(s, m, j);
            prop_assume!(check(&nav, limits).is_ok());
            let tranche = Tranche::ALL[t];
            let x = max_redeemable(tranche, &nav, limits).unwrap();
            prop_assert!(x <= nav[t]);
            let after = after_redemption(tranche, x, &nav).unwrap();
            prop_assert!(check(&after, limits).is_ok(), "x = {x} breaks the limits");
            let more = x + from_native(1);
            if tranche != Tranche::Senior && more <= nav[t] {
                let after = after_redemption(tranche, more, &nav).unwrap();
                prop_assert!(check(&after, limits).is_err(), "x = {x} is not the maximum");
            }
        }

        /// The largest senior deposit the independent rule allows, `min(⌊j · BPS / min_junior⌋,
        /// ⌊(m + j) · BPS / min_subordination⌋) − total` on the raw bits, is accepted and one raw unit more is
        /// refused: the limit is tight at the boundary, where rounding decides.
        #[test]
        fn senior_deposit_limit_is_tight(nav in [bits(), bits(), bits()], mj in 1u16..5_000, extra in bps()) {
            let limits = Limits { min_junior_bps: mj, min_subordination_bps: mj + extra };
            let bps = u128::from(BPS);
            let total: u128 = nav.iter().sum();
            let cap = (nav[2] * bps / u128::from(mj)).min((nav[1] + nav[2]) * bps / u128::from(mj + extra));
            let Some(max) = cap.checked_sub(total).filter(|m| *m > 0) else {
                // No senior deposit fits: the smallest one is refused.
                prop_assert!(check_deposit(Tranche::Senior, Sf::from_bits(1), &nav.map(Sf::from_bits), limits).is_err());
                return Ok(());
            };
            let navs = nav.map(Sf::from_bits);
            prop_assert!(check_deposit(Tranche::Senior, Sf::from_bits(max), &navs, limits).is_ok());
            prop_assert!(check_deposit(Tranche::Senior, Sf::from_bits(max + 1), &navs, limits).is_err());
        }

        /// `check_deposit` accepts exactly the deposits after which an independent integer rule holds,
        /// `junior · BPS ≥ min_junior · total` and `(mezzanine + junior) · BPS ≥ min_subordination · total` on the
        /// raw fixed-point bits (junior deposits always), and names the limit it refuses on.
        #[test]
        fn deposits_are_accepted_exactly_when_the_limits_hold(
            nav in [bits(), bits(), bits()], amount in bits().prop_map(|a| a.max(1)),
            mj in bps(), extra in bps(), t in 0usize..3,
        ) {
            let limits = Limits { min_junior_bps: mj, min_subordination_bps: mj + extra };
            let mut after = nav;
            after[t] += amount;
            let total: u128 = after.iter().sum();
            let bps = u128::from(BPS);
            let junior_holds = after[2] * bps >= u128::from(limits.min_junior_bps) * total;
            let sub_holds =
                (after[1] + after[2]) * bps >= u128::from(limits.min_subordination_bps) * total;
            let got = check_deposit(Tranche::ALL[t], Sf::from_bits(amount), &nav.map(Sf::from_bits), limits);
            if t == Tranche::Junior.index() {
                prop_assert!(got.is_ok());
            } else if !junior_holds {
                prop_assert_eq!(got.unwrap_err(), error!(VaultError::JuniorSubordinationBreached));
            } else if !sub_holds {
                prop_assert_eq!(got.unwrap_err(), error!(VaultError::SubordinationBreached));
            } else {
                prop_assert!(got.is_ok(), "refused a deposit that keeps both limits");
            }
        }
    }
}
