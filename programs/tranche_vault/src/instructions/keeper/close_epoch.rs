//! `close_epoch`: permissionless once the epoch has ended. Fills queued redemptions senior first, then
//! mezzanine, then junior, pro rata within each tranche, limited by free liquidity and the subordination
//! limits. Its cost does not depend on the number of requests: each tranche is one aggregate fill.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::{EpochClosedEvent, TrancheFill};
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::fixed::{add, sub};
use crate::math::queue::{apply_fill, GenerationEnd};
use crate::state::{GenerationRecord, Tranche, Vault};

#[derive(Accounts)]
pub struct CloseEpoch<'info> {
    /// Anyone; pays the rent of a generation record when a fill ends a generation.
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(mut)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(mut, dup, address = vault.load()?.tranches[0].mint @ VaultError::WrongTrancheMint)]
    pub senior_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup, address = vault.load()?.tranches[1].mint @ VaultError::WrongTrancheMint)]
    pub mezzanine_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup, address = vault.load()?.tranches[2].mint @ VaultError::WrongTrancheMint)]
    pub junior_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup, address = vault.load()?.tranches[0].escrow @ VaultError::WrongEscrow)]
    pub senior_escrow: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, address = vault.load()?.tranches[1].escrow @ VaultError::WrongEscrow)]
    pub mezzanine_escrow: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, address = vault.load()?.tranches[2].escrow @ VaultError::WrongEscrow)]
    pub junior_escrow: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the generation record PDA of the senior tranche's *current* generation
    /// (`pda::generation(vault, Senior, generation)`); created and checked only if this close ends it.
    #[account(mut)]
    pub senior_generation: UncheckedAccount<'info>,
    /// CHECK: as `senior_generation`, for mezzanine.
    #[account(mut)]
    pub mezzanine_generation: UncheckedAccount<'info>,
    /// CHECK: as `senior_generation`, for junior.
    #[account(mut)]
    pub junior_generation: UncheckedAccount<'info>,
    /// Token-2022: the tranche mints' program.
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

/// A tranche fill to carry out after the books are updated.
#[derive(Clone, Copy, Default)]
struct Planned {
    fill: TrancheFill,
    /// The generation that ended, and its final accumulators.
    ended: Option<(u64, GenerationEnd)>,
}

