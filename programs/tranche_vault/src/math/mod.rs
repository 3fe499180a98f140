//! Pure math: no accounts, fixed-point throughout, every rounding named. Off-chain code (the CLI, the
//! liquidator, the stress simulator) uses these same functions through the `no-entrypoint` feature.

pub mod fixed;
pub mod health;
pub mod interest;
pub mod queue;
pub mod shares;
pub mod subordination;
pub mod waterfall;

pub use fixed::{PodSf, Sf};
