//! What `tranche status` prints: the `--json` document ([`Status::to_json`]: exact base units as integers, fixed
//! point as raw U68F60 bits in a decimal string beside its float) and the human report ([`Status::render`]:
//! aligned tables, amounts in whole quote units).

use std::fmt::Write as _;

use serde_json::{json, Value};
use tranche_vault::constants::{BPS, PAUSE_BORROWS, PAUSE_DEPOSITS, PAUSE_REDEMPTION_REQUESTS};
use tranche_vault::math::fixed::{to_native_floor, Sf};
use tranche_vault::oracle::OracleKind;
use tranche_vault::state::Tranche;

use super::{OracleStatus, Status, CLOSEST, TRANCHE_NAMES};

/// A fixed-point value's raw bits (a decimal string) and its float, under `name_sf` and `name_float`.
fn sf_fields(obj: &mut serde_json::Map<String, Value>, name: &str, x: Sf) {
    obj.insert(format!("{name}_sf"), json!(x.to_bits().to_string()));
    obj.insert(format!("{name}_float"), json!(sf_float(x)));
}

/// The float nearest a fixed-point value: its bits rounded to a float (to nearest, as `as` does), scaled by
/// 2^-60 (exact).
pub fn sf_float(x: Sf) -> f64 {
    x.to_bits() as f64 / Sf::ONE.to_bits() as f64
}

/// `fields` as a JSON object, each `(name, Sf)` of `sfs` added as `name_sf` and `name_float`.
pub(crate) fn object(fields: Value, sfs: &[(&str, Sf)]) -> Value {
    let mut obj = match fields {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    for (name, x) in sfs {
        sf_fields(&mut obj, name, *x);
    }
    Value::Object(obj)
}

fn oracle_kind(kind: u8) -> &'static str {
    match OracleKind::from_u8(kind) {
        Ok(OracleKind::PythPull) => "pyth-pull",
        Ok(OracleKind::PythLegacy) => "pyth-legacy",
        Err(_) => "unknown",
    }
}

impl OracleStatus {
    fn to_json(&self) -> Value {
        let mut sfs = vec![];
        if let Some(p) = &self.price {
            sfs.extend([
                ("price", p.price),
                ("conf", p.conf),
                ("ema_price", p.ema_price),
                ("low", p.low()),
            ]);
            if let Ok(h) = p.high() {
                sfs.push(("high", h));
            }
        }
        object(
            json!({
                "account": self.setting.account.to_string(),
                "kind": oracle_kind(self.setting.kind),
                "program": self.setting.program.to_string(),
                "owner": self.owner.map(|o| o.to_string()),
                "status": self.error.clone().unwrap_or_else(|| "ok".into()),
                "counted_by_liquidate": self.lenient.is_some(),
                "publish_time": self.raw.map(|r| r.publish_time),
                "age_secs": self.age_secs,
                "max_age_secs": self.setting.max_age_secs,
                "conf_bps": self.conf_bps,
                "max_conf_bps": self.setting.max_conf_bps,
                "raw": self.raw.map(|r| json!({
                    "price": r.price,
                    "conf": r.conf,
                    "expo": r.expo,
                    "ema_price": r.ema_price,
                    "ema_conf": r.ema_conf,
                })),
            }),
            &sfs,
        )
    }
}