impl CloseEpoch<'_> {
    /// Fills each tranche's queue in seniority order ([`Vault::plan_close`]) and books the result: NAV out,
    /// payouts reserved, queue accumulators advanced, the recorded supply set to the mint's after the burn.
    fn fill_all(&self, vault: &mut Vault) -> Result<[Planned; 3]> {
        let supply = [
            self.senior_mint.supply,
            self.mezzanine_mint.supply,
            self.junior_mint.supply,
        ];
        let fills = vault.plan_close(supply)?;
        let mut plans = [Planned::default(); 3];
        for t in Tranche::ALL {
            let i = t.index();
            let fill = fills[i];
            let state = vault.tranche_mut(t);
            state.supply = supply[i]
                .checked_sub(fill.filled)
                .ok_or(VaultError::MathOverflow)?;
            plans[i].fill.queued_before = state.queued_shares;
            plans[i].fill.subordination_cap_sf = fill.subordination_cap.to_bits();
            if fill.filled > 0 {
                let before = state.accumulator();
                let (acc, end) = apply_fill(before, state.queued_shares, fill.filled, fill.payout)?;
                state.set_accumulator(&acc);
                state.queued_shares = state
                    .queued_shares
                    .checked_sub(fill.filled)
                    .ok_or(VaultError::MathOverflow)?;
                state.nav_sf.set(sub(state.nav(), fill.payout)?);
                plans[i].fill.filled = fill.filled;
                plans[i].fill.payout_sf = fill.payout.to_bits();
                plans[i].ended = end.map(|e| (before.generation, e));
                let reserved = add(vault.reserved_payout_sf.get(), fill.payout)?;
                vault.reserved_payout_sf.set(reserved);
            }
            let state = vault.tranche(t);
            plans[i].fill.nav_after_sf = state.nav().to_bits();
            plans[i].fill.generation_after = state.queue_generation;
        }
        Ok(plans)
    }

    /// 1. check that the epoch has ended; accrue;
    /// 2. fill the queues (`fill_all`): NAV out, payouts reserved, queue accumulators advanced;
    /// 3. burn the filled shares from the escrows;
    /// 4. record any generation that ended;
    /// 5. start the next epoch; `Vault::invariant`;
    /// 6. `EpochClosedEvent`.
    pub fn handler(ctx: Context<CloseEpoch>) -> Result<()> {
        cu_mark!("close_epoch: entrypoint and accounts");
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let (plans, signer, epoch_index, free_before) = {
            let mut vault = a.vault.load_mut()?;
            require!(now >= vault.epoch_end_ts()?, VaultError::EpochNotEnded);
            accrue_vault(&mut vault, key, now)?;
            let free_before = vault.free_liquidity()?;
            let plans = a.fill_all(&mut vault)?;
            cu_mark!("close_epoch: fills");
            (plans, vault.signer(), vault.epoch_index, free_before)
        };

        let token_program = a.tranche_token_program.to_account_info();
        let vault_info = a.vault.to_account_info();
        let per_tranche = [
            (&a.senior_mint, &a.senior_escrow, &a.senior_generation),
            (
                &a.mezzanine_mint,
                &a.mezzanine_escrow,
                &a.mezzanine_generation,
            ),
            (&a.junior_mint, &a.junior_escrow, &a.junior_generation),
        ];
        for (t, (mint, escrow, record)) in Tranche::ALL.into_iter().zip(per_tranche) {
            let plan = &plans[t.index()];
            if plan.fill.filled > 0 {
                cpi::vault_burn(
                    &token_program,
                    &mint.to_account_info(),
                    &escrow.to_account_info(),
                    &vault_info,
                    &signer,
                    plan.fill.filled,
                )?;
            }
            if let Some((generation, end)) = &plan.ended {
                write_generation_record(
                    &a.payer.to_account_info(),
                    &a.system_program.to_account_info(),
                    key,
                    &record.to_account_info(),
                    t,
                    *generation,
                    end,
                    epoch_index,
                )?;
            }
        }

        cu_mark!("close_epoch: burns and generation records (CPI)");
        let mut vault = a.vault.load_mut()?;
        vault.epoch_index = epoch_index.checked_add(1).ok_or(VaultError::MathOverflow)?;
        vault.epoch_start_ts = now;
        vault.invariant()?;
        cu_mark!("close_epoch: invariant");

        emit!(EpochClosedEvent {
            vault: key,
            epoch_index,
            fills: plans.map(|p| p.fill),
            free_liquidity_before: free_before,
            reserved_payout_after_sf: vault.reserved_payout_sf.get().to_bits(),
            ts: now,
        });
        Ok(())
    }
}

/// Creates the record of `tranche`'s ended `generation` at `account`, which must be its PDA.
#[allow(clippy::too_many_arguments)]
fn write_generation_record<'info>(
    payer: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    vault: Pubkey,
    account: &AccountInfo<'info>,
    tranche: Tranche,
    generation: u64,
    end: &GenerationEnd,
    epoch_index: u64,
) -> Result<()> {
    let gen_bytes = generation.to_le_bytes();
    let seed = tranche.seed();
    let (expected, bump) = Pubkey::find_program_address(
        &[SEED_GENERATION, vault.as_ref(), &seed, &gen_bytes],
        &crate::ID,
    );
    require_keys_eq!(account.key(), expected, VaultError::WrongGenerationRecord);
    let record = GenerationRecord {
        vault,
        tranche: tranche.index() as u8,
        bump,
        generation,
        epoch_index,
        p_end_sf: end.p.to_bits(),
        s_end_sf: end.s.to_bits(),
    };
    cpi::create_program_account(
        payer,
        account,
        system_program,
        GenerationRecord::SPACE,
        &[SEED_GENERATION, vault.as_ref(), &seed, &gen_bytes, &[bump]],
        &record,
    )
}
