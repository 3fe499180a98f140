//! The fuzzer's world: one vault on the SBF build, its actors, three collateral assets and the quote, each with
//! its own price account. Set up through the program's real instructions (collateral listed disabled, enabled
//! through the timelock), the same every run: only the action stream depends on the seed.

use anchor_lang::prelude::Pubkey;
use anchor_spl::token::spl_token;
use embedded_chain::builders::{
    collateral_params, pull_oracle, vault_builder, AssetAddresses, VaultAddresses,
};
use tranche_vault::oracle::{OracleKind, OracleSetting, PYTH_LEGACY_PROGRAM_ID, PYTH_RECEIVER_ID};
use tranche_vault::state::{CollateralParams, ConfigChange, Tranche, Vault, VaultParams};

use crate::chain::Chain;

/// Unix time the world starts at.
pub const START_TS: i64 = 1_800_000_000;
pub const QUOTE_DECIMALS: u8 = 6;
pub const ONE: u64 = 1_000_000;
pub const DEPOSITORS: usize = 3;
pub const BORROWERS: usize = 3;
/// Price units per whole token are 10^-8 (every price account here has exponent −8).
pub const EXPO: i32 = -8;

/// The actors, by index into [`World::actors`].
pub const LIQUIDATOR: usize = DEPOSITORS + BORROWERS;
pub const KEEPER: usize = LIQUIDATOR + 1;
pub const AUTHORITY: usize = KEEPER + 1;
pub const GUARDIAN: usize = AUTHORITY + 1;
/// The authority a handover moves to (and back from).
pub const SUCCESSOR: usize = GUARDIAN + 1;
pub const ACTORS: usize = SUCCESSOR + 1;

/// A price account the fuzzer writes: a Pyth pull update or a legacy v2 account.
#[derive(Clone, Copy, Debug)]
pub struct Feed {
    pub account: Pubkey,
    pub feed_id: [u8; 32],
    pub legacy: bool,
    /// The last published price and confidence (10^-8 units), publish time, and whether it is usable as such:
    /// fully verified (pull) or Trading (legacy).
    pub price: i64,
    pub conf: u64,
    pub publish_time: i64,
    pub verified: bool,
    /// The price a healthy market would show: recoveries move back toward it.
    pub reference: i64,
}

#[derive(Clone, Copy, Debug)]
pub struct Asset {
    pub addrs: AssetAddresses,
    pub decimals: u8,
    pub feed: Feed,
    pub params: CollateralParams,
}

#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub key: Pubkey,
    pub quote: Pubkey,
    pub shares: [Pubkey; 3],
    pub collateral: [Pubkey; 3],
}

pub struct World {
    pub chain: Chain,
    pub addrs: VaultAddresses,
    pub actors: Vec<Actor>,
    pub assets: Vec<Asset>,
    pub quote: Feed,
    /// Each borrower's position (id 0, opened at set-up).
    pub positions: Vec<Pubkey>,
    /// Who holds the authority now (it moves between AUTHORITY and SUCCESSOR).
    pub authority: usize,
    /// An attacker-owned price account: a valid, fully verified update of each feed at a price of the attacker's
    /// choosing (what anyone can post to an account of their own).
    pub rogue_oracle: Pubkey,
    /// Each depositor's redemption-request PDA per tranche (derived once: PDA searches are the fuzzer's costliest
    /// host work).
    pub requests: Vec<[Pubkey; 3]>,
}

fn key(tag: u8, n: usize) -> Pubkey {
    let mut b = [tag; 32];
    b[..8].copy_from_slice(&(n as u64).to_le_bytes());
    Pubkey::new_from_array(b)
}

/// The fuzzed vault's parameters: the tests' defaults with an epoch of an hour and a two-hour timelock, so that
/// governance and redemptions cycle within a run.
pub fn params() -> VaultParams {
    VaultParams {
        max_utilization_bps: 9_500,
        epoch_duration_secs: 3_600,
        timelock_delay_secs: 7_200,
        ..embedded_chain::builders::default_params()
    }
}

