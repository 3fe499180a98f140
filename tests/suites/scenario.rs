//! A multi-epoch story across the three tranches: partial fills under a liquidity shortage, a loss, partial fills
//! under the subordination limits, roll-over without any new request, and every holder's exit. The fixture checks
//! the vault-level invariants after every action.

use tranche_vault::math::fixed::{to_native_floor, Sf};
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault::state::Vault;
use tranche_vault_tests::dual_test;
use tranche_vault_tests::fixture::{Loan, VaultFixture, ONE};

fn q(x: Sf) -> f64 {
    x.to_num::<f64>() / ONE as f64
}

/// Junior and junior + mezzanine shares of total NAV.
fn ratios(v: &Vault) -> (f64, f64) {
    let n = v.navs().map(q);
    let t: f64 = n.iter().sum();
    (n[2] / t, (n[1] + n[2]) / t)
}

dual_test!(
    three_epochs_with_shortage_loss_and_subordination,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let j = f.user(1_000_000 * ONE).await;
        let m = f.user(1_000_000 * ONE).await;
        let s1 = f.user(1_000_000 * ONE).await;
        let s2 = f.user(1_000_000 * ONE).await;
        f.deposit(&j, Junior, 150_000 * ONE).await.expect_ok();
        f.deposit(&m, Mezzanine, 150_000 * ONE).await.expect_ok();
        f.deposit(&s1, Senior, 500_000 * ONE).await.expect_ok();
        f.deposit(&s2, Senior, 200_000 * ONE).await.expect_ok();
        f.loan(Loan::Borrow(900_000 * ONE)).await.expect_ok();

        // Epoch 1: 100k free against 300k of senior and 50k of junior requests. Senior is served first and takes
        // all of it; junior gets nothing; both roll over.
        f.request(&s1, Senior, 300_000 * ONE).await.expect_ok();
        f.request(&j, Junior, 50_000 * ONE).await.expect_ok();
        f.warp(3 * 86_400).await;
        f.next_epoch().await.expect_ok();
        let v = f.vault().await;
        let reserved = q(v.reserved_payout_sf.get());
        assert!(
            reserved <= 100_000.0 && reserved > 99_999.0,
            "senior took the free liquidity: {reserved}"
        );
        assert!(v.tranches[0].queued_shares > 0 && v.tranches[2].queued_shares == 50_000 * ONE);
        assert_eq!(v.free_liquidity().unwrap(), 0);

        // Epoch 2: the borrower repays half; the queue fills by itself, senior in full, then junior in full
        // (junior keeps 10 % and junior + mezzanine 25 % after both leave).
        f.loan(Loan::Repay(500_000 * ONE)).await.expect_ok();
        f.next_epoch().await.expect_ok();
        let v = f.vault().await;
        assert_eq!(v.tranches[0].queued_shares, 0);
        assert_eq!(v.tranches[2].queued_shares, 0);
        let (jr, jmr) = ratios(&v);
        assert!(jr >= 0.1 && jmr >= 0.25);
        let before = f.env.token_balance(s1.quote).await;
        f.claim(&s1, Senior).await.expect_ok();
        let s1_paid = f.env.token_balance(s1.quote).await - before;
        assert!(
            s1_paid > 300_000 * ONE,
            "300k senior shares paid with their income: {s1_paid}"
        );
        f.claim(&j, Junior).await.expect_ok();

        // The borrower defaults with about 120k of bad debt: junior (about 100k) is wiped out, mezzanine takes the
        // rest, senior is whole.
        let senior_before = v.tranches[0].nav();
        f.loan(Loan::Default(120_000 * ONE)).await.expect_ok();
        let v = f.vault().await;
        assert_eq!(v.tranches[2].nav(), Sf::ZERO);
        assert!(v.tranches[0].nav() >= senior_before, "senior untouched");
        assert!(v.tranches[1].written_down_sf.get() > Sf::ZERO);

        // Epoch 3: mezzanine wants out entirely while senior takes out 100k. Senior fills first; with junior
        // wiped out, mezzanine is the whole cushion under senior, and it may only leave down to junior + mezzanine
        // = 25 % of total NAV (its leaving does not lower junior's share, which is already 0).
        let m_shares = f.env.token_balance(m.shares[1]).await;
        f.request(&m, Mezzanine, m_shares).await.expect_ok();
        f.request(&s2, Senior, 100_000 * ONE).await.expect_ok();
        f.next_epoch().await.expect_ok();
        let v = f.vault().await;
        assert_eq!(v.tranches[0].queued_shares, 0);
        let queued = v.tranches[1].queued_shares;
        assert!(
            queued > 0 && queued < m_shares,
            "mezzanine partly filled: {queued} of {m_shares}"
        );
        let (_, jmr) = ratios(&v);
        assert!(
            (jmr - 0.25).abs() < 1e-9,
            "junior + mezzanine held at 25 %: {jmr}"
        );
        f.claim(&s2, Senior).await.expect_ok();

        // The rest of senior leaves; then mezzanine is the most senior claim left and may go, in full.
        let rest1 = f.env.token_balance(s1.shares[0]).await;
        let rest2 = f.env.token_balance(s2.shares[0]).await;
        f.request(&s1, Senior, rest1).await.expect_ok();
        f.request(&s2, Senior, rest2).await.expect_ok();
        // (The default closed the borrower out: the liquidator's repayment brought the liquidity back.)
        assert_eq!(to_native_floor(f.vault().await.debt().unwrap()).unwrap(), 0);
        f.next_epoch().await.expect_ok();
        let v = f.vault().await;
        assert_eq!(v.tranches[0].queued_shares, 0);
        // Junior has no NAV and mezzanine is all that is left: its limit is junior + mezz ≥ 25 % of total, true.
        assert_eq!(
            v.tranches[1].queued_shares, 0,
            "mezzanine filled once senior was gone"
        );
        for (u, t) in [(&s1, Senior), (&s2, Senior), (&m, Mezzanine)] {
            f.claim(u, t).await.expect_ok();
            assert!(f.request_state(u, t).await.is_none());
        }
        // Only dust is left in the senior and mezzanine books: the dead shares' part.
        let v = f.vault().await;
        assert!(
            q(v.tranches[0].nav()) < 0.01 && q(v.tranches[1].nav()) < 0.01,
            "navs {:?}",
            v.navs().map(q)
        );
    }
);
