//! The adversarial suite: each class of attack on the program, run against it natively and on the SBF build. A test
//! either fails the attack with the program's named error or shows that it gains the attacker nothing. Where
//! another suite already covers a class, the class names that test instead of repeating it:
//!
//! | class | test |
//! |---|---|
//! | signer authorization | [`signer_authorization`]; `deposit::refuses_substituted_accounts`, `initialize_vault::refuses_non_signer_authority`, `governance::the_guardian_only_tightens` |
//! | account data matching | `deposit::refuses_substituted_accounts`, `lending::positions_refuse_foreign_and_duplicate_collateral` |
//! | owner checks | [`owner_checks`] |
//! | type cosplay | [`type_cosplay`] |
//! | initialization | [`initialization`]; `initialize_vault::refuses_reinitialization`, `initialize_vault::refuses_a_vault_before_its_tranches`, `initialize_vault::refuses_a_tranche_twice`, `initialize_vault::creates_over_a_prefunded_address` |
//! | arbitrary CPI | `initialize_vault::refuses_a_token_program_that_is_not_one`, `deposit::refuses_substituted_accounts` (Token-2022 for SPL Token), `lending::token_2022_collateral_deposits_and_withdraws` |
//! | duplicate mutable accounts | [`duplicate_mutable_accounts`] |
//! | bump canonicalization | [`bump_canonicalization`] |
//! | PDA sharing | [`pda_sharing`] |
//! | closing accounts | [`closing_accounts`]; `governance::a_change_waits_for_its_eta_then_anyone_executes_it` (an executed proposal) |
//! | sysvar address checking | [`sysvar_address_checking`] |
//! | price selection | [`price_selection`] |
//! | timelock bypass | [`timelock_bypass`]; `governance::a_proposal_expires_after_its_window`, `governance::an_authority_change_voids_pending_proposals` |
//! | unliquidatable position | [`unliquidatable_position`] |
//! | overflow | [`overflow_liquidating_18_decimals`], [`overflow_accrual_for_decades_at_the_highest_rate`] |
//! | flash-borrow griefing | [`flash_borrow_griefing`] |
//! | rounding theft | [`rounding_theft_at_the_end_of_life`]; `liquidation::rounding_dust_loops_extract_nothing`, `math::shares` property tests |
//! | first depositor | `deposit::first_depositor_inflation_is_refused` |
//! | stale, wrong-feed, partial, wide-confidence price | [`stale_wrong_feed_partial_wide_confidence_price`] |
//! | self-liquidation | [`self_liquidation`]; `liquidation::self_liquidation_is_not_profitable` (a solvent owner) |
//! | dust | `liquidation::close_factor_limits_a_mildly_unhealthy_position`, `redemption::last_holder_exits_leaving_only_dust` |

use anchor_lang::error::ErrorCode as AnchorErrorCode;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_keypair::Keypair;
use solana_signer::Signer;
use tranche_vault::constants::{MAX_DEBT_NATIVE, PAUSE_REDEMPTION_REQUESTS};
use tranche_vault::errors::VaultError;
use tranche_vault::math::fixed::{add, from_native, Sf};
use tranche_vault::state::Tranche::{Junior, Senior};
use tranche_vault::state::{CollateralParams, ConfigChange, RateCurve, Vault};
use tranche_vault::LiquidateArgs;
use tranche_vault_tests::builders::{collateral_params, pull_oracle, AssetAddresses};
use tranche_vault_tests::fixture::{fixture_params, User, VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode, TxOutcome};

/// One SOL (9 decimals).
const SOL: u64 = 1_000_000_000;

/// `ix` with every account `from` replaced by `to` (the attacker's substitution).
fn swap(mut ix: Instruction, from: Pubkey, to: Pubkey) -> Instruction {
    let mut n = 0;
    for m in ix.accounts.iter_mut().filter(|m| m.pubkey == from) {
        m.pubkey = to;
        n += 1;
    }
    assert!(n > 0, "{from} is not an account of the instruction");
    ix
}

/// A vault with 1M junior and 2M senior, SOL at 150, and a borrower whose position holds 10 SOL.
async fn book(mode: Mode) -> (VaultFixture, User, Pubkey, usize) {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    f.deposit(&lp, Senior, 2_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 150.0).await;
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, sol, 10 * SOL).await.expect_ok();
    (f, b, p, sol)
}

/// Sends `ixs` signed by `signers`, then checks the vault-level invariants.
async fn send(f: &mut VaultFixture, ixs: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
    let out = f.env.send_unique(ixs, signers).await;
    f.check_invariants().await;
    out
}

// Price selection: anyone can post a valid, fully verified update of any feed, at any past publish time, into an
// account of their own. Within max age, a borrower would pick a pre-crash price and a liquidator the lowest one.
// Every price account is pinned by address: an unpinned one is refused in borrow, withdraw and liquidate.
dual_test!(price_selection, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    f.borrow(&b, p, 500 * ONE).await.expect_ok();
    let c = f.assets[sol];
    let posted = Keypair::new().pubkey();
    let now = f.env.now().await;
    // The borrower's move: the pinned price fell to 100; a pre-crash 150, 30 s old, sits in their own account.
    f.set_price(sol, 100.0).await;
    f.env.set_price_update(
        posted,
        c.feed,
        150 * 100_000_000,
        7_500_000,
        -8,
        now - 30,
        true,
    );
    let unpinned = vec![c.addrs.asset, posted];
    f.borrow_priced(&b, p, &unpinned, 500 * ONE)
        .await
        .expect_error(VaultError::OracleWrongAccount);
    // At the pinned price the same borrow breaks the LTV (10 SOL at 99.95 · 70 % = 699.65 < 1,000).
    f.borrow(&b, p, 500 * ONE)
        .await
        .expect_error(VaultError::LtvExceeded);
    let to = f.fund_collateral(&b, sol, 0).await;
    let a = c.addrs;
    let ix = f.addrs.withdraw_collateral(
        b.key.pubkey(),
        p,
        &a,
        to,
        f.quote_oracle,
        &unpinned,
        3 * SOL,
    );
    send(&mut f, &[ix], &[&b.key])
        .await
        .expect_error(VaultError::OracleWrongAccount);
    f.withdraw_collateral(&b, p, sol, 3 * SOL)
        .await
        .expect_error(VaultError::LtvExceeded);
    // The pinned account is accepted: 9 SOL still cover 500 at 70 %.
    f.withdraw_collateral(&b, p, sol, SOL).await.expect_ok();

    // The liquidator's move: the pinned price is 100 (health ≈ 1.44); a lower 55, 20 s old, in their own account
    // would make the position liquidatable.
    let liq = f.user(100_000 * ONE).await;
    f.env.set_price_update(
        posted,
        c.feed,
        55 * 100_000_000,
        2_750_000,
        -8,
        now - 20,
        true,
    );
    f.liquidate_priced(&liq, p, sol, &unpinned, u64::MAX)
        .await
        .expect_error(VaultError::OracleWrongAccount);
    f.liquidate(&liq, p, sol, u64::MAX)
        .await
        .expect_error(VaultError::PositionHealthy);
    // Once the pinned price itself is 55, the liquidation goes through.
    f.set_price(sol, 55.0).await;
    f.liquidate(&liq, p, sol, u64::MAX).await.expect_ok();
});

