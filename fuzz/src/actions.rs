//! The actions: each a concrete value (every argument chosen when it was generated), so that a sequence replays
//! exactly and shrinks by removing actions.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use tranche_vault::constants::{
    PAUSE_ALL, PAUSE_BORROWS, PAUSE_DEPOSITS, PAUSE_REDEMPTION_REQUESTS,
};
use tranche_vault::state::{CollateralParams, ConfigChange, RateCurve, Tranche};

use crate::world::{World, BORROWERS, DEPOSITORS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceMove {
    /// A small step, in bps of the price (signed).
    Step(i32),
    /// A crash of this many percent (up to 95).
    Crash(u8),
    /// Back to the reference price.
    Recover,
    /// The feed stops publishing (its publish time stays where it is).
    Freeze,
    /// A confidence interval this many bps of the price wide.
    WideConf(u16),
    /// The next update is only partially verified (pull) or not Trading (legacy).
    Unverified,
    /// Published again, fully verified, now.
    Fresh,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Deposit {
        actor: usize,
        tranche: usize,
        amount: u64,
    },
    Request {
        actor: usize,
        tranche: usize,
        shares: u64,
    },
    Cancel {
        actor: usize,
        tranche: usize,
    },
    Claim {
        actor: usize,
        tranche: usize,
    },
    DepositCollateral {
        borrower: usize,
        asset: usize,
        amount: u64,
    },
    Withdraw {
        borrower: usize,
        asset: usize,
        amount: u64,
    },
    Borrow {
        borrower: usize,
        amount: u64,
    },
    /// `payer` (an actor index) repays the borrower's position.
    Repay {
        borrower: usize,
        payer: usize,
        amount: u64,
    },
    Liquidate {
        borrower: usize,
        asset: usize,
        max_repay: u64,
    },
    Accrue,
    CloseEpoch,
    /// Feed `feed`: 0..3 the collateral assets, 3 the quote.
    Price {
        feed: usize,
        mv: PriceMove,
    },
    Warp {
        secs: i64,
    },
    Propose {
        change: ConfigChange,
        asset: Option<usize>,
    },
    Execute {
        id: u64,
    },
    CancelProposal {
        id: u64,
    },
    Pause {
        by_guardian: bool,
        flags: u32,
    },
    LowerCap {
        by_guardian: bool,
        tranche: Option<usize>,
        asset: Option<usize>,
        cap: u64,
    },
    /// The authority proposes the other authority key, which accepts.
    HandOver,
    /// A borrower prices its position with an account of its own (a valid update at a price it chose) in place
    /// of the pinned price account of asset `asset`, and borrows `amount`.
    RoguePrice {
        borrower: usize,
        asset: usize,
        amount: u64,
    },
    /// The faucet: `amount` of the quote (what 3) or collateral `what` to an actor.
    Faucet {
        actor: usize,
        what: usize,
        amount: u64,
    },
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Deposit { .. } => "deposit",
            Action::Request { .. } => "request_redeem",
            Action::Cancel { .. } => "cancel_redeem",
            Action::Claim { .. } => "claim_redeem",
            Action::DepositCollateral { .. } => "deposit_collateral",
            Action::Withdraw { .. } => "withdraw_collateral",
            Action::Borrow { .. } => "borrow",
            Action::Repay { .. } => "repay",
            Action::Liquidate { .. } => "liquidate",
            Action::Accrue => "accrue",
            Action::CloseEpoch => "close_epoch",
            Action::Price { .. } => "price",
            Action::Warp { .. } => "warp",
            Action::Propose { .. } => "propose_config",
            Action::Execute { .. } => "execute_config",
            Action::CancelProposal { .. } => "cancel_config",
            Action::Pause { .. } => "set_pause",
            Action::LowerCap { .. } => "lower_cap",
            Action::HandOver => "authority_handover",
            Action::RoguePrice { .. } => "rogue_price_borrow",
            Action::Faucet { .. } => "faucet",
        }
    }
}

/// An amount: an extreme (0, 1, u64::MAX), exactly `limit`, just past it, or a random one below it (log-uniform
/// as often as uniform, so small amounts are common).
pub fn amount(rng: &mut ChaCha8Rng, limit: u64) -> u64 {
    match rng.gen_range(0..20) {
        0 => 0,
        1 => 1,
        2 => u64::MAX,
        3 | 4 => limit,
        5 => limit.saturating_add(1),
        6..=12 => {
            if limit == 0 {
                0
            } else {
                rng.gen_range(0..=limit)
            }
        }
        _ => {
            let bits = 64 - limit.leading_zeros();
            if bits == 0 {
                return 0;
            }
            let b = rng.gen_range(0..=bits);
            let v = if b == 0 {
                0
            } else {
                rng.gen::<u64>() >> (64 - b)
            };
            v.min(limit)
        }
    }
}

