//! `update_tranche_metadata`: the authority renames a tranche token (its name, symbol and URI on the mint).
//!
//! Not timelocked: the metadata is what wallets show, and moves no value and no risk.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::TRANCHE_TOKEN_PROGRAM;
use crate::cpi::{self, TokenMetadataArgs};
use crate::errors::VaultError;
use crate::events::TrancheMetadataUpdatedEvent;
use crate::state::{Tranche, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct UpdateTrancheMetadataArgs {
    /// 0 senior, 1 mezzanine, 2 junior.
    pub tranche: u8,
    pub metadata: TokenMetadataArgs,
}

#[derive(Accounts)]
#[instruction(args: UpdateTrancheMetadataArgs)]
pub struct UpdateTrancheMetadata<'info> {
    pub authority: Signer<'info>,
    /// Pays the rent of a longer metadata.
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(has_one = authority @ VaultError::NotAuthority)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(
        mut, dup,
        address = vault.load()?.tranche(Tranche::from_index(args.tranche)?).mint @ VaultError::WrongTrancheMint,
    )]
    pub tranche_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl UpdateTrancheMetadata<'_> {
    /// 1. validate the fields (`TokenMetadataArgs::validate`);
    /// 2. top the mint up to rent exemption at its new size, rewrite the changed fields (signed by the vault);
    /// 3. `TrancheMetadataUpdatedEvent`.
    pub fn handler(
        ctx: Context<UpdateTrancheMetadata>,
        args: UpdateTrancheMetadataArgs,
    ) -> Result<()> {
        args.metadata.validate()?;
        let a = &ctx.accounts;
        let signer = a.vault.load()?.signer();
        cpi::update_tranche_metadata(
            &a.payer.to_account_info(),
            &a.tranche_mint.to_account_info(),
            &a.vault.to_account_info(),
            &signer,
            &args.metadata,
            &a.tranche_token_program.to_account_info(),
            &a.system_program.to_account_info(),
        )?;
        emit!(TrancheMetadataUpdatedEvent {
            vault: a.vault.key(),
            tranche: args.tranche,
            mint: a.tranche_mint.key(),
            authority: a.authority.key(),
            metadata: args.metadata,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
