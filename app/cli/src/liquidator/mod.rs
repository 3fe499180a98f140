//! The liquidator's scoring. It prices positions with the program's own oracle and health code (the same
//! functions `liquidate` runs on chain).
//!
//! - [`assess`] is the pure core: a position, the vault, its assets and the oracle accounts' bytes in, a health
//!   out. The embedded demo's built-in liquidator feeds it from the embedded chain.
//! - [`rpc`] is the bot against a cluster: scan with `getProgramAccounts`, score, simulate, send.
//! - [`bench`] scores synthetic positions and prints positions per second (`tranche liquidator --bench`).

use std::collections::HashMap;

use anchor_lang::prelude::Pubkey;
use anyhow::{Context, Result};
use tranche_vault::math::fixed::Sf;
use tranche_vault::math::health::{debt_value, value_floor, Health, PricedCollateral};
use tranche_vault::oracle::{
    read_price, read_price_or_none, OracleConfig, OraclePrice, OracleSetting,
};
use tranche_vault::state::{CollateralAsset, Position, Vault};

pub mod rpc;

/// An account's owner and data, as the bot fetched it.
#[derive(Clone, Debug)]
pub struct Raw {
    pub owner: Pubkey,
    pub data: Vec<u8>,
}

/// A position's health and the collateral the bot would seize first (the entry worth most).
#[derive(Clone, Debug)]
pub struct Assessment {
    pub health: Health,
    pub seize: Option<Pubkey>,
}

/// What the bot knows of the chain: the collateral assets, which price account each one reads, and the price
/// accounts' bytes (the quote's included).
pub struct Market {
    pub assets: HashMap<Pubkey, CollateralAsset>,
    pub oracle_of: HashMap<Pubkey, Pubkey>,
    pub oracles: HashMap<Pubkey, Raw>,
    pub quote_oracle: Pubkey,
}

impl Market {
    /// The price in the account `key`, read with `setting` at `now` (the program's own reader and checks;
    /// `key` is the pinned account unless `--price-account` overrode it for a what-if).
    pub fn price(&self, setting: &OracleSetting, key: &Pubkey, now: i64) -> Result<OraclePrice> {
        let (cfg, raw) = self.config_for(setting, key)?;
        Ok(read_price(&cfg, key, &raw.owner, &raw.data, now)?)
    }

    /// As `liquidate` reads an entry it does not seize: `None` when the price fails (the entry counts as 0).
    fn price_or_none(
        &self,
        setting: &OracleSetting,
        key: &Pubkey,
        now: i64,
    ) -> Result<Option<OraclePrice>> {
        let (cfg, raw) = self.config_for(setting, key)?;
        Ok(read_price_or_none(&cfg, key, &raw.owner, &raw.data, now)?)
    }

    fn config_for(&self, setting: &OracleSetting, key: &Pubkey) -> Result<(OracleConfig, &Raw)> {
        let raw = self.oracles.get(key).context("price account not fetched")?;
        let cfg = OracleConfig {
            account: *key,
            ..setting.config()?
        };
        Ok((cfg, raw))
    }
}

/// One active entry of a position as `liquidate` prices it: its price when the entry's oracle passes the lenient
/// reading of an entry that is not seized (`None`: it counts as 0), and the program's [`PricedCollateral`] of it.
#[derive(Clone, Copy, Debug)]
pub struct PricedEntry {
    pub asset: Pubkey,
    pub price: Option<OraclePrice>,
    pub priced: PricedCollateral,
}

/// `position`'s active entries, in slot order, each priced as `liquidate` prices an entry it does not seize (the
/// program's `read_price_or_none`: an entry whose price fails counts as 0).
pub fn price_entries(position: &Position, market: &Market, now: i64) -> Result<Vec<PricedEntry>> {
    let mut entries = Vec::with_capacity(8);
    for e in position.active() {
        let asset = market
            .assets
            .get(&e.asset)
            .context("collateral asset not fetched")?;
        let oracle = market
            .oracle_of
            .get(&e.asset)
            .context("no price account for the asset")?;
        let price = market.price_or_none(&asset.oracle, oracle, now)?;
        entries.push(PricedEntry {
            asset: e.asset,
            price,
            priced: asset.priced(e.amount, price.as_ref()),
        });
    }
    Ok(entries)
}

/// The quote's price (every check of the program: borrows, withdrawals and liquidations all need it).
pub fn quote_price(vault: &Vault, market: &Market, now: i64) -> Result<OraclePrice> {
    market.price(&vault.quote_oracle, &market.quote_oracle, now)
}

