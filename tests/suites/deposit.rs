//! `deposit`: pricing, the first deposit's dead shares, caps, subordination, slippage, a wiped-out tranche, the
//! inflation attack, and account substitution; each refusal with its error.

use anchor_lang::error::ErrorCode as AnchorErrorCode;
use solana_signer::Signer;
use tranche_vault::constants::{DEAD_SHARES, MIN_FIRST_DEPOSIT};
use tranche_vault::errors::VaultError;
use tranche_vault::events::DepositEvent;
use tranche_vault::math::fixed::from_native;
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault::DepositArgs;
use tranche_vault_tests::builders::default_params;
use tranche_vault_tests::fixture::{Loan, VaultFixture, ONE};
use tranche_vault_tests::{dual_test, Mode};

dual_test!(first_deposit_locks_dead_shares, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(1_000_000 * ONE).await;
    let out = f.deposit(&u, Junior, 100_000 * ONE).await;
    out.expect_ok();
    let shares = f.env.token_balance(u.shares[2]).await;
    assert_eq!(shares, 100_000 * ONE - DEAD_SHARES);
    let v = f.vault().await;
    assert_eq!(v.tranches[2].nav(), from_native(100_000 * ONE));
    assert_eq!(v.tranches[2].dead_shares, DEAD_SHARES);
    assert_eq!(v.liquidity_native, 100_000 * ONE);
    assert_eq!(f.env.token_balance(f.addrs.liquidity).await, 100_000 * ONE);
    if mode == Mode::Sbf {
        let e = &out.events::<DepositEvent>()[0];
        assert_eq!(
            (e.amount, e.shares, e.dead_shares),
            (100_000 * ONE, shares, DEAD_SHARES)
        );
        assert_eq!(e.supply_after, shares);
        assert_eq!(e.nav_after_sf, from_native(100_000 * ONE).to_bits());
        println!("deposit (first): {} CU", out.program_cu());
    }

    // A second deposit at the same price gets exactly its amount in shares (effective supply = NAV).
    let out = f.deposit(&u, Junior, 5_000 * ONE).await;
    out.expect_ok();
    assert_eq!(f.env.token_balance(u.shares[2]).await, shares + 5_000 * ONE);
    if mode == Mode::Sbf {
        println!("deposit: {} CU", out.program_cu());
    }
});

dual_test!(refuses_bad_amounts, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(1_000_000 * ONE).await;
    f.deposit(&u, Junior, 0)
        .await
        .expect_error(VaultError::ZeroAmount);
    f.deposit(&u, Junior, MIN_FIRST_DEPOSIT - 1)
        .await
        .expect_error(VaultError::FirstDepositTooSmall);
    f.deposit(&u, Junior, MIN_FIRST_DEPOSIT).await.expect_ok();
    // Over the junior cap (2,000,000 quote).
    f.deposit(&u, Junior, 2_000_000 * ONE)
        .await
        .expect_error(VaultError::DepositCapExceeded);
    // Slippage guard.
    let args = DepositArgs {
        tranche: Junior,
        amount: 10 * ONE,
        min_shares: 10 * ONE + 1,
    };
    f.deposit_args(&u, args)
        .await
        .expect_error(VaultError::SlippageExceeded);
    // More than the wallet holds: the token program refuses the transfer.
    let poor = f.user(ONE).await;
    assert!(f.deposit(&poor, Junior, 2 * ONE).await.result.is_err());
});

dual_test!(enforces_subordination, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(10_000_000 * ONE).await;
    // Senior and mezzanine need junior below them first (min junior 10 %, min junior + mezz 25 %).
    f.deposit(&u, Senior, 100 * ONE)
        .await
        .expect_error(VaultError::JuniorSubordinationBreached);
    f.deposit(&u, Junior, 100_000 * ONE).await.expect_ok();
    f.deposit(&u, Senior, 300_000 * ONE).await.expect_ok(); // junior + mezz exactly 25 %
    f.deposit(&u, Senior, ONE)
        .await
        .expect_error(VaultError::SubordinationBreached);
    f.deposit(&u, Mezzanine, 100_000 * ONE).await.expect_ok(); // 200k of 500k
    f.deposit(&u, Senior, 300_000 * ONE).await.expect_ok(); // 200k of 800k
                                                            // 1,000,001 total with 100k junior: junior 9.99 % < 10 %.
    let mut p = default_params();
    p.min_subordination_bps = 1_000;
    let mut g = VaultFixture::with_params(mode, p).await;
    let w = g.user(10_000_000 * ONE).await;
    g.deposit(&w, Junior, 100_000 * ONE).await.expect_ok();
    g.deposit(&w, Senior, 900_000 * ONE).await.expect_ok();
    g.deposit(&w, Mezzanine, 1)
        .await
        .expect_error(VaultError::JuniorSubordinationBreached);
});

