//! `execute_config`: anyone may apply a proposal once its ETA has passed.

use anchor_lang::prelude::*;

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
        mut,
        has_one = vault @ VaultError::WrongProposal,
        has_one = rent_payer @ VaultError::WrongProposal,
        close = rent_payer,
    )]
    pub proposal: Box<Account<'info, Proposal>>,
    /// CHECK: receives the proposal's rent; must be its recorded payer.
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    /// The collateral asset a collateral change is about (omit otherwise).
    #[account(mut)]
    pub asset: Option<Box<Account<'info, CollateralAsset>>>,
}

impl ExecuteConfig<'_> {
    /// 1. the ETA has passed; accrue (interest up to now runs on the old parameters);
    /// 2. bounds again, against the parameters as they are now;
    /// 3. apply; close the proposal;
    /// 4. invariants; `ConfigExecutedEvent`.
    pub fn handler(ctx: Context<ExecuteConfig>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = ctx.accounts;
        let key = a.vault.key();
        let change = a.proposal.change.0;
        require!(now >= a.proposal.eta, VaultError::TimelockNotElapsed);
        let mut vault = a.vault.load_mut()?;
        accrue_vault(&mut vault, key, now)?;
        change.validate(&vault.params(), &vault.authority)?;
        check_asset(&change, a.asset.as_deref(), &key)?;
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
