//! `tranche stress`: Monte Carlo of the collateral pool's losses and how they fall on the tranches.
//!
//! - Prices: correlated geometric Brownian motion (a Cholesky factor of the correlation matrix), with optional
//!   market-wide jumps (Poisson arrivals, normal log-jump sizes), and optional idiosyncratic noise per position.
//! - Positions: synthetic borrowers with a seeded collateral mix and starting LTV. Every step each position is
//!   priced with the program's own health code (`math::health`); once it is liquidatable a liquidator acts after
//!   `delay` steps, receiving the collateral at the price less `slippage` and repaying what that covers at the
//!   liquidation bonus; the rest is bad debt.
//! - Each path's bad debt goes through the program's own loss waterfall (`math::waterfall::split_loss`).
//! - Output per tranche: expected loss, probability of any impairment, and the 95 % and 99 % loss quantiles (VaR),
//!   for the given correlations and for a correlation stress (every pairwise correlation moved towards 1).
//!
//! Paths run in parallel (rayon); each path has its own generator seeded from (seed, path), so the result does
//! not depend on the number of threads.

use anyhow::{ensure, Result};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde_json::json;
use tranche_vault::math::fixed::{from_native, to_native_floor, Sf};
use tranche_vault::math::health::{value_floor, Health, PricedCollateral};
use tranche_vault::math::waterfall::split_loss;

const QUOTE_DECIMALS: u8 = 6;
const COLLATERAL_DECIMALS: u8 = 9;
const WHOLE: u64 = 1_000_000_000;

/// The simulation's parameters.
#[derive(Clone, Debug)]
pub struct StressParams {
    /// Annual volatility of each collateral asset.
    pub vols: Vec<f64>,
    /// Correlation matrix of the assets' returns (n×n, symmetric, 1 on the diagonal).
    pub corr: Vec<Vec<f64>>,
    /// Per-position idiosyncratic annual volatility on top of the assets' (0 for pure market risk).
    pub idio_vol: f64,
    pub horizon_days: f64,
    pub steps: u32,
    pub paths: u32,
    pub positions: u32,
    /// Market-wide jumps: arrivals per year, mean and standard deviation of the log-jump.
    pub jump_intensity: f64,
    pub jump_mean: f64,
    pub jump_vol: f64,
    /// Steps between a position becoming liquidatable and its liquidation.
    pub liquidation_delay_steps: u32,
    /// Discount on the collateral's price at liquidation, bps.
    pub slippage_bps: u32,
    /// Starting LTV range of the positions.
    pub ltv_min: f64,
    pub ltv_max: f64,
    /// Collateral risk parameters (bps), as an asset's `CollateralParams` holds them.
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
    /// Treat every defaulted position's whole debt as lost (no recovery): the textbook large-pool model.
    pub no_recovery: bool,
    /// Tranche sizes as fractions of the pool's debt (senior, mezzanine, junior).
    pub tranche_shares: [f64; 3],
    pub seed: u64,
}

impl Default for StressParams {
    fn default() -> Self {
        StressParams {
            vols: vec![0.8, 0.7],
            corr: uniform_corr(2, 0.6),
            idio_vol: 0.0,
            horizon_days: 30.0,
            steps: 30,
            paths: 2_000,
            positions: 200,
            jump_intensity: 2.0,
            jump_mean: -0.10,
            jump_vol: 0.05,
            liquidation_delay_steps: 1,
            slippage_bps: 200,
            ltv_min: 0.40,
            ltv_max: 0.68,
            max_ltv_bps: 7_000,
            liquidation_threshold_bps: 8_000,
            liquidation_bonus_bps: 500,
            no_recovery: false,
            tranche_shares: [0.70, 0.20, 0.10],
            seed: 1,
        }
    }
}

/// One tranche's loss distribution, as fractions of its NAV.
#[derive(Clone, Debug, PartialEq)]
pub struct TrancheLoss {
    pub expected: f64,
    pub std_error: f64,
    pub p_impaired: f64,
    pub var95: f64,
    pub var99: f64,
}

