//! `deposit_collateral`: add collateral to a position.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::cpi;
use crate::errors::VaultError;
use crate::events::CollateralDepositedEvent;
use crate::state::{CollateralAsset, Position};

#[derive(Accounts)]
pub struct DepositCollateral<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, has_one = owner @ VaultError::WrongPosition)]
    pub position: Box<Account<'info, Position>>,
    #[account(
        mut, dup,
        constraint = asset.vault == position.vault @ VaultError::CollateralFromAnotherVault,
        has_one = custody @ VaultError::WrongCustody,
        has_one = mint @ VaultError::WrongTokenMint,
        has_one = token_program @ VaultError::WrongTokenProgram,
    )]
    pub asset: Box<Account<'info, CollateralAsset>>,
    #[account(mut, dup)]
    pub custody: Box<InterfaceAccount<'info, TokenAccount>>,
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The owner's tokens (the owner is its owner or delegate).
    #[account(
        mut, dup,
        constraint = owner_tokens.mint == mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_tokens.owner != position.vault @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_tokens: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl DepositCollateral<'_> {
    /// amount > 0, asset enabled, within the asset's cap, and a slot for it in the position.
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, VaultError::ZeroAmount);
        require!(self.asset.enabled, VaultError::CollateralDisabled);
        let total = self
            .asset
            .total_deposits
            .checked_add(amount)
            .ok_or(VaultError::MathOverflow)?;
        require!(
            total <= self.asset.deposit_cap,
            VaultError::CollateralCapExceeded
        );
        Ok(())
    }

    /// 1. validate (no accrual: the vault's books do not change);
    /// 2. transfer into the custody;
    /// 3. book the position and the asset total; check the custody covers the books;
    /// 4. invariants;
    /// 5. `CollateralDepositedEvent`.
    pub fn handler(ctx: Context<DepositCollateral>, amount: u64) -> Result<()> {
        ctx.accounts.validate(amount)?;
        let a = ctx.accounts;
        cpi::token_transfer(
            &a.token_program.to_account_info(),
            &a.owner_tokens.to_account_info(),
            &a.mint.to_account_info(),
            &a.custody.to_account_info(),
            &a.owner.to_account_info(),
            None,
            amount,
            a.mint.decimals,
        )?;
        let asset_key = a.asset.key();
        a.position.add_collateral(asset_key, amount)?;
        a.asset.total_deposits = a
            .asset
            .total_deposits
            .checked_add(amount)
            .ok_or(VaultError::MathOverflow)?;
        a.custody.reload()?;
        require!(
            a.custody.amount >= a.asset.total_deposits,
            VaultError::BalanceMismatch
        );
        a.position.invariant()?;
        a.asset.invariant()?;
        emit!(CollateralDepositedEvent {
            vault: a.position.vault,
            position: a.position.key(),
            asset: asset_key,
            amount,
            position_amount: a
                .position
                .find(&asset_key)
                .map_or(0, |i| a.position.entries[i].amount),
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