// Timelock bypass: the authority (or a thief of its key) lists a worthless mint it holds at 94 % LTV, deposits it
// and borrows all free liquidity in one transaction; or traps depositors by pausing redemption requests before
// proposing a loosening change.
dual_test!(timelock_bypass, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    f.deposit(&lp, Senior, 2_000_000 * ONE).await.expect_ok();
    let authority = f.authority.insecure_clone();
    let mint = f.env.create_mint(f.addrs.token_program, 6).await;
    let a = AssetAddresses::new(&f.addrs.vault, mint, f.addrs.token_program);
    let greedy = CollateralParams {
        oracle: pull_oracle([0x99; 32]),
        max_ltv_bps: 9_400,
        liquidation_threshold_bps: 9_500,
        liquidation_bonus_bps: 0,
        deposit_cap: u64::MAX,
        enabled: true,
    };
    let list = |f: &VaultFixture, params| {
        f.addrs
            .add_collateral_asset(f.env.payer(), authority.pubkey(), &a, params)
    };
    // Listed enabled, or with a cap: refused. Priced by a program of the attacker's: refused.
    let ix = list(&f, greedy);
    send(&mut f, &[ix], &[&authority])
        .await
        .expect_error(VaultError::NewAssetNotDisabled);
    let disabled = CollateralParams {
        enabled: false,
        deposit_cap: 0,
        ..greedy
    };
    let mut own_oracle = disabled;
    own_oracle.oracle.program = Keypair::new().pubkey();
    let ix = list(&f, own_oracle);
    send(&mut f, &[ix], &[&authority])
        .await
        .expect_error(VaultError::OracleProgramNotAllowed);
    // Listed disabled with cap 0, as the program allows: the deposit of the one-transaction attack fails.
    let ix = list(&f, disabled);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    let thief = f.user(0).await;
    let tp = f.open_position(&thief, 0).await;
    let tokens = f
        .env
        .create_token_account(mint, thief.key.pubkey(), f.addrs.token_program)
        .await;
    f.env
        .mint_to(mint, tokens, f.addrs.token_program, 1_000_000 * ONE)
        .await;
    let ix = f
        .addrs
        .deposit_collateral(thief.key.pubkey(), tp, &a, tokens, 1_000_000 * ONE);
    send(&mut f, &[ix], &[&thief.key])
        .await
        .expect_error(VaultError::CollateralDisabled);

    // The trap: pause redemption requests, then propose enabling it, and wait out the delay.
    let ix = f
        .addrs
        .set_pause(authority.pubkey(), PAUSE_REDEMPTION_REQUESTS);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    let enable = ConfigChange::Collateral {
        asset: a.asset,
        params: greedy,
    };
    let propose = |f: &VaultFixture, id| {
        f.addrs
            .propose_config(f.env.payer(), authority.pubkey(), id, enable, Some(a.asset))
    };
    let trap = f.vault().await.next_proposal_id;
    let ix = propose(&f, trap);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    let delay = i64::from(f.vault().await.timelock_delay_secs);
    f.warp(delay).await;
    f.close_epoch().await.expect_ok();
    let execute = |f: &VaultFixture, id| f.addrs.execute_config(id, f.env.payer(), Some(a.asset));
    let ix = execute(&f, trap);
    send(&mut f, &[ix], &[])
        .await
        .expect_error(VaultError::RedemptionsPausedSinceProposal);
    // Unpausing at the last moment does not help: depositors could not leave during the delay.
    let ix = f.addrs.set_pause(authority.pubkey(), 0);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    let ix = execute(&f, trap);
    send(&mut f, &[ix], &[])
        .await
        .expect_error(VaultError::RedemptionsPausedSinceProposal);
    // Proposed in the open, it executes once an epoch has closed after it, filling the request a depositor who
    // dislikes it filed meanwhile.
    let honest = f.vault().await.next_proposal_id;
    let ix = propose(&f, honest);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    f.request(&lp, Senior, 100_000 * ONE).await.expect_ok();
    f.warp(delay).await;
    let ix = execute(&f, honest);
    send(&mut f, &[ix], &[])
        .await
        .expect_error(VaultError::NoEpochClosedSinceProposal);
    f.close_epoch().await.expect_ok();
    assert_eq!(
        f.vault().await.tranches[0].queued_shares,
        0,
        "request filled"
    );
    let ix = execute(&f, honest);
    send(&mut f, &[ix], &[]).await.expect_ok();
    assert!(
        f.env
            .anchor_account::<tranche_vault::state::CollateralAsset>(a.asset)
            .await
            .enabled
    );
    // A change that only tightens (a lower cap) needs no exit window: it runs even with requests paused.
    let ix = f
        .addrs
        .set_pause(authority.pubkey(), PAUSE_REDEMPTION_REQUESTS);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    let tighten = ConfigChange::Collateral {
        asset: a.asset,
        params: CollateralParams {
            deposit_cap: 1_000,
            ..greedy
        },
    };
    let id = f.vault().await.next_proposal_id;
    let ix = f.addrs.propose_config(
        f.env.payer(),
        authority.pubkey(),
        id,
        tighten,
        Some(a.asset),
    );
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    f.warp(delay).await;
    let ix = execute(&f, id);
    send(&mut f, &[ix], &[]).await.expect_ok();
});

