//! What one liquidation repays and seizes: pure, so that it is property-tested over the whole valid domain.

use crate::prelude::*;

use super::fixed::{mul_div_ceil, mul_div_floor, mul_div_u64_floor, Sf};
use super::health::{
    amount_for_value_ceil_capped, amount_for_value_floor_capped, pow10, value_ceil, value_floor,
};
use crate::constants::{BPS, CLOSE_FACTOR_BPS, FULL_LIQUIDATION_HEALTH_BPS};
use crate::errors::VaultError;

/// The position and prices a liquidation works on.
#[derive(Clone, Copy, Debug)]
pub struct LiquidationInput {
    /// What the position owes, native quote units (rounded up).
    pub debt: u64,
    /// Most the liquidator will repay, native quote units.
    pub max_repay: u64,
    /// The position's health in bps of 1.0 (below 10,000).
    pub health_bps: u64,
    pub quote_decimals: u8,
    /// The quote's spot price, price units per whole token.
    pub quote_price: Sf,
    /// Native units of the seized asset the position holds.
    pub held: u64,
    pub decimals: u8,
    /// The seized asset's spot price, price units per whole token.
    pub price: Sf,
    pub bonus_bps: u16,
}

/// The repayment and the seizure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationAmounts {
    /// Native quote units, rounded down.
    pub repay: u64,
    /// Native units of the seized asset, rounded down.
    pub seize: u64,
}

