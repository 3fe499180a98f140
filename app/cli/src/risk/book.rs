//! The book `tranche risk` simulates, read from a vault's accounts: over JSON-RPC with `tranche status`'s reader
//! ([`crate::status::read`]), or from the embedded demo's chain. Either way the same function
//! ([`from_accounts`]) turns the vault, its collateral assets, its positions and the price accounts into the
//! engine's [`Book`], pricing every entry as `liquidate` does (the program's oracle reader, `read_price_or_none`:
//! an entry whose price fails counts at 0) and every debt at the quote's high side (`read_price`, every check)
//! with the vault's borrow index.

use std::collections::BTreeMap;

use anchor_lang::prelude::Pubkey;
use anyhow::{Context, Result};
use tranche_vault::math::fixed::Sf;
use tranche_vault::math::health::debt_value;
use tranche_vault::oracle::{read_price, read_price_or_none, OracleConfig, OracleSetting};
use tranche_vault::state::{CollateralAsset, Position, Vault};

use super::engine::{AssetModel, Book, Loan};
use crate::liquidator::Market;

/// The oracle config `setting` pins, read at the price account `key` of `market`.
fn price_account<'a>(
    market: &'a Market,
    setting: &OracleSetting,
    key: &Pubkey,
) -> Result<(OracleConfig, &'a crate::liquidator::Raw)> {
    let raw = market
        .oracles
        .get(key)
        .with_context(|| format!("price account {key} not read"))?;
    Ok((setting.config()?, raw))
}

/// A book read from a vault, with what it was read from.
#[derive(Clone, Debug)]
pub struct ChainBook {
    pub vault: Pubkey,
    pub book: Book,
    /// The collateral assets' accounts and mints, in the book's order (by mint).
    pub asset_keys: Vec<(Pubkey, Pubkey)>,
    /// The positions with debt, in the book's order (by key), one per loan.
    pub positions: Vec<Pubkey>,
    /// Positions without debt (not in the book: nothing to lose).
    pub without_debt: usize,
    /// The chain's unix time the prices were read at.
    pub now: i64,
}

/// The engine's book of a vault: its assets (by mint), each position with debt (by key) priced at `now` as
/// `liquidate` prices it, and the tranches' NAVs. `names` names assets by key (else the mint's first 8
/// characters).
pub fn from_accounts(
    key: &Pubkey,
    vault: &Vault,
    assets: &[(Pubkey, CollateralAsset)],
    positions: &[(Pubkey, Position)],
    market: &Market,
    now: i64,
    names: &BTreeMap<Pubkey, String>,
) -> Result<ChainBook> {
    let mut asset_keys: Vec<(Pubkey, Pubkey)> = assets.iter().map(|(k, a)| (*k, a.mint)).collect();
    asset_keys.sort_by_key(|(_, mint)| *mint);
    let index_of: BTreeMap<Pubkey, usize> = asset_keys
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    let mut models: Vec<AssetModel> = Vec::with_capacity(asset_keys.len());
    for (k, mint) in &asset_keys {
        let a = market
            .assets
            .get(k)
            .with_context(|| format!("collateral asset {k} not read"))?;
        let oracle = market
            .oracle_of
            .get(k)
            .with_context(|| format!("no price account for asset {k}"))?;
        let (cfg, raw) = price_account(market, &a.oracle, oracle)?;
        let price = read_price_or_none(&cfg, oracle, &raw.owner, &raw.data, now)?;
        models.push(AssetModel {
            name: names
                .get(k)
                .cloned()
                .unwrap_or_else(|| mint.to_string()[..8].to_string()),
            decimals: a.decimals,
            price: price.map_or(Sf::ZERO, |p| p.low()),
            max_ltv_bps: a.max_ltv_bps,
            liquidation_threshold_bps: a.liquidation_threshold_bps,
            liquidation_bonus_bps: a.liquidation_bonus_bps,
        });
    }
    let (cfg, raw) = price_account(market, &vault.quote_oracle, &market.quote_oracle)?;
    let quote = read_price(&cfg, &market.quote_oracle, &raw.owner, &raw.data, now).context(
        "the quote's price fails the program's checks; risk values debt at it, as liquidate does",
    )?;
    let quote_high = quote.high()?;
    let index = vault.borrow_index_sf.get();
    let mut sorted: Vec<&(Pubkey, Position)> = positions.iter().collect();
    sorted.sort_by_key(|(k, _)| *k);
    let mut loans = vec![];
    let mut keys = vec![];
    let mut without_debt = 0;
    for (k, p) in sorted {
        let debt = p
            .debt_native(index)
            .with_context(|| format!("position {k}: debt"))?;
        if debt == 0 {
            without_debt += 1;
            continue;
        }
        let mut collateral = vec![];
        for e in p.active() {
            let i = *index_of
                .get(&e.asset)
                .with_context(|| format!("position {k}: asset {} not listed", e.asset))?;
            collateral.push((i, e.amount));
        }
        loans.push(Loan {
            collateral,
            debt_native: debt,
            debt_value: debt_value(debt, vault.quote_decimals, quote_high)?,
        });
        keys.push(*k);
    }
    Ok(ChainBook {
        vault: *key,
        book: Book {
            assets: models,
            loans,
            navs: vault.navs(),
        },
        asset_keys,
        positions: keys,
        without_debt,
        now,
    })
}

/// The live vault `vault` at `url`, read with `tranche status`'s reader.
pub fn read_rpc(url: &str, vault: &Pubkey) -> Result<ChainBook> {
    let (rpc, _) = crate::liquidator::rpc::connect(url)?;
    let snap = crate::status::read(&rpc, vault)?;
    from_accounts(
        &snap.key,
        &snap.vault,
        &snap.assets,
        &snap.positions,
        &snap.market,
        snap.clock.unix_timestamp,
        &BTreeMap::new(),
    )
}

/// The embedded demo's pool (its vault after the deposits, the borrows, 30 days of interest and an epoch close,
/// before the crash), built on the embedded chain and read from its accounts.
pub fn read_embedded(seed: u64) -> Result<ChainBook> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(async {
            let mut f = crate::demo::pool(seed).await?;
            let (market, names) = crate::demo::market(&mut f).await?;
            let vault = f.vault().await;
            let now = f.env.now().await;
            let mut positions = vec![];
            for k in f.positions().to_vec() {
                positions.push((k, f.position(k).await));
            }
            let assets: Vec<(Pubkey, CollateralAsset)> =
                market.assets.iter().map(|(k, a)| (*k, a.clone())).collect();
            from_accounts(
                &f.addrs.vault,
                &vault,
                &assets,
                &positions,
                &market,
                now,
                &names,
            )
        })
}
