//! The parameters of `tranche stress` and `tranche risk`: every one a flag and a key of the market file
//! (`--market market.toml`, the same names in snake_case; unknown keys are refused). A flag wins over the file,
//! the file over the default. [`DEFAULTS`] documents the defaults (the README's table is this).

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context, Result};
use clap::Args;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use tranche_vault::math::fixed::from_native;
use tranche_vault::math::fixed::Sf;
use tranche_vault::math::health::debt_value;

use super::engine::{
    check_models, cholesky, uniform_corr, AssetModel, Book, Loan, MarketModel, RunModel,
};

/// The defaults, as `key = value (meaning)` lines.
pub const DEFAULTS: &str = "\
vols = [0.8, 0.7]            annual volatility per asset (synthetic pool: its number of assets; a live book: 0.8 each)
corr = 0.6                   every pairwise asset correlation (or corr_matrix = [[1, 0.5], [0.5, 1]])
loan_corr = 1.0              correlation of two loans' returns on one asset (< 1 adds each loan's own noise)
stress_toward_one = 0.8      the correlation stress: each pairwise correlation moved this far towards 1
jump_intensity = 2.0         market-wide jumps per year
jump_mean = -0.10            mean log-jump
jump_vol = 0.05              standard deviation of the log-jump
horizon_days = 30.0
steps = 30
paths = 2000
seed = 1
liquidation_delay = 1        steps between a loan becoming liquidatable and its liquidation (0: the same step)
slippage_bps = 200           discount on the collateral's price at liquidation
recovery = true              false: a liquidated loan loses its whole debt
synthetic pool only:
positions = 200
size_min = 10000             collateral value per loan at the start, quote units (uniform between min and max)
size_max = 100000
ltv_min = 0.40               starting loan-to-value (uniform between min and max)
ltv_max = 0.68
attachments = [0.10, 0.30]   junior is [0, 10 %) of the pool's debt, mezzanine [10 %, 30 %), senior [30 %, 100 %]
max_ltv_bps = 7000           the collateral assets' risk parameters
liquidation_threshold_bps = 8000
liquidation_bonus_bps = 500";

/// `--recovery on|off` (or true/false).
fn parse_on_off(s: &str) -> Result<bool> {
    match s {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => bail!("expected on or off, got {s:?}"),
    }
}

