//! Events, one per state change: `<Noun><Verb>Event`. Every numeric field states its unit.

use crate::prelude::*;

use crate::cpi::TokenMetadataArgs;
use crate::oracle::OracleSetting;
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
    /// Redemption escrows (tranche token accounts owned by the vault): senior, mezzanine, junior.
    pub escrows: [Pubkey; 3],
    pub params: VaultParams,
    pub quote_oracle: OracleSetting,
    /// Unix seconds.
    pub ts: i64,
}

/// `initialize_tranche`: a tranche mint and its redemption escrow, created before their vault.
#[event]
#[derive(Debug, PartialEq)]
pub struct TrancheInitializedEvent {
    /// The vault's address (not created yet: `initialize_vault` follows).
    pub vault: Pubkey,
    /// 0 senior, 1 mezzanine, 2 junior.
    pub tranche: u8,
    pub mint: Pubkey,
    pub escrow: Pubkey,
    /// The quote mint's, copied.
    pub decimals: u8,
    /// The mint's name, symbol and URI (its token metadata).
    pub metadata: TokenMetadataArgs,
    /// Unix seconds.
    pub ts: i64,
}

/// Interest accrued and split through the income waterfall. Amounts are native quote units as fixed point
/// (`_sf`: raw bits of a U68F60, divide by 2^60); tranche arrays are senior, mezzanine, junior.
#[event]
#[derive(Debug, PartialEq)]
pub struct InterestAccruedEvent {
    pub vault: Pubkey,
    /// Seconds since the previous accrual.
    pub dt_secs: u64,
    /// Utilization before the accrual, a fraction (fixed point).
    pub utilization_sf: u128,
    /// Annual borrow rate applied, a fraction per year (fixed point).
    pub borrow_rate_sf: u128,
    /// Borrow index after the accrual (fixed point, 1.0 at creation).
    pub borrow_index_sf: u128,
    /// Interest income: growth of the debt (fixed point, native units).
    pub income_sf: u128,
    /// Protocol fee taken off the top (fixed point, native units).
    pub fee_sf: u128,
    /// NAV added to each tranche, recoveries included (fixed point, native units).
    pub to_tranche_sf: [u128; 3],
    /// Part of `to_tranche_sf` that restored a write-down (fixed point, native units).
    pub recovered_sf: [u128; 3],
    /// Tranche NAVs after the accrual (fixed point, native units).
    pub nav_after_sf: [u128; 3],
    /// Unix seconds.
    pub ts: i64,
}

/// A deposit into a tranche.
#[event]
#[derive(Debug, PartialEq)]
pub struct DepositEvent {
    pub vault: Pubkey,
    /// 0 senior, 1 mezzanine, 2 junior.
    pub tranche: u8,
    pub depositor: Pubkey,
    /// Quote paid in, native units.
    pub amount: u64,
    /// Tranche tokens minted, native units.
    pub shares: u64,
    /// Dead shares locked by this deposit (first deposit only), native units.
    pub dead_shares: u64,
    /// Tranche NAV after the deposit (fixed point, native quote units).
    pub nav_after_sf: u128,
    /// Tranche token supply after the deposit, native units (dead shares excluded).
    pub supply_after: u64,
    /// Unix seconds.
    pub ts: i64,
}

/// Shares escrowed into the redemption queue.
#[event]
#[derive(Debug, PartialEq)]
pub struct RedemptionRequestedEvent {
    pub vault: Pubkey,
    pub tranche: u8,
    pub owner: Pubkey,
    /// Shares added to the queue by this request, native units.
    pub shares: u64,
    /// The owner's queued shares after it, native units.
    pub request_shares: u64,
    /// The tranche's queued shares after it, native units.
    pub tranche_queued_shares: u64,
    /// Epoch the shares will first be considered in.
    pub epoch_index: u64,
    /// Unix seconds.
    pub ts: i64,
}

/// Unfilled shares returned from the queue.
#[event]
#[derive(Debug, PartialEq)]
pub struct RedemptionCancelledEvent {
    pub vault: Pubkey,
    pub tranche: u8,
    pub owner: Pubkey,
    /// Shares returned to the owner, native units.
    pub shares: u64,
    /// The tranche's queued shares after it, native units.
    pub tranche_queued_shares: u64,
    /// Filled payout still claimable by the owner, native quote units.
    pub claimable: u64,
    /// Unix seconds.
    pub ts: i64,
}

/// One tranche's fill in an epoch close.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrancheFill {
    /// Shares queued before the fill, native units.
    pub queued_before: u64,
    /// Shares filled (and burned), native units.
    pub filled: u64,
    /// Payout reserved for the filled shares (fixed point, native quote units).
    pub payout_sf: u128,
    /// Most NAV the subordination limits let this tranche's redemptions take (fixed point, native units).
    pub subordination_cap_sf: u128,
    /// Tranche NAV after the fill (fixed point, native quote units).
    pub nav_after_sf: u128,
    /// Queue generation after the fill (it advances when the fill empties the queue).
    pub generation_after: u64,
}

/// An epoch closed: queued redemptions filled senior first, pro rata within each tranche.
#[event]
#[derive(Debug, PartialEq)]
pub struct EpochClosedEvent {
    pub vault: Pubkey,
    /// The epoch that closed; the next one is `epoch_index + 1`.
    pub epoch_index: u64,
    /// Senior, mezzanine, junior.
    pub fills: [TrancheFill; 3],
    /// Free liquidity before the fills, native quote units.
    pub free_liquidity_before: u64,
    /// Total payouts reserved after the fills (fixed point, native quote units).
    pub reserved_payout_after_sf: u128,
    /// Unix seconds; also the start of the next epoch.
    pub ts: i64,
}