/// What the generator reads of the state to aim its arguments (balances, debts, limits).
pub struct View {
    pub quote: Vec<u64>,
    pub shares: Vec<[u64; 3]>,
    pub collateral: Vec<[u64; 3]>,
    pub entries: Vec<[u64; 3]>,
    pub debts: Vec<u64>,
    /// What each borrower may still borrow at the model's prices (0 when none).
    pub max_borrow: Vec<u64>,
    pub liquidatable: Vec<bool>,
    pub next_proposal_id: u64,
    pub first_valid_proposal_id: u64,
    /// Proposals made and not yet executed or cancelled.
    pub pending: Vec<u64>,
}

/// One random action for the state seen in `view`.
pub fn generate(rng: &mut ChaCha8Rng, w: &World, view: &View) -> Action {
    let d = rng.gen_range(0..DEPOSITORS);
    let b = rng.gen_range(0..BORROWERS);
    let bi = DEPOSITORS + b;
    let t = rng.gen_range(0..3);
    let a = rng.gen_range(0..3);
    // A liquidatable position is acted on first, as a liquidator bot would.
    if let Some(lb) = (0..BORROWERS).find(|&i| view.liquidatable[i]) {
        if rng.gen_bool(0.7) {
            let held: Vec<usize> = (0..3).filter(|&x| view.entries[lb][x] > 0).collect();
            if !held.is_empty() {
                let asset = held[rng.gen_range(0..held.len())];
                let max_repay = if rng.gen_bool(0.6) {
                    u64::MAX
                } else {
                    amount(rng, view.debts[lb])
                };
                return Action::Liquidate {
                    borrower: lb,
                    asset,
                    max_repay,
                };
            }
        }
    }
    match rng.gen_range(0..100) {
        0..=13 => Action::Deposit {
            actor: d,
            tranche: t,
            amount: amount(rng, view.quote[d]),
        },
        14..=19 => Action::Request {
            actor: d,
            tranche: t,
            shares: amount(rng, view.shares[d][t]),
        },
        20..=21 => Action::Cancel {
            actor: d,
            tranche: t,
        },
        22..=25 => Action::Claim {
            actor: d,
            tranche: t,
        },
        26..=33 => Action::DepositCollateral {
            borrower: b,
            asset: a,
            amount: amount(rng, view.collateral[bi][a]),
        },
        34..=37 => Action::Withdraw {
            borrower: b,
            asset: a,
            amount: amount(rng, view.entries[b][a]),
        },
        38..=47 => Action::Borrow {
            borrower: b,
            amount: amount(rng, view.max_borrow[b]),
        },
        48..=53 => {
            let payer = if rng.gen_bool(0.8) {
                bi
            } else {
                crate::world::LIQUIDATOR
            };
            Action::Repay {
                borrower: b,
                payer,
                amount: amount(rng, view.debts[b].min(view.quote[payer])),
            }
        }
        54..=56 => Action::Liquidate {
            borrower: b,
            asset: a,
            max_repay: amount(rng, view.debts[b]),
        },
        57..=58 => Action::Accrue,
        59..=62 => Action::CloseEpoch,
        63..=75 => {
            let feed = rng.gen_range(0..4);
            let mv = match rng.gen_range(0..20) {
                0..=8 => PriceMove::Step(rng.gen_range(-800..=800)),
                9 => PriceMove::Crash(rng.gen_range(5..=95)),
                10..=12 => PriceMove::Recover,
                13 => PriceMove::Freeze,
                14 => PriceMove::WideConf(rng.gen_range(50..=2_000)),
                15 => PriceMove::Unverified,
                _ => PriceMove::Fresh,
            };
            Action::Price { feed, mv }
        }
        76..=83 => {
            let secs = match rng.gen_range(0..10) {
                0..=4 => rng.gen_range(1..=120),
                5..=7 => rng.gen_range(120..=7_200),
                8 => rng.gen_range(7_200..=30 * 86_400),
                _ => rng.gen_range(30 * 86_400..=3 * 365 * 86_400),
            };
            Action::Warp { secs }
        }
        84..=87 => {
            let (change, asset) = change(rng, w);
            Action::Propose { change, asset }
        }
        88..=89 => {
            // Mostly a pending proposal; sometimes any id, voided, executed or not yet made.
            let id = match view
                .pending
                .get(rng.gen_range(0..view.pending.len().max(1)))
            {
                Some(&id) if rng.gen_bool(0.8) => id,
                _ => rng.gen_range(
                    view.first_valid_proposal_id.saturating_sub(1)..=view.next_proposal_id,
                ),
            };
            Action::Execute { id }
        }
        90 => Action::CancelProposal {
            id: rng.gen_range(0..=view.next_proposal_id),
        },
        91 => {
            // Half the time the authority lifts every pause (only it can); otherwise someone pauses something.
            if rng.gen_bool(0.5) {
                return Action::Pause {
                    by_guardian: false,
                    flags: 0,
                };
            }
            let flags = [
                0,
                PAUSE_DEPOSITS,
                PAUSE_BORROWS,
                PAUSE_REDEMPTION_REQUESTS,
                PAUSE_ALL,
            ][rng.gen_range(0..5)];
            Action::Pause {
                by_guardian: rng.gen_bool(0.5),
                flags,
            }
        }
        92 if rng.gen_bool(0.2) => {
            // Caps only go down without the timelock: rarely, and to a random fraction of a large cap.
            let (tranche, asset) = if rng.gen_bool(0.5) {
                (Some(t), None)
            } else {
                (None, Some(a))
            };
            let cap = amount(rng, 100_000_000 * crate::world::ONE);
            Action::LowerCap {
                by_guardian: rng.gen_bool(0.5),
                tranche,
                asset,
                cap,
            }
        }
        92 => Action::Accrue,
        93 => Action::HandOver,
        94 => Action::RoguePrice {
            borrower: b,
            asset: a,
            amount: amount(
                rng,
                view.max_borrow[b]
                    .saturating_mul(3)
                    .max(1_000 * crate::world::ONE),
            ),
        },
        _ => {
            let actor = rng.gen_range(0..crate::world::ACTORS);
            let what = rng.gen_range(0..4);
            // A whole token, or a thousandth of one for the 18-decimal asset (u64 holds only 18 of its tokens).
            let unit = if what == 3 {
                crate::world::ONE
            } else {
                10u64.pow(u32::from(w.assets[what].decimals.min(15)))
            };
            Action::Faucet {
                actor,
                what,
                amount: rng.gen_range(1..=100_000u64).saturating_mul(unit),
            }
        }
    }
}

