//! Lending: collateral assets, positions, borrow and repay within max LTV, Pyth-priced health, and the
//! adversarial cases, each with its error.

use solana_signer::Signer;
use tranche_vault::errors::VaultError;
use tranche_vault::events::BorrowedEvent;
use tranche_vault::state::CollateralParams;
use tranche_vault::state::Tranche::{Junior, Senior};
use tranche_vault_tests::builders::{collateral_params, AssetAddresses};
use tranche_vault_tests::fixture::{User, VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode};

/// One SOL (9 decimals).
const SOL: u64 = 1_000_000_000;
/// The fixture's index of the SOL-like asset [`lending`] lists (index 0 is the fixture's stand-in borrower's).
const S: usize = 1;

/// A vault with 1M junior and 2M senior, a SOL-like collateral at 150 (`assets[S]`), and a borrower with a
/// position holding 10 SOL.
async fn lending(mode: Mode) -> (VaultFixture, User, anchor_lang::prelude::Pubkey) {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    f.deposit(&lp, Senior, 2_000_000 * ONE).await.expect_ok();
    assert_eq!(f.add_collateral(9, 150.0).await, S);
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, S, 10 * SOL).await.expect_ok();
    (f, b, p)
}

/// `params` as `add_collateral_asset` takes them: disabled, cap 0 (the timelock enables the asset).
fn listed(params: CollateralParams) -> CollateralParams {
    CollateralParams {
        enabled: false,
        deposit_cap: 0,
        ..params
    }
}

dual_test!(borrows_within_ltv_and_repays, |mode| async move {
    let (mut f, b, p) = lending(mode).await;
    // 10 SOL at 150 less 0.05 % confidence = 1,499.25; 70 % LTV = 1,049.475; USDC debt at 1.0001.
    let out = f.borrow(&b, p, 1_000 * ONE).await;
    out.expect_ok();
    assert_eq!(f.env.token_balance(b.quote).await, 1_000 * ONE);
    if mode == Mode::Sbf {
        let e = &out.events::<BorrowedEvent>()[0];
        assert_eq!((e.amount, e.debt_after), (1_000 * ONE, 1_000 * ONE));
        println!("borrow (1 entry): {} CU", out.program_cu());
    }
    f.borrow(&b, p, 50 * ONE)
        .await
        .expect_error(VaultError::LtvExceeded);
    f.borrow(&b, p, 49 * ONE).await.expect_ok();
    // Withdrawing any collateral now breaks the LTV.
    f.withdraw_collateral(&b, p, S, SOL / 10)
        .await
        .expect_error(VaultError::LtvExceeded);
    // Repay: more than owed is refused; part, then all.
    f.repay(&b, p, 1_049 * ONE + 1)
        .await
        .expect_error(VaultError::RepayExceedsDebt);
    f.repay(&b, p, 400 * ONE).await.expect_ok();
    let debt = f
        .position(p)
        .await
        .debt_native(f.vault().await.borrow_index_sf.get())
        .unwrap();
    assert_eq!(debt, 649 * ONE);
    f.repay(&b, p, debt).await.expect_ok();
    assert_eq!(f.position(p).await.scaled_debt_sf, 0);
    // Without debt, collateral leaves with no prices needed.
    f.withdraw_collateral(&b, p, S, 10 * SOL).await.expect_ok();
    assert!(f.position(p).await.active().next().is_none());
    assert_eq!(f.asset(S).await.total_deposits, 0);
});

dual_test!(
    borrow_beyond_ltv_in_the_deposit_transaction_is_refused,
    |mode| async move {
        let (mut f, b, p) = lending(mode).await;
        // One transaction: deposit 1 more SOL, then borrow what 11 SOL would not cover.
        let from = f.fund_collateral(&b, S, SOL).await;
        let a = f.assets[S].addrs;
        let deposit = f.addrs.deposit_collateral(b.key.pubkey(), p, &a, from, SOL);
        let pricing = f.pricing(p).await;
        let borrow = f.addrs.borrow(
            b.key.pubkey(),
            p,
            b.quote,
            f.quote_oracle,
            &pricing,
            1_200 * ONE,
        );
        f.env
            .send_unique(&[deposit, borrow], &[&b.key])
            .await
            .expect_error(VaultError::LtvExceeded);
        // Nothing happened: the deposit was rolled back with the borrow.
        assert_eq!(f.position(p).await.entries[0].amount, 10 * SOL);
        f.check_invariants().await;
    }
);

