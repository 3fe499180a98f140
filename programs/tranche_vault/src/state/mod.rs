//! Program accounts. Each has an `invariant()` that every instruction checks after mutating it.

pub mod collateral;
pub mod governance;
pub mod position;
pub mod redemption;
pub mod vault;

pub use collateral::*;
pub use governance::*;
pub use position::*;
pub use redemption::*;
pub use vault::*;
