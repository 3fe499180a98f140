//! A vault with users, for the tranche suites: one method per instruction, each followed by the vault-level
//! invariant checks ([`VaultFixture::check_invariants`]).

use anchor_lang::prelude::Pubkey;
use anchor_spl::token::spl_token;
use solana_keypair::Keypair;
use solana_signer::Signer;
use tranche_vault::state::{RedemptionRequest, Tranche, Vault, VaultParams};
use tranche_vault::DepositArgs;

use crate::builders::{
    collateral_params, default_params, vault_builder, AssetAddresses, VaultAddresses, QUOTE_FEED,
};
use crate::{Mode, TestEnv, TxOutcome};

/// [`default_params`] with a 100 % utilization cap.
pub fn fixture_params() -> VaultParams {
    VaultParams {
        max_utilization_bps: 10_000,
        ..default_params()
    }
}
use tranche_vault::oracle::OracleKind;
use tranche_vault::state::{CollateralAsset, CollateralParams, ConfigChange, Position};
use tranche_vault::LiquidateArgs;

pub const DECIMALS: u8 = 6;
/// One whole quote token (USDC-like, 6 decimals), native units.
pub const ONE: u64 = 1_000_000;

/// A depositor: a keypair with a quote account and one account per tranche token.
pub struct User {
    pub key: Keypair,
    pub quote: Pubkey,
    pub shares: [Pubkey; 3],
}

pub struct VaultFixture {
    pub env: TestEnv,
    pub authority: Keypair,
    pub addrs: VaultAddresses,
    /// Every tranche token account the fixture created, to check that balances add up to the supply.
    share_accounts: Vec<[Pubkey; 3]>,
    /// Check the invariants after every action (the benchmark turns this off and checks once at the end).
    pub check_each_action: bool,
    /// The quote (USDC) price account, and its price (units of 10^-8).
    pub quote_oracle: Pubkey,
    pub quote_price: i64,
    /// Collateral assets added by [`VaultFixture::add_collateral`].
    pub assets: Vec<Collateral>,
    /// Positions opened through the fixture, to check that their scaled debts add up to the vault's.
    positions: Vec<Pubkey>,
    /// Collateral token accounts made for users: (owner, mint) → account.
    collateral_accounts: Vec<((Pubkey, Pubkey), Pubkey)>,
    /// The stand-in borrower (see [`Loan`]), created on first use; its collateral asset is listed with the vault.
    stand_in: Option<StandIn>,
    stand_in_asset: usize,
    /// A liquidator with plenty of quote, created on first use.
    liquidator: Option<User>,
    /// With fixed keys, the seed of the next keypair [`VaultFixture::new_key`] makes; `None` for random keys.
    next_key_seed: Option<u64>,
}

/// A collateral asset of the fixture: its accounts, oracle and price.
#[derive(Clone, Copy, Debug)]
pub struct Collateral {
    pub addrs: AssetAddresses,
    /// The pinned price account.
    pub oracle: Pubkey,
    /// A legacy Pyth account, which the test writes itself (the fixture publishes pull updates only).
    pub legacy: bool,
    pub feed: [u8; 32],
    pub decimals: u8,
    /// Price in units of 10^-8 per whole token, and its confidence.
    pub price: i64,
    pub conf: u64,
}

/// What the fixture's stand-in borrower does, through the real instructions: a position holding a dedicated
/// collateral asset (6 decimals, priced 1.0) that borrows, repays, and defaults on command.
#[derive(Clone, Copy, Debug)]
pub enum Loan {
    /// Deposit twice the amount as collateral, then borrow the amount.
    Borrow(u64),
    /// Repay the amount (the stand-in is given the quote it needs).
    Repay(u64),
    /// Default, leaving about this much bad debt: the collateral's price falls until all of it covers only
    /// (debt − amount) at the liquidation bonus, and a liquidator takes all of it.
    Default(u64),
}

struct StandIn {
    user: User,
    position: Pubkey,
}

/// Unix time the benchmark's chain starts at, so that its CU figures do not depend on the day it runs.
pub const BENCH_START_TS: i64 = 1_800_000_000;

impl VaultFixture {
    /// A vault on SPL Token with [`default_params`], except that utilization may reach 100 % (tests lend out
    /// nearly all liquidity to make redemptions short of it).
    pub async fn new(mode: Mode) -> Self {
        Self::with_params(mode, fixture_params()).await
    }

