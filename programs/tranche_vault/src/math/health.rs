//! Position health. Collateral is valued at the oracle's low side, debt at the quote oracle's high side; both in
//! "price units" (the oracles' common currency, e.g. USD) as fixed point.
//!
//! - borrowing power = Σ value · max_ltv; liquidation power = Σ value · liquidation threshold;
//! - borrowing and withdrawing need debt value ≤ borrowing power afterwards;
//! - a position is liquidatable when liquidation power < debt value (health < 1).

use crate::prelude::*;

use super::fixed::{add, mul_div_ceil, mul_div_floor, mul_div_wide, Sf};
use crate::constants::BPS;
use crate::errors::VaultError;

/// Value of `amount` native units of a token with `decimals` at `price` per whole token, rounded down.
pub fn value_floor(amount: u64, decimals: u8, price: Sf) -> Result<Sf> {
    mul_div_floor(price, amount, pow10(decimals)?)
}

/// Value of `amount` native units at `price`, rounded up (debt).
pub fn value_ceil(amount: u64, decimals: u8, price: Sf) -> Result<Sf> {
    mul_div_ceil(price, amount, pow10(decimals)?)
}

/// What a debt of `debt` native quote units is worth at the quote's high-side price, rounded up (0 without debt).
pub fn debt_value(debt: u64, quote_decimals: u8, quote_high: Sf) -> Result<Sf> {
    if debt == 0 {
        return Ok(Sf::ZERO);
    }
    value_ceil(debt, quote_decimals, quote_high)
}

/// Native units of a token worth `value` at `price`: `value · 10^decimals / price`, exact (the product is formed
/// in 256 bits, so 18-decimal tokens and large values work), rounded down or (`up`) up; `None` when the amount
/// exceeds u64.
fn amount_for_value(value: Sf, decimals: u8, price: Sf, up: bool) -> Result<Option<u64>> {
    require!(price > Sf::ZERO, VaultError::OracleNonPositivePrice);
    let m = u128::from(pow10(decimals)?);
    // The fuzzer's negative control (never in a release build): the old product in U68F60, which overflows for
    // 18-decimal tokens.
    #[cfg(feature = "control-18-decimals")]
    let _ = value.checked_mul_int(m).ok_or(VaultError::MathOverflow)?;
    let q = mul_div_wide(value.to_bits(), m, price.to_bits(), up)?;
    Ok(q.and_then(|q| u64::try_from(q).ok()))
}

/// Native units of a token worth `value` at `price`, rounded down: `⌊value · 10^decimals / price⌋`, exact.
/// `MathOverflow` only when the amount itself exceeds u64.
pub fn amount_for_value_floor(value: Sf, decimals: u8, price: Sf) -> Result<u64> {
    amount_for_value(value, decimals, price, false)?.ok_or_else(|| error!(VaultError::MathOverflow))
}

/// `min(⌊value · 10^decimals / price⌋, cap)`: never fails because the amount is large.
pub fn amount_for_value_floor_capped(value: Sf, decimals: u8, price: Sf, cap: u64) -> Result<u64> {
    Ok(amount_for_value(value, decimals, price, false)?.map_or(cap, |a| a.min(cap)))
}

/// `min(⌈value · 10^decimals / price⌉, cap)`: what is owed for `value`, never failing because it is large.
pub fn amount_for_value_ceil_capped(value: Sf, decimals: u8, price: Sf, cap: u64) -> Result<u64> {
    Ok(amount_for_value(value, decimals, price, true)?.map_or(cap, |a| a.min(cap)))
}

pub fn pow10(decimals: u8) -> Result<u64> {
    10u64
        .checked_pow(u32::from(decimals))
        .ok_or_else(|| error!(VaultError::MathOverflow))
}

/// One collateral entry, priced.
#[derive(Clone, Copy, Debug)]
pub struct PricedCollateral {
    pub amount: u64,
    pub decimals: u8,
    /// Low-side price per whole token.
    pub price_low: Sf,
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
}

/// A position's totals, in price units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Health {
    /// Σ collateral value at the low side.
    pub collateral: Sf,
    /// Σ value · max LTV.
    pub borrow_power: Sf,
    /// Σ value · liquidation threshold.
    pub liquidation_power: Sf,
    /// Debt at the quote's high side, rounded up.
    pub debt: Sf,
}