dual_test!(refuses_a_wiped_out_tranche, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(10_000_000 * ONE).await;
    f.deposit(&u, Junior, 100_000 * ONE).await.expect_ok();
    f.deposit(&u, Senior, 300_000 * ONE).await.expect_ok();
    f.loan(Loan::Borrow(200_000 * ONE)).await.expect_ok();
    f.loan(Loan::Default(100_000 * ONE)).await.expect_ok();
    let v = f.vault().await;
    assert_eq!(v.tranches[2].nav(), from_native(0));
    assert!(v.tranches[2].is_wiped_out());
    f.deposit(&u, Junior, 1_000 * ONE)
        .await
        .expect_error(VaultError::TrancheWipedOut);
});

dual_test!(first_depositor_inflation_is_refused, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let attacker = f.user(10_000_000 * ONE).await;
    let victim = f.user(1_000 * ONE).await;
    // The attacker makes the smallest first deposit, then sends a fortune straight to the liquidity account
    // hoping to inflate the share price so the victim's deposit rounds to (almost) nothing.
    f.deposit(&attacker, Junior, MIN_FIRST_DEPOSIT)
        .await
        .expect_ok();
    let donate = anchor_spl::token::spl_token::instruction::transfer(
        &anchor_spl::token::spl_token::ID,
        &attacker.quote,
        &f.addrs.liquidity,
        &attacker.key.pubkey(),
        &[],
        5_000_000 * ONE,
    )
    .expect("transfer ix");
    f.env
        .send_unique(&[donate], &[&attacker.key])
        .await
        .expect_ok();
    // The books ignore the donation: the price is unchanged and the victim gets full value.
    f.deposit(&victim, Junior, 1_000 * ONE).await.expect_ok();
    assert_eq!(f.env.token_balance(victim.shares[2]).await, 1_000 * ONE);
    let v = f.vault().await;
    assert_eq!(
        v.tranches[2].nav(),
        from_native(MIN_FIRST_DEPOSIT + 1_000 * ONE)
    );
    f.check_invariants().await;
});

dual_test!(refuses_substituted_accounts, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let u = f.user(1_000_000 * ONE).await;
    let args = DepositArgs {
        tranche: Junior,
        amount: 100_000 * ONE,
        min_shares: 0,
    };
    // Senior's mint for a junior deposit.
    let mut ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[0], args);
    ix.accounts[2].pubkey = f.addrs.tranche_mints[0];
    f.env
        .send_unique(&[ix], &[&u.key])
        .await
        .expect_error(VaultError::WrongTrancheMint);
    // Another liquidity account.
    let other = f
        .env
        .create_token_account(f.addrs.quote_mint, u.key.pubkey(), f.addrs.token_program)
        .await;
    let mut ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[2], args);
    ix.accounts[4].pubkey = other;
    f.env
        .send_unique(&[ix], &[&u.key])
        .await
        .expect_error(VaultError::WrongLiquidity);
    // Shares into an account of another mint.
    let ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[0], args);
    f.env
        .send_unique(&[ix], &[&u.key])
        .await
        .expect_error(VaultError::WrongTokenMint);
    // Token-2022 in place of the vault's SPL Token program.
    let mut ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[2], args);
    ix.accounts[7].pubkey = anchor_spl::token_2022::ID;
    f.env
        .send_unique(&[ix], &[&u.key])
        .await
        .expect_error(VaultError::WrongTokenProgram);
    // SPL Token in place of the tranche mints' Token-2022.
    let mut ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[2], args);
    ix.accounts[8].pubkey = anchor_spl::token::ID;
    f.env
        .send_unique(&[ix], &[&u.key])
        .await
        .expect_error(VaultError::WrongTrancheTokenProgram);
    // Depositor not signing.
    let mut ix = f.addrs.deposit(u.key.pubkey(), u.quote, u.shares[2], args);
    ix.accounts[0].is_signer = false;
    f.env
        .send_unique(&[ix], &[])
        .await
        .expect_error(AnchorErrorCode::AccountNotSigner);
    f.check_invariants().await;
});