    pub async fn with_params(mode: Mode, params: VaultParams) -> Self {
        Self::build(mode, params, false, None).await
    }

    /// A reproducible vault: fixed keys and a fixed start time (the embedded demo uses it), with the invariant
    /// checks after every action.
    pub async fn deterministic(mode: Mode) -> Self {
        Self::build(mode, fixture_params(), true, Some(BENCH_START_TS)).await
    }

    /// Positions opened through the fixture.
    pub fn positions(&self) -> &[Pubkey] {
        &self.positions
    }

    /// For the benchmark: an SBF mode, fixed keys (PDA bump searches cost CU), a fixed clock, and no invariant
    /// checks between actions.
    pub async fn for_bench(mode: Mode) -> Self {
        let mut f = Self::build(mode, fixture_params(), true, Some(BENCH_START_TS)).await;
        f.check_each_action = false;
        f
    }

    /// A vault whose chain starts at unix time `start` (for state that a real validator preloads: built in the
    /// past, so that its timestamps are behind the validator's clock).
    pub async fn starting_at(mode: Mode, params: VaultParams, start: i64) -> Self {
        Self::build(mode, params, false, Some(start)).await
    }

    async fn build(mode: Mode, params: VaultParams, fixed_keys: bool, start: Option<i64>) -> Self {
        let mut env = TestEnv::new(mode).await;
        let key = |n: u8| {
            if fixed_keys {
                Keypair::new_from_array([n; 32])
            } else {
                Keypair::new()
            }
        };
        if let Some(start) = start {
            let now = env.now().await;
            env.warp(start - now).await;
        }
        let authority = key(1);
        let quote = env.create_mint_at(key(2), spl_token::ID, DECIMALS).await;
        let mut b = vault_builder(env.payer(), authority.pubkey(), quote, spl_token::ID);
        b.args.params = params;
        env.send(&b.instructions(), &[&authority]).await.expect_ok();
        let addrs = b.addresses();
        let quote_oracle = b.args.quote_oracle.account;
        let now = env.now().await;
        env.set_price_update(quote_oracle, QUOTE_FEED, 100_000_000, 10_000, -8, now, true);
        let mut f = VaultFixture {
            quote_oracle,
            quote_price: 100_000_000,
            assets: vec![],
            positions: vec![],
            collateral_accounts: vec![],
            stand_in: None,
            stand_in_asset: 0,
            liquidator: None,
            env,
            authority,
            addrs,
            share_accounts: vec![],
            check_each_action: true,
            next_key_seed: fixed_keys.then_some(0),
        };
        // Listed now, through the timelock, so that the stand-in borrower needs no governance (and no clock
        // jump) in the middle of a test: it is `assets[0]`.
        f.stand_in_asset = f.add_collateral(6, 1.0).await;
        f
    }

    /// Proposes `change` as the authority, waits out the timelock, closes an epoch after the proposal (what a
    /// loosening change needs; `close_epoch` fills any queued requests), and executes it. Returns the outcome of
    /// the execution.
    pub async fn govern(&mut self, change: ConfigChange, asset: Option<Pubkey>) -> TxOutcome {
        let v = self.vault().await;
        let id = v.next_proposal_id;
        let payer = self.env.payer();
        let authority = self.authority.insecure_clone();
        let ix = self
            .addrs
            .propose_config(payer, authority.pubkey(), id, change, asset);
        self.act(ix, &[&authority]).await.expect_ok();
        self.warp(i64::from(v.timelock_delay_secs)).await;
        self.next_epoch().await.expect_ok();
        let ix = self.addrs.execute_config(id, payer, asset);
        self.act(ix, &[]).await
    }

    /// Lists the asset `a` with `params` the way the program allows: `add_collateral_asset` disabled with cap 0,
    /// then the timelock enables it with `params` ([`VaultFixture::govern`]).
    pub async fn list_collateral(&mut self, a: &AssetAddresses, params: CollateralParams) {
        let listed = CollateralParams {
            enabled: false,
            deposit_cap: 0,
            ..params
        };
        let authority = self.authority.insecure_clone();
        let ix = self
            .addrs
            .add_collateral_asset(self.env.payer(), authority.pubkey(), a, listed);
        self.act(ix, &[&authority]).await.expect_ok();
        let change = ConfigChange::Collateral {
            asset: a.asset,
            params,
        };
        self.govern(change, Some(a.asset)).await.expect_ok();
    }