impl Health {
    pub fn compute(entries: &[PricedCollateral], debt_value: Sf) -> Result<Health> {
        let mut h = Health {
            debt: debt_value,
            ..Health::default()
        };
        for e in entries {
            let v = value_floor(e.amount, e.decimals, e.price_low)?;
            h.collateral = add(h.collateral, v)?;
            h.borrow_power = add(
                h.borrow_power,
                mul_div_floor(v, u64::from(e.max_ltv_bps), BPS)?,
            )?;
            h.liquidation_power = add(
                h.liquidation_power,
                mul_div_floor(v, u64::from(e.liquidation_threshold_bps), BPS)?,
            )?;
        }
        Ok(h)
    }

    /// Debt within the max-LTV limit (what borrowing and withdrawing need afterwards).
    pub fn within_ltv(&self) -> bool {
        self.debt <= self.borrow_power
    }

    /// Health < 1: liquidation power below the debt.
    pub fn is_liquidatable(&self) -> bool {
        self.debt > Sf::ZERO && self.liquidation_power < self.debt
    }

    /// Health in bps of 1.0 (liquidation power / debt), rounded down; u64::MAX without debt.
    pub fn health_bps(&self) -> Result<u64> {
        if self.debt == Sf::ZERO {
            return Ok(u64::MAX);
        }
        let Some(scaled) = self.liquidation_power.checked_mul_int(u128::from(BPS)) else {
            return Ok(u64::MAX);
        };
        let bps = scaled
            .checked_div(self.debt)
            .ok_or(VaultError::MathOverflow)?;
        Ok(u64::try_from(bps.to_num::<u128>()).unwrap_or(u64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sol(amount: u64, price: f64) -> PricedCollateral {
        PricedCollateral {
            amount,
            decimals: 9,
            price_low: Sf::from_num(price),
            max_ltv_bps: 7_000,
            liquidation_threshold_bps: 8_000,
        }
    }

    #[test]
    fn example() {
        // 10 SOL at 150: 1,500 of collateral, 1,050 of borrowing power, 1,200 of liquidation power.
        let h = Health::compute(&[sol(10_000_000_000, 150.0)], Sf::from_num(1_000)).unwrap();
        assert_eq!(h.collateral, Sf::from_num(1_500));
        assert_eq!(h.borrow_power, Sf::from_num(1_050));
        assert!(h.within_ltv() && !h.is_liquidatable());
        assert_eq!(h.health_bps().unwrap(), 12_000);
        // At 120: liquidation power 960 < 1,000.
        let h = Health::compute(&[sol(10_000_000_000, 120.0)], Sf::from_num(1_000)).unwrap();
        assert!(h.is_liquidatable());
        assert_eq!(
            amount_for_value_floor(Sf::from_num(150), 9, Sf::from_num(150)).unwrap(),
            1_000_000_000
        );
    }

    #[test]
    fn amount_for_value_at_18_decimals() {
        // 1,050,000 price units of an 18-decimal token at 100,000: 10.5 tokens. value · 10^18 needs 141 bits.
        let a = amount_for_value_floor(Sf::from_num(1_050_000), 18, Sf::from_num(100_000)).unwrap();
        assert_eq!(a, 10_500_000_000_000_000_000);
        // Beyond u64 native units (18.4 whole tokens of 18 decimals cannot hold 19): refused, never wrapped.
        let e = amount_for_value_floor(Sf::from_num(19), 18, Sf::ONE).unwrap_err();
        assert_eq!(e, error!(VaultError::MathOverflow));
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// For every decimals value 0..=18 and any value and positive price: the amount is the exact floor of
        /// `value · 10^decimals / price` (`a · price ≤ value · 10^d < (a + 1) · price`, on independent 256-bit
        /// products), so converting back never gives more than asked for; and the only error is
        /// `MathOverflow`, exactly when that floor exceeds u64.
        #[test]
        fn amount_for_value_never_over_pays(value: u128, price in 1u128.., dec in 0u8..=18) {
            use crate::math::fixed::tests::{is_floor_quotient, product_256};
            let m = 10u128.pow(u32::from(dec));
            let (v, p) = (Sf::from_bits(value), Sf::from_bits(price));
            // floor ≤ u64::MAX ⟺ value · 10^d < (u64::MAX + 1) · price.
            let fits = product_256(value, m) < product_256(1u128 << 64, price);
            match amount_for_value_floor(v, dec, p) {
                Ok(a) => {
                    prop_assert!(fits);
                    prop_assert!(is_floor_quotient(u128::from(a), value, m, price));
                    prop_assert!(value_floor(a, dec, p).unwrap() <= v);
                }
                Err(e) => {
                    prop_assert!(!fits, "refused an amount that fits u64");
                    prop_assert_eq!(e, error!(VaultError::MathOverflow));
                }
            }
        }
    }
}
