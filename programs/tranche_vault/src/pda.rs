//! PDA derivations, shared by the program's clients (tests, CLI). On-chain code gets bumps from Anchor's
//! `seeds` constraints instead.

use crate::prelude::*;

use crate::constants::*;
use crate::state::Tranche;
use crate::ID;

pub fn vault(creator: &Pubkey, quote_mint: &Pubkey, vault_id: u64) -> (Pubkey, u8) {
    Pubkey::find_program_address(
        &[
            SEED_VAULT,
            creator.as_ref(),
            quote_mint.as_ref(),
            &vault_id.to_le_bytes(),
        ],
        &ID,
    )
}

pub fn liquidity(vault: &Pubkey) -> (Pubkey, u8) {
    Pubkey::find_program_address(&[SEED_LIQUIDITY, vault.as_ref()], &ID)
}

pub fn tranche_mint(vault: &Pubkey, tranche: Tranche) -> (Pubkey, u8) {
    Pubkey::find_program_address(&[SEED_TRANCHE_MINT, vault.as_ref(), &tranche.seed()], &ID)
}

pub fn escrow(vault: &Pubkey, tranche: Tranche) -> (Pubkey, u8) {
    Pubkey::find_program_address(&[SEED_ESCROW, vault.as_ref(), &tranche.seed()], &ID)
}

pub fn redemption(vault: &Pubkey, owner: &Pubkey, tranche: Tranche) -> (Pubkey, u8) {
    Pubkey::find_program_address(
        &[
            SEED_REDEMPTION,
            vault.as_ref(),
            owner.as_ref(),
            &tranche.seed(),
        ],
        &ID,
    )
}

pub fn generation(vault: &Pubkey, tranche: Tranche, generation: u64) -> (Pubkey, u8) {
    Pubkey::find_program_address(
        &[
            SEED_GENERATION,
            vault.as_ref(),
            &tranche.seed(),
            &generation.to_le_bytes(),
        ],
        &ID,
    )
}

pub fn collateral_asset(vault: &Pubkey, mint: &Pubkey) -> (Pubkey, u8) {
    Pubkey::find_program_address(&[SEED_COLLATERAL, vault.as_ref(), mint.as_ref()], &ID)
}

pub fn custody(vault: &Pubkey, mint: &Pubkey) -> (Pubkey, u8) {
    Pubkey::find_program_address(&[SEED_CUSTODY, vault.as_ref(), mint.as_ref()], &ID)
}

pub fn position(vault: &Pubkey, owner: &Pubkey, position_id: u64) -> (Pubkey, u8) {
    Pubkey::find_program_address(
        &[
            SEED_POSITION,
            vault.as_ref(),
            owner.as_ref(),
            &position_id.to_le_bytes(),
        ],
        &ID,
    )
}

pub fn proposal(vault: &Pubkey, proposal_id: u64) -> (Pubkey, u8) {
    Pubkey::find_program_address(
        &[SEED_PROPOSAL, vault.as_ref(), &proposal_id.to_le_bytes()],
        &ID,
    )
}
