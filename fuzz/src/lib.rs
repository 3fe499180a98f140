//! The whole-program fuzzer: the tranche_vault SBF build in LiteSVM, driven through long random sequences of
//! every depositor, borrower, keeper and governance instruction, price moves and clock warps, by 3 depositors,
//! 3 borrowers, a liquidator, a keeper, the authority (and its successor) and the guardian. After every action it
//! checks the program's invariants, token conservation, a reference model ([`model`]), liveness (a liquidatable
//! position can be liquidated, a repay and a filled claim go through) and that every refusal is a named error.
//!
//! A run is fixed by its seed; a failure is shrunk to the shortest sequence that still fails ([`shrink`]).

// The model and its checks index parallel per-tranche and per-asset arrays by position.
#![allow(clippy::needless_range_loop)]

pub mod actions;
pub mod chain;
pub mod model;
pub mod run;
pub mod world;

pub use run::{replay, run, shrink, Config, Report, Violation, EPISODE};
