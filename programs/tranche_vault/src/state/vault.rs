//! The vault: one PDA per (creator, quote mint, id), zero-copy, with reserved space for later layouts.

use crate::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;
use crate::events::InterestAccruedEvent;
use crate::math::fixed::{add, from_native, mul_floor, sub, to_native_floor};
use crate::math::interest::{borrow_rate, grow_index, utilization};
use crate::math::queue::{plan_fills, Accumulator, Fill, P_MIN};
use crate::math::shares::shares_for_deposit_floor;
use crate::math::subordination::Limits;
use crate::math::waterfall::{split_income, split_loss, LossSplit, TrancheBook};
use crate::math::{PodSf, Sf};
use crate::oracle::OracleSetting;

/// The three tranches, by their index in [`Vault::tranches`] and in the tranche-mint PDA seeds.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tranche {
    Senior,
    Mezzanine,
    Junior,
}

impl Tranche {
    pub const ALL: [Tranche; 3] = [Tranche::Senior, Tranche::Mezzanine, Tranche::Junior];

    pub const fn index(self) -> usize {
        match self {
            Tranche::Senior => 0,
            Tranche::Mezzanine => 1,
            Tranche::Junior => 2,
        }
    }

    /// The seed byte of this tranche's mint PDA.
    pub const fn seed(self) -> [u8; 1] {
        [self.index() as u8]
    }

    /// The tranche of index `i` (0 senior, 1 mezzanine, 2 junior), as instruction arguments carry it (a `u8`, so
    /// that clients can encode it in PDA seeds); `InvalidTranche` for any other value.
    pub fn from_index(i: u8) -> Result<Tranche> {
        Tranche::ALL
            .get(usize::from(i))
            .copied()
            .ok_or_else(|| error!(crate::errors::VaultError::InvalidTranche))
    }
}

impl From<Tranche> for u8 {
    fn from(t: Tranche) -> u8 {
        t.index() as u8
    }
}

/// Kinked borrow-rate curve, in bps per year: `base` at 0 % utilization, `base + slope1` at the optimal
/// utilization, `base + slope1 + slope2` at 100 %.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(C)]
pub struct RateCurve {
    pub base_rate_bps: u32,
    pub slope1_bps: u32,
    pub slope2_bps: u32,
    pub optimal_utilization_bps: u32,
}

/// The risk parameters of a vault, as `initialize_vault` takes them and governance will change them.
/// [`VaultParams::validate`] is the single bounds check for all of them.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaultParams {
    /// Target APR of the senior and mezzanine tranches, in bps; junior takes the residual income.
    pub senior_target_apr_bps: u16,
    pub mezzanine_target_apr_bps: u16,
    /// Deposit cap per tranche (senior, mezzanine, junior), in native quote units of NAV.
    pub deposit_caps: [u64; 3],
    /// Junior NAV must stay at or above this share of total NAV, in bps.
    pub min_junior_bps: u16,
    /// Junior + mezzanine NAV must stay at or above this share of total NAV, in bps.
    pub min_subordination_bps: u16,
    /// Share of interest income kept as protocol fee, in bps.
    pub protocol_fee_bps: u16,
    /// Borrowing is refused above this utilization, in bps.
    pub max_utilization_bps: u16,
    pub rate_curve: RateCurve,
    /// Length of a redemption epoch, in seconds.
    pub epoch_duration_secs: u32,
    /// Delay between proposing and executing a risk-loosening change, in seconds.
    pub timelock_delay_secs: u32,
}

