//! Program accounts. Each has an `invariant()` that every instruction checks after mutating it.

pub mod redemption;
pub mod vault;

pub use redemption::*;
pub use vault::*;
