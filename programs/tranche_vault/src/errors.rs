//! The program's one error enum. Append only: codes are part of the client interface.

use anchor_lang::error::{AnchorError, Source};
use anchor_lang::prelude::*;

/// Declares `VaultError` from `Variant => "message"` pairs, numbered in order from Anchor's `ERROR_CODE_OFFSET`
/// (6000). With `idl-build` it goes through Anchor's `#[error_code]`, which the IDL reads; otherwise the macro
/// writes the same items itself (the enum, `name`, `Display`, the conversions to `u32` and to `Error`), with the
/// names and messages in two tables. `#[error_code]` matches over every variant for each, and its `name` builds
/// every name's `String` inline: about 17 KB of the program (README, "Program size").
macro_rules! vault_errors {
    ($($variant:ident => $msg:tt,)*) => {
        #[cfg(feature = "idl-build")]
        #[error_code]
        pub enum VaultError {
            $(#[msg($msg)] $variant,)*
        }

        #[cfg(not(feature = "idl-build"))]
        #[derive(Debug, Clone, Copy)]
        #[repr(u32)]
        pub enum VaultError {
            $($variant,)*
        }

        #[cfg(not(feature = "idl-build"))]
        impl VaultError {
            /// Every error, in code order (`tests/suites/idl.rs` holds each to the IDL's code, name and message).
            pub const ALL: &[VaultError] = &[$(VaultError::$variant),*];
            const NAMES: &[&str] = &[$(stringify!($variant)),*];
            const MESSAGES: &[&str] = &[$($msg),*];

            /// The variant's name, as Anchor's `#[error_code]` gives it.
            pub fn name(&self) -> String {
                Self::NAMES.get(*self as usize).copied().unwrap_or_default().to_string()
            }
        }

        #[cfg(not(feature = "idl-build"))]
        impl From<VaultError> for u32 {
            fn from(e: VaultError) -> u32 {
                e as u32 + anchor_lang::error::ERROR_CODE_OFFSET
            }
        }

        #[cfg(not(feature = "idl-build"))]
        impl From<VaultError> for Error {
            fn from(e: VaultError) -> Error {
                Error::from(AnchorError {
                    error_name: e.name(),
                    error_code_number: e.into(),
                    error_msg: e.to_string(),
                    error_origin: None,
                    compared_values: None,
                })
            }
        }

        #[cfg(not(feature = "idl-build"))]
        impl std::fmt::Display for VaultError {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(VaultError::MESSAGES.get(*self as usize).copied().unwrap_or_default())
            }
        }
    };
}

