//! `tranche status --vault V`: the audit of a live vault that its tranches' holders need, read over JSON-RPC and
//! computed with the program's own types and math:
//!
//! - each tranche: token name and symbol (the mint's Token-2022 token metadata), NAV, price per token, supply,
//!   written-down amount, realized APR since the vault's creation (as the TypeScript SDK's `realizedAprBps`), target
//!   APR and cap used; the subordination ratios against their limits;
//! - the pool: debt, booked liquidity (and what the liquidity account holds), reserved payouts, free and
//!   borrowable liquidity, utilization and the borrow rate it gives, the borrow index, protocol fees;
//! - the collateral mix by asset at its oracle's low side, each price with its age, confidence and whether it
//!   passes the program's checks at the chain's clock (and the quote's oracle);
//! - the positions' health distribution (count and debt in buckets) and the five closest to liquidation, each
//!   scored with the liquidator's [`assess`] (the program's oracle reader and health math, as `liquidate` values
//!   a position);
//! - the redemption queue and what an epoch close would fill now (`Vault::plan_close`), and when the next close
//!   may run.
//!
//! The figures are the books as the chain holds them, as of the vault's last accrual (which the output dates):
//! the next instruction accrues first. Prices, ages and healths are at the chain's clock (the Clock sysvar, read
//! with the mints and the price accounts). `--json` prints exact base units as integers, fixed-point values as
//! their raw U68F60 bits in a decimal string (`*_sf`) beside a float of them (`*_float`).

use std::collections::HashMap;

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::sysvar::SysvarId;
use anchor_spl::token_2022::spl_token_2022;
use anchor_spl::token_2022_extensions::spl_token_metadata_interface::state::TokenMetadata;
use anyhow::{anyhow, Context, Result};
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::constants::{BPS, SECONDS_PER_YEAR, TRANCHE_TOKEN_PROGRAM};
use tranche_vault::math::fixed::{mul_div_wide_floor, to_native_floor, Sf};
use tranche_vault::math::health::{value_floor, Health};
use tranche_vault::math::interest::{borrow_rate, utilization};
use tranche_vault::math::queue::Fill;
use tranche_vault::math::shares::value_of_shares_floor;
use tranche_vault::math::subordination;
use tranche_vault::oracle::{
    check_and_normalize, pyth_legacy, pyth_pull, read_price, read_price_or_none, OracleConfig,
    OracleKind, OraclePrice, OracleSetting, RawPrice,
};
use tranche_vault::state::{CollateralAsset, Position, Tranche, Vault};

use crate::liquidator::rpc::{clock_of, connect, read_vault, vault_accounts};
use crate::liquidator::{assess, Market, Raw};

pub mod report;
pub use report::{fmt_bps, fmt_duration, fmt_health, fmt_sf, fmt_units, fmt_utc, sf_float};

/// Health buckets (lower bound inclusive, upper exclusive, in bps of health 1.0), as the SDK's `HEALTH_RANGES`.
pub const HEALTH_BUCKETS: [(&str, u64, Option<u64>); 6] = [
    ("< 1 (liquidatable)", 0, Some(10_000)),
    ("1 – 1.1", 10_000, Some(11_000)),
    ("1.1 – 1.25", 11_000, Some(12_500)),
    ("1.25 – 1.5", 12_500, Some(15_000)),
    ("1.5 – 2", 15_000, Some(20_000)),
    ("≥ 2", 20_000, None),
];
/// How many of the positions closest to liquidation the status lists.
pub const CLOSEST: usize = 5;
/// Below this age the realized APR is 0: too short to annualize (as the SDK).
pub const MIN_APR_AGE_SECS: i64 = 3_600;
/// The tranches' names, by index.
pub const TRANCHE_NAMES: [&str; 3] = ["senior", "mezzanine", "junior"];

/// `tranche status` options.
#[derive(Clone, Debug)]
pub struct StatusOpts {
    pub url: String,
    pub vault: Pubkey,
    pub json: bool,
}

/// A tranche mint as the status reads it: supply and the token metadata wallets show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrancheToken {
    pub supply: u64,
    pub decimals: u8,
    pub name: String,
    pub symbol: String,
    pub uri: String,
}

