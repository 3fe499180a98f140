//! The instructions the program sends by CPI (System, SPL Token / Token-2022, Token-2022's metadata pointer and
//! the token-metadata interface), encoded here rather than by their crates' builders: those go through each
//! interface's whole `pack` (every variant of `TokenInstruction`, bincode for the System program), and
//! anchor-spl's wrappers add a copy of every account; together about 20 KB of the program (README, "Program
//! size"). The tests compare each one, accounts and data, with its crate's builder.

use crate::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};

fn ix(program_id: Pubkey, accounts: Vec<AccountMeta>, parts: &[&[u8]]) -> Instruction {
    Instruction {
        program_id,
        accounts,
        data: parts.concat(),
    }
}

/// A borsh string: its length as a little-endian `u32`, then its bytes.
fn borsh_str(s: &str) -> Result<Vec<u8>> {
    let len =
        u32::try_from(s.len()).map_err(|_| error!(crate::errors::VaultError::MathOverflow))?;
    Ok([&len.to_le_bytes()[..], s.as_bytes()].concat())
}

const SYSTEM: Pubkey = anchor_lang::system_program::ID;

/// `SystemInstruction::CreateAccount` (index 0): `from` pays, `to` is created; both sign.
pub fn create_account(
    from: &Pubkey,
    to: &Pubkey,
    lamports: u64,
    space: u64,
    owner: &Pubkey,
) -> Instruction {
    let accounts = vec![AccountMeta::new(*from, true), AccountMeta::new(*to, true)];
    let parts: [&[u8]; 4] = [
        &0u32.to_le_bytes(),
        &lamports.to_le_bytes(),
        &space.to_le_bytes(),
        owner.as_ref(),
    ];
    ix(SYSTEM, accounts, &parts)
}

/// `SystemInstruction::Assign` (index 1).
pub fn assign(account: &Pubkey, owner: &Pubkey) -> Instruction {
    ix(
        SYSTEM,
        vec![AccountMeta::new(*account, true)],
        &[&1u32.to_le_bytes(), owner.as_ref()],
    )
}

/// `SystemInstruction::Transfer` (index 2).
pub fn transfer(from: &Pubkey, to: &Pubkey, lamports: u64) -> Instruction {
    let accounts = vec![AccountMeta::new(*from, true), AccountMeta::new(*to, false)];
    ix(
        SYSTEM,
        accounts,
        &[&2u32.to_le_bytes(), &lamports.to_le_bytes()],
    )
}

/// `SystemInstruction::Allocate` (index 8).
pub fn allocate(account: &Pubkey, space: u64) -> Instruction {
    ix(
        SYSTEM,
        vec![AccountMeta::new(*account, true)],
        &[&8u32.to_le_bytes(), &space.to_le_bytes()],
    )
}

/// `TokenInstruction::MintTo` (7), the same in SPL Token and Token-2022; the mint authority signs.
pub fn mint_to(
    token_program: &Pubkey,
    mint: &Pubkey,
    to: &Pubkey,
    authority: &Pubkey,
    amount: u64,
) -> Instruction {
    let accounts = vec![
        AccountMeta::new(*mint, false),
        AccountMeta::new(*to, false),
        AccountMeta::new_readonly(*authority, true),
    ];
    ix(*token_program, accounts, &[&[7], &amount.to_le_bytes()])
}

/// `TokenInstruction::Burn` (8); the owner of `from` signs.
pub fn burn(
    token_program: &Pubkey,
    from: &Pubkey,
    mint: &Pubkey,
    authority: &Pubkey,
    amount: u64,
) -> Instruction {
    let accounts = vec![
        AccountMeta::new(*from, false),
        AccountMeta::new(*mint, false),
        AccountMeta::new_readonly(*authority, true),
    ];
    ix(*token_program, accounts, &[&[8], &amount.to_le_bytes()])
}

/// `TokenInstruction::TransferChecked` (12); the owner or delegate of `from` signs.
pub fn transfer_checked(
    token_program: &Pubkey,
    from: &Pubkey,
    mint: &Pubkey,
    to: &Pubkey,
    authority: &Pubkey,
    amount: u64,
    decimals: u8,
) -> Instruction {
    let accounts = vec![
        AccountMeta::new(*from, false),
        AccountMeta::new_readonly(*mint, false),
        AccountMeta::new(*to, false),
        AccountMeta::new_readonly(*authority, true),
    ];
    ix(
        *token_program,
        accounts,
        &[&[12], &amount.to_le_bytes(), &[decimals]],
    )
}

/// `TokenInstruction::InitializeAccount3` (18): `account` of `mint`, owned by `owner`.
pub fn initialize_account3(
    token_program: &Pubkey,
    account: &Pubkey,
    mint: &Pubkey,
    owner: &Pubkey,
) -> Instruction {
    let accounts = vec![
        AccountMeta::new(*account, false),
        AccountMeta::new_readonly(*mint, false),
    ];
    ix(*token_program, accounts, &[&[18], owner.as_ref()])
}

/// `TokenInstruction::InitializeMint2` (20) with no freeze authority (the `COption` tag 0).
pub fn initialize_mint2(
    token_program: &Pubkey,
    mint: &Pubkey,
    mint_authority: &Pubkey,
    decimals: u8,
) -> Instruction {
    ix(
        *token_program,
        vec![AccountMeta::new(*mint, false)],
        &[&[20, decimals], mint_authority.as_ref(), &[0]],
    )
}

/// Token-2022's `MetadataPointerExtension` (39) `Initialize` (0) with no authority (32 zero bytes: an
/// `OptionalNonZeroPubkey`), pointing at `metadata`.
pub fn metadata_pointer_initialize(
    token_program: &Pubkey,
    mint: &Pubkey,
    metadata: &Pubkey,
) -> Instruction {
    ix(
        *token_program,
        vec![AccountMeta::new(*mint, false)],
        &[&[39, 0], &[0; 32], metadata.as_ref()],
    )
}

