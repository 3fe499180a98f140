//! `accrue`: permissionless refresh of a vault's interest and income waterfall.

use crate::prelude::*;

use crate::state::Vault;

#[derive(Accounts)]
pub struct Accrue<'info> {
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
}

impl Accrue<'_> {
    /// 1. accrue interest since the last accrual and split it through the income waterfall;
    /// 2. `Vault::invariant`;
    /// 3. `InterestAccruedEvent` when there was income.
    pub fn handler(ctx: Context<Accrue>) -> Result<()> {
        cu_mark!("accrue: entrypoint and accounts");
        let now = Clock::get()?.unix_timestamp;
        let key = ctx.accounts.vault.key();
        let mut vault = ctx.accounts.vault.load_mut()?;
        accrue_vault(&mut vault, key, now)?;
        vault.invariant()?;
        cu_mark!("accrue: invariant");
        Ok(())
    }
}

/// The accrual every vault instruction starts with: [`Vault::accrue`], then its event. Not inlined: eleven
/// instructions call it, and each carried a copy of the event's emission.
#[inline(never)]
pub(crate) fn accrue_vault(vault: &mut Vault, key: Pubkey, now: i64) -> Result<()> {
    let event = vault.accrue(key, now)?;
    cu_mark!("accrual: interest and waterfall");
    if let Some(event) = event {
        emit!(event);
        cu_mark!("accrual: event");
    }
    Ok(())
}
