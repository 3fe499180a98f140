//! The income and loss waterfalls. Tranche arrays are indexed senior (0), mezzanine (1), junior (2).
//!
//! **Income** (interest accrued since the last accrual), in order:
//! 1. the protocol fee, `⌈income · fee_bps / BPS⌉` (a fee owed: rounded up);
//! 2. senior, up to its target APR on its NAV for `dt`; then mezzanine, up to its target;
//! 3. outstanding write-downs are restored, senior first (a recovery runs the loss order backwards), so a junior
//!    tranche never earns while a more senior one is still impaired;
//! 4. junior takes the exact residual. If junior has never been funded, the residual goes to the fee instead of
//!    to a tranche nobody holds.
//!
//! The parts always sum exactly to the income. Income is only ever added to tranches: junior principal never
//! pays senior.
//!
//! **Loss** (bad debt written off): junior, then mezzanine, then senior, then the accrued protocol fees (the
//! protocol's cut is the most junior claim of all). Each written-down amount is recorded so that later income
//! can restore it.

use crate::prelude::*;

use super::fixed::{add, mul_div_ceil, sub, Sf};
use super::interest::target_income;
use crate::constants::BPS;
use crate::errors::VaultError;

/// How one accrual's income is split. `fee + Σ to_tranche == income`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IncomeSplit {
    pub fee: Sf,
    /// What each tranche's NAV grows by (its target or residual, plus what restores its write-down).
    pub to_tranche: [Sf; 3],
    /// The part of `to_tranche` that restores an outstanding write-down.
    pub recovered: [Sf; 3],
}

/// The inputs of [`split_income`] that describe the tranches.
#[derive(Clone, Copy, Debug)]
pub struct TrancheBook {
    pub nav: [Sf; 3],
    pub written_down: [Sf; 3],
    /// Target APR of senior and mezzanine, bps.
    pub target_apr_bps: [u16; 2],
    /// Whether junior has ever been funded (it has dead shares): otherwise its residual goes to the fee.
    pub junior_funded: bool,
}

pub fn split_income(income: Sf, fee_bps: u16, book: &TrancheBook, dt: u64) -> Result<IncomeSplit> {
    let mut s = IncomeSplit {
        fee: mul_div_ceil(income, u64::from(fee_bps), BPS)?.min(income),
        ..IncomeSplit::default()
    };
    let mut rest = sub(income, s.fee)?;
    for t in 0..2 {
        let target = target_income(book.nav[t], book.target_apr_bps[t], dt)?;
        let paid = target.min(rest);
        s.to_tranche[t] = paid;
        rest = sub(rest, paid)?;
    }
    let (recovered, left) = split_recovery(rest, &book.written_down)?;
    s.recovered = recovered;
    for (to, r) in s.to_tranche.iter_mut().zip(recovered) {
        *to = add(*to, r)?;
    }
    if book.junior_funded {
        s.to_tranche[2] = add(s.to_tranche[2], left)?;
    } else {
        s.fee = add(s.fee, left)?;
    }
    Ok(s)
}

/// A recovery of `amount`, restoring write-downs senior first; returns the parts and what is left over.
pub fn split_recovery(amount: Sf, written_down: &[Sf; 3]) -> Result<([Sf; 3], Sf)> {
    let mut parts = [Sf::ZERO; 3];
    let mut rest = amount;
    for (part, wd) in parts.iter_mut().zip(written_down) {
        *part = (*wd).min(rest);
        rest = sub(rest, *part)?;
    }
    Ok((parts, rest))
}

/// How a loss is absorbed. `Σ tranche + fees == loss`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LossSplit {
    /// Written down from each tranche's NAV (senior, mezzanine, junior).
    pub tranche: [Sf; 3],
    /// Written down from the accrued protocol fees, after every tranche is wiped out.
    pub fees: Sf,
}

