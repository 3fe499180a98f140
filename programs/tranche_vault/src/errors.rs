//! The program's one error enum. Append only: codes are part of the client interface.

use anchor_lang::error::{AnchorError, ErrorOrigin, Source};
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
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("Division by zero")]
    DivisionByZero,
    #[msg("A loss is larger than every tranche's NAV and the accrued fees together")]
    LossExceedsClaims,
    #[msg("After this, junior NAV would be below min_junior_bps of total NAV")]
    JuniorSubordinationBreached,
    #[msg("After this, junior + mezzanine NAV would be below min_subordination_bps of total NAV")]
    SubordinationBreached,
    #[msg(
        "The tranche was wiped out (NAV 0 with holders): it takes no deposits until it recovers"
    )]
    TrancheWipedOut,
    #[msg("Queue fill is outside 1..=queued shares, or a request snapshot is inconsistent")]
    InvalidQueueFill,
    #[msg("The request is from an ended generation: pass that generation's record")]
    GenerationRecordRequired,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Deposits are paused")]
    DepositsPaused,
    #[msg("Redemption requests are paused")]
    RedemptionRequestsPaused,
    #[msg("Deposit would take the tranche's NAV above its deposit cap")]
    DepositCapExceeded,
    #[msg("A tranche's first deposit must be at least MIN_FIRST_DEPOSIT native units")]
    FirstDepositTooSmall,
    #[msg("Deposit is too small to mint a single share")]
    DepositTooSmall,
    #[msg("Fewer shares than min_shares would be minted")]
    SlippageExceeded,
    #[msg("Account is not this vault's tranche mint for the given tranche")]
    WrongTrancheMint,
    #[msg("Account is not this vault's redemption escrow for the given tranche")]
    WrongEscrow,
    #[msg("Account is not this vault's liquidity account")]
    WrongLiquidity,
    #[msg("Account is not this vault's quote mint")]
    WrongQuoteMint,
    #[msg("Token program is not the vault's quote token program")]
    WrongTokenProgram,
    #[msg("Token account has the wrong mint")]
    WrongTokenMint,
    #[msg("Redemption request belongs to another vault, owner or tranche")]
    WrongRedemptionRequest,
    #[msg("Generation record belongs to another vault, tranche or generation")]
    WrongGenerationRecord,
    #[msg("The request has no queued shares to cancel")]
    NothingToCancel,
    #[msg("The request has no filled payout to claim")]
    NothingToClaim,
    #[msg("The current epoch has not ended yet")]
    EpochNotEnded,
    #[msg(
        "The request must be settled with claim_redeem (its generation ended) before it changes"
    )]
    RedemptionNotSettled,
    #[msg("Token balance after the transfer does not match the vault's books")]
    BalanceMismatch,
    #[msg("Amount exceeds free liquidity (liquidity less reserved payouts, and for a borrow less what the redemption queue is owed)")]
    InsufficientLiquidity,
    #[msg("Amount exceeds the vault's outstanding debt")]
    AmountExceedsDebt,
    #[msg("Oracle kind is not one this program reads")]
    OracleKindUnknown,
    #[msg("Oracle account is not owned by the configured oracle program")]
    OracleWrongOwner,
    #[msg("Oracle account is not the configured price account")]
    OracleWrongAccount,
    #[msg("Oracle account has the wrong size for its kind")]
    OracleWrongAccountSize,
    #[msg("Oracle account data is not a price of the configured kind (discriminator, magic, version or type)")]
    OracleInvalidAccountData,
    #[msg("Price update is for another feed than the one pinned in the asset's config")]
    OracleFeedIdMismatch,
    #[msg("Price update is not fully verified (verification level Partial)")]
    OracleNotFullyVerified,
    #[msg("Legacy price account status is not Trading")]
    OracleNotTrading,
    #[msg("Price is older than the asset's max age")]
    OracleStale,
    #[msg("Price is zero or negative")]
    OracleNonPositivePrice,
    #[msg("Price confidence interval is wider than the asset's max_conf_bps")]
    OracleConfidenceTooWide,
    #[msg("Price exponent is outside -18..=12")]
    OracleExponentOutOfRange,
    #[msg("Oracle max age must be between 1 and MAX_ORACLE_AGE_SECS")]
    InvalidOracleMaxAge,
    #[msg("Oracle max confidence must be between 1 and MAX_ORACLE_CONF_BPS")]
    InvalidOracleMaxConf,
    #[msg("Collateral max LTV must be above 0 and below the liquidation threshold")]
    InvalidMaxLtv,
    #[msg("Liquidation threshold must be below 10,000 bps and leave room for the bonus")]
    InvalidLiquidationThreshold,
    #[msg("Liquidation bonus is above MAX_LIQUIDATION_BONUS_BPS")]
    LiquidationBonusTooHigh,
    #[msg("Collateral mint decimals are above MAX_COLLATERAL_DECIMALS")]
    CollateralDecimalsTooLarge,
    #[msg("Signer is not the vault's authority")]
    NotAuthority,
    #[msg("Collateral asset belongs to another vault")]
    CollateralFromAnotherVault,
    #[msg("Collateral asset is disabled for deposits")]
    CollateralDisabled,
    #[msg("Deposit would take the asset above its deposit cap")]
    CollateralCapExceeded,
    #[msg("The position already holds MAX_COLLATERAL_ENTRIES different assets")]
    PositionFull,
    #[msg("The position holds less of this asset than asked")]
    InsufficientCollateral,
    #[msg("Remaining accounts must be (collateral asset, oracle) for each of the position's entries, in order")]
    WrongCollateralAccounts,
    #[msg("After this, the position's debt would exceed its borrowing power (max LTV)")]
    LtvExceeded,
    #[msg("Borrowing is paused")]
    BorrowsPaused,
    #[msg("After this borrow, utilization would exceed max_utilization_bps")]
    UtilizationCapExceeded,
    #[msg("Repay amount exceeds the position's debt")]
    RepayExceedsDebt,
    #[msg("The position is healthy (health >= 1): it cannot be liquidated")]
    PositionHealthy,
    #[msg("The asset to seize is not among the position's collateral")]
    SeizeAssetNotInPosition,
    #[msg("Position belongs to another vault or owner")]
    WrongPosition,
    #[msg("Custody account is not the asset's custody")]
    WrongCustody,
    #[msg("Signer is neither the vault's guardian nor its authority")]
    NotGuardianOrAuthority,
    #[msg("Only the authority may unpause")]
    UnpauseNeedsAuthority,
    #[msg("Pause flags contain unknown bits")]
    InvalidPauseFlags,
    #[msg(
        "The new cap is not lower than the current one: raising a cap goes through the timelock"
    )]
    CapNotLowered,
    #[msg("Signer is not the pending authority")]
    NotPendingAuthority,
    #[msg("There is no pending authority transfer")]
    NoPendingAuthority,
    #[msg("The proposal's ETA has not passed yet")]
    TimelockNotElapsed,
    #[msg("This change needs its collateral asset account, of this vault")]
    ChangeNeedsAsset,
    #[msg("A target APR applies to senior and mezzanine only")]
    JuniorHasNoTarget,
    #[msg("Proposal belongs to another vault, or the rent receiver is not its payer")]
    WrongProposal,
    #[msg("Oracle setting names an owner program that is not a known Pyth program (ALLOWED_ORACLE_PROGRAMS)")]
    OracleProgramNotAllowed,
    #[msg("Oracle setting pins no price account (account is the default key)")]
    OracleAccountNotPinned,
    #[msg("A new collateral asset is listed disabled with deposit cap 0: enabling it goes through the timelock")]
    NewAssetNotDisabled,
    #[msg("Timelock delay is shorter than the epoch: a request filed when a proposal appears could not be filled before it executes")]
    TimelockShorterThanEpoch,
    #[msg("This change loosens risk: it cannot execute while redemption requests are paused, or after they were paused since it was proposed")]
    RedemptionsPausedSinceProposal,
    #[msg("This change loosens risk: it waits for an epoch close at least one epoch after it was proposed (filling the requests filed meanwhile)")]
    NoEpochClosedSinceProposal,
    #[msg(
        "The proposal's execution window (PROPOSAL_EXECUTION_WINDOW_SECS after its ETA) has passed"
    )]
    ProposalExpired,
    #[msg("The proposal was made before the authority changed: it is void")]
    ProposalVoided,
    #[msg("A token account of the caller's is owned by the vault (its liquidity, a custody or an escrow)")]
    VaultOwnedTokenAccount,
    #[msg("After this borrow, the vault's total debt would exceed MAX_BORROW_DEBT_NATIVE")]
    DebtCeilingReached,
    #[msg("The account already exists: a position id, a proposal id or a collateral asset is created once")]
    AccountAlreadyExists,
    #[msg("A tranche index must be 0 (senior), 1 (mezzanine) or 2 (junior)")]
    InvalidTranche,
    #[msg("The proposal id is not the vault's next proposal id (another proposal was made first)")]
    WrongProposalId,
    #[msg("The tranche token program must be Token-2022 (TRANCHE_TOKEN_PROGRAM)")]
    WrongTrancheTokenProgram,
    #[msg("A tranche token name must be 1 to MAX_TOKEN_NAME_LEN (32) bytes with no control, invisible or bidirectional-control characters")]
    TokenNameInvalid,
    #[msg("A tranche token symbol must be 1 to MAX_TOKEN_SYMBOL_LEN (10) printable ASCII characters, no spaces")]
    TokenSymbolInvalid,
    #[msg("A tranche token URI must be at most MAX_TOKEN_URI_LEN (200) printable ASCII characters, no spaces")]
    TokenUriInvalid,
    #[msg("A tranche's mint or escrow does not exist yet: initialize_tranche creates each of the three before initialize_vault")]
    TrancheNotInitialized,
    #[msg("This tranche's mint or escrow already exists: initialize_tranche creates each tranche once")]
    TrancheAlreadyInitialized,
}