/// Scores `position` exactly as `liquidate` will: collateral at the oracle's low side, an entry whose price fails
/// at 0, debt at the quote's high side, the vault's current borrow index. It seizes the entry worth most, which
/// always has a working price.
pub fn assess(position: &Position, vault: &Vault, market: &Market, now: i64) -> Result<Assessment> {
    let entries = price_entries(position, market, now)?;
    let mut best: Option<(Sf, Pubkey)> = None;
    for e in &entries {
        if let Some(p) = &e.price {
            let value = value_floor(e.priced.amount, e.priced.decimals, p.low())?;
            if best.is_none_or(|(v, _)| value > v) {
                best = Some((value, e.asset));
            }
        }
    }
    let quote = quote_price(vault, market, now)?;
    let debt = position.debt_native(vault.borrow_index_sf.get())?;
    let debt_value = debt_value(debt, vault.quote_decimals, quote.high()?)?;
    let priced: Vec<PricedCollateral> = entries.iter().map(|e| e.priced).collect();
    Ok(Assessment {
        health: Health::compute(&priced, debt_value)?,
        seize: best.map(|(_, a)| a),
    })
}

/// A key for the logs: its first 8 base58 characters.
pub fn short(k: &Pubkey) -> String {
    k.to_string()[..8].to_string()
}

/// A health for the logs: 4 decimals, or ∞ without debt.
pub fn health_str(h: &Health) -> String {
    match h.health_bps() {
        Ok(u64::MAX) => "∞ (no debt)".into(),
        Ok(b) => format!("{:.4}", b as f64 / 10_000.0),
        Err(_) => "?".into(),
    }
}

/// The bench's synthetic book, at unix time `now`: a vault whose quote is priced at $1.00 (confidence $0.0005), eight
/// collateral assets (`assets[i]`: 9 decimals, max LTV 70 %, liquidation threshold 80 %, priced at $(50 + 10·i),
/// confidence 1/2000 of the price), each price a `PriceUpdateV2` account, and positions of 1–8 entries (entry j in
/// `assets[j]`, 1–100 whole tokens) with a debt of 0–4,999 whole quote units at a borrow index of 1.
pub struct Synthetic {
    pub vault: Vault,
    pub market: Market,
    pub assets: Vec<Pubkey>,
    pub positions: Vec<Position>,
    pub now: i64,
}

