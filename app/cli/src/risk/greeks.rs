//! The tranche Greeks by bump-and-reprice with common random numbers: the bumped run uses the same seed as the
//! base run, so path `i` of both sees the same random numbers, and the estimator of a change is the mean over
//! paths of the paired difference, whose standard error is the sample standard deviation of those differences
//! over √paths (the paths being independent).
//!
//! - vega: per +1 vol point (+0.01) of each asset;
//! - correlation: per +0.05 of every pairwise correlation (the assets' off-diagonal correlations and, below 1,
//!   the loan correlation; each capped at 1);
//! - delta and gamma: for a −1 % and a −10 % spot move of each asset, delta = EL(S·(1−h)) − EL(S) and gamma =
//!   EL(S·(1+h)) − 2·EL(S) + EL(S·(1−h)), on each tranche's expected loss (Monte Carlo) and on the pool's
//!   immediate loss (exact: the loans liquidatable right after the move, liquidated at once);
//! - the senior attachment's distance: the smallest common price drop after which senior loses anything today
//!   ([`Book::senior_attachment_drop`]).

use anyhow::{bail, Context, Result};

use super::engine::{mean_se, simulate, Book, MarketModel, PathLoss, RunModel};

/// A vol point.
pub const VOL_BUMP: f64 = 0.01;
/// The correlation bump.
pub const CORR_BUMP: f64 = 0.05;
/// The spot moves of delta and gamma.
pub const SPOT_MOVES: [f64; 2] = [0.01, 0.10];

/// Which Greeks to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub vega: bool,
    pub corr: bool,
    pub delta: bool,
}

impl Selection {
    pub const ALL: Selection = Selection {
        vega: true,
        corr: true,
        delta: true,
    };

    /// `all`, `none`, or a comma-separated list of `vega`, `corr`, `delta` (delta includes gamma).
    pub fn parse(s: &str) -> Result<Selection> {
        let mut sel = Selection {
            vega: false,
            corr: false,
            delta: false,
        };
        for part in s.split(',').map(str::trim) {
            match part {
                "all" => sel = Selection::ALL,
                "none" => {}
                "vega" => sel.vega = true,
                "corr" => sel.corr = true,
                "delta" | "gamma" => sel.delta = true,
                other => bail!("--greeks: {other:?} is not one of all, none, vega, corr, delta"),
            }
        }
        Ok(sel)
    }
}

/// A change with its Monte Carlo standard error (0 for an exact figure).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub value: f64,
    pub std_error: f64,
}

/// One Greek: the change in each tranche's expected loss (fractions of its NAV: senior, mezzanine, junior) and,
/// for spot moves, in the pool's immediate loss (fraction of its debt, exact).
#[derive(Clone, Debug)]
pub struct Greek {
    pub kind: &'static str,
    /// What was bumped, e.g. "SOL vol +0.01".
    pub bump: String,
    pub asset: Option<usize>,
    pub tranches: [Change; 3],
    pub pool_immediate: Option<f64>,
}

/// Every Greek computed, and the senior attachment's distance.
#[derive(Clone, Debug)]
pub struct Greeks {
    pub greeks: Vec<Greek>,
    /// The smallest common price drop (fraction) that makes senior lose anything today; `None`: none does.
    pub senior_attachment_drop: Option<f64>,
    /// Position-steps simulated for them.
    pub position_steps: u64,
}

/// Σ w_k · paths_k[i] per path i, then its mean and standard error, for each tranche.
fn combine(terms: &[(f64, &[PathLoss])]) -> [Change; 3] {
    [0, 1, 2].map(|t| {
        let n = terms.first().map_or(0, |(_, p)| p.len());
        let xs: Vec<f64> = (0..n)
            .map(|i| terms.iter().map(|(w, p)| w * p[i].tranche[t]).sum())
            .collect();
        let (value, std_error) = mean_se(xs.into_iter());
        Change { value, std_error }
    })
}

