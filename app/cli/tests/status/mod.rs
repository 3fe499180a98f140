//! `tranche status` against the local validator that `validator.rs` starts (one start serves both: each costs about
//! 35 s), and in the roles scenario (`roles.rs`, which also values a position with the helpers here). [`status_shows_what_the_chain_holds`] runs the built binary with `--json` and without, reads every account
//! it reads over RPC itself (the program's accounts by one unfiltered `getProgramAccounts`, the mints, token
//! accounts, Pyth accounts and the Clock by their bytes), works out every figure with plain integer arithmetic on
//! the raw U68F60 bits, from the rules as the README states them (none of the program's math, nor the CLI's), and
//! compares the whole JSON document with the one it built, field by field: a figure the status prints that the test
//! does not compute fails too.

use std::collections::{BTreeMap, HashMap};
use std::process::Command;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::sysvar::SysvarId;
use anchor_lang::{AccountDeserialize, Discriminator};
use anchor_spl::token_2022::spl_token_2022;
use anchor_spl::token_2022_extensions::spl_token_metadata_interface::state::TokenMetadata;
use serde_json::{json, Value};
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::state::{CollateralAsset, Position, Vault};

/// 1.0 in U68F60 bits.
pub const ONE: u128 = 1 << 60;
pub const BPS: u128 = 10_000;
const YEAR_SECS: f64 = 31_536_000.0;
const TRANCHES: [&str; 3] = ["senior", "mezzanine", "junior"];
const BUCKETS: [(&str, u64, Option<u64>); 6] = [
    ("< 1 (liquidatable)", 0, Some(10_000)),
    ("1 – 1.1", 10_000, Some(11_000)),
    ("1.1 – 1.25", 11_000, Some(12_500)),
    ("1.25 – 1.5", 12_500, Some(15_000)),
    ("1.5 – 2", 15_000, Some(20_000)),
    ("≥ 2", 20_000, None),
];

/// `a · b / d` exactly (the product in 256 bits, long division bit by bit), rounded down or up.
pub fn mul_div(a: u128, b: u128, d: u128, up: bool) -> u128 {
    assert!(d > 0 && d < 1 << 127, "divisor {d}");
    const M: u128 = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & M, b >> 64, b & M);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let lo = (p00 & M) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    let (mut q, mut r) = (0u128, 0u128);
    for i in (0..256).rev() {
        let bit = if i >= 128 {
            (hi >> (i - 128)) & 1
        } else {
            (lo >> i) & 1
        };
        r = (r << 1) | bit;
        if r >= d {
            r -= d;
            assert!(i < 128, "quotient beyond u128");
            q |= 1 << i;
        }
    }
    q + u128::from(up && r != 0)
}

pub fn floor_native(x: u128) -> u128 {
    x >> 60
}

pub fn ceil_native(x: u128) -> u128 {
    (x >> 60) + u128::from(x & (ONE - 1) != 0)
}

fn float(bits: u128) -> f64 {
    bits as f64 / ONE as f64
}

/// `name_sf` (raw bits as a string) and `name_float` into `obj`.
pub fn sf(obj: &mut Value, name: &str, bits: u128) {
    obj[format!("{name}_sf")] = json!(bits.to_string());
    obj[format!("{name}_float")] = json!(float(bits));
}

/// JavaScript's `Math.round` (halves towards +∞), as the SDK rounds.
fn js_round(x: f64) -> i64 {
    let f = x.floor();
    (if x - f >= 0.5 { f + 1.0 } else { f }) as i64
}

fn le_u64(d: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(d[at..at + 8].try_into().expect("8 bytes"))
}

fn le_i64(d: &[u8], at: usize) -> i64 {
    i64::from_le_bytes(d[at..at + 8].try_into().expect("8 bytes"))
}

/// (slot, unix time) of the Clock sysvar: its layout is slot, epoch start, epoch, leader schedule epoch, unix time.
pub fn clock(rpc: &RpcClient) -> (u64, i64) {
    let d = rpc
        .get_account_data(&<anchor_lang::prelude::Clock as SysvarId>::id())
        .expect("clock");
    (le_u64(&d, 0), le_i64(&d, 32))
}

