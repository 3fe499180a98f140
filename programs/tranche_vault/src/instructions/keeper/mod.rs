pub mod accrue;
pub mod close_epoch;
pub mod liquidate;

pub use accrue::*;
pub use close_epoch::*;
pub use liquidate::*;