/// The correlations bumped by `by`: every off-diagonal asset correlation and the loan correlation (below 1), each
/// capped at 1.
pub fn bump_corr(m: &MarketModel, by: f64) -> MarketModel {
    let mut out = m.clone();
    for (i, row) in out.corr.iter_mut().enumerate() {
        for (j, r) in row.iter_mut().enumerate() {
            if i != j {
                *r = (*r + by).min(1.0);
            }
        }
    }
    if m.loan_corr < 1.0 {
        out.loan_corr = (m.loan_corr + by).min(1.0);
    }
    out
}

/// The Greeks of `book` under `m` and `run`, given the base run's paths; `progress` counts paths.
pub fn compute(
    book: &Book,
    m: &MarketModel,
    run: &RunModel,
    base: &[PathLoss],
    sel: Selection,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Greeks> {
    let n = book.assets.len();
    let flat = vec![1.0; n];
    let mut greeks = vec![];
    let mut runs = 0u64;
    let mut sim = |m: &MarketModel, spot: &[f64]| -> Result<Vec<PathLoss>> {
        runs += 1;
        simulate(book, m, run, spot, progress)
    };
    if sel.vega {
        for i in 0..n {
            let mut bumped = m.clone();
            bumped.vols[i] += VOL_BUMP;
            let paths = sim(&bumped, &flat)?;
            greeks.push(Greek {
                kind: "vega",
                bump: format!("{} vol +{VOL_BUMP}", book.assets[i].name),
                asset: Some(i),
                tranches: combine(&[(1.0, &paths), (-1.0, base)]),
                pool_immediate: None,
            });
        }
    }
    if sel.corr {
        let bumped = bump_corr(m, CORR_BUMP);
        let paths = sim(&bumped, &flat).context("the correlation bump")?;
        greeks.push(Greek {
            kind: "corr",
            bump: format!("every pairwise correlation +{CORR_BUMP}"),
            asset: None,
            tranches: combine(&[(1.0, &paths), (-1.0, base)]),
            pool_immediate: None,
        });
    }
    if sel.delta {
        let (_, now) = book.immediate_loss(&flat, run)?;
        for i in 0..n {
            for h in SPOT_MOVES {
                let mut down = flat.clone();
                down[i] = 1.0 - h;
                let mut up = flat.clone();
                up[i] = 1.0 + h;
                let pd = sim(m, &down)?;
                let pu = sim(m, &up)?;
                let (_, imm_down) = book.immediate_loss(&down, run)?;
                let (_, imm_up) = book.immediate_loss(&up, run)?;
                let name = &book.assets[i].name;
                greeks.push(Greek {
                    kind: "delta",
                    bump: format!("{name} spot −{}%", h * 100.0),
                    asset: Some(i),
                    tranches: combine(&[(1.0, &pd), (-1.0, base)]),
                    pool_immediate: Some(imm_down.pool - now.pool),
                });
                greeks.push(Greek {
                    kind: "gamma",
                    bump: format!("{name} spot ±{}%", h * 100.0),
                    asset: Some(i),
                    tranches: combine(&[(1.0, &pu), (-2.0, base), (1.0, &pd)]),
                    pool_immediate: Some(imm_up.pool - 2.0 * now.pool + imm_down.pool),
                });
            }
        }
    }
    Ok(Greeks {
        greeks,
        senior_attachment_drop: book.senior_attachment_drop(run)?,
        position_steps: runs * super::engine::position_steps(book, run),
    })
}

/// The expected loss of each tranche against a uniform correlation from 0 to 0.95 (step 0.05), with standard
/// errors: of the loan correlation when the book has one asset, else of every pairwise asset correlation.
pub fn corr_curve(
    book: &Book,
    m: &MarketModel,
    run: &RunModel,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<(f64, [Change; 3])>> {
    let flat = vec![1.0; book.assets.len()];
    (0..20)
        .map(|k| {
            let rho = f64::from(k) * 0.05;
            let mut mm = m.clone();
            if book.assets.len() == 1 {
                mm.loan_corr = rho;
            } else {
                mm.corr = super::engine::uniform_corr(book.assets.len(), rho);
            }
            let paths = simulate(book, &mm, run, &flat, progress)?;
            Ok((rho, combine(&[(1.0, &paths)])))
        })
        .collect()
}
