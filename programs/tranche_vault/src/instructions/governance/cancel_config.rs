//! `cancel_config`: the authority withdraws a pending proposal.

use crate::prelude::*;

use crate::errors::VaultError;
use crate::events::ConfigCancelledEvent;
use crate::state::{Proposal, Vault};

#[derive(Accounts)]
pub struct CancelConfig<'info> {
    pub authority: Signer<'info>,
    #[account(has_one = authority @ VaultError::NotAuthority)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(
        mut, dup,
        has_one = vault @ VaultError::WrongProposal,
        has_one = rent_payer @ VaultError::WrongProposal,
        close = rent_payer,
    )]
    pub proposal: Box<Account<'info, Proposal>>,
    /// CHECK: receives the proposal's rent; must be its recorded payer.
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl CancelConfig<'_> {
    pub fn handler(ctx: Context<CancelConfig>) -> Result<()> {
        let p = &ctx.accounts.proposal;
        emit!(ConfigCancelledEvent {
            vault: p.vault,
            proposal: p.key(),
            proposal_id: p.proposal_id,
            change: p.change.0,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
