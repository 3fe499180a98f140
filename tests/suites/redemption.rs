//! The epoch redemption queue: `request_redeem`, `cancel_redeem`, `close_epoch`, `claim_redeem`. Full and
//! partial fills (liquidity shortage, subordination limits), roll-over, cancellation, the last holder's exit,
//! O(1) epoch closes, and every refusal with its error.

use anchor_lang::error::ErrorCode as AnchorErrorCode;
use solana_signer::Signer;
use tranche_vault::constants::DEAD_SHARES;
use tranche_vault::errors::VaultError;
use tranche_vault::events::{EpochClosedEvent, RedemptionClaimedEvent, RedemptionRequestedEvent};
use tranche_vault::math::fixed::{from_native, Sf};
use tranche_vault::state::GenerationRecord;
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault_tests::fixture::{Loan, User, VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode};

/// Junior 100k by `j`, senior 200k by `s`.
async fn funded(mode: Mode) -> (VaultFixture, User, User) {
    let mut f = VaultFixture::new(mode).await;
    let j = f.user(1_000_000 * ONE).await;
    let s = f.user(1_000_000 * ONE).await;
    f.deposit(&j, Junior, 100_000 * ONE).await.expect_ok();
    f.deposit(&s, Senior, 200_000 * ONE).await.expect_ok();
    (f, j, s)
}

fn nav_f64(x: Sf) -> f64 {
    x.to_num::<f64>()
}

dual_test!(closes_only_after_the_epoch_ends, |mode| async move {
    let (mut f, _, _) = funded(mode).await;
    let first = f.vault().await.epoch_index;
    f.close_epoch()
        .await
        .expect_error(VaultError::EpochNotEnded);
    f.warp(86_400 - 10).await;
    f.close_epoch()
        .await
        .expect_error(VaultError::EpochNotEnded);
    f.warp(10).await;
    f.close_epoch().await.expect_ok();
    let v = f.vault().await;
    assert_eq!(v.epoch_index, first + 1);
    assert_eq!(v.epoch_start_ts, f.env.now().await);
    f.close_epoch()
        .await
        .expect_error(VaultError::EpochNotEnded);
});

dual_test!(full_fill_pays_the_tranche_price, |mode| async move {
    let (mut f, _, s) = funded(mode).await;
    let out = f.request(&s, Senior, 50_000 * ONE).await;
    out.expect_ok();
    assert_eq!(f.env.token_balance(f.addrs.escrows[0]).await, 50_000 * ONE);
    if mode == Mode::Sbf {
        let e = &out.events::<RedemptionRequestedEvent>()[0];
        assert_eq!(
            (e.shares, e.request_shares, e.tranche_queued_shares),
            (50_000 * ONE, 50_000 * ONE, 50_000 * ONE)
        );
        println!("request_redeem: {} CU", out.program_cu());
    }
    let epoch = f.vault().await.epoch_index;
    let out = f.next_epoch().await;
    out.expect_ok();
    let v = f.vault().await;
    // Price 1 (no debt, no income): the payout is exactly the shares.
    assert_eq!(v.reserved_payout_sf.get(), from_native(50_000 * ONE));
    assert_eq!(v.tranches[0].nav(), from_native(150_000 * ONE));
    assert_eq!(v.tranches[0].queued_shares, 0);
    assert_eq!(
        v.tranches[0].queue_generation, 1,
        "the full fill ended generation 0"
    );
    assert_eq!(
        f.env.mint_supply(f.addrs.tranche_mints[0]).await,
        150_000 * ONE - DEAD_SHARES
    );
    let record: GenerationRecord = f
        .env
        .anchor_account(tranche_vault::pda::generation(&f.addrs.vault, Senior, 0).0)
        .await;
    assert_eq!(
        (record.generation, record.p_end_sf, record.epoch_index),
        (0, 0, epoch)
    );
    if mode == Mode::Sbf {
        let e = &out.events::<EpochClosedEvent>()[0];
        assert_eq!(
            (e.fills[0].filled, e.fills[0].payout_sf),
            (50_000 * ONE, from_native(50_000 * ONE).to_bits())
        );
        assert_eq!(e.fills[1].filled + e.fills[2].filled, 0);
        println!(
            "close_epoch (one request, full fill, record created): {} CU",
            out.program_cu()
        );
    }
    let before = f.env.token_balance(s.quote).await;
    let out = f.claim(&s, Senior).await;
    out.expect_ok();
    assert_eq!(f.env.token_balance(s.quote).await - before, 50_000 * ONE);
    assert!(
        f.request_state(&s, Senior).await.is_none(),
        "an empty request is closed"
    );
    assert_eq!(f.vault().await.reserved_payout_sf.get(), Sf::ZERO);
    if mode == Mode::Sbf {
        let e = &out.events::<RedemptionClaimedEvent>()[0];
        assert_eq!(
            (e.amount, e.remaining_shares, e.closed),
            (50_000 * ONE, 0, true)
        );
        println!("claim_redeem: {} CU", out.program_cu());
    }
});