impl Status {
    /// The `--json` document: exact base units, fixed point as raw bits (strings) and floats.
    pub fn to_json(&self) -> Value {
        let v = &self.vault;
        let tranches: Vec<Value> = self
            .tranches
            .iter()
            .map(|t| {
                object(
                    json!({
                        "tranche": TRANCHE_NAMES[t.tranche.index()],
                        "index": t.tranche.index(),
                        "mint": t.mint.to_string(),
                        "token": {"name": t.token.name, "symbol": t.token.symbol, "uri": t.token.uri},
                        "nav_native": t.nav_native,
                        "supply": t.token.supply,
                        "dead_shares": t.dead_shares,
                        "effective_supply": t.effective_supply,
                        "realized_apr_bps": t.realized_apr_bps,
                        "target_apr_bps": t.target_apr_bps,
                        "deposit_cap_native": t.deposit_cap,
                        "cap_used_bps": t.cap_used_bps,
                        "written_down_native": t.written_down_native,
                        "queued_shares": t.queued_shares,
                        "queue_generation": t.queue_generation,
                        "close_fill_shares": t.close.filled,
                    }),
                    &[
                        ("nav", t.nav),
                        ("price_per_token", t.price_per_token),
                        ("written_down", t.written_down),
                        ("queued_value", t.queued_value),
                        ("close_payout", t.close.payout),
                        ("max_redeemable", t.close.subordination_cap),
                    ],
                )
            })
            .collect();
        let assets: Vec<Value> = self
            .assets
            .iter()
            .map(|a| {
                object(
                    json!({
                        "asset": a.key.to_string(),
                        "mint": a.asset.mint.to_string(),
                        "decimals": a.asset.decimals,
                        "enabled": a.asset.enabled,
                        "max_ltv_bps": a.asset.max_ltv_bps,
                        "liquidation_threshold_bps": a.asset.liquidation_threshold_bps,
                        "liquidation_bonus_bps": a.asset.liquidation_bonus_bps,
                        "deposit_cap_native": a.asset.deposit_cap,
                        "total_deposits_native": a.asset.total_deposits,
                        "custody": a.asset.custody.to_string(),
                        "custody_native": a.custody_balance,
                        "share_bps": a.share_bps,
                        "oracle": a.oracle.to_json(),
                    }),
                    &[("value", a.value)],
                )
            })
            .collect();
        let closest: Vec<Value> = self
            .by_health
            .iter()
            .take(CLOSEST)
            .map(|p| {
                object(
                    json!({
                        "position": p.key.to_string(),
                        "owner": p.position.owner.to_string(),
                        "position_id": p.position.position_id,
                        "entries": p.position.active().map(|e| json!({
                            "asset": e.asset.to_string(),
                            "amount_native": e.amount,
                        })).collect::<Vec<_>>(),
                        "debt_native": p.debt,
                        "health_bps": p.health_bps,
                        "liquidatable": p.health.is_liquidatable(),
                    }),
                    &[
                        ("collateral_value", p.health.collateral),
                        ("borrow_power", p.health.borrow_power),
                        ("liquidation_power", p.health.liquidation_power),
                        ("debt_value", p.health.debt),
                    ],
                )
            })
            .collect();
        let epoch_end = v.epoch_end_ts().ok();
        json!({
            "vault": self.key.to_string(),
            "program": tranche_vault::ID.to_string(),
            "slot": self.slot,
            "now_ts": self.now,
            "created_ts": v.created_ts,
            "last_accrual_ts": v.last_accrual_ts,
            "pause_flags": v.pause_flags,
            "quote": {
                "mint": v.quote_mint.to_string(),
                "decimals": v.quote_decimals,
                "token_program": v.quote_token_program.to_string(),
            },
            "tranches": tranches,
            "subordination": {
                "junior_bps": self.junior_bps,
                "min_junior_bps": v.min_junior_bps,
                "junior_mezzanine_bps": self.junior_mezzanine_bps,
                "min_subordination_bps": v.min_subordination_bps,
                "status": self.subordination_error.clone().unwrap_or_else(|| "ok".into()),
            },
            "pool": object(json!({
                "debt_native": self.debt_native,
                "liquidity_native": v.liquidity_native,
                "liquidity_account_native": self.liquidity_account,
                "free_liquidity_native": self.free_liquidity,
                "borrowable_liquidity_native": self.borrowable_liquidity,
                "utilization_bps": bps_floor(self.utilization),
                "max_utilization_bps": v.max_utilization_bps,
                "borrow_rate_bps": bps_floor(self.borrow_rate),
                "protocol_fee_bps": v.protocol_fee_bps,
            }), &[
                ("debt", self.debt),
                ("reserved_payout", v.reserved_payout_sf.get()),
                ("utilization", self.utilization),
                ("borrow_rate", self.borrow_rate),
                ("borrow_index", v.borrow_index_sf.get()),
                ("fees", v.fees_sf.get()),
                ("collateral_value", self.collateral_value),
            ]),
            "quote_oracle": self.quote_oracle.to_json(),
            "collateral": assets,
            "positions": {
                "count": self.position_count,
                "with_debt": self.position_count - self.without_debt,
                "without_debt": self.without_debt,
                "liquidatable": self.liquidatable,
                "unpriced": self.unpriced.iter().map(|(k, e)| json!({"position": k.to_string(), "error": e})).collect::<Vec<_>>(),
                "buckets": self.buckets.iter().map(|b| json!({
                    "label": b.label,
                    "from_bps": b.from_bps,
                    "to_bps": b.to_bps,
                    "positions": b.positions,
                    "debt_native": b.debt,
                })).collect::<Vec<_>>(),
                "closest": closest,
            },
            "epoch": {
                "index": v.epoch_index,
                "start_ts": v.epoch_start_ts,
                "duration_secs": v.epoch_duration_secs,
                "next_close_ts": epoch_end,
                "closable_now": epoch_end.is_some_and(|e| self.now >= e),
            },
        })
    }