impl VaultParams {
    /// Bounds check of every parameter; each failure has its own error.
    pub fn validate(&self) -> Result<()> {
        require!(
            self.senior_target_apr_bps <= MAX_TARGET_APR_BPS
                && self.mezzanine_target_apr_bps <= MAX_TARGET_APR_BPS,
            VaultError::TargetAprTooHigh
        );
        require!(
            self.min_junior_bps <= self.min_subordination_bps
                && u64::from(self.min_subordination_bps) < BPS,
            VaultError::InvalidSubordination
        );
        require!(
            self.protocol_fee_bps <= MAX_PROTOCOL_FEE_BPS,
            VaultError::ProtocolFeeTooHigh
        );
        let c = &self.rate_curve;
        require!(
            c.optimal_utilization_bps > 0 && u64::from(c.optimal_utilization_bps) < BPS,
            VaultError::InvalidOptimalUtilization
        );
        let max_rate = c
            .base_rate_bps
            .checked_add(c.slope1_bps)
            .and_then(|r| r.checked_add(c.slope2_bps));
        require!(
            matches!(max_rate, Some(r) if r <= MAX_BORROW_RATE_BPS),
            VaultError::BorrowRateTooHigh
        );
        require!(
            self.max_utilization_bps > 0 && u64::from(self.max_utilization_bps) <= BPS,
            VaultError::InvalidMaxUtilization
        );
        require!(
            (MIN_EPOCH_SECS..=MAX_EPOCH_SECS).contains(&self.epoch_duration_secs),
            VaultError::InvalidEpochDuration
        );
        require!(
            self.timelock_delay_secs <= MAX_TIMELOCK_SECS,
            VaultError::TimelockTooLong
        );
        require!(
            self.timelock_delay_secs >= self.epoch_duration_secs,
            VaultError::TimelockShorterThanEpoch
        );
        Ok(())
    }
}

/// Per-tranche state inside the vault.
#[zero_copy]
#[derive(Debug, PartialEq, Eq)]
pub struct TrancheState {
    pub mint: Pubkey,
    /// Token account (PDA, owned by the vault) that holds this tranche's queued redemption shares.
    pub escrow: Pubkey,
    /// Deposit cap, in native quote units of NAV.
    pub deposit_cap: u64,
    /// Target APR, in bps (unused for junior, which takes the residual).
    pub target_apr_bps: u16,
    pub mint_bump: u8,
    pub escrow_bump: u8,
    pub _pad: [u8; 4],
    /// Net asset value, native quote units (fixed point, 2^-60).
    pub nav_sf: PodSf,
    /// Losses written down and not yet restored, native quote units (fixed point).
    pub written_down_sf: PodSf,
    /// Shares locked by the first deposit ([`DEAD_SHARES`], or 0 before it). Effective supply = mint supply
    /// + dead shares.
    pub dead_shares: u64,
    /// Shares escrowed in the redemption queue and not yet filled (tranche token native units).
    pub queued_shares: u64,
    /// Tranche tokens outstanding as of the vault's last mint or burn (`deposit`, `close_epoch`, which set it from
    /// the mint), so that `borrow` can value the queue without the mint. A holder burning their own tokens makes
    /// it an overestimate until the next deposit or close (which only makes the queue look smaller).
    pub supply: u64,
    /// Queue accumulators of the current generation (see `math::queue`): Π unfilled fraction, and Σ p · payout
    /// per queued share (native quote units per share), both fixed point.
    pub queue_p_sf: PodSf,
    pub queue_s_sf: PodSf,
    pub queue_generation: u64,
    pub _reserved: [u64; 7],
}

impl TrancheState {
    pub fn nav(&self) -> Sf {
        self.nav_sf.get()
    }

    pub fn accumulator(&self) -> Accumulator {
        Accumulator {
            p: self.queue_p_sf.get(),
            s: self.queue_s_sf.get(),
            generation: self.queue_generation,
        }
    }

    pub fn set_accumulator(&mut self, acc: &Accumulator) {
        self.queue_p_sf.set(acc.p);
        self.queue_s_sf.set(acc.s);
        self.queue_generation = acc.generation;
    }

    /// Effective supply for share conversions: tranche tokens outstanding plus dead shares.
    pub fn effective_supply(&self, mint_supply: u64) -> Result<u64> {
        mint_supply
            .checked_add(self.dead_shares)
            .ok_or_else(|| error!(VaultError::MathOverflow))
    }