/// The flags (each overrides the market file's key of the same name, which overrides the default).
#[derive(Args, Clone, Debug, Default)]
pub struct SimArgs {
    /// A TOML file with any of the keys below (snake_case), e.g. `vols = [0.9, 0.7]`, `corr = 0.5`.
    #[arg(long)]
    pub market: Option<PathBuf>,
    /// Annual volatilities, one per collateral asset (for a live book one value applies to every asset) [0.8,0.7].
    #[arg(long, value_delimiter = ',')]
    pub vols: Option<Vec<f64>>,
    /// Every pairwise correlation of the assets, unless --corr-matrix is given [0.6].
    #[arg(long, allow_negative_numbers = true)]
    pub corr: Option<f64>,
    /// Full correlation matrix, rows separated by ';', e.g. "1,0.5;0.5,1".
    #[arg(long, conflicts_with = "corr")]
    pub corr_matrix: Option<String>,
    /// Correlation of two loans' returns on the same asset; below 1 each loan's collateral has its own noise [1].
    #[arg(long)]
    pub loan_corr: Option<f64>,
    /// The correlation stress: every pairwise correlation moved this fraction of the way to 1 [0.8].
    #[arg(long)]
    pub stress_toward_one: Option<f64>,
    /// Market-wide jumps per year [2].
    #[arg(long)]
    pub jump_intensity: Option<f64>,
    /// Mean log-jump [-0.10].
    #[arg(long, allow_negative_numbers = true)]
    pub jump_mean: Option<f64>,
    /// Standard deviation of the log-jump [0.05].
    #[arg(long)]
    pub jump_vol: Option<f64>,
    /// Days simulated [30].
    #[arg(long)]
    pub horizon_days: Option<f64>,
    /// Time steps over the horizon [30].
    #[arg(long)]
    pub steps: Option<u32>,
    /// Monte Carlo paths [2000].
    #[arg(long)]
    pub paths: Option<u32>,
    /// Seed: the same seed gives the same figures [1].
    #[arg(long)]
    pub seed: Option<u64>,
    /// Steps between a loan becoming liquidatable and its liquidation; 0 liquidates in the same step [1].
    #[arg(long)]
    pub liquidation_delay: Option<u32>,
    /// Discount on the collateral's price at liquidation, bps [200].
    #[arg(long)]
    pub slippage_bps: Option<u32>,
    /// Liquidations recover collateral (on), or a liquidated loan loses its whole debt (off) [on].
    #[arg(long, value_parser = parse_on_off)]
    pub recovery: Option<bool>,
    /// Synthetic pool: number of loans [200].
    #[arg(long)]
    pub positions: Option<u32>,
    /// Synthetic pool: each loan's starting collateral value, quote units, uniform from min to max [10000].
    #[arg(long)]
    pub size_min: Option<f64>,
    /// [100000]
    #[arg(long)]
    pub size_max: Option<f64>,
    /// Synthetic pool: each loan's starting loan-to-value, uniform from min to max [0.40].
    #[arg(long)]
    pub ltv_min: Option<f64>,
    /// [0.68]
    #[arg(long)]
    pub ltv_max: Option<f64>,
    /// Synthetic pool: the tranches' attachment points as fractions of the pool's debt, junior's detachment then
    /// mezzanine's: "0.10,0.30" makes junior [0, 10 %), mezzanine [10 %, 30 %), senior the rest [0.10,0.30].
    #[arg(long, value_delimiter = ',')]
    pub attachments: Option<Vec<f64>>,
    /// Synthetic pool: the assets' max LTV, bps [7000].
    #[arg(long)]
    pub max_ltv_bps: Option<u16>,
    /// Synthetic pool: the assets' liquidation threshold, bps [8000].
    #[arg(long)]
    pub liquidation_threshold_bps: Option<u16>,
    /// Synthetic pool: the assets' liquidation bonus, bps [500].
    #[arg(long)]
    pub liquidation_bonus_bps: Option<u16>,
}

/// The market file: the flags' keys.
#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct MarketFile {
    vols: Option<Vec<f64>>,
    corr: Option<f64>,
    corr_matrix: Option<Vec<Vec<f64>>>,
    loan_corr: Option<f64>,
    stress_toward_one: Option<f64>,
    jump_intensity: Option<f64>,
    jump_mean: Option<f64>,
    jump_vol: Option<f64>,
    horizon_days: Option<f64>,
    steps: Option<u32>,
    paths: Option<u32>,
    seed: Option<u64>,
    liquidation_delay: Option<u32>,
    slippage_bps: Option<u32>,
    recovery: Option<bool>,
    positions: Option<u32>,
    size_min: Option<f64>,
    size_max: Option<f64>,
    ltv_min: Option<f64>,
    ltv_max: Option<f64>,
    attachments: Option<Vec<f64>>,
    max_ltv_bps: Option<u16>,
    liquidation_threshold_bps: Option<u16>,
    liquidation_bonus_bps: Option<u16>,
}

/// The synthetic pool.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSpec {
    pub positions: u32,
    pub size_min: f64,
    pub size_max: f64,
    pub ltv_min: f64,
    pub ltv_max: f64,
    /// Junior's and mezzanine's detachment points (fractions of the pool's debt).
    pub attachments: [f64; 2],
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
}

/// Every parameter, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub market: MarketModel,
    pub run: RunModel,
    pub pool: PoolSpec,
    pub stress_toward_one: f64,
}

fn read_market(path: &Path) -> Result<MarketFile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("{}", path.display()))
}