    /// The human report: aligned tables, amounts in whole quote units.
    pub fn render(&self) -> String {
        let v = &self.vault;
        let d = v.quote_decimals;
        // Native quote units (fixed point) in whole units, rounded down.
        let amount = |x: Sf| to_native_floor(x).map_or("(beyond u64)".into(), |n| fmt_units(n, d));
        let mut out = String::new();
        let _ = writeln!(out, "vault {}", self.key);
        let _ = writeln!(
            out,
            "  chain time {} (slot {}); created {} ({} ago)",
            fmt_utc(self.now),
            self.slot,
            fmt_utc(v.created_ts),
            fmt_duration(self.now - v.created_ts)
        );
        let _ = writeln!(
            out,
            "  books as of the last accrual, {} ({} ago; the next instruction accrues the rest)",
            fmt_utc(v.last_accrual_ts),
            fmt_duration(self.now - v.last_accrual_ts)
        );
        let _ = writeln!(
            out,
            "  quote mint {} ({d} decimals); amounts below in whole quote units",
            v.quote_mint
        );
        let _ = writeln!(out, "  paused: {}", pause_str(v.pause_flags));

        let _ = writeln!(out, "\nTranches");
        let mut t = Table::new(&[
            ("tranche", L),
            ("symbol", L),
            ("name", L),
            ("NAV", R),
            ("price/token", R),
            ("supply", R),
            ("written down", R),
            ("realized APR", R),
            ("target APR", R),
            ("cap", R),
            ("cap used", R),
        ]);
        for x in &self.tranches {
            t.row(vec![
                TRANCHE_NAMES[x.tranche.index()].into(),
                x.token.symbol.clone(),
                x.token.name.clone(),
                fmt_units(x.nav_native, d),
                fmt_sf(x.price_per_token, 6),
                fmt_units(x.token.supply, x.token.decimals),
                fmt_units(x.written_down_native, d),
                fmt_bps_signed(x.realized_apr_bps),
                if x.tranche == Tranche::Junior {
                    "residual".into()
                } else {
                    fmt_bps(u64::from(x.target_apr_bps))
                },
                fmt_units(x.deposit_cap, d),
                fmt_bps(x.cap_used_bps),
            ]);
        }
        out += &t.render();
        let _ = writeln!(
            out,
            "  subordination: junior {} of NAV (min {}), junior + mezzanine {} (min {}): {}",
            fmt_bps(self.junior_bps),
            fmt_bps(u64::from(v.min_junior_bps)),
            fmt_bps(self.junior_mezzanine_bps),
            fmt_bps(u64::from(v.min_subordination_bps)),
            self.subordination_error
                .as_deref()
                .map_or("within limits".to_string(), |e| format!("BREACHED ({e})"))
        );

        let _ = writeln!(out, "\nPool");
        let mut t = Table::new(&[("", L), ("", R), ("", L)]);
        t.row(vec![
            "debt".into(),
            fmt_units(self.debt_native, d),
            String::new(),
        ]);
        t.row(vec![
            "liquidity (booked)".into(),
            fmt_units(v.liquidity_native, d),
            self.liquidity_account
                .map_or("(liquidity account missing)".into(), |b| {
                    format!("the account holds {}", fmt_units(b, d))
                }),
        ]);
        t.row(vec![
            "reserved payouts".into(),
            amount(v.reserved_payout_sf.get()),
            "filled redemptions not yet claimed".into(),
        ]);
        t.row(vec![
            "free liquidity".into(),
            fmt_units(self.free_liquidity, d),
            String::new(),
        ]);
        t.row(vec![
            "borrowable now".into(),
            fmt_units(self.borrowable_liquidity, d),
            "free less what the queue would be paid at a close".into(),
        ]);
        t.row(vec![
            "utilization".into(),
            fmt_bps(bps_floor(self.utilization)),
            format!("max {}", fmt_bps(u64::from(v.max_utilization_bps))),
        ]);
        t.row(vec![
            "borrow rate".into(),
            fmt_bps(bps_floor(self.borrow_rate)),
            format!(
                "a year, at this utilization; borrow index {}",
                fmt_sf(v.borrow_index_sf.get(), 9)
            ),
        ]);
        t.row(vec![
            "protocol fees".into(),
            amount(v.fees_sf.get()),
            format!("{} of interest", fmt_bps(u64::from(v.protocol_fee_bps))),
        ]);
        out += &t.render_bare();

        let _ = writeln!(
            out,
            "\nCollateral: {} in the oracles' price unit, each asset at its low side, min(spot − conf, EMA)",
            fmt_sf(self.collateral_value, 2)
        );
        let mut t = Table::new(&[
            ("mint", L),
            ("deposited", R),
            ("price", R),
            ("conf", R),
            ("EMA", R),
            ("age", R),
            ("oracle", L),
            ("value", R),
            ("share", R),
            ("LTV / liq.", R),
        ]);
        let oracle_cells = |o: &OracleStatus| -> [String; 5] {
            let p = o.price.as_ref();
            [
                p.map_or("-".into(), |p| fmt_sf(p.price, 6)),
                match (p, o.conf_bps) {
                    (Some(p), Some(bps)) => format!("{} ({})", fmt_sf(p.conf, 6), fmt_bps(bps)),
                    _ => "-".into(),
                },
                p.map_or("-".into(), |p| fmt_sf(p.ema_price, 6)),
                o.age_secs.map_or("-".into(), fmt_duration),
                match (&o.error, o.lenient.is_some()) {
                    (None, _) => "ok".into(),
                    (Some(e), true) => format!("{e}; liquidate reads it"),
                    (Some(e), false) => format!("{e}; counts as 0"),
                },
            ]
        };
        for a in &self.assets {
            let [price, conf, ema, age, state] = oracle_cells(&a.oracle);
            t.row(vec![
                a.asset.mint.to_string(),
                fmt_units(a.asset.total_deposits, a.asset.decimals),
                price,
                conf,
                ema,
                age,
                state,
                fmt_sf(a.value, 2),
                fmt_bps(a.share_bps),
                format!(
                    "{} / {}{}",
                    fmt_bps(u64::from(a.asset.max_ltv_bps)),
                    fmt_bps(u64::from(a.asset.liquidation_threshold_bps)),
                    if a.asset.enabled { "" } else { " (disabled)" }
                ),
            ]);
        }
        let [price, conf, ema, age, state] = oracle_cells(&self.quote_oracle);
        t.row(vec![
            format!("{} (quote)", v.quote_mint),
            "-".into(),
            price,
            conf,
            ema,
            age,
            state,
            "-".into(),
            "-".into(),
            "-".into(),
        ]);
        out += &t.render();
        let _ = writeln!(
            out,
            "  debt is valued at the quote's high side, max(spot + conf, EMA); an entry whose price fails counts as 0"
        );

        let _ = writeln!(
            out,
            "\nPositions: {} ({} with debt, {} without; {} liquidatable{})",
            self.position_count,
            self.position_count - self.without_debt,
            self.without_debt,
            self.liquidatable,
            if self.unpriced.is_empty() {
                String::new()
            } else {
                format!(", {} unpriced", self.unpriced.len())
            }
        );
        let mut t = Table::new(&[("health", L), ("positions", R), ("debt", R)]);
        for b in &self.buckets {
            t.row(vec![
                b.label.into(),
                b.positions.to_string(),
                fmt_units(b.debt, d),
            ]);
        }
        out += &t.render();
        for (k, e) in &self.unpriced {
            let _ = writeln!(out, "  unpriced {k}: {e}");
        }
        let _ = writeln!(
            out,
            "\nClosest to liquidation ({} of {})",
            self.by_health.len().min(CLOSEST),
            self.by_health.len()
        );
        let mut t = Table::new(&[
            ("position", L),
            ("owner", L),
            ("debt", R),
            ("collateral value", R),
            ("liquidation power", R),
            ("debt value", R),
            ("health", R),
        ]);
        for p in self.by_health.iter().take(CLOSEST) {
            t.row(vec![
                p.key.to_string(),
                p.position.owner.to_string(),
                fmt_units(p.debt, d),
                fmt_sf(p.health.collateral, 2),
                fmt_sf(p.health.liquidation_power, 2),
                fmt_sf(p.health.debt, 2),
                format!(
                    "{}{}",
                    fmt_health(p.health_bps),
                    if p.health.is_liquidatable() {
                        " liquidatable"
                    } else {
                        ""
                    }
                ),
            ]);
        }
        out += &t.render();

        let end = v.epoch_end_ts();
        let _ = writeln!(
            out,
            "\nRedemption queue: epoch {}, started {}; {}",
            v.epoch_index,
            fmt_utc(v.epoch_start_ts),
            match end {
                Ok(e) if self.now >= e => format!(
                    "closable now (since {}, {} ago)",
                    fmt_utc(e),
                    fmt_duration(self.now - e)
                ),
                Ok(e) => format!(
                    "next close from {} (in {})",
                    fmt_utc(e),
                    fmt_duration(e - self.now)
                ),
                Err(_) => "next close: overflow".into(),
            }
        );
        let mut t = Table::new(&[
            ("tranche", L),
            ("queued shares", R),
            ("their value", R),
            ("a close now fills", R),
            ("and pays", R),
            ("redeemable within limits", R),
        ]);
        for x in &self.tranches {
            t.row(vec![
                TRANCHE_NAMES[x.tranche.index()].into(),
                fmt_units(x.queued_shares, x.token.decimals),
                amount(x.queued_value),
                fmt_units(x.close.filled, x.token.decimals),
                amount(x.close.payout),
                amount(x.close.subordination_cap),
            ]);
        }
        out += &t.render();
        out
    }
}