// Unliquidatable position: an underwater borrower adds one unit of an asset whose oracle is broken (frozen,
// closed). If every entry had to price, every liquidation would revert while the debt accrued phantom income. In
// `liquidate` only the seized asset and the quote must pass every check; another entry is read leniently (a day of
// age, any confidence) and counts as 0 only beyond that. The other side of the same rule: a liquidator who waits
// for one entry's feed to lag past its usual max age cannot make a healthy position liquidatable.
dual_test!(unliquidatable_position, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    let eth = f.add_collateral(9, 100.0).await;
    let dust = f.add_collateral(9, 10.0).await;
    f.deposit_collateral(&b, p, eth, 10 * SOL).await.expect_ok();
    // 10 SOL at 150 and 10 ETH at 100: 2,000 of liquidation power against 1,300; without the ETH, 1,200.
    f.borrow(&b, p, 1_300 * ONE).await.expect_ok();
    f.deposit_collateral(&b, p, dust, 1).await.expect_ok();
    let liq = f.user(100_000 * ONE).await;
    // ETH's feed lags two minutes (its max age is one): borrowing stops, but the position is no prey.
    let e = f.assets[eth];
    let now = f.env.now().await;
    f.env
        .set_price_update(e.oracle, e.feed, e.price, e.conf, -8, now - 120, true);
    f.borrow(&b, p, ONE)
        .await
        .expect_error(VaultError::OracleStale);
    f.liquidate(&liq, p, sol, u64::MAX)
        .await
        .expect_error(VaultError::PositionHealthy);
    // SOL falls to 40 (320 + 800 < 1,300.1), and the dust entry's price account is closed.
    f.set_price(sol, 40.0).await;
    let d = f.assets[dust];
    f.env.set_account(
        &d.oracle,
        solana_account::Account::new(0, 0, &anchor_lang::system_program::ID),
    );
    f.borrow(&b, p, ONE)
        .await
        .expect_error(VaultError::OracleWrongOwner);
    // The broken asset itself cannot be seized: its price is needed for that.
    f.liquidate(&liq, p, dust, u64::MAX)
        .await
        .expect_error(VaultError::OracleWrongOwner);
    // Nor can a liquidator make an entry count as 0 by passing another account for it: even an entry read
    // leniently is read from its pinned account only.
    let mut pricing = f.pricing(p).await;
    pricing[3] = f.assets[sol].oracle;
    f.liquidate_priced(&liq, p, sol, &pricing, u64::MAX)
        .await
        .expect_error(VaultError::OracleWrongAccount);
    // Seizing SOL goes through, the dust entry valued at 0.
    let index = f.vault().await.borrow_index_sf.get();
    let debt = f.position(p).await.debt_native(index).unwrap();
    f.liquidate(&liq, p, sol, u64::MAX).await.expect_ok();
    let after = f.position(p).await;
    assert!(after.debt_native(index).unwrap() < debt, "debt repaid");
    assert_eq!(after.entries[2].amount, 1, "the dust entry is untouched");
});

// Overflow: collateral of 18 decimals (an 18-decimal wrapped BTC at 100,000) liquidated with 1,000,000 USDC of
// repayment. value · 10^18 needs about 150 bits, beyond U68F60; the seizure is computed exactly in 256 bits.
dual_test!(overflow_liquidating_18_decimals, |mode| async move {
    const BTC: u64 = 1_000_000_000_000_000_000; // 18 decimals
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 2_000_000 * ONE).await.expect_ok();
    let mut params = collateral_params([0x77; 32]);
    params.deposit_cap = u64::MAX;
    let btc = f.add_collateral_with(18, 100_000.0, params).await;
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, btc, 15 * BTC).await.expect_ok();
    f.borrow(&b, p, 1_000_000 * ONE).await.expect_ok();
    // At 80,000: 15 · 79,960 · 80 % = 959,520 < 1,000,100 (health ≈ 0.959, above the full-liquidation level).
    f.set_price(btc, 80_000.0).await;
    let liq = f.user(1_000_000 * ONE).await;
    let out = f.liquidate(&liq, p, btc, 1_000_000 * ONE).await;
    out.expect_ok();
    // Half the debt (the close factor), for 500,000 · 1.05 / 80,000 = 6.5625 BTC at spot prices, exactly.
    assert_eq!(f.env.token_balance(liq.quote).await, 500_000 * ONE);
    let to = f.fund_collateral(&liq, btc, 0).await;
    assert_eq!(f.env.token_balance(to).await, 6_562_500_000_000_000_000);
    assert_eq!(
        f.position(p).await.entries[0].amount,
        15 * BTC - 6_562_500_000_000_000_000
    );
});

// Overflow of the accrual: the highest borrow rate (1,000 %/yr at any utilization) on a vault nobody touches for
// 50 years, then compounding yearly for 50 more. Accrual must never fail: every instruction starts with it, so a
// failure would block repayments and liquidations for ever. The index stops growing where the total debt reaches
// MAX_DEBT_NATIVE.
dual_test!(
    overflow_accrual_for_decades_at_the_highest_rate,
    |mode| async move {
        const YEAR: i64 = 31_536_000;
        let mut params = fixture_params();
        params.rate_curve = RateCurve {
            base_rate_bps: 100_000,
            slope1_bps: 0,
            slope2_bps: 0,
            optimal_utilization_bps: 8_000,
        };
        let mut f = VaultFixture::with_params(mode, params).await;
        let lp = f.user(10_000_000 * ONE).await;
        f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
        let sol = f.add_collateral(9, 150.0).await;
        let mut positions = vec![];
        for id in 0..2 {
            let b = f.user(1_000 * ONE).await;
            let p = f.open_position(&b, id).await;
            f.deposit_collateral(&b, p, sol, 1_000 * SOL)
                .await
                .expect_ok();
            f.borrow(&b, p, 50_000 * ONE).await.expect_ok();
            positions.push((b, p));
        }
        let liq = f.user(1_000_000 * ONE).await;
        // 50 years of nothing: one accrual of 1 + 10 · 50 = 501 times.
        f.warp(50 * YEAR).await;
        f.accrue().await.expect_ok();
        let index = f.vault().await.borrow_index_sf.get();
        assert!(
            index >= from_native(501) && index < from_native(502),
            "index {index}"
        );
        let (a, pa) = (&positions[0].0, positions[0].1);
        f.repay(a, pa, ONE).await.expect_ok();
        f.liquidate(&liq, pa, sol, 1_000_000 * ONE)
            .await
            .expect_ok();
        // 50 more years, accruing every year (×11 a year): the debt reaches the ceiling, and stays there.
        for _ in 0..50 {
            f.warp(YEAR).await;
            f.accrue().await.expect_ok();
        }
        let v = f.vault().await;
        let debt = v.debt().unwrap();
        assert!(debt <= from_native(MAX_DEBT_NATIVE), "debt {debt}");
        assert!(
            debt > from_native(MAX_DEBT_NATIVE / 2),
            "the ceiling was reached"
        );
        // No new borrow past the debt ceiling; repay and liquidate still run on a debt of 2^63 native units.
        let (b, pb) = (&positions[1].0, positions[1].1);
        f.borrow(b, pb, ONE)
            .await
            .expect_error(VaultError::DebtCeilingReached);
        f.repay(b, pb, ONE).await.expect_ok();
        f.liquidate(&liq, pb, sol, 1_000_000 * ONE)
            .await
            .expect_ok();
        f.warp(YEAR).await;
        f.accrue().await.expect_ok();
    }
);

