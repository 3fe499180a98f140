//! `set_pause`: the guardian or the authority pauses deposits, borrows or redemption requests at once; only the
//! authority unpauses. Repay and liquidate have no pause.

use crate::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;
use crate::events::PauseChangedEvent;
use crate::state::Vault;

#[derive(Accounts)]
pub struct SetPause<'info> {
    /// The guardian or the authority.
    pub signer: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
}

impl SetPause<'_> {
    /// `flags` replaces the pause flags: any known bit may be set by either role; clearing one takes the
    /// authority. Unpausing redemption requests records the time, for `execute_config`'s exit window.
    pub fn handler(ctx: Context<SetPause>, flags: u32) -> Result<()> {
        require!(flags & !PAUSE_ALL == 0, VaultError::InvalidPauseFlags);
        let signer = ctx.accounts.signer.key();
        let mut vault = ctx.accounts.vault.load_mut()?;
        let is_authority = signer == vault.authority;
        require!(
            vault.is_guardian_or_authority(&signer),
            VaultError::NotGuardianOrAuthority
        );
        let old = vault.pause_flags;
        require!(
            is_authority || old & !flags == 0,
            VaultError::UnpauseNeedsAuthority
        );
        let now = Clock::get()?.unix_timestamp;
        vault.pause_flags = flags;
        if old & PAUSE_REDEMPTION_REQUESTS != 0 && flags & PAUSE_REDEMPTION_REQUESTS == 0 {
            // Proposals made before this cannot loosen risk (`execute_config`): depositors could not leave.
            vault.redemptions_unpaused_ts = now;
        }
        vault.invariant()?;
        emit!(PauseChangedEvent {
            vault: ctx.accounts.vault.key(),
            by: signer,
            old_flags: old,
            new_flags: flags,
            ts: now,
        });
        Ok(())
    }
}
