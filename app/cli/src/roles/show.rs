//! `tranche position show`: a borrower's position as the program values it, read over JSON-RPC at the chain's
//! clock:
//!
//! - its debt (scaled debt · the vault's borrow index, rounded up, as the position owes it) and what that is worth
//!   at the quote's high side;
//! - its health as `liquidate` values it (the liquidator's [`assess`]: each entry at its oracle's low side, an
//!   entry whose price fails counted as 0; `math::health::Health`);
//! - how much more it may borrow now: the largest amount that `borrow`'s checks let through, in the handler's
//!   order (pause, borrowable liquidity, debt ceiling, utilization cap, then max LTV on every entry priced
//!   strictly), with the program's error that refuses one native unit more;
//! - each collateral entry's liquidation price: the highest low-side price of that asset (the others and the
//!   quote as they are) at which `Health::compute` finds the position liquidatable, found by bisection on the
//!   program's own health function, so it is exact to the last bit of U68F60.
//!
//! Like `tranche status`, the books are as of the vault's last accrual (which the output dates): the next
//! instruction accrues first, so the debt is then a little higher and the borrowing headroom a little lower.

use std::fmt::Write as _;

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::sysvar::SysvarId;
use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::constants::{BPS, MAX_BORROW_DEBT_NATIVE, PAUSE_BORROWS};
use tranche_vault::math::fixed::{add, mul_floor, to_native_ceil, Sf};
use tranche_vault::math::health::{debt_value, value_floor, Health, PricedCollateral};
use tranche_vault::math::interest::to_scaled_ceil;
use tranche_vault::oracle::OraclePrice;
use tranche_vault::state::{CollateralAsset, Position, Vault};

use crate::liquidator::rpc::{clock_of, read_vault};
use crate::liquidator::{assess, price_entries, quote_price, Market};
use crate::status::report::{object, Align, Table};
use crate::status::{
    error_name, fetch_accounts, fmt_health, fmt_sf, fmt_units, fmt_utc, market_of, oracle_keys,
};

/// What the chain holds for one position.
pub struct PositionChain {
    pub key: Pubkey,
    pub position: Position,
    pub vault_key: Pubkey,
    pub vault: Vault,
    pub market: Market,
    pub clock: Clock,
}

/// Reads the position at `key`, its vault (which must be `vault` when given), its collateral assets, their pinned
/// price accounts, the quote's and the Clock. `missing` says what was asked for when there is no account at `key`.
pub fn read(
    rpc: &RpcClient,
    key: &Pubkey,
    vault: Option<&Pubkey>,
    missing: &str,
) -> Result<PositionChain> {
    let Some(acc) = rpc
        .get_account_with_commitment(key, rpc.commitment())
        .context("fetching the position")?
        .value
    else {
        bail!("{missing}: no account at {key}");
    };
    if acc.owner != tranche_vault::ID {
        bail!(
            "{key} is not a position: owned by {}, not the Tranche Vault program",
            acc.owner
        );
    }
    let position: Position =
        crate::decode(&acc.data, key).with_context(|| format!("{key} is not a position"))?;
    if let Some(v) = vault.filter(|v| **v != position.vault) {
        bail!(
            "position {key} belongs to vault {}, not {v} (--vault)",
            position.vault
        );
    }
    let vault_key = position.vault;
    let state = read_vault(rpc, &vault_key)?;
    let mut keys = vec![<Clock as SysvarId>::id()];
    keys.extend(position.active().map(|e| e.asset));
    let by_key = fetch_accounts(rpc, &keys, "the clock and the position's collateral assets")?;
    let clock = clock_of(by_key.get(&keys[0]).map(|(_, d)| d.as_slice()))?;
    let mut assets: Vec<(Pubkey, CollateralAsset)> = vec![];
    for k in &keys[1..] {
        let (_, data) = by_key
            .get(k)
            .with_context(|| format!("the position's collateral asset {k} does not exist"))?;
        assets.push((*k, crate::decode(data, k)?));
    }
    let prices = fetch_accounts(
        rpc,
        &oracle_keys(&assets, &state.quote_oracle),
        "the price accounts",
    )?;
    let (market, _) = market_of(&assets, &state.quote_oracle, &prices);
    Ok(PositionChain {
        key: *key,
        position,
        vault_key,
        vault: state,
        market,
        clock,
    })
}

