//! CPI helpers shared by instructions: PDA account creation that cannot be blocked by a pre-funded address,
//! and SPL Token / Token-2022 mints and token accounts owned by the vault.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::system_program::{allocate, assign, create_account, transfer};
use anchor_lang::system_program::{Allocate, Assign, CreateAccount, Transfer};
use anchor_spl::token_2022::spl_token_2022::extension::{
    BaseStateWithExtensions, ExtensionType, StateWithExtensions,
};
use anchor_spl::token_2022::spl_token_2022::state::{
    Account as TokenAccountState, Mint as MintState,
};
use anchor_spl::token_interface::{burn, initialize_account3, initialize_mint2, mint_to};
use anchor_spl::token_interface::{transfer_checked, Burn, MintTo, TransferChecked};
use anchor_spl::token_interface::{InitializeAccount3, InitializeMint2};

use crate::state::VaultSigner;

/// Creates the PDA `target` (signing with `target_seeds`) with `space` bytes owned by `owner`, paid by `payer`.
///
/// Anyone can send lamports to a PDA before it exists; `create_account` would then fail for ever. A pre-funded
/// address is topped up to rent exemption, allocated and assigned instead, as Anchor's `init` does.
pub fn create_pda_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    space: usize,
    owner: &Pubkey,
    target_seeds: &[&[u8]],
) -> Result<()> {
    let rent = Rent::get()?.minimum_balance(space);
    let signer = &[target_seeds];
    let sys = system_program.key();
    if target.lamports() == 0 {
        return create_account(
            CpiContext::new_with_signer(
                sys,
                CreateAccount {
                    from: payer.clone(),
                    to: target.clone(),
                },
                signer,
            ),
            rent,
            space as u64,
            owner,
        );
    }
    let shortfall = rent.saturating_sub(target.lamports());
    if shortfall > 0 {
        transfer(
            CpiContext::new(
                sys,
                Transfer {
                    from: payer.clone(),
                    to: target.clone(),
                },
            ),
            shortfall,
        )?;
    }
    allocate(
        CpiContext::new_with_signer(
            sys,
            Allocate {
                account_to_allocate: target.clone(),
            },
            signer,
        ),
        space as u64,
    )?;
    assign(
        CpiContext::new_with_signer(
            sys,
            Assign {
                account_to_assign: target.clone(),
            },
            signer,
        ),
        owner,
    )
}

/// Creates the account `value` of this program at the PDA `target` (signing with `target_seeds`), `space` bytes
/// paid by `payer`, and writes it. Every account the program makes goes through here or [`create_pda_account`],
/// never Anchor's `init`: on a pre-funded address `init` uses a system instruction (`CreateAccountAllowPrefund`)
/// that agave 3.1 refuses, so a transfer to a predictable address (the next proposal, a holder's redemption
/// request) would block it for ever.
pub fn create_program_account<'info, T: AccountSerialize>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    space: usize,
    target_seeds: &[&[u8]],
    value: &T,
) -> Result<()> {
    require!(
        *target.owner == anchor_lang::system_program::ID && target.data_is_empty(),
        crate::errors::VaultError::AccountAlreadyExists
    );
    create_pda_account(
        payer,
        target,
        system_program,
        space,
        &crate::ID,
        target_seeds,
    )?;
    write_account(target, value)
}

/// Writes `value` (discriminator, then borsh) into `target`'s data.
pub fn write_account<T: AccountSerialize>(target: &AccountInfo, value: &T) -> Result<()> {
    let mut data = target.try_borrow_mut_data()?;
    let mut out: &mut [u8] = &mut data;
    value.try_serialize(&mut out)
}

/// Token-2022 mint extensions that do not change what a transfer moves or who can move it.
const ALLOWED_MINT_EXTENSIONS: [ExtensionType; 6] = [
    ExtensionType::MetadataPointer,
    ExtensionType::TokenMetadata,
    ExtensionType::GroupPointer,
    ExtensionType::TokenGroup,
    ExtensionType::GroupMemberPointer,
    ExtensionType::TokenGroupMember,
];

