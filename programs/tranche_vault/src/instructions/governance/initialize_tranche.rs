//! `initialize_tranche`: before its vault exists, its creator creates one of its three tranche mints and that
//! tranche's redemption escrow. `initialize_vault` then refuses until all three exist. Split from
//! `initialize_vault` so that no instruction creates eight accounts (about 112,000 CU together): a client sends the
//! three and the vault in one transaction (all or nothing), or each on its own when the token names are long.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::*;
use crate::cpi::{is_free, TokenMetadataArgs};
use crate::errors::VaultError;
use crate::events::TrancheInitializedEvent;
use crate::state::Tranche;

use super::initialize_vault::check_quote_mint;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct InitializeTrancheArgs {
    /// The id the vault will be created with (`InitializeVaultArgs::vault_id`, in its PDA seeds).
    pub vault_id: u64,
    /// 0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds).
    pub tranche: u8,
    /// The tranche token's name, symbol and URI (`TokenMetadataArgs` bounds; the authority may change them later
    /// with `update_tranche_metadata`).
    pub metadata: TokenMetadataArgs,
}

#[derive(Accounts)]
#[instruction(args: InitializeTrancheArgs)]
pub struct InitializeTranche<'info> {
    /// Pays rent for the mint and the escrow.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The vault's creator (in its seeds), so nobody else can create the tranches of a vault of theirs.
    pub authority: Signer<'info>,
    /// CHECK: the vault's address, by its seeds. It must not exist yet (`VaultAlreadyInitialized`); it signs, by
    /// its seeds, as the new mint's authority.
    #[account(
        seeds = [SEED_VAULT, authority.key().as_ref(), quote_mint.key().as_ref(), &args.vault_id.to_le_bytes()],
        bump,
    )]
    pub vault: UncheckedAccount<'info>,
    /// The vault's quote mint (in its seeds): the tranche mint takes its decimals. `initialize_vault` checks it
    /// against its token program and its extensions.
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created by the handler, after validation, as the tranche's mint (Token-2022, with metadata).
    #[account(mut, seeds = [SEED_TRANCHE_MINT, vault.key().as_ref(), &args.tranche.to_le_bytes()], bump)]
    pub tranche_mint: UncheckedAccount<'info>,
    /// CHECK: created by the handler, after validation, as the tranche's redemption escrow.
    #[account(mut, seeds = [SEED_ESCROW, vault.key().as_ref(), &args.tranche.to_le_bytes()], bump)]
    pub escrow: UncheckedAccount<'info>,
    /// Token-2022: the tranche mints' and escrows' program.
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl InitializeTranche<'_> {
    /// The tranche index, a vault that does not exist yet, a mint and an escrow that do not either, the quote
    /// mint's decimals and extensions, the metadata's bounds.
    fn validate(&self, args: &InitializeTrancheArgs) -> Result<Tranche> {
        let tranche = Tranche::from_index(args.tranche)?;
        require!(
            is_free(&self.vault.to_account_info()),
            VaultError::VaultAlreadyInitialized
        );
        require!(
            is_free(&self.tranche_mint.to_account_info())
                && is_free(&self.escrow.to_account_info()),
            VaultError::TrancheAlreadyInitialized
        );
        // As initialize_vault checks: a tranche of a quote mint it would refuse could never be closed (its rent lost).
        check_quote_mint(&self.quote_mint)?;
        args.metadata.validate()?;
        Ok(tranche)
    }

    /// 1. validate (before any account is created);
    /// 2. create the tranche mint (Token-2022, mint authority the vault's address, with its name, symbol and
    ///    URI) and its redemption escrow (owned by the vault's address);
    /// 3. emit `TrancheInitializedEvent`.
    pub fn handler(ctx: Context<InitializeTranche>, args: InitializeTrancheArgs) -> Result<()> {
        let tranche = ctx.accounts.validate(&args)?;
        let a = &ctx.accounts;
        let vault_key = a.vault.key();
        let payer = a.payer.to_account_info();
        let tranche_token_program = a.tranche_token_program.to_account_info();
        let system_program = a.system_program.to_account_info();
        let creator = a.authority.key();
        let quote_mint = a.quote_mint.key();
        let id_bytes = args.vault_id.to_le_bytes();
        let vault_seeds: [&[u8]; 5] = [
            SEED_VAULT,
            creator.as_ref(),
            quote_mint.as_ref(),
            &id_bytes,
            &[ctx.bumps.vault],
        ];
        let seed = tranche.seed();
        let mint = a.tranche_mint.to_account_info();
        crate::cpi::create_pda_tranche_mint(
            &payer,
            &mint,
            &[
                SEED_TRANCHE_MINT,
                vault_key.as_ref(),
                &seed,
                &[ctx.bumps.tranche_mint],
            ],
            a.quote_mint.decimals,
            &a.vault.to_account_info(),
            &vault_seeds,
            &args.metadata,
            &tranche_token_program,
            &system_program,
        )?;
        crate::cpi::create_pda_token_account(
            &payer,
            &a.escrow.to_account_info(),
            &[SEED_ESCROW, vault_key.as_ref(), &seed, &[ctx.bumps.escrow]],
            &mint,
            &a.vault.to_account_info(),
            &tranche_token_program,
            &system_program,
        )?;
        emit!(TrancheInitializedEvent {
            vault: vault_key,
            tranche: args.tranche,
            mint: mint.key(),
            escrow: a.escrow.key(),
            decimals: a.quote_mint.decimals,
            metadata: args.metadata,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
