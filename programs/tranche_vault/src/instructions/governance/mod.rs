pub mod add_collateral_asset;
pub mod cancel_config;
pub mod execute_config;
pub mod initialize_vault;
pub mod lower_cap;
pub mod propose_config;
pub mod set_pause;
pub mod transfer_authority;

pub use add_collateral_asset::*;
pub use cancel_config::*;
pub use execute_config::*;
pub use initialize_vault::*;
pub use lower_cap::*;
pub use propose_config::*;
pub use set_pause::*;
pub use transfer_authority::*;