dual_test!(
    positions_refuse_foreign_and_duplicate_collateral,
    |mode| async move {
        let (mut f, b, p) = lending(mode).await;
        // Depositing the same asset again adds to its entry: one entry, never two.
        f.deposit_collateral(&b, p, S, SOL).await.expect_ok();
        assert_eq!(f.position(p).await.active().count(), 1);
        // The same entry twice in the pricing accounts.
        let mut pricing = f.pricing(p).await;
        pricing.extend(pricing.clone());
        let ix = f
            .addrs
            .borrow(b.key.pubkey(), p, b.quote, f.quote_oracle, &pricing, ONE);
        f.env
            .send_unique(&[ix], &[&b.key])
            .await
            .expect_error(VaultError::WrongCollateralAccounts);
        // An asset of another vault.
        let mut other = tranche_vault_tests::builders::vault_builder(
            f.env.payer(),
            f.authority.pubkey(),
            f.addrs.quote_mint,
            f.addrs.token_program,
        );
        other.args.vault_id = 1;
        let authority = f.authority.insecure_clone();
        f.env
            .send_unique(&other.instructions(), &[&authority])
            .await
            .expect_ok();
        let ov = other.addresses();
        let mint = f.assets[S].addrs.mint;
        let foreign = AssetAddresses::new(&ov.vault, mint, f.addrs.token_program);
        let ix = ov.add_collateral_asset(
            f.env.payer(),
            authority.pubkey(),
            &foreign,
            listed(collateral_params([0x77; 32])),
        );
        f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
        let from = f.fund_collateral(&b, S, SOL).await;
        let ix = f
            .addrs
            .deposit_collateral(b.key.pubkey(), p, &foreign, from, SOL);
        f.env
            .send_unique(&[ix], &[&b.key])
            .await
            .expect_error(VaultError::CollateralFromAnotherVault);
        // Someone else's position.
        let mallory = f.user(0).await;
        let ix = f
            .addrs
            .deposit_collateral(mallory.key.pubkey(), p, &f.assets[S].addrs, from, SOL);
        f.env
            .send_unique(&[ix], &[&mallory.key])
            .await
            .expect_error(VaultError::WrongPosition);
    }
);

dual_test!(add_collateral_asset_checks_every_bound, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let mint = f.env.create_mint(f.addrs.token_program, 9).await;
    let a = AssetAddresses::new(&f.addrs.vault, mint, f.addrs.token_program);
    let good = listed(collateral_params([0x61; 32]));
    let authority = f.authority.insecure_clone();
    let with = |f: &dyn Fn(&mut tranche_vault::state::CollateralParams)| {
        let mut p = good;
        f(&mut p);
        p
    };
    let cases = [
        (with(&|p| p.max_ltv_bps = 8_000), VaultError::InvalidMaxLtv),
        (with(&|p| p.max_ltv_bps = 0), VaultError::InvalidMaxLtv),
        (
            with(&|p| p.liquidation_bonus_bps = 2_001),
            VaultError::LiquidationBonusTooHigh,
        ),
        (
            with(&|p| p.liquidation_threshold_bps = 9_600),
            VaultError::InvalidLiquidationThreshold,
        ),
        (
            with(&|p| p.oracle.max_age_secs = 0),
            VaultError::InvalidOracleMaxAge,
        ),
        (
            with(&|p| p.oracle.max_conf_bps = 1_001),
            VaultError::InvalidOracleMaxConf,
        ),
        (with(&|p| p.oracle.kind = 2), VaultError::OracleKindUnknown),
        (
            with(&|p| p.oracle.program = solana_keypair::Keypair::new().pubkey()),
            VaultError::OracleProgramNotAllowed,
        ),
        (
            with(&|p| p.oracle.account = anchor_lang::prelude::Pubkey::default()),
            VaultError::OracleAccountNotPinned,
        ),
        // Listing loosens nothing: an asset that would take deposits at once is refused.
        (with(&|p| p.enabled = true), VaultError::NewAssetNotDisabled),
        (
            with(&|p| p.deposit_cap = 1),
            VaultError::NewAssetNotDisabled,
        ),
    ];
    for (params, err) in cases {
        let ix = f
            .addrs
            .add_collateral_asset(f.env.payer(), authority.pubkey(), &a, params);
        f.env
            .send_unique(&[ix], &[&authority])
            .await
            .expect_error(err);
    }
    let stranger = f.user(0).await;
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), stranger.key.pubkey(), &a, good);
    f.env
        .send_unique(&[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotAuthority);
    // A Token-2022 mint with a transfer fee.
    let fee_mint = f.env.create_transfer_fee_mint(9).await;
    let fa = AssetAddresses::new(&f.addrs.vault, fee_mint, anchor_spl::token_2022::ID);
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), authority.pubkey(), &fa, good);
    f.env
        .send_unique(&[ix], &[&authority])
        .await
        .expect_error(VaultError::UnsupportedMintExtension);
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), authority.pubkey(), &a, good);
    f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), authority.pubkey(), &a, good);
    assert!(
        f.env
            .send_unique(&[ix], &[&authority])
            .await
            .result
            .is_err(),
        "an asset is added once"
    );
});