/// One collateral entry.
#[derive(Clone, Debug)]
pub struct EntryView {
    pub asset: CollateralAsset,
    pub asset_key: Pubkey,
    pub priced: PricedCollateral,
    /// The price `liquidate` values it at (`None`: its oracle fails even the lenient reading; it counts as 0).
    pub price: Option<OraclePrice>,
    /// The program's error when the strict reading that `borrow` and `withdraw_collateral` need fails.
    pub strict_error: Option<String>,
    /// Its value at the low side (0 without a price).
    pub value: Sf,
    /// The highest low-side price of this asset at which the position is liquidatable, the rest as it is; `None`
    /// without debt, or when the other entries alone keep it above the line.
    pub liquidation_price: Option<Sf>,
}

/// How much more the position may borrow, and what refuses one native unit more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaxBorrow {
    pub amount: u64,
    /// The program's error name for `amount` + 1 (`LtvExceeded`, `InsufficientLiquidity`, ...).
    pub bound: String,
}

/// A position, valued.
pub struct PositionShow {
    pub chain: PositionChain,
    /// Native quote units owed, rounded up.
    pub debt: u64,
    pub quote: OraclePrice,
    pub quote_high: Sf,
    pub health: Health,
    pub health_bps: u64,
    pub entries: Vec<EntryView>,
    pub max_borrow: MaxBorrow,
}

/// The program's error name of an error the CLI's readers returned (its text when it is not the program's).
fn anyhow_name(e: &anyhow::Error) -> String {
    e.downcast_ref::<anchor_lang::error::Error>()
        .map_or_else(|| format!("{e:#}"), error_name)
}

/// Whether `entries` (entry `i` at the low-side price `price`) against `debt_value` are liquidatable by
/// `Health::compute`; a value beyond the fixed-point range is not.
fn liquidatable_at(entries: &[PricedCollateral], i: usize, price: Sf, debt_value: Sf) -> bool {
    let mut e = entries.to_vec();
    e[i].price_low = price;
    Health::compute(&e, debt_value).is_ok_and(|h| h.is_liquidatable())
}

/// The highest low-side price of entry `i` at which `entries` against `debt_value` are liquidatable (the others
/// fixed), by bisection on the program's `Health::compute` (liquidation power is monotone in each price); `None`
/// when no price makes it liquidatable (no debt, or the others cover the debt at their liquidation threshold).
pub fn liquidation_price(entries: &[PricedCollateral], i: usize, debt_value: Sf) -> Option<Sf> {
    let liq = |bits: u128| liquidatable_at(entries, i, Sf::from_bits(bits), debt_value);
    if !liq(0) {
        return None;
    }
    // The smallest power of two at which it is no longer liquidatable; above the whole range, none is.
    let mut hi: u128 = 1;
    while liq(hi) {
        match hi.checked_mul(2) {
            Some(h) => hi = h,
            // Liquidatable at every price the fixed point holds.
            None => return Some(Sf::MAX),
        }
    }
    let mut lo = hi / 2;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if liq(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(Sf::from_bits(lo))
}

/// `borrow`'s refusal of `amount` for `position` in `vault` (its checks in its order, on the books as they are),
/// or `None` when it would go through. `strict` is each entry priced strictly, or the first failing oracle's error.
pub fn borrow_refusal(
    vault: &Vault,
    position: &Position,
    strict: &std::result::Result<Vec<PricedCollateral>, String>,
    quote_high: Sf,
    amount: u64,
) -> Option<String> {
    let check = || -> anchor_lang::Result<Option<&'static str>> {
        if amount == 0 {
            return Ok(Some("ZeroAmount"));
        }
        if vault.pause_flags & PAUSE_BORROWS != 0 {
            return Ok(Some("BorrowsPaused"));
        }
        let free = vault.free_liquidity()?;
        if amount > vault.borrowable_liquidity()? {
            return Ok(Some("InsufficientLiquidity"));
        }
        let Some(total_debt) = to_native_ceil(vault.debt()?)?.checked_add(amount) else {
            return Ok(Some("MathOverflow"));
        };
        if total_debt > MAX_BORROW_DEBT_NATIVE {
            return Ok(Some("DebtCeilingReached"));
        }
        // The utilization after the borrow, bps rounded up, as the handler computes it.
        let Some(total) = total_debt.checked_add(free.saturating_sub(amount)) else {
            return Ok(Some("MathOverflow"));
        };
        let u_bps = (u128::from(total_debt) * u128::from(BPS)).div_ceil(u128::from(total));
        if u_bps > u128::from(vault.max_utilization_bps) {
            return Ok(Some("UtilizationCapExceeded"));
        }
        let index = vault.borrow_index_sf.get();
        let scaled_after = add(position.scaled_debt(), to_scaled_ceil(amount, index)?)?;
        let debt_after = to_native_ceil(mul_floor(scaled_after, index)?)?;
        let entries = match strict {
            Ok(e) => e,
            Err(_) => return Ok(None),
        };
        let h = Health::compute(
            entries,
            debt_value(debt_after, vault.quote_decimals, quote_high)?,
        )?;
        Ok((!h.within_ltv()).then_some("LtvExceeded"))
    };
    match check() {
        Ok(Some(name)) => Some(name.to_string()),
        // A strict price that fails refuses every amount that passed the vault's checks.
        Ok(None) => strict.as_ref().err().cloned(),
        Err(e) => Some(error_name(&e)),
    }
}

