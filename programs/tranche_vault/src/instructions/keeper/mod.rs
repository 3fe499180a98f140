pub mod accrue;
pub mod close_epoch;

pub use accrue::*;
pub use close_epoch::*;
