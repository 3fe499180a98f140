//! `lower_cap`: the guardian or the authority lowers a deposit cap at once (raising one goes through the
//! timelock).

use crate::prelude::*;

use crate::errors::VaultError;
use crate::events::CapLoweredEvent;
use crate::state::{CollateralAsset, Tranche, Vault};

/// Which cap.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapTarget {
    /// A tranche's deposit cap (native quote units of NAV).
    Tranche(Tranche),
    /// The `asset` account's collateral deposit cap (native units of its mint).
    Collateral,
}

#[derive(Accounts)]
pub struct LowerCap<'info> {
    /// The guardian or the authority.
    pub signer: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
    /// The collateral asset, for `CapTarget::Collateral`.
    #[account(mut, dup, has_one = vault @ VaultError::CollateralFromAnotherVault)]
    pub asset: Option<Box<Account<'info, CollateralAsset>>>,
}

impl LowerCap<'_> {
    pub fn handler(ctx: Context<LowerCap>, target: CapTarget, cap: u64) -> Result<()> {
        let a = ctx.accounts;
        let signer = a.signer.key();
        let key = a.vault.key();
        let mut vault = a.vault.load_mut()?;
        require!(
            vault.is_guardian_or_authority(&signer),
            VaultError::NotGuardianOrAuthority
        );
        let old = match target {
            CapTarget::Tranche(t) => {
                let state = vault.tranche_mut(t);
                let old = state.deposit_cap;
                require!(cap < old, VaultError::CapNotLowered);
                state.deposit_cap = cap;
                old
            }
            CapTarget::Collateral => {
                let asset = a.asset.as_mut().ok_or(VaultError::ChangeNeedsAsset)?;
                let old = asset.deposit_cap;
                require!(cap < old, VaultError::CapNotLowered);
                asset.deposit_cap = cap;
                asset.invariant()?;
                old
            }
        };
        vault.invariant()?;
        emit!(CapLoweredEvent {
            vault: key,
            by: signer,
            target,
            asset: a.asset.as_ref().map(|x| x.key()).unwrap_or_default(),
            old_cap: old,
            new_cap: cap,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