/// What an account holds, if it exists.
pub fn account(rpc: &RpcClient, key: &Pubkey) -> Option<(Pubkey, Vec<u8>)> {
    rpc.get_multiple_accounts(&[*key])
        .expect("getMultipleAccounts")[0]
        .as_ref()
        .map(|a| (a.owner, a.data.clone()))
}

/// A token account's amount (bytes 64..72 of the base layout).
fn token_amount(rpc: &RpcClient, key: &Pubkey) -> Option<u64> {
    account(rpc, key).map(|(_, d)| le_u64(&d, 64))
}

/// A `PriceUpdateV2` read from its bytes (8 discriminator, 32 write authority, verification 1 byte for Full, feed
/// id, price, conf, exponent, publish time, previous publish time, EMA, EMA conf, posted slot).
struct PullPrice {
    full: bool,
    feed: [u8; 32],
    price: i64,
    conf: u64,
    expo: i32,
    publish_time: i64,
    ema: i64,
    ema_conf: u64,
}

fn pull_price(d: &[u8]) -> PullPrice {
    assert_eq!(d.len(), 134, "a PriceUpdateV2 is 134 bytes");
    assert_eq!(d[40], 1, "the test writes Full updates");
    let o = 41;
    PullPrice {
        full: d[40] == 1,
        feed: d[o..o + 32].try_into().expect("feed"),
        price: le_i64(d, o + 32),
        conf: le_u64(d, o + 40),
        expo: i32::from_le_bytes(d[o + 48..o + 52].try_into().expect("expo")),
        publish_time: le_i64(d, o + 52),
        ema: le_i64(d, o + 68),
        ema_conf: le_u64(d, o + 76),
    }
}

/// The price units per whole token of `v · 10^expo` as U68F60 bits, rounded down (prices) or up (confidences).
fn scaled(v: u64, expo: i32, up: bool) -> u128 {
    assert!(expo < 0, "the test writes negative exponents");
    mul_div(u128::from(v), ONE, 10u128.pow(expo.unsigned_abs()), up)
}

/// An oracle as the test expects the status to show it: its JSON, and (low, high) when it passes every check.
pub fn oracle(
    rpc: &RpcClient,
    setting: &tranche_vault::oracle::OracleSetting,
    now: i64,
) -> (Value, Option<(u128, u128)>) {
    let mut j = json!({
        "account": setting.account.to_string(),
        "kind": "pyth-pull",
        "program": setting.program.to_string(),
        "max_age_secs": setting.max_age_secs,
        "max_conf_bps": setting.max_conf_bps,
    });
    assert_eq!(setting.kind, 0, "the test's oracles are pull updates");
    let Some((owner, data)) = account(rpc, &setting.account) else {
        for k in ["owner", "publish_time", "age_secs", "conf_bps", "raw"] {
            j[k] = Value::Null;
        }
        j["status"] = json!("missing");
        j["counted_by_liquidate"] = json!(false);
        return (j, None);
    };
    let p = pull_price(&data);
    let age = now - p.publish_time;
    let ok = owner == setting.program
        && p.feed == setting.feed_id
        && p.full
        && p.price > 0
        && age <= i64::from(setting.max_age_secs)
        && u128::from(p.conf) * BPS <= p.price as u128 * u128::from(setting.max_conf_bps);
    assert!(
        ok,
        "oracle {}: the test knows the status of a missing or a passing price only",
        setting.account
    );
    let price = scaled(p.price as u64, p.expo, false);
    let conf = scaled(p.conf, p.expo, true);
    let ema = scaled(u64::try_from(p.ema).unwrap_or(0), p.expo, false);
    let spot_low = price.saturating_sub(conf);
    let low = if ema > 0 { spot_low.min(ema) } else { spot_low };
    let high = (price + conf).max(ema);
    j["owner"] = json!(owner.to_string());
    j["status"] = json!("ok");
    j["counted_by_liquidate"] = json!(true);
    j["publish_time"] = json!(p.publish_time);
    j["age_secs"] = json!(age);
    j["conf_bps"] = json!((u128::from(p.conf) * BPS / p.price as u128) as u64);
    j["raw"] = json!({"price": p.price, "conf": p.conf, "expo": p.expo, "ema_price": p.ema, "ema_conf": p.ema_conf});
    sf(&mut j, "price", price);
    sf(&mut j, "conf", conf);
    sf(&mut j, "ema_price", ema);
    sf(&mut j, "low", low);
    sf(&mut j, "high", high);
    (j, Some((low, high)))
}