/// Loss-first order: junior, mezzanine, senior, then fees. A loss larger than all of them is refused: the
/// vault's claims can never exceed its assets, so it cannot happen unless the books are already wrong.
pub fn split_loss(loss: Sf, nav: &[Sf; 3], fees: Sf) -> Result<LossSplit> {
    let mut s = LossSplit::default();
    let mut rest = loss;
    for t in [2, 1, 0] {
        s.tranche[t] = nav[t].min(rest);
        rest = sub(rest, s.tranche[t])?;
    }
    s.fees = fees.min(rest);
    rest = sub(rest, s.fees)?;
    require!(rest == Sf::ZERO, VaultError::LossExceedsClaims);
    Ok(s)
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
mod tests {
    use super::super::fixed::from_native;
    use super::super::fixed::tests::reference;
    use super::*;
    use crate::constants::SECONDS_PER_YEAR;
    use proptest::prelude::*;

    fn sf() -> impl Strategy<Value = Sf> {
        (0u128..(1u128 << 110)).prop_map(Sf::from_bits)
    }

    /// A write-down: none in a third of the cases (an unimpaired tranche), else any amount.
    fn write_down() -> impl Strategy<Value = Sf> {
        prop_oneof![1 => Just(Sf::ZERO), 2 => sf()]
    }

    fn book() -> impl Strategy<Value = TrancheBook> {
        (
            [sf(), sf(), sf()],
            [write_down(), write_down(), write_down()],
            [0u16..=5_000, 0u16..=5_000],
            any::<bool>(),
        )
            .prop_map(|(nav, written_down, apr, junior_funded)| TrancheBook {
                nav,
                written_down,
                target_apr_bps: apr,
                junior_funded,
            })
    }

    fn sum(xs: &[Sf]) -> Sf {
        xs.iter().fold(Sf::ZERO, |a, b| a + *b)
    }

    #[test]
    fn income_example() {
        // 1,000,000 senior at 6 %, 500,000 mezz at 10 %, junior 200,000; one year; 10 % fee.
        let b = TrancheBook {
            nav: [
                from_native(1_000_000),
                from_native(500_000),
                from_native(200_000),
            ],
            written_down: [Sf::ZERO; 3],
            target_apr_bps: [600, 1_000],
            junior_funded: true,
        };
        let s = split_income(from_native(200_000), 1_000, &b, SECONDS_PER_YEAR).unwrap();
        assert_eq!(s.fee, from_native(20_000));
        assert_eq!(
            s.to_tranche,
            [
                from_native(60_000),
                from_native(50_000),
                from_native(70_000)
            ]
        );
        // Too little income: senior is paid first, junior gets nothing.
        let s = split_income(from_native(50_000), 1_000, &b, SECONDS_PER_YEAR).unwrap();
        assert_eq!(s.to_tranche, [from_native(45_000), Sf::ZERO, Sf::ZERO]);
    }

    #[test]
    fn loss_example() {
        let nav = [from_native(1_000), from_native(500), from_native(200)];
        let s = split_loss(from_native(300), &nav, Sf::ZERO).unwrap();
        assert_eq!(s.tranche, [Sf::ZERO, from_native(100), from_native(200)]);
        assert!(split_loss(from_native(1_701), &nav, from_native(0)).is_err());
        let s = split_loss(from_native(1_701), &nav, from_native(1)).unwrap();
        assert_eq!(s.fees, from_native(1));
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// The income split equals an independent integer loop on the raw bits (the fee rounded up, targets
        /// from a 192-bit reference, senior then mezzanine, write-downs restored senior first, the residual to a
        /// funded junior or else to the fee), with and without impairments; and it sums exactly to the income.
        #[test]
        fn income_split_is_exact(income in sf(), fee_bps in 0u16..=3_000, b in book(), dt in 0u64..(2 * SECONDS_PER_YEAR)) {
            let s = split_income(income, fee_bps, &b, dt).unwrap();
            let bps = u128::from(BPS);
            let mut fee = (income.to_bits() * u128::from(fee_bps)).div_ceil(bps).min(income.to_bits());
            let mut rest = income.to_bits() - fee;
            let mut to = [0u128; 3];
            for t in 0..2 {
                let num = u64::from(b.target_apr_bps[t]) * dt;
                let (target, _) = reference(b.nav[t].to_bits(), num, BPS * SECONDS_PER_YEAR).unwrap();
                to[t] = target.min(rest);
                rest -= to[t];
            }
            let mut recovered = [0u128; 3];
            for t in 0..3 {
                recovered[t] = b.written_down[t].to_bits().min(rest);
                rest -= recovered[t];
                to[t] += recovered[t];
            }
            if b.junior_funded {
                to[2] += rest;
            } else {
                fee += rest;
            }
            let expected = IncomeSplit {
                fee: Sf::from_bits(fee),
                to_tranche: to.map(Sf::from_bits),
                recovered: recovered.map(Sf::from_bits),
            };
            prop_assert_eq!(s, expected);
            prop_assert_eq!(s.fee + sum(&s.to_tranche), income);
        }

        /// A loss is conserved and falls junior first, then mezzanine, then senior, then fees.
        #[test]
        fn loss_is_conserved_and_ordered(loss in sf(), nav in [sf(), sf(), sf()], fees in sf()) {
            match split_loss(loss, &nav, fees) {
                Ok(s) => {
                    prop_assert_eq!(sum(&s.tranche) + s.fees, loss);
                    for t in 0..3 {
                        prop_assert!(s.tranche[t] <= nav[t]);
                    }
                    // senior is hit only when mezz and junior are wiped; mezz only when junior is.
                    if s.tranche[0] > Sf::ZERO {
                        prop_assert!(s.tranche[1] == nav[1] && s.tranche[2] == nav[2]);
                    }
                    if s.tranche[1] > Sf::ZERO {
                        prop_assert_eq!(s.tranche[2], nav[2]);
                    }
                    if s.fees > Sf::ZERO {
                        prop_assert_eq!(s.tranche, nav);
                    }
                }
                Err(_) => prop_assert!(loss > sum(&nav) + fees),
            }
        }

        /// A recovery restores senior first and conserves the amount.
        #[test]
        fn recovery_is_reverse_order(amount in sf(), wd in [sf(), sf(), sf()]) {
            let (parts, rest) = split_recovery(amount, &wd).unwrap();
            prop_assert_eq!(sum(&parts) + rest, amount);
            if parts[1] > Sf::ZERO || parts[2] > Sf::ZERO {
                prop_assert_eq!(parts[0], wd[0]);
            }
            if parts[2] > Sf::ZERO {
                prop_assert_eq!(parts[1], wd[1]);
            }
            if rest > Sf::ZERO {
                prop_assert_eq!(parts, wd);
            }
        }
    }
}
