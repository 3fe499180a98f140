//! `propose_config`: the authority proposes a parameter change; it can be executed once the timelock delay has
//! passed.

use crate::prelude::*;

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::ConfigProposedEvent;
use crate::state::{CollateralAsset, ConfigChange, ConfigChangeSpace, Proposal, Vault};

#[derive(Accounts)]
#[instruction(proposal_id: u64)]
pub struct ProposeConfig<'info> {
    /// Pays the proposal's rent, refunded when it closes.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The vault's authority (typically a multisig PDA signing by CPI).
    pub authority: Signer<'info>,
    #[account(mut, has_one = authority @ VaultError::NotAuthority)]
    pub vault: AccountLoader<'info, Vault>,
    /// CHECK: created by the handler (`cpi::create_program_account`, which a pre-funded address cannot block).
    /// `proposal_id` must be the vault's `next_proposal_id`: an argument, so that clients derive the address from
    /// the IDL's seeds.
    #[account(
        mut,
        seeds = [SEED_PROPOSAL, vault.key().as_ref(), &proposal_id.to_le_bytes()],
        bump,
    )]
    pub proposal: UncheckedAccount<'info>,
    /// The collateral asset a collateral change is about (omit otherwise).
    pub asset: Option<Box<Account<'info, CollateralAsset>>>,
    pub system_program: Program<'info, System>,
}

/// Checks that a change's collateral asset, if it needs one, is the given account and belongs to `vault`.
pub(crate) fn check_asset(
    change: &ConfigChange,
    asset: Option<&Account<CollateralAsset>>,
    vault: &Pubkey,
) -> Result<()> {
    if let Some(key) = change.asset() {
        let a = asset.ok_or(VaultError::ChangeNeedsAsset)?;
        require_keys_eq!(a.key(), key, VaultError::ChangeNeedsAsset);
        require_keys_eq!(a.vault, *vault, VaultError::ChangeNeedsAsset);
    }
    Ok(())
}

impl ProposeConfig<'_> {
    /// 1. `proposal_id` is the vault's next one; bounds of the change against the current parameters (checked
    ///    again at execution);
    /// 2. create the proposal with ETA = now + the current timelock delay;
    /// 3. `ConfigProposedEvent`.
    pub fn handler(
        ctx: Context<ProposeConfig>,
        proposal_id: u64,
        change: ConfigChange,
    ) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = ctx.accounts;
        let key = a.vault.key();
        let mut vault = a.vault.load_mut()?;
        require!(
            proposal_id == vault.next_proposal_id,
            VaultError::WrongProposalId
        );
        change.validate(&vault.params(), &vault.authority)?;
        check_asset(&change, a.asset.as_deref(), &key)?;
        let id = proposal_id;
        vault.next_proposal_id = id.checked_add(1).ok_or(VaultError::MathOverflow)?;
        let eta = now
            .checked_add(i64::from(vault.timelock_delay_secs))
            .ok_or(VaultError::MathOverflow)?;
        vault.invariant()?;
        let p = Proposal {
            vault: key,
            proposal_id: id,
            proposer: a.authority.key(),
            rent_payer: a.payer.key(),
            change: ConfigChangeSpace(change),
            eta,
            created_ts: now,
            bump: ctx.bumps.proposal,
        };
        cpi::create_program_account(
            &a.payer.to_account_info(),
            &a.proposal.to_account_info(),
            &a.system_program.to_account_info(),
            Proposal::SPACE,
            &[
                SEED_PROPOSAL,
                key.as_ref(),
                &id.to_le_bytes(),
                &[ctx.bumps.proposal],
            ],
            &p,
        )?;
        emit!(ConfigProposedEvent {
            vault: key,
            proposal: a.proposal.key(),
            proposal_id: id,
            change,
            eta,
            ts: now,
        });
        Ok(())
    }
}