dual_test!(
    liquidity_shortage_fills_pro_rata_and_rolls_over,
    |mode| async move {
        let (mut f, _, s1) = funded(mode).await;
        let s2 = f.user(1_000_000 * ONE).await;
        f.deposit(&s2, Senior, 100_000 * ONE).await.expect_ok();
        // 400k of liquidity, 350k lent out: 50k free.
        f.loan(Loan::Borrow(350_000 * ONE)).await.expect_ok();
        f.request(&s1, Senior, 60_000 * ONE).await.expect_ok();
        f.request(&s2, Senior, 40_000 * ONE).await.expect_ok();
        let out = f.next_epoch().await;
        out.expect_ok();
        let v = f.vault().await;
        // Half the queue could be paid: both requests are half filled, the rest stays queued.
        let reserved = nav_f64(v.reserved_payout_sf.get());
        assert!(
            reserved <= 50_000.0 * ONE as f64 && reserved > 49_999.0 * ONE as f64,
            "reserved {reserved}"
        );
        let queued = v.tranches[0].queued_shares;
        assert!(
            (49_000 * ONE..=51_000 * ONE).contains(&queued),
            "queued {queued}"
        );
        let (b1, b2) = (
            f.env.token_balance(s1.quote).await,
            f.env.token_balance(s2.quote).await,
        );
        f.claim(&s1, Senior).await.expect_ok();
        f.claim(&s2, Senior).await.expect_ok();
        let p1 = f.env.token_balance(s1.quote).await - b1;
        let p2 = f.env.token_balance(s2.quote).await - b2;
        // Pro rata: 60 / 40.
        assert!(
            (p1 as f64 / p2 as f64 - 1.5).abs() < 1e-6,
            "payouts {p1} / {p2}"
        );
        let r1 = f
            .request_state(&s1, Senior)
            .await
            .expect("request stays open");
        // Its queued shares shrank in the same proportion as the tranche's queue.
        let expected = (60_000 * ONE) as f64 * queued as f64 / (100_000 * ONE) as f64;
        assert!(
            (r1.shares as f64 - expected).abs() <= 2.0,
            "{} vs {expected}",
            r1.shares
        );
        if mode == Mode::Sbf {
            let e = &out.events::<EpochClosedEvent>()[0];
            assert_eq!(e.free_liquidity_before, 50_000 * ONE);
            assert!(e.fills[0].filled < e.fills[0].queued_before);
        }
        // The lender repays; the remainder fills in the next epoch without anyone asking again.
        let debt =
            tranche_vault::math::fixed::to_native_floor(f.vault().await.debt().unwrap()).unwrap();
        f.loan(Loan::Repay(debt)).await.expect_ok();
        f.next_epoch().await.expect_ok();
        assert_eq!(f.vault().await.tranches[0].queued_shares, 0);
        f.claim(&s1, Senior).await.expect_ok();
        f.claim(&s2, Senior).await.expect_ok();
        assert!(f.request_state(&s1, Senior).await.is_none());
        assert!(f.request_state(&s2, Senior).await.is_none());
        let t1 = f.env.token_balance(s1.quote).await - b1;
        let t2 = f.env.token_balance(s2.quote).await - b2;
        // Everything queued was paid, at a price a little above 1 (interest accrued while it was lent).
        assert!(
            t1 >= 60_000 * ONE && t2 >= 40_000 * ONE,
            "paid {t1} and {t2}"
        );
    }
);