/// A filled payout paid to the request owner.
#[event]
#[derive(Debug, PartialEq)]
pub struct RedemptionClaimedEvent {
    pub vault: Pubkey,
    pub tranche: u8,
    pub owner: Pubkey,
    /// Quote paid, native units.
    pub amount: u64,
    /// Shares still queued for the owner, native units.
    pub remaining_shares: u64,
    /// Whether the request account was closed (nothing queued, nothing left to claim).
    pub closed: bool,
    /// Unix seconds.
    pub ts: i64,
}

/// A collateral asset whitelisted by the authority.
#[event]
#[derive(Debug, PartialEq)]
pub struct CollateralAssetAddedEvent {
    pub vault: Pubkey,
    pub asset: Pubkey,
    pub mint: Pubkey,
    pub custody: Pubkey,
    pub decimals: u8,
    /// Oracle and risk parameters (bps; deposit cap in native units of the mint).
    pub params: crate::state::CollateralParams,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct PositionOpenedEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub owner: Pubkey,
    pub position_id: u64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct CollateralDepositedEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub asset: Pubkey,
    /// Native units of the asset's mint.
    pub amount: u64,
    /// The position's holding of the asset afterwards, native units.
    pub position_amount: u64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct CollateralWithdrawnEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub asset: Pubkey,
    /// Native units of the asset's mint.
    pub amount: u64,
    /// The position's holding of the asset afterwards, native units.
    pub position_amount: u64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct BorrowedEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub owner: Pubkey,
    /// Quote lent, native units.
    pub amount: u64,
    /// The position's debt afterwards, native quote units, rounded up.
    pub debt_after: u64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct RepaidEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub payer: Pubkey,
    /// Quote repaid, native units.
    pub amount: u64,
    /// The position's debt afterwards, native quote units, rounded up.
    pub debt_after: u64,
    /// Unix seconds.
    pub ts: i64,
}

/// A liquidation, with any bad debt it wrote off through the loss waterfall.
#[event]
#[derive(Debug, PartialEq)]
pub struct PositionLiquidatedEvent {
    pub vault: Pubkey,
    pub position: Pubkey,
    pub liquidator: Pubkey,
    /// The collateral asset seized.
    pub asset: Pubkey,
    /// Health before, bps of 1.0 (liquidation power / debt value).
    pub health_bps_before: u64,
    /// Quote repaid by the liquidator, native units.
    pub repaid: u64,
    /// Collateral received by the liquidator, native units of the asset's mint.
    pub seized: u64,
    /// Debt written off because no collateral was left (fixed point, native quote units).
    pub bad_debt_sf: u128,
    /// Written down from each tranche, senior, mezzanine, junior (fixed point, native quote units).
    pub written_down_sf: [u128; 3],
    /// Written down from accrued protocol fees (fixed point, native quote units).
    pub fees_written_down_sf: u128,
    /// Tranche NAVs afterwards (fixed point, native quote units).
    pub nav_after_sf: [u128; 3],
    /// Unix seconds.
    pub ts: i64,
}

/// A timelocked change proposed.
#[event]
#[derive(Debug, PartialEq)]
pub struct ConfigProposedEvent {
    pub vault: Pubkey,
    pub proposal: Pubkey,
    pub proposal_id: u64,
    pub change: crate::state::ConfigChange,
    /// Unix seconds from which `execute_config` may apply it.
    pub eta: i64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct ConfigExecutedEvent {
    pub vault: Pubkey,
    pub proposal: Pubkey,
    pub proposal_id: u64,
    pub change: crate::state::ConfigChange,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct ConfigCancelledEvent {
    pub vault: Pubkey,
    pub proposal: Pubkey,
    pub proposal_id: u64,
    pub change: crate::state::ConfigChange,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct PauseChangedEvent {
    pub vault: Pubkey,
    /// The guardian or the authority.
    pub by: Pubkey,
    /// Pause flags before and after (bits: 1 deposits, 2 borrows, 4 redemption requests).
    pub old_flags: u32,
    pub new_flags: u32,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct CapLoweredEvent {
    pub vault: Pubkey,
    pub by: Pubkey,
    pub target: crate::instructions::CapTarget,
    /// The collateral asset for a collateral cap, `Pubkey::default()` otherwise.
    pub asset: Pubkey,
    /// Caps before and after: native quote units of NAV (tranche) or native units of the mint (collateral).
    pub old_cap: u64,
    pub new_cap: u64,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct AuthorityProposedEvent {
    pub vault: Pubkey,
    pub authority: Pubkey,
    /// `Pubkey::default()` when a pending transfer is withdrawn.
    pub pending_authority: Pubkey,
    /// Unix seconds.
    pub ts: i64,
}

#[event]
#[derive(Debug, PartialEq)]
pub struct AuthorityAcceptedEvent {
    pub vault: Pubkey,
    pub old_authority: Pubkey,
    pub new_authority: Pubkey,
    /// Every pending proposal with a smaller id is now void.
    pub first_valid_proposal_id: u64,
    /// Unix seconds.
    pub ts: i64,
}

/// `update_tranche_metadata`: a tranche mint's name, symbol and URI, as they now are.
#[event]
pub struct TrancheMetadataUpdatedEvent {
    pub vault: Pubkey,
    /// 0 senior, 1 mezzanine, 2 junior.
    pub tranche: u8,
    pub mint: Pubkey,
    pub authority: Pubkey,
    pub metadata: TokenMetadataArgs,
    /// Unix seconds.
    pub ts: i64,
}
