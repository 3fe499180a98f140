//! PDA seeds and bounds. Precision constants state their exponent. Those a client needs (seeds, pause bits,
//! `DEAD_SHARES`, …) are `#[constant]`, so the IDL lists them.

use anchor_lang::prelude::{constant, Pubkey};

/// Vault PDA: `[SEED_VAULT, creator, quote_mint, vault_id.to_le_bytes()]`.
#[constant]
pub const SEED_VAULT: &[u8] = b"vault";
/// Quote-asset liquidity token account PDA: `[SEED_LIQUIDITY, vault]`. Its owner (token authority) is the vault.
#[constant]
pub const SEED_LIQUIDITY: &[u8] = b"liquidity";
/// Tranche mint PDA: `[SEED_TRANCHE_MINT, vault, [tranche index]]`. Its mint authority is the vault.
#[constant]
pub const SEED_TRANCHE_MINT: &[u8] = b"tranche_mint";

/// The token program of every tranche mint and escrow: Token-2022, whose metadata-pointer and token-metadata
/// extensions carry each tranche token's name, symbol and URI on the mint itself (what wallets show). The quote
/// asset keeps its own program (`Vault::quote_token_program`).
#[constant]
pub const TRANCHE_TOKEN_PROGRAM: Pubkey = anchor_spl::token_2022::ID;
/// Bounds of a tranche token's metadata, in bytes (those of Metaplex, which wallets display in full).
#[constant]
pub const MAX_TOKEN_NAME_LEN: u32 = 32;
#[constant]
pub const MAX_TOKEN_SYMBOL_LEN: u32 = 10;
#[constant]
pub const MAX_TOKEN_URI_LEN: u32 = 200;

/// Escrow of queued redemptions, a tranche token account PDA: `[SEED_ESCROW, vault, [tranche index]]`, owned by
/// the vault.
#[constant]
pub const SEED_ESCROW: &[u8] = b"escrow";
/// A holder's redemption request: `[SEED_REDEMPTION, vault, owner, [tranche index]]`.
#[constant]
pub const SEED_REDEMPTION: &[u8] = b"redemption";
/// The final queue accumulators of an ended generation: `[SEED_GENERATION, vault, [tranche index], generation
/// u64 LE]`.
#[constant]
pub const SEED_GENERATION: &[u8] = b"generation";

/// Layout version written by `initialize_vault`; bumped with every layout change of [`crate::state::Vault`].
pub const VAULT_VERSION: u8 = 2;

/// One in basis points. // expo = -4
#[constant]
pub const BPS: u64 = 10_000;

/// Ceiling of a tranche's target APR, in bps (50 %).
pub const MAX_TARGET_APR_BPS: u16 = 5_000;
/// Ceiling of the protocol fee on interest income, in bps (30 %).
pub const MAX_PROTOCOL_FEE_BPS: u16 = 3_000;
/// Ceiling of the borrow rate at 100 % utilization (base + slope1 + slope2), in bps per year (1,000 %).
pub const MAX_BORROW_RATE_BPS: u32 = 100_000;
/// Bounds of an epoch, in seconds (10 minutes to 90 days).
pub const MIN_EPOCH_SECS: u32 = 600;
pub const MAX_EPOCH_SECS: u32 = 90 * 86_400;
/// Ceiling of the governance timelock delay, in seconds (30 days).
pub const MAX_TIMELOCK_SECS: u32 = 30 * 86_400;
/// Largest quote-mint decimals accepted; tranche mints copy the quote decimals.
pub const MAX_QUOTE_DECIMALS: u8 = 12;

/// Seconds in the 365-day year that APRs and borrow rates are quoted in.
#[constant]
pub const SECONDS_PER_YEAR: u64 = 31_536_000;

/// Shares locked for ever by a tranche's first deposit (native units of the tranche token). They are never
/// minted to anyone, so the effective supply never returns to zero, and inflating the share price costs an
/// attacker `DEAD_SHARES` times what it could take from a later depositor by rounding.
#[constant]
pub const DEAD_SHARES: u64 = 1_000;
/// Smallest first deposit into a tranche, native units; the depositor receives it less [`DEAD_SHARES`].
#[constant]
pub const MIN_FIRST_DEPOSIT: u64 = 10 * DEAD_SHARES;

/// Pause flags (bits of `Vault::pause_flags`). Repay and liquidate have none: nothing may block them.
#[constant]
pub const PAUSE_DEPOSITS: u32 = 1 << 0;
#[constant]
pub const PAUSE_BORROWS: u32 = 1 << 1;
#[constant]
pub const PAUSE_REDEMPTION_REQUESTS: u32 = 1 << 2;

/// Collateral asset PDA: `[SEED_COLLATERAL, vault, mint]`.
#[constant]
pub const SEED_COLLATERAL: &[u8] = b"collateral";
/// Custody token account of a collateral asset, a PDA: `[SEED_CUSTODY, vault, mint]`; authority = vault.
#[constant]
pub const SEED_CUSTODY: &[u8] = b"custody";
/// Borrower position PDA: `[SEED_POSITION, vault, owner, position_id u64 LE]`.
#[constant]
pub const SEED_POSITION: &[u8] = b"position";

/// Collateral entries per position.
pub const MAX_COLLATERAL_ENTRIES: usize = 8;
/// Ceiling of a collateral asset's liquidation bonus, in bps (20 %).
#[constant]
pub const MAX_LIQUIDATION_BONUS_BPS: u16 = 2_000;
/// Ceiling of an oracle's max age, in seconds (1 hour).
pub const MAX_ORACLE_AGE_SECS: u32 = 3_600;
/// Ceiling of an oracle's max confidence, in bps of the price (10 %).
pub const MAX_ORACLE_CONF_BPS: u16 = 1_000;
/// Largest collateral mint decimals accepted.
pub const MAX_COLLATERAL_DECIMALS: u8 = 18;
/// Share of a position's debt one liquidation may repay, in bps, unless the position is deeply insolvent or its
/// debt is dust.
#[constant]
pub const CLOSE_FACTOR_BPS: u64 = 5_000;
/// Below this health (bps of 1.0) a liquidation may repay all of the debt.
#[constant]
pub const FULL_LIQUIDATION_HEALTH_BPS: u64 = 9_500;

/// A timelocked config proposal: `[SEED_PROPOSAL, vault, proposal_id u64 LE]`.
#[constant]
pub const SEED_PROPOSAL: &[u8] = b"proposal";
/// Every pause flag; `set_pause` refuses other bits.
#[constant]
pub const PAUSE_ALL: u32 = PAUSE_DEPOSITS | PAUSE_BORROWS | PAUSE_REDEMPTION_REQUESTS;

/// Total debt at which the borrow index stops growing, native quote units (2^63): accrual never overflows, so
/// repayments and liquidations always run, even after decades at the highest rate with nobody acting.
pub const MAX_DEBT_NATIVE: u64 = 1 << 63;
/// Most total debt a borrow may leave, native quote units (2^61, a quarter of [`MAX_DEBT_NATIVE`]), so that
/// interest has room to grow before the index stops: about 2.3 M whole tokens of a 12-decimal quote (whose
/// whole u64 supply is 18.4 M), 2.3 trillion of a 6-decimal one.
pub const MAX_BORROW_DEBT_NATIVE: u64 = 1 << 61;
/// How long after its ETA a proposal may be executed, seconds (14 days); after that it has expired.
#[constant]
pub const PROPOSAL_EXECUTION_WINDOW_SECS: i64 = 14 * 86_400;