impl World {
    pub fn new(program: &[u8]) -> anyhow::Result<World> {
        let mut chain = Chain::new(program, START_TS)?;
        let payer = chain.payer;
        let actors_keys: Vec<Pubkey> = (0..ACTORS).map(|i| key(0xA0, i)).collect();
        let quote_mint = key(0x11, 0);
        chain.create_mint(quote_mint, QUOTE_DECIMALS)?;
        let mut b = vault_builder(payer, actors_keys[AUTHORITY], quote_mint, spl_token::ID);
        b.args.params = params();
        b.args.guardian = Some(actors_keys[GUARDIAN]);
        let quote_setting = b.args.quote_oracle;
        chain.must(&b.instructions(), "initialize_vault")?;
        let addrs = b.addresses();
        let quote = Feed {
            account: quote_setting.account,
            feed_id: quote_setting.feed_id,
            legacy: false,
            price: 100_000_000,
            conf: 10_000,
            publish_time: START_TS,
            verified: true,
            reference: 100_000_000,
        };
        // SOL-like (9 decimals, pull), an 18-decimal token (pull), and a 6-decimal token on a legacy account.
        let specs: [(u8, i64, bool); 3] = [
            (9, 150 * 100_000_000, false),
            (18, 3_000 * 100_000_000, false),
            (6, 100_000_000, true),
        ];
        let mut assets = vec![];
        for (i, (decimals, price, legacy)) in specs.into_iter().enumerate() {
            let mint = key(0x21, i);
            chain.create_mint(mint, decimals)?;
            let feed_id = [0x60 + i as u8; 32];
            let oracle = if legacy {
                OracleSetting {
                    program: PYTH_LEGACY_PROGRAM_ID,
                    feed_id: [0; 32],
                    account: key(0x33, i),
                    max_age_secs: 60,
                    max_conf_bps: 100,
                    kind: OracleKind::PythLegacy.to_u8(),
                    _pad: 0,
                }
            } else {
                pull_oracle(feed_id)
            };
            let params = CollateralParams {
                oracle,
                ..collateral_params(feed_id)
            };
            assets.push(Asset {
                addrs: AssetAddresses::new(&addrs.vault, mint, spl_token::ID),
                decimals,
                feed: Feed {
                    account: oracle.account,
                    feed_id,
                    legacy,
                    price,
                    conf: (price / 2_000) as u64,
                    publish_time: START_TS,
                    verified: true,
                    reference: price,
                },
                params,
            });
        }
        let mut actors = vec![];
        for (i, k) in actors_keys.iter().enumerate() {
            // SOL for the rent of what each creates (redemption requests, proposals).
            chain.fund(*k, 100_000_000_000);
            let quote = chain.create_token_account(key(0xB0, i), quote_mint, *k, spl_token::ID)?;
            let mut shares = [Pubkey::default(); 3];
            for (t, s) in shares.iter_mut().enumerate() {
                *s = chain.create_token_account(
                    key(0xB1 + t as u8, i),
                    addrs.tranche_mints[t],
                    *k,
                    addrs.tranche_token_program,
                )?;
            }
            let mut collateral = [Pubkey::default(); 3];
            for (a, c) in collateral.iter_mut().enumerate() {
                *c = chain.create_token_account(
                    key(0xC1 + a as u8, i),
                    assets[a].addrs.mint,
                    *k,
                    spl_token::ID,
                )?;
            }
            actors.push(Actor {
                key: *k,
                quote,
                shares,
                collateral,
            });
        }
        let mut w = World {
            chain,
            addrs,
            actors,
            assets,
            quote,
            positions: vec![],
            authority: AUTHORITY,
            rogue_oracle: key(0x44, 0),
            requests: vec![],
        };
        w.requests = w
            .actors
            .iter()
            .map(|u| {
                Tranche::ALL.map(|t| tranche_vault::pda::redemption(&w.addrs.vault, &u.key, t).0)
            })
            .collect();
        w.publish_all();
        // List each asset disabled, then enable it through the timelock (one proposal each, one wait).
        let auth = w.actors[AUTHORITY].key;
        let mut proposals = vec![];
        for a in w.assets.clone() {
            let listed = CollateralParams {
                enabled: false,
                deposit_cap: 0,
                ..a.params
            };
            let ix = w.addrs.add_collateral_asset(payer, auth, &a.addrs, listed);
            w.chain.must(&[ix], "add_collateral_asset")?;
            let id = w.vault()?.next_proposal_id;
            let change = ConfigChange::Collateral {
                asset: a.addrs.asset,
                params: a.params,
            };
            let ix = w
                .addrs
                .propose_config(payer, auth, id, change, Some(a.addrs.asset));
            w.chain.must(&[ix], "propose_config")?;
            proposals.push((id, a.addrs.asset));
        }
        let v = w.vault()?;
        w.warp(i64::from(v.timelock_delay_secs));
        let gens = [0, 1, 2].map(|t| v.tranches[t].queue_generation);
        w.chain
            .must(&[w.addrs.close_epoch(payer, gens)], "close_epoch")?;
        for (id, asset) in proposals {
            w.chain.must(
                &[w.addrs.execute_config(id, payer, Some(asset))],
                "execute_config",
            )?;
        }
        for b in 0..BORROWERS {
            let owner = w.actors[DEPOSITORS + b].key;
            w.chain
                .must(&[w.addrs.open_position(payer, owner, 0)], "open_position")?;
            w.positions
                .push(tranche_vault::pda::position(&w.addrs.vault, &owner, 0).0);
        }
        Ok(w)
    }

