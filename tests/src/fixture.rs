//! A vault with users, for the tranche suites: one method per instruction, each followed by the vault-level
//! invariant checks ([`VaultFixture::check_invariants`]).

use anchor_lang::prelude::Pubkey;
use anchor_spl::token::spl_token;
use solana_keypair::Keypair;
use solana_signer::Signer;
use tranche_vault::state::{RedemptionRequest, Tranche, Vault, VaultParams};
use tranche_vault::{DepositArgs, RequestRedeemArgs};

use crate::builders::{default_params, InitializeVaultBuilder, TestHook, VaultAddresses};
use crate::{Build, Mode, TestEnv, TxOutcome};

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
    /// Counterparty of the test hooks (the stand-in borrower), with a quote account.
    pub operator: Keypair,
    pub operator_quote: Pubkey,
    /// Every tranche token account the fixture created, to check that balances add up to the supply.
    share_accounts: Vec<[Pubkey; 3]>,
    /// Check the invariants after every action (the benchmark turns this off and checks once at the end).
    pub check_each_action: bool,
    /// With fixed keys, the seed of the next keypair [`VaultFixture::new_key`] makes; `None` for random keys.
    next_key_seed: Option<u64>,
}

/// Unix time the benchmark's chain starts at, so that its CU figures do not depend on the day it runs.
pub const BENCH_START_TS: i64 = 1_800_000_000;

impl VaultFixture {
    /// A vault on SPL Token with [`default_params`], run by the test-hooks build.
    pub async fn new(mode: Mode) -> Self {
        Self::with_params(mode, default_params()).await
    }

    pub async fn with_params(mode: Mode, params: VaultParams) -> Self {
        Self::build(mode, params, false).await
    }

    /// For the benchmark: the SBF test-hooks build, fixed keys (PDA bump searches cost CU), a fixed clock, and
    /// no invariant checks between actions.
    pub async fn for_bench() -> Self {
        let mut f = Self::build(Mode::Sbf, default_params(), true).await;
        f.check_each_action = false;
        f
    }

    async fn build(mode: Mode, params: VaultParams, fixed_keys: bool) -> Self {
        let mut env = TestEnv::with_build(mode, Build::TestHooks).await;
        let key = |n: u8| {
            if fixed_keys {
                Keypair::new_from_array([n; 32])
            } else {
                Keypair::new()
            }
        };
        if fixed_keys {
            let now = env.now().await;
            env.warp(BENCH_START_TS - now).await;
        }
        let authority = key(1);
        let quote = env.create_mint_at(key(2), spl_token::ID, DECIMALS).await;
        let mut b =
            InitializeVaultBuilder::new(env.payer(), authority.pubkey(), quote, spl_token::ID);
        b.args.params = params;
        env.send(&[b.instruction()], &[&authority])
            .await
            .expect_ok();
        let addrs = b.addresses();
        let operator = key(3);
        let operator_quote = env
            .create_token_account_at(key(4), quote, operator.pubkey(), spl_token::ID)
            .await;
        env.mint_to(quote, operator_quote, spl_token::ID, 1_000_000_000 * ONE)
            .await;
        VaultFixture {
            env,
            authority,
            addrs,
            operator,
            operator_quote,
            share_accounts: vec![],
            check_each_action: true,
            next_key_seed: fixed_keys.then_some(0),
        }
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

    /// A token account of `mint` owned by `owner`, at an address from [`VaultFixture::new_key`].
    pub async fn token_account(&mut self, mint: Pubkey, owner: Pubkey) -> Pubkey {
        let at = self.new_key();
        let tp = self.addrs.token_program;
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
            RequestRedeemArgs { tranche, shares },
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
            self.env.warp(ends - now).await;
        }
        self.close_epoch().await
    }

    pub async fn accrue(&mut self) -> TxOutcome {
        let ix = self.addrs.accrue();
        self.act(ix, &[]).await
    }

    pub async fn hook(&mut self, hook: TestHook) -> TxOutcome {
        let ix = self
            .addrs
            .test_hook(self.operator.pubkey(), self.operator_quote, hook);
        let operator = self.operator.insecure_clone();
        self.act(ix, &[&operator]).await
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
    /// - the users' tranche token accounts plus the escrow add up to the supply (dead shares are never minted).
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
    }
}