dual_test!(
    subordination_caps_junior_and_mezzanine_fills,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let u = f.user(10_000_000 * ONE).await;
        f.deposit(&u, Junior, 100_000 * ONE).await.expect_ok();
        f.deposit(&u, Mezzanine, 100_000 * ONE).await.expect_ok();
        f.deposit(&u, Senior, 300_000 * ONE).await.expect_ok();
        // Junior asks to leave entirely. With 500k total, min junior 10 %: junior can release
        // (100k − 50k) / 0.9 = 55,555.56 (the junior + mezz 25 % limit would allow 100k).
        f.request(&u, Junior, 100_000 * ONE - DEAD_SHARES)
            .await
            .expect_ok();
        let out = f.next_epoch().await;
        out.expect_ok();
        let v = f.vault().await;
        let paid = nav_f64(v.reserved_payout_sf.get()) / ONE as f64;
        assert!(
            (paid - 55_555.555_555).abs() < 0.01,
            "junior released {paid}"
        );
        let navs = v.navs().map(nav_f64);
        let total: f64 = navs.iter().sum();
        assert!(
            navs[2] / total >= 0.1 - 1e-12,
            "junior keeps 10 %: {}",
            navs[2] / total
        );
        assert!(navs[2] / total < 0.1 + 1e-9, "and no more than it must");
        // Next epoch: senior leaves first (its fill lowers total NAV), then junior fills what the limits now allow.
        f.request(&u, Senior, 100_000 * ONE).await.expect_ok();
        f.next_epoch().await.expect_ok();
        let v = f.vault().await;
        let navs = v.navs().map(nav_f64);
        let total: f64 = navs.iter().sum();
        assert!(
            (navs[0] / ONE as f64 - 200_000.0).abs() < 1e-6,
            "senior filled in full"
        );
        assert!(navs[2] / total >= 0.1 - 1e-12 && navs[2] / total < 0.1 + 1e-9);
        assert!(v.tranches[2].queued_shares > 0, "junior still queued");
        if mode == Mode::Sbf {
            let e = &out.events::<EpochClosedEvent>()[0];
            assert!(
                (nav_f64(Sf::from_bits(e.fills[2].subordination_cap_sf)) / ONE as f64
                    - 55_555.555_555)
                    .abs()
                    < 0.01
            );
        }
    }
);

dual_test!(cancel_returns_only_the_unfilled_part, |mode| async move {
    let (mut f, _, s) = funded(mode).await;
    // 300k liquidity, 250k lent: 50k free against a 60k request.
    f.loan(Loan::Borrow(250_000 * ONE)).await.expect_ok();
    f.request(&s, Senior, 60_000 * ONE).await.expect_ok();
    f.next_epoch().await.expect_ok();
    let shares_before = f.env.token_balance(s.shares[0]).await;
    let out = f.cancel(&s, Senior).await;
    out.expect_ok();
    let returned = f.env.token_balance(s.shares[0]).await - shares_before;
    let v = f.vault().await;
    // The only request was cancelled: what stays queued is rounding dust (remaining shares are rounded down).
    assert!(
        v.tranches[0].queued_shares <= 1,
        "queued {}",
        v.tranches[0].queued_shares
    );
    assert!(
        returned > 0 && returned < 12_000 * ONE,
        "returned {returned}"
    );
    assert_eq!(
        f.env.token_balance(f.addrs.escrows[0]).await,
        v.tranches[0].queued_shares
    );
    if mode == Mode::Sbf {
        println!("cancel_redeem: {} CU", out.program_cu());
    }
    f.cancel(&s, Senior)
        .await
        .expect_error(VaultError::NothingToCancel);
    let r = f
        .request_state(&s, Senior)
        .await
        .expect("still holds a payout");
    assert_eq!(r.shares, 0);
    assert!(r.claimable_native > 49_000 * ONE);
    f.claim(&s, Senior).await.expect_ok();
    assert!(f.request_state(&s, Senior).await.is_none());
    f.cancel(&s, Senior)
        .await
        .expect_error(AnchorErrorCode::AccountNotInitialized);
});

