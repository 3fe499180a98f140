//! Interest accrual and the income and loss waterfalls, driven by a real borrower (the fixture's stand-in) and
//! checked against an independent calculation.

use tranche_vault::constants::SECONDS_PER_YEAR;
use tranche_vault::events::{InterestAccruedEvent, PositionLiquidatedEvent};
use tranche_vault::math::fixed::{from_native, Sf};
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault::state::Vault;
use tranche_vault_tests::fixture::{Loan, VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode, TxOutcome};

const DAYS_30: i64 = 30 * 86_400;

/// Junior 200k, mezzanine 300k, senior 1M (default parameters: senior 6 %, mezzanine 10 %, fee 10 %).
async fn three_tranches(mode: Mode) -> VaultFixture {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(10_000_000 * ONE).await;
    f.deposit(&u, Junior, 200_000 * ONE).await.expect_ok();
    f.deposit(&u, Mezzanine, 300_000 * ONE).await.expect_ok();
    f.deposit(&u, Senior, 1_000_000 * ONE).await.expect_ok();
    f
}

fn quote(x: Sf) -> f64 {
    x.to_num::<f64>() / ONE as f64
}

/// NAV, fee and debt changes between two vault states, in whole quote tokens.
struct Delta {
    nav: [f64; 3],
    fee: f64,
    debt: f64,
}

fn delta(a: &Vault, b: &Vault) -> Delta {
    let n = |v: &Vault| v.navs().map(quote);
    let (na, nb) = (n(a), n(b));
    Delta {
        nav: [nb[0] - na[0], nb[1] - na[1], nb[2] - na[2]],
        fee: quote(b.fees_sf.get()) - quote(a.fees_sf.get()),
        debt: quote(b.debt().unwrap()) - quote(a.debt().unwrap()),
    }
}

