//! The oracle module against real Pyth accounts captured on Solana (`../shared/fixtures/pyth/`, read in place and
//! never copied into this repository): every account decodes to the values its `decoded.json` entry lists, or is
//! refused with the error that fits. Then the policy checks on the decoded prices.
//!
//! Where `../shared` is absent the fixture tests say so and pass without checking anything, unless
//! `TRANCHE_NO_SKIP` names `pyth-fixtures` (see `tranche_vault_tests::skip`): then they fail.

use std::path::Path;

use anchor_lang::prelude::{error, Pubkey};
use base64::Engine;
use serde_json::Value;
use tranche_vault::errors::VaultError;
use tranche_vault::oracle::pyth_pull::{self, Verification};
use tranche_vault::oracle::{
    pyth_legacy, read_price, OracleConfig, OracleKind, PYTH_LEGACY_PROGRAM_ID, PYTH_RECEIVER_ID,
};
use tranche_vault_tests::pyth_fixtures;

/// One captured account: address, owner, data, and its `decoded.json` entry.
struct Fixture {
    file: String,
    key: Pubkey,
    owner: Pubkey,
    data: Vec<u8>,
    decoded: Value,
}

fn fixtures(dir: &Path) -> Vec<Fixture> {
    let decoded: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("decoded.json")).expect("decoded.json"),
    )
    .expect("decoded.json parses");
    decoded
        .into_iter()
        .map(|d| {
            let file = d["file"].as_str().expect("file").to_string();
            let j: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(&file)).expect("fixture"))
                    .expect("fixture parses");
            let b64 = j["account"]["data"][0].as_str().expect("base64 data");
            Fixture {
                key: j["pubkey"]
                    .as_str()
                    .expect("pubkey")
                    .parse()
                    .expect("pubkey"),
                owner: j["account"]["owner"]
                    .as_str()
                    .expect("owner")
                    .parse()
                    .expect("owner"),
                data: base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .expect("base64"),
                file,
                decoded: d,
            }
        })
        .collect()
}

fn i(v: &Value) -> i64 {
    v.as_i64().expect("integer")
}

fn hex32(s: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (k, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * k..2 * k + 2], 16).expect("hex");
    }
    out
}

/// A permissive config for `f` (pinned to its own address, its own owner and feed, a day of age, any confidence),
/// so that only the format checks can refuse it.
fn config_for(f: &Fixture, now_age_ok: bool) -> (OracleConfig, i64) {
    let pull = f.decoded["format"] == "PriceUpdateV2";
    let (kind, feed_id, publish) = if pull {
        let feed = hex32(f.decoded["feed_id"].as_str().expect("feed id"));
        (OracleKind::PythPull, feed, i(&f.decoded["publish_time"]))
    } else {
        (OracleKind::PythLegacy, [0; 32], i(&f.decoded["timestamp"]))
    };
    let cfg = OracleConfig {
        kind,
        program: f.owner,
        feed_id,
        account: f.key,
        max_age_secs: 86_400,
        max_conf_bps: 10_000,
    };
    // 2026-11-24, for the accounts that must be refused as stale whatever their format.
    let now = if now_age_ok {
        publish + 10
    } else {
        1_795_478_400
    };
    (cfg, now)
}