    /// What a deposit of `amount` native quote units mints at the tranche's NAV and `mint_supply`: (shares to the
    /// depositor, dead shares locked). A first deposit (no dead shares yet) of at least `MIN_FIRST_DEPOSIT` gets
    /// `amount − DEAD_SHARES` and locks `DEAD_SHARES` (`FirstDepositTooSmall` below it); a later one gets
    /// `math::shares::shares_for_deposit_floor`, rounded down. Clients price a deposit with it too.
    pub fn shares_for_deposit(&self, amount: u64, mint_supply: u64) -> Result<(u64, u64)> {
        if self.dead_shares == 0 {
            require!(
                amount >= MIN_FIRST_DEPOSIT,
                VaultError::FirstDepositTooSmall
            );
            return Ok((amount - DEAD_SHARES, DEAD_SHARES));
        }
        let supply = self.effective_supply(mint_supply)?;
        Ok((shares_for_deposit_floor(amount, self.nav(), supply)?, 0))
    }

    /// Wiped out: funded once, now at NAV 0.
    pub fn is_wiped_out(&self) -> bool {
        self.dead_shares > 0 && self.nav() == Sf::ZERO
    }
}

/// The vault. Zero-copy: instructions read and write it in place, without (de)serializing ~1.5 KB.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Vault {
    /// Layout version, [`VAULT_VERSION`].
    pub version: u8,
    /// Bump of the vault PDA.
    pub bump: u8,
    /// Bump of the liquidity token account PDA.
    pub liquidity_bump: u8,
    pub quote_decimals: u8,
    /// Pause flags (bit set); none are defined yet.
    pub pause_flags: u32,
    /// Creator-chosen id, part of the PDA seeds.
    pub vault_id: u64,
    /// Signer of `initialize_vault`, part of the PDA seeds; never changes.
    pub creator: Pubkey,
    /// Governance authority (typically a multisig PDA).
    pub authority: Pubkey,
    /// Proposed authority of a two-step transfer; `Pubkey::default()` when none.
    pub pending_authority: Pubkey,
    /// May only pause and tighten; `Pubkey::default()` when none.
    pub guardian: Pubkey,
    pub quote_mint: Pubkey,
    /// SPL Token or Token-2022: owner of the quote mint, the liquidity account and the tranche mints.
    pub quote_token_program: Pubkey,
    /// Quote-asset liquidity token account (PDA, owned by the vault).
    pub liquidity: Pubkey,
    pub tranches: [TrancheState; 3],
    pub rate_curve: RateCurve,
    pub min_junior_bps: u16,
    pub min_subordination_bps: u16,
    pub protocol_fee_bps: u16,
    pub max_utilization_bps: u16,
    pub epoch_duration_secs: u32,
    pub timelock_delay_secs: u32,
    /// Unix seconds.
    pub created_ts: i64,
    /// Unix seconds of the last interest accrual.
    pub last_accrual_ts: i64,
    /// Quote tokens the vault's books hold in the liquidity account, native units. Tokens sent to the account
    /// without going through the program are not counted (a donation cannot move a price).
    pub liquidity_native: u64,
    /// Index of the current redemption epoch (0 for the first).
    pub epoch_index: u64,
    /// Unix seconds when the current epoch started; `close_epoch` is allowed from start + epoch_duration_secs.
    pub epoch_start_ts: i64,
    /// Payouts of filled redemptions, reserved in the liquidity and not yet claimed, native quote units
    /// (fixed point).
    pub reserved_payout_sf: PodSf,
    /// Protocol fees accrued and not withdrawn, native quote units (fixed point).
    pub fees_sf: PodSf,
    /// Total debt divided by the borrow index at the time of each borrow (fixed point). Debt =
    /// scaled debt · borrow index.
    pub scaled_debt_sf: PodSf,
    /// Borrow index: 1.0 at creation, grows with the borrow rate (fixed point).
    pub borrow_index_sf: PodSf,
    /// The quote asset's price (debt is valued at its high side).
    pub quote_oracle: OracleSetting,
    /// Id of the next timelocked proposal.
    pub next_proposal_id: u64,
    /// Proposals with a smaller id are void: `accept_authority` sets it to `next_proposal_id`, so a new
    /// authority never inherits its predecessor's pending changes.
    pub first_valid_proposal_id: u64,
    /// Unix seconds when redemption requests were last unpaused (0 if never). A risk-loosening change proposed
    /// before it cannot execute: depositors may not have been able to leave during its delay.
    pub redemptions_unpaused_ts: i64,
    /// Reserved for later layouts.
    pub _reserved: [u64; 24],
}