/// Builds the `Error` that Anchor's `error!` builds: the error's name, code and message, and its source line. The
/// crate's own `error!`, `err!`, `require!` and `require_keys_*!` (below) call it. Each error type has one
/// out-of-line copy of it. Anchor's macros build the error at every call site instead, which is about 300 bytes
/// each, times 186 sites (README, "Program size").
pub trait RaiseAt: Copy {
    fn at(self, filename: &'static str, line: u32) -> Error;
}

macro_rules! raise_at {
    ($($ty:ty),*) => {$(
        impl RaiseAt for $ty {
            #[cold]
            #[inline(never)]
            fn at(self, filename: &'static str, line: u32) -> Error {
                Error::from(AnchorError {
                    error_name: self.name(),
                    error_code_number: self.into(),
                    error_msg: self.to_string(),
                    error_origin: Some(ErrorOrigin::Source(Source { filename, line })),
                    compared_values: None,
                })
            }
        }
    )*};
}
raise_at!(VaultError, ErrorCode);

// Anchor's `error!`, `err!`, `require!`, `require_keys_eq!` and `require_keys_neq!` (the forms with an error
// argument), which every module takes from `crate::prelude` in place of Anchor's: the same `Error`, built by
// `RaiseAt::at`.
macro_rules! error {
    ($error:expr $(,)?) => {
        $crate::errors::RaiseAt::at($error, file!(), line!())
    };
}
macro_rules! err {
    ($error:expr $(,)?) => {
        Err($crate::errors::error!($error))
    };
}
macro_rules! require {
    ($invariant:expr, $error:expr $(,)?) => {
        if !($invariant) {
            return $crate::errors::err!($error);
        }
    };
}
macro_rules! require_keys_eq {
    ($value1:expr, $value2:expr, $error:expr $(,)?) => {
        if $value1 != $value2 {
            return Err($crate::errors::error!($error).with_pubkeys(($value1, $value2)));
        }
    };
}
macro_rules! require_keys_neq {
    ($value1:expr, $value2:expr, $error:expr $(,)?) => {
        if $value1 == $value2 {
            return Err($crate::errors::error!($error).with_pubkeys(($value1, $value2)));
        }
    };
}
pub(crate) use {err, error, require, require_keys_eq, require_keys_neq};