/// Everything the status is computed from, as one read of the chain found it.
pub struct Snapshot {
    pub key: Pubkey,
    pub vault: Vault,
    pub tokens: [TrancheToken; 3],
    /// The quote tokens the liquidity account holds (the vault's books count `liquidity_native` of them).
    pub liquidity_account: Option<u64>,
    /// Collateral assets, by key; the custody balance of each.
    pub assets: Vec<(Pubkey, CollateralAsset)>,
    pub custody: HashMap<Pubkey, u64>,
    /// Every position of the vault, by key.
    pub positions: Vec<(Pubkey, Position)>,
    /// The assets and the price accounts they pin (the quote's too), as the liquidator scores positions. A pinned
    /// account that does not exist is there as the program would see it: owned by the system program, no data
    /// (its entries count as 0).
    pub market: Market,
    /// The pinned price accounts that do not exist.
    pub missing_oracles: Vec<Pubkey>,
    pub clock: Clock,
}

/// Runs `tranche status`.
pub fn run(opts: &StatusOpts) -> Result<()> {
    let (rpc, _) = connect(&opts.url)?;
    let snap = read(&rpc, &opts.vault)?;
    let status = compute(&snap)?;
    if opts.json {
        println!("{}", serde_json::to_string_pretty(&status.to_json())?);
    } else {
        print!("{}", status.render());
    }
    Ok(())
}

/// The token account amount in `data` (SPL Token and Token-2022 share the base layout).
fn token_amount(key: &Pubkey, data: &[u8]) -> Result<u64> {
    use spl_token_2022::extension::StateWithExtensions;
    Ok(
        StateWithExtensions::<spl_token_2022::state::Account>::unpack(data)
            .map_err(|e| anyhow!("{key} is not a token account ({e})"))?
            .base
            .amount,
    )
}

/// A tranche mint's supply and token metadata.
pub fn tranche_token(key: &Pubkey, owner: &Pubkey, data: &[u8]) -> Result<TrancheToken> {
    use spl_token_2022::extension::{BaseStateWithExtensions, StateWithExtensions};
    anyhow::ensure!(
        *owner == TRANCHE_TOKEN_PROGRAM,
        "tranche mint {key} is owned by {owner}, not Token-2022 ({TRANCHE_TOKEN_PROGRAM})"
    );
    let state = StateWithExtensions::<spl_token_2022::state::Mint>::unpack(data)
        .map_err(|e| anyhow!("tranche mint {key} does not unpack as a Token-2022 mint ({e})"))?;
    let metadata = state
        .get_variable_len_extension::<TokenMetadata>()
        .map_err(|e| anyhow!("tranche mint {key} carries no token metadata ({e})"))?;
    Ok(TrancheToken {
        supply: state.base.supply,
        decimals: state.base.decimals,
        name: metadata.name,
        symbol: metadata.symbol,
        uri: metadata.uri,
    })
}

/// What `getMultipleAccounts` (100 keys a call) finds at `keys`: owner and data, by key; an account that does not
/// exist is absent. `what` names them in the error.
pub fn fetch_accounts(
    rpc: &RpcClient,
    keys: &[Pubkey],
    what: &str,
) -> Result<HashMap<Pubkey, (Pubkey, Vec<u8>)>> {
    let mut fetched = Vec::with_capacity(keys.len());
    for chunk in keys.chunks(100) {
        fetched.extend(
            rpc.get_multiple_accounts(chunk)
                .with_context(|| format!("getMultipleAccounts ({what})"))?,
        );
    }
    Ok(keys
        .iter()
        .zip(fetched)
        .filter_map(|(k, a)| a.map(|a| (*k, (a.owner, a.data))))
        .collect())
}

/// The price accounts `assets` and the quote pin, sorted, each once.
pub fn oracle_keys(assets: &[(Pubkey, CollateralAsset)], quote: &OracleSetting) -> Vec<Pubkey> {
    let mut keys: Vec<Pubkey> = assets.iter().map(|(_, a)| a.oracle.account).collect();
    keys.push(quote.account);
    keys.sort();
    keys.dedup();
    keys
}