vault_errors! {
    TargetAprTooHigh => "Senior or mezzanine target APR is above MAX_TARGET_APR_BPS",
    InvalidSubordination => "min_junior_bps must not exceed min_subordination_bps, which must be below 10,000 bps",
    ProtocolFeeTooHigh => "Protocol fee is above MAX_PROTOCOL_FEE_BPS",
    InvalidOptimalUtilization => "Optimal utilization must be between 1 and 9,999 bps",
    BorrowRateTooHigh => "Borrow rate at full utilization (base + slope1 + slope2) is above MAX_BORROW_RATE_BPS",
    InvalidMaxUtilization => "Max utilization must be between 1 and 10,000 bps",
    InvalidEpochDuration => "Epoch duration is outside [MIN_EPOCH_SECS, MAX_EPOCH_SECS]",
    TimelockTooLong => "Timelock delay is above MAX_TIMELOCK_SECS",
    QuoteDecimalsTooLarge => "Quote mint decimals are above MAX_QUOTE_DECIMALS",
    UnsupportedMintExtension => "Quote mint carries a Token-2022 extension the vault does not support (transfer fee, hook, delegate, ...)",
    WrongQuoteMintProgram => "Quote mint is not owned by the given token program",
    GuardianIsAuthority => "Guardian must differ from the authority",
    WrongVaultVersion => "Vault account layout version is not the one this program reads",
    InvariantViolated => "Vault state breaks an invariant",
    VaultAlreadyInitialized => "A vault already exists at this address",
    VaultAccountTooSmall => "Vault account data is smaller than the vault layout, or misaligned",
    MathOverflow => "Arithmetic overflow",
    DivisionByZero => "Division by zero",
    LossExceedsClaims => "A loss is larger than every tranche's NAV and the accrued fees together",
    JuniorSubordinationBreached => "After this, junior NAV would be below min_junior_bps of total NAV",
    SubordinationBreached => "After this, junior + mezzanine NAV would be below min_subordination_bps of total NAV",
    TrancheWipedOut => "The tranche was wiped out (NAV 0 with holders): it takes no deposits until it recovers",
    InvalidQueueFill => "Queue fill is outside 1..=queued shares, or a request snapshot is inconsistent",
    GenerationRecordRequired => "The request is from an ended generation: pass that generation's record",
    ZeroAmount => "Amount must be greater than zero",
    DepositsPaused => "Deposits are paused",
    RedemptionRequestsPaused => "Redemption requests are paused",
    DepositCapExceeded => "Deposit would take the tranche's NAV above its deposit cap",
    FirstDepositTooSmall => "A tranche's first deposit must be at least MIN_FIRST_DEPOSIT native units",
    DepositTooSmall => "Deposit is too small to mint a single share",
    SlippageExceeded => "Fewer shares than min_shares would be minted",
    WrongTrancheMint => "Account is not this vault's tranche mint for the given tranche",
    WrongEscrow => "Account is not this vault's redemption escrow for the given tranche",
    WrongLiquidity => "Account is not this vault's liquidity account",
    WrongQuoteMint => "Account is not this vault's quote mint",
    WrongTokenProgram => "Token program is not the vault's quote token program",
    WrongTokenMint => "Token account has the wrong mint",
    WrongRedemptionRequest => "Redemption request belongs to another vault, owner or tranche",
    WrongGenerationRecord => "Generation record belongs to another vault, tranche or generation",
    NothingToCancel => "The request has no queued shares to cancel",
    NothingToClaim => "The request has no filled payout to claim",
    EpochNotEnded => "The current epoch has not ended yet",
    RedemptionNotSettled => "The request must be settled with claim_redeem (its generation ended) before it changes",
    BalanceMismatch => "Token balance after the transfer does not match the vault's books",
    InsufficientLiquidity => "Amount exceeds free liquidity (liquidity less reserved payouts, and for a borrow less what the redemption queue is owed)",
    AmountExceedsDebt => "Amount exceeds the vault's outstanding debt",
    OracleKindUnknown => "Oracle kind is not one this program reads",
    OracleWrongOwner => "Oracle account is not owned by the configured oracle program",
    OracleWrongAccount => "Oracle account is not the configured price account",
    OracleWrongAccountSize => "Oracle account has the wrong size for its kind",
    OracleInvalidAccountData => "Oracle account data is not a price of the configured kind (discriminator, magic, version or type)",
    OracleFeedIdMismatch => "Price update is for another feed than the one pinned in the asset's config",
    OracleNotFullyVerified => "Price update is not fully verified (verification level Partial)",
    OracleNotTrading => "Legacy price account status is not Trading",
    OracleStale => "Price is older than the asset's max age",
    OracleNonPositivePrice => "Price is zero or negative",
    OracleConfidenceTooWide => "Price confidence interval is wider than the asset's max_conf_bps",
    OracleExponentOutOfRange => "Price exponent is outside -18..=12",
    InvalidOracleMaxAge => "Oracle max age must be between 1 and MAX_ORACLE_AGE_SECS",
    InvalidOracleMaxConf => "Oracle max confidence must be between 1 and MAX_ORACLE_CONF_BPS",
    InvalidMaxLtv => "Collateral max LTV must be above 0 and below the liquidation threshold",
    InvalidLiquidationThreshold => "Liquidation threshold must be below 10,000 bps and leave room for the bonus",
    LiquidationBonusTooHigh => "Liquidation bonus is above MAX_LIQUIDATION_BONUS_BPS",
    CollateralDecimalsTooLarge => "Collateral mint decimals are above MAX_COLLATERAL_DECIMALS",
    NotAuthority => "Signer is not the vault's authority",
    CollateralFromAnotherVault => "Collateral asset belongs to another vault",
    CollateralDisabled => "Collateral asset is disabled for deposits",
    CollateralCapExceeded => "Deposit would take the asset above its deposit cap",
    PositionFull => "The position already holds MAX_COLLATERAL_ENTRIES different assets",
    InsufficientCollateral => "The position holds less of this asset than asked",
    WrongCollateralAccounts => "Remaining accounts must be (collateral asset, oracle) for each of the position's entries, in order",
    LtvExceeded => "After this, the position's debt would exceed its borrowing power (max LTV)",
    BorrowsPaused => "Borrowing is paused",
    UtilizationCapExceeded => "After this borrow, utilization would exceed max_utilization_bps",
    RepayExceedsDebt => "Repay amount exceeds the position's debt",
    PositionHealthy => "The position is healthy (health >= 1): it cannot be liquidated",
    SeizeAssetNotInPosition => "The asset to seize is not among the position's collateral",
    WrongPosition => "Position belongs to another vault or owner",
    WrongCustody => "Custody account is not the asset's custody",
    NotGuardianOrAuthority => "Signer is neither the vault's guardian nor its authority",
    UnpauseNeedsAuthority => "Only the authority may unpause",
    InvalidPauseFlags => "Pause flags contain unknown bits",
    CapNotLowered => "The new cap is not lower than the current one: raising a cap goes through the timelock",
    NotPendingAuthority => "Signer is not the pending authority",
    NoPendingAuthority => "There is no pending authority transfer",
    TimelockNotElapsed => "The proposal's ETA has not passed yet",
    ChangeNeedsAsset => "This change needs its collateral asset account, of this vault",
    JuniorHasNoTarget => "A target APR applies to senior and mezzanine only",
    WrongProposal => "Proposal belongs to another vault, or the rent receiver is not its payer",
    OracleProgramNotAllowed => "Oracle setting names an owner program that is not a known Pyth program (ALLOWED_ORACLE_PROGRAMS)",
    OracleAccountNotPinned => "Oracle setting pins no price account (account is the default key)",
    NewAssetNotDisabled => "A new collateral asset is listed disabled with deposit cap 0: enabling it goes through the timelock",
    TimelockShorterThanEpoch => "Timelock delay is shorter than the epoch: a request filed when a proposal appears could not be filled before it executes",
    RedemptionsPausedSinceProposal => "This change loosens risk: it cannot execute while redemption requests are paused, or after they were paused since it was proposed",
    NoEpochClosedSinceProposal => "This change loosens risk: it waits for an epoch close at least one epoch after it was proposed (filling the requests filed meanwhile)",
    ProposalExpired => "The proposal's execution window (PROPOSAL_EXECUTION_WINDOW_SECS after its ETA) has passed",
    ProposalVoided => "The proposal was made before the authority changed: it is void",
    VaultOwnedTokenAccount => "A token account of the caller's is owned by the vault (its liquidity, a custody or an escrow)",
    DebtCeilingReached => "After this borrow, the vault's total debt would exceed MAX_BORROW_DEBT_NATIVE",
    AccountAlreadyExists => "The account already exists: a position id, a proposal id or a collateral asset is created once",
    InvalidTranche => "A tranche index must be 0 (senior), 1 (mezzanine) or 2 (junior)",
    WrongProposalId => "The proposal id is not the vault's next proposal id (another proposal was made first)",
    WrongTrancheTokenProgram => "The tranche token program must be Token-2022 (TRANCHE_TOKEN_PROGRAM)",
    TokenNameInvalid => "A tranche token name must be 1 to MAX_TOKEN_NAME_LEN (32) bytes with no control, invisible or bidirectional-control characters",
    TokenSymbolInvalid => "A tranche token symbol must be 1 to MAX_TOKEN_SYMBOL_LEN (10) printable ASCII characters, no spaces",
    TokenUriInvalid => "A tranche token URI must be at most MAX_TOKEN_URI_LEN (200) printable ASCII characters, no spaces",
    TrancheNotInitialized => "A tranche's mint or escrow does not exist yet: initialize_tranche creates each of the three before initialize_vault",
    TrancheAlreadyInitialized => "This tranche's mint or escrow already exists: initialize_tranche creates each tranche once",
}

/// The `Error` that Anchor's `error!` builds: `error`'s own (its name, code and message), with its source line. The
/// crate's own `error!`, `err!`, `require!` and `require_keys_*!` (below) call it, so each error type has one
/// out-of-line copy of it; Anchor's macros build the error at every call site instead, which is about 300 bytes
/// each, times 186 sites (README, "Program size").
#[cold]
#[inline(never)]
pub fn raise_at<E: Into<Error>>(error: E, source: &'static Source) -> Error {
    error.into().with_source(Source {
        filename: source.filename,
        line: source.line,
    })
}

// Anchor's `error!`, `err!`, `require!`, `require_keys_eq!` and `require_keys_neq!` (the forms with an error
// argument), which every module takes from `crate::prelude` in place of Anchor's: the same `Error`, built by
// `raise_at`.
macro_rules! error {
    ($error:expr $(,)?) => {{
        // The file and line in a static: a call site passes its address.
        static SOURCE: ::anchor_lang::error::Source = ::anchor_lang::error::Source {
            filename: file!(),
            line: line!(),
        };
        $crate::errors::raise_at($error, &SOURCE)
    }};
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
