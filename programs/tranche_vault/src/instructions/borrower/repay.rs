//! `repay`: pay back a position's debt. Anyone may repay any position; nothing (no pause, no cap, no oracle)
//! can block it.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::cpi;
use crate::errors::VaultError;
use crate::events::RepaidEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::fixed::sub;
use crate::math::interest::scaled_repaid;
use crate::state::{Position, Vault};

#[derive(Accounts)]
pub struct Repay<'info> {
    /// Pays the quote (the position's owner or anyone else).
    pub payer: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
    )]
    pub vault: AccountLoader<'info, Vault>,
    #[account(mut, dup, has_one = vault @ VaultError::WrongPosition)]
    pub position: Box<Account<'info, Position>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut, dup,
        constraint = payer_quote.mint == quote_mint.key() @ VaultError::WrongTokenMint,
        constraint = payer_quote.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub payer_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl Repay<'_> {
    /// 1. accrue;
    /// 2. 0 < amount ≤ debt (rounded up); repaying exactly the debt clears it, otherwise the scaled debt falls by
    ///    `amount / index` rounded down;
    /// 3. transfer the quote in; check the liquidity covers the books;
    /// 4. invariants; `RepaidEvent`.
    pub fn handler(ctx: Context<Repay>, amount: u64) -> Result<()> {
        require!(amount > 0, VaultError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let (removed, debt_after) = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            let index = vault.borrow_index_sf.get();
            let debt = a.position.debt_native(index)?;
            require!(amount <= debt, VaultError::RepayExceedsDebt);
            let scaled = a.position.scaled_debt();
            let removed = scaled_repaid(amount, debt, scaled, index)?;
            let total = sub(vault.scaled_debt_sf.get(), removed)?;
            vault.scaled_debt_sf.set(total);
            vault.credit_liquidity(amount)?;
            vault.invariant()?;
            let left = sub(scaled, removed)?;
            let debt_after =
                crate::math::fixed::to_native_ceil(crate::math::fixed::mul_floor(left, index)?)?;
            (removed, debt_after)
        };
        let a = ctx.accounts;
        a.position.scaled_debt_sf = sub(a.position.scaled_debt(), removed)?.to_bits();
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.payer_quote.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.payer.to_account_info(),
            None,
            amount,
            a.quote_mint.decimals,
        )?;
        a.liquidity.reload()?;
        require!(
            a.liquidity.amount >= a.vault.load()?.liquidity_native,
            VaultError::BalanceMismatch
        );
        a.position.invariant()?;
        emit!(RepaidEvent {
            vault: key,
            position: a.position.key(),
            payer: a.payer.key(),
            amount,
            debt_after,
            ts: now,
        });
        Ok(())
    }
}
