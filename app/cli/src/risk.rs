//! `tranche risk`: the Monte Carlo of a book (a live vault over JSON-RPC, the embedded demo's pool, or a synthetic
//! pool) with each tranche's loss distribution, the correlation stress, the tranche Greeks by bump-and-reprice with
//! common random numbers, the senior attachment's distance, and SVG charts.
//!
//! - [`engine`]: prices, the program's health code every step, liquidations with delay and slippage, the
//!   program's loss waterfall (shared with `tranche stress`);
//! - [`params`]: every parameter as a flag and a market-file key, with the defaults;
//! - [`book`]: the book read from a vault's accounts (`tranche status`'s reader, or the embedded chain);
//! - [`greeks`]: vega, correlation, delta and gamma, and the attachment distance;
//! - [`plot`]: the charts.

use std::path::PathBuf;
use std::time::Instant;

use anchor_lang::prelude::Pubkey;
use anyhow::Result;
use serde_json::{json, Value};
use tranche_vault::math::fixed::to_native_floor;

use engine::{position_steps, simulate, stressed, summarize, Book, PathLoss, Summary};
use greeks::{Greeks, Selection};
use params::{synthetic_book, Settings, SimArgs};

pub mod book;
pub mod engine;
pub mod greeks;
pub mod params;
pub mod plot;

const NAMES: [&str; 3] = ["senior", "mezzanine", "junior"];

/// Where the book comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The synthetic pool of the settings.
    Synthetic,
    /// A live vault over JSON-RPC.
    Rpc { url: String, vault: Pubkey },
    /// The embedded demo's pool for the demo's seed.
    Embedded { demo_seed: u64 },
}

/// `tranche risk` options.
#[derive(Clone, Debug)]
pub struct RiskOpts {
    pub source: Source,
    pub sim: SimArgs,
    pub greeks: Selection,
    pub plot: Option<PathBuf>,
    pub json: bool,
}

/// A book with what it was read from, for the report.
struct Loaded {
    label: String,
    book: Book,
    chain: Option<book::ChainBook>,
    settings: Settings,
}

fn load(opts: &RiskOpts) -> Result<Loaded> {
    match &opts.source {
        Source::Synthetic => {
            let settings = opts.sim.resolve(None)?;
            let book = synthetic_book(
                &settings.pool,
                settings.market.vols.len(),
                settings.run.seed,
            )?;
            Ok(Loaded {
                label: format!("synthetic pool of {} loans", book.loans.len()),
                book,
                chain: None,
                settings,
            })
        }
        Source::Rpc { url, vault } => {
            let chain = book::read_rpc(url, vault)?;
            let settings = opts.sim.resolve(Some(chain.book.assets.len()))?;
            Ok(Loaded {
                label: format!("vault {}", &vault.to_string()[..8]),
                book: chain.book.clone(),
                chain: Some(chain),
                settings,
            })
        }
        Source::Embedded { demo_seed } => {
            let chain = book::read_embedded(*demo_seed)?;
            let settings = opts.sim.resolve(Some(chain.book.assets.len()))?;
            Ok(Loaded {
                label: "the demo's pool".into(),
                book: chain.book.clone(),
                chain: Some(chain),
                settings,
            })
        }
    }
}

/// Everything `risk` computed.
pub struct Report {
    pub book: Book,
    pub settings: Settings,
    pub base: Summary,
    pub stressed: Summary,
    pub stressed_corr: Vec<Vec<f64>>,
    pub greeks: Greeks,
    pub position_steps: u64,
    pub seconds: f64,
    pub plots: Vec<PathBuf>,
    json: Value,
}

impl Report {
    /// The `--json` document.
    pub fn to_json(&self) -> &Value {
        &self.json
    }
}

fn summary_json(book: &Book, s: &Summary) -> Value {
    let t: Vec<Value> = NAMES
        .iter()
        .zip(&s.tranches)
        .enumerate()
        .map(|(i, (n, t))| {
            let nav = to_native_floor(book.navs[i]).unwrap_or(0) as f64;
            json!({"tranche": n, "expected_loss": t.expected, "std_error": t.std_error,
                   "expected_loss_native": t.expected * nav,
                   "p_impaired": t.p_impaired, "var95": t.var95, "var99": t.var99})
        })
        .collect();
    json!({"pool_expected_loss": s.pool_expected, "tranches": t})
}

