//! Liquidation: the crash scenario through the tranches (checked against an independent calculation), the close
//! factor, self-liquidation, rounding-dust loops, and what must never block a repay or a liquidation.

use tranche_vault::errors::VaultError;
use tranche_vault::events::PositionLiquidatedEvent;
use tranche_vault::math::fixed::{from_native, Sf};
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault_tests::fixture::{VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode};

const SOL: u64 = 1_000_000_000; // 9 decimals
const ETH: u64 = 100_000_000; // 8 decimals

dual_test!(
    crash_liquidations_and_bad_debt_through_the_tranches,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let lp = f.user(10_000_000 * ONE).await;
        // Junior 80k, mezzanine 120k, senior 600k: exactly at the 10 % and 25 % limits.
        f.deposit(&lp, Junior, 80_000 * ONE).await.expect_ok();
        f.deposit(&lp, Mezzanine, 120_000 * ONE).await.expect_ok();
        f.deposit(&lp, Senior, 600_000 * ONE).await.expect_ok();
        let sol = f.add_collateral(9, 150.0).await;
        let eth = f.add_collateral(8, 3_000.0).await;
        // A: 1,000 SOL and 20 ETH (210k), borrows 140k. B: 100 SOL, borrows 1k (the healthy control).
        let a = f.user(0).await;
        let pa = f.open_position(&a, 0).await;
        f.deposit_collateral(&a, pa, sol, 1_000 * SOL)
            .await
            .expect_ok();
        f.deposit_collateral(&a, pa, eth, 20 * ETH)
            .await
            .expect_ok();
        f.borrow(&a, pa, 140_000 * ONE).await.expect_ok();
        let b = f.user(0).await;
        let pb = f.open_position(&b, 0).await;
        f.deposit_collateral(&b, pb, sol, 100 * SOL)
            .await
            .expect_ok();
        f.borrow(&b, pb, 1_000 * ONE).await.expect_ok();

        // The crash: SOL 150 → 30, ETH 3,000 → 1,000. A is worth 50k against 140k of debt; B stays healthy.
        f.set_price(sol, 30.0).await;
        f.set_price(eth, 1_000.0).await;
        let liq = f.user(1_000_000 * ONE).await;
        f.liquidate(&liq, pb, sol, ONE)
            .await
            .expect_error(VaultError::PositionHealthy);

        // 1. Repay 20k for ETH: 21k of ETH at the 5 % bonus is more than the 20 ETH held, so all 20 ETH go and the
        //    repayment shrinks to what they cover: 20,000 / 1.05, rounded up (it is owed to the pool).
        let out = f.liquidate(&liq, pa, eth, 20_000 * ONE).await;
        out.expect_ok();
        let repay1 = (20_000.0 * ONE as f64 / 1.05).ceil() as u64; // 19,047.619048
        let eth_account = f.fund_collateral(&liq, eth, 0).await;
        assert_eq!(f.env.token_balance(eth_account).await, 20 * ETH);
        assert_eq!(
            f.env.token_balance(liq.quote).await,
            1_000_000 * ONE - repay1
        );
        let debt_after_1 = 140_000 * ONE - repay1;
        let index = f.vault().await.borrow_index_sf.get();
        assert_eq!(
            f.position(pa).await.debt_native(index).unwrap(),
            debt_after_1
        );
        if mode == Mode::Sbf {
            let e = &out.events::<PositionLiquidatedEvent>()[0];
            assert_eq!((e.repaid, e.seized, e.bad_debt_sf), (repay1, 20 * ETH, 0));
            assert!(
                e.health_bps_before < 3_000,
                "health {}",
                e.health_bps_before
            );
            println!("liquidate (2 entries, partial): {} CU", out.program_cu());
        }
        assert_eq!(
            f.vault().await.navs()[2],
            from_native(80_000 * ONE),
            "no loss yet"
        );

        // 2. All of the SOL: 30,000 covers 30,000 / 1.05 of debt. It is the last collateral, so the rest of the debt
        //    is bad debt, written off in the same instruction: junior's 80k, then 12.38k of mezzanine.
        let out = f.liquidate(&liq, pa, sol, u64::MAX).await;
        out.expect_ok();
        let repay2 = (30_000.0 * ONE as f64 / 1.05).ceil() as u64; // 28,571.428572
        let bad = debt_after_1 - repay2;
        assert_eq!(bad, 92_380_952_380);
        let v = f.vault().await;
        assert_eq!(v.navs()[2], Sf::ZERO, "junior wiped out");
        assert_eq!(
            v.navs()[1],
            from_native(120_000 * ONE) - from_native(bad - 80_000 * ONE),
            "mezzanine dented"
        );
        assert_eq!(v.navs()[0], from_native(600_000 * ONE), "senior whole");
        assert_eq!(
            v.tranches[2].written_down_sf.get(),
            from_native(80_000 * ONE)
        );
        assert_eq!(
            v.tranches[1].written_down_sf.get(),
            from_native(bad - 80_000 * ONE)
        );
        let p = f.position(pa).await;
        assert_eq!(
            (p.scaled_debt_sf, p.active().count()),
            (0, 0),
            "the position is closed out"
        );
        if mode == Mode::Sbf {
            let e = &out.events::<PositionLiquidatedEvent>()[0];
            assert_eq!((e.repaid, e.seized), (repay2, 1_000 * SOL));
            assert_eq!(e.bad_debt_sf, from_native(bad).to_bits());
            assert_eq!(
                e.written_down_sf,
                [
                    0,
                    from_native(bad - 80_000 * ONE).to_bits(),
                    from_native(80_000 * ONE).to_bits()
                ]
            );
            println!(
                "liquidate (last collateral, bad debt written off): {} CU",
                out.program_cu()
            );
        }
        // Junior refuses deposits now; B is untouched and can still repay and leave.
        f.deposit(&lp, Junior, 1_000 * ONE)
            .await
            .expect_error(VaultError::TrancheWipedOut);
        f.repay(&b, pb, 1_000 * ONE).await.expect_ok();
        f.withdraw_collateral(&b, pb, sol, 100 * SOL)
            .await
            .expect_ok();
    }
);