/// 1. The repayment: `min(max_repay, allowed)`, where `allowed` is all of the debt when it is dust (at most one
///    whole quote token) or health is below `FULL_LIQUIDATION_HEALTH_BPS`, else `CLOSE_FACTOR_BPS` of it (floor);
///    at least 1 (`ZeroAmount`).
/// 2. The seizure: the repayment's value at the quote's spot price, times (1 + bonus), in units of the asset at its
///    spot price, each step rounded down.
/// 3. If that is more than the position holds, it takes all it holds and the repayment shrinks to what the holding
///    covers at the bonus: the holding's value over (1 + bonus), in quote units, each step rounded up (it is owed
///    to the pool), and never above the repayment of step 1.
///
/// No amount in the valid domain fails: an amount too large for u64 is capped first.
pub fn liquidation_amounts(i: &LiquidationInput) -> Result<LiquidationAmounts> {
    let full = i.debt <= pow10(i.quote_decimals)? || i.health_bps < FULL_LIQUIDATION_HEALTH_BPS;
    let allowed = if full {
        i.debt
    } else {
        mul_div_u64_floor(i.debt, CLOSE_FACTOR_BPS, BPS)?
    };
    let repay = i.max_repay.min(allowed);
    require!(repay > 0, VaultError::ZeroAmount);
    let bonus = BPS + u64::from(i.bonus_bps);
    let value = mul_div_floor(
        value_floor(repay, i.quote_decimals, i.quote_price)?,
        bonus,
        BPS,
    )?;
    let seize = amount_for_value_floor_capped(value, i.decimals, i.price, u64::MAX)?;
    if seize <= i.held {
        return Ok(LiquidationAmounts { repay, seize });
    }
    let held_value = value_ceil(i.held, i.decimals, i.price)?;
    let covered = mul_div_ceil(held_value, BPS, bonus)?;
    Ok(LiquidationAmounts {
        repay: amount_for_value_ceil_capped(covered, i.quote_decimals, i.quote_price, repay)?,
        seize: i.held,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::fixed::from_native;
    use proptest::prelude::*;

    /// Spot price in price units per whole token, from 10^-12 to 10^9 (`bits` of U68F60).
    fn price() -> impl Strategy<Value = Sf> {
        ((1u128 << 20)..(1u128 << 90)).prop_map(Sf::from_bits)
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// Over prices from 10^-12 to 10^9, every decimals value 0..=18, any debt up to MAX_DEBT_NATIVE and
        /// any holding (each worth at most 2^66 price units, inside U68F60's range), any bonus: never an error;
        /// never more than the close factor allows (unless full), never more than is held; the seizure is worth
        /// at most the repayment at the bonus (exact rationals); and when the holding is not all taken, the
        /// repayment is exactly what was allowed.
        #[test]
        fn amounts_are_bounded_and_never_fail(
            debt_raw: u64,
            max_repay in 1u64..,
            health_bps in 0u64..10_000,
            quote_decimals in 0u8..=12,
            quote_price in price(),
            held_raw: u64,
            decimals in 0u8..=18,
            asset_price in price(),
            bonus_bps in 0u16..=2_000,
        ) {
            // The most native units worth 2^66 price units at `p`, for `d` decimals (at least 1).
            let most = |p: Sf, d: u8, cap: u64| -> u64 {
                let m = 10u128.pow(u32::from(d));
                let q = crate::math::fixed::mul_div_wide_floor(1u128 << 126, m, p.to_bits()).unwrap_or(u128::MAX);
                u64::try_from(q).unwrap_or(u64::MAX).clamp(1, cap)
            };
            let debt = 1 + debt_raw % most(quote_price, quote_decimals, crate::constants::MAX_DEBT_NATIVE);
            let held = 1 + held_raw % most(asset_price, decimals, u64::MAX);
            let i = LiquidationInput {
                debt, max_repay, health_bps, quote_decimals, quote_price, held, decimals,
                price: asset_price, bonus_bps,
            };
            let out = liquidation_amounts(&i);
            prop_assert!(out.is_ok(), "{:?}: {:?}", i, out);
            let LiquidationAmounts { repay, seize } = out.unwrap();
            let full = debt <= 10u64.pow(u32::from(quote_decimals)) || health_bps < FULL_LIQUIDATION_HEALTH_BPS;
            let allowed = if full { debt } else { (u128::from(debt) * 5_000 / 10_000) as u64 };
            prop_assert!(repay <= allowed.min(max_repay));
            prop_assert!(seize <= held);
            if seize < held {
                prop_assert_eq!(repay, allowed.min(max_repay));
            }
            // seize · price / 10^d ≤ repay · quote_price / 10^qd · (1 + bonus), exactly in rationals:
            // seize · price · 10^qd · BPS ≤ repay · quote_price · 10^d · (BPS + bonus).
            let lhs = crate::math::fixed::tests::product_256(
                u128::from(seize) * 10u128.pow(u32::from(quote_decimals)),
                asset_price.to_bits(),
            );
            let rhs_factor = u128::from(repay) * 10u128.pow(u32::from(decimals));
            let lhs_scaled = (lhs, 10_000u128);
            let rhs = crate::math::fixed::tests::product_256(rhs_factor, quote_price.to_bits());
            // What is taken is worth at most the repayment at the bonus; when the whole holding is taken, that
            // says the repayment (rounded up) covers it, unless the repayment is already all that is allowed.
            let within_bonus = le_scaled(lhs_scaled, (rhs, 10_000 + u128::from(bonus_bps)));
            prop_assert!(
                within_bonus || (seize == held && repay == allowed.min(max_repay)),
                "seize {} worth more than repay {} at the bonus", seize, repay
            );
        }
    }

    /// `a · ka ≤ b · kb` for 256-bit `a`, `b` (big-endian u64 limbs) and small factors.
    fn le_scaled((a, ka): ([u64; 4], u128), (b, kb): ([u64; 4], u128)) -> bool {
        mul_small(a, ka) <= mul_small(b, kb)
    }

    /// A 256-bit value times a factor below 2^64, as five big-endian limbs.
    fn mul_small(a: [u64; 4], k: u128) -> [u64; 5] {
        let mut out = [0u64; 5];
        let mut carry = 0u128;
        for idx in (0..4).rev() {
            let cur = u128::from(a[idx]) * k + carry;
            out[idx + 1] = cur as u64;
            carry = cur >> 64;
        }
        out[0] = carry as u64;
        out
    }

    #[test]
    fn worthless_collateral_takes_all_and_repays_nothing() {
        // 20,000 tokens of 9 decimals at 10^-12 against 1,000 of debt: all of it, for one native unit (the
        // repayment is rounded up).
        let i = LiquidationInput {
            debt: 1_000_000_000,
            max_repay: u64::MAX,
            health_bps: 0,
            quote_decimals: 6,
            quote_price: Sf::ONE,
            held: 20_000_000_000_000,
            decimals: 9,
            price: Sf::from_bits((1u128 << 60) / 1_000_000_000_000),
            bonus_bps: 500,
        };
        assert_eq!(
            liquidation_amounts(&i).unwrap(),
            LiquidationAmounts {
                repay: 1,
                seize: 20_000_000_000_000
            }
        );
        // Half the debt at health 0.96, 5 % bonus, at 80,000 an 18-decimal token: 6.5625 tokens.
        let i = LiquidationInput {
            debt: 1_000_000_000_000,
            max_repay: 1_000_000_000_000,
            health_bps: 9_600,
            quote_decimals: 6,
            quote_price: Sf::ONE,
            held: 15_000_000_000_000_000_000,
            decimals: 18,
            price: from_native(80_000),
            bonus_bps: 500,
        };
        assert_eq!(
            liquidation_amounts(&i).unwrap(),
            LiquidationAmounts {
                repay: 500_000_000_000,
                seize: 6_562_500_000_000_000_000
            }
        );
    }
}