/// A fraction as bps, rounded down.
fn bps_floor(x: Sf) -> u64 {
    x.checked_mul_int(u128::from(BPS)).map_or(u64::MAX, |b| {
        u64::try_from(b.to_num::<u128>()).unwrap_or(u64::MAX)
    })
}

fn pause_str(flags: u32) -> String {
    let names: Vec<&str> = [
        (PAUSE_DEPOSITS, "deposits"),
        (PAUSE_BORROWS, "borrows"),
        (PAUSE_REDEMPTION_REQUESTS, "redemption requests"),
    ]
    .iter()
    .filter(|(bit, _)| flags & bit != 0)
    .map(|(_, n)| *n)
    .collect();
    if names.is_empty() {
        "nothing".into()
    } else {
        names.join(", ")
    }
}

/// `native` base units with `decimals` as whole units, thousands separated: 1234567890 with 6 → "1,234.567890".
pub fn fmt_units(native: u64, decimals: u8) -> String {
    let s = native.to_string();
    let d = usize::from(decimals);
    let (int, frac) = if s.len() > d {
        s.split_at(s.len() - d)
    } else {
        ("0", "")
    };
    let frac = if s.len() > d {
        frac.to_string()
    } else {
        format!("{s:0>d$}")
    };
    let grouped = group_thousands(int);
    if d == 0 {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// A fixed-point value with `digits` decimals (at most 18), truncated (exact: from the raw bits), thousands
/// separated.
pub fn fmt_sf(x: Sf, digits: u32) -> String {
    let bits = x.to_bits();
    let int = group_thousands(&(bits >> 60).to_string());
    let digits = digits.min(18);
    if digits == 0 {
        return int;
    }
    // The fraction (< 2^60) times 10^18 (< 2^60) fits in u128.
    let frac = ((bits & ((1u128 << 60) - 1)) * 10u128.pow(digits)) >> 60;
    format!("{int}.{frac:0>w$}", w = digits as usize)
}

/// Decimal digits with a comma every three from the right.
fn group_thousands(int: &str) -> String {
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// Bps as a percentage with two decimals.
pub fn fmt_bps(bps: u64) -> String {
    format!("{}.{:02} %", bps / 100, bps % 100)
}

fn fmt_bps_signed(bps: i64) -> String {
    let s = fmt_bps(bps.unsigned_abs());
    if bps < 0 {
        format!("-{s}")
    } else {
        s
    }
}

/// A health in bps as a ratio with four decimals (∞ when there is no debt to divide by).
pub fn fmt_health(bps: u64) -> String {
    if bps == u64::MAX {
        "∞".into()
    } else {
        format!("{}.{:04}", bps / 10_000, bps % 10_000)
    }
}

/// A duration: "42 s", "5 min 3 s", "3 h 12 min", "10 d 4 h".
pub fn fmt_duration(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    let body = match s {
        0..60 => format!("{s} s"),
        60..3_600 => format!("{} min {} s", s / 60, s % 60),
        3_600..86_400 => format!("{} h {} min", s / 3_600, s % 3_600 / 60),
        _ => format!("{} d {} h", s / 86_400, s % 86_400 / 3_600),
    };
    format!("{sign}{body}")
}

/// Unix seconds as a UTC date and time (the proleptic Gregorian calendar, days-from-civil inverted).
pub fn fmt_utc(ts: i64) -> String {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

#[derive(Clone, Copy)]
pub(crate) enum Align {
    Left,
    Right,
}
use Align::{Left as L, Right as R};

/// A text table: columns padded to their widest cell (in characters).
pub(crate) struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(cols: &[(&str, Align)]) -> Table {
        Table {
            header: cols.iter().map(|(h, _)| h.to_string()).collect(),
            align: cols.iter().map(|(_, a)| *a).collect(),
            rows: vec![],
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn lines(&self, with_header: bool) -> String {
        let mut all: Vec<&Vec<String>> = vec![];
        if with_header {
            all.push(&self.header);
        }
        all.extend(&self.rows);
        let mut widths = vec![0; self.header.len()];
        for r in &all {
            for (w, c) in widths.iter_mut().zip(r.iter()) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = String::new();
        for r in all {
            let mut line = String::from(" ");
            for ((c, w), a) in r.iter().zip(&widths).zip(&self.align) {
                let pad = " ".repeat(w - c.chars().count());
                line.push(' ');
                match a {
                    Align::Left => {
                        line += c;
                        line += &pad;
                    }
                    Align::Right => {
                        line += &pad;
                        line += c;
                    }
                }
                line.push(' ');
            }
            out += line.trim_end();
            out.push('\n');
        }
        out
    }

    pub(crate) fn render(&self) -> String {
        self.lines(true)
    }

    /// Without the header row (a list of labelled figures).
    pub(crate) fn render_bare(&self) -> String {
        self.lines(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts_durations_and_dates() {
        assert_eq!(fmt_units(1_234_567_890, 6), "1,234.567890");
        assert_eq!(fmt_units(5, 6), "0.000005");
        assert_eq!(fmt_units(0, 6), "0.000000");
        assert_eq!(fmt_units(1_000_000, 0), "1,000,000");
        assert_eq!(fmt_units(999_999, 6), "0.999999");
        assert_eq!(fmt_units(100_000_000, 6), "100.000000");
        assert_eq!(fmt_sf(Sf::from_num(1.5), 4), "1.5000");
        assert_eq!(fmt_sf(Sf::from_bits((3 << 60) - 1), 3), "2.999");
        assert_eq!(fmt_sf(Sf::from_num(2_998.5), 2), "2,998.50");
        assert_eq!(fmt_sf(Sf::from_num(1_234_567), 0), "1,234,567");
        assert_eq!(fmt_bps(1_234), "12.34 %");
        assert_eq!(fmt_bps_signed(-5), "-0.05 %");
        assert_eq!(fmt_health(9_729), "0.9729");
        assert_eq!(fmt_health(u64::MAX), "∞");
        assert_eq!(fmt_duration(42), "42 s");
        assert_eq!(fmt_duration(3_725), "1 h 2 min");
        assert_eq!(fmt_duration(-90), "-1 min 30 s");
        assert_eq!(fmt_duration(864_000 + 7_200), "10 d 2 h");
        assert_eq!(fmt_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(fmt_utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(fmt_utc(1_796_165_999), "2026-12-01 22:59:59 UTC");
        assert_eq!(fmt_utc(-1), "1969-12-31 23:59:59 UTC");
    }

    #[test]
    fn tables_align_on_characters() {
        let mut t = Table::new(&[("a", L), ("bb", R)]);
        t.row(vec!["≥ 2".into(), "1".into()]);
        t.row(vec!["x".into(), "1,000".into()]);
        assert_eq!(t.render(), "  a       bb\n  ≥ 2      1\n  x    1,000\n");
    }
}
