//! PDA seeds and bounds. Precision constants state their exponent.

/// Vault PDA: `[SEED_VAULT, creator, quote_mint, vault_id.to_le_bytes()]`.
pub const SEED_VAULT: &[u8] = b"vault";
/// Quote-asset liquidity token account PDA: `[SEED_LIQUIDITY, vault]`. Its owner (token authority) is the vault.
pub const SEED_LIQUIDITY: &[u8] = b"liquidity";
/// Tranche mint PDA: `[SEED_TRANCHE_MINT, vault, [tranche index]]`. Its mint authority is the vault.
pub const SEED_TRANCHE_MINT: &[u8] = b"tranche_mint";

/// Layout version written by `initialize_vault`; bumped with every layout change of [`crate::state::Vault`].
pub const VAULT_VERSION: u8 = 1;

/// One in basis points. // expo = -4
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
