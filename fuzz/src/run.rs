//! Running actions: each is sent as a real transaction, the model is advanced from its semantics and the
//! program's events, and every check runs after it.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anchor_lang::prelude::Pubkey;
use num_traits::Zero;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use tranche_vault::constants::DEAD_SHARES;
use tranche_vault::events::*;
use tranche_vault::oracle::UNSEIZED_ENTRY_MAX_AGE_SECS;
use tranche_vault::state::{
    CollateralAsset, ConfigChange, Position, Proposal, RedemptionRequest, Tranche, Vault,
};
use tranche_vault::{CapTarget, DepositArgs, LiquidateArgs};

use crate::actions::{generate, Action, PriceMove, View};
use crate::chain::{Failure, Outcome};
use crate::model::{self, bps, floor_u64, q, sf, ulps, value, Health, Model, Q};
use crate::world::*;

#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    pub actions: u64,
    /// Actions per world: after this many, a fresh world (and the same random stream) goes on, so that a run
    /// explores young vaults as well as old ones (a wiped-out junior tranche, for one, stays wiped out).
    pub episode: u64,
    /// Stop generating after this long (the actions done so far are reported).
    pub time_limit: Option<Duration>,
}

/// Actions per world unless a run says otherwise.
pub const EPISODE: u64 = 10_000;

#[derive(Clone, Debug)]
pub struct Violation {
    /// Index of the failing action in the sequence.
    pub step: usize,
    pub check: String,
    pub detail: String,
}

#[derive(Default, Debug, Clone)]
pub struct Report {
    pub actions: u64,
    pub transactions: u64,
    pub by_kind: BTreeMap<&'static str, (u64, u64)>,
    pub refusals: BTreeMap<String, u64>,
    pub checks: u64,
    pub elapsed: Duration,
    pub violation: Option<Violation>,
    /// The actions of the last world (the failing one, after a violation), for replay and shrinking.
    pub history: Vec<Action>,
    /// Worlds set up.
    pub worlds: u64,
}

impl Report {
    /// Adds another run's counts to this one (its violation and history too, if this has none).
    pub fn absorb(&mut self, other: Report) {
        self.actions += other.actions;
        self.transactions += other.transactions;
        self.checks += other.checks;
        self.worlds += other.worlds;
        for (k, (n, refused)) in other.by_kind {
            let e = self.by_kind.entry(k).or_default();
            e.0 += n;
            e.1 += refused;
        }
        for (k, n) in other.refusals {
            *self.refusals.entry(k).or_default() += n;
        }
        if self.violation.is_none() && other.violation.is_some() {
            self.violation = other.violation;
            self.history = other.history;
        }
    }
}

/// The program's error names by code (from the committed IDL) and the token programs' few named errors.
fn error_name(program: &Pubkey, code: u32) -> Option<String> {
    static IDL: &str = include_str!("../../idl/tranche_vault.json");
    if *program == tranche_vault::ID {
        if code >= 6000 {
            static ERRORS: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
            let idl = ERRORS.get_or_init(|| serde_json::from_str(IDL).unwrap_or_default());
            return idl["errors"].as_array()?.iter().find_map(|e| {
                (e["code"].as_u64()? == u64::from(code))
                    .then(|| e["name"].as_str().map(str::to_string))?
            });
        }
        // Anchor's own: account constraints and checks.
        let name = match code {
            2006 => "ConstraintSeeds".to_string(),
            3007 => "AccountOwnedByWrongProgram".to_string(),
            3012 => "AccountNotInitialized".to_string(),
            c if (100..6000).contains(&c) => format!("Anchor{c}"),
            _ => return None,
        };
        return Some(format!("Anchor::{name}"));
    }
    let token = anchor_spl::token::spl_token::ID;
    let token22 = tranche_vault::constants::TRANCHE_TOKEN_PROGRAM;
    if *program == token || *program == token22 {
        let name = match code {
            1 => "InsufficientFunds",
            4 => "OwnerMismatch",
            17 => "AccountFrozen",
            _ => return None,
        };
        return Some(format!("Token::{name}"));
    }
    None
}

pub struct Fuzzer {
    pub w: World,
    pub m: Model,
    pub report: Report,
    step: usize,
    /// Each proposal's ETA and change, from its event.
    proposals: BTreeMap<u64, (i64, ConfigChange)>,
    /// The health a liquidation found before it ran (the model's, at the prices it read).
    pre_health: Option<Health>,
    /// The scaled debt of the position a liquidation found before it ran.
    pre_scaled: u128,
    /// The request a claim found before it ran.
    pre_request: Option<RedemptionRequest>,
}

type Check = Result<(), Violation>;

impl Fuzzer {
    pub fn new(program: &[u8]) -> anyhow::Result<Fuzzer> {
        let mut f = Fuzzer {
            w: World::new(program)?,
            m: Model::new(ACTORS, BORROWERS),
            report: Report::default(),
            step: 0,
            proposals: BTreeMap::new(),
            pre_health: None,
            pre_request: None,
            pre_scaled: 0,
        };
        // Initial funding through the faucet, booked in the model.
        let mut fund = vec![];
        for d in 0..DEPOSITORS {
            fund.push((d, 3, 5_000_000 * ONE));
        }
        for b in 0..BORROWERS {
            fund.push((DEPOSITORS + b, 0, 10_000 * 1_000_000_000));
            fund.push((DEPOSITORS + b, 1, 2 * 10u64.pow(18)));
            fund.push((DEPOSITORS + b, 2, 1_000_000 * ONE));
            fund.push((DEPOSITORS + b, 3, 50_000 * ONE));
        }
        fund.push((LIQUIDATOR, 3, 1_000_000_000 * ONE));
        for (actor, what, amount) in fund {
            f.faucet(actor, what, amount)?;
        }
        Ok(f)
    }