/// Refuses a Token-2022 mint with any extension outside [`ALLOWED_MINT_EXTENSIONS`] (transfer fee, hook,
/// permanent delegate, confidential transfers, ...): the vault's books assume a transfer moves exactly its amount
/// and only its owner can move it. SPL Token mints have no extensions.
pub fn check_mint_extensions(mint: &AccountInfo) -> Result<()> {
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<MintState>::unpack(&data)?;
    let types = state.get_extension_types()?;
    require!(
        types.iter().all(|t| ALLOWED_MINT_EXTENSIONS.contains(t)),
        crate::errors::VaultError::UnsupportedMintExtension
    );
    Ok(())
}

/// Size of a token account for `mint`: the base size, plus the account extensions a Token-2022 mint requires.
fn token_account_len(mint: &AccountInfo, token_program: &Pubkey) -> Result<usize> {
    if *token_program != anchor_spl::token_2022::ID {
        return Ok(TokenAccountState::LEN);
    }
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<MintState>::unpack(&data)?;
    let required =
        ExtensionType::get_required_init_account_extensions(&state.get_extension_types()?);
    Ok(ExtensionType::try_calculate_account_len::<TokenAccountState>(&required)?)
}

/// Creates the PDA `mint` (seeds `mint_seeds`) as a mint of `token_program` with `decimals`, mint authority
/// `authority` and no freeze authority.
pub fn create_pda_mint<'info>(
    payer: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    mint_seeds: &[&[u8]],
    decimals: u8,
    authority: &Pubkey,
    token_program: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
) -> Result<()> {
    create_pda_account(
        payer,
        mint,
        system_program,
        MintState::LEN,
        token_program.key,
        mint_seeds,
    )?;
    initialize_mint2(
        CpiContext::new(token_program.key(), InitializeMint2 { mint: mint.clone() }),
        decimals,
        authority,
        None,
    )
}

/// Creates the PDA `account` (seeds `account_seeds`) as a token account of `mint` owned by `authority`.
pub fn create_pda_token_account<'info>(
    payer: &AccountInfo<'info>,
    account: &AccountInfo<'info>,
    account_seeds: &[&[u8]],
    mint: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    token_program: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
) -> Result<()> {
    let len = token_account_len(mint, token_program.key)?;
    create_pda_account(
        payer,
        account,
        system_program,
        len,
        token_program.key,
        account_seeds,
    )?;
    initialize_account3(CpiContext::new(
        token_program.key(),
        InitializeAccount3 {
            account: account.clone(),
            mint: mint.clone(),
            authority: authority.clone(),
        },
    ))
}

/// Moves `amount` of `mint` from `from` to `to`; `authority` signs (the user, or the vault with `signer`).
#[allow(clippy::too_many_arguments)]
pub fn token_transfer<'info>(
    token_program: &AccountInfo<'info>,
    from: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    signer: Option<&VaultSigner>,
    amount: u64,
    decimals: u8,
) -> Result<()> {
    let accounts = TransferChecked {
        from: from.clone(),
        mint: mint.clone(),
        to: to.clone(),
        authority: authority.clone(),
    };
    match signer {
        Some(v) => transfer_checked(
            CpiContext::new_with_signer(token_program.key(), accounts, &[&v.seeds()]),
            amount,
            decimals,
        ),
        None => transfer_checked(
            CpiContext::new(token_program.key(), accounts),
            amount,
            decimals,
        ),
    }
}

/// Mints `amount` tranche tokens to `to`, signed by the vault (the mint authority).
pub fn vault_mint_to<'info>(
    token_program: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    vault: &AccountInfo<'info>,
    signer: &VaultSigner,
    amount: u64,
) -> Result<()> {
    mint_to(
        CpiContext::new_with_signer(
            token_program.key(),
            MintTo {
                mint: mint.clone(),
                to: to.clone(),
                authority: vault.clone(),
            },
            &[&signer.seeds()],
        ),
        amount,
    )
}

/// Burns `amount` tranche tokens from the vault-owned `from` (an escrow), signed by the vault.
pub fn vault_burn<'info>(
    token_program: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    from: &AccountInfo<'info>,
    vault: &AccountInfo<'info>,
    signer: &VaultSigner,
    amount: u64,
) -> Result<()> {
    burn(
        CpiContext::new_with_signer(
            token_program.key(),
            Burn {
                mint: mint.clone(),
                from: from.clone(),
                authority: vault.clone(),
            },
            &[&signer.seeds()],
        ),
        amount,
    )
}
