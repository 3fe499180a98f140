//! Program accounts. Each has an `invariant()` that every instruction checks after mutating it.

pub mod vault;

pub use vault::*;