    fn faucet(&mut self, actor: usize, what: usize, amount: u64) -> anyhow::Result<bool> {
        let (mint, to) = if what == 3 {
            (self.w.addrs.quote_mint, self.w.actors[actor].quote)
        } else {
            (
                self.w.assets[what].addrs.mint,
                self.w.actors[actor].collateral[what],
            )
        };
        let supply = self.w.chain.supply(&mint);
        if supply.checked_add(amount).is_none_or(|s| s > u64::MAX / 2) {
            return Ok(false);
        }
        self.w.chain.mint_to(mint, to, amount)?;
        if what == 3 {
            self.m.quote[actor] += amount;
            self.m.quote_minted += amount;
            self.m.funded[actor] += q(amount);
        } else {
            self.m.collateral[actor][what] += amount;
            self.m.collateral_minted[what] += amount;
        }
        Ok(true)
    }

    fn violation(&self, check: &str, detail: String) -> Violation {
        Violation {
            step: self.step,
            check: check.to_string(),
            detail,
        }
    }

    fn vault(&self) -> Result<Vault, Violation> {
        self.w
            .vault()
            .map_err(|e| self.violation("vault readable", e.to_string()))
    }

    fn position(&self, b: usize) -> Result<Position, Violation> {
        self.w
            .chain
            .anchor::<Position>(&self.w.positions[b])
            .ok_or_else(|| self.violation("position readable", format!("borrower {b}")))
    }

    fn asset(&self, a: usize) -> Result<CollateralAsset, Violation> {
        self.w
            .chain
            .anchor::<CollateralAsset>(&self.w.assets[a].addrs.asset)
            .ok_or_else(|| self.violation("asset readable", format!("asset {a}")))
    }

    fn request(&self, actor: usize, t: usize) -> Option<RedemptionRequest> {
        self.w
            .chain
            .anchor::<RedemptionRequest>(&self.w.requests[actor][t])
    }

    /// A position's debt in native units, rounded up, at the vault's index.
    fn debt(&self, v: &Vault, b: usize) -> Result<u64, Violation> {
        let p = self.position(b)?;
        p.debt_native(v.borrow_index_sf.get())
            .map_err(|e| self.violation("debt computes", format!("{e:?}")))
    }

    /// Whether a feed's price passes every check of its setting now (strict: as a borrow reads it).
    fn usable(&self, feed: &Feed, max_age: u32, max_conf_bps: u16) -> bool {
        let now = self.w.chain.now();
        feed.verified
            && feed.price > 0
            && now.saturating_sub(feed.publish_time) <= i64::from(max_age)
            && u128::from(feed.conf) * 10_000
                <= u128::from(feed.price.unsigned_abs()) * u128::from(max_conf_bps)
    }

    fn quote_usable(&self, v: &Vault) -> bool {
        self.usable(
            &self.w.quote,
            v.quote_oracle.max_age_secs,
            v.quote_oracle.max_conf_bps,
        )
    }

    /// Borrower `b`'s health at the published prices, exactly. `lenient` (liquidation, for every entry but the
    /// seized one): an entry's price up to a day old and of any confidence counts; beyond that the entry is 0.
    /// Strict: `None` if any entry's price is unusable.
    fn health(
        &self,
        v: &Vault,
        b: usize,
        lenient_except: Option<usize>,
    ) -> Result<Option<Health>, Violation> {
        let p = self.position(b)?;
        let debt = p
            .debt_native(v.borrow_index_sf.get())
            .map_err(|e| self.violation("debt computes", format!("{e:?}")))?;
        let qf = &self.w.quote;
        let mut h = Health {
            collateral: Q::zero(),
            borrow_power: Q::zero(),
            liquidation_power: Q::zero(),
            debt_value: value(
                debt,
                v.quote_decimals,
                qf.price.saturating_add(qf.conf as i64),
            ),
        };
        for e in p.active() {
            let Some(a) = self.w.assets.iter().position(|x| x.addrs.asset == e.asset) else {
                return Err(self.violation("entries are listed assets", format!("{}", e.asset)));
            };
            let asset = self.asset(a)?;
            let f = &self.w.assets[a].feed;
            let strict = self.usable(f, asset.oracle.max_age_secs, asset.oracle.max_conf_bps);
            let lenient_ok = f.verified
                && f.price > 0
                && self.w.chain.now().saturating_sub(f.publish_time)
                    <= i64::from(UNSEIZED_ENTRY_MAX_AGE_SECS.max(asset.oracle.max_age_secs));
            let counted = match lenient_except {
                Some(seized) if seized != a => lenient_ok,
                _ => strict,
            };
            if !counted {
                if lenient_except.is_some_and(|s| s != a) {
                    continue;
                }
                return Ok(None);
            }
            let low = f.price.saturating_sub(f.conf as i64).max(0);
            let val = value(e.amount, asset.decimals, low);
            h.borrow_power += &val * bps(asset.max_ltv_bps);
            h.liquidation_power += &val * bps(asset.liquidation_threshold_bps);
            h.collateral += val;
        }
        Ok(Some(h))
    }

    /// The most a borrower could borrow at the model's prices (a target for the generator, not a prediction).
    fn max_borrow(&self, v: &Vault, b: usize) -> u64 {
        let Ok(Some(h)) = self.health(v, b, None) else {
            return 0;
        };
        let room = &h.borrow_power - &h.debt_value;
        if room <= Q::zero() {
            return 0;
        }
        let qf = &self.w.quote;
        let per_unit = value(1, v.quote_decimals, qf.price.saturating_add(qf.conf as i64));
        floor_u64(&(room / per_unit))
    }

    pub fn view(&self) -> Result<View, Violation> {
        let v = self.vault()?;
        let mut debts = vec![];
        let mut max_borrow = vec![];
        let mut liquidatable = vec![];
        for b in 0..BORROWERS {
            debts.push(self.debt(&v, b)?);
            max_borrow.push(self.max_borrow(&v, b));
            let liq = (0..3).any(|a| {
                self.m.entries[b][a] > 0
                    && matches!(self.health(&v, b, Some(a)), Ok(Some(h)) if h.liquidatable())
            });
            liquidatable.push(liq);
        }
        Ok(View {
            quote: self.m.quote.clone(),
            shares: self.m.shares.clone(),
            collateral: self.m.collateral.clone(),
            entries: self.m.entries.clone(),
            debts,
            max_borrow,
            liquidatable,
            next_proposal_id: v.next_proposal_id,
            first_valid_proposal_id: v.first_valid_proposal_id,
            pending: self
                .proposals
                .keys()
                .copied()
                .filter(|&id| id >= v.first_valid_proposal_id)
                .collect(),
        })
    }