/// A deterministic vault (fixed keys and clock, so that two built alike are equal) with 1M junior and 2M senior,
/// a senior holder's request of 500k queued, a borrower able to take everything, and the clock `before_end`
/// seconds before the epoch's end.
async fn queue_before_epoch_end(mode: Mode, before_end: i64) -> (VaultFixture, User, Pubkey) {
    let mut f = VaultFixture::deterministic(mode).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    f.deposit(&lp, Senior, 2_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 150.0).await;
    f.request(&lp, Senior, 500_000 * ONE).await.expect_ok();
    let b = f.user(0).await;
    let p = f.open_position(&b, 0).await;
    f.deposit_collateral(&b, p, sol, 40_000 * SOL)
        .await
        .expect_ok();
    let v = f.vault().await;
    let now = f.env.now().await;
    f.warp(v.epoch_end_ts().unwrap() - before_end - now).await;
    (f, b, p)
}

/// What a close decided, for comparing two vaults.
fn fills(v: &Vault) -> ([u64; 3], Sf, [Sf; 3], u64) {
    (
        [0, 1, 2].map(|t| v.tranches[t].queued_shares),
        v.reserved_payout_sf.get(),
        v.navs(),
        v.epoch_index,
    )
}

// Flash-borrow griefing: in one transaction, borrow all free liquidity, close the epoch (the queue fills against
// nothing), repay. No time passes, so no interest; with a 100 % utilization cap every exit would be blocked,
// every epoch. Or the same with the borrow a second before the epoch's end, for a second of interest. Queued
// redemptions come first at all times: a borrow can take only what the queue would not be paid at a close now.
// Either way, the close fills exactly what it fills alone.
dual_test!(flash_borrow_griefing, |mode| async move {
    let (mut alone, _, _) = queue_before_epoch_end(mode, 0).await;
    alone.close_epoch().await.expect_ok();
    let expected = fills(&alone.vault().await);
    assert_eq!(expected.0[0], 0, "the close alone fills the whole request");

    // In one transaction, at the epoch's end.
    let (mut f, b, p) = queue_before_epoch_end(mode, 0).await;
    let v = f.vault().await;
    let gens = [0, 1, 2].map(|t| v.tranches[t].queue_generation);
    let (addrs, quote_oracle) = (f.addrs, f.quote_oracle);
    let close = addrs.close_epoch(f.env.payer(), gens);
    let pricing = f.pricing(p).await;
    let borrow = |amount| addrs.borrow(b.key.pubkey(), p, b.quote, quote_oracle, &pricing, amount);
    let repay = |amount| addrs.repay(b.key.pubkey(), p, b.quote, amount);
    let free = v.free_liquidity().unwrap();
    let left = free - 500_000 * ONE;
    assert_eq!(v.borrowable_liquidity().unwrap(), left);
    let attack = [borrow(free), close.clone(), repay(free)];
    send(&mut f, &attack, &[&b.key])
        .await
        .expect_error(VaultError::InsufficientLiquidity);
    let attack = [borrow(left + 1), close.clone(), repay(left + 1)];
    send(&mut f, &attack, &[&b.key])
        .await
        .expect_error(VaultError::InsufficientLiquidity);
    let most = [borrow(left), close, repay(left)];
    send(&mut f, &most, &[&b.key]).await.expect_ok();
    assert_eq!(fills(&f.vault().await), expected);

    // Across the epoch's end: borrow a second before it, close and repay at it.
    let (mut f, b, p) = queue_before_epoch_end(mode, 1).await;
    f.borrow(&b, p, free)
        .await
        .expect_error(VaultError::InsufficientLiquidity);
    f.borrow(&b, p, left).await.expect_ok();
    f.warp(1).await;
    f.close_epoch().await.expect_ok();
    // The queue is paid all it was owed a second ago, to less than a native unit (its price has since earned a
    // second of interest, which the reserved liquidity did not: a few native units of shares stay queued).
    let after = fills(&f.vault().await);
    assert_eq!(after.3, expected.3);
    assert!(
        after.1 > expected.1 - from_native(1),
        "paid {} of {}",
        after.1,
        expected.1
    );
    assert!(after.0[0] < ONE, "{} shares left queued", after.0[0]);
    let index = f.vault().await.borrow_index_sf.get();
    let debt = f.position(p).await.debt_native(index).unwrap();
    let (q, tp) = (f.addrs.quote_mint, f.addrs.token_program);
    f.env.mint_to(q, b.quote, tp, ONE).await;
    f.repay(&b, p, debt).await.expect_ok();
});

// Self-liquidation: an insolvent owner liquidates themselves and keeps the bonus. The bonus is paid out of the
// position's collateral whoever liquidates, so the pool's loss is exactly that of a third party's liquidation.
dual_test!(self_liquidation, |mode| async move {
    let mut results = vec![];
    for by_owner in [true, false] {
        let mut f = VaultFixture::deterministic(mode).await;
        let lp = f.user(10_000_000 * ONE).await;
        f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
        let sol = f.add_collateral(9, 100.0).await;
        let owner = f.user(100_000 * ONE).await;
        let third = f.user(100_000 * ONE).await;
        let p = f.open_position(&owner, 0).await;
        f.deposit_collateral(&owner, p, sol, 100 * SOL)
            .await
            .expect_ok();
        f.borrow(&owner, p, 6_900 * ONE).await.expect_ok();
        // At 60 the 100 SOL are worth 6,000 < 6,900: insolvent; a full liquidation takes every SOL.
        f.set_price(sol, 60.0).await;
        let liq = if by_owner { &owner } else { &third };
        f.liquidate(liq, p, sol, u64::MAX).await.expect_ok();
        let v = f.vault().await;
        let written = [0, 1, 2].map(|t| v.tranches[t].written_down_sf.get());
        assert!(written[2] > Sf::ZERO, "bad debt fell on junior");
        results.push((v.navs(), written));
    }
    assert_eq!(
        results[0], results[1],
        "the pool loses the same to the owner as to a third party"
    );
});