#[test]
fn every_captured_account_decodes_or_is_refused_with_its_error() {
    let Some(dir) = pyth_fixtures() else { return };
    let all = fixtures(&dir);
    assert_eq!(all.len(), 19, "decoded.json lists 19 accounts");
    let mut decoded_ok = 0;
    for f in &all {
        let d = &f.decoded;
        let (cfg, now) = config_for(f, true);
        let got = read_price(&cfg, &f.key, &f.owner, &f.data, now);
        if d["format"] == "PriceUpdateV2" {
            // The layout parses for every update, Full or Partial; the fields are the listed ones.
            let u = pyth_pull::parse(&f.data).expect("PriceUpdateV2 parses");
            assert_eq!(u.raw.price, i(&d["price"]), "{}", f.file);
            assert_eq!(u.raw.conf as i64, i(&d["conf"]), "{}", f.file);
            assert_eq!(i64::from(u.raw.expo), i(&d["exponent"]), "{}", f.file);
            assert_eq!(u.raw.publish_time, i(&d["publish_time"]), "{}", f.file);
            assert_eq!(
                u.prev_publish_time,
                i(&d["prev_publish_time"]),
                "{}",
                f.file
            );
            assert_eq!(u.raw.ema_price, i(&d["ema_price"]), "{}", f.file);
            assert_eq!(u.raw.ema_conf as i64, i(&d["ema_conf"]), "{}", f.file);
            assert_eq!(u.posted_slot as i64, i(&d["posted_slot"]), "{}", f.file);
            let wa: Pubkey = d["write_authority"]
                .as_str()
                .expect("wa")
                .parse()
                .expect("wa");
            assert_eq!(u.write_authority, wa.to_bytes());
            // Re-encoding gives back the same bytes.
            assert_eq!(pyth_pull::encode(&u), f.data, "{}", f.file);
            match d["verification_level"].as_str().expect("level") {
                "Full" => {
                    assert_eq!(u.verification, Verification::Full);
                    let p = got.unwrap_or_else(|e| panic!("{}: {e}", f.file));
                    let human: f64 = d["price_human"]
                        .as_str()
                        .expect("human")
                        .parse()
                        .expect("f64");
                    // Normalized exactly (to f64 precision) from the raw value, and matching the listed
                    // human-readable price (which is rounded to a few significant digits).
                    let exact = u.raw.price as f64 * 10f64.powi(u.raw.expo);
                    assert!(
                        (p.price.to_num::<f64>() - exact).abs() <= exact * 1e-12,
                        "{}",
                        f.file
                    );
                    assert!(
                        (p.price.to_num::<f64>() - human).abs() <= human * 1e-6,
                        "{}",
                        f.file
                    );
                    decoded_ok += 1;
                }
                _ => assert_eq!(
                    got.unwrap_err(),
                    error!(VaultError::OracleNotFullyVerified),
                    "{}",
                    f.file
                ),
            }
            // Pinned to the canonical Receiver, another deployment's accounts are refused.
            let pinned = OracleConfig {
                program: PYTH_RECEIVER_ID,
                ..cfg
            };
            if f.owner != PYTH_RECEIVER_ID {
                let e = read_price(&pinned, &f.key, &f.owner, &f.data, now).unwrap_err();
                assert_eq!(e, error!(VaultError::OracleWrongOwner), "{}", f.file);
            }
        } else if d["len"] == 12_576 {
            assert_eq!(
                got.unwrap_err(),
                error!(VaultError::OracleWrongAccountSize),
                "{}",
                f.file
            );
        } else if d["agg"]["status"] != "Trading" {
            assert_eq!(
                got.unwrap_err(),
                error!(VaultError::OracleNotTrading),
                "{}",
                f.file
            );
        } else {
            let raw = pyth_legacy::decode(&f.data).expect("legacy decodes");
            assert_eq!(raw.price, i(&d["agg"]["price"]), "{}", f.file);
            assert_eq!(raw.conf as i64, i(&d["agg"]["conf"]), "{}", f.file);
            assert_eq!(i64::from(raw.expo), i(&d["expo"]), "{}", f.file);
            assert_eq!(raw.publish_time, i(&d["timestamp"]), "{}", f.file);
            assert_eq!(raw.ema_price, i(&d["ema_price"]["val"]), "{}", f.file);
            got.unwrap_or_else(|e| panic!("{}: {e}", f.file));
            decoded_ok += 1;
            // Today, every legacy account is stale (mainnet stopped updating them in 2024; the devnet one has
            // timestamp 1).
            let (cfg, today) = config_for(f, false);
            let e = read_price(&cfg, &f.key, &f.owner, &f.data, today).unwrap_err();
            assert_eq!(e, error!(VaultError::OracleStale), "{}", f.file);
            if f.owner != PYTH_LEGACY_PROGRAM_ID {
                let pinned = OracleConfig {
                    program: PYTH_LEGACY_PROGRAM_ID,
                    ..cfg
                };
                let e = read_price(&pinned, &f.key, &f.owner, &f.data, now).unwrap_err();
                assert_eq!(e, error!(VaultError::OracleWrongOwner), "{}", f.file);
            }
        }
    }
    println!(
        "{} of {} captured accounts decoded to their listed values; the rest were refused",
        decoded_ok,
        all.len()
    );
    // 6 Full updates (one from the other Receiver deployment, configured as such) and 5 Trading legacy accounts;
    // 7 Partial updates, the frozen Unknown account and the 12,576-byte Pythnet account are refused.
    assert_eq!(decoded_ok, 6 + 5);
}