/// The split is exact: NAV growth + fee growth == debt growth, to the last bit of fixed point.
fn assert_exact_split(a: &Vault, b: &Vault) {
    let bits = |x: Sf| x.to_bits();
    let grown: u128 = (0..3)
        .map(|t| bits(b.tranches[t].nav()) - bits(a.tranches[t].nav()))
        .sum::<u128>()
        + (bits(b.fees_sf.get()) - bits(a.fees_sf.get()));
    assert_eq!(grown, bits(b.debt().unwrap()) - bits(a.debt().unwrap()));
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

dual_test!(
    income_pays_senior_then_mezzanine_then_junior,
    |mode| async move {
        let mut f = three_tranches(mode).await;
        // 1.2M of 1.5M lent: utilization 80 %, the kink, so the borrow rate is base + slope1 = 10 %/yr.
        f.loan(Loan::Borrow(1_200_000 * ONE)).await.expect_ok();
        let before = f.vault().await;
        f.warp(DAYS_30).await;
        let out = f.accrue().await;
        out.expect_ok();
        let after = f.vault().await;
        let d = delta(&before, &after);
        // Independent calculation (floating point).
        let year = DAYS_30 as f64 / SECONDS_PER_YEAR as f64;
        let income = 1_200_000.0 * 0.10 * year;
        let fee = income * 0.10;
        let senior = 1_000_000.0 * 0.06 * year;
        let mezz = 300_000.0 * 0.10 * year;
        let junior = income - fee - senior - mezz;
        assert!(close(d.debt, income), "income {} vs {income}", d.debt);
        assert!(close(d.fee, fee), "fee {} vs {fee}", d.fee);
        assert!(close(d.nav[0], senior), "senior {} vs {senior}", d.nav[0]);
        assert!(close(d.nav[1], mezz), "mezz {} vs {mezz}", d.nav[1]);
        assert!(close(d.nav[2], junior), "junior {} vs {junior}", d.nav[2]);
        assert!(junior > 0.0);
        assert_exact_split(&before, &after);
        if mode == Mode::Sbf {
            let e = &out.events::<InterestAccruedEvent>()[0];
            assert_eq!(e.dt_secs, DAYS_30 as u64);
            assert_eq!(
                e.income_sf,
                after.debt().unwrap().to_bits() - before.debt().unwrap().to_bits()
            );
            assert_eq!(e.fee_sf + e.to_tranche_sf.iter().sum::<u128>(), e.income_sf);
            assert_eq!(e.nav_after_sf, after.navs().map(|x| x.to_bits()));
            assert!(close(
                quote(Sf::from_bits(e.borrow_rate_sf)),
                0.10 / ONE as f64
            ));
            println!(
                "accrue (30 days, income to all three tranches): {} CU",
                out.program_cu()
            );
        }
    }
);

dual_test!(
    scarce_income_goes_to_senior_and_never_costs_junior,
    |mode| async move {
        let mut f = three_tranches(mode).await;
        // 300k of 1.5M lent: utilization 20 %, rate 1 % + 9 % · 0.2 / 0.8 = 3.25 %/yr.
        f.loan(Loan::Borrow(300_000 * ONE)).await.expect_ok();
        let before = f.vault().await;
        f.warp(DAYS_30).await;
        f.accrue().await.expect_ok();
        let after = f.vault().await;
        let d = delta(&before, &after);
        let income = 300_000.0 * 0.0325 * DAYS_30 as f64 / SECONDS_PER_YEAR as f64;
        assert!(
            close(d.nav[0], income * 0.9),
            "senior takes all that is left after the fee"
        );
        assert_eq!(
            (d.nav[1], d.nav[2]),
            (0.0, 0.0),
            "mezzanine and junior get nothing, and lose nothing"
        );
        assert_exact_split(&before, &after);
    }
);

// Events are only seen on the SBF build: the native processor writes no `Program data:` logs, so in native mode
// the test checks the state alone.
dual_test!(accrue_is_permissionless_and_idempotent, |mode| async move {
    let mut f = three_tranches(mode).await;
    let events = |out: &TxOutcome| out.events::<InterestAccruedEvent>().len();
    // No debt: time passes, nothing accrues.
    let a = f.vault().await;
    f.warp(DAYS_30).await;
    let out = f.accrue().await;
    out.expect_ok();
    let b = f.vault().await;
    assert_eq!(a.navs(), b.navs());
    assert_eq!(b.last_accrual_ts, f.env.now().await);
    // Twice at the same second: the first accrues (one event), the second changes nothing (none).
    f.loan(Loan::Borrow(100_000 * ONE)).await.expect_ok();
    f.warp(3_600).await;
    let first = f.accrue().await;
    first.expect_ok();
    let c = f.vault().await;
    assert!(c.navs() != b.navs(), "an hour of interest accrued");
    let second = f.accrue().await;
    second.expect_ok();
    assert_eq!(f.vault().await.navs(), c.navs());
    if mode == Mode::Sbf {
        assert_eq!(
            [events(&out), events(&first), events(&second)],
            [0, 1, 0],
            "an event exactly when interest accrued"
        );
    }
});

dual_test!(
    losses_fall_junior_first_and_income_restores_senior_first,
    |mode| async move {
        let mut f = three_tranches(mode).await;
        f.loan(Loan::Borrow(1_200_000 * ONE)).await.expect_ok();
        // The borrower defaults, leaving about 350k of bad debt: junior's 200k, then about 150k of mezzanine;
        // senior untouched.
        let out = f.loan(Loan::Default(350_000 * ONE)).await;
        out.expect_ok();
        let v = f.vault().await;
        let wd = |v: &Vault| [0, 1, 2].map(|t| v.tranches[t].written_down_sf.get());
        assert_eq!(v.navs()[0], from_native(1_000_000 * ONE), "senior whole");
        assert_eq!(v.navs()[2], Sf::ZERO, "junior wiped out");
        assert!(
            (quote(v.navs()[1]) - 150_000.0).abs() < 0.1,
            "mezzanine {}",
            quote(v.navs()[1])
        );
        assert_eq!(wd(&v)[2], from_native(200_000 * ONE));
        assert_eq!(
            wd(&v)[1],
            from_native(300_000 * ONE) - v.navs()[1],
            "mezzanine's loss is recorded"
        );
        assert_eq!(wd(&v)[0], Sf::ZERO);
        if mode == Mode::Sbf {
            let e = &out.events::<PositionLiquidatedEvent>()[0];
            assert_eq!(e.written_down_sf, wd(&v).map(|x| x.to_bits()));
            assert_eq!(
                e.bad_debt_sf,
                e.written_down_sf.iter().sum::<u128>() + e.fees_written_down_sf
            );
        }
        // Income: senior its target, mezzanine its target, then the residual restores mezzanine's write-down
        // (the most senior impaired tranche) before junior can earn anything. Lending out most of what is left
        // puts utilization above the kink, so there is plenty of income to restore with.
        f.loan(Loan::Borrow(1_100_000 * ONE)).await.expect_ok();
        let before = f.vault().await;
        f.warp(DAYS_30).await;
        f.accrue().await.expect_ok();
        let after = f.vault().await;
        assert_exact_split(&before, &after);
        let d = delta(&before, &after);
        let restored = quote(wd(&before)[1]) - quote(wd(&after)[1]);
        assert!(restored > 0.0, "mezzanine's write-down shrinks");
        let mezz_target = quote(before.navs()[1]) * 0.10 * DAYS_30 as f64 / SECONDS_PER_YEAR as f64;
        assert!(close(d.nav[1] - restored, mezz_target));
        assert_eq!(
            after.tranches[2].nav(),
            Sf::ZERO,
            "junior earns nothing while mezzanine is impaired"
        );
        assert_eq!(wd(&after)[2], wd(&before)[2]);
        // A loss beyond mezzanine reaches senior only once mezzanine is wiped out.
        let mezz = quote(after.tranches[1].nav());
        f.loan(Loan::Default(((mezz + 50_000.0) * ONE as f64) as u64))
            .await
            .expect_ok();
        let v = f.vault().await;
        assert_eq!(v.tranches[1].nav(), Sf::ZERO);
        let senior_loss = quote(after.tranches[0].nav()) - quote(v.tranches[0].nav());
        assert!(
            (senior_loss - 50_000.0).abs() < 0.1,
            "senior lost {senior_loss}"
        );
    }
);