/// The largest amount `borrow_refusal` lets through (0 when it refuses one native unit), by bisection: every
/// check is monotone in the amount.
pub fn max_borrow(
    vault: &Vault,
    position: &Position,
    strict: &std::result::Result<Vec<PricedCollateral>, String>,
    quote_high: Sf,
) -> Result<MaxBorrow> {
    let refusal = |amount: u64| borrow_refusal(vault, position, strict, quote_high, amount);
    let (mut lo, mut hi) = (0u64, vault.borrowable_liquidity()?.saturating_add(1));
    if refusal(hi).is_none() {
        bail!("a borrow of {hi}, more than the borrowable liquidity, passes every check");
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if refusal(mid).is_none() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(MaxBorrow {
        amount: lo,
        bound: refusal(lo + 1).unwrap_or_default(),
    })
}

/// The position valued with the program's math at the chain's clock.
pub fn compute(chain: PositionChain) -> Result<PositionShow> {
    let now = chain.clock.unix_timestamp;
    let (v, p, m) = (&chain.vault, &chain.position, &chain.market);
    let quote = quote_price(v, m, now).context("the quote's price")?;
    let quote_high = quote.high()?;
    let debt = p.debt_native(v.borrow_index_sf.get())?;
    let health = assess(p, v, m, now)?.health;
    let priced = price_entries(p, m, now)?;
    let lenient: Vec<PricedCollateral> = priced.iter().map(|e| e.priced).collect();
    let mut entries = vec![];
    let mut strict: std::result::Result<Vec<PricedCollateral>, String> = Ok(vec![]);
    for (i, e) in priced.iter().enumerate() {
        let asset = m
            .assets
            .get(&e.asset)
            .context("collateral asset not fetched")?
            .clone();
        let oracle = m
            .oracle_of
            .get(&e.asset)
            .context("no price account for the asset")?;
        let strict_price = m.price(&asset.oracle, oracle, now);
        let strict_error = strict_price.as_ref().err().map(anyhow_name);
        match (&mut strict, strict_price) {
            (Ok(list), Ok(price)) => list.push(asset.priced(e.priced.amount, Some(&price))),
            (Ok(_), Err(_)) => {
                strict = Err(format!(
                    "{} (the price of {})",
                    strict_error.clone().unwrap_or_default(),
                    e.asset
                ))
            }
            (Err(_), _) => {}
        }
        entries.push(EntryView {
            asset_key: e.asset,
            priced: e.priced,
            price: e.price,
            strict_error,
            value: value_floor(e.priced.amount, e.priced.decimals, e.priced.price_low)?,
            liquidation_price: liquidation_price(&lenient, i, health.debt),
            asset,
        });
    }
    let max_borrow = max_borrow(v, p, &strict, quote_high)?;
    Ok(PositionShow {
        health_bps: health.health_bps()?,
        chain,
        debt,
        quote,
        quote_high,
        health,
        entries,
        max_borrow,
    })
}

impl PositionShow {
    /// The `--json` document: base units as integers, fixed point as raw U68F60 bits (`*_sf`) beside a float.
    pub fn to_json(&self) -> Value {
        let (c, v) = (&self.chain, &self.chain.vault);
        let entries: Vec<Value> = self
            .entries
            .iter()
            .map(|e| {
                let mut sfs = vec![("price_low", e.priced.price_low), ("value", e.value)];
                if let Some(l) = e.liquidation_price {
                    sfs.push(("liquidation_price", l));
                }
                let mut j = object(
                    json!({
                        "asset": e.asset_key.to_string(),
                        "mint": e.asset.mint.to_string(),
                        "decimals": e.asset.decimals,
                        "amount_native": e.priced.amount,
                        "max_ltv_bps": e.asset.max_ltv_bps,
                        "liquidation_threshold_bps": e.asset.liquidation_threshold_bps,
                        "oracle": e.asset.oracle.account.to_string(),
                        "counted_by_liquidate": e.price.is_some(),
                        "oracle_status": e.strict_error.clone().unwrap_or_else(|| "ok".into()),
                    }),
                    &sfs,
                );
                if e.liquidation_price.is_none() {
                    j["liquidation_price_sf"] = Value::Null;
                    j["liquidation_price_float"] = Value::Null;
                }
                j
            })
            .collect();
        object(
            json!({
                "position": c.key.to_string(),
                "vault": c.vault_key.to_string(),
                "owner": c.position.owner.to_string(),
                "position_id": c.position.position_id,
                "slot": c.clock.slot,
                "now_ts": c.clock.unix_timestamp,
                "last_accrual_ts": v.last_accrual_ts,
                "quote_mint": v.quote_mint.to_string(),
                "quote_decimals": v.quote_decimals,
                "debt_native": self.debt,
                "health_bps": (self.health.debt > Sf::ZERO).then_some(self.health_bps),
                "liquidatable": self.health.is_liquidatable(),
                "max_borrow_native": self.max_borrow.amount,
                "max_borrow_bound": self.max_borrow.bound,
                "entries": entries,
            }),
            &[
                ("scaled_debt", c.position.scaled_debt()),
                ("borrow_index", v.borrow_index_sf.get()),
                ("quote_high", self.quote_high),
                ("debt_value", self.health.debt),
                ("collateral_value", self.health.collateral),
                ("borrow_power", self.health.borrow_power),
                ("liquidation_power", self.health.liquidation_power),
            ],
        )
    }

    /// The human report.
    pub fn render(&self) -> String {
        let (c, v) = (&self.chain, &self.chain.vault);
        let d = v.quote_decimals;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "position {} (owner {}, id {}) of vault {}",
            c.key, c.position.owner, c.position.position_id, c.vault_key
        );
        let _ = writeln!(
            out,
            "  books as of the vault's last accrual, {} (the next instruction accrues first); prices at the \
             chain's clock, {} (slot {})",
            fmt_utc(v.last_accrual_ts),
            fmt_utc(c.clock.unix_timestamp),
            c.clock.slot
        );
        let mut t = Table::new(&[("", Align::Left), ("", Align::Right), ("", Align::Left)]);
        t.row(vec![
            "debt".into(),
            fmt_units(self.debt, d),
            format!(
                "worth {} at the quote's high side ({})",
                fmt_sf(self.health.debt, 6),
                fmt_sf(self.quote_high, 6)
            ),
        ]);
        t.row(vec![
            "collateral".into(),
            fmt_sf(self.health.collateral, 6),
            "at each oracle's low side".into(),
        ]);
        t.row(vec![
            "borrowing power".into(),
            fmt_sf(self.health.borrow_power, 6),
            "Σ value · max LTV".into(),
        ]);
        t.row(vec![
            "liquidation power".into(),
            fmt_sf(self.health.liquidation_power, 6),
            "Σ value · liquidation threshold".into(),
        ]);
        t.row(vec![
            "health".into(),
            fmt_health(self.health_bps),
            if self.health.is_liquidatable() {
                "LIQUIDATABLE (below 1)".into()
            } else {
                "liquidatable below 1".into()
            },
        ]);
        t.row(vec![
            "max borrow".into(),
            fmt_units(self.max_borrow.amount, d),
            format!("more; one unit more: {}", self.max_borrow.bound),
        ]);
        out += &t.render_bare();
        let _ = writeln!(
            out,
            "\nCollateral (prices at the low side, min(spot − conf, EMA); a liquidation price holds the others fixed)"
        );
        let mut t = Table::new(&[
            ("asset", Align::Left),
            ("mint", Align::Left),
            ("amount", Align::Right),
            ("price", Align::Right),
            ("value", Align::Right),
            ("max LTV", Align::Right),
            ("threshold", Align::Right),
            ("liquidation price", Align::Right),
            ("oracle", Align::Left),
        ]);
        for e in &self.entries {
            t.row(vec![
                e.asset_key.to_string(),
                e.asset.mint.to_string(),
                fmt_units(e.priced.amount, e.asset.decimals),
                fmt_sf(e.priced.price_low, 6),
                fmt_sf(e.value, 6),
                crate::status::fmt_bps(u64::from(e.asset.max_ltv_bps)),
                crate::status::fmt_bps(u64::from(e.asset.liquidation_threshold_bps)),
                e.liquidation_price.map_or("none".into(), |l| fmt_sf(l, 6)),
                match (&e.strict_error, e.price.is_some()) {
                    (None, _) => "ok".into(),
                    (Some(err), true) => format!("{err} (liquidate still reads it)"),
                    (Some(err), false) => format!("{err} (counts as 0)"),
                },
            ]);
        }
        out += &t.render();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `amount` native units of a 9-decimal asset (max LTV 70 %, threshold 80 %) priced at `price` (low side).
    fn sol(amount: u64, price: u64) -> PricedCollateral {
        let asset = CollateralAsset {
            decimals: 9,
            max_ltv_bps: 7_000,
            liquidation_threshold_bps: 8_000,
            ..CollateralAsset::default()
        };
        PricedCollateral {
            price_low: Sf::from_num(price),
            ..asset.priced(amount, None)
        }
    }

    /// 10 SOL against a debt worth 800: liquidation power 8 · price, so liquidatable below 100 exactly; with 1
    /// SOL more at 150 elsewhere (liquidation power 120), below 85.
    #[test]
    fn the_liquidation_price_is_the_last_bit_below_the_line() {
        let debt = Sf::from_num(800);
        let one = [sol(10_000_000_000, 150)];
        let p = liquidation_price(&one, 0, debt).expect("a price");
        assert_eq!(p, Sf::from_num(100) - Sf::from_bits(1));
        assert!(
            liquidatable_at(&one, 0, p, debt) && !liquidatable_at(&one, 0, Sf::from_num(100), debt)
        );
        let two = [sol(10_000_000_000, 150), sol(1_000_000_000, 150)];
        let p = liquidation_price(&two, 0, debt).expect("a price");
        assert_eq!(p, Sf::from_num(85) - Sf::from_bits(1));
        // No debt, or the others alone cover it: no price of this asset liquidates it.
        assert_eq!(liquidation_price(&one, 0, Sf::ZERO), None);
        let covered = [sol(10_000_000_000, 150), sol(10_000_000_000, 150)];
        assert_eq!(liquidation_price(&covered, 0, debt), None);
    }

    /// 10 SOL at 100 and the quote at 1, no debt yet: borrowing power 700, so 700 USDC exactly unless the pool binds
    /// first (less liquidity; a utilization cap of 50 % on 500 free: x / 500 ≤ 1/2), a pause, or a failing price.
    #[test]
    fn max_borrow_stops_where_the_program_refuses() {
        use bytemuck::Zeroable;
        let p = Position {
            vault: Pubkey::default(),
            owner: Pubkey::default(),
            position_id: 0,
            bump: 0,
            entries: Default::default(),
            scaled_debt_sf: 0,
            _reserved: [0; 8],
        };
        let priced = Ok(vec![sol(10_000_000_000, 100)]);
        let broken = Err("OracleStale (the price of X)".to_string());
        for (liquidity, max_util, pause, strict, amount, bound) in [
            (1_000, 10_000, 0, &priced, 700, "LtvExceeded"),
            (500, 10_000, 0, &priced, 500, "InsufficientLiquidity"),
            (500, 5_000, 0, &priced, 250, "UtilizationCapExceeded"),
            (1_000, 10_000, PAUSE_BORROWS, &priced, 0, "BorrowsPaused"),
            (1_000, 10_000, 0, &broken, 0, "OracleStale (the price of X)"),
        ] {
            let mut v = Vault::zeroed();
            v.quote_decimals = 6;
            v.borrow_index_sf.set(Sf::ONE);
            v.liquidity_native = liquidity * 1_000_000;
            v.max_utilization_bps = max_util;
            v.pause_flags = pause;
            let want = MaxBorrow {
                amount: amount * 1_000_000,
                bound: bound.into(),
            };
            assert_eq!(max_borrow(&v, &p, strict, Sf::ONE).expect("max"), want);
        }
    }
}