/// `⌊(sub − ⌈total · min / BPS⌉)⁺ · BPS / (BPS − min)⌋`: how much of `sub` may leave with it still `min` of the
/// total.
fn headroom(sub: u128, total: u128, min_bps: u16) -> u128 {
    let floor_needed = mul_div(total, u128::from(min_bps), BPS, true);
    mul_div(
        sub.saturating_sub(floor_needed),
        BPS,
        BPS - u128::from(min_bps),
        false,
    )
}

/// Senior redemptions only raise the subordination ratios; mezzanine's must keep junior + mezzanine, junior's both.
fn max_redeemable(t: usize, nav: &[u128; 3], min_junior: u16, min_sub: u16) -> u128 {
    let total = nav[0] + nav[1] + nav[2];
    let jm = nav[1] + nav[2];
    match t {
        0 => nav[0],
        1 => nav[1].min(headroom(jm, total, min_sub)),
        _ => nav[2]
            .min(headroom(nav[2], total, min_junior))
            .min(headroom(jm, total, min_sub)),
    }
}

/// What an epoch close fills (shares, payout bits) and each tranche's redemption cap: senior first, each
/// tranche's queue at its price (rounded down) if the free liquidity left and its cap allow, else the shares that
/// `⌊cap⌋ · supply / ⌈NAV⌉` buys, paid at the price.
fn plan_close(v: &Vault, supply: [u64; 3], free_native: u128) -> [(u64, u128, u128); 3] {
    let mut nav = [0, 1, 2].map(|t| v.tranches[t].nav_sf.get().to_bits());
    let mut free = free_native << 60;
    let mut out = [(0, 0, 0); 3];
    for t in 0..3 {
        let cap = max_redeemable(t, &nav, v.min_junior_bps, v.min_subordination_bps);
        out[t].2 = cap;
        let q = u128::from(v.tranches[t].queued_shares);
        let eff = u128::from(supply[t] + v.tranches[t].dead_shares);
        if q == 0 || nav[t] == 0 {
            continue;
        }
        let all = mul_div(nav[t], q, eff, false);
        let cap = cap.min(free);
        let (filled, payout) = if all <= cap {
            (q, all)
        } else {
            let f = floor_native(cap) * eff / ceil_native(nav[t]);
            (f, mul_div(nav[t], f, eff, false))
        };
        if filled > 0 {
            nav[t] -= payout;
            free -= payout;
            out[t].0 = filled as u64;
            out[t].1 = payout;
        }
    }
    out
}

/// The kinked curve at utilization `u` (bits): in bps, `base + slope1 · u / optimal` up to the kink, then
/// `+ slope2 · (u − optimal) / (1 − optimal)`, each term rounded up; then over BPS, rounded up.
fn borrow_rate(v: &Vault, u: u128) -> u128 {
    let c = v.rate_curve;
    let u_bps = u.min(ONE) * BPS;
    let opt = u128::from(c.optimal_utilization_bps);
    let base = u128::from(c.base_rate_bps) << 60;
    let rate_bps = if u_bps <= opt << 60 {
        base + mul_div(u_bps, u128::from(c.slope1_bps), opt, true)
    } else {
        base + (u128::from(c.slope1_bps) << 60)
            + mul_div(
                u_bps - (opt << 60),
                u128::from(c.slope2_bps),
                BPS - opt,
                true,
            )
    };
    mul_div(rate_bps, 1, BPS, true)
}