/// The liquidator's [`Market`] of `assets` and the quote, with the price accounts of [`oracle_keys`] from `by_key`
/// (one that does not exist is there as the program would see it: owned by the system program, no data, so its
/// entries count as 0); and the pinned accounts that do not exist.
pub fn market_of(
    assets: &[(Pubkey, CollateralAsset)],
    quote: &OracleSetting,
    by_key: &HashMap<Pubkey, (Pubkey, Vec<u8>)>,
) -> (Market, Vec<Pubkey>) {
    let keys = oracle_keys(assets, quote);
    let missing = keys
        .iter()
        .filter(|k| !by_key.contains_key(k))
        .copied()
        .collect();
    let market = Market {
        assets: assets.iter().cloned().collect(),
        oracle_of: assets.iter().map(|(k, a)| (*k, a.oracle.account)).collect(),
        oracles: keys
            .iter()
            .map(|k| {
                let (owner, data) = by_key
                    .get(k)
                    .cloned()
                    .unwrap_or((anchor_lang::system_program::ID, vec![]));
                (*k, Raw { owner, data })
            })
            .collect(),
        quote_oracle: quote.account,
    };
    (market, missing)
}

/// Reads the vault, its assets and positions (`getProgramAccounts`, as the liquidator does), then in one
/// `getMultipleAccounts` per 100 keys the tranche mints, the liquidity account, the custodies, every pinned price
/// account and the Clock.
pub fn read(rpc: &RpcClient, key: &Pubkey) -> Result<Snapshot> {
    let vault = read_vault(rpc, key)?;
    let assets: Vec<(Pubkey, CollateralAsset)> = vault_accounts(rpc, key)?;
    let positions: Vec<(Pubkey, Position)> = vault_accounts(rpc, key)?;
    let mut keys = vec![<Clock as SysvarId>::id(), vault.liquidity];
    keys.extend(vault.tranche_mints());
    keys.extend(assets.iter().map(|(_, a)| a.custody));
    keys.extend(oracle_keys(&assets, &vault.quote_oracle));
    let by_key = fetch_accounts(rpc, &keys, "the mints, price accounts and clock")?;
    let clock = clock_of(by_key.get(&keys[0]).map(|(_, d)| d.as_slice()))?;
    let liquidity_account = match by_key.get(&vault.liquidity) {
        Some((_, data)) => Some(token_amount(&vault.liquidity, data)?),
        None => None,
    };
    let mints = vault.tranche_mints();
    let mut tokens = vec![];
    for (t, mint) in mints.iter().enumerate() {
        let (owner, data) = by_key
            .get(mint)
            .with_context(|| format!("the {} tranche mint {mint} is missing", TRANCHE_NAMES[t]))?;
        tokens.push(tranche_token(mint, owner, data)?);
    }
    let tokens: [TrancheToken; 3] = tokens
        .try_into()
        .map_err(|_| anyhow!("three tranche mints"))?;
    let mut custody = HashMap::new();
    for (_, a) in &assets {
        if let Some((_, data)) = by_key.get(&a.custody) {
            custody.insert(a.custody, token_amount(&a.custody, data)?);
        }
    }
    let (market, missing_oracles) = market_of(&assets, &vault.quote_oracle, &by_key);
    Ok(Snapshot {
        key: *key,
        vault,
        tokens,
        liquidity_account,
        assets,
        custody,
        positions,
        market,
        missing_oracles,
        clock,
    })
}

/// One tranche's figures.
#[derive(Clone, Debug)]
pub struct TrancheStatus {
    pub tranche: Tranche,
    pub mint: Pubkey,
    pub token: TrancheToken,
    pub nav: Sf,
    /// NAV in native quote units, rounded down.
    pub nav_native: u64,
    pub dead_shares: u64,
    pub effective_supply: u64,
    /// NAV per token (native quote per native share, which is whole per whole: the tranche mint has the quote's
    /// decimals), rounded down; 1 before a first deposit.
    pub price_per_token: Sf,
    /// The same as the SDK computes it, in floating point (NAV / 2^60 / effective supply), which the realized
    /// APR is computed from.
    pub price_per_token_float: f64,
    pub realized_apr_bps: i64,
    pub target_apr_bps: u16,
    pub deposit_cap: u64,
    pub cap_used_bps: u64,
    pub written_down: Sf,
    pub written_down_native: u64,
    pub queued_shares: u64,
    pub queued_value: Sf,
    pub queue_generation: u64,
    /// What an epoch close would do now (`Vault::plan_close` on the books as they are).
    pub close: Fill,
}

