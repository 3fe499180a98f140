pub mod borrow;
pub mod deposit_collateral;
pub mod open_position;
pub mod repay;
pub mod withdraw_collateral;

pub use borrow::*;
pub use deposit_collateral::*;
pub use open_position::*;
pub use repay::*;
pub use withdraw_collateral::*;
