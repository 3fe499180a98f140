//! The reference model: plain Rust with exact rationals, written from the README's rules ("Tranches", "Lending"),
//! never calling the program's math. It predicts every actor's token balances and each tranche's supply exactly,
//! and each tranche's NAV, write-down and the protocol fees exactly up to the program's rounding, which it bounds:
//!
//! - **NAV**, write-downs and fees: `|chain − model| ≤ slack`, one bound for all, which grows by a few units of
//!   2^-60 per accrual, fill and loss (each is a floor or ceil of a fixed-point step) and, at an accrual, in
//!   proportion to the income rate (a target APR on a NAV carries the NAV's error). Each accrual's split is
//!   also checked on its own: from the program's books before it, the parts are exact within 8 units of 2^-60.
//! - **Everything paid out or minted** is at most the exact amount (floored): shares minted, redemption payouts,
//!   claims, returned shares, collateral seized; **everything owed or burned** at least the exact amount.
//! - **Health**: a borrow or withdrawal that succeeds leaves debt ≤ Σ value · max LTV, valued exactly at the
//!   published prices (collateral at spot − confidence, the quote at spot + confidence); a liquidation that
//!   succeeds found Σ value · threshold < debt at the prices it read (up to the program's ceil on debt).
//!
//! The rates and the queue's planning (how much of a queue an epoch can fill) are not modelled: the model takes
//! the income (the debt's growth) and each close's filled shares from the chain, and checks everything that
//! follows from them.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

pub type Q = BigRational;

pub fn q(n: impl Into<BigInt>) -> Q {
    Q::from_integer(n.into())
}

/// A U68F60 value (raw bits) as an exact rational of native units.
pub fn sf(bits: u128) -> Q {
    Q::new(BigInt::from(bits), BigInt::from(1u128 << 60))
}

/// `x` rounded down to a multiple of 2^-90 native units (2^-30 of the program's resolution). The model snaps its
/// running figures to this grid after each step, so that repeated pro-rata fills do not grow their denominators
/// without bound; the error, far below one unit of 2^-60 per step, is inside the slack each step adds.
pub fn snap(x: &Q) -> Q {
    let grid: BigInt = BigInt::from(1u8) << 90usize;
    Q::new(
        (x * Q::from_integer(grid.clone())).floor().to_integer(),
        grid,
    )
}

/// `x` rounded up to the same grid (for bounds).
pub fn snap_up(x: &Q) -> Q {
    let grid: BigInt = BigInt::from(1u8) << 90usize;
    Q::new(
        (x * Q::from_integer(grid.clone())).ceil().to_integer(),
        grid,
    )
}

pub fn ulps(n: u64) -> Q {
    Q::new(BigInt::from(n), BigInt::from(1u128 << 60))
}

pub fn floor_u64(x: &Q) -> u64 {
    let f = x.floor().to_integer();
    u64::try_from(f).unwrap_or(if x.is_negative() { 0 } else { u64::MAX })
}

pub fn ceil_u64(x: &Q) -> u64 {
    let c = x.ceil().to_integer();
    u64::try_from(c).unwrap_or(if x.is_negative() { 0 } else { u64::MAX })
}

pub fn pow10(d: u8) -> Q {
    q(BigInt::from(10u32).pow(u32::from(d)))
}

/// Value of `amount` native units of a `decimals` token at `price` (10^-8 units per whole token), exact.
pub fn value(amount: u64, decimals: u8, price: i64) -> Q {
    q(amount) * q(price) / pow10(decimals) / q(100_000_000u64)
}

/// One depositor's open redemption request in the model: its exact unfilled shares and earned payout.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub unfilled: Q,
    pub payout: Q,
    /// Fills the request went through: each can round the program's figures by one share (settling floors the
    /// shares still queued) and one native unit.
    pub fills: u64,
    /// The highest price per share of the fills it went through.
    pub max_price: Q,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub nav: [Q; 3],
    pub written_down: [Q; 3],
    pub fees: Q,
    /// The bound on |chain − model| of every tranche's NAV and write-down and of the fees (see the module doc).
    pub slack: Q,
    /// Dead shares of each tranche (locked at its first deposit).
    pub dead: [u64; 3],
    pub supply: [u64; 3],
    pub escrow: [u64; 3],
    pub queued: [u64; 3],
    /// Token balances: per actor, quote / tranche tokens / collateral.
    pub quote: Vec<u64>,
    pub shares: Vec<[u64; 3]>,
    pub collateral: Vec<[u64; 3]>,
    /// Per actor and tranche, the open request.
    pub requests: Vec<[Option<Request>; 3]>,
    /// Per borrower, the collateral in its position, by asset.
    pub entries: Vec<[u64; 3]>,
    pub liquidity_tokens: u64,
    pub custody: [u64; 3],
    /// Minted by the faucet: quote, and each collateral mint.
    pub quote_minted: u64,
    pub collateral_minted: [u64; 3],
    pub junior_funded: bool,
    /// Per depositor: the quote put in (the faucet), the income the waterfall gave its holdings (pro rata of the
    /// tranche's effective supply at each accrual), and an allowance for the rounding that favours holders: each
    /// deposit or fill in a tranche it holds leaves up to one share's worth in the NAV of those who stay.
    pub funded: Vec<Q>,
    pub earned: Vec<Q>,
    pub allowance: Vec<Q>,
}