dual_test!(
    liquidating_a_healthy_position_is_refused,
    |mode| async move {
        let (mut f, b, p) = lending(mode).await;
        f.borrow(&b, p, 1_000 * ONE).await.expect_ok();
        let liq = f.user(10_000 * ONE).await;
        f.liquidate(&liq, p, S, 100 * ONE)
            .await
            .expect_error(VaultError::PositionHealthy);
        // Without debt, too.
        let other = f.user(0).await;
        let q = f.open_position(&other, 0).await;
        f.deposit_collateral(&other, q, S, SOL).await.expect_ok();
        f.liquidate(&liq, q, S, ONE)
            .await
            .expect_error(VaultError::PositionHealthy);
    }
);

dual_test!(
    positions_hold_eight_assets_and_borrows_respect_liquidity,
    |mode| async move {
        let mut params = tranche_vault_tests::builders::default_params();
        params.max_utilization_bps = 9_000;
        let mut f = VaultFixture::with_params(mode, params).await;
        let lp = f.user(10_000_000 * ONE).await;
        f.deposit(&lp, Junior, 100_000 * ONE).await.expect_ok();
        let assets: Vec<usize> = {
            let mut v = vec![];
            for _ in 0..9 {
                v.push(f.add_collateral(9, 1_000.0).await);
            }
            v
        };
        let b = f.user(0).await;
        let p = f.open_position(&b, 0).await;
        for &i in &assets[..8] {
            f.deposit_collateral(&b, p, i, 100 * SOL).await.expect_ok();
        }
        f.deposit_collateral(&b, p, assets[8], SOL)
            .await
            .expect_error(VaultError::PositionFull);
        // 800k of collateral against 100k of liquidity: the utilization cap (90 %) binds, then the liquidity.
        f.borrow(&b, p, 90_000 * ONE + 1)
            .await
            .expect_error(VaultError::UtilizationCapExceeded);
        let out = f.borrow(&b, p, 90_000 * ONE).await;
        out.expect_ok();
        if mode == Mode::Sbf {
            println!("borrow (8 entries): {} CU", out.program_cu());
        }
        f.borrow(&b, p, 10_000 * ONE + 1)
            .await
            .expect_error(VaultError::InsufficientLiquidity);
        // An emptied entry frees its slot for another asset.
        f.repay(&b, p, 90_000 * ONE).await.expect_ok();
        f.withdraw_collateral(&b, p, assets[3], 100 * SOL)
            .await
            .expect_ok();
        f.deposit_collateral(&b, p, assets[8], SOL)
            .await
            .expect_ok();
        assert_eq!(f.position(p).await.active().count(), 8);
    }
);

