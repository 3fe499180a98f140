//! Redemption requests and the records of ended queue generations (see `math::queue`).

use crate::prelude::*;

use crate::errors::VaultError;
use crate::math::queue::{settle, Accumulator, GenerationEnd, Settled, Snapshot};
use crate::math::Sf;

/// One holder's redemption request in one tranche: PDA `[SEED_REDEMPTION, vault, owner, [tranche]]`. Adding to
/// it first settles what was filled, so a holder has one request per tranche. Closed (rent back to the owner)
/// once it has nothing queued and nothing to claim.
#[account]
#[derive(Debug, Default, PartialEq, Eq, InitSpace)]
pub struct RedemptionRequest {
    pub vault: Pubkey,
    pub owner: Pubkey,
    /// Tranche index: 0 senior, 1 mezzanine, 2 junior.
    pub tranche: u8,
    pub bump: u8,
    /// Shares queued as of the snapshot below (tranche token native units).
    pub shares: u64,
    /// Queue accumulators `p` and `s` when the request last changed (fixed point, 2^-60, raw bits).
    pub p_sf: u128,
    pub s_sf: u128,
    /// Queue generation of the snapshot.
    pub generation: u64,
    /// Payout settled and not yet paid, native quote units.
    pub claimable_native: u64,
    /// Unix seconds of the last change.
    pub updated_ts: i64,
    pub _reserved: [u64; 4],
}

impl RedemptionRequest {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            shares: self.shares,
            p: Sf::from_bits(self.p_sf),
            s: Sf::from_bits(self.s_sf),
            generation: self.generation,
        }
    }

    pub fn set_snapshot(&mut self, snap: &Snapshot) {
        self.shares = snap.shares;
        self.p_sf = snap.p.to_bits();
        self.s_sf = snap.s.to_bits();
        self.generation = snap.generation;
    }

    /// The request brought up to date with its tranche's accumulators `acc`. A request still queued in an
    /// ended generation must be settled through that generation's record first (`claim_redeem`).
    pub fn settle_current(&self, acc: &Accumulator) -> Result<Settled> {
        let snap = self.snapshot();
        require!(
            snap.shares == 0 || snap.generation == acc.generation,
            VaultError::RedemptionNotSettled
        );
        settle(&snap, acc, None)
    }

    /// Nothing queued and nothing to claim: the account can be closed.
    pub fn is_empty(&self) -> bool {
        self.shares == 0 && self.claimable_native == 0
    }

    /// A request with queued shares has a positive `p` of at most 1; the tranche index is valid.
    pub fn invariant(&self) -> Result<()> {
        require!(self.tranche < 3, VaultError::InvariantViolated);
        let p = Sf::from_bits(self.p_sf);
        require!(
            self.shares == 0 || (p > Sf::ZERO && p <= Sf::ONE),
            VaultError::InvariantViolated
        );
        Ok(())
    }
}

/// The final queue accumulators of one tranche's ended generation: PDA
/// `[SEED_GENERATION, vault, [tranche], generation u64 LE]`, written once by `close_epoch`.
#[account]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct GenerationRecord {
    pub vault: Pubkey,
    pub tranche: u8,
    pub bump: u8,
    pub generation: u64,
    /// Epoch whose close ended the generation.
    pub epoch_index: u64,
    /// Final `p` (0 when the last fill emptied the queue) and `s`, fixed point raw bits.
    pub p_end_sf: u128,
    pub s_end_sf: u128,
}

impl GenerationRecord {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn end(&self) -> GenerationEnd {
        GenerationEnd {
            p: Sf::from_bits(self.p_end_sf),
            s: Sf::from_bits(self.s_end_sf),
        }
    }
}
