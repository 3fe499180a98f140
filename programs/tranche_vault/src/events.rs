//! Events, one per state change: `<Noun><Verb>Event`. Every numeric field states its unit.

use anchor_lang::prelude::*;

use crate::state::VaultParams;

#[event]
#[derive(Debug, PartialEq)]
pub struct VaultInitializedEvent {
    pub vault: Pubkey,
    /// Signer that created the vault (part of the vault PDA seeds).
    pub creator: Pubkey,
    pub authority: Pubkey,
    /// `Pubkey::default()` when there is no guardian.
    pub guardian: Pubkey,
    pub vault_id: u64,
    pub quote_mint: Pubkey,
    pub quote_token_program: Pubkey,
    /// Decimals of the quote mint, copied by the tranche mints.
    pub quote_decimals: u8,
    pub liquidity: Pubkey,
    /// Senior, mezzanine, junior.
    pub tranche_mints: [Pubkey; 3],
    pub params: VaultParams,
    /// Unix seconds.
    pub ts: i64,
}
