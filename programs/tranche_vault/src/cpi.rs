//! CPI helpers shared by instructions: PDA account creation that cannot be blocked by a pre-funded address,
//! and SPL Token / Token-2022 mints and token accounts owned by the vault.

use crate::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program::invoke_signed;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token_2022::spl_token_2022::extension::{
    BaseStateWithExtensions, ExtensionType, StateWithExtensions,
};
use anchor_spl::token_2022::spl_token_2022::state::{
    Account as TokenAccountState, Mint as MintState,
};
use anchor_spl::token_2022_extensions::spl_token_metadata_interface::state::TokenMetadata;

use crate::cpi_ix::{self, MetadataField};
use crate::state::VaultSigner;

/// Sends `ix` with `accounts` (its accounts' infos, in any order), signed by `seeds` (the PDAs that sign).
fn invoke(ix: &Instruction, accounts: &[AccountInfo], seeds: &[&[&[u8]]]) -> Result<()> {
    invoke_signed(ix, accounts, seeds).map_err(Into::into)
}

/// A PDA that is still free: system-owned and empty (it may hold lamports someone sent it; it is created over).
pub fn is_free(account: &AccountInfo) -> bool {
    account.owner == &anchor_lang::system_program::ID && account.data_is_empty()
}

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
    let accounts = [payer.clone(), target.clone(), system_program.clone()];
    let (from, to) = (payer.key, target.key);
    if target.lamports() == 0 {
        let ix = cpi_ix::create_account(from, to, rent, space as u64, owner);
        return invoke(&ix, &accounts, signer);
    }
    let shortfall = rent.saturating_sub(target.lamports());
    if shortfall > 0 {
        invoke(&cpi_ix::transfer(from, to, shortfall), &accounts, &[])?;
    }
    invoke(&cpi_ix::allocate(to, space as u64), &accounts, signer)?;
    invoke(&cpi_ix::assign(to, owner), &accounts, signer)
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
        is_free(target),
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

/// Characters that render as nothing or reorder what follows: zero-width spaces and joiners, bidirectional
/// marks, embeddings, overrides and isolates, the word joiner and invisible operators, line and paragraph
/// separators, the byte-order mark. In a token name they would let two names look alike, or read backwards.
fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// What a wallet shows of a tranche token: the Token-2022 token-metadata fields of its mint.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct TokenMetadataArgs {
    /// At most `MAX_TOKEN_NAME_LEN` bytes of UTF-8, no control, invisible or bidirectional-control characters; for
    /// example "Senior · USDC vault 1".
    pub name: String,
    /// At most `MAX_TOKEN_SYMBOL_LEN` printable ASCII characters, no spaces; for example "tvSR-1".
    pub symbol: String,
    /// At most `MAX_TOKEN_URI_LEN` printable ASCII characters, no spaces (may be empty): the token's JSON
    /// (name, symbol, image), as wallets read it. One transaction of the three `initialize_tranche` and
    /// `initialize_vault` holds about 260 bytes of the three tranches' fields together; the largest take a
    /// transaction each (`initialize_vault::a_creation_fits_one_transaction_and_the_largest_fields_one_each`).
    pub uri: String,
}

impl TokenMetadataArgs {
    /// `TokenNameInvalid`, `TokenSymbolInvalid` or `TokenUriInvalid` for the first field out of its bounds.
    pub fn validate(&self) -> Result<()> {
        use crate::constants::{MAX_TOKEN_NAME_LEN, MAX_TOKEN_SYMBOL_LEN, MAX_TOKEN_URI_LEN};
        use crate::errors::VaultError;
        let ascii_word = |s: &str| s.bytes().all(|b| b.is_ascii_graphic());
        require!(
            !self.name.is_empty()
                && self.name.len() <= MAX_TOKEN_NAME_LEN as usize
                && !self
                    .name
                    .chars()
                    .any(|c| c.is_control() || is_invisible_or_bidi(c)),
            VaultError::TokenNameInvalid
        );
        require!(
            !self.symbol.is_empty()
                && self.symbol.len() <= MAX_TOKEN_SYMBOL_LEN as usize
                && ascii_word(&self.symbol),
            VaultError::TokenSymbolInvalid
        );
        require!(
            self.uri.len() <= MAX_TOKEN_URI_LEN as usize && ascii_word(&self.uri),
            VaultError::TokenUriInvalid
        );
        Ok(())
    }
}

