//! One instruction per file, grouped by role.

pub mod borrower;
pub mod depositor;
pub mod governance;
pub mod keeper;
pub mod pricing;
#[cfg(feature = "test-hooks")]
pub mod testing;

pub use borrower::*;
pub use depositor::*;
pub use governance::*;
pub use keeper::*;
#[cfg(feature = "test-hooks")]
pub use testing::*;
