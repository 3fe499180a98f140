//! `request_redeem`: escrow tranche tokens into the epoch redemption queue.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::RedemptionRequestedEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::queue::Settled;
use crate::state::{RedemptionRequest, Tranche, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestRedeemArgs {
    /// 0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds).
    pub tranche: u8,
    /// Tranche tokens to queue, native units.
    pub shares: u64,
}

#[derive(Accounts)]
#[instruction(args: RequestRedeemArgs)]
pub struct RequestRedeem<'info> {
    /// Holder of the shares; pays the request account's rent (returned when it closes).
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(address = vault.load()?.tranche(Tranche::from_index(args.tranche)?).mint @ VaultError::WrongTrancheMint)]
    pub tranche_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup, address = vault.load()?.tranche(Tranche::from_index(args.tranche)?).escrow @ VaultError::WrongEscrow)]
    pub escrow: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The owner's tranche tokens (the owner is its owner or delegate).
    #[account(
        mut, dup,
        constraint = owner_shares.mint == tranche_mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_shares.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_shares: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the owner's request in this tranche: read if it exists, else created by the handler
    /// (`cpi::create_program_account`, which a pre-funded address cannot block).
    #[account(
        mut,
        seeds = [SEED_REDEMPTION, vault.key().as_ref(), owner.key().as_ref(), &args.tranche.to_le_bytes()],
        bump,
    )]
    pub request: UncheckedAccount<'info>,
    /// Token-2022: the tranche mints' program.
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl RequestRedeem<'_> {
    /// The owner's request as it stands: the account if it exists, else a new, empty one.
    fn load_request(&self) -> Result<RedemptionRequest> {
        let info = self.request.to_account_info();
        if *info.owner == crate::ID {
            return RedemptionRequest::try_deserialize(&mut &info.try_borrow_data()?[..]);
        }
        Ok(RedemptionRequest::default())
    }

    /// Business rules: shares > 0, requests not paused, and a request left in an ended generation is settled
    /// first (`claim_redeem`). Returns the request brought up to date.
    fn validate(
        &self,
        vault: &Vault,
        request: &RedemptionRequest,
        args: &RequestRedeemArgs,
    ) -> Result<Settled> {
        require!(args.shares > 0, VaultError::ZeroAmount);
        require!(
            vault.pause_flags & PAUSE_REDEMPTION_REQUESTS == 0,
            VaultError::RedemptionRequestsPaused
        );
        request.settle_current(
            &vault
                .tranche(Tranche::from_index(args.tranche)?)
                .accumulator(),
        )
    }

    /// 1. accrue;
    /// 2. validate, and settle what earlier epochs filled of this request (`math::queue::settle`);
    /// 3. transfer the shares into the tranche's escrow;
    /// 4. book the request (snapshot at the current accumulators; the account created on the first request) and
    ///    the tranche's queued total;
    /// 5. invariants of the vault and the request;
    /// 6. `RedemptionRequestedEvent`.
    pub fn handler(ctx: Context<RequestRedeem>, args: RequestRedeemArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let key = ctx.accounts.vault.key();
        let mut req = ctx.accounts.load_request()?;
        let created = req.vault == Pubkey::default();
        let settled = {
            let mut vault = ctx.accounts.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            ctx.accounts.validate(&vault, &req, &args)?
        };

        let a = &ctx.accounts;
        cpi::token_transfer(
            &a.tranche_token_program.to_account_info(),
            &a.owner_shares.to_account_info(),
            &a.tranche_mint.to_account_info(),
            &a.escrow.to_account_info(),
            &a.owner.to_account_info(),
            None,
            args.shares,
            a.tranche_mint.decimals,
        )?;

        let a = ctx.accounts;
        let mut vault = a.vault.load_mut()?;
        let t = vault.tranche_mut(Tranche::from_index(args.tranche)?);
        t.queued_shares = t
            .queued_shares
            .checked_add(args.shares)
            .ok_or(VaultError::MathOverflow)?;
        let tranche_queued = t.queued_shares;
        let mut snap = settled.snapshot;
        snap.shares = snap
            .shares
            .checked_add(args.shares)
            .ok_or(VaultError::MathOverflow)?;
        req.vault = key;
        req.owner = a.owner.key();
        req.tranche = args.tranche;
        req.bump = ctx.bumps.request;
        req.set_snapshot(&snap);
        req.claimable_native = req
            .claimable_native
            .checked_add(settled.payout)
            .ok_or(VaultError::MathOverflow)?;
        req.updated_ts = now;
        req.invariant()?;
        vault.invariant()?;
        let request = a.request.to_account_info();
        if created {
            let owner = req.owner;
            cpi::create_program_account(
                &a.owner.to_account_info(),
                &request,
                &a.system_program.to_account_info(),
                RedemptionRequest::SPACE,
                &[
                    SEED_REDEMPTION,
                    key.as_ref(),
                    owner.as_ref(),
                    &args.tranche.to_le_bytes(),
                    &[ctx.bumps.request],
                ],
                &req,
            )?;
        } else {
            cpi::write_account(&request, &req)?;
        }

        emit!(RedemptionRequestedEvent {
            vault: key,
            tranche: req.tranche,
            owner: req.owner,
            shares: args.shares,
            request_shares: snap.shares,
            tranche_queued_shares: tranche_queued,
            epoch_index: vault.epoch_index,
            ts: now,
        });
        Ok(())
    }
}