// SAFETY: `RateCurve` is `repr(C)`, four `u32`s, no padding: any bit pattern is valid. It is stored in place in
// the zero-copy vault, so it must be plain old data; its borsh and in-place layouts are the same bytes.
unsafe impl bytemuck::Zeroable for RateCurve {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for RateCurve {}

impl Vault {
    /// Account size including the 8-byte discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Vault>();

    /// Writes the discriminator into freshly created, zeroed account data and returns the state in place.
    pub fn init_in(data: &mut [u8]) -> Result<&mut Vault> {
        let (disc, rest) = data
            .split_at_mut_checked(8)
            .ok_or(VaultError::VaultAccountTooSmall)?;
        require!(
            disc.iter().all(|b| *b == 0),
            VaultError::VaultAlreadyInitialized
        );
        disc.copy_from_slice(Vault::DISCRIMINATOR);
        let body = rest
            .get_mut(..core::mem::size_of::<Vault>())
            .ok_or(VaultError::VaultAccountTooSmall)?;
        bytemuck::try_from_bytes_mut(body).map_err(|_| error!(VaultError::VaultAccountTooSmall))
    }

    /// The parameters as one value, for [`VaultParams::validate`] and events.
    pub fn params(&self) -> VaultParams {
        VaultParams {
            senior_target_apr_bps: self.tranches[Tranche::Senior.index()].target_apr_bps,
            mezzanine_target_apr_bps: self.tranches[Tranche::Mezzanine.index()].target_apr_bps,
            deposit_caps: [
                self.tranches[0].deposit_cap,
                self.tranches[1].deposit_cap,
                self.tranches[2].deposit_cap,
            ],
            min_junior_bps: self.min_junior_bps,
            min_subordination_bps: self.min_subordination_bps,
            protocol_fee_bps: self.protocol_fee_bps,
            max_utilization_bps: self.max_utilization_bps,
            rate_curve: self.rate_curve,
            epoch_duration_secs: self.epoch_duration_secs,
            timelock_delay_secs: self.timelock_delay_secs,
        }
    }

    /// Writes every parameter; callers validate first.
    pub fn set_params(&mut self, p: &VaultParams) {
        self.tranches[Tranche::Senior.index()].target_apr_bps = p.senior_target_apr_bps;
        self.tranches[Tranche::Mezzanine.index()].target_apr_bps = p.mezzanine_target_apr_bps;
        for (t, cap) in self.tranches.iter_mut().zip(p.deposit_caps) {
            t.deposit_cap = cap;
        }
        self.min_junior_bps = p.min_junior_bps;
        self.min_subordination_bps = p.min_subordination_bps;
        self.protocol_fee_bps = p.protocol_fee_bps;
        self.max_utilization_bps = p.max_utilization_bps;
        self.rate_curve = p.rate_curve;
        self.epoch_duration_secs = p.epoch_duration_secs;
        self.timelock_delay_secs = p.timelock_delay_secs;
    }

    pub fn tranche_mints(&self) -> [Pubkey; 3] {
        [
            self.tranches[0].mint,
            self.tranches[1].mint,
            self.tranches[2].mint,
        ]
    }