/// The synthetic book of `n` positions (seeded: the same every time).
pub fn synthetic(n: usize) -> Synthetic {
    use bytemuck::Zeroable;
    use embedded_chain::builders::pull_oracle as setting;
    use tranche_vault::client::price_update_bytes;
    use tranche_vault::oracle::PYTH_RECEIVER_ID;
    use tranche_vault::state::CollateralEntry;
    let now = 1_800_000_000;
    let update = |feed: [u8; 32], price: i64| Raw {
        owner: PYTH_RECEIVER_ID,
        data: price_update_bytes(feed, price, (price / 2_000) as u64, -8, now, true),
    };
    let mut vault = Vault::zeroed();
    vault.quote_decimals = 6;
    vault.quote_oracle = setting([0x51; 32]);
    vault.borrow_index_sf.set(Sf::ONE);
    let quote_oracle = Pubkey::new_unique();
    let mut market = Market {
        assets: HashMap::new(),
        oracle_of: HashMap::new(),
        oracles: HashMap::from([(quote_oracle, update([0x51; 32], 100_000_000))]),
        quote_oracle,
    };
    let mut keys = vec![];
    for i in 0..8u8 {
        let asset = Pubkey::new_unique();
        let a = CollateralAsset {
            vault: Pubkey::default(),
            mint: Pubkey::default(),
            token_program: Pubkey::default(),
            custody: Pubkey::default(),
            decimals: 9,
            bump: 0,
            custody_bump: 0,
            oracle: setting([0x60 + i; 32]),
            max_ltv_bps: 7_000,
            liquidation_threshold_bps: 8_000,
            liquidation_bonus_bps: 500,
            deposit_cap: u64::MAX,
            enabled: true,
            total_deposits: 0,
            _reserved: [0; 8],
        };
        let oracle = a.oracle.account;
        market.assets.insert(asset, a);
        market.oracle_of.insert(asset, oracle);
        market.oracles.insert(
            oracle,
            update([0x60 + i; 32], (50 + 10 * i64::from(i)) * 100_000_000),
        );
        keys.push(asset);
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let positions: Vec<Position> = (0..n)
        .map(|_| {
            let k = 1 + (next() % 8) as usize;
            let mut entries = [CollateralEntry::default(); 8];
            for (j, e) in entries.iter_mut().take(k).enumerate() {
                *e = CollateralEntry {
                    asset: keys[j],
                    amount: 1_000_000_000 * (1 + next() % 100),
                };
            }
            Position {
                vault: Pubkey::default(),
                owner: Pubkey::default(),
                position_id: 0,
                bump: 0,
                entries,
                scaled_debt_sf: Sf::from_num(next() % 5_000 * 1_000_000).to_bits(),
                _reserved: [0; 8],
            }
        })
        .collect();
    Synthetic {
        vault,
        market,
        assets: keys,
        positions,
        now,
    }
}

/// Scores the `n` positions of [`synthetic`] and returns (positions scored, liquidatable ones, positions per
/// second).
pub fn bench(n: usize) -> Result<(usize, usize, f64)> {
    let book = synthetic(n);
    let started = std::time::Instant::now();
    let mut unhealthy = 0;
    for p in &book.positions {
        if assess(p, &book.vault, &book.market, book.now)?
            .health
            .is_liquidatable()
        {
            unhealthy += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    Ok((n, unhealthy, n as f64 / secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every synthetic position's health, worked out here from the book's stated prices and amounts in plain
    /// floating point (none of the program's oracle, fixed-point or health code): collateral at the low side
    /// (price − confidence, the confidence being 1/2000 of the price), liquidation power at 80 % of it, debt at
    /// the quote's high side ($1.0005); the seized entry is one worth most (of entries worth the same, the
    /// fixed-point rounding of their confidences picks one).
    #[test]
    fn scores_ten_thousand_synthetic_positions() {
        const N: usize = 10_000;
        let book = synthetic(N);
        let low = |dollars: f64| dollars * (1.0 - 1.0 / 2_000.0);
        let quote_high = 1.0 + 1.0 / 2_000.0;
        let mut liquidatable = 0;
        for (n, p) in book.positions.iter().enumerate() {
            let a = assess(p, &book.vault, &book.market, book.now).expect("scored");
            let mut collateral = 0.0;
            // (whole tokens · dollars, asset) per entry: the same factor 1 − 1/2000 is on every price, so this
            // orders the entries by value exactly.
            let mut worth = vec![];
            for e in p.active() {
                let i = book
                    .assets
                    .iter()
                    .position(|k| *k == e.asset)
                    .expect("asset");
                let whole = e.amount / 1_000_000_000;
                let dollars = 50 + 10 * i as u64;
                collateral += whole as f64 * low(dollars as f64);
                worth.push((whole * dollars, e.asset));
            }
            let most = worth.iter().map(|(v, _)| *v).max();
            let seizable: Vec<Pubkey> = worth
                .iter()
                .filter(|(v, _)| Some(*v) == most)
                .map(|(_, k)| *k)
                .collect();
            let liquidation_power = 0.8 * collateral;
            let debt = Sf::from_bits(p.scaled_debt_sf).to_num::<f64>() / 1e6 * quote_high;
            let close =
                |got: Sf, want: f64| (got.to_num::<f64>() - want).abs() <= 1e-9 * want.max(1.0);
            assert!(
                close(a.health.collateral, collateral)
                    && close(a.health.liquidation_power, liquidation_power)
                    && close(a.health.debt, debt),
                "position {n}: scored {:?}, want collateral {collateral}, liquidation power {liquidation_power}, \
                 debt {debt}",
                a.health
            );
            assert!(
                a.seize.is_some_and(|k| seizable.contains(&k)),
                "position {n}: seizes {:?}, not one of the entries worth most {seizable:?}",
                a.seize
            );
            if debt > 0.0 {
                let health = liquidation_power / debt;
                let bps = a.health.health_bps().expect("health") as f64;
                assert!(
                    (bps - (health * 10_000.0).floor()).abs() <= 1.0,
                    "position {n}: health {bps} bps, want {health}"
                );
                if (health - 1.0).abs() > 1e-9 {
                    assert_eq!(
                        a.health.is_liquidatable(),
                        health < 1.0,
                        "position {n}: health {health}"
                    );
                }
                liquidatable += usize::from(health < 1.0);
            } else {
                assert!(!a.health.is_liquidatable(), "position {n}: no debt");
            }
        }
        let (n, unhealthy, rate) = bench(N).expect("bench runs");
        assert_eq!(n, N);
        assert_eq!(
            unhealthy, liquidatable,
            "the bench counts the liquidatable ones"
        );
        assert!(
            unhealthy > N / 20 && unhealthy < N - N / 20,
            "some, not all, are liquidatable: {unhealthy}"
        );
        assert!(rate > 0.0);
    }
}
