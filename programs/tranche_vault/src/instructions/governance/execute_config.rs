//! `execute_config`: anyone may apply a proposal once its ETA has passed, within its execution window; a change
//! that loosens risk only once depositors could have left.

use crate::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;
use crate::events::ConfigExecutedEvent;
use crate::instructions::governance::propose_config::check_asset;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::state::{CollateralAsset, ConfigChange, Proposal, Vault};

#[derive(Accounts)]
pub struct ExecuteConfig<'info> {
    #[account(mut)]
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
    /// The collateral asset a collateral change is about (omit otherwise).
    #[account(mut, dup)]
    pub asset: Option<Box<Account<'info, CollateralAsset>>>,
}

/// The timelock's promise, for a change that [`ConfigChange::needs_exit_window`]: depositors who dislike it could
/// leave before it executes. So:
/// - redemption requests are open now and stayed open since the proposal (`RedemptionsPausedSinceProposal`);
/// - an epoch has closed at least one epoch after the proposal (`NoEpochClosedSinceProposal`): every request filed
///   during that epoch, the depositors' time to react, has been in a close (`close_epoch` is permissionless; the
///   delay is at least an epoch, so this only waits for the close).
fn check_exit_window(vault: &Vault, proposal: &Proposal) -> Result<()> {
    require!(
        vault.pause_flags & PAUSE_REDEMPTION_REQUESTS == 0
            && vault.redemptions_unpaused_ts <= proposal.created_ts,
        VaultError::RedemptionsPausedSinceProposal
    );
    require!(
        proposal.epoch_closed_since(vault)?,
        VaultError::NoEpochClosedSinceProposal
    );
    Ok(())
}

impl ExecuteConfig<'_> {
    /// 1. the proposal is valid (made under the current authority) and within its window: after the ETA, at
    ///    most `PROPOSAL_EXECUTION_WINDOW_SECS` after it; accrue (interest up to now runs on the old
    ///    parameters);
    /// 2. bounds again, against the parameters as they are now; the exit window (`check_exit_window`) unless the
    ///    change only tightens or names the guardian;
    /// 3. apply; close the proposal;
    /// 4. invariants; `ConfigExecutedEvent`.
    pub fn handler(ctx: Context<ExecuteConfig>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = ctx.accounts;
        let key = a.vault.key();
        let change = a.proposal.change.0;
        require!(now >= a.proposal.eta, VaultError::TimelockNotElapsed);
        let expiry = a
            .proposal
            .eta
            .checked_add(PROPOSAL_EXECUTION_WINDOW_SECS)
            .ok_or(VaultError::MathOverflow)?;
        require!(now <= expiry, VaultError::ProposalExpired);
        let mut vault = a.vault.load_mut()?;
        require!(
            a.proposal.proposal_id >= vault.first_valid_proposal_id,
            VaultError::ProposalVoided
        );
        accrue_vault(&mut vault, key, now)?;
        change.validate(&vault.params(), &vault.authority)?;
        check_asset(&change, a.asset.as_deref(), &key)?;
        let current_asset = a.asset.as_ref().map(|x| x.params());
        if change.needs_exit_window(&vault.params(), current_asset.as_ref()) {
            check_exit_window(&vault, &a.proposal)?;
        }
        match change {
            ConfigChange::Guardian { guardian } => vault.guardian = guardian.unwrap_or_default(),
            ConfigChange::QuoteOracle { oracle } => vault.quote_oracle = oracle,
            ConfigChange::Collateral { params, .. } => {
                let asset = a.asset.as_mut().ok_or(VaultError::ChangeNeedsAsset)?;
                asset.set_params(&params);
                asset.invariant()?;
            }
            _ => {
                let params = change.apply_to(vault.params())?;
                vault.set_params(&params);
            }
        }
        vault.invariant()?;
        emit!(ConfigExecutedEvent {
            vault: key,
            proposal: a.proposal.key(),
            proposal_id: a.proposal.proposal_id,
            change,
            ts: now,
        });
        Ok(())
    }
}
