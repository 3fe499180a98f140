//! One instruction per file, grouped by role.

pub mod borrower;
pub mod depositor;
pub mod governance;
pub mod keeper;
pub mod pricing;

pub use borrower::*;
pub use depositor::*;
pub use governance::*;
pub use keeper::*;
