pub mod cancel_redeem;
pub mod claim_redeem;
pub mod deposit;
pub mod request_redeem;

pub use cancel_redeem::*;
pub use claim_redeem::*;
pub use deposit::*;
pub use request_redeem::*;