    pub fn vault(&self) -> anyhow::Result<Vault> {
        let acc = self
            .chain
            .account(&self.addrs.vault)
            .ok_or_else(|| anyhow::anyhow!("the vault account is gone"))?;
        let body = acc
            .data
            .get(8..8 + std::mem::size_of::<Vault>())
            .ok_or_else(|| anyhow::anyhow!("the vault account is too short"))?;
        Ok(*bytemuck::from_bytes::<Vault>(body))
    }

    /// Moves the clock forward by `secs` (the feeds are republished by the caller: `Fuzzer::republish`).
    pub fn warp(&mut self, secs: i64) {
        let now = self.chain.now().saturating_add(secs);
        self.chain.set_time(now);
    }

    /// Publishes every feed at the current time, as it last was.
    pub fn publish_all(&mut self) {
        let now = self.chain.now();
        self.quote.publish_time = now;
        let q = self.quote;
        self.write_feed(&q);
        for i in 0..self.assets.len() {
            self.assets[i].feed.publish_time = now;
            let f = self.assets[i].feed;
            self.write_feed(&f);
        }
    }

    /// Writes a feed's account as its owner program would.
    pub fn write_feed(&mut self, f: &Feed) {
        if f.legacy {
            let data = legacy_price_bytes(f.price, f.conf, f.publish_time, f.verified);
            self.chain.put(f.account, PYTH_LEGACY_PROGRAM_ID, data);
        } else {
            let data = tranche_vault::client::price_update_bytes(
                f.feed_id,
                f.price,
                f.conf,
                EXPO,
                f.publish_time,
                f.verified,
            );
            self.chain.put(f.account, PYTH_RECEIVER_ID, data);
        }
    }
}

/// A legacy Pyth v2 price account (as the mainnet oracle program lays it out): `price` and `conf` in 10^-8, the
/// EMA equal to the price, Trading unless `trading` is false (then Halted).
pub fn legacy_price_bytes(price: i64, conf: u64, publish_time: i64, trading: bool) -> Vec<u8> {
    use pyth_sdk_solana::state::{
        AccountType, PriceStatus, Rational, SolanaPriceAccount, MAGIC, VERSION_2,
    };
    let mut acc = <SolanaPriceAccount as bytemuck::Zeroable>::zeroed();
    acc.magic = MAGIC;
    acc.ver = VERSION_2;
    acc.atype = AccountType::Price as u32;
    acc.size = std::mem::size_of::<SolanaPriceAccount>() as u32;
    acc.expo = EXPO;
    acc.timestamp = publish_time;
    acc.ema_price = Rational {
        val: price,
        numer: price,
        denom: 1,
    };
    acc.ema_conf = Rational {
        val: conf as i64,
        numer: conf as i64,
        denom: 1,
    };
    acc.agg.price = price;
    acc.agg.conf = conf;
    acc.agg.status = if trading {
        PriceStatus::Trading
    } else {
        PriceStatus::Halted
    };
    bytemuck::bytes_of(&acc).to_vec()
}
