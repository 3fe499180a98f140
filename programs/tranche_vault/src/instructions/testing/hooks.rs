//! Test-only stand-ins for the lending side, compiled only with the `test-hooks` feature (the deployed program
//! never has them): `test_borrow` lends liquidity out as debt, `test_repay` pays it back, `test_write_off`
//! turns debt into bad debt through the loss waterfall. With them the tests drive real interest accrual and
//! real losses through the tranches before borrowing and liquidation exist.

use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::cpi;
use crate::errors::VaultError;
use crate::events::LossWrittenOffEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::fixed::{add, from_native, sub};
use crate::math::interest::{to_scaled_ceil, to_scaled_floor};
use crate::state::Vault;

#[derive(Accounts)]
pub struct TestDebt<'info> {
    /// Owner of `counterparty` (it pays in `test_repay`).
    pub operator: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
    )]
    pub vault: AccountLoader<'info, Vault>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The "borrower's" quote account: receives a borrow, pays a repay.
    #[account(mut, constraint = counterparty.mint == quote_mint.key() @ VaultError::WrongTokenMint)]
    pub counterparty: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl TestDebt<'_> {
    pub fn borrow(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let signer = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            require!(
                amount > 0 && amount <= vault.free_liquidity()?,
                VaultError::InsufficientLiquidity
            );
            let d = to_scaled_ceil(amount, vault.borrow_index_sf.get())?;
            let total = add(vault.scaled_debt_sf.get(), d)?;
            vault.scaled_debt_sf.set(total);
            vault.liquidity_native = vault
                .liquidity_native
                .checked_sub(amount)
                .ok_or(VaultError::MathOverflow)?;
            vault.invariant()?;
            vault.signer()
        };
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.counterparty.to_account_info(),
            &a.vault.to_account_info(),
            Some(&signer),
            amount,
            a.quote_mint.decimals,
        )
    }

    pub fn repay(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            require!(
                from_native(amount) <= vault.debt()?,
                VaultError::AmountExceedsDebt
            );
            let d = to_scaled_floor(amount, vault.borrow_index_sf.get())?;
            let total = sub(vault.scaled_debt_sf.get(), d)?;
            vault.scaled_debt_sf.set(total);
            vault.liquidity_native = vault
                .liquidity_native
                .checked_add(amount)
                .ok_or(VaultError::MathOverflow)?;
            vault.invariant()?;
        }
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.counterparty.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.operator.to_account_info(),
            None,
            amount,
            a.quote_mint.decimals,
        )
    }

    pub fn write_off(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let key = ctx.accounts.vault.key();
        let mut vault = ctx.accounts.vault.load_mut()?;
        accrue_vault(&mut vault, key, now)?;
        let loss = from_native(amount);
        require!(loss <= vault.debt()?, VaultError::AmountExceedsDebt);
        let d = to_scaled_floor(amount, vault.borrow_index_sf.get())?;
        let total = sub(vault.scaled_debt_sf.get(), d)?;
        vault.scaled_debt_sf.set(total);
        let split = vault.write_off(loss)?;
        vault.invariant()?;
        emit!(LossWrittenOffEvent {
            vault: key,
            loss_sf: loss.to_bits(),
            tranche_sf: split.tranche.map(|x| x.to_bits()),
            fees_sf: split.fees.to_bits(),
            nav_after_sf: vault.navs().map(|x| x.to_bits()),
            ts: now,
        });
        Ok(())
    }
}
