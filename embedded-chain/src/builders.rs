//! Typed instruction builders, one per instruction, so that tests read like a story. The builders themselves are
//! the program crate's (`tranche_vault::client`, shared with the CLI); this module adds the tests' defaults.

use anchor_lang::prelude::Pubkey;
pub use tranche_vault::client::*;
use tranche_vault::cpi::TokenMetadataArgs;
use tranche_vault::oracle::{OracleKind, OracleSetting, PYTH_RECEIVER_ID};
use tranche_vault::state::{CollateralParams, RateCurve, VaultParams};
use tranche_vault::InitializeVaultArgs;

/// Feed id of the tests' quote (USDC) price.
pub const QUOTE_FEED: [u8; 32] = [0x51; 32];

/// A Pyth pull oracle setting for `feed` on the canonical Receiver, pinned to the feed's sponsored shard-0 account
/// (the default): one minute of age, 1 % of confidence.
pub fn pull_oracle(feed: [u8; 32]) -> OracleSetting {
    OracleSetting {
        program: PYTH_RECEIVER_ID,
        feed_id: feed,
        account: pyth_push_feed_account(&feed, 0),
        max_age_secs: 60,
        max_conf_bps: 100,
        kind: OracleKind::PythPull.to_u8(),
        _pad: 0,
    }
}

/// Risk parameters of a SOL-like collateral: 70 % LTV, 80 % liquidation threshold, 5 % bonus, enabled. (Listing
/// takes them disabled with cap 0; the timelock enables them: `VaultFixture::list_collateral`.)
pub fn collateral_params(feed: [u8; 32]) -> CollateralParams {
    CollateralParams {
        oracle: pull_oracle(feed),
        max_ltv_bps: 7_000,
        liquidation_threshold_bps: 8_000,
        liquidation_bonus_bps: 500,
        deposit_cap: u64::MAX / 2,
        enabled: true,
    }
}

/// Parameters a real USDC vault might start with.
pub fn default_params() -> VaultParams {
    VaultParams {
        senior_target_apr_bps: 600,
        mezzanine_target_apr_bps: 1_000,
        deposit_caps: [10_000_000_000_000, 5_000_000_000_000, 2_000_000_000_000],
        min_junior_bps: 1_000,
        min_subordination_bps: 2_500,
        protocol_fee_bps: 1_000,
        max_utilization_bps: 9_000,
        rate_curve: RateCurve {
            base_rate_bps: 100,
            slope1_bps: 900,
            slope2_bps: 15_000,
            optimal_utilization_bps: 8_000,
        },
        epoch_duration_secs: 86_400,
        timelock_delay_secs: 172_800,
    }
}

/// Name, symbol and URI of each tranche token of vault `id` on `market` (a quote asset, a pool name): for
/// example "Senior · USDC vault 1", `tvSR-1`.
pub fn tranche_metadata(market: &str, id: u64) -> [TokenMetadataArgs; 3] {
    [("Senior", "SR"), ("Mezzanine", "MZ"), ("Junior", "JR")].map(|(name, code)| {
        TokenMetadataArgs {
            name: format!("{name} · {market} {id}"),
            symbol: format!("tv{code}-{id}"),
            uri: format!("https://example.com/tranche-vault/{id}/{code}.json"),
        }
    })
}

/// The creation of a vault (its tranches, then `initialize_vault`) for `authority` on `quote_mint`, with [`default_params`] and a pull quote oracle on
/// [`QUOTE_FEED`].
pub fn vault_builder(
    payer: Pubkey,
    authority: Pubkey,
    quote_mint: Pubkey,
    token_program: Pubkey,
) -> InitializeVaultBuilder {
    let args = InitializeVaultArgs {
        vault_id: 0,
        guardian: None,
        params: default_params(),
        quote_oracle: pull_oracle(QUOTE_FEED),
    };
    InitializeVaultBuilder::new(
        payer,
        authority,
        quote_mint,
        token_program,
        args,
        tranche_metadata("USDC vault", 0),
    )
}