/// A legacy Pyth v2 account (real bytes, `../shared/fixtures/pyth/`, read in place) priced on chain: the clock is
/// set just after its publish time, a collateral asset pins it, and a borrow reads it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn legacy_pyth_account_prices_a_borrow_on_chain() {
    use base64::Engine;
    let Some(dir) = tranche_vault_tests::pyth_fixtures() else {
        return;
    };
    let file = dir.join("legacy_v2/marginfi_pyth_legacy_sol_price_bin.json");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{} is missing from the fixtures: {e}", file.display()));
    let j: serde_json::Value = serde_json::from_str(&text).expect("fixture parses");
    let key: anchor_lang::prelude::Pubkey = j["pubkey"]
        .as_str()
        .expect("pubkey")
        .parse()
        .expect("pubkey");
    let data = base64::engine::general_purpose::STANDARD
        .decode(j["account"]["data"][0].as_str().expect("data"))
        .expect("base64");
    let raw = tranche_vault::oracle::pyth_legacy::decode(&data).expect("legacy decodes");
    let mut f = VaultFixture::new(Mode::Sbf).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let mut params = collateral_params([0; 32]);
    params.oracle.kind = tranche_vault::oracle::OracleKind::PythLegacy.to_u8();
    params.oracle.program = tranche_vault::oracle::PYTH_LEGACY_PROGRAM_ID;
    params.oracle.account = key;
    let sol = f.add_collateral_with(9, 132.72, params).await;
    // The account's own time (2024-07-04), and fresh quote prices at it.
    let now = f.env.now().await;
    f.warp(raw.publish_time + 5 - now).await;
    f.env.set_account(
        &key,
        solana_account::Account {
            lamports: 1_000_000_000,
            data,
            owner: tranche_vault::oracle::PYTH_LEGACY_PROGRAM_ID,
            executable: false,
            rent_epoch: 0,
        },
    );
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, sol, 10 * SOL).await.expect_ok();
    // 10 SOL at 132.7245725 less 0.1352 of confidence: 1,325.89 of value, 928.1 of borrowing power.
    f.borrow(&b, p, 929 * ONE)
        .await
        .expect_error(VaultError::LtvExceeded);
    f.borrow(&b, p, 928 * ONE).await.expect_ok();
}

dual_test!(
    token_2022_collateral_deposits_and_withdraws,
    |mode| async move {
        use anchor_spl::token_2022::ID as TOKEN_2022;
        let mut f = VaultFixture::new(mode).await;
        let mint = f.env.create_mint(TOKEN_2022, 9).await;
        let a = AssetAddresses::new(&f.addrs.vault, mint, TOKEN_2022);
        f.list_collateral(&a, collateral_params([0x70; 32])).await;
        let b = f.user(0).await;
        let p = f.open_position(&b, 0).await;
        let account = f
            .env
            .create_token_account(mint, b.key.pubkey(), TOKEN_2022)
            .await;
        f.env.mint_to(mint, account, TOKEN_2022, 5 * SOL).await;
        let ix = f
            .addrs
            .deposit_collateral(b.key.pubkey(), p, &a, account, 5 * SOL);
        f.env.send_unique(&[ix], &[&b.key]).await.expect_ok();
        assert_eq!(f.env.token_balance(a.custody).await, 5 * SOL);
        let custody = f.env.account(a.custody).await.expect("custody");
        assert_eq!(
            custody.owner, TOKEN_2022,
            "the custody lives under the mint's program"
        );
        // Without debt it comes back with no prices needed; the wrong token program is refused.
        let mut ix = f.addrs.withdraw_collateral(
            b.key.pubkey(),
            p,
            &a,
            account,
            f.quote_oracle,
            &[],
            2 * SOL,
        );
        let tp = ix
            .accounts
            .iter()
            .position(|m| m.pubkey == TOKEN_2022)
            .expect("token program meta");
        ix.accounts[tp].pubkey = anchor_spl::token::ID;
        f.env
            .send_unique(&[ix], &[&b.key])
            .await
            .expect_error(VaultError::WrongTokenProgram);
        let ix = f.addrs.withdraw_collateral(
            b.key.pubkey(),
            p,
            &a,
            account,
            f.quote_oracle,
            &[],
            5 * SOL,
        );
        f.env.send_unique(&[ix], &[&b.key]).await.expect_ok();
        assert_eq!(f.env.token_balance(account).await, 5 * SOL);
    }
);

/// A vault with 1M junior, SOL listed at 100, and a borrower's position holding 100 SOL: (fixture, borrower,
/// position, SOL's asset index).
async fn hundred_sol(mode: Mode) -> (VaultFixture, User, anchor_lang::prelude::Pubkey, usize) {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 100.0).await;
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, sol, 100 * SOL)
        .await
        .expect_ok();
    (f, b, p, sol)
}