    /// A new user holding `quote` native units and 0.1 SOL (for request rent).
    pub async fn user(&mut self, quote: u64) -> User {
        let key = self.new_key();
        let fund = anchor_lang::solana_program::system_instruction::transfer(
            &self.env.payer(),
            &key.pubkey(),
            100_000_000,
        );
        self.env.send_unique(&[fund], &[]).await.expect_ok();
        let (q, tp) = (self.addrs.quote_mint, self.addrs.token_program);
        let quote_account = self.token_account(q, key.pubkey()).await;
        if quote > 0 {
            self.env.mint_to(q, quote_account, tp, quote).await;
        }
        let mut shares = [Pubkey::default(); 3];
        for (t, s) in shares.iter_mut().enumerate() {
            *s = self
                .token_account(self.addrs.tranche_mints[t], key.pubkey())
                .await;
        }
        self.share_accounts.push(shares);
        User {
            key,
            quote: quote_account,
            shares,
        }
    }

    /// A random keypair, or with fixed keys the next one of a deterministic sequence.
    fn new_key(&mut self) -> Keypair {
        match self.next_key_seed.as_mut() {
            Some(n) => {
                *n += 1;
                let mut seed = [0xAB; 32];
                seed[..8].copy_from_slice(&n.to_le_bytes());
                Keypair::new_from_array(seed)
            }
            None => Keypair::new(),
        }
    }

    /// A token account of `mint` owned by `owner`, at an address from [`VaultFixture::new_key`]; under
    /// Token-2022 for a tranche mint, else under the quote's token program.
    pub async fn token_account(&mut self, mint: Pubkey, owner: Pubkey) -> Pubkey {
        let at = self.new_key();
        let tp = if self.addrs.tranche_mints.contains(&mint) {
            self.addrs.tranche_token_program
        } else {
            self.addrs.token_program
        };
        self.env.create_token_account_at(at, mint, owner, tp).await
    }

    async fn act(
        &mut self,
        ix: anchor_lang::solana_program::instruction::Instruction,
        signers: &[&Keypair],
    ) -> TxOutcome {
        let out = self.env.send_unique(&[ix], signers).await;
        if self.check_each_action {
            self.check_invariants().await;
        }
        out
    }

    pub async fn deposit_args(&mut self, user: &User, args: DepositArgs) -> TxOutcome {
        let ix = self.addrs.deposit(
            user.key.pubkey(),
            user.quote,
            user.shares[args.tranche.index()],
            args,
        );
        self.act(ix, &[&user.key]).await
    }

    pub async fn deposit(&mut self, user: &User, tranche: Tranche, amount: u64) -> TxOutcome {
        let args = DepositArgs {
            tranche,
            amount,
            min_shares: 0,
        };
        self.deposit_args(user, args).await
    }

    pub async fn request(&mut self, user: &User, tranche: Tranche, shares: u64) -> TxOutcome {
        let ix = self.addrs.request_redeem(
            user.key.pubkey(),
            user.shares[tranche.index()],
            tranche,
            shares,
        );
        self.act(ix, &[&user.key]).await
    }

    pub async fn cancel(&mut self, user: &User, tranche: Tranche) -> TxOutcome {
        let ix = self
            .addrs
            .cancel_redeem(user.key.pubkey(), user.shares[tranche.index()], tranche);
        self.act(ix, &[&user.key]).await
    }

    /// `claim_redeem`, passing the generation record when the request's generation has ended.
    pub async fn claim(&mut self, user: &User, tranche: Tranche) -> TxOutcome {
        let record = match self.request_state(user, tranche).await {
            Some(r) if r.generation < self.vault().await.tranche(tranche).queue_generation => {
                Some(tranche_vault::pda::generation(&self.addrs.vault, tranche, r.generation).0)
            }
            _ => None,
        };
        let ix = self
            .addrs
            .claim_redeem(user.key.pubkey(), user.quote, tranche, record);
        self.act(ix, &[&user.key]).await
    }

    pub async fn close_epoch(&mut self) -> TxOutcome {
        let v = self.vault().await;
        let gens = [0, 1, 2].map(|t| v.tranches[t].queue_generation);
        let ix = self.addrs.close_epoch(self.env.payer(), gens);
        self.act(ix, &[]).await
    }

