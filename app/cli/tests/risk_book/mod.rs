//! `tranche risk --url` against the local validator that `validator.rs` starts: it reads the same book that
//! `tranche status` shows (the same reader): each tranche's NAV, the pool's debt, the positions with debt and
//! their healths (every one of status's closest, and status's health buckets from risk's healths), and it runs.

use serde_json::Value;
use std::process::Command;

/// Runs `tranche risk --url URL --vault VAULT --json` with few paths and compares its book with `audit`, the
/// status document of the same chain.
pub fn risk_reads_the_book_status_shows(url: &str, vault: &str, audit: &Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_tranche"))
        .args(["risk", "--url", url, "--vault", vault])
        .args([
            "--paths", "50", "--steps", "5", "--greeks", "corr", "--json",
        ])
        .output()
        .expect("run tranche risk");
    assert!(
        out.status.success(),
        "tranche risk: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let book = &doc["book"];
    assert_eq!(book["vault"], vault, "{book:#}");
    for t in 0..3 {
        assert_eq!(
            book["tranches"][t]["nav_native"], audit["tranches"][t]["nav_native"],
            "tranche {t}\n{book:#}"
        );
        assert_eq!(
            book["tranches"][t]["nav_sf"], audit["tranches"][t]["nav_sf"],
            "tranche {t}"
        );
    }
    let positions = book["positions"].as_array().expect("positions");
    assert_eq!(
        positions.len() as u64,
        audit["positions"]["with_debt"].as_u64().expect("with_debt"),
        "{book:#}"
    );
    assert_eq!(book["liquidatable"], audit["positions"]["liquidatable"]);
    let debt: u64 = positions
        .iter()
        .map(|p| p["debt_native"].as_u64().expect("debt"))
        .sum();
    let status_debt: u64 = audit["positions"]["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .map(|b| b["debt_native"].as_u64().expect("bucket debt"))
        .sum();
    assert_eq!(debt, status_debt, "Σ debt of the positions");
    for c in audit["positions"]["closest"].as_array().expect("closest") {
        let p = positions
            .iter()
            .find(|p| p["position"] == c["position"])
            .unwrap_or_else(|| panic!("status's position {} is in risk's book", c["position"]));
        assert_eq!(p["debt_native"], c["debt_native"], "{}", c["position"]);
        assert_eq!(p["health_bps"], c["health_bps"], "{}", c["position"]);
    }
    for b in audit["positions"]["buckets"].as_array().expect("buckets") {
        let from = b["from_bps"].as_u64().expect("from");
        let to = b["to_bps"].as_u64();
        let inside = positions
            .iter()
            .filter(|p| {
                let h = p["health_bps"].as_u64().expect("health");
                h >= from && to.is_none_or(|t| h < t)
            })
            .count() as u64;
        assert_eq!(Some(inside), b["positions"].as_u64(), "bucket {b}");
    }
    assert!(doc["position_steps_per_sec"].as_f64().expect("rate") > 0.0);
    println!(
        "--- tranche risk --url: {} positions, base EL {}, senior attachment drop {}",
        positions.len(),
        doc["base"]["tranches"],
        doc["senior_attachment_drop"]
    );
}
