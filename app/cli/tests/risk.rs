//! `tranche risk` through its command line (the built binary, `--json`) against the closed form: one asset, one
//! period of a year, no jumps, no recovery, liquidation at once and without slippage, a large pool of identical
//! loans whose collateral returns correlate by `--loan-corr`. Each tranche's simulated expected loss must match
//! the Vasicek large-pool value within 4 Monte Carlo standard errors, for three correlations × three sets of
//! attachment points; and the correlation Greek (+0.05, common random numbers) must be positive for senior,
//! negative for junior, and match the closed form's finite difference within 4 standard errors of the paired
//! difference.
//!
//! The pool is large enough that its granularity (the finite pool's exact value minus the large-pool one, both
//! printed) is well inside the Monte Carlo error, which the test checks too.

use std::process::Command;

use serde_json::Value;
use tranche_cli::vasicek::{default_threshold, finite_pool_el, large_pool_el, numeric_error};

const SIGMA: f64 = 0.4;
const LTV: f64 = 0.45;
const THRESHOLD: f64 = 0.8;
const POSITIONS: usize = 1_000;
const PATHS: u32 = 700;
const BUMP: f64 = 0.05;

fn risk(rho: f64, attachments: [f64; 2], seed: u64) -> Value {
    let args: Vec<String> = [
        "risk",
        "--vols",
        &SIGMA.to_string(),
        "--loan-corr",
        &rho.to_string(),
        "--horizon-days",
        "365",
        "--steps",
        "1",
        "--jump-intensity",
        "0",
        "--liquidation-delay",
        "0",
        "--slippage-bps",
        "0",
        "--recovery",
        "off",
        "--positions",
        &POSITIONS.to_string(),
        "--size-min",
        "50000",
        "--size-max",
        "50000",
        "--ltv-min",
        &LTV.to_string(),
        "--ltv-max",
        &LTV.to_string(),
        "--liquidation-threshold-bps",
        "8000",
        "--attachments",
        &format!("{},{}", attachments[0], attachments[1]),
        "--paths",
        &PATHS.to_string(),
        "--seed",
        &seed.to_string(),
        "--greeks",
        "corr",
        "--json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_tranche"))
        .args(&args)
        .output()
        .expect("run tranche risk");
    assert!(
        out.status.success(),
        "tranche {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn tranche_losses_and_correlation_greek_match_vasicek_through_the_cli() {
    // The debt is exactly LTV of the collateral: k = debt / liquidation power.
    let c = default_threshold(LTV / THRESHOLD, SIGMA, 1.0);
    let mut rows = vec![];
    let mut failures = vec![];
    let mut seed = 100;
    for rho in [0.1, 0.25, 0.4] {
        for attachments in [[0.03, 0.10], [0.05, 0.15], [0.10, 0.25]] {
            seed += 1;
            let doc = risk(rho, attachments, seed);
            let [a1, a2] = attachments;
            let bounds = [(a2, 1.0), (a1, a2), (0.0, a1)];
            let corr = doc["greeks"]
                .as_array()
                .and_then(|g| g.iter().find(|x| x["kind"] == "corr"))
                .expect("the correlation Greek");
            for (t, (a, b)) in bounds.iter().enumerate() {
                let base = &doc["base"]["tranches"][t];
                let (got, se) = (
                    base["expected_loss"].as_f64().unwrap(),
                    base["std_error"].as_f64().unwrap(),
                );
                let large = large_pool_el(c, rho, *a, *b);
                let finite = finite_pool_el(c, rho, POSITIONS, *a, *b);
                let tol = 4.0 * se + numeric_error(*a, *b);
                let dg = &corr["tranches"][t];
                let (dgot, dse) = (
                    dg["change"].as_f64().unwrap(),
                    dg["std_error"].as_f64().unwrap(),
                );
                let dlarge = large_pool_el(c, rho + BUMP, *a, *b) - large;
                let dfinite = finite_pool_el(c, rho + BUMP, POSITIONS, *a, *b) - finite;
                let dtol = 4.0 * dse + 2.0 * numeric_error(*a, *b);
                let name = ["senior", "mezzanine", "junior"][t];
                rows.push(format!(
                    "| {rho:.2} | [{a:.2}, {b:.2}) {name:<9} | {got:.5} ± {se:.5} | {large:.5} | {:+.5} | \
                     {dgot:+.5} ± {dse:.5} | {dlarge:+.5} | {:+.5} |",
                    finite - large,
                    dfinite - dlarge
                ));
                if (got - large).abs() > tol {
                    failures.push(format!(
                        "ρ {rho}, {name} [{a}, {b}): simulated {got:.5} ± {se:.5}, large pool {large:.5}"
                    ));
                }
                if (finite - large).abs() > se.max(numeric_error(*a, *b)) {
                    failures.push(format!(
                        "ρ {rho}, {name}: the granularity {:.2e} is not inside the error {se:.2e}: not a large pool",
                        finite - large
                    ));
                }
                if (dgot - dlarge).abs() > dtol {
                    failures.push(format!(
                        "ρ {rho}, {name} [{a}, {b}): correlation Greek {dgot:+.5} ± {dse:.5}, closed form {dlarge:+.5}"
                    ));
                }
                if (t == 0 && dgot <= 0.0) || (t == 2 && dgot >= 0.0) {
                    failures.push(format!(
                        "ρ {rho}, {name}: correlation Greek {dgot:+.5} has the wrong sign"
                    ));
                }
            }
        }
    }
    println!(
        "| ρ | tranche | simulated EL ± s.e. | Vasicek large pool | granularity | corr Greek (+0.05) ± s.e. | \
         closed-form difference | granularity |\n|---|---|---|---|---|---|---|---|\n{}",
        rows.join("\n")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Bad values are refused with an error naming them.
#[test]
fn bad_values_are_named() {
    for (args, want) in [
        (vec!["--attachments", "0.3,0.1"], "attachments must satisfy"),
        (vec!["--vols", "0.8,-1"], "volatility 1 must be within"),
        (vec!["--loan-corr", "1.5"], "loan_corr must be within"),
        (
            vec!["--corr", "-0.9", "--vols", "1,1,1"],
            "not positive semidefinite",
        ),
        (vec!["--recovery", "maybe"], "expected on or off"),
        (vec!["--greeks", "theta"], "\"theta\" is not one of"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_tranche"))
            .arg("risk")
            .args(&args)
            .args(["--paths", "1"])
            .output()
            .expect("run tranche risk");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} accepted");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(err.lines().count() <= 4, "{args:?}: a short error: {err}");
    }
}