dual_test!(refusals, |mode| async move {
    let (mut f, j, s) = funded(mode).await;
    f.request(&s, Senior, 0)
        .await
        .expect_error(VaultError::ZeroAmount);
    assert!(
        f.request(&s, Senior, 300_000 * ONE).await.result.is_err(),
        "more shares than held"
    );
    f.request(&s, Senior, 10 * ONE).await.expect_ok();
    f.claim(&s, Senior)
        .await
        .expect_error(VaultError::NothingToClaim);
    // Junior's escrow for a senior request.
    let mut ix = f
        .addrs
        .request_redeem(s.key.pubkey(), s.shares[0], Senior, ONE);
    ix.accounts[3].pubkey = f.addrs.escrows[2];
    f.env
        .send_unique(&[ix], &[&s.key])
        .await
        .expect_error(VaultError::WrongEscrow);
    // Another holder cannot cancel or claim s's request: its PDA is derived from the signer.
    let mut ix = f.addrs.cancel_redeem(j.key.pubkey(), j.shares[0], Senior);
    ix.accounts[5].pubkey =
        tranche_vault::pda::redemption(&f.addrs.vault, &s.key.pubkey(), Senior).0;
    f.env
        .send_unique(&[ix], &[&j.key])
        .await
        .expect_error(AnchorErrorCode::ConstraintSeeds);
    // Shares of another tranche's mint.
    let ix = f
        .addrs
        .request_redeem(s.key.pubkey(), s.shares[2], Senior, ONE);
    f.env
        .send_unique(&[ix], &[&s.key])
        .await
        .expect_error(VaultError::WrongTokenMint);
    // A tranche index beyond junior (the argument is the index, a u8), in each of the three instructions.
    for mut ix in [
        f.addrs
            .request_redeem(s.key.pubkey(), s.shares[0], Senior, ONE),
        f.addrs.cancel_redeem(s.key.pubkey(), s.shares[0], Senior),
        f.addrs.claim_redeem(s.key.pubkey(), s.quote, Senior, None),
    ] {
        ix.data[8] = 3;
        f.env
            .send_unique(&[ix], &[&s.key])
            .await
            .expect_error(VaultError::InvalidTranche);
    }
    // A request left in an ended generation must be claimed before it changes.
    f.next_epoch().await.expect_ok();
    f.request(&s, Senior, ONE)
        .await
        .expect_error(VaultError::RedemptionNotSettled);
    f.cancel(&s, Senior)
        .await
        .expect_error(VaultError::RedemptionNotSettled);
    // Claiming without the record of its generation.
    let ix = f.addrs.claim_redeem(s.key.pubkey(), s.quote, Senior, None);
    f.env
        .send_unique(&[ix], &[&s.key])
        .await
        .expect_error(VaultError::GenerationRecordRequired);
    f.claim(&s, Senior).await.expect_ok();
    f.request(&s, Senior, ONE).await.expect_ok();
});

dual_test!(last_holder_exits_leaving_only_dust, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let j = f.user(1_000_000 * ONE).await;
    f.deposit(&j, Junior, 10_000 * ONE + 7).await.expect_ok();
    // Some income so that the price is not a round number.
    f.loan(Loan::Borrow(5_000 * ONE)).await.expect_ok();
    f.warp(10 * 86_400).await;
    f.accrue().await.expect_ok();
    let debt =
        tranche_vault::math::fixed::to_native_floor(f.vault().await.debt().unwrap()).unwrap();
    f.loan(Loan::Repay(debt)).await.expect_ok();
    let shares = f.env.token_balance(j.shares[2]).await;
    f.request(&j, Junior, shares).await.expect_ok();
    f.next_epoch().await.expect_ok();
    let before = f.env.token_balance(j.quote).await;
    f.claim(&j, Junior).await.expect_ok();
    let paid = f.env.token_balance(j.quote).await - before;
    assert_eq!(
        f.env.mint_supply(f.addrs.tranche_mints[2]).await,
        0,
        "every share redeemed"
    );
    let v = f.vault().await;
    let nav_left = nav_f64(v.tranches[2].nav());
    let price = (paid as f64 + nav_left) / (shares + DEAD_SHARES) as f64;
    // What is left is the dead shares' part (plus < 1 native unit of rounding).
    assert!(
        (nav_left - DEAD_SHARES as f64 * price).abs() < 1.0 + 1e-6,
        "left {nav_left}, price {price}"
    );
    assert!(
        paid > 10_000 * ONE,
        "the holder got principal and income: {paid}"
    );
    assert!(f.request_state(&j, Junior).await.is_none());
    // A new depositor enters at the dust's price, which is fair.
    let n = f.user(1_000 * ONE).await;
    f.deposit(&n, Junior, 1_000 * ONE).await.expect_ok();
});