    fn pricing(&self, b: usize) -> Result<Vec<Pubkey>, Violation> {
        let p = self.position(b)?;
        let mut out = vec![];
        for e in p.active() {
            let a = self
                .w
                .assets
                .iter()
                .find(|x| x.addrs.asset == e.asset)
                .ok_or_else(|| {
                    self.violation("entries are listed assets", format!("{}", e.asset))
                })?;
            out.push(e.asset);
            out.push(a.feed.account);
        }
        Ok(out)
    }

    /// Runs one action: sends it, advances the model, checks everything. `Ok(false)` when it was refused.
    pub fn apply(&mut self, action: &Action) -> Result<bool, Violation> {
        let v0 = self.vault()?;
        let payer = self.w.chain.payer;
        let a = &self.w.addrs;
        let actor = |i: usize| self.w.actors[i];
        // What must succeed (liveness), and why.
        let mut must: Option<String> = None;
        let ix = match *action {
            Action::Deposit {
                actor: d,
                tranche,
                amount,
            } => {
                let u = actor(d);
                let args = DepositArgs {
                    tranche: Tranche::ALL[tranche],
                    amount,
                    min_shares: 0,
                };
                a.deposit(u.key, u.quote, u.shares[tranche], args)
            }
            Action::Request {
                actor: d,
                tranche,
                shares,
            } => {
                let u = actor(d);
                a.request_redeem(u.key, u.shares[tranche], Tranche::ALL[tranche], shares)
            }
            Action::Cancel { actor: d, tranche } => {
                let u = actor(d);
                a.cancel_redeem(u.key, u.shares[tranche], Tranche::ALL[tranche])
            }
            Action::Claim { actor: d, tranche } => {
                self.pre_request = self.request(d, tranche);
                let u = actor(d);
                let t = Tranche::ALL[tranche];
                let record = self.request(d, tranche).and_then(|r| {
                    (r.generation < v0.tranches[tranche].queue_generation)
                        .then(|| tranche_vault::pda::generation(&a.vault, t, r.generation).0)
                });
                if let Some(r) = &self.m.requests[d][tranche] {
                    if r.payout >= q(2 + r.fills) {
                        must = Some(format!(
                            "a filled request (model payout {}) can be claimed",
                            r.payout
                        ));
                    }
                }
                a.claim_redeem(u.key, u.quote, t, record)
            }
            Action::DepositCollateral {
                borrower,
                asset,
                amount,
            } => {
                let u = actor(DEPOSITORS + borrower);
                a.deposit_collateral(
                    u.key,
                    self.w.positions[borrower],
                    &self.w.assets[asset].addrs,
                    u.collateral[asset],
                    amount,
                )
            }
            Action::Withdraw {
                borrower,
                asset,
                amount,
            } => {
                let u = actor(DEPOSITORS + borrower);
                let pricing = self.pricing(borrower)?;
                a.withdraw_collateral(
                    u.key,
                    self.w.positions[borrower],
                    &self.w.assets[asset].addrs,
                    u.collateral[asset],
                    self.w.quote.account,
                    &pricing,
                    amount,
                )
            }
            Action::Borrow { borrower, amount }
            | Action::RoguePrice {
                borrower, amount, ..
            } => {
                let u = actor(DEPOSITORS + borrower);
                let mut pricing = self.pricing(borrower)?;
                if let Action::RoguePrice { asset, .. } = *action {
                    // The attacker's own account: a valid, verified update of the same feed at 100× the price.
                    let f = self.w.assets[asset].feed;
                    let rogue = Feed {
                        account: self.w.rogue_oracle,
                        price: f.reference.saturating_mul(100),
                        publish_time: self.w.chain.now(),
                        verified: true,
                        ..f
                    };
                    self.w.write_feed(&rogue);
                    for k in (1..pricing.len()).step_by(2) {
                        if pricing[k] == f.account {
                            pricing[k] = self.w.rogue_oracle;
                        }
                    }
                }
                let a = &self.w.addrs;
                a.borrow(
                    u.key,
                    self.w.positions[borrower],
                    u.quote,
                    self.w.quote.account,
                    &pricing,
                    amount,
                )
            }
            Action::Repay {
                borrower,
                payer: p,
                amount,
            } => {
                let debt = self.debt(&v0, borrower)?;
                if amount > 0 && amount <= debt && amount <= self.m.quote[p] {
                    must = Some(format!(
                        "repay {amount} of a debt of {debt} by a payer holding {}",
                        self.m.quote[p]
                    ));
                }
                let u = actor(p);
                a.repay(u.key, self.w.positions[borrower], u.quote, amount)
            }
            Action::Liquidate {
                borrower,
                asset,
                max_repay,
            } => {
                self.pre_health = self.health(&v0, borrower, Some(asset))?;
                self.pre_scaled = self.position(borrower)?.scaled_debt_sf;
                let debt = self.debt(&v0, borrower)?;
                let asset_state = self.asset(asset)?;
                let f = self.w.assets[asset].feed;
                if max_repay > 0
                    && self.m.entries[borrower][asset] > 0
                    && self.quote_usable(&v0)
                    && self.usable(
                        &f,
                        asset_state.oracle.max_age_secs,
                        asset_state.oracle.max_conf_bps,
                    )
                    && self.m.quote[LIQUIDATOR] >= debt
                {
                    if let Some(h) = self.health(&v0, borrower, Some(asset))? {
                        // The program values collateral rounded down and debt rounded up: clearly below 1.
                        if h.clearly_liquidatable(5) {
                            must = Some(format!(
                                "a liquidatable position (liquidation power {} < debt {}) can be liquidated",
                                h.liquidation_power, h.debt_value
                            ));
                        }
                    }
                }
                let u = actor(LIQUIDATOR);
                let pricing = self.pricing(borrower)?;
                let a = &self.w.addrs;
                a.liquidate(
                    u.key,
                    self.w.positions[borrower],
                    u.quote,
                    &self.w.assets[asset].addrs,
                    u.collateral[asset],
                    self.w.quote.account,
                    &pricing,
                    LiquidateArgs {
                        max_repay,
                        min_seize: 0,
                    },
                )
            }
            Action::Accrue => a.accrue(),
            Action::CloseEpoch => {
                let gens = [0, 1, 2].map(|t| v0.tranches[t].queue_generation);
                a.close_epoch(payer, gens)
            }
            Action::Price { feed, mv } => {
                self.move_price(feed, mv);
                return self.after(action, None, &v0).map(|()| true);
            }
            Action::Warp { secs } => {
                self.w.warp(secs);
                // Feeds keep publishing while time passes, unless frozen.
                self.republish();
                return self.after(action, None, &v0).map(|()| true);
            }
            Action::Faucet {
                actor: who,
                what,
                amount,
            } => {
                let ok = self
                    .faucet(who, what, amount)
                    .map_err(|e| self.violation("faucet", e.to_string()))?;
                return self.after(action, None, &v0).map(|()| ok);
            }
            Action::Propose { change, asset } => {
                let auth = self.w.actors[self.w.authority].key;
                let asset = asset.map(|i| self.w.assets[i].addrs.asset);
                a.propose_config(payer, auth, v0.next_proposal_id, change, asset)
            }
            Action::Execute { id } => {
                let prop = a.proposal(id);
                let asset = self
                    .w
                    .chain
                    .anchor::<Proposal>(&prop)
                    .and_then(|p| p.change.0.asset());
                a.execute_config(id, payer, asset)
            }
            Action::CancelProposal { id } => {
                let auth = self.w.actors[self.w.authority].key;
                a.cancel_config(auth, id, payer)
            }
            Action::Pause { by_guardian, flags } => {
                let who = if by_guardian {
                    GUARDIAN
                } else {
                    self.w.authority
                };
                a.set_pause(self.w.actors[who].key, flags)
            }
            Action::LowerCap {
                by_guardian,
                tranche,
                asset,
                cap,
            } => {
                let who = self.w.actors[if by_guardian {
                    GUARDIAN
                } else {
                    self.w.authority
                }]
                .key;
                match (tranche, asset) {
                    (Some(t), _) => {
                        a.lower_cap(who, CapTarget::Tranche(Tranche::ALL[t]), cap, None)
                    }
                    (_, Some(x)) => a.lower_cap(
                        who,
                        CapTarget::Collateral,
                        cap,
                        Some(self.w.assets[x].addrs.asset),
                    ),
                    _ => a.lower_cap(who, CapTarget::Collateral, cap, None),
                }
            }
            Action::HandOver => {
                let from = self.w.actors[self.w.authority].key;
                let next = if self.w.authority == AUTHORITY {
                    SUCCESSOR
                } else {
                    AUTHORITY
                };
                let to = self.w.actors[next].key;
                let out = self
                    .w
                    .chain
                    .send(&[a.propose_authority(from, to), a.accept_authority(to)]);
                if out.ok() {
                    self.w.authority = next;
                }
                return self.after(action, Some(out), &v0).map(|()| true);
            }
        };
        let out = self.w.chain.send(&[ix]);
        if let (Some(why), Err(e)) = (&must, &out.result) {
            return Err(self.violation(
                "liveness",
                format!("{why}, but it failed: {e:?}\n{}", out.logs.join("\n")),
            ));
        }
        let ok = out.ok();
        self.after(action, Some(out), &v0)?;
        Ok(ok)
    }