/// A random parameter change: mostly valid values near the current ones, sometimes out of bounds.
fn change(rng: &mut ChaCha8Rng, w: &World) -> (ConfigChange, Option<usize>) {
    let p = crate::world::params();
    match rng.gen_range(0..9) {
        0 => (
            ConfigChange::TargetApr {
                tranche: [Tranche::Senior, Tranche::Mezzanine, Tranche::Junior]
                    [rng.gen_range(0..3)],
                target_apr_bps: rng.gen_range(0..=6_000),
            },
            None,
        ),
        1 => (
            ConfigChange::DepositCap {
                tranche: [Tranche::Senior, Tranche::Mezzanine, Tranche::Junior]
                    [rng.gen_range(0..3)],
                cap: amount(rng, 20_000_000 * crate::world::ONE),
            },
            None,
        ),
        2 => {
            let j = rng.gen_range(0..=5_000u16);
            (
                ConfigChange::Subordination {
                    min_junior_bps: j,
                    min_subordination_bps: j.saturating_add(rng.gen_range(0..=5_000)),
                },
                None,
            )
        }
        3 => (
            ConfigChange::RateCurve {
                curve: RateCurve {
                    base_rate_bps: rng.gen_range(0..=500),
                    slope1_bps: rng.gen_range(0..=2_000),
                    slope2_bps: rng.gen_range(0..=100_000),
                    optimal_utilization_bps: rng.gen_range(0..=10_000),
                },
            },
            None,
        ),
        4 => (
            ConfigChange::ProtocolFee {
                protocol_fee_bps: rng.gen_range(0..=5_000),
            },
            None,
        ),
        5 => (
            ConfigChange::MaxUtilization {
                max_utilization_bps: rng.gen_range(0..=10_000),
            },
            None,
        ),
        6 => (
            ConfigChange::EpochDuration {
                epoch_duration_secs: [600, p.epoch_duration_secs, 7_200, 100][rng.gen_range(0..4)],
            },
            None,
        ),
        7 => {
            let a = rng.gen_range(0..3);
            let base = w.assets[a].params;
            let ltv = rng.gen_range(1_000..=9_000u16);
            let params = CollateralParams {
                max_ltv_bps: ltv,
                liquidation_threshold_bps: ltv.saturating_add(rng.gen_range(0..=1_500)),
                liquidation_bonus_bps: rng.gen_range(0..=2_500),
                deposit_cap: amount(rng, u64::MAX / 2),
                enabled: rng.gen_bool(0.85),
                ..base
            };
            (
                ConfigChange::Collateral {
                    asset: w.assets[a].addrs.asset,
                    params,
                },
                Some(a),
            )
        }
        _ => (
            ConfigChange::TimelockDelay {
                timelock_delay_secs: [3_600, 7_200, 86_400, 100][rng.gen_range(0..4)],
            },
            None,
        ),
    }
}