    /// Structural invariants, checked after every mutation:
    /// - the layout version is [`VAULT_VERSION`];
    /// - every parameter is within bounds;
    /// - the junior tranche has no target APR (it takes the residual);
    /// - the liquidity account, the three tranche mints and the three escrows are set and pairwise distinct;
    /// - the guardian, when set, differs from the authority;
    /// - the quote oracle setting is within bounds;
    /// - the money invariants of [`Vault::books_invariant`].
    pub fn invariant(&self) -> Result<()> {
        require!(self.version == VAULT_VERSION, VaultError::WrongVaultVersion);
        self.params().validate()?;
        let m = self.tranche_mints();
        let e = [0, 1, 2].map(|t| self.tranches[t].escrow);
        let keys = [self.liquidity, m[0], m[1], m[2], e[0], e[1], e[2]];
        for (i, a) in keys.iter().enumerate() {
            require!(*a != Pubkey::default(), VaultError::InvariantViolated);
            for b in &keys[i + 1..] {
                require!(a != b, VaultError::InvariantViolated);
            }
        }
        require!(
            self.tranches[Tranche::Junior.index()].target_apr_bps == 0,
            VaultError::InvariantViolated
        );
        require!(
            self.guardian == Pubkey::default() || self.guardian != self.authority,
            VaultError::GuardianIsAuthority
        );
        self.quote_oracle.validate()?;
        self.books_invariant()
    }

    /// The money invariants:
    /// - claims ≤ assets: Σ tranche NAV + fees + reserved payouts ≤ liquidity + debt;
    /// - reserved payouts ≤ liquidity (they are paid from it);
    /// - seniority: no tranche is written down while a more junior one still has NAV;
    /// - a never-funded tranche has no NAV, and a funded one has exactly [`DEAD_SHARES`] locked;
    /// - queue accumulators: `P_MIN ≤ p ≤ 1`.
    pub fn books_invariant(&self) -> Result<()> {
        let nav = self.navs();
        let claims = add(
            add(add(nav[0], nav[1])?, nav[2])?,
            add(self.fees_sf.get(), self.reserved_payout_sf.get())?,
        )?;
        let liquidity = crate::math::fixed::from_native(self.liquidity_native);
        let assets = add(liquidity, self.debt()?)?;
        require!(claims <= assets, VaultError::InvariantViolated);
        require!(
            self.reserved_payout_sf.get() <= liquidity,
            VaultError::InvariantViolated
        );
        for senior in 0..3 {
            if self.tranches[senior].written_down_sf.get() > Sf::ZERO {
                require!(
                    nav[senior + 1..].iter().all(|n| *n == Sf::ZERO),
                    VaultError::InvariantViolated
                );
            }
        }
        for t in &self.tranches {
            require!(
                t.dead_shares == DEAD_SHARES || (t.dead_shares == 0 && t.nav() == Sf::ZERO),
                VaultError::InvariantViolated
            );
            let p = t.queue_p_sf.get();
            require!(p >= P_MIN && p <= Sf::ONE, VaultError::InvariantViolated);
        }
        Ok(())
    }

    pub fn navs(&self) -> [Sf; 3] {
        [
            self.tranches[0].nav(),
            self.tranches[1].nav(),
            self.tranches[2].nav(),
        ]
    }

    pub fn limits(&self) -> Limits {
        Limits {
            min_junior_bps: self.min_junior_bps,
            min_subordination_bps: self.min_subordination_bps,
        }
    }

    /// Total debt: scaled debt · borrow index, native quote units (fixed point, rounded down; positions owe
    /// their own debt rounded up).
    pub fn debt(&self) -> Result<Sf> {
        mul_floor(self.scaled_debt_sf.get(), self.borrow_index_sf.get())
    }

    /// Liquidity not reserved for filled redemptions, native units, rounded down.
    pub fn free_liquidity(&self) -> Result<u64> {
        let free = sub(
            crate::math::fixed::from_native(self.liquidity_native),
            self.reserved_payout_sf.get(),
        )?;
        to_native_floor(free)
    }

