//! `borrow`: lend quote liquidity to a position against its collateral.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::BorrowedEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::instructions::pricing::{price_position, Pricing};
use crate::math::fixed::{add, mul_floor, to_native_ceil};
use crate::math::interest::to_scaled_ceil;
use crate::state::{Position, Vault};

#[derive(Accounts)]
pub struct Borrow<'info> {
    pub owner: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
    )]
    pub vault: AccountLoader<'info, Vault>,
    #[account(
        mut, dup,
        has_one = owner @ VaultError::WrongPosition,
        has_one = vault @ VaultError::WrongPosition,
    )]
    pub position: Box<Account<'info, Position>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Receives the loan; any account of the quote mint that the vault does not own.
    #[account(
        mut, dup,
        constraint = owner_quote.mint == quote_mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_quote.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: checked against the vault's quote oracle setting.
    pub quote_oracle: UncheckedAccount<'info>,
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
    // remaining accounts: (collateral asset, oracle) for each active entry of the position, in slot order.
}

impl Borrow<'_> {
    /// 1. accrue;
    /// 2. checks: amount > 0, not paused, within free liquidity less what the redemption queue is owed
    ///    (`Vault::borrowable_liquidity`), the total debt ceiling and the utilization cap;
    /// 3. price the position with the new debt and require debt ≤ borrowing power (max LTV);
    /// 4. book the scaled debt (rounded up) and the liquidity;
    /// 5. transfer the loan out (signed by the vault);
    /// 6. invariants; `BorrowedEvent`.
    pub fn handler<'info>(ctx: Context<'info, Borrow<'info>>, amount: u64) -> Result<()> {
        cu_mark!("borrow: entrypoint and accounts");
        require!(amount > 0, VaultError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let (signer, added, debt_after) = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            require!(
                vault.pause_flags & PAUSE_BORROWS == 0,
                VaultError::BorrowsPaused
            );
            let free = vault.free_liquidity()?;
            require!(
                amount <= vault.borrowable_liquidity()?,
                VaultError::InsufficientLiquidity
            );
            let total_debt = to_native_ceil(vault.debt()?)?
                .checked_add(amount)
                .ok_or(VaultError::MathOverflow)?;
            require!(
                total_debt <= MAX_BORROW_DEBT_NATIVE,
                VaultError::DebtCeilingReached
            );
            // Utilization after the borrow, in bps, rounded up (the cap is never exceeded by rounding).
            let total = total_debt
                .checked_add(free.saturating_sub(amount))
                .ok_or(VaultError::MathOverflow)?;
            let u_bps = (u128::from(total_debt) * u128::from(BPS)).div_ceil(u128::from(total));
            require!(
                u_bps <= u128::from(vault.max_utilization_bps),
                VaultError::UtilizationCapExceeded
            );
            let index = vault.borrow_index_sf.get();
            let added = to_scaled_ceil(amount, index)?;
            let scaled_after = add(a.position.scaled_debt(), added)?;
            let debt_after = to_native_ceil(mul_floor(scaled_after, index)?)?;
            let priced = price_position(
                &vault,
                &key,
                &a.position,
                debt_after,
                ctx.remaining_accounts,
                &a.quote_oracle,
                now,
                Pricing::Strict,
                |_, current| current,
            )?;
            require!(priced.health.within_ltv(), VaultError::LtvExceeded);
            let total = add(vault.scaled_debt_sf.get(), added)?;
            vault.scaled_debt_sf.set(total);
            vault.debit_liquidity(amount)?;
            vault.invariant()?;
            cu_mark!("borrow: books and invariant");
            (vault.signer(), added, debt_after)
        };
        let a = ctx.accounts;
        a.position.scaled_debt_sf = add(a.position.scaled_debt(), added)?.to_bits();
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.owner_quote.to_account_info(),
            &a.vault.to_account_info(),
            Some(&signer),
            amount,
            a.quote_mint.decimals,
        )?;
        cu_mark!("borrow: transfer out (CPI)");
        a.position.invariant()?;
        emit!(BorrowedEvent {
            vault: key,
            position: a.position.key(),
            owner: a.owner.key(),
            amount,
            debt_after,
            ts: now,
        });
        Ok(())
    }
}
