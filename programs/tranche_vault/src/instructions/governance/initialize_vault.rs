//! `initialize_vault`: create a vault with its liquidity account, over the three tranche mints and escrows that
//! `initialize_tranche` created first.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::*;
use crate::cpi::{self, is_free};
use crate::errors::VaultError;
use crate::events::VaultInitializedEvent;
use crate::math::queue::Accumulator;
use crate::math::Sf;
use crate::oracle::OracleSetting;
use crate::state::{Tranche, Vault, VaultParams};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct InitializeVaultArgs {
    /// Creator-chosen id, so one creator can run several vaults on the same quote mint.
    pub vault_id: u64,
    /// Optional guardian: may only pause and tighten.
    pub guardian: Option<Pubkey>,
    pub params: VaultParams,
    /// The quote asset's oracle (debt is valued at its high side).
    pub quote_oracle: OracleSetting,
}

#[derive(Accounts)]
#[instruction(args: InitializeVaultArgs)]
pub struct InitializeVault<'info> {
    /// Pays rent for the vault and its liquidity account.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// First governance authority, and the creator in the vault seeds. May be a multisig PDA signing by CPI.
    pub authority: Signer<'info>,
    /// CHECK: must not exist yet (`VaultAlreadyInitialized`); created by the handler after validation.
    #[account(
        mut,
        seeds = [SEED_VAULT, authority.key().as_ref(), quote_mint.key().as_ref(), &args.vault_id.to_le_bytes()],
        bump,
    )]
    pub vault: UncheckedAccount<'info>,
    #[account(owner = token_program.key() @ VaultError::WrongQuoteMintProgram)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created by the handler, after validation, as the vault's quote-asset token account.
    #[account(mut, seeds = [SEED_LIQUIDITY, vault.key().as_ref()], bump)]
    pub liquidity: UncheckedAccount<'info>,
    /// CHECK: the senior tranche mint, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_TRANCHE_MINT, vault.key().as_ref(), &Tranche::Senior.seed()], bump)]
    pub senior_mint: UncheckedAccount<'info>,
    /// CHECK: the mezzanine tranche mint, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_TRANCHE_MINT, vault.key().as_ref(), &Tranche::Mezzanine.seed()], bump)]
    pub mezzanine_mint: UncheckedAccount<'info>,
    /// CHECK: the junior tranche mint, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_TRANCHE_MINT, vault.key().as_ref(), &Tranche::Junior.seed()], bump)]
    pub junior_mint: UncheckedAccount<'info>,
    /// CHECK: the senior redemption escrow, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_ESCROW, vault.key().as_ref(), &Tranche::Senior.seed()], bump)]
    pub senior_escrow: UncheckedAccount<'info>,
    /// CHECK: the mezzanine redemption escrow, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_ESCROW, vault.key().as_ref(), &Tranche::Mezzanine.seed()], bump)]
    pub mezzanine_escrow: UncheckedAccount<'info>,
    /// CHECK: the junior redemption escrow, by its seeds; `initialize_tranche` created it (`TrancheNotInitialized`).
    #[account(seeds = [SEED_ESCROW, vault.key().as_ref(), &Tranche::Junior.seed()], bump)]
    pub junior_escrow: UncheckedAccount<'info>,
    /// The quote mint's token program (SPL Token or Token-2022); it owns the liquidity account.
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

/// The quote mint's rules, for `initialize_vault` and each `initialize_tranche` before it: at most
/// `MAX_QUOTE_DECIMALS` decimals (`QuoteDecimalsTooLarge`), no unsupported extension (`UnsupportedMintExtension`).
pub(crate) fn check_quote_mint(mint: &InterfaceAccount<Mint>) -> Result<()> {
    require!(
        mint.decimals <= MAX_QUOTE_DECIMALS,
        VaultError::QuoteDecimalsTooLarge
    );
    cpi::check_mint_extensions(&mint.to_account_info())
        .map_err(|_| error!(VaultError::UnsupportedMintExtension))
}

/// A tranche account `initialize_tranche` created. Only this program can sign for the PDA, and its one path to
/// create an account there, `initialize_tranche`, leaves it owned by Token-2022 and initialized (mint and escrow
/// in the same instruction); any other state is a tranche not created yet (`TrancheNotInitialized`).
fn check_created(account: &AccountInfo) -> Result<()> {
    require!(
        account.owner == &TRANCHE_TOKEN_PROGRAM && !account.data_is_empty(),
        VaultError::TrancheNotInitialized
    );
    Ok(())
}