    /// What an epoch close would fill now ([`plan_fills`] on the vault's books), given each tranche's tokens
    /// outstanding.
    pub fn plan_close(&self, supply: [u64; 3]) -> Result<[Fill; 3]> {
        let supply = [
            self.tranches[0].effective_supply(supply[0])?,
            self.tranches[1].effective_supply(supply[1])?,
            self.tranches[2].effective_supply(supply[2])?,
        ];
        let queued = [0, 1, 2].map(|t| self.tranches[t].queued_shares);
        plan_fills(
            self.navs(),
            queued,
            supply,
            from_native(self.free_liquidity()?),
            self.limits(),
        )
    }

    /// Unix seconds from which `close_epoch` may run.
    pub fn epoch_end_ts(&self) -> Result<i64> {
        self.epoch_start_ts
            .checked_add(i64::from(self.epoch_duration_secs))
            .ok_or_else(|| error!(VaultError::MathOverflow))
    }

    /// Free liquidity a new borrow may take, native units: what is free less what the redemption queue would be
    /// paid if the epoch closed now (rounded up, in the queue's favour). Queued redemptions come before new
    /// borrows, at any time: a borrow, even one repaid in the same transaction or held across the epoch's end,
    /// cannot take what the queue is owed at the close.
    pub fn borrowable_liquidity(&self) -> Result<u64> {
        let free = self.free_liquidity()?;
        if self.tranches.iter().all(|t| t.queued_shares == 0) {
            return Ok(free);
        }
        let owed = self
            .plan_close([0, 1, 2].map(|t| self.tranches[t].supply))?
            .iter()
            .try_fold(Sf::ZERO, |acc, f| add(acc, f.payout))?;
        Ok(free.saturating_sub(crate::math::fixed::to_native_ceil(owed)?))
    }

    /// Accrues interest from `last_accrual_ts` to `now`: grows the borrow index by the kinked rate at the
    /// current utilization, and splits the debt's growth through the income waterfall. Returns the event to
    /// emit when there was income.
    ///
    /// It never fails on size: the index stops growing where the total debt would pass [`MAX_DEBT_NATIVE`] (a
    /// vault nobody touched for decades at the highest rate), so accrual, repayment and liquidation always run.
    pub fn accrue(&mut self, vault: Pubkey, now: i64) -> Result<Option<InterestAccruedEvent>> {
        let dt = u64::try_from(now.saturating_sub(self.last_accrual_ts)).unwrap_or(0);
        if dt == 0 {
            return Ok(None);
        }
        self.last_accrual_ts = now;
        let scaled = self.scaled_debt_sf.get();
        if scaled == Sf::ZERO {
            return Ok(None);
        }
        let debt_before = self.debt()?;
        let u = utilization(to_native_floor(debt_before)?, self.free_liquidity()?)?;
        let rate = borrow_rate(&self.rate_curve, u)?;
        let old = self.borrow_index_sf.get();
        let max_debt = from_native(MAX_DEBT_NATIVE);
        // The grown index with the debt it gives (`Vault::debt`'s product, computed once).
        let grown = grow_index(old, rate, dt)
            .ok()
            .and_then(|g| Some((g, mul_floor(scaled, g).ok()?)))
            .filter(|(_, debt)| *debt <= max_debt);
        let (index, debt_after) = match grown {
            Some(grown) => grown,
            // The largest index at which scaled · index ≤ MAX_DEBT_NATIVE, never below the current one.
            None => {
                let index = max_debt.checked_div(scaled).unwrap_or(Sf::MAX).max(old);
                (index, mul_floor(scaled, index)?)
            }
        };
        self.borrow_index_sf.set(index);
        let income = sub(debt_after, debt_before)?;
        let book = TrancheBook {
            nav: self.navs(),
            written_down: [0, 1, 2].map(|t| self.tranches[t].written_down_sf.get()),
            target_apr_bps: [
                self.tranches[0].target_apr_bps,
                self.tranches[1].target_apr_bps,
            ],
            junior_funded: self.tranches[Tranche::Junior.index()].dead_shares > 0,
        };
        let split = split_income(income, self.protocol_fee_bps, &book, dt)?;
        self.fees_sf.set(add(self.fees_sf.get(), split.fee)?);
        for (t, state) in self.tranches.iter_mut().enumerate() {
            state.nav_sf.set(add(state.nav(), split.to_tranche[t])?);
            state
                .written_down_sf
                .set(sub(state.written_down_sf.get(), split.recovered[t])?);
        }
        Ok(Some(InterestAccruedEvent {
            vault,
            dt_secs: dt,
            utilization_sf: u.to_bits(),
            borrow_rate_sf: rate.to_bits(),
            borrow_index_sf: index.to_bits(),
            income_sf: income.to_bits(),
            fee_sf: split.fee.to_bits(),
            to_tranche_sf: split.to_tranche.map(|x| x.to_bits()),
            recovered_sf: split.recovered.map(|x| x.to_bits()),
            nav_after_sf: self.navs().map(|x| x.to_bits()),
            ts: now,
        }))
    }