#[derive(Clone, Debug)]
pub struct StressResult {
    /// Senior, mezzanine, junior.
    pub tranches: [TrancheLoss; 3],
    /// Pool loss as a fraction of debt: mean.
    pub pool_expected: f64,
    pub position_steps: u64,
}

/// The n×n correlation matrix with `rho` off the diagonal.
pub fn uniform_corr(n: usize, rho: f64) -> Vec<Vec<f64>> {
    (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { rho }).collect())
        .collect()
}

/// The correlation stress: every pairwise correlation moved `toward_one` of the way to 1.
pub fn stressed(corr: &[Vec<f64>], toward_one: f64) -> Vec<Vec<f64>> {
    corr.iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, r)| {
                    if i == j {
                        1.0
                    } else {
                        r + (1.0 - r) * toward_one
                    }
                })
                .collect()
        })
        .collect()
}

/// Lower-triangular Cholesky factor of a correlation matrix.
pub fn cholesky(corr: &[Vec<f64>]) -> Result<Vec<Vec<f64>>> {
    let n = corr.len();
    ensure!(
        corr.iter().all(|r| r.len() == n),
        "the correlation matrix must be square"
    );
    let a = |i: usize, j: usize| corr[i][j];
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a(i, i) - s;
                ensure!(
                    d > 0.0,
                    "the correlation matrix is not positive definite: {corr:?}"
                );
                l[i][j] = d.sqrt();
            } else {
                l[i][j] = (a(i, j) - s) / l[j][j];
            }
        }
    }
    Ok(l)
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    // Box–Muller.
    let u1: f64 = rng.gen::<f64>().max(f64::MIN_POSITIVE);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A synthetic position: native collateral amounts per asset and a debt in native quote units.
#[derive(Clone, Debug)]
struct Spec {
    amounts: Vec<u64>,
    debt: u64,
}

fn positions(p: &StressParams) -> Vec<Spec> {
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed ^ 0x5eed);
    let n = p.vols.len();
    (0..p.positions)
        .map(|_| {
            // Collateral worth 10k–100k at the starting price of 1 per whole token.
            let value = rng.gen_range(10_000.0..100_000.0);
            let mut w: Vec<f64> = (0..n).map(|_| rng.gen::<f64>() + 0.05).collect();
            let sum: f64 = w.iter().sum();
            w.iter_mut().for_each(|x| *x /= sum);
            let ltv = rng.gen_range(p.ltv_min..=p.ltv_max);
            Spec {
                amounts: w
                    .iter()
                    .map(|x| (value * x * WHOLE as f64) as u64)
                    .collect(),
                debt: (value * ltv * 1e6) as u64,
            }
        })
        .collect()
}

/// The bad debt of liquidating `spec` at log-prices `log_px` (plus its idiosyncratic offset), native quote units:
/// the liquidator takes the collateral at the price less slippage and repays what that covers at the bonus.
fn liquidation_loss(p: &StressParams, spec: &Spec, log_px: &[f64], idio: f64) -> u64 {
    let slip = 1.0 - f64::from(p.slippage_bps) / 10_000.0;
    let bonus = 1.0 + f64::from(p.liquidation_bonus_bps) / 10_000.0;
    let value: f64 = log_px
        .iter()
        .zip(&spec.amounts)
        .map(|(lp, a)| *a as f64 / WHOLE as f64 * (lp + idio).exp() * slip)
        .sum();
    let debt = spec.debt as f64 / 1e6;
    let repaid = if p.no_recovery {
        0.0
    } else {
        (value / bonus).min(debt)
    };
    ((debt - repaid) * 1e6) as u64
}