    /// Republishes every feed that is not frozen at the current time.
    fn republish(&mut self) {
        let now = self.w.chain.now();
        let mut feeds: Vec<Feed> = self.w.assets.iter().map(|a| a.feed).collect();
        feeds.push(self.w.quote);
        for (i, f) in feeds.iter_mut().enumerate() {
            if f.publish_time == i64::MIN {
                continue;
            }
            f.publish_time = now;
            self.set_feed(i, *f);
        }
    }

    fn set_feed(&mut self, i: usize, f: Feed) {
        let written = Feed {
            publish_time: if f.publish_time == i64::MIN {
                self.w.chain.now() - 10 * 86_400
            } else {
                f.publish_time
            },
            ..f
        };
        if i == 3 {
            self.w.quote = f;
        } else {
            self.w.assets[i].feed = f;
        }
        self.w.write_feed(&written);
    }

    fn move_price(&mut self, i: usize, mv: PriceMove) {
        let mut f = if i == 3 {
            self.w.quote
        } else {
            self.w.assets[i].feed
        };
        let now = self.w.chain.now();
        let scale_conf = |f: &mut Feed| f.conf = (f.price / 2_000).max(0) as u64;
        match mv {
            PriceMove::Step(b) => {
                f.price = (i128::from(f.price) * i128::from(10_000 + b) / 10_000)
                    .clamp(1, i128::from(i64::MAX / 4)) as i64;
                scale_conf(&mut f);
                f.publish_time = now;
                f.verified = true;
            }
            PriceMove::Crash(pct) => {
                f.price = (f.price / 100 * i64::from(100 - pct.min(95))).max(1);
                scale_conf(&mut f);
                f.publish_time = now;
                f.verified = true;
            }
            PriceMove::Recover => {
                f.price = f.reference;
                scale_conf(&mut f);
                f.publish_time = now;
                f.verified = true;
            }
            // Frozen: written once more with a publish time ten days back, and left there until published again.
            PriceMove::Freeze => f.publish_time = i64::MIN,
            PriceMove::WideConf(b) => {
                f.conf = (i128::from(f.price) * i128::from(b) / 10_000) as u64;
                f.publish_time = now;
            }
            PriceMove::Unverified => {
                f.verified = false;
                f.publish_time = now;
            }
            PriceMove::Fresh => {
                f.verified = true;
                scale_conf(&mut f);
                f.publish_time = now;
            }
        }
        self.set_feed(i, f);
    }