fn book_json(loaded: &Loaded) -> Result<Value> {
    let b = &loaded.book;
    let m = &loaded.settings.market;
    let healths = b.healths_now()?;
    let assets: Vec<Value> = b
        .assets
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let keys = loaded.chain.as_ref().and_then(|c| c.asset_keys.get(i));
            json!({"name": a.name, "asset": keys.map(|k| k.0.to_string()), "mint": keys.map(|k| k.1.to_string()),
                   "decimals": a.decimals, "price_sf": a.price.to_bits().to_string(),
                   "price_float": a.price.to_num::<f64>(), "vol": m.vols.get(i),
                   "max_ltv_bps": a.max_ltv_bps, "liquidation_threshold_bps": a.liquidation_threshold_bps,
                   "liquidation_bonus_bps": a.liquidation_bonus_bps})
        })
        .collect();
    let mut positions = vec![];
    for (j, (l, h)) in b.loans.iter().zip(&healths).enumerate() {
        let key = loaded.chain.as_ref().and_then(|c| c.positions.get(j));
        positions.push(
            json!({"position": key.map(|k| k.to_string()), "debt_native": l.debt_native,
                              "health_bps": h.health_bps()?, "liquidatable": h.is_liquidatable()}),
        );
    }
    let tranches: Vec<Value> = NAMES
        .iter()
        .zip(b.navs)
        .map(|(n, nav)| {
            json!({"tranche": n, "nav_sf": nav.to_bits().to_string(),
                   "nav_native": to_native_floor(nav).unwrap_or(0)})
        })
        .collect();
    Ok(json!({
        "vault": loaded.chain.as_ref().map(|c| c.vault.to_string()),
        "now_ts": loaded.chain.as_ref().map(|c| c.now),
        "assets": assets,
        "tranches": tranches,
        "debt_native": b.total_debt(),
        "positions": positions,
        "without_debt": loaded.chain.as_ref().map_or(0, |c| c.without_debt),
        "liquidatable": healths.iter().filter(|h| h.is_liquidatable()).count(),
    }))
}

fn greeks_json(g: &Greeks) -> Value {
    let rows: Vec<Value> = g
        .greeks
        .iter()
        .map(|x| {
            let t: Vec<Value> = NAMES
                .iter()
                .zip(&x.tranches)
                .map(|(n, c)| json!({"tranche": n, "change": c.value, "std_error": c.std_error}))
                .collect();
            json!({"kind": x.kind, "bump": x.bump, "asset": x.asset, "tranches": t,
                   "pool_immediate_change": x.pool_immediate})
        })
        .collect();
    json!(rows)
}

/// Runs the simulation, the Greeks and (with a directory) the charts; `progress` counts paths.
pub fn compute(opts: &RiskOpts, progress: &(dyn Fn(u64) + Sync)) -> Result<Report> {
    let loaded = load(opts)?;
    let (book, s) = (&loaded.book, &loaded.settings);
    let flat = vec![1.0; book.assets.len()];
    let started = Instant::now();
    let base_paths: Vec<PathLoss> = simulate(book, &s.market, &s.run, &flat, progress)?;
    let base = summarize(&base_paths);
    let stressed_corr = stressed(&s.market.corr, s.stress_toward_one);
    let mut hi = s.market.clone();
    hi.corr = stressed_corr.clone();
    if hi.loan_corr < 1.0 {
        hi.loan_corr += (1.0 - hi.loan_corr) * s.stress_toward_one;
    }
    let stressed_sum = summarize(&simulate(book, &hi, &s.run, &flat, progress)?);
    let g = greeks::compute(book, &s.market, &s.run, &base_paths, opts.greeks, progress)?;
    let mut steps = 2 * position_steps(book, &s.run) + g.position_steps;
    let mut seconds = started.elapsed().as_secs_f64().max(1e-9);
    let mut plots = vec![];
    if let Some(dir) = &opts.plot {
        let curve = greeks::corr_curve(book, &s.market, &s.run, progress)?;
        steps += 20 * position_steps(book, &s.run);
        seconds = started.elapsed().as_secs_f64().max(1e-9);
        let healths: Vec<(f64, f64)> = book
            .healths_now()?
            .iter()
            .zip(&book.loans)
            .map(|(h, l)| {
                (
                    h.health_bps().map_or(f64::MAX, |b| b as f64 / 10_000.0),
                    l.debt_native as f64 / 1e6,
                )
            })
            .collect();
        plots = plot::all(dir, &loaded.label, &base_paths, &curve, &healths)?;
    }
    let json = json!({
        "source": match &opts.source { Source::Synthetic => "synthetic", Source::Rpc { .. } => "rpc",
                                       Source::Embedded { .. } => "embedded" },
        "label": loaded.label,
        "settings": format!("{s:?}"),
        "book": book_json(&loaded)?,
        "base": summary_json(book, &base),
        "correlation_stress": summary_json(book, &stressed_sum),
        "stressed_corr": stressed_corr,
        "greeks": greeks_json(&g),
        "senior_attachment_drop": g.senior_attachment_drop,
        "position_steps": steps,
        "seconds": seconds,
        "position_steps_per_sec": steps as f64 / seconds,
        "plots": plots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
    });
    Ok(Report {
        book: loaded.book,
        settings: loaded.settings,
        base,
        stressed: stressed_sum,
        stressed_corr,
        greeks: g,
        position_steps: steps,
        seconds,
        plots,
        json,
    })
}

fn pct(x: f64) -> String {
    format!("{:.4} %", x * 100.0)
}