/// One path: returns each tranche's loss as a fraction of its NAV, and the pool loss as a fraction of debt.
fn path(
    p: &StressParams,
    specs: &[Spec],
    chol: &[Vec<f64>],
    index: u64,
) -> Result<([f64; 3], f64)> {
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ index);
    let n = p.vols.len();
    let dt = p.horizon_days / 365.0 / f64::from(p.steps);
    let mut log_px = vec![0.0f64; n];
    // Idiosyncratic log-price offsets, one per position.
    let mut idio = vec![0.0f64; specs.len()];
    let mut pending: Vec<Option<u32>> = vec![None; specs.len()];
    let mut closed = vec![false; specs.len()];
    let mut bad = Sf::ZERO;
    for _ in 0..p.steps {
        let z: Vec<f64> = (0..n).map(|_| normal(&mut rng)).collect();
        let jump = if rng.gen::<f64>() < p.jump_intensity * dt {
            p.jump_mean + p.jump_vol * normal(&mut rng)
        } else {
            0.0
        };
        for i in 0..n {
            let shock: f64 = (0..=i).map(|k| chol[i][k] * z[k]).sum();
            let s = p.vols[i];
            log_px[i] += s * dt.sqrt() * shock - 0.5 * s * s * dt + jump;
        }
        if p.idio_vol > 0.0 {
            let s = p.idio_vol;
            for x in idio.iter_mut() {
                *x += s * dt.sqrt() * normal(&mut rng) - 0.5 * s * s * dt;
            }
        }
        for (j, spec) in specs.iter().enumerate() {
            if closed[j] {
                continue;
            }
            let price = |i: usize| (log_px[i] + idio[j]).exp();
            if let Some(left) = pending[j] {
                if left > 0 {
                    pending[j] = Some(left - 1);
                    continue;
                }
                bad += from_native(liquidation_loss(p, spec, &log_px, idio[j]));
                closed[j] = true;
                continue;
            }
            let entries: Vec<PricedCollateral> = (0..n)
                .map(|i| PricedCollateral {
                    amount: spec.amounts[i],
                    decimals: COLLATERAL_DECIMALS,
                    price_low: Sf::saturating_from_num(price(i)),
                    max_ltv_bps: p.max_ltv_bps,
                    liquidation_threshold_bps: p.liquidation_threshold_bps,
                })
                .collect();
            let debt_value = value_floor(spec.debt, QUOTE_DECIMALS, Sf::ONE)?;
            if Health::compute(&entries, debt_value)?.is_liquidatable() {
                pending[j] = Some(p.liquidation_delay_steps);
            }
        }
    }
    // Positions still waiting for their liquidator at the horizon are liquidated at the final prices.
    for (j, spec) in specs.iter().enumerate() {
        if closed[j] || pending[j].is_none() {
            continue;
        }
        bad += from_native(liquidation_loss(p, spec, &log_px, idio[j]));
    }
    let total_debt: u64 = specs.iter().map(|s| s.debt).sum();
    let navs = p
        .tranche_shares
        .map(|f| from_native((total_debt as f64 * f) as u64));
    let nav_total = navs.iter().fold(Sf::ZERO, |a, b| a + *b);
    let loss = bad.min(nav_total);
    let split = split_loss(loss, &navs, Sf::ZERO)?;
    let frac = |t: usize| {
        if navs[t] == Sf::ZERO {
            0.0
        } else {
            split.tranche[t].to_num::<f64>() / navs[t].to_num::<f64>()
        }
    };
    let pool = to_native_floor(bad)? as f64 / total_debt.max(1) as f64;
    Ok(([frac(0), frac(1), frac(2)], pool))
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// One path's outcome: each tranche's loss as a fraction of its NAV (senior, mezzanine, junior), and the pool loss
/// as a fraction of debt.
type PathLoss = ([f64; 3], f64);

