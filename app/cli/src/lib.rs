//! The `tranche` command line's library: the embedded demo, the stress simulator, the governance commands, the
//! liquidator bot, the audit of a live vault (`status`) and the local validator with a vault (`localnet`), each over the program crate (`tranche_vault`). `main.rs` parses the command line; the tests
//! (`tests/validator.rs`) drive the same code against a real validator.

use std::path::Path;

use anchor_lang::prelude::Pubkey;
use anyhow::{Context, Result};

pub mod demo;
pub mod governance;
pub mod liquidator;
pub mod localnet;
pub mod risk;
pub mod roles;
pub mod send;
pub mod status;
pub mod stress;
pub mod vasicek;
pub mod vault_config;

/// Reads a keypair file as `solana-keygen` writes it (a JSON array of 64 numbers).
pub fn read_keypair(path: &Path) -> Result<solana_keypair::Keypair> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading keypair file {} (--keypair)", path.display()))?;
    let bytes: Vec<u8> = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a JSON keypair (64 numbers)", path.display()))?;
    solana_keypair::Keypair::try_from(bytes.as_slice())
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// An Anchor account of type `T` from its bytes, or an error naming the account.
pub fn decode<T: anchor_lang::AccountDeserialize>(data: &[u8], key: &Pubkey) -> Result<T> {
    T::try_deserialize(&mut &data[..]).with_context(|| format!("decoding account {key}"))
}