impl Model {
    pub fn new(actors: usize, borrowers: usize) -> Model {
        Model {
            nav: Default::default(),
            written_down: Default::default(),
            fees: Q::zero(),
            slack: Q::zero(),
            dead: [0; 3],
            supply: [0; 3],
            escrow: [0; 3],
            queued: [0; 3],
            quote: vec![0; actors],
            shares: vec![[0; 3]; actors],
            collateral: vec![[0; 3]; actors],
            requests: vec![Default::default(); actors],
            entries: vec![[0; 3]; borrowers],
            liquidity_tokens: 0,
            custody: [0; 3],
            quote_minted: 0,
            collateral_minted: [0; 3],
            junior_funded: false,
            funded: vec![Q::zero(); actors],
            earned: vec![Q::zero(); actors],
            allowance: vec![Q::zero(); actors],
        }
    }

    /// Shares a deposit of `amount` mints, from the README: ⌊amount · (supply + dead) / ⌈NAV⌉⌋, the first
    /// deposit less `DEAD_SHARES`. `nav_chain` is the program's NAV before (the rounding input the formula names).
    pub fn deposit_shares(
        &self,
        t: usize,
        amount: u64,
        nav_chain_bits: u128,
        dead_shares: u64,
    ) -> u64 {
        if self.dead[t] == 0 {
            return amount.saturating_sub(dead_shares);
        }
        let nav_ceil = sf(nav_chain_bits).ceil();
        if nav_ceil.is_zero() {
            return 0;
        }
        floor_u64(&(q(amount) * q(self.supply[t] + self.dead[t]) / nav_ceil))
    }

    /// Tranche tokens `actor` owns in tranche `t`: held, plus the unfilled part of its request (still in the supply).
    pub fn holding(&self, actor: usize, t: usize) -> Q {
        let queued = self.requests[actor][t]
            .as_ref()
            .map_or(Q::zero(), |r| r.unfilled.clone());
        q(self.shares[actor][t]) + queued
    }

    /// A tranche token's value at the model's NAV.
    pub fn price(&self, t: usize) -> Q {
        let eff = self.supply[t] + self.dead[t];
        if eff == 0 {
            return Q::zero();
        }
        &self.nav[t] / q(eff)
    }

    /// What `actor` owns at the model's books: its quote, its tranche tokens (held and queued) at their price, and
    /// the payouts its requests earned.
    pub fn value(&self, actor: usize) -> Q {
        let mut v = q(self.quote[actor]);
        for t in 0..3 {
            v += self.holding(actor, t) * self.price(t);
            if let Some(r) = &self.requests[actor][t] {
                v += &r.payout;
            }
        }
        v
    }

    /// A rounding event in tranche `t` (a deposit or a fill): every holder may gain up to one share's worth.
    fn rounding_in(&mut self, t: usize) {
        let price = self.price(t);
        for a in 0..self.allowance.len() {
            if self.holding(a, t) > Q::zero() {
                self.allowance[a] = snap_up(&(&self.allowance[a] + &price + q(1u8)));
            }
        }
    }

    /// Books a deposit that minted `shares` (the model's own figure).
    pub fn deposit(&mut self, actor: usize, t: usize, amount: u64, shares: u64, dead_shares: u64) {
        if self.dead[t] == 0 {
            self.dead[t] = dead_shares;
            if t == 2 {
                self.junior_funded = true;
            }
        }
        self.rounding_in(t);
        self.quote[actor] -= amount;
        self.liquidity_tokens += amount;
        self.shares[actor][t] += shares;
        self.supply[t] += shares;
        self.nav[t] += q(amount);
    }

    /// Books an accrual of `income` over `dt` seconds on the model's own books; returns its split.
    pub fn accrue(&mut self, income: &Q, dt: u64, fee_bps: u16, apr_bps: [u16; 2]) -> ([Q; 3], Q) {
        let (to, fee, recovered) = split_income(
            income,
            dt,
            fee_bps,
            apr_bps,
            &self.nav,
            &self.written_down,
            self.junior_funded,
        );
        for t in 0..3 {
            let eff = self.supply[t] + self.dead[t];
            if eff > 0 {
                for a in 0..self.earned.len() {
                    let part = &to[t] * self.holding(a, t) / q(eff);
                    self.earned[a] = snap_up(&(&self.earned[a] + part));
                }
            }
            self.nav[t] = snap(&(&self.nav[t] + &to[t]));
            self.written_down[t] = snap(&(&self.written_down[t] - &recovered[t]));
        }
        self.fees = snap(&(&self.fees + &fee));
        // A tranche's target is proportional to its NAV: an error e in NAV becomes e · (1 + apr · dt / year), and
        // junior's residual takes the others' errors; each split adds a few roundings.
        let r = q(u64::from(apr_bps[0].max(apr_bps[1]))) * q(dt) / q(10_000u64 * 31_536_000);
        self.slack = snap_up(&(&self.slack * (one() + r * q(2u8)) + ulps(16)));
        (to, fee)
    }