    /// Moves the clock past the end of the current epoch, then closes it.
    pub async fn next_epoch(&mut self) -> TxOutcome {
        let v = self.vault().await;
        let now = self.env.now().await;
        let ends = v.epoch_start_ts + i64::from(v.epoch_duration_secs);
        if now < ends {
            self.warp(ends - now).await;
        }
        self.close_epoch().await
    }

    pub async fn accrue(&mut self) -> TxOutcome {
        let ix = self.addrs.accrue();
        self.act(ix, &[]).await
    }

    /// The stand-in borrower acts (see [`Loan`]); returns the outcome of its last transaction.
    pub async fn loan(&mut self, action: Loan) -> TxOutcome {
        let asset = self.stand_in_asset;
        let s = match self.stand_in.take() {
            Some(s) => s,
            None => {
                let user = self.user(0).await;
                let position = self.open_position(&user, 0).await;
                StandIn { user, position }
            }
        };
        let out = match action {
            Loan::Borrow(amount) => {
                let out = self
                    .deposit_collateral(&s.user, s.position, asset, 2 * amount)
                    .await;
                if out.result.is_err() {
                    out
                } else {
                    self.borrow(&s.user, s.position, amount).await
                }
            }
            Loan::Repay(amount) => {
                let (q, tp) = (self.addrs.quote_mint, self.addrs.token_program);
                self.env.mint_to(q, s.user.quote, tp, amount).await;
                self.repay(&s.user, s.position, amount).await
            }
            Loan::Default(loss) => {
                let index = self.vault().await.borrow_index_sf.get();
                let p = self.position(s.position).await;
                let debt = p.debt_native(index).expect("debt") as f64;
                let held = p.active().map(|e| e.amount).sum::<u64>() as f64;
                // All of the collateral must cover (debt − loss) · 1.05 at the new price.
                let price = (debt - loss as f64) * 1.05 / held;
                self.set_price(asset, price).await;
                let liquidator = match self.liquidator.take() {
                    Some(l) => l,
                    None => self.user(1_000_000_000 * ONE).await,
                };
                let out = self
                    .liquidate(&liquidator, s.position, asset, u64::MAX)
                    .await;
                self.liquidator = Some(liquidator);
                self.set_price(asset, 1.0).await;
                out
            }
        };
        self.stand_in = Some(s);
        out
    }

    /// Moves the clock forward and republishes every price at the new time (prices go stale otherwise).
    pub async fn warp(&mut self, secs: i64) {
        self.env.warp(secs).await;
        self.refresh_prices().await;
    }

    /// Republishes the quote and every collateral price at the current time.
    pub async fn refresh_prices(&mut self) {
        let now = self.env.now().await;
        self.env.set_price_update(
            self.quote_oracle,
            QUOTE_FEED,
            self.quote_price,
            10_000,
            -8,
            now,
            true,
        );
        for c in self.assets.clone().iter().filter(|c| !c.legacy) {
            self.env
                .set_price_update(c.oracle, c.feed, c.price, c.conf, -8, now, true);
        }
    }

    /// Adds a collateral asset: a new SPL Token mint of `decimals`, priced at `price` (whole quote units per
    /// whole token) with a 0.05 % confidence; returns its index in `assets`.
    pub async fn add_collateral(&mut self, decimals: u8, price: f64) -> usize {
        let n = self.assets.len() as u8;
        let feed = [0x60 + n; 32];
        let params = collateral_params(feed);
        self.add_collateral_with(decimals, price, params).await
    }

    pub async fn add_collateral_with(
        &mut self,
        decimals: u8,
        price: f64,
        params: CollateralParams,
    ) -> usize {
        let mint_key = self.new_key();
        let mint = self
            .env
            .create_mint_at(mint_key, self.addrs.token_program, decimals)
            .await;
        let addrs = AssetAddresses::new(&self.addrs.vault, mint, self.addrs.token_program);
        let raw = (price * 1e8).round() as i64;
        self.assets.push(Collateral {
            addrs,
            oracle: params.oracle.account,
            legacy: params.oracle.kind == OracleKind::PythLegacy.to_u8(),
            feed: params.oracle.feed_id,
            decimals,
            price: raw,
            conf: (raw / 2_000) as u64,
        });
        self.refresh_prices().await;
        self.list_collateral(&addrs, params).await;
        self.assets.len() - 1
    }

    /// Sets asset `i`'s price (whole quote units per whole token), published now.
    pub async fn set_price(&mut self, i: usize, price: f64) {
        let raw = (price * 1e8).round() as i64;
        self.assets[i].price = raw;
        self.assets[i].conf = (raw / 2_000) as u64;
        self.refresh_prices().await;
    }