// Duplicate mutable accounts: the caller's token account in a role that is the vault's own (its liquidity, a
// custody, an escrow). A transfer from the vault to itself would book a payout, a loan or a seizure that nobody
// receives, and shares minted into an escrow would sit there outside the queue's books. The program refuses any
// caller-side token account that the vault owns (each vault-side one is pinned to its address), which covers the
// vault's accounts whether the instruction names them or not; Anchor's own duplicate check is off (`dup`, see
// `instructions`), as it cost about 800 CU an account and could never fire on these.
dual_test!(duplicate_mutable_accounts, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    f.borrow(&b, p, 1_000 * ONE).await.expect_ok();
    let lp = f.user(1_000_000 * ONE).await;
    f.deposit(&lp, Junior, 100_000 * ONE).await.expect_ok();
    f.request(&lp, Junior, 10_000 * ONE).await.expect_ok();
    let (liquidity, escrow) = (f.addrs.liquidity, f.addrs.escrows[2]);
    let custody = f.assets[sol].addrs.custody;
    let a = f.assets[sol].addrs;
    let pricing = f.pricing(p).await;
    let deposit = tranche_vault::DepositArgs {
        tranche: Junior,
        amount: 1_000 * ONE,
        min_shares: 0,
    };
    let to = f.fund_collateral(&b, sol, SOL).await;
    let owned: u32 = VaultError::VaultOwnedTokenAccount.into();
    let cases: Vec<(Instruction, &Keypair, u32)> = vec![
        (
            swap(
                f.addrs
                    .deposit(lp.key.pubkey(), lp.quote, lp.shares[2], deposit),
                lp.quote,
                liquidity,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs
                    .deposit(lp.key.pubkey(), lp.quote, lp.shares[2], deposit),
                lp.shares[2],
                escrow,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs
                    .request_redeem(lp.key.pubkey(), lp.shares[2], Junior, ONE),
                lp.shares[2],
                escrow,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs.cancel_redeem(lp.key.pubkey(), lp.shares[2], Junior),
                lp.shares[2],
                escrow,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs
                    .claim_redeem(lp.key.pubkey(), lp.quote, Junior, None),
                lp.quote,
                liquidity,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs
                    .borrow(b.key.pubkey(), p, b.quote, f.quote_oracle, &pricing, ONE),
                b.quote,
                liquidity,
            ),
            &b.key,
            owned,
        ),
        (
            swap(
                f.addrs.repay(lp.key.pubkey(), p, lp.quote, ONE),
                lp.quote,
                liquidity,
            ),
            &lp.key,
            owned,
        ),
        (
            swap(
                f.addrs.withdraw_collateral(
                    b.key.pubkey(),
                    p,
                    &a,
                    to,
                    f.quote_oracle,
                    &pricing,
                    SOL,
                ),
                to,
                custody,
            ),
            &b.key,
            owned,
        ),
        (
            swap(
                f.addrs.deposit_collateral(b.key.pubkey(), p, &a, to, SOL),
                to,
                custody,
            ),
            &b.key,
            owned,
        ),
    ];
    let books = f.vault().await;
    for (ix, signer, code) in cases {
        send(&mut f, &[ix], &[signer]).await.expect_error(code);
    }
    // The liquidator's two token accounts, once the position is liquidatable.
    f.set_price(sol, 100.0).await;
    let liq = f.user(100_000 * ONE).await;
    let liq_sol = f.fund_collateral(&liq, sol, 0).await;
    let args = LiquidateArgs {
        max_repay: 100 * ONE,
        min_seize: 0,
    };
    let liquidate = |f: &VaultFixture| {
        f.addrs.liquidate(
            liq.key.pubkey(),
            p,
            liq.quote,
            &a,
            liq_sol,
            f.quote_oracle,
            &pricing,
            args,
        )
    };
    for (from, to) in [(liq.quote, liquidity), (liq_sol, custody)] {
        let ix = swap(liquidate(&f), from, to);
        send(&mut f, &[ix], &[&liq.key]).await.expect_error(owned);
    }
    let v = f.vault().await;
    assert_eq!(
        (v.liquidity_native, v.scaled_debt_sf, v.tranches),
        (books.liquidity_native, books.scaled_debt_sf, books.tranches),
        "nothing moved"
    );
    // The honest liquidation, for contrast.
    let ix = liquidate(&f);
    send(&mut f, &[ix], &[&liq.key]).await.expect_ok();
});