    /// Writes off `loss` of debt through the loss waterfall (junior, mezzanine, senior, then fees) and records
    /// the write-downs. A loss larger than every tranche's NAV and the fees together is clamped to them: the
    /// books then hold more assets than claims (borrows round up, repayments down), and that rounding surplus,
    /// not a claimant, absorbs the rest. (`books_invariant` still holds: what remains claimed is the reserved
    /// payouts, which the liquidity covers.)
    pub fn write_off(&mut self, loss: Sf) -> Result<LossSplit> {
        let nav = self.navs();
        let claims = add(add(add(nav[0], nav[1])?, nav[2])?, self.fees_sf.get())?;
        let split = split_loss(loss.min(claims), &nav, self.fees_sf.get())?;
        for (t, state) in self.tranches.iter_mut().enumerate() {
            state.nav_sf.set(sub(state.nav(), split.tranche[t])?);
            state
                .written_down_sf
                .set(add(state.written_down_sf.get(), split.tranche[t])?);
        }
        self.fees_sf.set(sub(self.fees_sf.get(), split.fees)?);
        Ok(split)
    }

    /// Books quote tokens that entered the liquidity account.
    pub fn credit_liquidity(&mut self, amount: u64) -> Result<()> {
        self.liquidity_native = self
            .liquidity_native
            .checked_add(amount)
            .ok_or(VaultError::MathOverflow)?;
        Ok(())
    }

    /// Books quote tokens that left the liquidity account.
    pub fn debit_liquidity(&mut self, amount: u64) -> Result<()> {
        self.liquidity_native = self
            .liquidity_native
            .checked_sub(amount)
            .ok_or(VaultError::MathOverflow)?;
        Ok(())
    }

    /// `key` is the authority, or the guardian when there is one.
    pub fn is_guardian_or_authority(&self, key: &Pubkey) -> bool {
        *key == self.authority || (self.guardian != Pubkey::default() && *key == self.guardian)
    }

    /// What signing as the vault PDA needs, copied out so that the account is not borrowed during the CPI.
    pub fn signer(&self) -> VaultSigner {
        VaultSigner {
            creator: self.creator,
            quote_mint: self.quote_mint,
            id: self.vault_id.to_le_bytes(),
            bump: [self.bump],
        }
    }

    pub fn tranche(&self, t: Tranche) -> &TrancheState {
        &self.tranches[t.index()]
    }

    pub fn tranche_mut(&mut self, t: Tranche) -> &mut TrancheState {
        &mut self.tranches[t.index()]
    }
}

/// The vault PDA's seeds, for `invoke_signed`.
pub struct VaultSigner {
    creator: Pubkey,
    quote_mint: Pubkey,
    id: [u8; 8],
    bump: [u8; 1],
}

impl VaultSigner {
    pub fn seeds(&self) -> [&[u8]; 5] {
        [
            SEED_VAULT,
            self.creator.as_ref(),
            self.quote_mint.as_ref(),
            &self.id,
            &self.bump,
        ]
    }
}
