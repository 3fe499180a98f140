//! `cancel_redeem`: take back the shares of a request that are still unfilled.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::RedemptionCancelledEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::queue::Settled;
use crate::state::{RedemptionRequest, Tranche, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CancelRedeemArgs {
    /// 0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds).
    pub tranche: u8,
}

#[derive(Accounts)]
#[instruction(args: CancelRedeemArgs)]
pub struct CancelRedeem<'info> {
    /// The request's owner; receives the request's rent if it closes.
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(address = vault.load()?.tranche(Tranche::from_index(args.tranche)?).mint @ VaultError::WrongTrancheMint)]
    pub tranche_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup, address = vault.load()?.tranche(Tranche::from_index(args.tranche)?).escrow @ VaultError::WrongEscrow)]
    pub escrow: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Receives the unfilled shares; any account of the tranche mint that the vault does not own.
    #[account(
        mut, dup,
        constraint = owner_shares.mint == tranche_mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_shares.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_shares: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut, dup,
        seeds = [SEED_REDEMPTION, vault.key().as_ref(), owner.key().as_ref(), &args.tranche.to_le_bytes()],
        bump = request.bump,
        has_one = owner @ VaultError::WrongRedemptionRequest,
        has_one = vault @ VaultError::WrongRedemptionRequest,
    )]
    pub request: Box<Account<'info, RedemptionRequest>>,
    /// Token-2022: the tranche mints' program.
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
}

impl CancelRedeem<'_> {
    /// Business rules: the request is in the current generation (else `claim_redeem` first) and still has
    /// queued shares. Returns it brought up to date.
    fn validate(&self, vault: &Vault, args: &CancelRedeemArgs) -> Result<Settled> {
        let settled = self.request.settle_current(
            &vault
                .tranche(Tranche::from_index(args.tranche)?)
                .accumulator(),
        )?;
        require!(settled.snapshot.shares > 0, VaultError::NothingToCancel);
        Ok(settled)
    }

    /// 1. accrue;
    /// 2. validate and settle the request (what is filled stays claimable);
    /// 3. return the unfilled shares from the escrow;
    /// 4. book the request (no shares queued) and the tranche's queued total; close the request if it has
    ///    nothing left to claim;
    /// 5. invariants;
    /// 6. `RedemptionCancelledEvent`.
    pub fn handler(ctx: Context<CancelRedeem>, args: CancelRedeemArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let key = ctx.accounts.vault.key();
        let (settled, signer) = {
            let mut vault = ctx.accounts.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            (ctx.accounts.validate(&vault, &args)?, vault.signer())
        };
        let shares = settled.snapshot.shares;

        let a = &ctx.accounts;
        cpi::token_transfer(
            &a.tranche_token_program.to_account_info(),
            &a.escrow.to_account_info(),
            &a.tranche_mint.to_account_info(),
            &a.owner_shares.to_account_info(),
            &a.vault.to_account_info(),
            Some(&signer),
            shares,
            a.tranche_mint.decimals,
        )?;

        let a = ctx.accounts;
        let mut vault = a.vault.load_mut()?;
        let t = vault.tranche_mut(Tranche::from_index(args.tranche)?);
        t.queued_shares = t
            .queued_shares
            .checked_sub(shares)
            .ok_or(VaultError::MathOverflow)?;
        let tranche_queued = t.queued_shares;
        let req = &mut a.request;
        let mut snap = settled.snapshot;
        snap.shares = 0;
        req.set_snapshot(&snap);
        req.claimable_native = req
            .claimable_native
            .checked_add(settled.payout)
            .ok_or(VaultError::MathOverflow)?;
        req.updated_ts = now;
        req.invariant()?;
        vault.invariant()?;
        let claimable = req.claimable_native;
        if req.is_empty() {
            req.close(a.owner.to_account_info())?;
        }

        emit!(RedemptionCancelledEvent {
            vault: key,
            tranche: args.tranche,
            owner: a.owner.key(),
            shares,
            tranche_queued_shares: tranche_queued,
            claimable,
            ts: now,
        });
        Ok(())
    }
}