    /// After an action: the refusal's classification, the model's update from the action and its events, and
    /// every check.
    fn after(&mut self, action: &Action, out: Option<Outcome>, v0: &Vault) -> Check {
        let kind = action.kind();
        let entry = self.report.by_kind.entry(kind).or_default();
        entry.0 += 1;
        if let Some(out) = &out {
            match &out.result {
                Ok(()) => {}
                Err(Failure::Named { program, code }) => {
                    entry.1 += 1;
                    let Some(name) = error_name(program, *code) else {
                        return Err(self.violation(
                            "refusals are named errors",
                            format!(
                                "{kind}: unknown error {code} of {program}\n{}",
                                out.logs.join("\n")
                            ),
                        ));
                    };
                    *self
                        .report
                        .refusals
                        .entry(format!("{name} ({kind})"))
                        .or_default() += 1;
                }
                Err(Failure::Fault(e)) => {
                    return Err(self.violation(
                        "refusals are named errors",
                        format!(
                            "{kind}: {e} (a fault, not a named error)\n{}",
                            out.logs.join("\n")
                        ),
                    ));
                }
            }
            if out.ok() {
                self.book(action, out, v0)?;
            }
        }
        self.check_all()
    }

    /// Advances the model by a successful transaction.
    fn book(&mut self, action: &Action, out: &Outcome, v0: &Vault) -> Check {
        // Every instruction accrues first.
        let mut navs_after_accrual = v0.navs().map(|n| n.to_bits());
        for e in out.events::<InterestAccruedEvent>() {
            let income = sf(e.income_sf);
            let dt = e.dt_secs;
            let apr = [v0.tranches[0].target_apr_bps, v0.tranches[1].target_apr_bps];
            // The split of this accrual from the program's books before it: exact up to the program's roundings.
            let nav = navs_after_accrual.map(sf);
            let wd = [0, 1, 2].map(|t| sf(v0.tranches[t].written_down_sf.get().to_bits()));
            let funded = v0.tranches[2].dead_shares > 0;
            let (to, fee, _) =
                model::split_income(&income, dt, v0.protocol_fee_bps, apr, &nav, &wd, funded);
            for t in 0..3 {
                if !Model::close(&sf(e.to_tranche_sf[t]), &to[t], &ulps(8)) {
                    return Err(self.violation(
                        "income waterfall",
                        format!(
                            "tranche {t}: chain {} exact {}",
                            sf(e.to_tranche_sf[t]),
                            to[t]
                        ),
                    ));
                }
            }
            if sf(e.fee_sf) + ulps(8) < fee {
                return Err(self.violation(
                    "income waterfall",
                    format!(
                        "fee below the exact fee: chain {} exact {fee}",
                        sf(e.fee_sf)
                    ),
                ));
            }
            self.m.accrue(&income, dt, v0.protocol_fee_bps, apr);
            navs_after_accrual = e.nav_after_sf;
        }
        match *action {
            Action::Deposit {
                actor,
                tranche,
                amount,
            } => {
                let Some(e) = out.events::<DepositEvent>().pop() else {
                    return Err(self.violation("events", "deposit without DepositEvent".into()));
                };
                let expect = self.m.deposit_shares(
                    tranche,
                    amount,
                    navs_after_accrual[tranche],
                    DEAD_SHARES,
                );
                if e.shares != expect {
                    return Err(self.violation("shares minted", format!("tranche {tranche}: {amount} minted {} shares, the README's formula {expect}", e.shares)));
                }
                self.m
                    .deposit(actor, tranche, amount, e.shares, DEAD_SHARES);
            }
            Action::Request {
                actor,
                tranche,
                shares,
            } => {
                self.m.shares[actor][tranche] -= shares;
                self.m.escrow[tranche] += shares;
                self.m.queued[tranche] += shares;
                let r = self.m.requests[actor][tranche].get_or_insert_with(Default::default);
                r.unfilled += q(shares);
            }
            Action::Cancel { actor, tranche } => {
                let Some(e) = out.events::<RedemptionCancelledEvent>().pop() else {
                    return Err(
                        self.violation("events", "cancel without RedemptionCancelledEvent".into())
                    );
                };
                let Some(r) = self.m.requests[actor][tranche].clone() else {
                    return Err(self.violation(
                        "model",
                        "cancel of a request the model does not know".into(),
                    ));
                };
                let exact = r.unfilled.clone();
                if q(e.shares) > exact || q(e.shares) + q(1 + r.fills) < exact {
                    return Err(self.violation(
                        "returned shares",
                        format!("cancel returned {} of an exact {exact}", e.shares),
                    ));
                }
                if let Some(r) = self.m.requests[actor][tranche].as_mut() {
                    r.unfilled = Q::zero();
                }
                self.m.shares[actor][tranche] += e.shares;
                self.m.escrow[tranche] -= e.shares;
                self.m.queued[tranche] -= e.shares;
            }
            Action::Claim { actor, tranche } => {
                let Some(e) = out.events::<RedemptionClaimedEvent>().pop() else {
                    return Err(
                        self.violation("events", "claim without RedemptionClaimedEvent".into())
                    );
                };
                let Some(r) = self.m.requests[actor][tranche].clone() else {
                    return Err(self
                        .violation("model", "claim of a request the model does not know".into()));
                };
                // A claim settles at most one generation: it may pay part of what the request earned, never more.
                // Once the request is settled up to the tranche's current generation, all of it is paid, less
                // the roundings: per fill it went through and one more, a share at the fills' price and a unit.
                let settled = self.request(actor, tranche).is_none_or(|c| {
                    c.generation
                        == self
                            .vault()
                            .map_or(u64::MAX, |v| v.tranches[tranche].queue_generation)
                });
                let left = &r.payout - q(e.amount);
                let bound = q(2 + r.fills) * (q(1u8) + &r.max_price);
                if left < -(ulps(1) * q(1 + r.fills)) || (settled && left > bound) {
                    return Err(self.violation(
                        "claim payout",
                        format!(
                            "claim paid {} of an exact {} (request settled to the current generation: {settled}); \
                             model request {r:?}; chain request before {:?}; event {e:?}",
                            e.amount, r.payout, self.pre_request
                        ),
                    ));
                }
                if e.closed {
                    self.m.requests[actor][tranche] = None;
                } else if let Some(r) = self.m.requests[actor][tranche].as_mut() {
                    r.payout = if settled {
                        Q::zero()
                    } else {
                        left.max(Q::zero())
                    };
                }
                self.m.quote[actor] += e.amount;
                self.m.liquidity_tokens -= e.amount;
            }
            Action::CloseEpoch => {
                let Some(e) = out.events::<EpochClosedEvent>().pop() else {
                    return Err(self.violation("events", "close without EpochClosedEvent".into()));
                };
                for t in 0..3 {
                    let fill = e.fills[t];
                    if fill.filled == 0 {
                        continue;
                    }
                    if fill.filled > self.m.queued[t] {
                        return Err(self.violation(
                            "fills",
                            format!(
                                "tranche {t} filled {} of {} queued",
                                fill.filled, self.m.queued[t]
                            ),
                        ));
                    }
                    // At the chain's own price, the payout is floored (favours the pool).
                    let eff = q(self.m.supply[t] + self.m.dead[t]);
                    let at_chain = q(fill.filled) * sf(navs_after_accrual[t]) / &eff;
                    let slack = self.m.slack.clone();
                    let exact = self.m.fill(t, fill.filled);
                    if sf(fill.payout_sf) > at_chain
                        || !Model::close(&sf(fill.payout_sf), &exact, &(slack + ulps(4)))
                    {
                        return Err(self.violation("fill payout", format!("tranche {t}: payout {} for {} shares; exact at the chain's price {at_chain}, model {exact}", sf(fill.payout_sf), fill.filled)));
                    }
                    navs_after_accrual[t] = fill.nav_after_sf;
                }
            }
            Action::DepositCollateral {
                borrower,
                asset,
                amount,
            } => {
                self.m.collateral[DEPOSITORS + borrower][asset] -= amount;
                self.m.entries[borrower][asset] += amount;
                self.m.custody[asset] += amount;
            }
            Action::Withdraw {
                borrower,
                asset,
                amount,
            } => {
                self.m.collateral[DEPOSITORS + borrower][asset] += amount;
                self.m.entries[borrower][asset] -= amount;
                self.m.custody[asset] -= amount;
                self.check_ltv(borrower, "withdraw")?;
            }
            Action::Borrow { borrower, amount }
            | Action::RoguePrice {
                borrower, amount, ..
            } => {
                self.m.quote[DEPOSITORS + borrower] += amount;
                self.m.liquidity_tokens -= amount;
                self.check_ltv(borrower, action.kind())?;
            }
            Action::Repay { payer, amount, .. } => {
                self.m.quote[payer] -= amount;
                self.m.liquidity_tokens += amount;
            }
            Action::Liquidate {
                borrower, asset, ..
            } => {
                let Some(e) = out.events::<PositionLiquidatedEvent>().pop() else {
                    return Err(self.violation(
                        "events",
                        "liquidation without PositionLiquidatedEvent".into(),
                    ));
                };
                if let Some(mut h) = self.pre_health.take() {
                    // The debt as the liquidation saw it: at the index its own accrual reached, rounded up.
                    let index = out
                        .events::<InterestAccruedEvent>()
                        .pop()
                        .map_or(v0.borrow_index_sf.get().to_bits(), |e| e.borrow_index_sf);
                    let debt = model::ceil_u64(&(sf(self.pre_scaled) * sf(index)));
                    let qf = &self.w.quote;
                    h.debt_value = value(
                        debt,
                        v0.quote_decimals,
                        qf.price.saturating_add(qf.conf as i64),
                    );
                    // Allowed only below 1 (up to the program's rounding of the debt up by one native unit).
                    let one_unit = value(
                        1,
                        v0.quote_decimals,
                        self.w.quote.price + self.w.quote.conf as i64,
                    );
                    if h.liquidation_power >= &h.debt_value + one_unit {
                        return Err(self.violation(
                            "liquidation only when liquidatable",
                            format!(
                                "liquidation power {} ≥ debt {}",
                                h.liquidation_power, h.debt_value
                            ),
                        ));
                    }
                }
                let params = self.asset(asset)?;
                let f = self.w.assets[asset].feed;
                let seized_value = value(e.seized, params.decimals, f.price);
                let repaid_value = value(e.repaid, v0.quote_decimals, self.w.quote.price);
                if seized_value > repaid_value * (model::one() + bps(params.liquidation_bonus_bps))
                {
                    return Err(self.violation(
                        "seizure bounded by the bonus",
                        format!(
                            "seized {} (worth {seized_value}) for {} repaid",
                            e.seized, e.repaid
                        ),
                    ));
                }
                self.m.quote[LIQUIDATOR] -= e.repaid;
                self.m.liquidity_tokens += e.repaid;
                self.m.collateral[LIQUIDATOR][asset] += e.seized;
                self.m.entries[borrower][asset] -= e.seized;
                self.m.custody[asset] -= e.seized;
                if e.bad_debt_sf > 0 {
                    let split = self.m.loss(&sf(e.bad_debt_sf));
                    for t in 0..3 {
                        if !Model::close(
                            &sf(e.written_down_sf[t]),
                            &split[t],
                            &(self.m.slack.clone() + ulps(4)),
                        ) {
                            return Err(self.violation(
                                "loss waterfall",
                                format!(
                                    "tranche {t} written down {} , model {}",
                                    sf(e.written_down_sf[t]),
                                    split[t]
                                ),
                            ));
                        }
                    }
                }
            }
            Action::CancelProposal { id } => {
                self.proposals.remove(&id);
            }
            Action::Execute { id } => {
                // The timelock: executed only at or after the ETA the proposal was given.
                if let Some(e) = out.events::<ConfigExecutedEvent>().pop() {
                    if let Some(p) = self.proposals.remove(&id) {
                        if e.ts < p.0 {
                            return Err(self.violation(
                                "timelock",
                                format!(
                                    "proposal {id} executed at {} before its ETA {}",
                                    e.ts, p.0
                                ),
                            ));
                        }
                    }
                }
            }
            Action::Propose { .. } => {
                if let Some(e) = out.events::<ConfigProposedEvent>().pop() {
                    self.proposals.insert(e.proposal_id, (e.eta, e.change));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_ltv(&self, b: usize, what: &str) -> Check {
        let v = self.vault()?;
        match self.health(&v, b, None)? {
            Some(h) if !h.within_ltv() => Err(self.violation(
                "borrowing within max LTV at the pinned prices",
                format!(
                    "{what} left borrower {b} with debt {} over borrowing power {}",
                    h.debt_value, h.borrow_power
                ),
            )),
            // A success with an unusable pinned price means the program read another account.
            None if self.position(b)?.scaled_debt_sf > 0 => Err(self.violation(
                "borrowing within max LTV at the pinned prices",
                format!("{what} by borrower {b} succeeded while a pinned price was unusable"),
            )),
            _ => Ok(()),
        }
    }

    /// Every check that holds after any action.
    pub fn check_all(&mut self) -> Check {
        self.report.checks += 1;
        let v = self.vault()?;
        v.invariant()
            .map_err(|e| self.violation("Vault::invariant", format!("{e:?}")))?;
        let c = &self.w.chain;
        let m = &self.m;
        let fail = |check: &str, detail: String| Err(self.violation(check, detail));
        // Token conservation and the model's balances, per mint.
        let quote_accounts: u64 = self
            .w
            .actors
            .iter()
            .map(|u| c.balance(&u.quote))
            .sum::<u64>()
            + c.balance(&v.liquidity);
        if c.supply(&self.w.addrs.quote_mint) != m.quote_minted || quote_accounts != m.quote_minted
        {
            return fail(
                "token conservation",
                format!(
                    "quote: supply {}, accounts {quote_accounts}, minted {}",
                    c.supply(&self.w.addrs.quote_mint),
                    m.quote_minted
                ),
            );
        }
        if c.balance(&v.liquidity) != m.liquidity_tokens || v.liquidity_native > m.liquidity_tokens
        {
            return fail(
                "balances",
                format!(
                    "liquidity account {} (books {}), model {}",
                    c.balance(&v.liquidity),
                    v.liquidity_native,
                    m.liquidity_tokens
                ),
            );
        }
        for t in 0..3 {
            let held: u64 = self
                .w
                .actors
                .iter()
                .map(|u| c.balance(&u.shares[t]))
                .sum::<u64>()
                + c.balance(&v.tranches[t].escrow);
            let supply = c.supply(&self.w.addrs.tranche_mints[t]);
            if supply != m.supply[t] || held != supply || v.tranches[t].supply != supply {
                return fail(
                    "token conservation",
                    format!(
                        "tranche {t}: mint supply {supply}, accounts {held}, books {}, model {}",
                        v.tranches[t].supply, m.supply[t]
                    ),
                );
            }
            if c.balance(&v.tranches[t].escrow) != m.escrow[t]
                || v.tranches[t].queued_shares != m.queued[t]
            {
                return fail(
                    "balances",
                    format!(
                        "escrow {t}: {} (queued {}), model {}",
                        c.balance(&v.tranches[t].escrow),
                        v.tranches[t].queued_shares,
                        m.escrow[t]
                    ),
                );
            }
            if v.tranches[t].dead_shares != m.dead[t] {
                return fail(
                    "dead shares",
                    format!(
                        "tranche {t}: {} vs model {}",
                        v.tranches[t].dead_shares, m.dead[t]
                    ),
                );
            }
            if !Model::close(
                &sf(v.tranches[t].nav_sf.get().to_bits()),
                &m.nav[t],
                &m.slack,
            ) {
                return fail(
                    "NAV",
                    format!(
                        "tranche {t}: chain {} model {} (slack {})",
                        sf(v.tranches[t].nav_sf.get().to_bits()),
                        m.nav[t],
                        m.slack
                    ),
                );
            }
            if !Model::close(
                &sf(v.tranches[t].written_down_sf.get().to_bits()),
                &m.written_down[t],
                &m.slack,
            ) {
                return fail(
                    "written down",
                    format!(
                        "tranche {t}: chain {} model {}",
                        sf(v.tranches[t].written_down_sf.get().to_bits()),
                        m.written_down[t]
                    ),
                );
            }
        }
        if !Model::close(&sf(v.fees_sf.get().to_bits()), &m.fees, &m.slack) {
            return fail(
                "fees",
                format!("chain {} model {}", sf(v.fees_sf.get().to_bits()), m.fees),
            );
        }
        for (i, u) in self.w.actors.iter().enumerate() {
            let got = (
                c.balance(&u.quote),
                [0, 1, 2].map(|t| c.balance(&u.shares[t])),
                [0, 1, 2].map(|a| c.balance(&u.collateral[a])),
            );
            if got != (m.quote[i], m.shares[i], m.collateral[i]) {
                return fail(
                    "balances",
                    format!(
                        "actor {i}: chain {got:?}, model {:?}",
                        (m.quote[i], m.shares[i], m.collateral[i])
                    ),
                );
            }
        }
        // No depositor owns more than it put in plus the income the model gave it (and the rounding allowance).
        for d in 0..DEPOSITORS {
            let bound = &m.funded[d] + &m.earned[d] + &m.allowance[d] + &m.slack;
            if m.value(d) > bound {
                return fail(
                    "no value from nothing",
                    format!(
                        "depositor {d} owns {} > put in {} + earned {} + rounding {}",
                        m.value(d),
                        m.funded[d],
                        m.earned[d],
                        m.allowance[d]
                    ),
                );
            }
        }
        // Positions, assets, requests.
        let mut scaled = 0u128;
        let mut by_asset = [0u64; 3];
        for b in 0..BORROWERS {
            let p = self.position(b)?;
            p.invariant()
                .map_err(|e| self.violation("Position::invariant", format!("{e:?}")))?;
            scaled += p.scaled_debt_sf;
            for (ai, asset) in self.w.assets.iter().enumerate() {
                let held = p
                    .active()
                    .filter(|e| e.asset == asset.addrs.asset)
                    .map(|e| e.amount)
                    .sum::<u64>();
                if held != m.entries[b][ai] {
                    return fail(
                        "position entries",
                        format!(
                            "borrower {b} asset {ai}: chain {held} model {}",
                            m.entries[b][ai]
                        ),
                    );
                }
                by_asset[ai] += held;
            }
        }
        if scaled != v.scaled_debt_sf.get().to_bits() {
            return fail(
                "debt",
                format!(
                    "positions' scaled debt {scaled} ≠ the vault's {}",
                    v.scaled_debt_sf.get().to_bits()
                ),
            );
        }
        for ai in 0..3 {
            let asset = self.asset(ai)?;
            asset
                .invariant()
                .map_err(|e| self.violation("CollateralAsset::invariant", format!("{e:?}")))?;
            let custody = c.balance(&asset.custody);
            let supply = c.supply(&asset.mint);
            let accounts: u64 = self
                .w
                .actors
                .iter()
                .map(|u| c.balance(&u.collateral[ai]))
                .sum::<u64>()
                + custody;
            if asset.total_deposits != by_asset[ai]
                || custody != m.custody[ai]
                || supply != m.collateral_minted[ai]
                || accounts != supply
            {
                return fail("token conservation", format!("asset {ai}: total deposits {}, entries {}, custody {custody} (model {}), supply {supply}, accounts {accounts}", asset.total_deposits, by_asset[ai], m.custody[ai]));
            }
        }
        for d in 0..DEPOSITORS {
            for t in 0..3 {
                if let Some(r) = self.request(d, t) {
                    r.invariant().map_err(|e| {
                        self.violation("RedemptionRequest::invariant", format!("{e:?}"))
                    })?;
                }
            }
        }
        Ok(())
    }
}

/// Runs `actions` in order from a fresh world; the first violation, if any.
pub fn replay(program: &[u8], actions: &[Action]) -> anyhow::Result<Option<Violation>> {
    let mut f = Fuzzer::new(program)?;
    if let Err(v) = f.check_all() {
        return Ok(Some(v));
    }
    for (i, a) in actions.iter().enumerate() {
        f.step = i;
        if let Err(v) = f.apply(a) {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// A random run of `cfg.actions` actions from `cfg.seed`.
pub fn run(program: &[u8], cfg: &Config, progress: &dyn Fn(&Report)) -> anyhow::Result<Report> {
    let start = Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut total = Report::default();
    let episode = if cfg.episode == 0 {
        u64::MAX
    } else {
        cfg.episode
    };
    let mut done = 0u64;
    while done < cfg.actions && total.violation.is_none() {
        let mut f = Fuzzer::new(program)?;
        f.report.worlds = 1;
        let setup_transactions = f.w.chain.transactions;
        if let Err(v) = f.check_all() {
            f.report.violation = Some(v);
        }
        let n = episode.min(cfg.actions - done);
        for i in 0..n {
            if f.report.violation.is_some() || cfg.time_limit.is_some_and(|l| start.elapsed() > l) {
                break;
            }
            f.step = i as usize;
            let action = match f.view() {
                Ok(view) => generate(&mut rng, &f.w, &view),
                Err(v) => {
                    f.report.violation = Some(v);
                    break;
                }
            };
            f.report.history.push(action.clone());
            f.report.actions += 1;
            if let Err(v) = f.apply(&action) {
                f.report.violation = Some(v);
                break;
            }
            if (done + i) % 10_000 == 9_999 {
                let mut so_far = total.clone();
                so_far.actions += f.report.actions;
                so_far.elapsed = start.elapsed();
                progress(&so_far);
            }
        }
        f.report.transactions = f.w.chain.transactions - setup_transactions;
        let stopped = f.report.actions < n && f.report.violation.is_none();
        done += f.report.actions;
        total.absorb(f.report);
        if stopped {
            break;
        }
    }
    total.elapsed = start.elapsed();
    Ok(total)
}

/// The shortest sequence found that still fails the same check: the failing prefix, then chunks removed while
/// the failure stays (halving the chunk size down to single actions), within `budget`.
pub fn shrink(
    program: &[u8],
    actions: &[Action],
    check: &str,
    budget: Duration,
) -> anyhow::Result<Vec<Action>> {
    let start = Instant::now();
    let fails = |xs: &[Action]| -> anyhow::Result<Option<usize>> {
        Ok(replay(program, xs)?
            .filter(|v| v.check == check)
            .map(|v| v.step))
    };
    let mut cur: Vec<Action> = actions.to_vec();
    if let Some(step) = fails(&cur)? {
        cur.truncate(step + 1);
    } else {
        return Ok(cur);
    }
    let mut chunk = cur.len().div_ceil(2);
    while chunk >= 1 && start.elapsed() < budget {
        let mut i = 0;
        let mut removed = false;
        while i < cur.len() && start.elapsed() < budget {
            let end = (i + chunk).min(cur.len());
            let mut cand = cur[..i].to_vec();
            cand.extend_from_slice(&cur[end..]);
            match fails(&cand)? {
                Some(step) => {
                    cand.truncate(step + 1);
                    cur = cand;
                    removed = true;
                }
                None => i += chunk,
            }
        }
        if !removed {
            if chunk == 1 {
                break;
            }
            chunk = chunk.div_ceil(2);
        }
    }
    Ok(cur)
}
