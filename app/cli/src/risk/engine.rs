//! The Monte Carlo engine `tranche stress` and `tranche risk` share: a book (collateral assets with their risk
//! parameters and current prices, loans with their collateral and debt, the three tranches' NAVs) run through
//! simulated markets.
//!
//! - Prices: each asset's log-price follows correlated Brownian motion (a Cholesky factor of the correlation
//!   matrix) with its volatility, plus market-wide jumps (Poisson arrivals, normal log-jump sizes) on every asset.
//!   With a loan correlation ρ_L < 1 each loan's collateral also carries its own noise: asset i of loan j moves by
//!   σ_i·(√ρ_L·W_i + √(1−ρ_L)·B_j), so two loans' returns on one asset correlate by ρ_L.
//! - Every step each open loan is priced with the program's own health code ([`Health::compute`] on
//!   [`PricedCollateral`] entries, debt at its fixed value); once liquidatable, a liquidator acts `delay` steps
//!   later (at once for 0), receiving the collateral at the price less the slippage and repaying what that covers
//!   at each asset's liquidation bonus; the rest is bad debt (all of it without recovery). Loans still waiting at
//!   the horizon are liquidated at the final prices.
//! - Each path's bad debt goes through the program's own loss waterfall ([`split_loss`]): junior, mezzanine,
//!   senior.
//!
//! Paths run in parallel (rayon); path `i` draws from its own generator seeded from (seed, i), and draws the same
//! numbers whatever the parameters (every normal is drawn whether used or not), so a base run and a bumped one
//! share their random numbers path by path (common random numbers) and the result does not depend on the number
//! of threads.

use anyhow::{ensure, Context, Result};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use tranche_vault::math::fixed::{from_native, Sf};
use tranche_vault::math::health::{Health, PricedCollateral};
use tranche_vault::math::waterfall::split_loss;

/// A collateral asset as the book holds it.
#[derive(Clone, Debug)]
pub struct AssetModel {
    pub name: String,
    pub decimals: u8,
    /// The low-side price per whole token now (what positions are valued at), in the oracles' price units.
    pub price: Sf,
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
}

/// A loan: native collateral amounts by asset index, its debt in native quote units and what that debt is worth
/// (the program's debt value at the quote's high side, price units).
#[derive(Clone, Debug)]
pub struct Loan {
    pub collateral: Vec<(usize, u64)>,
    pub debt_native: u64,
    pub debt_value: Sf,
}

/// What the simulation runs on.
#[derive(Clone, Debug)]
pub struct Book {
    pub assets: Vec<AssetModel>,
    pub loans: Vec<Loan>,
    /// Senior, mezzanine, junior NAV (the program's fixed point, quote units).
    pub navs: [Sf; 3],
}

/// The market model.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketModel {
    /// Annual volatility of each asset (the book's order).
    pub vols: Vec<f64>,
    /// Correlation matrix of the assets' returns (n×n, symmetric, 1 on the diagonal, positive semidefinite).
    pub corr: Vec<Vec<f64>>,
    /// Correlation of two loans' returns on one asset (1: a loan's collateral moves with its asset exactly).
    pub loan_corr: f64,
    /// Market-wide jumps: arrivals per year, mean and standard deviation of the log-jump.
    pub jump_intensity: f64,
    pub jump_mean: f64,
    pub jump_vol: f64,
}

/// How the paths run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunModel {
    pub horizon_days: f64,
    pub steps: u32,
    pub paths: u32,
    pub seed: u64,
    /// Steps between a loan becoming liquidatable and its liquidation (0: the same step).
    pub liquidation_delay_steps: u32,
    /// Discount on the collateral's price at liquidation, bps.
    pub slippage_bps: u32,
    /// Liquidations recover collateral; without, a liquidated loan's whole debt is lost (the textbook model).
    pub recovery: bool,
}

/// One path's outcome: each tranche's loss as a fraction of its NAV (senior, mezzanine, junior) and the pool's bad
/// debt as a fraction of its debt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathLoss {
    pub tranche: [f64; 3],
    pub pool: f64,
}

