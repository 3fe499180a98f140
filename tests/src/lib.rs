//! Test harness for the tranche_vault program: the embedded chain (crate `embedded_chain`, re-exported here), one
//! suite in two modes, and what only tests need.
//!
//! [`dual_test!`] turns one async test body into a `_native` and an `_sbf` test.

use std::path::PathBuf;

use anchor_lang::prelude::Pubkey;
pub use embedded_chain::*;
use solana_program_test::{ProgramTest, ProgramTestContext};

/// Generates `<name>_native` and `<name>_sbf` tokio tests that run `body(mode)`.
#[macro_export]
macro_rules! dual_test {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn native() {
                ($body)($crate::Mode::Native).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sbf() {
                ($body)($crate::Mode::Sbf).await
            }
        }
    };
}

/// A test that needs something from outside the repository and cannot find it says so on stderr (past libtest's
/// capture, so the line shows even when the test passes) and returns; but when the environment variable
/// `TRANCHE_NO_SKIP` is `1` or a comma-separated list naming `kind`, it fails instead. `make test` sets it, so
/// CI never passes with such a test unchecked (see the Makefile).
pub fn skip(kind: &str, reason: &str) {
    let no_skip = std::env::var("TRANCHE_NO_SKIP").unwrap_or_default();
    if no_skip == "1" || no_skip.split(',').any(|k| k.trim() == kind) {
        panic!("{reason} (TRANCHE_NO_SKIP={no_skip}: failing instead of skipping)");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason}");
}

/// The shared Pyth fixtures, read in place: `$TRANCHE_SHARED_DIR/fixtures/pyth`, else `../shared/fixtures/pyth`
/// next to the repository. `None` after [`skip`] (kind `pyth-fixtures`) when they are absent.
pub fn pyth_fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("TRANCHE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
        .join("fixtures/pyth");
    if dir.join("decoded.json").is_file() {
        return Some(dir);
    }
    skip(
        "pyth-fixtures",
        &format!(
            "{} not found (the shared Pyth fixtures live outside this repository; set TRANCHE_SHARED_DIR)",
            dir.display()
        ),
    );
    None
}

/// Program id of the test-only `i128_probe` SBF program.
pub const PROBE_ID: Pubkey = Pubkey::new_from_array([7; 32]);

/// A fresh chain with only the `i128_probe` SBF program.
pub async fn probe_context() -> ProgramTestContext {
    let mut pt = ProgramTest::default();
    pt.prefer_bpf(false);
    add_sbf_program(&mut pt, "i128_probe", PROBE_ID);
    pt.start_with_context().await
}

/// Runs one `i128_probe` instruction with the maximum compute budget.
pub async fn probe_run(ctx: &mut ProgramTestContext, data: Vec<u8>) -> TxOutcome {
    send_with_budget(ctx, PROBE_ID, data, 1_400_000).await
}
