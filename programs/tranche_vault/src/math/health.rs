//! Position health. Collateral is valued at the oracle's low side, debt at the quote oracle's high side; both in
//! "price units" (the oracles' common currency, e.g. USD) as fixed point.
//!
//! - borrowing power = Σ value · max_ltv; liquidation power = Σ value · liquidation threshold;
//! - borrowing and withdrawing need debt value ≤ borrowing power afterwards;
//! - a position is liquidatable when liquidation power < debt value (health < 1).

use anchor_lang::prelude::*;

use super::fixed::{add, mul_div_ceil, mul_div_floor, Sf};
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

/// Native units of a token worth `value` at `price`, rounded down: `⌊value · 10^decimals / price⌋`.
pub fn amount_for_value_floor(value: Sf, decimals: u8, price: Sf) -> Result<u64> {
    require!(price > Sf::ZERO, VaultError::OracleNonPositivePrice);
    let scaled = value
        .checked_mul_int(u128::from(pow10(decimals)?))
        .ok_or(VaultError::MathOverflow)?;
    let q = scaled.checked_div(price).ok_or(VaultError::MathOverflow)?;
    u64::try_from(q.to_num::<u128>()).map_err(|_| error!(VaultError::MathOverflow))
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

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// Converting a value to an amount and back never gives more value than asked for.
        #[test]
        fn amount_for_value_never_over_pays(value in 0u64..(1 << 40), price in 1u64..(1 << 30), dec in 0u8..=18) {
            let price = Sf::from_num(price) / 1_000;
            prop_assume!(price > Sf::ZERO);
            let v = Sf::from_num(value);
            if let Ok(a) = amount_for_value_floor(v, dec, price) {
                prop_assert!(value_floor(a, dec, price).unwrap() <= v);
            }
        }
    }
}