/// Lower-triangular Cholesky factor of a correlation matrix; a zero pivot (a correlation of 1) is allowed.
pub fn cholesky(corr: &[Vec<f64>]) -> Result<Vec<Vec<f64>>> {
    let n = corr.len();
    ensure!(
        corr.iter().all(|r| r.len() == n),
        "the correlation matrix must be square: {corr:?}"
    );
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = corr[i][i] - s;
                ensure!(
                    d > -1e-9,
                    "the correlation matrix is not positive semidefinite: {corr:?}"
                );
                l[i][j] = d.max(0.0).sqrt();
            } else if l[j][j] > 1e-9 {
                l[i][j] = (corr[i][j] - s) / l[j][j];
            }
        }
        // What a zero pivot left out must have been consistent: row i has unit length.
        let norm: f64 = l[i].iter().map(|x| x * x).sum();
        ensure!(
            (norm - 1.0).abs() < 1e-6,
            "the correlation matrix is not positive semidefinite: {corr:?}"
        );
    }
    Ok(l)
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    // Box–Muller.
    let u1: f64 = rng.gen::<f64>().max(f64::MIN_POSITIVE);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

impl Book {
    /// Σ debt, native quote units.
    pub fn total_debt(&self) -> u64 {
        self.loans
            .iter()
            .fold(0u64, |a, l| a.saturating_add(l.debt_native))
    }

