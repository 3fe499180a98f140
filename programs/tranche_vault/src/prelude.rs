//! What the program's modules import: Anchor's prelude, with its error macros replaced by the crate's own
//! (`errors.rs`), which build the same errors out of line.

pub(crate) use anchor_lang::prelude::*;

pub(crate) use crate::errors::{err, error, require, require_keys_eq, require_keys_neq};