/// An oracle's reading at the chain's clock.
#[derive(Clone, Debug)]
pub struct OracleStatus {
    pub setting: OracleSetting,
    /// The price account's owner; `None` when the account does not exist.
    pub owner: Option<Pubkey>,
    /// The price as the account holds it, when its layout (and feed, and verification) decodes.
    pub raw: Option<RawPrice>,
    /// The price normalized by the program (spot rounded down, confidence up), whatever its age and width.
    pub price: Option<OraclePrice>,
    /// `None` when the program's checks pass (what borrows and withdrawals need); else the program's error.
    pub error: Option<String>,
    /// Whether `liquidate` counts it for an entry it does not seize (up to a day old, any confidence).
    pub lenient: Option<OraclePrice>,
    pub age_secs: Option<i64>,
    /// conf / price, bps, rounded down.
    pub conf_bps: Option<u64>,
}

/// One collateral asset's figures.
#[derive(Clone, Debug)]
pub struct AssetStatus {
    pub key: Pubkey,
    pub asset: CollateralAsset,
    pub custody_balance: Option<u64>,
    pub oracle: OracleStatus,
    /// Its deposits at the price positions are valued at (the low side of what `liquidate` reads; 0 without).
    pub value: Sf,
    pub share_bps: u64,
}

/// One position, scored.
#[derive(Clone, Debug)]
pub struct PositionStatus {
    pub key: Pubkey,
    pub position: Position,
    pub debt: u64,
    pub health: Health,
    pub health_bps: u64,
}

/// A health bucket's count and debt.
#[derive(Clone, Debug)]
pub struct Bucket {
    pub label: &'static str,
    pub from_bps: u64,
    pub to_bps: Option<u64>,
    pub positions: u64,
    pub debt: u64,
}

/// The whole status.
pub struct Status {
    pub key: Pubkey,
    pub vault: Vault,
    pub slot: u64,
    pub now: i64,
    pub tranches: Vec<TrancheStatus>,
    /// Junior's and junior + mezzanine's share of total NAV, bps, rounded down (as the SDK); the limits' check.
    pub junior_bps: u64,
    pub junior_mezzanine_bps: u64,
    pub subordination_error: Option<String>,
    pub debt: Sf,
    /// The debt in native quote units, rounded down (what utilization is computed on).
    pub debt_native: u64,
    pub liquidity_account: Option<u64>,
    pub free_liquidity: u64,
    pub borrowable_liquidity: u64,
    pub utilization: Sf,
    pub borrow_rate: Sf,
    pub quote_oracle: OracleStatus,
    pub assets: Vec<AssetStatus>,
    pub collateral_value: Sf,
    pub position_count: usize,
    pub without_debt: usize,
    /// Positions with debt that could not be scored (the quote's price fails), with why.
    pub unpriced: Vec<(Pubkey, String)>,
    pub buckets: Vec<Bucket>,
    pub liquidatable: usize,
    /// The positions with debt, lowest health first (ties by key).
    pub by_health: Vec<PositionStatus>,
}

/// The program error's name (`OracleStale`, ...), or the error's text.
pub(crate) fn error_name(e: &anchor_lang::error::Error) -> String {
    match e {
        anchor_lang::error::Error::AnchorError(a) => a.error_name.clone(),
        other => other.to_string(),
    }
}

/// Reads an oracle setting's pinned account (`None`: it does not exist) at `now`: the program's decoder,
/// normalization and checks.
pub fn oracle_status(setting: &OracleSetting, raw: Option<&Raw>, now: i64) -> OracleStatus {
    let mut s = OracleStatus {
        setting: *setting,
        owner: raw.map(|r| r.owner),
        raw: None,
        price: None,
        error: None,
        lenient: None,
        age_secs: None,
        conf_bps: None,
    };
    let cfg = match setting.config() {
        Ok(c) => c,
        Err(e) => {
            s.error = Some(error_name(&e));
            return s;
        }
    };
    let Some(raw) = raw else {
        s.error = Some("missing".into());
        return s;
    };
    let decoded = match cfg.kind {
        OracleKind::PythPull => pyth_pull::decode(&raw.data, &cfg.feed_id),
        OracleKind::PythLegacy => pyth_legacy::decode(&raw.data),
    };
    if let Ok(r) = decoded {
        s.age_secs = Some(now.saturating_sub(r.publish_time));
        if r.price > 0 {
            s.conf_bps = Some(
                u64::try_from(
                    u128::from(r.conf) * u128::from(BPS) / u128::from(r.price.unsigned_abs()),
                )
                .unwrap_or(u64::MAX),
            );
        }
        // Normalized without the age and confidence policy, to show a price that fails it.
        let any = OracleConfig {
            max_age_secs: u32::MAX,
            max_conf_bps: u16::MAX,
            ..cfg
        };
        s.price = check_and_normalize(&r, &any, now).ok();
        s.raw = Some(r);
    }
    s.error = read_price(&cfg, &setting.account, &raw.owner, &raw.data, now)
        .err()
        .map(|e| error_name(&e));
    s.lenient = read_price_or_none(&cfg, &setting.account, &raw.owner, &raw.data, now)
        .ok()
        .flatten();
    s
}

