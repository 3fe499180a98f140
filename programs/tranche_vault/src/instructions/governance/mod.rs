pub mod add_collateral_asset;
pub mod initialize_vault;

pub use add_collateral_asset::*;
pub use initialize_vault::*;
