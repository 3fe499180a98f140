//! Sequences the fuzzer shrank, replayed on the release build. Each is a case a bug once broke (or a negative
//! control breaks): the release program must pass every check on it, and its last action must succeed.

use tranche_fuzz::actions::{Action, PriceMove};
use tranche_fuzz::run::Fuzzer;

fn replay_ok(actions: &[Action]) {
    let so = embedded_chain::read_program("tranche_vault");
    let mut f = Fuzzer::new(&so).expect("the world sets up");
    let mut last = false;
    for (i, a) in actions.iter().enumerate() {
        last = f.apply(a).unwrap_or_else(|v| {
            panic!(
                "action {i} ({a:?}): violation of `{}`: {}",
                v.check, v.detail
            )
        });
    }
    assert!(last, "the last action, {:?}, was refused", actions.last());
}

/// The 18-decimal overflow (`make fuzz-controls`, `control-18-decimals`, seed 1, shrunk from 949 actions): a
/// liquidation seizing an 18-decimal asset whose repayment at the bonus is worth far more than the holding. The
/// seizure's `value · 10^18` must be formed in 256 bits; in U68F60 it overflowed and the liquidation was refused.
#[test]
fn liquidation_seizing_an_18_decimal_asset_succeeds() {
    replay_ok(&[
        Action::Warp { secs: 55 },
        Action::DepositCollateral {
            borrower: 0,
            asset: 0,
            amount: 10_000_000_000_000,
        },
        Action::DepositCollateral {
            borrower: 0,
            asset: 1,
            amount: 3_436_897_527_287_780,
        },
        Action::Deposit {
            actor: 0,
            tranche: 2,
            amount: 843_738_176_135,
        },
        Action::Borrow {
            borrower: 0,
            amount: 662_102_311_930,
        },
        Action::Price {
            feed: 0,
            mv: PriceMove::Unverified,
        },
        Action::Liquidate {
            borrower: 0,
            asset: 1,
            max_repay: 258_541_614_832,
        },
    ]);
}

/// The unpinned price account (`control-unpinned-oracle`, seed 1, shrunk from 1,351 actions): the pinned feed is
/// only partially verified, and the borrower prices its position with a verified update of its own at 100x the
/// price. The release program refuses it (`OracleWrongAccount`); a program that took any account lent on it.
#[test]
fn a_borrow_priced_by_the_borrowers_own_account_is_refused() {
    let so = embedded_chain::read_program("tranche_vault");
    let mut f = Fuzzer::new(&so).expect("the world sets up");
    let actions = [
        Action::Deposit {
            actor: 2,
            tranche: 2,
            amount: 7_377_262_649,
        },
        Action::DepositCollateral {
            borrower: 1,
            asset: 0,
            amount: 933_467_718_062,
        },
        Action::Warp { secs: 3_597 },
        Action::Price {
            feed: 0,
            mv: PriceMove::Unverified,
        },
    ];
    for a in &actions {
        f.apply(a)
            .unwrap_or_else(|v| panic!("{a:?}: violation of `{}`: {}", v.check, v.detail));
    }
    let rogue = Action::RoguePrice {
        borrower: 1,
        asset: 0,
        amount: 592_685_533,
    };
    let ok = f
        .apply(&rogue)
        .unwrap_or_else(|v| panic!("violation of `{}`: {}", v.check, v.detail));
    assert!(!ok, "the rogue-priced borrow went through");
    assert_eq!(
        f.report
            .refusals
            .get("OracleWrongAccount (rogue_price_borrow)"),
        Some(&1)
    );
}
