//! Pure math: no accounts, fixed-point throughout, every rounding named. Off-chain code (the CLI, the
//! liquidator, the stress simulator) uses these same functions through the `no-entrypoint` feature.

pub mod fixed;
pub mod health;
pub mod interest;
pub mod liquidation;
pub mod queue;
pub mod shares;
pub mod subordination;
pub mod waterfall;

pub use fixed::{PodSf, Sf};

/// The property tests' configuration: `cases` cases from a fixed seed, so that every run (and CI) checks the
/// same cases and a failure reproduces; no regression files are written.
#[cfg(test)]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7472_616e_6368_6573),
        failure_persistence: None,
        max_global_rejects: 1 << 20,
        ..proptest::test_runner::Config::default()
    }
}