dual_test!(
    close_factor_limits_a_mildly_unhealthy_position,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let lp = f.user(10_000_000 * ONE).await;
        f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
        let sol = f.add_collateral(9, 100.0).await;
        let a = f.user(0).await;
        let p = f.open_position(&a, 0).await;
        f.deposit_collateral(&a, p, sol, 100 * SOL)
            .await
            .expect_ok(); // 10k
        f.borrow(&a, p, 6_900 * ONE).await.expect_ok();
        // At 85: 8,500 · 0.8 = 6,800 < 6,900: health ≈ 0.985, above the 0.95 full-liquidation level.
        f.set_price(sol, 85.0).await;
        let liq = f.user(100_000 * ONE).await;
        f.liquidate(&liq, p, sol, u64::MAX).await.expect_ok();
        let debt = f
            .position(p)
            .await
            .debt_native(f.vault().await.borrow_index_sf.get())
            .unwrap();
        assert_eq!(debt, 3_450 * ONE, "half the debt repaid, no more");
        // Dust: a debt of at most one quote token may be repaid in full. Here health has improved, so it is refused.
        f.liquidate(&liq, p, sol, u64::MAX)
            .await
            .expect_error(VaultError::PositionHealthy);
    }
);

dual_test!(self_liquidation_is_not_profitable, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 100.0).await;
    let a = f.user(100_000 * ONE).await;
    let p = f.open_position(&a, 0).await;
    f.deposit_collateral(&a, p, sol, 100 * SOL)
        .await
        .expect_ok();
    f.borrow(&a, p, 6_900 * ONE).await.expect_ok();
    f.set_price(sol, 80.0).await;
    let wealth = |quote: u64, sol_held: u64, debt: u64| {
        quote as f64 / ONE as f64 + sol_held as f64 / SOL as f64 * 80.0 - debt as f64 / ONE as f64
    };
    let acc = f.fund_collateral(&a, sol, 0).await;
    let index = f.vault().await.borrow_index_sf.get();
    let before = wealth(
        f.env.token_balance(a.quote).await,
        f.env.token_balance(acc).await + f.position(p).await.entries[0].amount,
        f.position(p).await.debt_native(index).unwrap(),
    );
    let nav_before = f.vault().await.navs();
    f.liquidate(&a, p, sol, u64::MAX).await.expect_ok();
    let after = wealth(
        f.env.token_balance(a.quote).await,
        f.env.token_balance(acc).await + f.position(p).await.entries[0].amount,
        f.position(p).await.debt_native(index).unwrap(),
    );
    // The bonus comes out of the owner's own collateral: the owner ends no richer, the pool loses nothing.
    assert!(after <= before + 1e-6, "before {before}, after {after}");
    assert_eq!(f.vault().await.navs(), nav_before);
});