// Signer authorization: every role's instruction without its signature, and with a stranger's.
dual_test!(signer_authorization, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    f.borrow(&b, p, 100 * ONE).await.expect_ok();
    let stranger = f.user(1_000 * ONE).await;
    let pricing = f.pricing(p).await;
    // The owner's signature stripped: refused by the runtime check of the signer flag.
    let mut ix = f
        .addrs
        .borrow(b.key.pubkey(), p, b.quote, f.quote_oracle, &pricing, ONE);
    ix.accounts[0].is_signer = false;
    send(&mut f, &[ix], &[])
        .await
        .expect_error(AnchorErrorCode::AccountNotSigner);
    // A stranger signing for the owner's position.
    let to = f.fund_collateral(&stranger, sol, 0).await;
    let ix = f.addrs.borrow(
        stranger.key.pubkey(),
        p,
        stranger.quote,
        f.quote_oracle,
        &pricing,
        ONE,
    );
    send(&mut f, &[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::WrongPosition);
    let a = f.assets[sol].addrs;
    let ix = f.addrs.withdraw_collateral(
        stranger.key.pubkey(),
        p,
        &a,
        to,
        f.quote_oracle,
        &pricing,
        SOL,
    );
    send(&mut f, &[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::WrongPosition);
    // Governance by a stranger.
    let next = f.vault().await.next_proposal_id;
    let ix = f.addrs.propose_config(
        f.env.payer(),
        stranger.key.pubkey(),
        next,
        ConfigChange::ProtocolFee {
            protocol_fee_bps: 0,
        },
        None,
    );
    send(&mut f, &[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotAuthority);
    let ix = f.addrs.set_pause(stranger.key.pubkey(), 1);
    send(&mut f, &[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotGuardianOrAuthority);
    let listed = CollateralParams {
        enabled: false,
        deposit_cap: 0,
        ..collateral_params([0x98; 32])
    };
    let mint = f.env.create_mint(f.addrs.token_program, 6).await;
    let na = AssetAddresses::new(&f.addrs.vault, mint, f.addrs.token_program);
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), stranger.key.pubkey(), &na, listed);
    send(&mut f, &[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotAuthority);
    // Repay is anyone's to make (it only pays the debt down).
    f.repay(&stranger, p, ONE).await.expect_ok();
});

// Owner checks: accounts with the right bytes under another program.
dual_test!(owner_checks, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    // A copy of the position's bytes at another address, owned by another program: the position is an Anchor
    // account of this program.
    let mut acc = f.env.account(p).await.expect("position");
    acc.owner = anchor_spl::token::ID;
    let fake = Keypair::new().pubkey();
    f.env.set_account(&fake, acc.clone());
    let pricing = f.pricing(p).await;
    f.borrow_priced(&b, fake, &pricing, ONE)
        .await
        .expect_error(AnchorErrorCode::AccountOwnedByWrongProgram);
    // The collateral asset read from the remaining accounts, reassigned to another program.
    let asset = f.assets[sol].addrs.asset;
    let real = f.env.account(asset).await.expect("asset");
    let mut moved = real.clone();
    moved.owner = anchor_spl::token::ID;
    f.env.set_account(&asset, moved);
    f.borrow(&b, p, ONE)
        .await
        .expect_error(VaultError::WrongCollateralAccounts);
    f.env.set_account(&asset, real);
    f.borrow(&b, p, ONE).await.expect_ok();
    // Oracle owners are in `stale_wrong_feed_partial_wide_confidence_price`.
});

// Type cosplay: an account of this program of another type where one type is expected.
dual_test!(type_cosplay, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    f.borrow(&b, p, 1_000 * ONE).await.expect_ok();
    f.set_price(sol, 100.0).await;
    let liq = f.user(100_000 * ONE).await;
    let to = f.fund_collateral(&liq, sol, 0).await;
    let a = f.assets[sol].addrs;
    let pricing = f.pricing(p).await;
    // The position as the asset to seize.
    let ix = f.addrs.liquidate(
        liq.key.pubkey(),
        p,
        liq.quote,
        &AssetAddresses { asset: p, ..a },
        to,
        f.quote_oracle,
        &pricing,
        LiquidateArgs {
            max_repay: ONE,
            min_seize: 0,
        },
    );
    send(&mut f, &[ix], &[&liq.key])
        .await
        .expect_error(AnchorErrorCode::AccountDiscriminatorMismatch);
    // The collateral asset as the position, and the vault as the position.
    for wrong in [a.asset, f.addrs.vault] {
        let ix = swap(f.addrs.repay(liq.key.pubkey(), p, liq.quote, ONE), p, wrong);
        send(&mut f, &[ix], &[&liq.key])
            .await
            .expect_error(AnchorErrorCode::AccountDiscriminatorMismatch);
    }
    // A position where the pricing expects a collateral asset, at the entry's own slot: the key must be the
    // entry's asset.
    let mut cosplay = pricing.clone();
    cosplay[0] = p;
    f.borrow_priced(&b, p, &cosplay, ONE)
        .await
        .expect_error(VaultError::WrongCollateralAccounts);
});

// Initialization: accounts are created once, and lamports sent to a predictable address first (the next
// proposal, a holder's redemption request, a position, a collateral asset) does not block its creation. Anchor's
// `init` would be blocked there: on a pre-funded address it uses a system instruction agave 3.1 refuses, which
// would let anyone stop governance or trap a depositor's exit for the price of a transfer.
dual_test!(initialization, |mode| async move {
    let (mut f, b, _, _) = book(mode).await;
    let ix = f.addrs.open_position(f.env.payer(), b.key.pubkey(), 0);
    send(&mut f, &[ix], &[&b.key])
        .await
        .expect_error(VaultError::AccountAlreadyExists);
    // The least a transfer to a new address may send: rent exemption for 0 bytes.
    let least = f.env.rent().await.minimum_balance(0);
    let prefund = |f: &VaultFixture, to: Pubkey| {
        anchor_lang::solana_program::system_instruction::transfer(&f.env.payer(), &to, least)
    };
    // A position.
    let next = tranche_vault::pda::position(&f.addrs.vault, &b.key.pubkey(), 1).0;
    let ix = prefund(&f, next);
    send(&mut f, &[ix], &[]).await.expect_ok();
    let ix = f.addrs.open_position(f.env.payer(), b.key.pubkey(), 1);
    send(&mut f, &[ix], &[&b.key]).await.expect_ok();
    let opened: tranche_vault::state::Position = f.env.anchor_account(next).await;
    assert_eq!((opened.owner, opened.position_id), (b.key.pubkey(), 1));
    // The next proposal.
    let id = f.vault().await.next_proposal_id;
    let ix = prefund(&f, f.addrs.proposal(id));
    send(&mut f, &[ix], &[]).await.expect_ok();
    let authority = f.authority.insecure_clone();
    let change = ConfigChange::ProtocolFee {
        protocol_fee_bps: 500,
    };
    let ix = f
        .addrs
        .propose_config(f.env.payer(), authority.pubkey(), id, change, None);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    // A holder's redemption request.
    let lp = f.user(1_000_000 * ONE).await;
    f.deposit(&lp, Junior, 100_000 * ONE).await.expect_ok();
    let request = tranche_vault::pda::redemption(&f.addrs.vault, &lp.key.pubkey(), Junior).0;
    let ix = prefund(&f, request);
    send(&mut f, &[ix], &[]).await.expect_ok();
    f.request(&lp, Junior, 1_000 * ONE).await.expect_ok();
    assert_eq!(
        f.request_state(&lp, Junior).await.expect("request").shares,
        1_000 * ONE
    );
    // A collateral asset.
    let mint = f.env.create_mint(f.addrs.token_program, 6).await;
    let a = AssetAddresses::new(&f.addrs.vault, mint, f.addrs.token_program);
    let ix = prefund(&f, a.asset);
    send(&mut f, &[ix], &[]).await.expect_ok();
    f.list_collateral(&a, collateral_params([0x97; 32])).await;
    let listed = CollateralParams {
        enabled: false,
        deposit_cap: 0,
        ..collateral_params([0x97; 32])
    };
    let ix = f
        .addrs
        .add_collateral_asset(f.env.payer(), authority.pubkey(), &a, listed);
    send(&mut f, &[ix], &[&authority])
        .await
        .expect_error(VaultError::AccountAlreadyExists);
});

