//! `claim_redeem`: receive the quote for the filled part of a redemption request.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::RedemptionClaimedEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::fixed::{from_native, sub};
use crate::math::queue::{settle, Settled};
use crate::state::{GenerationRecord, RedemptionRequest, Tranche, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimRedeemArgs {
    /// 0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds).
    pub tranche: u8,
}

#[derive(Accounts)]
#[instruction(args: ClaimRedeemArgs)]
pub struct ClaimRedeem<'info> {
    /// The request's owner; receives the request's rent if it closes.
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
        constraint = Tranche::from_index(args.tranche).is_ok() @ VaultError::InvalidTranche,
    )]
    pub vault: AccountLoader<'info, Vault>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Receives the payout; any account of the quote mint that the vault does not own.
    #[account(
        mut, dup,
        constraint = owner_quote.mint == quote_mint.key() @ VaultError::WrongTokenMint,
        constraint = owner_quote.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub owner_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut, dup,
        seeds = [SEED_REDEMPTION, vault.key().as_ref(), owner.key().as_ref(), &args.tranche.to_le_bytes()],
        bump = request.bump,
        has_one = owner @ VaultError::WrongRedemptionRequest,
        has_one = vault @ VaultError::WrongRedemptionRequest,
    )]
    pub request: Box<Account<'info, RedemptionRequest>>,
    /// Needed only when the request's generation has ended: that generation's record.
    #[account(
        seeds = [SEED_GENERATION, vault.key().as_ref(), &args.tranche.to_le_bytes(), &request.generation.to_le_bytes()],
        bump = generation_record.bump,
    )]
    pub generation_record: Option<Box<Account<'info, GenerationRecord>>>,
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl ClaimRedeem<'_> {
    /// Settles the request against the current accumulators, through its generation's record if that ended.
    /// Something must change: a payout to make, or a generation crossed.
    fn validate(&self, vault: &Vault, args: &ClaimRedeemArgs) -> Result<Settled> {
        let acc = vault
            .tranche(Tranche::from_index(args.tranche)?)
            .accumulator();
        let snap = self.request.snapshot();
        let end = self.generation_record.as_ref().map(|r| r.end());
        let settled = settle(&snap, &acc, end.as_ref())?;
        let crossed = settled.snapshot.generation != snap.generation;
        require!(
            self.request.claimable_native > 0 || settled.payout > 0 || crossed,
            VaultError::NothingToClaim
        );
        Ok(settled)
    }

    /// 1. accrue;
    /// 2. settle the request (`math::queue::settle`, payouts rounded down);
    /// 3. pay everything settled from the liquidity;
    /// 4. book the reserved payouts and the liquidity; close the request when it is empty;
    /// 5. invariants;
    /// 6. `RedemptionClaimedEvent`.
    pub fn handler(ctx: Context<ClaimRedeem>, args: ClaimRedeemArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let key = ctx.accounts.vault.key();
        let (settled, signer) = {
            let mut vault = ctx.accounts.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            (ctx.accounts.validate(&vault, &args)?, vault.signer())
        };
        let amount = ctx
            .accounts
            .request
            .claimable_native
            .checked_add(settled.payout)
            .ok_or(VaultError::MathOverflow)?;

        let a = &ctx.accounts;
        if amount > 0 {
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
        }

        let a = ctx.accounts;
        let mut vault = a.vault.load_mut()?;
        let reserved = sub(vault.reserved_payout_sf.get(), from_native(amount))?;
        vault.reserved_payout_sf.set(reserved);
        vault.debit_liquidity(amount)?;
        vault.invariant()?;
        let req = &mut a.request;
        req.set_snapshot(&settled.snapshot);
        req.claimable_native = 0;
        req.updated_ts = now;
        req.invariant()?;
        let closed = req.is_empty();
        if closed {
            req.close(a.owner.to_account_info())?;
        }

        emit!(RedemptionClaimedEvent {
            vault: key,
            tranche: args.tranche,
            owner: a.owner.key(),
            amount,
            remaining_shares: settled.snapshot.shares,
            closed,
            ts: now,
        });
        Ok(())
    }
}