    /// Opens position `id` for `user`.
    pub async fn open_position(&mut self, user: &User, id: u64) -> Pubkey {
        let ix = self
            .addrs
            .open_position(self.env.payer(), user.key.pubkey(), id);
        self.act(ix, &[&user.key]).await.expect_ok();
        let p = tranche_vault::pda::position(&self.addrs.vault, &user.key.pubkey(), id).0;
        self.positions.push(p);
        p
    }

    /// `user`'s token account for collateral `i` (created on first use) holding at least `amount` more.
    pub async fn fund_collateral(&mut self, user: &User, i: usize, amount: u64) -> Pubkey {
        let mint = self.assets[i].addrs.mint;
        let k = (user.key.pubkey(), mint);
        let account = match self.collateral_accounts.iter().find(|(kk, _)| *kk == k) {
            Some((_, a)) => *a,
            None => {
                let a = self.token_account(mint, user.key.pubkey()).await;
                self.collateral_accounts.push((k, a));
                a
            }
        };
        if amount > 0 {
            self.env
                .mint_to(mint, account, self.addrs.token_program, amount)
                .await;
        }
        account
    }

    pub async fn deposit_collateral(
        &mut self,
        user: &User,
        position: Pubkey,
        i: usize,
        amount: u64,
    ) -> TxOutcome {
        let from = self.fund_collateral(user, i, amount).await;
        let a = self.assets[i].addrs;
        let ix = self
            .addrs
            .deposit_collateral(user.key.pubkey(), position, &a, from, amount);
        self.act(ix, &[&user.key]).await
    }

    /// The (asset, oracle) remaining accounts for `position`'s active entries.
    pub async fn pricing(&mut self, position: Pubkey) -> Vec<Pubkey> {
        let p = self.position(position).await;
        let mut out = vec![];
        for e in p.active() {
            let c = self
                .assets
                .iter()
                .find(|c| c.addrs.asset == e.asset)
                .expect("an asset of the fixture");
            out.push(e.asset);
            out.push(c.oracle);
        }
        out
    }

    pub async fn borrow(&mut self, user: &User, position: Pubkey, amount: u64) -> TxOutcome {
        let pricing = self.pricing(position).await;
        self.borrow_priced(user, position, &pricing, amount).await
    }

    /// `borrow` with `pricing` as the remaining accounts (the position's entries' price accounts, or others).
    pub async fn borrow_priced(
        &mut self,
        user: &User,
        position: Pubkey,
        pricing: &[Pubkey],
        amount: u64,
    ) -> TxOutcome {
        let ix = self.addrs.borrow(
            user.key.pubkey(),
            position,
            user.quote,
            self.quote_oracle,
            pricing,
            amount,
        );
        self.act(ix, &[&user.key]).await
    }

    pub async fn repay(&mut self, payer: &User, position: Pubkey, amount: u64) -> TxOutcome {
        let ix = self
            .addrs
            .repay(payer.key.pubkey(), position, payer.quote, amount);
        self.act(ix, &[&payer.key]).await
    }

    pub async fn withdraw_collateral(
        &mut self,
        user: &User,
        position: Pubkey,
        i: usize,
        amount: u64,
    ) -> TxOutcome {
        let to = self.fund_collateral(user, i, 0).await;
        let pricing = self.pricing(position).await;
        let a = self.assets[i].addrs;
        let ix = self.addrs.withdraw_collateral(
            user.key.pubkey(),
            position,
            &a,
            to,
            self.quote_oracle,
            &pricing,
            amount,
        );
        self.act(ix, &[&user.key]).await
    }

    pub async fn liquidate(
        &mut self,
        liquidator: &User,
        position: Pubkey,
        i: usize,
        max_repay: u64,
    ) -> TxOutcome {
        let pricing = self.pricing(position).await;
        self.liquidate_priced(liquidator, position, i, &pricing, max_repay)
            .await
    }

    /// `liquidate` seizing asset `i`, with `pricing` as the remaining accounts.
    pub async fn liquidate_priced(
        &mut self,
        liquidator: &User,
        position: Pubkey,
        i: usize,
        pricing: &[Pubkey],
        max_repay: u64,
    ) -> TxOutcome {
        let to = self.fund_collateral(liquidator, i, 0).await;
        let a = self.assets[i].addrs;
        let ix = self.addrs.liquidate(
            liquidator.key.pubkey(),
            position,
            liquidator.quote,
            &a,
            to,
            self.quote_oracle,
            pricing,
            LiquidateArgs {
                max_repay,
                min_seize: 0,
            },
        );
        self.act(ix, &[&liquidator.key]).await
    }

