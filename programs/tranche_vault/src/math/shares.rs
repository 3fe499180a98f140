//! Share ↔ amount conversions. Every conversion rounds in the pool's favour:
//! - shares minted for a deposit: the NAV in the denominator is rounded **up**, the quotient **down**;
//! - the value of shares (a payout): rounded **down**;
//! - shares for a value (how many queued shares a capacity can fill): rounded **down**.
//!
//! `supply` is always the *effective* supply: tranche tokens outstanding plus the tranche's dead shares
//! (see [`crate::constants::DEAD_SHARES`]).

use crate::prelude::*;

use super::fixed::{mul_div_floor, mul_div_u64_floor, to_native_ceil, to_native_floor, Sf};
use crate::errors::VaultError;

/// Shares minted for depositing `amount` native units into a tranche with `nav` and effective `supply`:
/// `⌊amount · supply / ⌈nav⌉⌋`. The caller handles the first deposit (supply 0) and a wiped tranche (nav 0).
pub fn shares_for_deposit_floor(amount: u64, nav: Sf, supply: u64) -> Result<u64> {
    let nav_ceil = to_native_ceil(nav)?;
    require!(nav_ceil > 0 && supply > 0, VaultError::TrancheWipedOut);
    // The fuzzer's third negative control (never in a release build): shares rounded up, for the depositor.
    #[cfg(feature = "control-deposit-rounding")]
    return u64::try_from((u128::from(amount) * u128::from(supply)).div_ceil(u128::from(nav_ceil)))
        .map_err(|_| error!(VaultError::MathOverflow));
    #[cfg(not(feature = "control-deposit-rounding"))]
    mul_div_u64_floor(amount, supply, nav_ceil)
}

/// Value of `shares` of a tranche with `nav` and effective `supply`: `⌊shares · nav / supply⌋`, exact in `Sf`.
pub fn value_of_shares_floor(shares: u64, nav: Sf, supply: u64) -> Result<Sf> {
    mul_div_floor(nav, shares, supply)
}

/// Shares whose value is at most `value`: `⌊⌊value⌋ · supply / ⌈nav⌉⌋`.
pub fn shares_for_value_floor(value: Sf, nav: Sf, supply: u64) -> Result<u64> {
    let nav_ceil = to_native_ceil(nav)?;
    if nav_ceil == 0 {
        return Ok(0);
    }
    mul_div_u64_floor(to_native_floor(value)?, supply, nav_ceil)
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
mod tests {
    use super::super::fixed::tests::reference;
    use super::super::fixed::{add, from_native};
    use super::*;
    use proptest::prelude::*;

    /// `shares_for_deposit_floor`, checked against `⌊amount · supply / ⌈nav⌉⌋` in u128: the exact shares when
    /// they fit a u64, `MathOverflow` exactly when they do not (a price so low is refused, which is safe; then
    /// `None`).
    fn minted(
        amount: u64,
        nav: Sf,
        supply: u64,
    ) -> std::result::Result<Option<u64>, TestCaseError> {
        let nav_ceil = u128::from(to_native_ceil(nav).unwrap());
        let exact = u128::from(amount) * u128::from(supply) / nav_ceil;
        match shares_for_deposit_floor(amount, nav, supply) {
            Ok(shares) => {
                prop_assert_eq!(u128::from(shares), exact);
                Ok(Some(shares))
            }
            Err(e) => {
                prop_assert!(exact > u128::from(u64::MAX), "refused {exact} shares");
                prop_assert_eq!(e, error!(VaultError::MathOverflow));
                Ok(None)
            }
        }
    }

    /// NAV between 1 native unit and 2^50, with a random fraction; supply up to 2^50.
    fn nav() -> impl Strategy<Value = Sf> {
        (1u128..(1u128 << 110)).prop_map(Sf::from_bits)
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// Depositing and redeeming at once never returns more than was put in.
        #[test]
        fn deposit_then_redeem_never_profits(amount in 1u64..(1 << 50), nav in nav(), supply in 1u64..(1 << 50)) {
            // Where the shares exceed u64, `minted` has checked the refusal and there is nothing more to check.
            let Some(shares) = minted(amount, nav, supply)? else { return Ok(()) };
            let nav_after = add(nav, from_native(amount)).unwrap();
            let back = value_of_shares_floor(shares, nav_after, supply + shares).unwrap();
            prop_assert!(back <= from_native(amount), "deposit {amount} came back as {back}");
        }

        /// Shares minted are never worth more than the deposit at the pre-deposit price.
        #[test]
        fn shares_never_favour_the_depositor(amount in 1u64..(1 << 50), nav in nav(), supply in 1u64..(1 << 50)) {
            // Where the shares exceed u64, `minted` has checked the refusal and there is nothing more to check.
            let Some(shares) = minted(amount, nav, supply)? else { return Ok(()) };
            prop_assert!(value_of_shares_floor(shares, nav, supply).unwrap() <= from_native(amount));
        }

        /// The value of a part of the supply is exactly `⌊shares · nav / supply⌋` (an independent 192-bit
        /// reference), so `v · supply ≤ shares · nav < (v + 1) · supply`; all of it is exactly NAV.
        #[test]
        fn value_is_floored(shares_frac in 0u64..=1_000_000, nav in nav(), supply in 1u64..(1 << 50)) {
            let shares = mul_div_u64_floor(supply, shares_frac, 1_000_000).unwrap();
            let v = value_of_shares_floor(shares, nav, supply).unwrap();
            let (exact, _) = reference(nav.to_bits(), shares, supply).unwrap();
            prop_assert_eq!(v.to_bits(), exact);
            prop_assert_eq!(value_of_shares_floor(supply, nav, supply).unwrap(), nav);
        }

        /// Shares for a value are worth at most that value.
        #[test]
        fn shares_for_value_within_value(frac in 0u64..=1_000_000, nav in nav(), supply in 1u64..(1 << 50)) {
            // close_epoch asks for at most the value of the queued shares, which is at most the NAV.
            let value = mul_div_floor(nav, frac, 1_000_000).unwrap();
            let s = shares_for_value_floor(value, nav, supply).unwrap();
            prop_assert!(value_of_shares_floor(s, nav, supply).unwrap() <= value);
        }
    }

    #[test]
    fn wiped_tranche_refuses_conversion() {
        assert!(shares_for_deposit_floor(1, Sf::ZERO, 10).is_err());
        assert_eq!(
            shares_for_value_floor(from_native(5), Sf::ZERO, 10).unwrap(),
            0
        );
    }
}