#[test]
fn substituted_accounts_and_policies_are_refused() {
    let Some(dir) = pyth_fixtures() else { return };
    let all = fixtures(&dir);
    let by = |name: &str| all.iter().find(|f| f.file.ends_with(name)).expect(name);
    let sol = by("marginfi_pyth_push_sol_price_bin.json");
    let usdc = by("marginfi_pyth_push_usdc_price_bin.json");
    let (sol_cfg, now) = config_for(sol, true);
    // Price selection: a valid update of the same feed in another account than the pinned one (anyone can post
    // one, at any past publish time).
    let elsewhere = Pubkey::new_unique();
    let e = read_price(&sol_cfg, &elsewhere, &sol.owner, &sol.data, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleWrongAccount));
    // Feed-id swap: a valid USDC update at the pinned address where SOL's feed is pinned.
    let at_usdc = OracleConfig {
        account: usdc.key,
        ..sol_cfg
    };
    let e = read_price(&at_usdc, &usdc.key, &usdc.owner, &usdc.data, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleFeedIdMismatch));
    // A legacy account presented for a pull feed: wrong size.
    let legacy = by("marginfi_pyth_legacy_sol_price_bin.json");
    let at_legacy = OracleConfig {
        account: legacy.key,
        ..sol_cfg
    };
    let e = read_price(
        &at_legacy,
        &legacy.key,
        &PYTH_RECEIVER_ID,
        &legacy.data,
        now,
    )
    .unwrap_err();
    assert_eq!(e, error!(VaultError::OracleWrongAccountSize));
    // A 134-byte account with another discriminator.
    let mut forged = sol.data.clone();
    forged[0] ^= 1;
    let e = read_price(&sol_cfg, &sol.key, &sol.owner, &forged, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleInvalidAccountData));
    // The right bytes under another owner (an attacker's copy).
    let e = read_price(&sol_cfg, &sol.key, &Pubkey::new_unique(), &sol.data, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleWrongOwner));
    // Stale: one second past max age.
    let strict = OracleConfig {
        max_age_secs: 9,
        ..sol_cfg
    };
    let e = read_price(&strict, &sol.key, &sol.owner, &sol.data, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleStale));
    // Confidence: SOL's is 0.16197 on 156.80 = 10.3 bps.
    let tight = OracleConfig {
        max_conf_bps: 10,
        ..sol_cfg
    };
    let e = read_price(&tight, &sol.key, &sol.owner, &sol.data, now).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleConfidenceTooWide));
    let ok = OracleConfig {
        max_conf_bps: 11,
        ..sol_cfg
    };
    let p = read_price(&ok, &sol.key, &sol.owner, &sol.data, now).expect("within 11 bps");
    // Conservative sides: collateral at min(spot − conf, EMA), debt at max(spot + conf, EMA).
    assert!(p.low() <= p.price - p.conf && p.low() <= p.ema_price);
    assert!(p.high().unwrap() >= p.price + p.conf && p.high().unwrap() >= p.ema_price);
    // Legacy: another price account than the pinned address.
    let other = by("marginfi_pyth_legacy_usdc_price_bin.json");
    let (legacy_cfg, lnow) = config_for(legacy, true);
    let e = read_price(&legacy_cfg, &other.key, &other.owner, &other.data, lnow).unwrap_err();
    assert_eq!(e, error!(VaultError::OracleWrongAccount));
}

/// The default pinned account of a pull feed is the sponsored one: the captured mainnet SOL/USD and USDC/USD
/// push-feed accounts sit at the push oracle's shard-0 PDA of their feed id.
#[test]
fn sponsored_feed_accounts_are_the_push_oracle_shard_zero_pdas() {
    let Some(dir) = pyth_fixtures() else { return };
    let all = fixtures(&dir);
    for name in [
        "marginfi_pyth_push_sol_price_bin.json",
        "marginfi_pyth_push_usdc_price_bin.json",
    ] {
        let f = all.iter().find(|f| f.file.ends_with(name)).expect(name);
        let feed = hex32(f.decoded["feed_id"].as_str().expect("feed id"));
        assert_eq!(
            tranche_vault::client::pyth_push_feed_account(&feed, 0),
            f.key,
            "{name}"
        );
        assert_ne!(
            tranche_vault::client::pyth_push_feed_account(&feed, 1),
            f.key
        );
    }
}