impl InitializeVault<'_> {
    /// Business rules: parameter bounds, quote-mint decimals and extensions, guardian distinct from authority,
    /// the three tranches created.
    fn validate(&self, args: &InitializeVaultArgs) -> Result<()> {
        // A pre-funded address is still system-owned and empty, and is created over; anything else exists.
        require!(
            is_free(&self.vault.to_account_info()),
            VaultError::VaultAlreadyInitialized
        );
        args.params.validate()?;
        args.quote_oracle.validate()?;
        check_quote_mint(&self.quote_mint)?;
        if let Some(g) = args.guardian {
            require_keys_neq!(g, self.authority.key(), VaultError::GuardianIsAuthority);
        }
        for account in [
            &self.senior_mint,
            &self.mezzanine_mint,
            &self.junior_mint,
            &self.senior_escrow,
            &self.mezzanine_escrow,
            &self.junior_escrow,
        ] {
            check_created(&account.to_account_info())?;
        }
        Ok(())
    }

    /// 1. validate the arguments, the quote mint and the tranches (before any account is created);
    /// 2. create the vault PDA and its liquidity token account (owned by the vault);
    /// 3. write the vault state, with the tranches' mints and escrows;
    /// 4. check `Vault::invariant`;
    /// 5. emit `VaultInitializedEvent`.
    pub fn handler(ctx: Context<InitializeVault>, args: InitializeVaultArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let a = &ctx.accounts;
        let vault_key = a.vault.key();
        let payer = a.payer.to_account_info();
        let token_program = a.token_program.to_account_info();
        let system_program = a.system_program.to_account_info();
        let decimals = a.quote_mint.decimals;
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
        cpi::create_pda_account(
            &payer,
            &a.vault.to_account_info(),
            &system_program,
            Vault::SPACE,
            &crate::ID,
            &vault_seeds,
        )?;

        cpi::create_pda_token_account(
            &payer,
            &a.liquidity.to_account_info(),
            &[SEED_LIQUIDITY, vault_key.as_ref(), &[ctx.bumps.liquidity]],
            &a.quote_mint.to_account_info(),
            &a.vault.to_account_info(),
            &token_program,
            &system_program,
        )?;
        let tranches = [
            (
                Tranche::Senior,
                (&a.senior_mint, ctx.bumps.senior_mint),
                (&a.senior_escrow, ctx.bumps.senior_escrow),
            ),
            (
                Tranche::Mezzanine,
                (&a.mezzanine_mint, ctx.bumps.mezzanine_mint),
                (&a.mezzanine_escrow, ctx.bumps.mezzanine_escrow),
            ),
            (
                Tranche::Junior,
                (&a.junior_mint, ctx.bumps.junior_mint),
                (&a.junior_escrow, ctx.bumps.junior_escrow),
            ),
        ];
        let now = Clock::get()?.unix_timestamp;
        let vault_info = a.vault.to_account_info();
        let mut data = vault_info.try_borrow_mut_data()?;
        let vault = Vault::init_in(&mut data)?;
        vault.version = VAULT_VERSION;
        vault.bump = ctx.bumps.vault;
        vault.liquidity_bump = ctx.bumps.liquidity;
        vault.quote_decimals = decimals;
        vault.vault_id = args.vault_id;
        vault.creator = creator;
        vault.authority = creator;
        vault.guardian = args.guardian.unwrap_or_default();
        vault.quote_mint = quote_mint;
        vault.quote_token_program = a.token_program.key();
        vault.liquidity = a.liquidity.key();
        for (tranche, (mint, mint_bump), (escrow, escrow_bump)) in tranches {
            let state = &mut vault.tranches[tranche.index()];
            state.mint = mint.key();
            state.mint_bump = mint_bump;
            state.escrow = escrow.key();
            state.escrow_bump = escrow_bump;
            state.set_accumulator(&Accumulator::START);
        }
        vault.set_params(&args.params);
        vault.created_ts = now;
        vault.last_accrual_ts = now;
        vault.epoch_start_ts = now;
        vault.borrow_index_sf.set(Sf::ONE);
        vault.quote_oracle = args.quote_oracle;
        vault.invariant()?;

        emit!(VaultInitializedEvent {
            vault: vault_key,
            creator: vault.creator,
            authority: vault.authority,
            guardian: vault.guardian,
            vault_id: vault.vault_id,
            quote_mint: vault.quote_mint,
            quote_token_program: vault.quote_token_program,
            quote_decimals: vault.quote_decimals,
            liquidity: vault.liquidity,
            tranche_mints: vault.tranche_mints(),
            escrows: [0, 1, 2].map(|t| vault.tranches[t].escrow),
            params: vault.params(),
            quote_oracle: vault.quote_oracle,
            ts: now,
        });
        Ok(())
    }
}
