//! Two-step authority transfer: `propose_authority` (the authority) then `accept_authority` (the new one).

use crate::prelude::*;

use crate::errors::VaultError;
use crate::events::{AuthorityAcceptedEvent, AuthorityProposedEvent};
use crate::state::Vault;

#[derive(Accounts)]
pub struct ProposeAuthority<'info> {
    pub authority: Signer<'info>,
    #[account(mut, has_one = authority @ VaultError::NotAuthority)]
    pub vault: AccountLoader<'info, Vault>,
}

impl ProposeAuthority<'_> {
    /// Records `new_authority` as pending (`Pubkey::default()` withdraws a pending transfer).
    pub fn handler(ctx: Context<ProposeAuthority>, new_authority: Pubkey) -> Result<()> {
        let mut vault = ctx.accounts.vault.load_mut()?;
        vault.pending_authority = new_authority;
        vault.invariant()?;
        emit!(AuthorityProposedEvent {
            vault: ctx.accounts.vault.key(),
            authority: vault.authority,
            pending_authority: new_authority,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}

#[derive(Accounts)]
pub struct AcceptAuthority<'info> {
    /// The pending authority.
    pub new_authority: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
}

impl AcceptAuthority<'_> {
    /// Makes the signer the authority, and voids every pending proposal (`execute_config` refuses them).
    pub fn handler(ctx: Context<AcceptAuthority>) -> Result<()> {
        let signer = ctx.accounts.new_authority.key();
        let mut vault = ctx.accounts.vault.load_mut()?;
        require!(
            vault.pending_authority != Pubkey::default(),
            VaultError::NoPendingAuthority
        );
        require_keys_eq!(
            signer,
            vault.pending_authority,
            VaultError::NotPendingAuthority
        );
        let old = vault.authority;
        vault.authority = signer;
        vault.pending_authority = Pubkey::default();
        // The new authority inherits no pending proposal of the old one.
        vault.first_valid_proposal_id = vault.next_proposal_id;
        vault.invariant()?;
        emit!(AuthorityAcceptedEvent {
            vault: ctx.accounts.vault.key(),
            old_authority: old,
            new_authority: signer,
            first_valid_proposal_id: vault.first_valid_proposal_id,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