    /// Checks that the book and the market fit each other.
    pub fn check(&self, m: &MarketModel) -> Result<()> {
        ensure!(!self.assets.is_empty(), "the book has no collateral assets");
        ensure!(
            m.vols.len() == self.assets.len(),
            "{} volatilities for {} assets ({})",
            m.vols.len(),
            self.assets.len(),
            self.assets
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        ensure!(
            m.corr.len() == self.assets.len(),
            "a {0}×{0} correlation matrix for {1} assets",
            m.corr.len(),
            self.assets.len()
        );
        for l in &self.loans {
            ensure!(
                l.collateral.iter().all(|(i, _)| *i < self.assets.len()),
                "a loan holds an asset the book does not list"
            );
        }
        Ok(())
    }

    /// `loan`'s entries at the asset prices `px` (price units per whole token), as the program prices them.
    fn entries(&self, loan: &Loan, px: &[Sf], out: &mut Vec<PricedCollateral>) {
        out.clear();
        for &(i, amount) in &loan.collateral {
            let a = &self.assets[i];
            out.push(PricedCollateral {
                amount,
                decimals: a.decimals,
                price_low: px[i],
                max_ltv_bps: a.max_ltv_bps,
                liquidation_threshold_bps: a.liquidation_threshold_bps,
            });
        }
    }

    /// The loan's health at the prices `px`, by the program's health code.
    pub fn health(
        &self,
        loan: &Loan,
        px: &[Sf],
        buf: &mut Vec<PricedCollateral>,
    ) -> Result<Health> {
        self.entries(loan, px, buf);
        Ok(Health::compute(buf, loan.debt_value)?)
    }

    /// Each loan's health now (the program's health code at the book's prices).
    pub fn healths_now(&self) -> Result<Vec<Health>> {
        let px: Vec<Sf> = self.assets.iter().map(|a| a.price).collect();
        let mut buf = Vec::with_capacity(8);
        self.loans
            .iter()
            .map(|l| self.health(l, &px, &mut buf))
            .collect()
    }

    /// The bad debt (native quote units) of liquidating `loan` at the prices `px`: the liquidator takes the
    /// collateral at the price less `slippage_bps` and repays what that covers at each asset's bonus; without
    /// recovery the whole debt.
    fn liquidation_loss(&self, loan: &Loan, px: &[f64], run: &RunModel) -> u64 {
        if !run.recovery {
            return loan.debt_native;
        }
        let slip = 1.0 - f64::from(run.slippage_bps.min(10_000)) / 10_000.0;
        let repaid_value: f64 = loan
            .collateral
            .iter()
            .map(|&(i, amount)| {
                let a = &self.assets[i];
                let whole = amount as f64 / 10f64.powi(i32::from(a.decimals));
                whole * px[i] * slip / (1.0 + f64::from(a.liquidation_bonus_bps) / 10_000.0)
            })
            .sum();
        let debt_value = loan.debt_value.to_num::<f64>();
        if debt_value <= 0.0 {
            return 0;
        }
        let unpaid = (1.0 - repaid_value / debt_value).clamp(0.0, 1.0);
        (loan.debt_native as f64 * unpaid) as u64
    }

    /// Bad debt `bad` (native) through the program's loss waterfall: each tranche's loss as a fraction of its NAV.
    pub fn split(&self, bad: u64) -> Result<PathLoss> {
        let navs = self.navs;
        let total = navs.iter().fold(Sf::ZERO, |a, b| a.saturating_add(*b));
        let loss = from_native(bad).min(total);
        let split = split_loss(loss, &navs, Sf::ZERO)?;
        let frac = |t: usize| {
            if navs[t] == Sf::ZERO {
                0.0
            } else {
                split.tranche[t].to_num::<f64>() / navs[t].to_num::<f64>()
            }
        };
        Ok(PathLoss {
            tranche: [frac(0), frac(1), frac(2)],
            pool: bad as f64 / self.total_debt().max(1) as f64,
        })
    }

    /// The prices after an instant move of each asset by `spot` (a factor, 1 = no move: the book's price exactly),
    /// as floats and as the program's fixed point.
    fn moved(&self, spot: &[f64]) -> (Vec<f64>, Vec<Sf>) {
        self.assets
            .iter()
            .zip(spot)
            .map(|(a, s)| {
                let p = a.price.to_num::<f64>() * s;
                let sf = if *s == 1.0 {
                    a.price
                } else {
                    Sf::saturating_from_num(p.max(0.0))
                };
                (p, sf)
            })
            .unzip()
    }

    /// The pool's immediate loss: prices move by `spot` at once, and every loan that is then liquidatable is
    /// liquidated at those prices. Returns the bad debt (native) and its split.
    pub fn immediate_loss(&self, spot: &[f64], run: &RunModel) -> Result<(u64, PathLoss)> {
        let (px, sf) = self.moved(spot);
        let mut buf = Vec::with_capacity(8);
        let mut bad = 0u64;
        for loan in &self.loans {
            if loan.debt_native > 0 && self.health(loan, &sf, &mut buf)?.is_liquidatable() {
                bad = bad.saturating_add(self.liquidation_loss(loan, &px, run));
            }
        }
        Ok((bad, self.split(bad)?))
    }

    /// The smallest common price drop (a fraction of every price) after which senior loses anything today: every
    /// loan liquidatable at the dropped prices is liquidated at them and the bad debt exceeds junior and mezzanine.
    /// The bad debt only grows as prices fall, so a bisection finds it to 1e-7; `None` when even a drop to zero
    /// leaves senior whole.
    pub fn senior_attachment_drop(&self, run: &RunModel) -> Result<Option<f64>> {
        let hits = |drop: f64| -> Result<bool> {
            let spot = vec![1.0 - drop; self.assets.len()];
            Ok(self.immediate_loss(&spot, run)?.1.tranche[0] > 0.0)
        };
        if hits(0.0)? {
            return Ok(Some(0.0));
        }
        if !hits(1.0)? {
            return Ok(None);
        }
        let (mut lo, mut hi) = (0.0f64, 1.0f64);
        while hi - lo > 1e-7 {
            let mid = 0.5 * (lo + hi);
            if hits(mid)? {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some(hi))
    }
}

/// The per-path state of [`simulate_path`], allocated once per path.
struct PathState {
    log_common: Vec<f64>,
    loan_noise: Vec<f64>,
    pending: Vec<Option<u32>>,
    closed: Vec<bool>,
    z: Vec<f64>,
    px: Vec<f64>,
    px_sf: Vec<Sf>,
    loan_px: Vec<f64>,
    loan_px_sf: Vec<Sf>,
    buf: Vec<PricedCollateral>,
}

/// One path of the book under `m` and `run`, with the assets' starting prices moved by `spot`.
fn simulate_path(
    book: &Book,
    m: &MarketModel,
    run: &RunModel,
    chol: &[Vec<f64>],
    spot: &[f64],
    index: u64,
) -> Result<PathLoss> {
    let mut rng = ChaCha8Rng::seed_from_u64(run.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ index);
    let n = book.assets.len();
    let loans = &book.loans;
    let dt = run.horizon_days / 365.0 / f64::from(run.steps);
    let sq = dt.sqrt();
    let common = m.loan_corr.clamp(0.0, 1.0).sqrt();
    let own = (1.0 - m.loan_corr.clamp(0.0, 1.0)).sqrt();
    let (start, _) = book.moved(spot);
    let mut s = PathState {
        log_common: vec![0.0; n],
        loan_noise: vec![0.0; if own > 0.0 { loans.len() } else { 0 }],
        pending: vec![None; loans.len()],
        closed: loans.iter().map(|l| l.debt_native == 0).collect(),
        z: vec![0.0; n],
        px: vec![0.0; n],
        px_sf: vec![Sf::ZERO; n],
        loan_px: vec![0.0; n],
        loan_px_sf: vec![Sf::ZERO; n],
        buf: Vec::with_capacity(8),
    };
    let mut bad = 0u64;
    let mut jumps = 0.0f64;
    for step in 1..=run.steps {
        let t = dt * f64::from(step);
        for z in s.z.iter_mut() {
            *z = normal(&mut rng);
        }
        let arrival: f64 = rng.gen();
        let size = normal(&mut rng);
        if arrival < m.jump_intensity * dt {
            jumps += m.jump_mean + m.jump_vol * size;
        }
        for (i, row) in chol.iter().enumerate() {
            let shock: f64 = row.iter().zip(&s.z).map(|(l, z)| l * z).sum();
            s.log_common[i] += common * m.vols[i] * sq * shock;
        }
        // Every loan's own noise is drawn every step, open or not, so that the streams line up across runs.
        for x in s.loan_noise.iter_mut() {
            *x += own * sq * normal(&mut rng);
        }
        for (i, p0) in start.iter().enumerate() {
            let v = m.vols[i];
            s.px[i] = p0 * (s.log_common[i] - 0.5 * v * v * t + jumps).exp();
            s.px_sf[i] = Sf::saturating_from_num(s.px[i].max(0.0));
        }
        for (j, loan) in loans.iter().enumerate() {
            if s.closed[j] {
                continue;
            }
            let (px, px_sf): (&[f64], &[Sf]) = if own > 0.0 {
                let b = s.loan_noise[j];
                for &(i, _) in &loan.collateral {
                    s.loan_px[i] = s.px[i] * (m.vols[i] * b).exp();
                    s.loan_px_sf[i] = Sf::saturating_from_num(s.loan_px[i].max(0.0));
                }
                (&s.loan_px, &s.loan_px_sf)
            } else {
                (&s.px, &s.px_sf)
            };
            let due = match s.pending[j] {
                Some(0) => true,
                Some(left) => {
                    s.pending[j] = Some(left - 1);
                    false
                }
                None => {
                    if book.health(loan, px_sf, &mut s.buf)?.is_liquidatable() {
                        s.pending[j] = Some(run.liquidation_delay_steps.saturating_sub(1));
                        run.liquidation_delay_steps == 0
                    } else {
                        false
                    }
                }
            };
            if due {
                bad = bad.saturating_add(book.liquidation_loss(loan, px, run));
                s.closed[j] = true;
            }
        }
    }
    // Loans still waiting for their liquidator at the horizon are liquidated at the final prices.
    for (j, loan) in loans.iter().enumerate() {
        if s.closed[j] || s.pending[j].is_none() {
            continue;
        }
        let px: Vec<f64> = if own > 0.0 {
            (0..n)
                .map(|i| s.px[i] * (m.vols[i] * s.loan_noise[j]).exp())
                .collect()
        } else {
            s.px.clone()
        };
        bad = bad.saturating_add(book.liquidation_loss(loan, &px, run));
    }
    book.split(bad)
}

/// Checks the market and run parameters on their own (the errors name the value).
pub fn check_models(m: &MarketModel, run: &RunModel) -> Result<()> {
    ensure!(run.paths > 0, "paths must be at least 1");
    ensure!(run.steps > 0, "steps must be at least 1");
    ensure!(
        run.horizon_days.is_finite() && run.horizon_days > 0.0,
        "horizon_days must be positive: {}",
        run.horizon_days
    );
    ensure!(
        run.slippage_bps <= 10_000,
        "slippage_bps must be within 0..=10000: {}",
        run.slippage_bps
    );
    for (i, v) in m.vols.iter().enumerate() {
        ensure!(
            v.is_finite() && *v >= 0.0 && *v <= 20.0,
            "volatility {i} must be within 0..=20 (annual, 0.8 = 80 %): {v}"
        );
    }
    ensure!(
        (0.0..=1.0).contains(&m.loan_corr),
        "loan_corr must be within 0..=1: {}",
        m.loan_corr
    );
    for (i, row) in m.corr.iter().enumerate() {
        for (j, r) in row.iter().enumerate() {
            ensure!(
                r.is_finite() && (-1.0..=1.0).contains(r),
                "correlation [{i}][{j}] must be within -1..=1: {r}"
            );
            ensure!(i != j || *r == 1.0, "correlation [{i}][{i}] must be 1: {r}");
            let t = m.corr.get(j).and_then(|row| row.get(i)).copied();
            ensure!(
                t == Some(*r),
                "the correlation matrix must be symmetric: [{i}][{j}] = {r}, [{j}][{i}] = {t:?}"
            );
        }
    }
    ensure!(
        m.jump_intensity.is_finite() && m.jump_intensity >= 0.0,
        "jump_intensity must be non-negative: {}",
        m.jump_intensity
    );
    ensure!(
        m.jump_mean.is_finite() && m.jump_vol.is_finite() && m.jump_vol >= 0.0,
        "jump_mean must be finite and jump_vol non-negative: {}, {}",
        m.jump_mean,
        m.jump_vol
    );
    Ok(())
}

/// Every path of the book under `m` and `run`, starting from prices moved by `spot`, in path order; `progress`
/// is called with the number of paths done.
pub fn simulate(
    book: &Book,
    m: &MarketModel,
    run: &RunModel,
    spot: &[f64],
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<PathLoss>> {
    check_models(m, run)?;
    book.check(m)?;
    ensure!(spot.len() == book.assets.len(), "one spot move per asset");
    let chol = cholesky(&m.corr).context("the correlation matrix")?;
    (0..run.paths)
        .into_par_iter()
        .map(|i| {
            let r = simulate_path(book, m, run, &chol, spot, u64::from(i));
            progress(1);
            r
        })
        .collect()
}

/// Position-steps of one simulation of the book.
pub fn position_steps(book: &Book, run: &RunModel) -> u64 {
    u64::from(run.paths) * book.loans.len() as u64 * u64::from(run.steps)
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

/// The loss distributions of a simulation.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Senior, mezzanine, junior.
    pub tranches: [TrancheLoss; 3],
    /// Pool loss as a fraction of debt: mean.
    pub pool_expected: f64,
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Mean and standard error of the mean of `xs` (independent draws).
pub fn mean_se(xs: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let n = xs.clone().count() as f64;
    if n == 0.0 {
        return (0.0, 0.0);
    }
    let mean = xs.clone().sum::<f64>() / n;
    let var = xs.map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, (var / n).sqrt())
}

/// The loss distributions of `paths`.
pub fn summarize(paths: &[PathLoss]) -> Summary {
    let n = paths.len().max(1) as f64;
    let tranches = [0, 1, 2].map(|t| {
        let mut xs: Vec<f64> = paths.iter().map(|r| r.tranche[t]).collect();
        let (expected, std_error) = mean_se(xs.iter().copied());
        let impaired = xs.iter().filter(|x| **x > 0.0).count() as f64 / n;
        xs.sort_by(f64::total_cmp);
        TrancheLoss {
            expected,
            std_error,
            p_impaired: impaired,
            var95: quantile(&xs, 0.95),
            var99: quantile(&xs, 0.99),
        }
    });
    Summary {
        tranches,
        pool_expected: paths.iter().map(|r| r.pool).sum::<f64>() / n,
    }
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
