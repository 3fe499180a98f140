//! `withdraw_collateral`: take collateral out of a position, keeping its debt within max LTV.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::cpi;
use crate::errors::VaultError;
use crate::events::CollateralWithdrawnEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::instructions::pricing::{price_position, Pricing};
use crate::state::{CollateralAsset, Position, Vault};

#[derive(Accounts)]
pub struct WithdrawCollateral<'info> {
    pub owner: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(
        mut, dup,
        has_one = owner @ VaultError::WrongPosition,
        has_one = vault @ VaultError::WrongPosition,
    )]
    pub position: Box<Account<'info, Position>>,
    #[account(
        mut, dup,
        has_one = vault @ VaultError::CollateralFromAnotherVault,
        has_one = custody @ VaultError::WrongCustody,
        has_one = mint @ VaultError::WrongTokenMint,
        has_one = token_program @ VaultError::WrongTokenProgram,
    )]
    pub asset: Box<Account<'info, CollateralAsset>>,
    #[account(mut, dup)]
    pub custody: Box<InterfaceAccount<'info, TokenAccount>>,
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// Receives the collateral; any account of the mint that the vault does not own.
    #[account(
        mut, dup,
        constraint = owner_tokens.mint == mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_tokens.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_tokens: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: checked against the vault's quote oracle setting when the position has debt.
    pub quote_oracle: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    // remaining accounts: (collateral asset, oracle) for each active entry of the position, in slot order;
    // none when the position has no debt.
}

impl WithdrawCollateral<'_> {
    /// 1. accrue;
    /// 2. with debt: price the position as it will be and require debt ≤ borrowing power (max LTV);
    /// 3. book the position and the asset;
    /// 4. transfer out of the custody (signed by the vault);
    /// 5. invariants;
    /// 6. `CollateralWithdrawnEvent`.
    pub fn handler<'info>(
        ctx: Context<'info, WithdrawCollateral<'info>>,
        amount: u64,
    ) -> Result<()> {
        require!(amount > 0, VaultError::ZeroAmount);
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let asset_key = a.asset.key();
        let held = a
            .position
            .find(&asset_key)
            .map_or(0, |i| a.position.entries[i].amount);
        require!(held >= amount, VaultError::InsufficientCollateral);
        let signer = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            let debt = a.position.debt_native(vault.borrow_index_sf.get())?;
            if debt > 0 {
                let priced = price_position(
                    &vault,
                    &key,
                    &a.position,
                    debt,
                    ctx.remaining_accounts,
                    &a.quote_oracle,
                    now,
                    Pricing::Strict,
                    |asset, current| {
                        if *asset == asset_key {
                            current.saturating_sub(amount)
                        } else {
                            current
                        }
                    },
                )?;
                require!(priced.health.within_ltv(), VaultError::LtvExceeded);
            }
            vault.invariant()?;
            vault.signer()
        };
        let a = ctx.accounts;
        a.position.remove_collateral(&asset_key, amount)?;
        a.asset.total_deposits = a
            .asset
            .total_deposits
            .checked_sub(amount)
            .ok_or(VaultError::MathOverflow)?;
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.custody.to_account_info(),
            &a.mint.to_account_info(),
            &a.owner_tokens.to_account_info(),
            &a.vault.to_account_info(),
            Some(&signer),
            amount,
            a.mint.decimals,
        )?;
        a.position.invariant()?;
        a.asset.invariant()?;
        emit!(CollateralWithdrawnEvent {
            vault: key,
            position: a.position.key(),
            asset: asset_key,
            amount,
            position_amount: held - amount,
            ts: now,
        });
        Ok(())
    }
}