/// Writes asset `i`'s (or, with `None`, the quote's) price account at spot `price` with confidence `price / 2,000`
/// and EMA `ema`, both whole quote units, published now.
async fn publish_with_ema(f: &mut VaultFixture, i: Option<usize>, price: f64, ema: f64) {
    let now = f.env.now().await;
    let (account, feed) = match i {
        Some(i) => (f.assets[i].oracle, f.assets[i].feed),
        None => (f.quote_oracle, tranche_vault_tests::builders::QUOTE_FEED),
    };
    let raw = |x: f64| (x * 1e8).round() as i64;
    let conf = (raw(price) / 2_000) as u64;
    f.env
        .set_price_update_with_ema(account, feed, (raw(price), conf, raw(ema)), now);
}

/// The position's health in bps as `liquidate` reports it, from its collateral (`held` whole units at the low
/// price `low`, liquidation threshold 80 %) and its debt at the quote's high price `high`, rounded down.
fn expected_health_bps(held: f64, low: f64, debt_native: u64, high: f64) -> u64 {
    (held * low * 0.8 * 10_000.0 / (debt_native as f64 / ONE as f64 * high)).floor() as u64
}

/// Liquidates one USDC of `p` (100 SOL) and, on the SBF build, checks the health the event reports: the
/// independent formula at (SOL's low price, the quote's high price) and the literal `bps` it should give.
async fn liquidate_at_health(
    f: &mut VaultFixture,
    liq: &User,
    p: anchor_lang::prelude::Pubkey,
    sol: usize,
    (low, high): (f64, f64),
    bps: u64,
) {
    let index = f.vault().await.borrow_index_sf.get();
    let debt = f.position(p).await.debt_native(index).unwrap();
    let out = f.liquidate(liq, p, sol, ONE).await;
    out.expect_ok();
    if f.env.mode == Mode::Sbf {
        let e = &out.events::<tranche_vault::events::PositionLiquidatedEvent>()[0];
        assert_eq!(
            e.health_bps_before,
            expected_health_bps(100.0, low, debt, high)
        );
        assert_eq!(e.health_bps_before, bps);
    }
}

// The EMA side of pricing on chain: collateral is valued at the lower of spot − conf and the EMA, debt at the
// higher of spot + conf and the EMA (the SBF tests elsewhere write EMA = spot, so only this one runs that side).
dual_test!(
    an_ema_below_spot_lowers_collateral_and_above_spot_raises_debt,
    |mode| async move {
        // Collateral: SOL spot 100 with its EMA at 90 lends against 90: 100 SOL · 90 · 70 % / 1.0001 ≈ 6,299.4.
        let (mut f, b, p, sol) = hundred_sol(mode).await;
        publish_with_ema(&mut f, Some(sol), 100.0, 90.0).await;
        f.borrow(&b, p, 6_300 * ONE)
            .await
            .expect_error(VaultError::LtvExceeded);
        f.borrow(&b, p, 6_299 * ONE).await.expect_ok();
        let liq = f.user(100_000 * ONE).await;
        f.liquidate(&liq, p, sol, ONE)
            .await
            .expect_error(VaultError::PositionHealthy);
        // The EMA falls to 78 while spot stays at 100: health 100 · 78 · 80 % / (6,299 · 1.0001) ≈ 0.9905.
        publish_with_ema(&mut f, Some(sol), 100.0, 78.0).await;
        liquidate_at_health(&mut f, &liq, p, sol, (78.0, 1.0001), 9_905).await;

        // Debt: the quote's EMA at 1.05 above its spot of 1 values debt at 1.05: 100 SOL · 99.95 · 70 % / 1.05
        // ≈ 6,663.3.
        let (mut f, b, p, sol) = hundred_sol(mode).await;
        publish_with_ema(&mut f, None, 1.0, 1.05).await;
        f.borrow(&b, p, 6_664 * ONE)
            .await
            .expect_error(VaultError::LtvExceeded);
        f.borrow(&b, p, 6_663 * ONE).await.expect_ok();
        // SOL falls to 80 (the fixture republishes every price, so the quote's EMA goes back above spot after).
        f.set_price(sol, 80.0).await;
        publish_with_ema(&mut f, None, 1.0, 1.05).await;
        let liq = f.user(100_000 * ONE).await;
        // 100 · 79.96 · 80 % / (6,663 · 1.05) ≈ 0.9143 (at EMA = spot it would be 0.9599).
        liquidate_at_health(&mut f, &liq, p, sol, (79.96, 1.05), 9_143).await;
    }
);