// Bump canonicalization: a PDA at a non-canonical bump of its seeds is refused.
dual_test!(bump_canonicalization, |mode| async move {
    let (mut f, b, _, _) = book(mode).await;
    let (vault, owner) = (f.addrs.vault, b.key.pubkey());
    let id = 7u64.to_le_bytes();
    let seeds: [&[u8]; 4] = [b"position", vault.as_ref(), owner.as_ref(), &id];
    let (canonical, bump) = Pubkey::find_program_address(&seeds, &tranche_vault::ID);
    let other = (0..bump)
        .rev()
        .find_map(|k| {
            let mut s = seeds.to_vec();
            let kb = [k];
            s.push(&kb);
            Pubkey::create_program_address(&s, &tranche_vault::ID).ok()
        })
        .expect("a non-canonical bump");
    let ix = swap(
        f.addrs.open_position(f.env.payer(), owner, 7),
        canonical,
        other,
    );
    send(&mut f, &[ix], &[&b.key])
        .await
        .expect_error(AnchorErrorCode::ConstraintSeeds);
});

// PDA sharing: each vault's PDA signs only for its own accounts; another vault's liquidity or custody, on the same
// mints, is refused.
dual_test!(pda_sharing, |mode| async move {
    let (mut f, b, p, sol) = book(mode).await;
    f.borrow(&b, p, 1_000 * ONE).await.expect_ok();
    let authority = f.authority.insecure_clone();
    let mut other = tranche_vault_tests::builders::vault_builder(
        f.env.payer(),
        authority.pubkey(),
        f.addrs.quote_mint,
        f.addrs.token_program,
    );
    other.args.vault_id = 1;
    send(&mut f, &other.instructions(), &[&authority])
        .await
        .expect_ok();
    let ov = other.addresses();
    let pricing = f.pricing(p).await;
    let ix = swap(
        f.addrs
            .borrow(b.key.pubkey(), p, b.quote, f.quote_oracle, &pricing, ONE),
        f.addrs.liquidity,
        ov.liquidity,
    );
    send(&mut f, &[ix], &[&b.key])
        .await
        .expect_error(VaultError::WrongLiquidity);
    // The other vault lists the same mint: its custody in place of this vault's.
    let a = f.assets[sol].addrs;
    let oa = AssetAddresses::new(&ov.vault, a.mint, a.token_program);
    let listed = CollateralParams {
        enabled: false,
        deposit_cap: 0,
        ..collateral_params(f.assets[sol].feed)
    };
    let ix = ov.add_collateral_asset(f.env.payer(), authority.pubkey(), &oa, listed);
    send(&mut f, &[ix], &[&authority]).await.expect_ok();
    f.set_price(sol, 100.0).await;
    let liq = f.user(100_000 * ONE).await;
    let to = f.fund_collateral(&liq, sol, 0).await;
    let ix = swap(
        f.addrs.liquidate(
            liq.key.pubkey(),
            p,
            liq.quote,
            &a,
            to,
            f.quote_oracle,
            &pricing,
            LiquidateArgs {
                max_repay: ONE,
                min_seize: 0,
            },
        ),
        a.custody,
        oa.custody,
    );
    send(&mut f, &[ix], &[&liq.key])
        .await
        .expect_error(VaultError::WrongCustody);
    // And the other vault's asset account in this vault's position pricing.
    let mut foreign = pricing.clone();
    foreign[0] = oa.asset;
    f.borrow_priced(&b, p, &foreign, ONE)
        .await
        .expect_error(VaultError::WrongCollateralAccounts);
});

// Closing accounts: a claimed-out request is closed (rent back to its owner); revived with lamports in the same
// transaction, it is no account of this program, and the second claim is refused.
dual_test!(closing_accounts, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let lp = f.user(1_000_000 * ONE).await;
    f.deposit(&lp, Junior, 100_000 * ONE).await.expect_ok();
    f.request(&lp, Junior, 10_000 * ONE).await.expect_ok();
    f.next_epoch().await.expect_ok();
    let request = tranche_vault::pda::redemption(&f.addrs.vault, &lp.key.pubkey(), Junior).0;
    let claim = f.addrs.claim_redeem(
        lp.key.pubkey(),
        lp.quote,
        Junior,
        Some(tranche_vault::pda::generation(&f.addrs.vault, Junior, 0).0),
    );
    let revive = anchor_lang::solana_program::system_instruction::transfer(
        &f.env.payer(),
        &request,
        10_000_000,
    );
    let out = send(&mut f, &[claim.clone(), revive, claim.clone()], &[&lp.key]).await;
    assert_eq!(
        out.result,
        // Instruction 3: `send_unique` puts a compute-budget instruction first.
        Err(tranche_vault_tests::TransactionError::InstructionError(
            3,
            tranche_vault_tests::InstructionError::Custom(
                AnchorErrorCode::AccountOwnedByWrongProgram.into()
            )
        )),
        "{:?}",
        out.logs
    );
    // Claimed alone, it closes; a second claim finds no account.
    send(&mut f, std::slice::from_ref(&claim), &[&lp.key])
        .await
        .expect_ok();
    assert!(
        f.env.account(request).await.is_none(),
        "the request is closed"
    );
    send(&mut f, &[claim], &[&lp.key])
        .await
        .expect_error(AnchorErrorCode::AccountNotInitialized);
});

// Sysvar address checking: the program takes no sysvar account (it reads the clock and rent through syscalls), so
// there is none to spoof. The committed IDL, which `make test` checks is fresh, says so for every instruction.
#[test]
fn sysvar_address_checking() {
    let idl: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../idl/tranche_vault.json"
        ))
        .expect("idl/tranche_vault.json"),
    )
    .expect("IDL parses");
    let ixs = idl["instructions"].as_array().expect("instructions");
    assert!(ixs.len() >= 20, "every instruction is in the IDL");
    for ix in ixs {
        for acc in ix["accounts"].as_array().expect("accounts") {
            let name = acc["name"].as_str().unwrap_or_default();
            let address = acc["address"].as_str().unwrap_or_default();
            assert!(
                !address.starts_with("Sysvar")
                    && !["clock", "rent", "instructions"].contains(&name),
                "{}: account {name} is a sysvar",
                ix["name"]
            );
        }
    }
}

