//! The program's one error enum. Append only: codes are part of the client interface.

use anchor_lang::prelude::*;

#[error_code]
pub enum VaultError {
    #[msg("Senior or mezzanine target APR is above MAX_TARGET_APR_BPS")]
    TargetAprTooHigh,
    #[msg("min_junior_bps must not exceed min_subordination_bps, which must be below 10,000 bps")]
    InvalidSubordination,
    #[msg("Protocol fee is above MAX_PROTOCOL_FEE_BPS")]
    ProtocolFeeTooHigh,
    #[msg("Optimal utilization must be between 1 and 9,999 bps")]
    InvalidOptimalUtilization,
    #[msg("Borrow rate at full utilization (base + slope1 + slope2) is above MAX_BORROW_RATE_BPS")]
    BorrowRateTooHigh,
    #[msg("Max utilization must be between 1 and 10,000 bps")]
    InvalidMaxUtilization,
    #[msg("Epoch duration is outside [MIN_EPOCH_SECS, MAX_EPOCH_SECS]")]
    InvalidEpochDuration,
    #[msg("Timelock delay is above MAX_TIMELOCK_SECS")]
    TimelockTooLong,
    #[msg("Quote mint decimals are above MAX_QUOTE_DECIMALS")]
    QuoteDecimalsTooLarge,
    #[msg("Quote mint carries a Token-2022 extension the vault does not support (transfer fee, hook, delegate, ...)")]
    UnsupportedMintExtension,
    #[msg("Quote mint is not owned by the given token program")]
    WrongQuoteMintProgram,
    #[msg("Guardian must differ from the authority")]
    GuardianIsAuthority,
    #[msg("Vault account layout version is not the one this program reads")]
    WrongVaultVersion,
    #[msg("Vault state breaks an invariant")]
    InvariantViolated,
    #[msg("A vault already exists at this address")]
    VaultAlreadyInitialized,
    #[msg("Vault account data is smaller than the vault layout, or misaligned")]
    VaultAccountTooSmall,
}