/// `x · BPS / total`, rounded down; 0 when `total` is 0 (the SDK's ratios).
fn bps_of(x: Sf, total: Sf) -> Result<u64> {
    if total == Sf::ZERO {
        return Ok(0);
    }
    let q = mul_div_wide_floor(x.to_bits(), u128::from(BPS), total.to_bits())?;
    Ok(u64::try_from(q).unwrap_or(u64::MAX))
}

/// JavaScript's `Math.round`: to the nearest integer, halves up (towards +∞).
pub fn js_round(x: f64) -> i64 {
    let f = x.floor();
    (if x - f >= 0.5 { f + 1.0 } else { f }) as i64
}

/// The SDK's `realizedAprBps`: the price per token's simple annual return since `created_ts`,
/// `round((price − 1) · year · 10,000 / age)`; 0 before a first deposit or in the vault's first hour.
pub fn realized_apr_bps(
    price_per_token: f64,
    effective_supply: u64,
    created_ts: i64,
    now: i64,
) -> i64 {
    let age = now - created_ts;
    if effective_supply == 0 || age < MIN_APR_AGE_SECS {
        return 0;
    }
    js_round((price_per_token - 1.0) * SECONDS_PER_YEAR as f64 * 10_000.0 / age as f64)
}

/// The status of `snap`, computed with the program's own math.
pub fn compute(snap: &Snapshot) -> Result<Status> {
    let v = &snap.vault;
    let now = snap.clock.unix_timestamp;
    let supplies = [0, 1, 2].map(|t| snap.tokens[t].supply);
    let fills = v.plan_close(supplies)?;
    let mut tranches = vec![];
    for t in Tranche::ALL {
        let i = t.index();
        let state = &v.tranches[i];
        let token = snap.tokens[i].clone();
        let nav = state.nav();
        let eff = state.effective_supply(token.supply)?;
        let (price, price_float, queued_value) = if eff == 0 {
            (Sf::ONE, 1.0, Sf::ZERO)
        } else {
            (
                value_of_shares_floor(1, nav, eff)?,
                sf_float(nav) / eff as f64,
                value_of_shares_floor(state.queued_shares, nav, eff)?,
            )
        };
        let nav_native = to_native_floor(nav)?;
        let cap_used_bps = if state.deposit_cap == 0 {
            0
        } else {
            u64::try_from(u128::from(nav_native) * u128::from(BPS) / u128::from(state.deposit_cap))
                .unwrap_or(u64::MAX)
        };
        tranches.push(TrancheStatus {
            tranche: t,
            mint: state.mint,
            token,
            nav,
            nav_native,
            dead_shares: state.dead_shares,
            effective_supply: eff,
            price_per_token: price,
            price_per_token_float: price_float,
            realized_apr_bps: realized_apr_bps(price_float, eff, v.created_ts, now),
            target_apr_bps: state.target_apr_bps,
            deposit_cap: state.deposit_cap,
            cap_used_bps,
            written_down: state.written_down_sf.get(),
            written_down_native: to_native_floor(state.written_down_sf.get())?,
            queued_shares: state.queued_shares,
            queued_value,
            queue_generation: state.queue_generation,
            close: fills[i],
        });
    }
    let navs = v.navs();
    let total = navs
        .iter()
        .try_fold(Sf::ZERO, |a, n| a.checked_add(*n))
        .context("total NAV overflows")?;
    let jm = navs[1]
        .checked_add(navs[2])
        .context("junior + mezzanine NAV overflows")?;
    let debt = v.debt()?;
    let debt_native = to_native_floor(debt)?;
    let free_liquidity = v.free_liquidity()?;
    let u = utilization(debt_native, free_liquidity)?;

    let price_account = |k: &Pubkey| {
        snap.market
            .oracles
            .get(k)
            .filter(|_| !snap.missing_oracles.contains(k))
    };
    let quote_oracle = oracle_status(&v.quote_oracle, price_account(&v.quote_oracle.account), now);
    let mut assets = vec![];
    for (key, a) in &snap.assets {
        let oracle = oracle_status(&a.oracle, price_account(&a.oracle.account), now);
        let value = match &oracle.lenient {
            Some(p) => value_floor(a.total_deposits, a.decimals, p.low())?,
            None => Sf::ZERO,
        };
        assets.push(AssetStatus {
            key: *key,
            asset: a.clone(),
            custody_balance: snap.custody.get(&a.custody).copied(),
            oracle,
            value,
            share_bps: 0,
        });
    }
    let collateral_value = assets
        .iter()
        .try_fold(Sf::ZERO, |s, a| s.checked_add(a.value))
        .context("collateral value overflows")?;
    for a in &mut assets {
        a.share_bps = bps_of(a.value, collateral_value)?;
    }

    let index = v.borrow_index_sf.get();
    let mut without_debt = 0;
    let mut unpriced = vec![];
    let mut by_health = vec![];
    for (key, p) in &snap.positions {
        if p.scaled_debt_sf == 0 {
            without_debt += 1;
            continue;
        }
        let debt = p
            .debt_native(index)
            .with_context(|| format!("position {key}: debt"))?;
        match assess(p, v, &snap.market, now) {
            Ok(a) => by_health.push(PositionStatus {
                key: *key,
                position: p.clone(),
                debt,
                health: a.health,
                health_bps: a.health.health_bps()?,
            }),
            Err(e) => unpriced.push((*key, format!("{e:#}"))),
        }
    }
    by_health.sort_by_key(|p| (p.health_bps, p.key));
    let buckets = HEALTH_BUCKETS
        .iter()
        .map(|&(label, from_bps, to_bps)| {
            let inside = by_health
                .iter()
                .filter(|p| p.health_bps >= from_bps && to_bps.is_none_or(|t| p.health_bps < t));
            let (positions, debt) =
                inside.fold((0u64, 0u64), |(n, d), p| (n + 1, d.saturating_add(p.debt)));
            Bucket {
                label,
                from_bps,
                to_bps,
                positions,
                debt,
            }
        })
        .collect();
    Ok(Status {
        key: snap.key,
        vault: *v,
        slot: snap.clock.slot,
        now,
        tranches,
        junior_bps: bps_of(navs[2], total)?,
        junior_mezzanine_bps: bps_of(jm, total)?,
        subordination_error: subordination::check(&navs, v.limits())
            .err()
            .map(|e| error_name(&e)),
        debt,
        debt_native,
        liquidity_account: snap.liquidity_account,
        free_liquidity,
        borrowable_liquidity: v.borrowable_liquidity()?,
        utilization: u,
        borrow_rate: borrow_rate(&v.rate_curve, u)?,
        quote_oracle,
        assets,
        collateral_value,
        position_count: snap.positions.len(),
        without_debt,
        unpriced,
        buckets,
        liquidatable: by_health
            .iter()
            .filter(|p| p.health.is_liquidatable())
            .count(),
        by_health,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_as_javascript_and_annualizes_as_the_sdk() {
        assert_eq!(js_round(2.5), 3);
        assert_eq!(js_round(-2.5), -2);
        assert_eq!(js_round(-2.6), -3);
        assert_eq!(js_round(0.49999999999999994), 0);
        // 1 % in a year is 100 bps; in half a year, 200 bps a year.
        let year = SECONDS_PER_YEAR as i64;
        assert_eq!(realized_apr_bps(1.01, 1, 0, year), 100);
        assert_eq!(realized_apr_bps(1.01, 1, 0, year / 2), 200);
        assert_eq!(realized_apr_bps(0.99, 1, 0, year), -100);
        assert_eq!(realized_apr_bps(1.5, 1, 0, MIN_APR_AGE_SECS - 1), 0);
        assert_eq!(realized_apr_bps(1.5, 0, 0, year), 0);
    }
}