/// Every path of the simulation over the positions `specs`, in path order; `progress` is called with the number
/// of paths done.
fn path_losses(
    p: &StressParams,
    specs: &[Spec],
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<PathLoss>> {
    ensure!(
        !p.vols.is_empty() && p.paths > 0 && p.steps > 0,
        "need assets, paths and steps"
    );
    ensure!(
        p.corr.len() == p.vols.len(),
        "one correlation row per volatility: {} rows, {} assets",
        p.corr.len(),
        p.vols.len()
    );
    let chol = cholesky(&p.corr)?;
    (0..p.paths)
        .into_par_iter()
        .map(|i| {
            let r = path(p, specs, &chol, u64::from(i));
            progress(1);
            r
        })
        .collect()
}

/// The loss distributions of `results` (the paths of one simulation over `n_positions` positions).
fn summarize(p: &StressParams, n_positions: usize, results: &[PathLoss]) -> StressResult {
    let n = results.len() as f64;
    let tranches = [0, 1, 2].map(|t| {
        let mut xs: Vec<f64> = results.iter().map(|r| r.0[t]).collect();
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
        let impaired = xs.iter().filter(|x| **x > 0.0).count() as f64 / n;
        xs.sort_by(f64::total_cmp);
        TrancheLoss {
            expected: mean,
            std_error: (var / n).sqrt(),
            p_impaired: impaired,
            var95: quantile(&xs, 0.95),
            var99: quantile(&xs, 0.99),
        }
    });
    StressResult {
        tranches,
        pool_expected: results.iter().map(|r| r.1).sum::<f64>() / n,
        position_steps: results.len() as u64 * n_positions as u64 * u64::from(p.steps),
    }
}

/// Runs the simulation; `progress` is called with the number of paths done.
pub fn simulate(p: &StressParams, progress: &(dyn Fn(u64) + Sync)) -> Result<StressResult> {
    let specs = positions(p);
    let results = path_losses(p, &specs, progress)?;
    Ok(summarize(p, specs.len(), &results))
}

fn table(title: &str, r: &StressResult) -> String {
    let mut s = format!(
        "{title}\n  pool loss, mean: {:.3} % of debt\n  {:<10} {:>14} {:>12} {:>10} {:>10}\n",
        r.pool_expected * 100.0,
        "tranche",
        "expected loss",
        "P(impaired)",
        "VaR 95",
        "VaR 99"
    );
    for (name, t) in ["senior", "mezzanine", "junior"].iter().zip(&r.tranches) {
        s += &format!(
            "  {:<10} {:>13.3}% {:>11.2}% {:>9.2}% {:>9.2}%\n",
            name,
            t.expected * 100.0,
            t.p_impaired * 100.0,
            t.var95 * 100.0,
            t.var99 * 100.0
        );
    }
    s
}

fn to_json(r: &StressResult) -> serde_json::Value {
    let t: Vec<_> = ["senior", "mezzanine", "junior"]
        .iter()
        .zip(&r.tranches)
        .map(|(n, t)| {
            json!({"tranche": n, "expected_loss": t.expected, "std_error": t.std_error,
                   "p_impaired": t.p_impaired, "var95": t.var95, "var99": t.var99})
        })
        .collect();
    json!({"pool_expected_loss": r.pool_expected, "tranches": t})
}

/// The `stress` command: the base correlations and the correlation stress, as tables or JSON.
pub fn run(p: &StressParams, toward_one: f64, json_out: bool) -> Result<()> {
    let stressed_corr = stressed(&p.corr, toward_one);
    let total = u64::from(p.paths) * 2;
    let bar = if json_out {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(total)
    };
    let started = std::time::Instant::now();
    let base = simulate(p, &|k| bar.inc(k))?;
    let stressed_params = StressParams {
        corr: stressed_corr.clone(),
        ..p.clone()
    };
    let stressed = simulate(&stressed_params, &|k| bar.inc(k))?;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    let rate = (base.position_steps + stressed.position_steps) as f64 / secs;
    if json_out {
        println!(
            "{}",
            json!({"params": format!("{p:?}"), "base": to_json(&base), "correlation_stress": to_json(&stressed),
                   "stressed_corr": stressed_corr, "position_steps_per_sec": rate})
        );
        return Ok(());
    }
    print!("{}", table(&format!("correlations {:?}", p.corr), &base));
    print!(
        "{}",
        table(
            &format!("correlation stress ({toward_one} of the way to 1): {stressed_corr:.3?}"),
            &stressed
        )
    );
    println!(
        "{} paths × {} positions × {} steps, twice, in {secs:.2} s: {rate:.0} position-steps/s",
        p.paths, p.positions, p.steps
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Standard normal CDF (Abramowitz & Stegun 7.1.26 for erf: absolute error < 1.5e-7, so < 7.5e-8 in Φ).
    fn phi(x: f64) -> f64 {
        let z = x / std::f64::consts::SQRT_2;
        let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
        let y = 1.0
            - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736)
                * t
                + 0.254_829_592)
                * t
                * (-z * z).exp();
        0.5 * (1.0 + if z >= 0.0 { y } else { -y })
    }

    /// E[f(Z)] for Z ~ N(0, 1): Simpson's rule on [−8, 8] with 4,000 intervals (the mass beyond is < 1e-15).
    fn over_factor(f: impl Fn(f64) -> f64) -> f64 {
        let n = 4_000;
        let (lo, hi) = (-8.0, 8.0);
        let h = (hi - lo) / f64::from(n);
        let g = |z: f64| f(z) * (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let mut s = g(lo) + g(hi);
        for i in 1..n {
            s += g(lo + f64::from(i) * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
        }
        s * h / 3.0
    }

    /// The loss of the tranche [a, b) of the pool, as a fraction of the tranche, at pool loss `l` (fractions).
    fn tranche_of(l: f64, a: f64, b: f64) -> f64 {
        (l - a).clamp(0.0, b - a) / (b - a)
    }

    /// The one-factor Gaussian copula: a loan defaults when √ρ·Z + √(1−ρ)·ε < c (Z common, ε its own), so given
    /// Z = z it defaults with probability Φ((c − √ρ·z) / √(1−ρ)), independently of the others.
    fn conditional_pd(c: f64, rho: f64, z: f64) -> f64 {
        phi((c - rho.sqrt() * z) / (1.0 - rho).sqrt())
    }

    /// Vasicek's large-pool tranche expected loss (loss given default 1): the pool loss given z is its
    /// conditional default probability, so E[tranche(p(Z))].
    fn large_pool_el(c: f64, rho: f64, a: f64, b: f64) -> f64 {
        over_factor(|z| tranche_of(conditional_pd(c, rho, z), a, b))
    }

    /// The same for a pool of `n` identical loans: given z the number of defaults K is Binomial(n, p(z)), so
    /// E[tranche(K / n)] exactly. This is the large-pool value plus the finite pool's (granularity) correction.
    fn finite_pool_el(c: f64, rho: f64, n: usize, a: f64, b: f64) -> f64 {
        // ln C(n, k), k = 0..=n.
        let mut ln_choose = vec![0.0f64; n + 1];
        for k in 1..=n {
            ln_choose[k] = ln_choose[k - 1] + ((n - k + 1) as f64 / k as f64).ln();
        }
        over_factor(|z| {
            let p = conditional_pd(c, rho, z);
            if p <= 0.0 {
                return tranche_of(0.0, a, b);
            }
            if p >= 1.0 {
                return tranche_of(1.0, a, b);
            }
            let (ln_p, ln_q) = (p.ln(), (1.0 - p).ln());
            // Only k / n > a loses anything.
            ((a * n as f64).floor() as usize..=n)
                .map(|k| {
                    let ln_pmf = ln_choose[k] + k as f64 * ln_p + (n - k) as f64 * ln_q;
                    ln_pmf.exp() * tranche_of(k as f64 / n as f64, a, b)
                })
                .sum()
        })
    }

    /// One closed-form check: `positions` identical loans on one asset, over one period of a year, no recovery.
    struct VasicekCase {
        name: &'static str,
        /// Each loan's collateral volatility (annual) and the correlation of any two loans' collateral returns.
        sigma: f64,
        rho: f64,
        ltv: f64,
        tranche_shares: [f64; 3],
        positions: usize,
        paths: u32,
        seed: u64,
        /// The test must resolve every tranche to within this fraction of its expected loss (its power).
        max_rel_tol: f64,
    }

    /// Simulates `case` and compares each tranche's expected loss with the finite homogeneous pool's closed form,
    /// within 4 Monte Carlo standard errors plus the closed form's numerical error.
    fn check_vasicek(case: &VasicekCase) {
        let (sigma, rho) = (case.sigma, case.rho);
        let p = StressParams {
            vols: vec![sigma * rho.sqrt()],
            corr: uniform_corr(1, 0.0),
            idio_vol: sigma * (1.0 - rho).sqrt(),
            horizon_days: 365.0,
            steps: 1,
            paths: case.paths,
            positions: case.positions as u32,
            jump_intensity: 0.0,
            liquidation_delay_steps: 0,
            slippage_bps: 0,
            no_recovery: true,
            tranche_shares: case.tranche_shares,
            seed: case.seed,
            ..StressParams::default()
        };
        // Identical loans: collateral worth 50k at the starting price of 1, debt `ltv` of it.
        let value = 50_000.0;
        let loan = Spec {
            amounts: vec![(value * WHOLE as f64) as u64],
            debt: (value * case.ltv * 1e6) as u64,
        };
        let specs = vec![loan.clone(); case.positions];
        let r = summarize(&p, specs.len(), &path_losses(&p, &specs, &|_| {}).unwrap());
        // Default: price · value · threshold < debt. The log-price over the year is σ·(√ρ·Z + √(1−ρ)·ε) − σ²/2,
        // so the default threshold of the standardized return is c = (ln k + σ²/2) / σ, k = debt / (value ·
        // threshold).
        let threshold = f64::from(p.liquidation_threshold_bps) / 10_000.0;
        let k = loan.debt as f64 / 1e6 / value / threshold;
        let c = (k.ln() + 0.5 * sigma * sigma) / sigma;
        let [s, m, j] = case.tranche_shares;
        let bounds = [(m + j, s + m + j), (j, m + j), (0.0, j)];
        for (t, (a, b)) in bounds.iter().enumerate() {
            let want = finite_pool_el(c, rho, case.positions, *a, *b);
            let large = large_pool_el(c, rho, *a, *b);
            let got = &r.tranches[t];
            // Φ is off by < 7.5e-8 and E[tranche(K / n)] moves by at most 1 / (b − a) per unit of p; Simpson's
            // error on this smooth integrand is far smaller still.
            let numeric = 1e-7 / (b - a);
            let tol = 4.0 * got.std_error + numeric;
            println!(
                "{}: tranche [{a:.2}, {b:.2}): simulated {:.6} ± {:.6}, finite pool {want:.6} (large pool {large:.6}, \
                 correction {:+.6}), pd {:.4}",
                case.name,
                got.expected,
                got.std_error,
                want - large,
                phi(c)
            );
            assert!(
                want > 0.0 && tol <= case.max_rel_tol * want,
                "{}: tranche {t}: the Monte Carlo error {tol:.2e} is not within {} of the expected loss {want:.2e}",
                case.name,
                case.max_rel_tol
            );
            assert!(
                (got.expected - want).abs() <= tol,
                "{}: tranche {t}: simulated {:.6} ± {:.6}, closed form {want:.6}: off by {:.2e} > {tol:.2e}",
                case.name,
                got.expected,
                got.std_error,
                (got.expected - want).abs()
            );
        }
        // And the ordering: junior loses most, senior least.
        assert!(r.tranches[2].expected > r.tranches[1].expected);
        assert!(r.tranches[1].expected > r.tranches[0].expected);
    }

    /// One asset, one period, identical loans with idiosyncratic noise so that the correlation of their collateral
    /// is `rho`, no recovery: the simulated tranche losses match the one-factor Gaussian copula (Vasicek) for
    /// the simulated pool's finite number of loans, within the Monte Carlo error; once with many defaults, once
    /// with few, where the senior tranche's expected loss is small and only a relative tolerance means anything.
    #[test]
    fn one_period_tranche_losses_match_vasicek() {
        check_vasicek(&VasicekCase {
            name: "many defaults",
            sigma: 0.6,
            rho: 0.3,
            ltv: 0.55,
            tranche_shares: [0.80, 0.15, 0.05],
            positions: 400,
            paths: 4_000,
            seed: 11,
            max_rel_tol: 0.1,
        });
        check_vasicek(&VasicekCase {
            name: "few defaults",
            sigma: 0.3,
            rho: 0.3,
            ltv: 0.40,
            tranche_shares: [0.95, 0.04, 0.01],
            positions: 200,
            paths: 8_000,
            seed: 12,
            max_rel_tol: 0.25,
        });
    }

    /// The same seed gives the same result (and another seed another one); and moving the assets' correlation
    /// towards 1 raises the senior tranche's expected loss by more than 2 standard errors, in a market harsh
    /// enough that senior is hit at the base correlation too (volatile assets, high starting LTVs, 3-day steps, a
    /// thin subordination).
    ///
    /// Both runs use the same seed, so the same positions and the same random numbers (common random numbers);
    /// the estimator of the increase is the mean over paths of (stressed − base) senior loss, and, the paths being
    /// independent, its standard error is the sample standard deviation of those differences / √paths.
    #[test]
    fn same_seed_same_result_and_correlation_raises_senior_risk() {
        let p = StressParams {
            vols: vec![1.5, 1.5],
            steps: 10,
            paths: 1_500,
            positions: 40,
            liquidation_delay_steps: 1,
            ltv_min: 0.60,
            ltv_max: 0.69,
            tranche_shares: [0.95, 0.03, 0.02],
            ..StressParams::default()
        };
        let specs = positions(&p);
        let base = path_losses(&p, &specs, &|_| {}).unwrap();
        let a = summarize(&p, specs.len(), &base);
        let b = simulate(&p, &|_| {}).unwrap();
        assert_eq!(a.tranches, b.tranches, "same seed, same result");
        let other = simulate(
            &StressParams {
                seed: 2,
                ..p.clone()
            },
            &|_| {},
        )
        .unwrap();
        assert_ne!(a.tranches, other.tranches, "the seed matters");
        let senior = &a.tranches[0];
        assert!(
            senior.expected > 2.0 * senior.std_error && senior.p_impaired > 0.05,
            "senior is hit at the base correlation: {senior:?}"
        );

        let hi = StressParams {
            corr: stressed(&p.corr, 0.9),
            ..p.clone()
        };
        let stressed_paths = path_losses(&hi, &specs, &|_| {}).unwrap();
        let d: Vec<f64> = stressed_paths
            .iter()
            .zip(&base)
            .map(|(s, b)| s.0[0] - b.0[0])
            .collect();
        let n = d.len() as f64;
        let mean = d.iter().sum::<f64>() / n;
        let sd = (d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        let se = sd / n.sqrt();
        let hi_senior = &summarize(&hi, specs.len(), &stressed_paths).tranches[0];
        assert!(
            mean > 2.0 * se,
            "senior expected loss {:.5} at correlation {:?}, {:.5} at {:?}: up {mean:.5}, not more than 2 × its \
             standard error {se:.5}",
            senior.expected,
            p.corr[0][1],
            hi_senior.expected,
            hi.corr[0][1]
        );
        assert!(cholesky(&uniform_corr(2, 1.0)).is_err());
    }
}