fn parse_matrix(s: &str) -> Result<Vec<Vec<f64>>> {
    s.split(';')
        .map(|row| {
            row.split(',')
                .map(|x| {
                    x.trim()
                        .parse::<f64>()
                        .with_context(|| format!("{x:?} is not a number"))
                })
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()
        .context("--corr-matrix: rows of numbers separated by ';', e.g. \"1,0.5;0.5,1\"")
}

impl SimArgs {
    /// The settings from the defaults, the market file and the flags; `assets` is the live book's number of assets
    /// (`None` for the synthetic pool, whose assets are the volatilities').
    pub fn resolve(&self, assets: Option<usize>) -> Result<Settings> {
        let f = match &self.market {
            Some(p) => read_market(p)?,
            None => MarketFile::default(),
        };
        macro_rules! pick {
            ($name:ident, $default:expr) => {
                self.$name.clone().or(f.$name.clone()).unwrap_or($default)
            };
        }
        let vols = self.vols.clone().or(f.vols.clone());
        let vols = match (vols, assets) {
            (None, None) => vec![0.8, 0.7],
            (None, Some(n)) => vec![0.8; n],
            (Some(v), Some(n)) if v.len() == 1 => vec![v[0]; n],
            (Some(v), Some(n)) if v.len() != n => {
                bail!(
                    "vols: {} values for a book of {n} assets (give one for all, or one per asset in the book's order)",
                    v.len()
                )
            }
            (Some(v), _) => v,
        };
        ensure!(!vols.is_empty(), "vols: at least one asset");
        let n = vols.len();
        let corr = match (&self.corr_matrix, self.corr) {
            (Some(m), _) => parse_matrix(m)?,
            (None, Some(r)) => uniform_corr(n, r),
            (None, None) => match (f.corr_matrix.clone(), f.corr) {
                (Some(m), _) => m,
                (None, r) => uniform_corr(n, r.unwrap_or(0.6)),
            },
        };
        ensure!(
            corr.len() == n && corr.iter().all(|r| r.len() == n),
            "the correlation matrix must be {n}×{n} (one row and column per asset): {corr:?}"
        );
        let market = MarketModel {
            vols,
            corr,
            loan_corr: pick!(loan_corr, 1.0),
            jump_intensity: pick!(jump_intensity, 2.0),
            jump_mean: pick!(jump_mean, -0.10),
            jump_vol: pick!(jump_vol, 0.05),
        };
        let run = RunModel {
            horizon_days: pick!(horizon_days, 30.0),
            steps: pick!(steps, 30),
            paths: pick!(paths, 2_000),
            seed: pick!(seed, 1),
            liquidation_delay_steps: pick!(liquidation_delay, 1),
            slippage_bps: pick!(slippage_bps, 200),
            recovery: pick!(recovery, true),
        };
        check_models(&market, &run)?;
        cholesky(&market.corr)?;
        let attachments = pick!(attachments, vec![0.10, 0.30]);
        let pool = PoolSpec {
            positions: pick!(positions, 200),
            size_min: pick!(size_min, 10_000.0),
            size_max: pick!(size_max, 100_000.0),
            ltv_min: pick!(ltv_min, 0.40),
            ltv_max: pick!(ltv_max, 0.68),
            attachments: match attachments.as_slice() {
                [a, b] => [*a, *b],
                other => bail!(
                    "attachments: two points (junior's and mezzanine's detachment), got {other:?}"
                ),
            },
            max_ltv_bps: pick!(max_ltv_bps, 7_000),
            liquidation_threshold_bps: pick!(liquidation_threshold_bps, 8_000),
            liquidation_bonus_bps: pick!(liquidation_bonus_bps, 500),
        };
        pool.check()?;
        let stress_toward_one = pick!(stress_toward_one, 0.8);
        ensure!(
            (0.0..=1.0).contains(&stress_toward_one),
            "stress_toward_one must be within 0..=1: {stress_toward_one}"
        );
        Ok(Settings {
            market,
            run,
            pool,
            stress_toward_one,
        })
    }
}

impl PoolSpec {
    fn check(&self) -> Result<()> {
        let [a, b] = self.attachments;
        ensure!(
            a > 0.0 && a < b && b < 1.0,
            "attachments must satisfy 0 < junior < mezzanine detachment < 1: {a}, {b}"
        );
        ensure!(self.positions > 0, "positions must be at least 1");
        ensure!(
            self.size_min.is_finite() && self.size_min >= 1.0 && self.size_min <= self.size_max,
            "size_min must be at least 1 and at most size_max: {}, {}",
            self.size_min,
            self.size_max
        );
        ensure!(
            self.size_max <= 1e12,
            "size_max must be at most 1e12: {}",
            self.size_max
        );
        ensure!(
            self.ltv_min > 0.0 && self.ltv_min <= self.ltv_max && self.ltv_max < 10.0,
            "ltv_min must be positive and at most ltv_max: {}, {}",
            self.ltv_min,
            self.ltv_max
        );
        ensure!(
            self.max_ltv_bps < self.liquidation_threshold_bps
                && self.liquidation_threshold_bps <= 10_000,
            "max_ltv_bps < liquidation_threshold_bps <= 10000: {}, {}",
            self.max_ltv_bps,
            self.liquidation_threshold_bps
        );
        ensure!(
            self.liquidation_bonus_bps <= 5_000,
            "liquidation_bonus_bps must be at most 5000: {}",
            self.liquidation_bonus_bps
        );
        Ok(())
    }

    /// Tranche sizes as fractions of the pool's debt: senior, mezzanine, junior.
    pub fn tranche_shares(&self) -> [f64; 3] {
        let [a, b] = self.attachments;
        [1.0 - b, b - a, a]
    }
}

const QUOTE_DECIMALS: u8 = 6;
const COLLATERAL_DECIMALS: u8 = 9;

/// The synthetic book: `pool.positions` loans on `assets` assets priced 1 per whole token (9 decimals), the quote
/// at 1 (6 decimals). Each loan's collateral is worth a uniform draw in [size_min, size_max], spread over the
/// assets by seeded random weights, with a starting LTV uniform in [ltv_min, ltv_max]; the tranches are the
/// pool's debt cut at the attachment points. Seeded by `seed`.
pub fn synthetic_book(pool: &PoolSpec, assets: usize, seed: u64) -> Result<Book> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let models: Vec<AssetModel> = (0..assets)
        .map(|i| AssetModel {
            name: format!("asset {i}"),
            decimals: COLLATERAL_DECIMALS,
            price: Sf::ONE,
            max_ltv_bps: pool.max_ltv_bps,
            liquidation_threshold_bps: pool.liquidation_threshold_bps,
            liquidation_bonus_bps: pool.liquidation_bonus_bps,
        })
        .collect();
    let whole = 10f64.powi(i32::from(COLLATERAL_DECIMALS));
    let mut loans = Vec::with_capacity(pool.positions as usize);
    for _ in 0..pool.positions {
        let value = if pool.size_max > pool.size_min {
            rng.gen_range(pool.size_min..pool.size_max)
        } else {
            pool.size_min
        };
        let mut w: Vec<f64> = (0..assets).map(|_| rng.gen::<f64>() + 0.05).collect();
        let sum: f64 = w.iter().sum();
        w.iter_mut().for_each(|x| *x /= sum);
        let ltv = if pool.ltv_max > pool.ltv_min {
            rng.gen_range(pool.ltv_min..=pool.ltv_max)
        } else {
            pool.ltv_min
        };
        let debt_native = (value * ltv * 1e6) as u64;
        loans.push(Loan {
            collateral: w
                .iter()
                .enumerate()
                .map(|(i, x)| (i, (value * x * whole) as u64))
                .collect(),
            debt_native,
            debt_value: debt_value(debt_native, QUOTE_DECIMALS, Sf::ONE)?,
        });
    }
    let total: u64 = loans.iter().map(|l| l.debt_native).sum();
    let navs = pool
        .tranche_shares()
        .map(|f| from_native((total as f64 * f) as u64));
    Ok(Book {
        assets: models,
        loans,
        navs,
    })
}