/// Closes an epoch with `n` open senior requests from `n` holders and returns its CU.
async fn close_with_requests(n: usize) -> u64 {
    let mut f = VaultFixture::new(Mode::Sbf).await;
    let j = f.user(1_000_000 * ONE).await;
    f.deposit(&j, Junior, 500_000 * ONE).await.expect_ok();
    // All but 1,000 of the liquidity lent before the requests (they come before new borrows), so every close is
    // a partial fill (the same branch whatever n is).
    let mut holders = vec![];
    for _ in 0..n {
        let s = f.user(10_000 * ONE).await;
        f.deposit(&s, Senior, 10_000 * ONE).await.expect_ok();
        holders.push(s);
    }
    let lend = f.vault().await.free_liquidity().unwrap() - 1_000 * ONE;
    f.loan(Loan::Borrow(lend)).await.expect_ok();
    for s in &holders {
        f.request(s, Senior, 5_000 * ONE).await.expect_ok();
    }
    let out = f.next_epoch().await;
    out.expect_ok();
    out.program_cu()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_epoch_costs_the_same_for_1_and_40_requests() {
    let one = close_with_requests(1).await;
    let many = close_with_requests(40).await;
    println!("close_epoch: {one} CU with 1 request, {many} CU with 40");
    assert!(
        (one as f64 - many as f64).abs() / one as f64 <= 0.03,
        "{one} vs {many}"
    );
}

dual_test!(
    a_long_partial_queue_ends_its_generation_and_settles_through_the_record,
    |mode| async move {
        // Each epoch fills half of what is queued, so the queue's product of unfilled fractions halves every
        // epoch; after 21 epochs it is below 2^-20 and the generation ends with shares still queued.
        let mut f = VaultFixture::new(mode).await;
        let j = f.user(10_000_000 * ONE).await;
        let s = f.user(10_000_000 * ONE).await;
        f.deposit(&j, Junior, 2_000_000 * ONE).await.expect_ok();
        f.deposit(&s, Senior, 1_000_000 * ONE).await.expect_ok();
        // Everything lent out first (queued redemptions come before new borrows); then repayments bring in half of
        // what the queue is worth each epoch.
        let lend = f.vault().await.free_liquidity().unwrap();
        f.loan(Loan::Borrow(lend)).await.expect_ok();
        f.request(&s, Senior, 1_000_000 * ONE - DEAD_SHARES)
            .await
            .expect_ok();
        let first = f.vault().await.epoch_index;
        for epoch in 0..21 {
            let v = f.vault().await;
            assert_eq!(v.tranches[0].queue_generation, 0, "epoch {epoch}");
            let t = &v.tranches[0];
            let supply = f.env.mint_supply(f.addrs.tranche_mints[0]).await + t.dead_shares;
            let half_value =
                (t.queued_shares as f64 * nav_f64(t.nav()) / supply as f64 / 2.0) as u64;
            let free = v.free_liquidity().unwrap();
            assert!(free <= half_value, "epoch {epoch}: {free} free");
            if free < half_value {
                f.loan(Loan::Repay(half_value - free)).await.expect_ok();
            }
            f.next_epoch().await.expect_ok();
        }
        let v = f.vault().await;
        assert_eq!(
            v.tranches[0].queue_generation, 1,
            "the generation ended on precision"
        );
        let queued = v.tranches[0].queued_shares;
        assert!(queued > 0, "with shares still queued");
        let record: GenerationRecord = f
            .env
            .anchor_account(tranche_vault::pda::generation(&f.addrs.vault, Senior, 0).0)
            .await;
        assert!(record.p_end_sf > 0 && record.epoch_index == first + 20);
        // The holder's request is from generation 0: claiming passes the record, pays all 21 fills, and carries the
        // unfilled rest into generation 1.
        let before = f.env.token_balance(s.quote).await;
        f.claim(&s, Senior).await.expect_ok();
        let paid = f.env.token_balance(s.quote).await - before;
        let r = f.request_state(&s, Senior).await.expect("still queued");
        assert_eq!(r.generation, 1);
        assert!(
            r.shares <= queued && queued - r.shares <= 2,
            "{} of {queued}",
            r.shares
        );
        assert!(
            paid as f64 >= 999_999.0 * ONE as f64 - queued as f64 * 2.0,
            "paid {paid}"
        );
        // Everything left is lent back in; the next epoch fills the rest, and the request closes.
        let debt =
            tranche_vault::math::fixed::to_native_floor(f.vault().await.debt().unwrap()).unwrap();
        f.loan(Loan::Repay(debt)).await.expect_ok();
        f.next_epoch().await.expect_ok();
        f.claim(&s, Senior).await.expect_ok();
        assert!(f.request_state(&s, Senior).await.is_none());
    }
);

dual_test!(
    close_epoch_and_claim_refuse_substituted_accounts,
    |mode| async move {
        let (mut f, j, s) = funded(mode).await;
        f.request(&s, Senior, 10 * ONE).await.expect_ok();
        // Junior's generation 0 ends in the same close, so its record exists too.
        f.request(&j, Junior, 10 * ONE).await.expect_ok();
        let now = f.env.now().await;
        f.warp(86_400 + 1).await;
        let payer = f.env.payer();
        // Another token account in place of senior's escrow (as another escrow would be: each is pinned to its address).
        let mut ix = f.addrs.close_epoch(payer, [0; 3]);
        ix.accounts[5].pubkey = f.addrs.liquidity;
        f.env
            .send_unique(&[ix], &[])
            .await
            .expect_error(VaultError::WrongEscrow);
        // Mezzanine's escrow twice (Anchor's duplicate check is off: the pin refuses it).
        let mut ix = f.addrs.close_epoch(payer, [0; 3]);
        ix.accounts[5].pubkey = f.addrs.escrows[1];
        f.env
            .send_unique(&[ix], &[])
            .await
            .expect_error(VaultError::WrongEscrow);
        // The quote mint in place of senior's.
        let mut ix = f.addrs.close_epoch(payer, [0; 3]);
        ix.accounts[2].pubkey = f.addrs.quote_mint;
        f.env
            .send_unique(&[ix], &[])
            .await
            .expect_error(VaultError::WrongTrancheMint);
        // The fill ends senior's generation 0, so its record must be at its PDA: generation 5's address is refused.
        let ix = f.addrs.close_epoch(payer, [5, 0, 0]);
        f.env
            .send_unique(&[ix], &[])
            .await
            .expect_error(VaultError::WrongGenerationRecord);
        assert!(f.env.now().await > now);
        f.close_epoch().await.expect_ok();
        // Another holder's request ends senior's generation 1: a real record of another generation.
        let s2 = f.user(1_000_000 * ONE).await;
        f.deposit(&s2, Senior, 1_000 * ONE).await.expect_ok();
        f.request(&s2, Senior, 10 * ONE).await.expect_ok();
        f.next_epoch().await.expect_ok();
        assert_eq!(f.vault().await.tranches[0].queue_generation, 2);
        // The records of senior's generation 1 and of junior's generation 0 exist, and are refused for a claim
        // of senior's generation 0 (the seeds name the tranche and the request's generation).
        for other in [
            tranche_vault::pda::generation(&f.addrs.vault, Senior, 1).0,
            tranche_vault::pda::generation(&f.addrs.vault, Junior, 0).0,
        ] {
            assert!(
                f.env.account(other).await.is_some(),
                "record {other} exists"
            );
            let ix = f
                .addrs
                .claim_redeem(s.key.pubkey(), s.quote, Senior, Some(other));
            f.env
                .send_unique(&[ix], &[&s.key])
                .await
                .expect_error(AnchorErrorCode::ConstraintSeeds);
        }
        // accrue on an account that is not a vault.
        let mut ix = f.addrs.accrue();
        ix.accounts[0].pubkey = f.addrs.liquidity;
        f.env
            .send_unique(&[ix], &[])
            .await
            .expect_error(AnchorErrorCode::AccountOwnedByWrongProgram);
        f.claim(&s, Senior).await.expect_ok();
    }
);