/// Every difference between `got` and `want`, by path.
pub fn diff(path: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            let keys: std::collections::BTreeSet<&String> = g.keys().chain(w.keys()).collect();
            for k in keys {
                let p = format!("{path}.{k}");
                match (g.get(k), w.get(k)) {
                    (Some(a), Some(b)) => diff(&p, a, b, out),
                    (Some(a), None) => {
                        out.push(format!("{p}: printed ({a}) but not computed by the test"))
                    }
                    (None, Some(b)) => out.push(format!("{p}: missing, want {b}")),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => {
            for (i, (a, b)) in g.iter().zip(w).enumerate() {
                diff(&format!("{path}[{i}]"), a, b, out);
            }
        }
        _ if got != want => out.push(format!("{path}: got {got}, want {want}")),
        _ => {}
    }
}

/// Runs the `tranche status` binary; returns its stdout.
fn status(url: &str, vault: &Pubkey, json: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tranche"));
    cmd.args(["status", "--url", url, "--vault", &vault.to_string()]);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("run tranche status");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "tranche status failed: {}{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// `tranche status --json` shows exactly the figures the test works out from the chain's accounts, and the human
/// report names each tranche's symbol and lists the positions closest to liquidation, lowest health first. Returns
/// the JSON document (for the caller's own checks of the scenario).
pub fn status_shows_what_the_chain_holds(
    rpc: &RpcClient,
    url: &str,
    key: &Pubkey,
    when: &str,
) -> Value {
    let started = std::time::Instant::now();
    let (slot_before, now_before) = clock(rpc);
    let got: Value = serde_json::from_str(&status(url, key, true)).expect("status --json is JSON");
    let human = status(url, key, false);
    let (slot_after, now_after) = clock(rpc);
    println!("--- tranche status ({when})\n{human}");
    // The status dates its read by the chain's clock, read between the test's two.
    let now = got["now_ts"].as_i64().expect("now_ts");
    let slot = got["slot"].as_u64().expect("slot");
    assert!(
        (now_before..=now_after).contains(&now) && (slot_before..=slot_after).contains(&slot),
        "{when}: status at slot {slot}, unix {now}; the test read the clock at {slot_before}/{now_before} and \
         {slot_after}/{now_after}"
    );

    // The chain, as the test reads it. Nothing writes to it while the test runs this.
    let v: Vault =
        tranche_cli::decode(&account(rpc, key).expect("vault").1, key).expect("decode vault");
    let mut assets: BTreeMap<Pubkey, CollateralAsset> = BTreeMap::new();
    let mut positions: BTreeMap<Pubkey, Position> = BTreeMap::new();
    for (k, a) in rpc
        .get_program_accounts(&tranche_vault::ID)
        .expect("getProgramAccounts")
    {
        let of_vault = a.data.get(8..40) == Some(key.as_ref());
        if a.data.starts_with(CollateralAsset::DISCRIMINATOR) && of_vault {
            assets.insert(
                k,
                CollateralAsset::try_deserialize(&mut a.data.as_slice()).expect("asset"),
            );
        } else if a.data.starts_with(Position::DISCRIMINATOR) && of_vault {
            positions.insert(
                k,
                Position::try_deserialize(&mut a.data.as_slice()).expect("position"),
            );
        }
    }
    let qd = u32::from(v.quote_decimals);
    let navs = [0, 1, 2].map(|t| v.tranches[t].nav_sf.get().to_bits());
    let total = navs[0] + navs[1] + navs[2];
    let index = v.borrow_index_sf.get().to_bits();
    let reserved = v.reserved_payout_sf.get().to_bits();
    let free = floor_native((u128::from(v.liquidity_native) << 60) - reserved);

    // Tranches: the mint's supply and token metadata, NAV per effective supply (tokens + dead shares).
    let mut supplies = [0u64; 3];
    let mut tokens = vec![];
    for (t, mint) in v.tranche_mints().iter().enumerate() {
        use spl_token_2022::extension::{BaseStateWithExtensions, StateWithExtensions};
        let (owner, data) = account(rpc, mint).expect("tranche mint");
        assert_eq!(owner, spl_token_2022::ID);
        let m = StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&data).expect("mint");
        let md = m
            .get_variable_len_extension::<TokenMetadata>()
            .expect("metadata");
        supplies[t] = m.base.supply;
        tokens.push((m.base.decimals, md.name, md.symbol, md.uri));
    }
    let fills = plan_close(&v, supplies, free);
    let mut tranches = vec![];
    for t in 0..3 {
        let s = &v.tranches[t];
        let eff = supplies[t] + s.dead_shares;
        let (price, price_float) = if eff == 0 {
            (ONE, 1.0)
        } else {
            (
                navs[t] / u128::from(eff),
                navs[t] as f64 / ONE as f64 / eff as f64,
            )
        };
        let age = now - v.created_ts;
        let apr = if eff == 0 || age < 3_600 {
            0
        } else {
            js_round((price_float - 1.0) * YEAR_SECS * 10_000.0 / age as f64)
        };
        let nav_native = floor_native(navs[t]);
        let wd = s.written_down_sf.get().to_bits();
        let queued_value = if eff == 0 {
            0
        } else {
            mul_div(navs[t], u128::from(s.queued_shares), u128::from(eff), false)
        };
        let (_, name, symbol, uri) = &tokens[t];
        let mut j = json!({
            "tranche": TRANCHES[t],
            "index": t,
            "mint": s.mint.to_string(),
            "token": {"name": name, "symbol": symbol, "uri": uri},
            "nav_native": nav_native as u64,
            "supply": supplies[t],
            "dead_shares": s.dead_shares,
            "effective_supply": eff,
            "realized_apr_bps": apr,
            "target_apr_bps": s.target_apr_bps,
            "deposit_cap_native": s.deposit_cap,
            "cap_used_bps": if s.deposit_cap == 0 { 0 } else { (nav_native * BPS / u128::from(s.deposit_cap)) as u64 },
            "written_down_native": floor_native(wd) as u64,
            "queued_shares": s.queued_shares,
            "queue_generation": s.queue_generation,
            "close_fill_shares": fills[t].0,
        });
        sf(&mut j, "nav", navs[t]);
        sf(&mut j, "price_per_token", price);
        sf(&mut j, "written_down", wd);
        sf(&mut j, "queued_value", queued_value);
        sf(&mut j, "close_payout", fills[t].1);
        sf(&mut j, "max_redeemable", fills[t].2);
        tranches.push(j);
    }
    // Shares of a total, bps, rounded down; 0 of nothing.
    let ratio = |x: u128| (x * BPS).checked_div(total).unwrap_or(0) as u64;
    let needed = |min: u16| mul_div(total, u128::from(min), BPS, true);
    let subordination = if navs[2] < needed(v.min_junior_bps) {
        "JuniorSubordinationBreached"
    } else if navs[1] + navs[2] < needed(v.min_subordination_bps) {
        "SubordinationBreached"
    } else {
        "ok"
    };

    // Pool: debt = scaled debt · index (down), utilization = debt / (debt + free), the borrow rate at it.
    let debt = mul_div(v.scaled_debt_sf.get().to_bits(), index, ONE, false);
    let debt_native = floor_native(debt);
    let u = if debt_native + free == 0 {
        0
    } else {
        mul_div(ONE, debt_native, debt_native + free, false)
    };
    let rate = borrow_rate(&v, u);
    let queued_any = v.tranches.iter().any(|t| t.queued_shares > 0);
    let borrowable = if queued_any {
        let owed: u128 = plan_close(&v, [0, 1, 2].map(|t| v.tranches[t].supply), free)
            .iter()
            .map(|f| f.1)
            .sum();
        free.saturating_sub(ceil_native(owed))
    } else {
        free
    };

    // Prices: each asset's pinned account and the quote's; each asset's deposits at the low side.
    let (quote_json, quote_price) = oracle(rpc, &v.quote_oracle, now);
    let mut low_of: HashMap<Pubkey, u128> = HashMap::new();
    let mut collateral = vec![];
    for (k, a) in &assets {
        let (oj, price) = oracle(rpc, &a.oracle, now);
        let pow = 10u128.pow(u32::from(a.decimals));
        let value = price.map_or(0, |(low, _)| {
            mul_div(low, u128::from(a.total_deposits), pow, false)
        });
        low_of.insert(*k, price.map_or(0, |(low, _)| low));
        collateral.push((k, a, oj, value));
    }
    let collateral_total: u128 = collateral.iter().map(|c| c.3).sum();
    let collateral: Vec<Value> = collateral
        .into_iter()
        .map(|(k, a, oj, value)| {
            let mut j = json!({
                "asset": k.to_string(),
                "mint": a.mint.to_string(),
                "decimals": a.decimals,
                "enabled": a.enabled,
                "max_ltv_bps": a.max_ltv_bps,
                "liquidation_threshold_bps": a.liquidation_threshold_bps,
                "liquidation_bonus_bps": a.liquidation_bonus_bps,
                "deposit_cap_native": a.deposit_cap,
                "total_deposits_native": a.total_deposits,
                "custody": a.custody.to_string(),
                "custody_native": token_amount(rpc, &a.custody),
                "share_bps": (value * BPS).checked_div(collateral_total).unwrap_or(0) as u64,
                "oracle": oj,
            });
            sf(&mut j, "value", value);
            j
        })
        .collect();

    // Positions: collateral at the low side (down), each × max LTV and × threshold (down); debt = ⌈scaled ·
    // index⌉ at the quote's high side (up); health = ⌊liquidation power · BPS / debt value⌋.
    let (_, quote_high) = quote_price.expect("the quote's price passes its checks");
    let mut scored = vec![];
    let mut without_debt = 0;
    for (k, p) in &positions {
        if p.scaled_debt_sf == 0 {
            without_debt += 1;
            continue;
        }
        let debt = ceil_native(mul_div(p.scaled_debt_sf, index, ONE, false));
        let (mut coll, mut bp, mut lp) = (0u128, 0u128, 0u128);
        for e in p.entries.iter().filter(|e| e.amount > 0) {
            let a = &assets[&e.asset];
            let value = mul_div(
                low_of[&e.asset],
                u128::from(e.amount),
                10u128.pow(u32::from(a.decimals)),
                false,
            );
            coll += value;
            bp += value * u128::from(a.max_ltv_bps) / BPS;
            lp += value * u128::from(a.liquidation_threshold_bps) / BPS;
        }
        let debt_value = if debt == 0 {
            0
        } else {
            mul_div(quote_high, debt, 10u128.pow(qd), true)
        };
        // ∞ (u64::MAX) without a debt to divide by.
        let health_bps = (lp * BPS)
            .checked_div(debt_value)
            .map_or(u64::MAX, |h| h as u64);
        scored.push((health_bps, *k, p, debt as u64, coll, bp, lp, debt_value));
    }
    scored.sort_by_key(|s| (s.0, s.1));
    let buckets: Vec<Value> = BUCKETS
        .iter()
        .map(|&(label, from, to)| {
            let inside: Vec<_> = scored
                .iter()
                .filter(|s| s.0 >= from && to.is_none_or(|t| s.0 < t))
                .collect();
            json!({
                "label": label,
                "from_bps": from,
                "to_bps": to,
                "positions": inside.len(),
                "debt_native": inside.iter().map(|s| s.3).sum::<u64>(),
            })
        })
        .collect();
    let closest: Vec<Value> = scored
        .iter()
        .take(5)
        .map(|&(health_bps, k, p, debt, coll, bp, lp, dv)| {
            let mut j = json!({
                "position": k.to_string(),
                "owner": p.owner.to_string(),
                "position_id": p.position_id,
                "entries": p.entries.iter().filter(|e| e.amount > 0).map(|e| json!({
                    "asset": e.asset.to_string(),
                    "amount_native": e.amount,
                })).collect::<Vec<_>>(),
                "debt_native": debt,
                "health_bps": health_bps,
                "liquidatable": dv > 0 && lp < dv,
            });
            sf(&mut j, "collateral_value", coll);
            sf(&mut j, "borrow_power", bp);
            sf(&mut j, "liquidation_power", lp);
            sf(&mut j, "debt_value", dv);
            j
        })
        .collect();

    let next_close = v.epoch_start_ts + i64::from(v.epoch_duration_secs);
    let mut pool = json!({
        "debt_native": debt_native as u64,
        "liquidity_native": v.liquidity_native,
        "liquidity_account_native": token_amount(rpc, &v.liquidity),
        "free_liquidity_native": free as u64,
        "borrowable_liquidity_native": borrowable as u64,
        "utilization_bps": ((u * BPS) >> 60) as u64,
        "max_utilization_bps": v.max_utilization_bps,
        "borrow_rate_bps": ((rate * BPS) >> 60) as u64,
        "protocol_fee_bps": v.protocol_fee_bps,
    });
    sf(&mut pool, "debt", debt);
    sf(&mut pool, "reserved_payout", reserved);
    sf(&mut pool, "utilization", u);
    sf(&mut pool, "borrow_rate", rate);
    sf(&mut pool, "borrow_index", index);
    sf(&mut pool, "fees", v.fees_sf.get().to_bits());
    sf(&mut pool, "collateral_value", collateral_total);
    let want = json!({
        "vault": key.to_string(),
        "program": tranche_vault::ID.to_string(),
        "slot": slot,
        "now_ts": now,
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
            "junior_bps": ratio(navs[2]),
            "min_junior_bps": v.min_junior_bps,
            "junior_mezzanine_bps": ratio(navs[1] + navs[2]),
            "min_subordination_bps": v.min_subordination_bps,
            "status": subordination,
        },
        "pool": pool,
        "quote_oracle": quote_json,
        "collateral": collateral,
        "positions": {
            "count": positions.len(),
            "with_debt": positions.len() - without_debt,
            "without_debt": without_debt,
            "liquidatable": scored.iter().filter(|s| s.7 > 0 && s.6 < s.7).count(),
            "unpriced": [],
            "buckets": buckets,
            "closest": closest,
        },
        "epoch": {
            "index": v.epoch_index,
            "start_ts": v.epoch_start_ts,
            "duration_secs": v.epoch_duration_secs,
            "next_close_ts": next_close,
            "closable_now": now >= next_close,
        },
    });
    let mut differences = vec![];
    // The expected document goes through the same printing and parsing as the status's (serde_json's parser is
    // not exact to the last bit of a float, so each float is compared as the shortest text that prints it).
    let want: Value = serde_json::from_str(&want.to_string()).expect("expected JSON");
    diff("status", &got, &want, &mut differences);
    assert!(
        differences.is_empty(),
        "{when}: tranche status --json differs from the chain in {} places:\n{}\n\nstatus:\n{}",
        differences.len(),
        differences.join("\n"),
        serde_json::to_string_pretty(&got).unwrap_or_default()
    );

    // The human report: each tranche's symbol on its row, and the closest positions in order, each with its
    // health (4 decimals, rounded down as the program rounds it).
    for (t, (_, _, symbol, _)) in tokens.iter().enumerate() {
        assert!(
            human
                .lines()
                .any(|l| l.trim_start().starts_with(TRANCHES[t]) && l.contains(symbol.as_str())),
            "{when}: no {} row with its symbol {symbol}\n{human}",
            TRANCHES[t]
        );
    }
    let section = human
        .split_once("Closest to liquidation")
        .map(|(_, rest)| rest)
        .expect("a closest-to-liquidation section");
    let mut at = 0;
    for (health_bps, k, ..) in scored.iter().take(5) {
        let line = section[at..]
            .lines()
            .find(|l| l.contains(&k.to_string()))
            .unwrap_or_else(|| {
                panic!("{when}: position {k} is not listed after the previous one\n{human}")
            });
        let health = format!("{}.{:04}", health_bps / 10_000, health_bps % 10_000);
        assert!(
            line.contains(&health),
            "{when}: {k} shown without its health {health}: {line}"
        );
        at += section[at..].find(line).expect("line") + line.len();
    }
    println!(
        "--- tranche status ({when}): checked in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    got
}