    /// A loss written off: junior, then mezzanine, then senior, then the fees.
    pub fn loss(&mut self, loss: &Q) -> [Q; 3] {
        let mut rest = loss.clone();
        let mut out: [Q; 3] = Default::default();
        for t in [2, 1, 0] {
            let part = if self.nav[t] < rest {
                self.nav[t].clone()
            } else {
                rest.clone()
            };
            rest -= &part;
            self.nav[t] = snap(&(&self.nav[t] - &part));
            self.written_down[t] = snap(&(&self.written_down[t] + &part));
            out[t] = part;
        }
        let from_fees = if self.fees < rest {
            self.fees.clone()
        } else {
            rest.clone()
        };
        self.fees = snap(&(&self.fees - &from_fees));
        self.slack += ulps(8);
        out
    }

    /// A close that filled `filled` of tranche `t`'s queued shares: the exact payout is the filled shares at the
    /// tranche's price, NAV / (supply + dead); each open request is filled pro rata.
    pub fn fill(&mut self, t: usize, filled: u64) -> Q {
        self.rounding_in(t);
        let eff = q(self.supply[t] + self.dead[t]);
        let payout = q(filled) * &self.nav[t] / &eff;
        let queued = self.queued[t];
        if queued > 0 {
            let frac = Q::new(BigInt::from(filled), BigInt::from(queued));
            for r in self.requests.iter_mut().filter_map(|r| r[t].as_mut()) {
                let part = &r.unfilled * &frac;
                r.payout = snap(&(&r.payout + &part * &self.nav[t] / &eff));
                r.unfilled = snap(&(&r.unfilled - part));
                r.fills += 1;
                let price = &self.nav[t] / &eff;
                if price > r.max_price {
                    r.max_price = snap_up(&price);
                }
            }
        }
        self.nav[t] = snap(&(&self.nav[t] - &payout));
        self.slack += ulps(4);
        self.supply[t] -= filled;
        self.escrow[t] -= filled;
        self.queued[t] -= filled;
        payout
    }

    /// Whether `x` (chain) is within the slack of `m` (model).
    pub fn close(x: &Q, m: &Q, slack: &Q) -> bool {
        (x - m).abs() <= *slack
    }
}

/// The income waterfall on `income` over `dt` seconds, exactly, from the README: the fee (fee_bps of it), senior
/// then mezzanine up to their target APR on their NAV, write-downs restored senior first, junior the residual (or
/// the fee, while junior has never been funded). Returns (each tranche's part, the fee, the recovered parts).
pub fn split_income(
    income: &Q,
    dt: u64,
    fee_bps: u16,
    apr_bps: [u16; 2],
    nav: &[Q; 3],
    written_down: &[Q; 3],
    junior_funded: bool,
) -> ([Q; 3], Q, [Q; 3]) {
    let mut fee = income * q(fee_bps) / q(10_000u64);
    let mut rest = income - &fee;
    let mut to: [Q; 3] = Default::default();
    let mut recovered: [Q; 3] = Default::default();
    for t in 0..2 {
        let target = &nav[t] * q(apr_bps[t]) * q(dt) / q(10_000u64 * 31_536_000);
        let paid = if target < rest { target } else { rest.clone() };
        rest -= &paid;
        to[t] = paid;
    }
    for t in 0..3 {
        let r = if written_down[t] < rest {
            written_down[t].clone()
        } else {
            rest.clone()
        };
        rest -= &r;
        to[t] += &r;
        recovered[t] = r;
    }
    if junior_funded {
        to[2] += rest;
    } else {
        fee += rest;
    }
    (to, fee, recovered)
}

/// A position's health inputs at the published prices, exactly.
pub struct Health {
    /// Σ value at spot − confidence.
    pub collateral: Q,
    pub borrow_power: Q,
    pub liquidation_power: Q,
    /// The debt at the quote's spot + confidence.
    pub debt_value: Q,
}

impl Health {
    pub fn liquidatable(&self) -> bool {
        self.liquidation_power < self.debt_value
    }

    /// Liquidatable with a margin of `bps` beyond the program's rounding.
    pub fn clearly_liquidatable(&self, bps: u64) -> bool {
        &self.liquidation_power * q(10_000 + bps) < &self.debt_value * q(10_000u64)
    }

    pub fn within_ltv(&self) -> bool {
        self.debt_value <= self.borrow_power
    }
}

pub fn bps(x: u16) -> Q {
    Q::new(BigInt::from(x), BigInt::from(10_000u32))
}

pub fn one() -> Q {
    Q::one()
}