// Rounding theft at the end of life: borrows round up and repayments down, so the books hold a little more than
// the claims. When the last debt defaults and is larger than every claim by that dust, the write-off is clamped
// to the claims (the rest is the pool's rounding gain); it must not revert, which would leave the last loan
// unliquidatable.
dual_test!(rounding_theft_at_the_end_of_life, |mode| async move {
    let mut params = fixture_params();
    params.protocol_fee_bps = 0;
    let mut f = VaultFixture::with_params(mode, params).await;
    let lp = f.user(10_000_000 * ONE).await;
    f.deposit(&lp, Junior, 1_000_000 * ONE).await.expect_ok();
    let sol = f.add_collateral(9, 150.0).await;
    let mut positions = vec![];
    for id in 0..7 {
        let b = f.user(0).await;
        let p = f.open_position(&b, id).await;
        f.deposit_collateral(&b, p, sol, 20_000 * SOL)
            .await
            .expect_ok();
        positions.push((b, p));
    }
    // Six borrowers borrow odd amounts; a day of interest; each repays its debt, rounded up: the books now
    // hold a little more than the claims.
    let (last, repaid) = positions.split_last().expect("positions");
    for (k, (b, p)) in repaid.iter().enumerate() {
        f.borrow(b, *p, 10_000 * ONE + 7_777 * k as u64)
            .await
            .expect_ok();
    }
    f.warp(86_400).await;
    f.accrue().await.expect_ok();
    let index = f.vault().await.borrow_index_sf.get();
    for (b, p) in repaid {
        let debt = f.position(*p).await.debt_native(index).unwrap();
        let (q, tp) = (f.addrs.quote_mint, f.addrs.token_program);
        f.env.mint_to(q, b.quote, tp, 1_000 * ONE).await;
        f.repay(b, *p, debt).await.expect_ok();
    }
    // The last borrower takes everything left: the vault is fully lent out to it.
    let (b, pb) = (&last.0, last.1);
    let free = f.vault().await.free_liquidity().unwrap();
    f.borrow(b, pb, free).await.expect_ok();
    let v = f.vault().await;
    let n = v.navs();
    let claims = add(
        add(add(n[0], n[1]).unwrap(), n[2]).unwrap(),
        v.fees_sf.get(),
    )
    .unwrap();
    let assets = add(from_native(v.liquidity_native), v.debt().unwrap()).unwrap();
    assert_eq!(v.liquidity_native, 0);
    assert!(
        assets > add(claims, from_native(1)).unwrap(),
        "the books hold more than a native unit of rounding surplus"
    );
    // Its collateral becomes worthless (10^-12 a SOL): the one liquidation takes it all for one native unit (the
    // repayment is rounded up) and writes off the rest of the debt, a little more than every claim.
    let c = f.assets[sol];
    let now = f.env.now().await;
    f.env
        .set_price_update(c.oracle, c.feed, 1, 0, -12, now, true);
    let liq = f.user(1_000 * ONE).await;
    f.liquidate(&liq, pb, sol, u64::MAX).await.expect_ok();
    assert_eq!(f.env.token_balance(liq.quote).await, 1_000 * ONE - 1);
    let v = f.vault().await;
    assert_eq!(v.navs(), [Sf::ZERO; 3], "every claim written down");
    assert_eq!(v.scaled_debt_sf.get(), Sf::ZERO, "no debt left");
    assert!(v.tranches[2].written_down_sf.get() > Sf::ZERO);
});

// Stale, wrong-feed, partial and wide-confidence prices, and a pinned account under another owner: each refused.
dual_test!(
    stale_wrong_feed_partial_wide_confidence_price,
    |mode| async move {
        let (mut f, b, p, sol) = book(mode).await;
        let other = f.add_collateral(9, 30.0).await;
        let now = f.env.now().await;
        let c = f.assets[sol];
        // Another asset's (valid) price account in place of SOL's, and a collateral price in place of the
        // quote's: neither is the pinned account.
        let mut pricing = f.pricing(p).await;
        pricing[1] = f.assets[other].oracle;
        f.borrow_priced(&b, p, &pricing, ONE)
            .await
            .expect_error(VaultError::OracleWrongAccount);
        let pricing = f.pricing(p).await;
        let ix = f
            .addrs
            .borrow(b.key.pubkey(), p, b.quote, c.oracle, &pricing, ONE);
        send(&mut f, &[ix], &[&b.key])
            .await
            .expect_error(VaultError::OracleWrongAccount);
        // At the pinned address: another feed's update.
        f.env
            .set_price_update(c.oracle, [0x42; 32], c.price, c.conf, -8, now, true);
        f.borrow(&b, p, ONE)
            .await
            .expect_error(VaultError::OracleFeedIdMismatch);
        // The right bytes under another owner.
        f.refresh_prices().await;
        let mut acc = f.env.account(c.oracle).await.expect("oracle");
        acc.owner = anchor_lang::system_program::ID;
        f.env.set_account(&c.oracle, acc);
        f.borrow(&b, p, ONE)
            .await
            .expect_error(VaultError::OracleWrongOwner);
        // Stale: published 61 s ago with a 60 s max age.
        f.env
            .set_price_update(c.oracle, c.feed, c.price, c.conf, -8, now - 61, true);
        f.borrow(&b, p, ONE)
            .await
            .expect_error(VaultError::OracleStale);
        // Wide: a confidence of 1.01 % of the price with a 1 % ceiling.
        f.env.set_price_update(
            c.oracle,
            c.feed,
            c.price,
            (c.price as u64) / 99,
            -8,
            now,
            true,
        );
        f.borrow(&b, p, ONE)
            .await
            .expect_error(VaultError::OracleConfidenceTooWide);
        // Partial verification.
        f.env
            .set_price_update(c.oracle, c.feed, c.price, c.conf, -8, now, false);
        f.borrow(&b, p, ONE)
            .await
            .expect_error(VaultError::OracleNotFullyVerified);
        // With a good price again, the same borrow goes through.
        f.refresh_prices().await;
        f.borrow(&b, p, ONE).await.expect_ok();
    }
);