dual_test!(rounding_dust_loops_extract_nothing, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 100.0).await;
    let a = f.user(1_000 * ONE).await;
    let p = f.open_position(&a, 0).await;
    f.deposit_collateral(&a, p, sol, 100 * SOL)
        .await
        .expect_ok();
    f.borrow(&a, p, 5_000 * ONE).await.expect_ok();
    // Interest makes the index a non-round number.
    f.warp(7 * 86_400).await;
    f.accrue().await.expect_ok();
    let index = f.vault().await.borrow_index_sf.get();
    let debt0 = f.position(p).await.debt_native(index).unwrap();
    let quote0 = f.env.token_balance(a.quote).await;
    for _ in 0..25 {
        f.borrow(&a, p, 1).await.expect_ok();
        f.repay(&a, p, 1).await.expect_ok();
    }
    let debt1 = f.position(p).await.debt_native(index).unwrap();
    assert_eq!(f.env.token_balance(a.quote).await, quote0);
    assert!(
        debt1 >= debt0,
        "borrow-1 / repay-1 never shrinks the debt: {debt0} → {debt1}"
    );
    assert!(debt1 <= debt0 + 25, "and grows by at most one unit a loop");
});

dual_test!(repay_and_liquidation_are_never_blocked, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 100.0).await;
    // A second asset the position does not hold; its price goes stale too. Another borrower holds it.
    let unrelated = f.add_collateral(9, 50.0).await;
    let a = f.user(1_000 * ONE).await;
    let p = f.open_position(&a, 0).await;
    f.deposit_collateral(&a, p, sol, 100 * SOL)
        .await
        .expect_ok();
    f.borrow(&a, p, 6_900 * ONE).await.expect_ok();
    let other = f.user(0).await;
    let po = f.open_position(&other, 0).await;
    f.deposit_collateral(&other, po, unrelated, 10 * SOL)
        .await
        .expect_ok();
    // Every price goes stale: borrowing stops, repaying does not (it needs no price).
    f.env.warp(3_600).await;
    f.borrow(&a, p, ONE)
        .await
        .expect_error(VaultError::OracleStale);
    f.repay(&a, p, 100 * ONE).await.expect_ok();
    // The position's own price comes back (lower); the other asset's stays stale: the liquidation only prices
    // the position's own collateral, so it goes through.
    let now = f.env.now().await;
    let c = f.assets[sol];
    f.env
        .set_price_update(c.oracle, c.feed, 80 * 100_000_000, 40_000, -8, now, true);
    let q = f.quote_oracle;
    f.env.set_price_update(
        q,
        tranche_vault_tests::builders::QUOTE_FEED,
        100_000_000,
        10_000,
        -8,
        now,
        true,
    );
    // The other asset's feed really is stale: its holder cannot borrow.
    f.borrow(&other, po, ONE)
        .await
        .expect_error(VaultError::OracleStale);
    let liq = f.user(100_000 * ONE).await;
    // The program prices exactly the position's entries: the stale asset cannot even be passed along.
    let mut pricing = f.pricing(p).await;
    pricing.extend([f.assets[unrelated].addrs.asset, f.assets[unrelated].oracle]);
    f.liquidate_priced(&liq, p, sol, &pricing, 1_000 * ONE)
        .await
        .expect_error(VaultError::WrongCollateralAccounts);
    f.liquidate(&liq, p, sol, 1_000 * ONE).await.expect_ok();
});

// The dust rule: a debt of at most one whole quote token may be repaid in full by one liquidation, even where the
// close factor would hold a larger debt to half. Both positions sit at health ≈ 0.98, above the full-liquidation
// health of 0.95.
dual_test!(
    dust_debt_is_liquidated_in_full_larger_debt_by_half,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let lp = f.user(10_000_000 * ONE).await;
        f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
        let sol = f.add_collateral(9, 100.0).await;
        let mut positions = vec![];
        // (collateral, borrowed): 0.9 USDC on 0.013 SOL; 2 USDC on 0.0289 SOL (70 % LTV at $100).
        for (i, (collateral, borrowed)) in [(13_000_000, 900_000), (28_900_000, 2 * ONE)]
            .into_iter()
            .enumerate()
        {
            let b = f.user(0).await;
            let p = f.open_position(&b, i as u64).await;
            f.deposit_collateral(&b, p, sol, collateral)
                .await
                .expect_ok();
            f.borrow(&b, p, borrowed).await.expect_ok();
            positions.push(p);
        }
        f.set_price(sol, 85.0).await;
        let liq = f.user(100 * ONE).await;
        let index = f.vault().await.borrow_index_sf.get();
        for (p, dust) in positions.into_iter().zip([true, false]) {
            let debt = f.position(p).await.debt_native(index).unwrap();
            assert_eq!(dust, debt <= ONE, "debt {debt}");
            let before = f.env.token_balance(liq.quote).await;
            f.liquidate(&liq, p, sol, u64::MAX).await.expect_ok();
            let repaid = before - f.env.token_balance(liq.quote).await;
            let expected = if dust { debt } else { debt / 2 };
            assert_eq!(repaid, expected, "dust {dust}: debt {debt}");
            let left = f.position(p).await.debt_native(index).unwrap();
            assert_eq!(left, debt - expected);
        }
    }
);