    pub async fn position(&mut self, position: Pubkey) -> Position {
        self.env.anchor_account(position).await
    }

    pub async fn asset(&mut self, i: usize) -> CollateralAsset {
        self.env.anchor_account(self.assets[i].addrs.asset).await
    }

    pub async fn vault(&mut self) -> Vault {
        self.env.anchor_account(self.addrs.vault).await
    }

    pub async fn request_state(
        &mut self,
        user: &User,
        tranche: Tranche,
    ) -> Option<RedemptionRequest> {
        let key = tranche_vault::pda::redemption(&self.addrs.vault, &user.key.pubkey(), tranche).0;
        let acc = self.env.account(key).await?;
        Some(
            anchor_lang::AccountDeserialize::try_deserialize(&mut acc.data.as_slice())
                .expect("request decodes"),
        )
    }

    /// Vault-level invariants, checked after every action:
    /// - `Vault::invariant` (claims ≤ assets, reserved ≤ liquidity, seniority of write-downs, queue bounds);
    /// - the liquidity account holds at least what the books say;
    /// - each escrow holds exactly its tranche's queued shares;
    /// - the users' tranche token accounts plus the escrow add up to the supply (dead shares are never minted);
    /// - each position's invariant, and the positions' scaled debts add up exactly to the vault's (every position
    ///   is tracked: opened by the fixture or registered with [`VaultFixture::track_position`]);
    /// - each collateral asset's invariant, the positions' entries of it add up to its total deposits, and its
    ///   custody holds at least that.
    pub async fn check_invariants(&mut self) {
        let v = self.vault().await;
        v.invariant().expect("Vault::invariant holds");
        let liq = self.env.token_balance(self.addrs.liquidity).await;
        assert!(
            liq >= v.liquidity_native,
            "liquidity balance {liq} < books {}",
            v.liquidity_native
        );
        for t in 0..3 {
            let escrow = self.env.token_balance(self.addrs.escrows[t]).await;
            assert_eq!(
                escrow, v.tranches[t].queued_shares,
                "escrow {t} holds the queued shares"
            );
            let supply = self.env.mint_supply(self.addrs.tranche_mints[t]).await;
            let mut held = escrow;
            for accounts in self.share_accounts.clone() {
                held += self.env.token_balance(accounts[t]).await;
            }
            assert_eq!(
                held, supply,
                "tranche {t}: token accounts add up to the supply"
            );
        }
        let mut positions = Vec::with_capacity(self.positions.len());
        for p in self.positions.clone() {
            let position = self.position(p).await;
            position.invariant().expect("Position::invariant holds");
            assert_eq!(
                position.vault, self.addrs.vault,
                "position {p} is the vault's"
            );
            positions.push(position);
        }
        let scaled = positions
            .iter()
            .try_fold(0u128, |acc, p| acc.checked_add(p.scaled_debt_sf))
            .expect("scaled debts fit in u128");
        assert_eq!(
            scaled,
            v.scaled_debt_sf.get().to_bits(),
            "the positions' scaled debts add up to the vault's (a test that borrows on a position it opened \
             itself registers it with track_position)"
        );
        for i in 0..self.assets.len() {
            let a = self.assets[i].addrs;
            let asset = self.asset(i).await;
            asset.invariant().expect("CollateralAsset::invariant holds");
            let in_positions = positions
                .iter()
                .flat_map(|p| p.active())
                .filter(|e| e.asset == a.asset)
                .try_fold(0u64, |acc, e| acc.checked_add(e.amount))
                .expect("collateral fits in u64");
            assert_eq!(
                in_positions, asset.total_deposits,
                "asset {i}: the positions' entries add up to its total deposits"
            );
            let custody = self.env.token_balance(a.custody).await;
            assert!(
                custody >= asset.total_deposits,
                "asset {i}: custody {custody} < books {}",
                asset.total_deposits
            );
        }
    }

    /// Adds a position opened outside [`VaultFixture::open_position`] to the invariant checks.
    pub fn track_position(&mut self, position: Pubkey) {
        self.positions.push(position);
    }
}