/// Creates the PDA `mint` (seeds `mint_seeds`) as a Token-2022 tranche mint with `decimals`, mint authority the
/// vault (`vault_seeds` signs), no freeze authority, and its name, symbol and URI on the mint itself: a metadata
/// pointer to the mint (with no authority, so it never moves), then the token-metadata extension, update
/// authority the vault. Token-2022 grows the account for the metadata; `payer` then tops its rent up.
#[allow(clippy::too_many_arguments)]
pub fn create_pda_tranche_mint<'info>(
    payer: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    mint_seeds: &[&[u8]],
    decimals: u8,
    vault: &AccountInfo<'info>,
    vault_seeds: &[&[u8]],
    metadata: &TokenMetadataArgs,
    token_program: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
) -> Result<()> {
    let space =
        ExtensionType::try_calculate_account_len::<MintState>(&[ExtensionType::MetadataPointer])?;
    create_pda_account(
        payer,
        mint,
        system_program,
        space,
        token_program.key,
        mint_seeds,
    )?;
    let program = token_program.key;
    let accounts = [mint.clone(), vault.clone(), token_program.clone()];
    invoke(
        &cpi_ix::metadata_pointer_initialize(program, mint.key, mint.key),
        &accounts,
        &[],
    )?;
    let ix = cpi_ix::initialize_mint2(program, mint.key, vault.key, decimals);
    invoke(&ix, &accounts, &[])?;
    let ix = cpi_ix::token_metadata_initialize(
        program,
        mint.key,
        vault.key,
        vault.key,
        &metadata.name,
        &metadata.symbol,
        &metadata.uri,
    )?;
    invoke(&ix, &accounts, &[vault_seeds])?;
    top_up_rent(payer, mint, system_program)
}

/// Tops `account` up to rent exemption at its current size, paid by `payer`: after Token-2022 has resized a mint
/// for its metadata (it pads a length that would equal a multisig's). Rent exemption is checked when the
/// transaction ends, so a top-up after the resize is in time.
fn top_up_rent<'info>(
    payer: &AccountInfo<'info>,
    account: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
) -> Result<()> {
    let shortfall = Rent::get()?
        .minimum_balance(account.data_len())
        .saturating_sub(account.lamports());
    if shortfall == 0 {
        return Ok(());
    }
    invoke(
        &cpi_ix::transfer(payer.key, account.key, shortfall),
        &[payer.clone(), account.clone(), system_program.clone()],
        &[],
    )
}

/// Rewrites a tranche mint's name, symbol and URI (each field only when it changes), signed by the vault (the
/// update authority); then `payer` tops the mint up to rent exemption at its new size. A shorter metadata leaves
/// the surplus on the mint.
pub fn update_tranche_metadata<'info>(
    payer: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    vault: &AccountInfo<'info>,
    signer: &VaultSigner,
    metadata: &TokenMetadataArgs,
    token_program: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
) -> Result<()> {
    let old = {
        let data = mint.try_borrow_data()?;
        StateWithExtensions::<MintState>::unpack(&data)?
            .get_variable_len_extension::<TokenMetadata>()?
    };
    let fields = [
        (MetadataField::Name, &old.name, &metadata.name),
        (MetadataField::Symbol, &old.symbol, &metadata.symbol),
        (MetadataField::Uri, &old.uri, &metadata.uri),
    ];
    let accounts = [mint.clone(), vault.clone(), token_program.clone()];
    for (field, before, after) in fields {
        if before == after {
            continue;
        }
        let ix = cpi_ix::token_metadata_update_field(
            token_program.key,
            mint.key,
            vault.key,
            field,
            after,
        )?;
        invoke(&ix, &accounts, &[&signer.seeds()])?;
    }
    top_up_rent(payer, mint, system_program)
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
    invoke(
        &cpi_ix::initialize_account3(token_program.key, account.key, mint.key, authority.key),
        &[account.clone(), mint.clone(), token_program.clone()],
        &[],
    )
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
    let ix = cpi_ix::transfer_checked(
        token_program.key,
        from.key,
        mint.key,
        to.key,
        authority.key,
        amount,
        decimals,
    );
    let accounts = [from.clone(), mint.clone(), to.clone(), authority.clone()];
    match signer {
        Some(v) => invoke(&ix, &accounts, &[&v.seeds()]),
        None => invoke(&ix, &accounts, &[]),
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
    invoke(
        &cpi_ix::mint_to(token_program.key, mint.key, to.key, vault.key, amount),
        &[mint.clone(), to.clone(), vault.clone()],
        &[&signer.seeds()],
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
    invoke(
        &cpi_ix::burn(token_program.key, from.key, mint.key, vault.key, amount),
        &[from.clone(), mint.clone(), vault.clone()],
        &[&signer.seeds()],
    )
}
