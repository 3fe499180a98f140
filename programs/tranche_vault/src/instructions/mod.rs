//! One instruction per file, grouped by role.

pub mod governance;

pub use governance::*;