/// The token-metadata interface's `Initialize` (its 8-byte discriminator, then the three borsh strings): the
/// metadata lives on `mint`, whose mint authority signs.
pub fn token_metadata_initialize(
    token_program: &Pubkey,
    mint: &Pubkey,
    update_authority: &Pubkey,
    mint_authority: &Pubkey,
    name: &str,
    symbol: &str,
    uri: &str,
) -> Result<Instruction> {
    const INITIALIZE: [u8; 8] = [210, 225, 30, 162, 88, 184, 77, 141];
    let accounts = vec![
        AccountMeta::new(*mint, false),
        AccountMeta::new_readonly(*update_authority, false),
        AccountMeta::new_readonly(*mint, false),
        AccountMeta::new_readonly(*mint_authority, true),
    ];
    let parts: [&[u8]; 4] = [
        &INITIALIZE,
        &borsh_str(name)?,
        &borsh_str(symbol)?,
        &borsh_str(uri)?,
    ];
    Ok(ix(*token_program, accounts, &parts))
}

/// A token-metadata field the program writes, numbered as the interface's `Field` (borsh: its index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataField {
    Name = 0,
    Symbol = 1,
    Uri = 2,
}

/// The token-metadata interface's `UpdateField` (its discriminator, the field, the new value); the update
/// authority signs.
pub fn token_metadata_update_field(
    token_program: &Pubkey,
    mint: &Pubkey,
    update_authority: &Pubkey,
    field: MetadataField,
    value: &str,
) -> Result<Instruction> {
    const UPDATE_FIELD: [u8; 8] = [221, 233, 49, 45, 181, 202, 220, 200];
    let accounts = vec![
        AccountMeta::new(*mint, false),
        AccountMeta::new_readonly(*update_authority, true),
    ];
    Ok(ix(
        *token_program,
        accounts,
        &[&UPDATE_FIELD, &[field as u8], &borsh_str(value)?],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::system_instruction;
    use anchor_spl::token_2022::spl_token_2022::extension::metadata_pointer;
    use anchor_spl::token_2022::spl_token_2022::instruction as token;
    use anchor_spl::token_2022_extensions::spl_token_metadata_interface::instruction as metadata;
    use anchor_spl::token_2022_extensions::spl_token_metadata_interface::state::Field;

    fn keys() -> [Pubkey; 5] {
        std::array::from_fn(|_| Pubkey::new_unique())
    }

    #[test]
    fn system_instructions_match_the_system_program_builders() {
        let [a, b, owner, ..] = keys();
        assert_eq!(
            create_account(&a, &b, 1_234, 165, &owner),
            system_instruction::create_account(&a, &b, 1_234, 165, &owner)
        );
        assert_eq!(assign(&a, &owner), system_instruction::assign(&a, &owner));
        assert_eq!(
            transfer(&a, &b, u64::MAX),
            system_instruction::transfer(&a, &b, u64::MAX)
        );
        assert_eq!(
            allocate(&a, 10_240),
            system_instruction::allocate(&a, 10_240)
        );
    }

    #[test]
    fn token_instructions_match_the_token_interface_builders_on_both_programs() {
        let [from, mint, to, authority, _] = keys();
        for program in [anchor_spl::token::ID, anchor_spl::token_2022::ID] {
            let want = token::transfer_checked(&program, &from, &mint, &to, &authority, &[], 77, 9)
                .unwrap();
            assert_eq!(
                transfer_checked(&program, &from, &mint, &to, &authority, 77, 9),
                want
            );
            let want = token::mint_to(&program, &mint, &to, &authority, &[], u64::MAX).unwrap();
            assert_eq!(mint_to(&program, &mint, &to, &authority, u64::MAX), want);
            let want = token::burn(&program, &from, &mint, &authority, &[], 5).unwrap();
            assert_eq!(burn(&program, &from, &mint, &authority, 5), want);
            let want = token::initialize_account3(&program, &to, &mint, &authority).unwrap();
            assert_eq!(initialize_account3(&program, &to, &mint, &authority), want);
            let want = token::initialize_mint2(&program, &mint, &authority, None, 6).unwrap();
            assert_eq!(initialize_mint2(&program, &mint, &authority, 6), want);
        }
    }

    #[test]
    fn metadata_instructions_match_the_token_2022_builders() {
        let [mint, vault, ..] = keys();
        let program = anchor_spl::token_2022::ID;
        let want =
            metadata_pointer::instruction::initialize(&program, &mint, None, Some(mint)).unwrap();
        assert_eq!(metadata_pointer_initialize(&program, &mint, &mint), want);
        let (name, symbol, uri) = (
            "Senior · USDC vault 1",
            "tvSR-1",
            "https://example.com/sr.json",
        );
        let want = metadata::initialize(
            &program,
            &mint,
            &vault,
            &mint,
            &vault,
            name.into(),
            symbol.into(),
            uri.into(),
        );
        assert_eq!(
            token_metadata_initialize(&program, &mint, &vault, &vault, name, symbol, uri).unwrap(),
            want
        );
        let fields = [
            (MetadataField::Name, Field::Name),
            (MetadataField::Symbol, Field::Symbol),
            (MetadataField::Uri, Field::Uri),
        ];
        for (ours, theirs) in fields {
            for value in ["", uri] {
                let want =
                    metadata::update_field(&program, &mint, &vault, theirs.clone(), value.into());
                assert_eq!(
                    token_metadata_update_field(&program, &mint, &vault, ours, value).unwrap(),
                    want
                );
            }
        }
    }
}
