//! `tranche stress`: Monte Carlo of a synthetic collateral pool's losses and how they fall on the tranches, for
//! the given correlations and for a correlation stress (every pairwise correlation moved towards 1). The engine
//! (prices, the program's health and loss waterfall, liquidations with delay and slippage) is `risk::engine`,
//! shared with `tranche risk`; the parameters (every one a flag and a market-file key) are `risk::params`.
//!
//! Output per tranche: expected loss, probability of any impairment, and the 95 % and 99 % loss quantiles (VaR).

use anyhow::Result;
use serde_json::json;

use crate::risk::engine::{position_steps, simulate, stressed, summarize, Book, Summary};
use crate::risk::params::{synthetic_book, Settings};

/// The synthetic pool of `s` and its loss distributions under `s`'s market; `progress` counts paths.
pub fn run_synthetic(s: &Settings, progress: &(dyn Fn(u64) + Sync)) -> Result<(Book, Summary)> {
    let book = synthetic_book(&s.pool, s.market.vols.len(), s.run.seed)?;
    let spot = vec![1.0; book.assets.len()];
    let paths = simulate(&book, &s.market, &s.run, &spot, progress)?;
    Ok((book, summarize(&paths)))
}

fn table(title: &str, r: &Summary) -> String {
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

fn to_json(r: &Summary) -> serde_json::Value {
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
pub fn run(s: &Settings, json_out: bool) -> Result<()> {
    let toward_one = s.stress_toward_one;
    let stressed_corr = stressed(&s.market.corr, toward_one);
    let total = u64::from(s.run.paths) * 2;
    let bar = if json_out {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(total)
    };
    let started = std::time::Instant::now();
    let (book, base) = run_synthetic(s, &|k| bar.inc(k))?;
    let mut hi = s.clone();
    hi.market.corr = stressed_corr.clone();
    let (_, stressed) = run_synthetic(&hi, &|k| bar.inc(k))?;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let rate = 2.0 * position_steps(&book, &s.run) as f64 / secs;
    if json_out {
        println!(
            "{}",
            json!({"params": format!("{s:?}"), "base": to_json(&base), "correlation_stress": to_json(&stressed),
                   "stressed_corr": stressed_corr, "position_steps_per_sec": rate})
        );
        return Ok(());
    }
    print!(
        "{}",
        table(&format!("correlations {:?}", s.market.corr), &base)
    );
    print!(
        "{}",
        table(
            &format!("correlation stress ({toward_one} of the way to 1): {stressed_corr:.3?}"),
            &stressed
        )
    );
    println!(
        "{} paths × {} positions × {} steps, twice, in {secs:.2} s: {rate:.0} position-steps/s",
        s.run.paths,
        book.loans.len(),
        s.run.steps
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::engine::{cholesky, uniform_corr, PathLoss};
    use crate::risk::params::SimArgs;
    use crate::vasicek::{default_threshold, finite_pool_el, large_pool_el, numeric_error, phi};

    /// One closed-form check: `positions` identical loans on one asset, over one period of a year, no recovery.
    struct VasicekCase {
        name: &'static str,
        /// Each loan's collateral volatility (annual) and the correlation of any two loans' collateral returns.
        sigma: f64,
        rho: f64,
        ltv: f64,
        attachments: [f64; 2],
        positions: u32,
        paths: u32,
        seed: u64,
        /// The test must resolve every tranche to within this fraction of its expected loss (its power).
        max_rel_tol: f64,
    }

    /// The settings of the closed-form regime: one asset, one step of a year, no jumps, no recovery, liquidation
    /// at once and without slippage, identical loans.
    fn vasicek_settings(case: &VasicekCase) -> Settings {
        SimArgs {
            vols: Some(vec![case.sigma]),
            loan_corr: Some(case.rho),
            horizon_days: Some(365.0),
            steps: Some(1),
            paths: Some(case.paths),
            seed: Some(case.seed),
            jump_intensity: Some(0.0),
            liquidation_delay: Some(0),
            slippage_bps: Some(0),
            recovery: Some(false),
            positions: Some(case.positions),
            size_min: Some(50_000.0),
            size_max: Some(50_000.0),
            ltv_min: Some(case.ltv),
            ltv_max: Some(case.ltv),
            attachments: Some(case.attachments.to_vec()),
            ..SimArgs::default()
        }
        .resolve(None)
        .unwrap()
    }

    /// Simulates `case` and compares each tranche's expected loss with the finite homogeneous pool's closed form,
    /// within 4 Monte Carlo standard errors plus the closed form's numerical error.
    fn check_vasicek(case: &VasicekCase) {
        let s = vasicek_settings(case);
        let (book, r) = run_synthetic(&s, &|_| {}).unwrap();
        // Default: price · value · threshold < debt, so k = debt / (value · threshold).
        let threshold = f64::from(s.pool.liquidation_threshold_bps) / 10_000.0;
        let loan = &book.loans[0];
        let k = loan.debt_native as f64 / 1e6 / 50_000.0 / threshold;
        let c = default_threshold(k, case.sigma, 1.0);
        let [a1, a2] = case.attachments;
        let bounds = [(a2, 1.0), (a1, a2), (0.0, a1)];
        for (t, (a, b)) in bounds.iter().enumerate() {
            let want = finite_pool_el(c, case.rho, case.positions as usize, *a, *b);
            let large = large_pool_el(c, case.rho, *a, *b);
            let got = &r.tranches[t];
            let tol = 4.0 * got.std_error + numeric_error(*a, *b);
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

    /// One asset, one period, identical loans whose collateral returns correlate by `rho`, no recovery: the
    /// simulated tranche losses match the one-factor Gaussian copula (Vasicek) for the simulated pool's finite
    /// number of loans, within the Monte Carlo error; once with many defaults, once with few, where the senior
    /// tranche's expected loss is small and only a relative tolerance means anything. (`tests/risk.rs` checks the
    /// large-pool value through the command line.)
    #[test]
    fn one_period_tranche_losses_match_vasicek() {
        check_vasicek(&VasicekCase {
            name: "many defaults",
            sigma: 0.6,
            rho: 0.3,
            ltv: 0.55,
            attachments: [0.05, 0.20],
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
            attachments: [0.01, 0.05],
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
        let s = SimArgs {
            vols: Some(vec![1.5, 1.5]),
            steps: Some(10),
            paths: Some(1_500),
            positions: Some(40),
            ltv_min: Some(0.60),
            ltv_max: Some(0.69),
            attachments: Some(vec![0.02, 0.05]),
            ..SimArgs::default()
        }
        .resolve(None)
        .unwrap();
        let book = synthetic_book(&s.pool, 2, s.run.seed).unwrap();
        let spot = [1.0, 1.0];
        let base = simulate(&book, &s.market, &s.run, &spot, &|_| {}).unwrap();
        let a = summarize(&base);
        let (_, b) = run_synthetic(&s, &|_| {}).unwrap();
        assert_eq!(a.tranches, b.tranches, "same seed, same result");
        let mut other = s.clone();
        other.run.seed = 2;
        let (_, other) = run_synthetic(&other, &|_| {}).unwrap();
        assert_ne!(a.tranches, other.tranches, "the seed matters");
        let senior = &a.tranches[0];
        assert!(
            senior.expected > 2.0 * senior.std_error && senior.p_impaired > 0.05,
            "senior is hit at the base correlation: {senior:?}"
        );

        let mut hi = s.clone();
        hi.market.corr = stressed(&s.market.corr, 0.9);
        let stressed_paths: Vec<PathLoss> =
            simulate(&book, &hi.market, &hi.run, &spot, &|_| {}).unwrap();
        let d: Vec<f64> = stressed_paths
            .iter()
            .zip(&base)
            .map(|(s, b)| s.tranche[0] - b.tranche[0])
            .collect();
        let (mean, se) = crate::risk::engine::mean_se(d.iter().copied());
        let hi_senior = &summarize(&stressed_paths).tranches[0];
        assert!(
            mean > 2.0 * se,
            "senior expected loss {:.5} at correlation {:?}, {:.5} at {:?}: up {mean:.5}, not more than 2 × its \
             standard error {se:.5}",
            senior.expected,
            s.market.corr[0][1],
            hi_senior.expected,
            hi.market.corr[0][1]
        );
        // A correlation of 1 is allowed (a zero pivot), one above is not a correlation matrix.
        assert!(cholesky(&uniform_corr(2, 1.0)).is_ok());
        assert!(cholesky(&[
            vec![1.0, 0.9, 0.9],
            vec![0.9, 1.0, -0.9],
            vec![0.9, -0.9, 1.0]
        ])
        .is_err());
    }
}
