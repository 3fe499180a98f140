pub mod hooks;

pub use hooks::*;