fn summary_table(title: &str, book: &Book, r: &Summary) -> String {
    let mut s = format!(
        "{title}\n  pool loss, mean: {:.4} % of debt\n  {:<10} {:>14} {:>12} {:>16} {:>12} {:>10} {:>10}\n",
        r.pool_expected * 100.0,
        "tranche",
        "expected loss",
        "± std error",
        "EL (quote)",
        "P(impaired)",
        "VaR 95",
        "VaR 99"
    );
    for (i, (name, t)) in NAMES.iter().zip(&r.tranches).enumerate() {
        let nav = to_native_floor(book.navs[i]).unwrap_or(0) as f64 / 1e6;
        s += &format!(
            "  {:<10} {:>14} {:>12} {:>16.2} {:>11.2}% {:>9.2}% {:>9.2}%\n",
            name,
            pct(t.expected),
            pct(t.std_error),
            t.expected * nav,
            t.p_impaired * 100.0,
            t.var95 * 100.0,
            t.var99 * 100.0
        );
    }
    s
}

/// The human report.
pub fn render(r: &Report, label: &str) -> String {
    let b = &r.book;
    let s = &r.settings;
    let mut out = format!(
        "{label}: {} loans, debt {:.2}; tranche NAVs senior {:.2}, mezzanine {:.2}, junior {:.2} (quote units)\n",
        b.loans.len(),
        b.total_debt() as f64 / 1e6,
        b.navs[0].to_num::<f64>() / 1e6,
        b.navs[1].to_num::<f64>() / 1e6,
        b.navs[2].to_num::<f64>() / 1e6,
    );
    for (a, v) in b.assets.iter().zip(&s.market.vols) {
        out += &format!(
            "  asset {:<10} price {:>14.6}  vol {:>5.2}  max LTV {} bps, threshold {} bps, bonus {} bps\n",
            a.name,
            a.price.to_num::<f64>(),
            v,
            a.max_ltv_bps,
            a.liquidation_threshold_bps,
            a.liquidation_bonus_bps
        );
    }
    out += &format!(
        "  correlations {:?}, loan correlation {}; jumps {}/yr, mean {}, vol {}; {} days in {} steps, {} paths, seed {}; \
         liquidation {} steps late at {} bps slippage, recovery {}\n\n",
        s.market.corr,
        s.market.loan_corr,
        s.market.jump_intensity,
        s.market.jump_mean,
        s.market.jump_vol,
        s.run.horizon_days,
        s.run.steps,
        s.run.paths,
        s.run.seed,
        s.run.liquidation_delay_steps,
        s.run.slippage_bps,
        if s.run.recovery { "on" } else { "off" }
    );
    out += &summary_table("base", b, &r.base);
    out += &summary_table(
        &format!(
            "correlation stress ({} of the way to 1): {:.3?}",
            s.stress_toward_one, r.stressed_corr
        ),
        b,
        &r.stressed,
    );
    if !r.greeks.greeks.is_empty() {
        out += &format!(
            "\nGreeks (change in expected loss, % of each tranche's NAV, ± the paired difference's standard error; \
             pool: immediate loss, % of debt)\n  {:<7} {:<34} {:>24} {:>24} {:>24} {:>10}\n",
            "greek", "bump", "senior", "mezzanine", "junior", "pool now"
        );
        for g in &r.greeks.greeks {
            let cell = |c: &greeks::Change| {
                format!("{:+.4} ± {:.4}", c.value * 100.0, c.std_error * 100.0)
            };
            out += &format!(
                "  {:<7} {:<34} {:>24} {:>24} {:>24} {:>10}\n",
                g.kind,
                g.bump,
                cell(&g.tranches[0]),
                cell(&g.tranches[1]),
                cell(&g.tranches[2]),
                g.pool_immediate
                    .map_or("-".into(), |p| format!("{:+.4}", p * 100.0))
            );
        }
    }
    out += &match r.greeks.senior_attachment_drop {
        Some(d) => format!(
            "\nsenior attachment distance: a common price drop of {:.4} % makes senior lose today\n",
            d * 100.0
        ),
        None => "\nsenior attachment distance: no common price drop makes senior lose today\n".into(),
    };
    for p in &r.plots {
        out += &format!("wrote {}\n", p.display());
    }
    out += &format!(
        "{} position-steps in {:.2} s: {:.0} position-steps/s\n",
        r.position_steps,
        r.seconds,
        r.position_steps as f64 / r.seconds
    );
    out
}

/// The `risk` command.
pub fn run(opts: &RiskOpts) -> Result<()> {
    let bar = if opts.json {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new_spinner()
    };
    let r = compute(opts, &|k| bar.inc(k))?;
    bar.finish_and_clear();
    if opts.json {
        println!("{}", serde_json::to_string_pretty(r.to_json())?);
    } else {
        let label = r.json["label"].as_str().unwrap_or("book").to_string();
        print!("{}", render(&r, &label));
    }
    Ok(())
}
