//! The embedded chain: the tranche_vault program's SBF build in LiteSVM, or in solana-program-test (agave 3.1.12,
//! natively or from its SBF build), and a vault fixture that drives it through its real instructions. The embedded
//! demo (`tranche demo`) runs on LiteSVM; the test suites run in solana-program-test.
//!
//! - [`Mode::Lite`]: the SBF bytecode from `target/deploy/*.so` (built by `make sbf`) in LiteSVM, which runs the
//!   same agave 3.1 program runtime in process: compute units are metered, signatures verified, events read back
//!   from the logs. It is what the CLI links (without solana-program-test, whose validator runtime is most of a
//!   build's time).
//! - [`Mode::Native`] (feature `program-test`): the program linked into the binary and run through `processor!`
//!   (fast; no metering, and `emit!`/`msg!` print nothing).
//! - [`Mode::Sbf`] (feature `program-test`): the SBF bytecode loaded into solana-program-test.
//!
//! Governance that a multisig would sign goes through the stand-in multisig (`stand_in_multisig`, an SBF program
//! of its own, preloaded in every mode).

pub mod builders;
pub mod fixture;

use std::path::PathBuf;

use anchor_lang::prelude::{Clock, Pubkey, Rent};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction;
use anchor_lang::{AccountDeserialize, AnchorDeserialize, Discriminator, Event};
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;
use anchor_spl::token_2022_extensions::spl_token_metadata_interface;
use base64::Engine;
use litesvm::LiteSVM;
use solana_account::Account;
use solana_keypair::Keypair;
#[cfg(feature = "program-test")]
use solana_program_test::{processor, ProgramTest, ProgramTestContext};
use solana_signer::Signer;
use solana_transaction::Transaction;

pub use solana_instruction_error::InstructionError;
pub use solana_transaction_error::TransactionError;
pub use stand_in_multisig::{
    authority as multisig_authority, forward as via_multisig, ID as MULTISIG_ID,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The SBF build in LiteSVM.
    Lite,
    /// The program linked natively into solana-program-test.
    #[cfg(feature = "program-test")]
    Native,
    /// The SBF build in solana-program-test.
    #[cfg(feature = "program-test")]
    Sbf,
}

/// `target/deploy` of the workspace.
pub fn deploy_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/deploy")
}

/// The bytes of `target/deploy/<name>.so`, or a panic that says how to build it. For `tranche_vault`,
/// `TRANCHE_VAULT_SO` names another build instead (the compute-unit profile's: `make cu-profile`).
pub fn read_program(name: &str) -> Vec<u8> {
    let path = match std::env::var_os("TRANCHE_VAULT_SO") {
        Some(so) if name == "tranche_vault" => PathBuf::from(so),
        _ => deploy_dir().join(format!("{name}.so")),
    };
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Build the SBF programs first: `make sbf` (the README test command does it).",
            path.display()
        )
    })
}

/// Adds an SBF program as the loader would hold it (same as `ProgramTest::add_program` with a `.so`).
#[cfg(feature = "program-test")]
pub fn add_sbf_program(pt: &mut ProgramTest, name: &str, id: Pubkey) {
    let data = read_program(name);
    pt.add_account(
        id,
        Account {
            lamports: 1_000_000_000,
            data,
            owner: BPF_LOADER_ID,
            executable: true,
            rent_epoch: 0,
        },
    );
}

/// Puts mainnet's SPL Token program in place of solana-program-test's. Mainnet runs p-token at the SPL Token address
/// (feature `replace_spl_token_with_p_token`, active in LiteSVM 0.12's capture of mainnet's features, 2026-04-26),
/// while solana-program-test 3.1.12 still loads the SPL Token 3.5 build, whose `transfer_checked` costs about 6,000
/// CU more: without this, every figure of an instruction that moves SPL tokens would be one mainnet no longer shows.
/// The program (and its programdata account) is taken from LiteSVM, which ships the p-token build.
#[cfg(feature = "program-test")]
pub fn add_mainnet_token_program(pt: &mut ProgramTest) {
    let svm = LiteSVM::new();
    let program = svm
        .get_account(&spl_token::ID)
        .expect("LiteSVM holds the SPL Token program");
    // LiteSVM loads p-token through the upgradeable loader, SPL Token 3.5 through loader v2. An upgradeable
    // program's account is `UpgradeableLoaderState::Program` in bincode: the tag 2 (u32), then its programdata.
    assert!(
        program.owner == UPGRADEABLE_LOADER_ID
            && program.data.len() == 36
            && program.data[..4] == [2, 0, 0, 0],
        "LiteSVM's SPL Token program is not p-token (owner {}, {} bytes)",
        program.owner,
        program.data.len()
    );
    let programdata_address = Pubkey::try_from(&program.data[4..36]).expect("32 bytes");
    let programdata = svm
        .get_account(&programdata_address)
        .expect("the SPL Token program's programdata");
    pt.add_account(programdata_address, programdata);
    pt.add_account(spl_token::ID, program);
}

/// The upgradeable BPF loader (v3).
#[cfg(feature = "program-test")]
const UPGRADEABLE_LOADER_ID: Pubkey =
    Pubkey::from_str_const("BPFLoaderUpgradeab1e11111111111111111111111");

/// The (non-upgradeable) BPF loader v2, which `ProgramTest::add_program` also uses for `.so` files.
#[cfg(feature = "program-test")]
const BPF_LOADER_ID: Pubkey = Pubkey::from_str_const("BPFLoader2111111111111111111111111111111111");

/// The native entry: Anchor's `entry` ties every account to one lifetime, `processor!` does not.
#[cfg(feature = "program-test")]
fn native_entry(
    program_id: &Pubkey,
    accounts: &[anchor_lang::prelude::AccountInfo],
    data: &[u8],
) -> anchor_lang::solana_program::entrypoint::ProgramResult {
    // SAFETY: the accounts outlive this call; only the lifetime parameter is changed.
    let accounts: &[anchor_lang::prelude::AccountInfo<'_>] =
        unsafe { std::mem::transmute(accounts) };
    tranche_vault::entry(program_id, accounts, data)
}

/// The outcome of one transaction.
#[derive(Debug)]
pub struct TxOutcome {
    pub result: Result<(), TransactionError>,
    pub logs: Vec<String>,
    /// Compute units consumed by the whole transaction (only meaningful in [`Mode::Sbf`]).
    pub cu: u64,
}

impl TxOutcome {
    /// Panics with the logs unless the transaction succeeded.
    pub fn expect_ok(&self) -> &Self {
        if let Err(e) = &self.result {
            panic!("transaction failed: {e:?}\nlogs:\n{}", self.logs.join("\n"));
        }
        self
    }

    /// The custom error code of the failed instruction (Anchor errors are custom codes).
    pub fn custom_error(&self) -> Option<u32> {
        match &self.result {
            Err(TransactionError::InstructionError(_, InstructionError::Custom(c))) => Some(*c),
            _ => None,
        }
    }

    /// Asserts that the transaction failed with the given custom error code.
    pub fn expect_error(&self, code: impl Into<u32>) {
        let code = code.into();
        assert_eq!(
            self.custom_error(),
            Some(code),
            "expected custom error {code}, got {:?}\nlogs:\n{}",
            self.result,
            self.logs.join("\n")
        );
    }

    /// Compute units the program consumed, summed over its invocations (see [`TxOutcome::program_cu_each`]).
    pub fn program_cu(&self) -> u64 {
        self.program_cu_each().iter().sum()
    }

    /// Compute units of each invocation of the program, in order, from the runtime's `Program <id> consumed N of M
    /// compute units` lines (an instruction's token-program CPIs are included in its figure). Panics when there is
    /// no such line or one does not parse: a reading that is not there must not pass as 0. Only meaningful in
    /// [`Mode::Sbf`] (native mode logs none).
    pub fn program_cu_each(&self) -> Vec<u64> {
        let prefix = format!("Program {} consumed ", tranche_vault::ID);
        let readings: Vec<u64> = self
            .logs
            .iter()
            .filter_map(|l| l.strip_prefix(&prefix))
            .map(|rest| {
                rest.split(' ')
                    .next()
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or_else(|| panic!("unparsable compute-unit line: {prefix}{rest}"))
            })
            .collect();
        assert!(
            !readings.is_empty(),
            "no compute-unit line for the program in the logs (native mode has none):\n{}",
            self.logs.join("\n")
        );
        readings
    }

    /// Decodes every Anchor event of type `E` from the `Program data:` log lines.
    pub fn events<E: Event + AnchorDeserialize + Discriminator>(&self) -> Vec<E> {
        events_in(&self.logs).expect("event decodes")
    }
}

/// Every Anchor event of type `E` in a transaction's `Program data:` log lines (shared with the fuzzer, whose
/// transactions run on LiteSVM); an error if one with `E`'s discriminator does not decode.
pub fn events_in<E: Event + AnchorDeserialize + Discriminator>(
    logs: &[String],
) -> std::io::Result<Vec<E>> {
    logs.iter()
        .filter_map(|l| l.strip_prefix("Program data: "))
        .filter_map(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .filter(|bytes| bytes.starts_with(E::DISCRIMINATOR))
        .map(|bytes| E::deserialize(&mut &bytes[E::DISCRIMINATOR.len()..]))
        .collect()
}

pub struct TestEnv {
    pub mode: Mode,
    chain: Chain,
    /// Makes otherwise identical transactions distinct (see [`TestEnv::send_unique`]).
    nonce: u32,
}

/// The chain behind a [`TestEnv`].
enum Chain {
    Lite(Box<Lite>),
    #[cfg(feature = "program-test")]
    Bank(Box<ProgramTestContext>),
}

/// LiteSVM and the key that pays its transactions.
struct Lite {
    svm: LiteSVM,
    payer: Keypair,
}

/// The payer's secret key, in every mode: fixed, so that a run's compute units repeat exactly. The payer's key
/// reaches the program (it pays rent, which the program records), and with a random payer one demo run in about
/// 200 spent 11 CU more in its epoch close (5 of 900 runs; none of 900 with this key).
const PAYER_SEED: [u8; 32] = [0xFE; 32];

/// The payer's balance: as much SOL as solana-program-test gives its own payer.
const PAYER_LAMPORTS: u64 = 500_000_000 * 1_000_000_000;

fn funded_payer() -> (Keypair, Account) {
    let account = Account::new(PAYER_LAMPORTS, 0, &anchor_lang::system_program::ID);
    (Keypair::new_from_array(PAYER_SEED), account)
}

impl TestEnv {
    /// A fresh chain with the tranche_vault program (in `mode`), the stand-in multisig and the SPL Token programs.
    pub async fn new(mode: Mode) -> Self {
        let chain = match mode {
            Mode::Lite => Self::lite(),
            #[cfg(feature = "program-test")]
            Mode::Native | Mode::Sbf => {
                let mut pt = ProgramTest::default();
                pt.prefer_bpf(false);
                if mode == Mode::Native {
                    pt.add_program("tranche_vault", tranche_vault::ID, processor!(native_entry));
                } else {
                    add_sbf_program(&mut pt, "tranche_vault", tranche_vault::ID);
                }
                add_sbf_program(&mut pt, "stand_in_multisig", MULTISIG_ID);
                add_mainnet_token_program(&mut pt);
                let (payer, funded) = funded_payer();
                pt.add_account(payer.pubkey(), funded);
                let mut ctx = pt.start_with_context().await;
                ctx.payer = payer;
                Chain::Bank(Box::new(ctx))
            }
        };
        TestEnv {
            mode,
            chain,
            nonce: 0,
        }
    }

    /// LiteSVM with its SPL programs, the two SBF programs and a funded payer. Logs are kept up to 100 kB a
    /// transaction (the demo reads every event back from them).
    fn lite() -> Chain {
        let mut svm = LiteSVM::new().with_log_bytes_limit(Some(100_000));
        for (id, name) in [
            (tranche_vault::ID, "tranche_vault"),
            (MULTISIG_ID, "stand_in_multisig"),
        ] {
            svm.add_program(id, &read_program(name))
                .unwrap_or_else(|e| panic!("LiteSVM refused target/deploy/{name}.so: {e:?}"));
        }
        let (payer, funded) = funded_payer();
        svm.set_account(payer.pubkey(), funded)
            .expect("funding the payer");
        Chain::Lite(Box::new(Lite { svm, payer }))
    }

    /// The key that pays every transaction (and is the fixture's mint authority).
    pub fn payer_keypair(&self) -> &Keypair {
        match &self.chain {
            Chain::Lite(lite) => &lite.payer,
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => &ctx.payer,
        }
    }

    /// [`TestEnv::send`], with a compute-unit-limit instruction that differs on every call, so that repeating
    /// an identical action is a new transaction rather than a duplicate.
    pub async fn send_unique(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
        self.nonce += 1;
        let mut all = vec![
            solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(
                1_400_000 - self.nonce,
            ),
        ];
        all.extend_from_slice(ixs);
        self.send(&all, signers).await
    }

    /// The clock sysvar.
    pub async fn clock(&mut self) -> Clock {
        match &mut self.chain {
            Chain::Lite(lite) => lite.svm.get_sysvar::<Clock>(),
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => ctx.banks_client.get_sysvar().await.expect("clock"),
        }
    }

    /// Writes the clock sysvar.
    pub fn set_clock(&mut self, clock: &Clock) {
        match &mut self.chain {
            Chain::Lite(lite) => lite.svm.set_sysvar(clock),
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => ctx.set_sysvar(clock),
        }
    }

    /// Writes an account as it is (what its owner program, or a genesis preload, would have written).
    pub fn set_account(&mut self, address: &Pubkey, account: Account) {
        match &mut self.chain {
            Chain::Lite(lite) => lite
                .svm
                .set_account(*address, account)
                .unwrap_or_else(|e| panic!("LiteSVM refused the account {address}: {e:?}")),
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => ctx.set_account(address, &account.into()),
        }
    }

    /// Moves the clock's unix time forward by `secs`.
    pub async fn warp(&mut self, secs: i64) {
        let mut clock = self.clock().await;
        clock.unix_timestamp += secs;
        self.set_clock(&clock);
    }

    pub async fn now(&mut self) -> i64 {
        self.clock().await.unix_timestamp
    }

    /// Creates a token account of `mint` owned by `owner` (under the mint's token program).
    pub async fn create_token_account(
        &mut self,
        mint: Pubkey,
        owner: Pubkey,
        token_program: Pubkey,
    ) -> Pubkey {
        self.create_token_account_at(Keypair::new(), mint, owner, token_program)
            .await
    }

    /// [`TestEnv::create_token_account`] at a chosen address (CU figures depend on account addresses: the token
    /// program compares them).
    pub async fn create_token_account_at(
        &mut self,
        account: Keypair,
        mint: Pubkey,
        owner: Pubkey,
        token_program: Pubkey,
    ) -> Pubkey {
        let len = spl_token::state::Account::LEN;
        let rent = self.rent().await;
        // Token-2022's instruction builders also build SPL Token instructions (same layout, either program id).
        let init = spl_token_2022::instruction::initialize_account3(
            &token_program,
            &account.pubkey(),
            &mint,
            &owner,
        )
        .expect("initialize_account3 ix");
        let ixs = [
            system_instruction::create_account(
                &self.payer(),
                &account.pubkey(),
                rent.minimum_balance(len),
                len as u64,
                &token_program,
            ),
            init,
        ];
        self.send(&ixs, &[&account]).await.expect_ok();
        account.pubkey()
    }

    /// Mints `amount` of `mint` (whose mint authority is the context payer) to `to`.
    pub async fn mint_to(&mut self, mint: Pubkey, to: Pubkey, token_program: Pubkey, amount: u64) {
        let ix = spl_token_2022::instruction::mint_to(
            &token_program,
            &mint,
            &to,
            &self.payer(),
            &[],
            amount,
        )
        .expect("mint_to ix");
        self.send_unique(&[ix], &[]).await.expect_ok();
    }

    /// Writes a Pyth `PriceUpdateV2` account at `address`, owned by the canonical Receiver: `price` and `conf` in
    /// units of 10^`expo`, published at `publish_time`.
    #[allow(clippy::too_many_arguments)]
    pub fn set_price_update(
        &mut self,
        address: Pubkey,
        feed: [u8; 32],
        price: i64,
        conf: u64,
        expo: i32,
        publish_time: i64,
        full: bool,
    ) {
        let data =
            tranche_vault::client::price_update_bytes(feed, price, conf, expo, publish_time, full);
        self.set_price_account(address, data);
    }

    /// A fully verified `PriceUpdateV2` at `address` whose EMA (`ema`, units of 10^-8) differs from its spot
    /// `price` (confidence `conf`), published at `publish_time`.
    pub fn set_price_update_with_ema(
        &mut self,
        address: Pubkey,
        feed: [u8; 32],
        (price, conf, ema): (i64, u64, i64),
        publish_time: i64,
    ) {
        let data = tranche_vault::client::price_update_bytes_with_ema(
            feed,
            price,
            conf,
            ema,
            -8,
            publish_time,
            true,
        );
        self.set_price_account(address, data);
    }

    /// `data` as an account owned by the Pyth Receiver.
    fn set_price_account(&mut self, address: Pubkey, data: Vec<u8>) {
        let account = Account {
            lamports: 10_000_000,
            data,
            owner: tranche_vault::oracle::PYTH_RECEIVER_ID,
            executable: false,
            rent_epoch: 0,
        };
        self.set_account(&address, account);
    }

    /// Token balance of an SPL Token or Token-2022 account.
    pub async fn token_balance(&mut self, account: Pubkey) -> u64 {
        unpack_token_account(&self.account(account).await.expect("token account")).amount
    }

    /// Supply of an SPL Token or Token-2022 mint.
    pub async fn mint_supply(&mut self, mint: Pubkey) -> u64 {
        unpack_mint(&self.account(mint).await.expect("mint")).supply
    }

    pub fn payer(&self) -> Pubkey {
        self.payer_keypair().pubkey()
    }

    /// Sends one transaction paid by the payer and signed by `signers` as well.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
        match &mut self.chain {
            Chain::Lite(lite) => {
                let tx = signed(ixs, &lite.payer, signers, lite.svm.latest_blockhash());
                match lite.svm.send_transaction(tx) {
                    Ok(meta) => TxOutcome {
                        result: Ok(()),
                        logs: meta.logs,
                        cu: meta.compute_units_consumed,
                    },
                    Err(failed) => TxOutcome {
                        result: Err(failed.err),
                        logs: failed.meta.logs,
                        cu: failed.meta.compute_units_consumed,
                    },
                }
            }
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => send_tx(ctx, ixs, signers).await,
        }
    }

    pub async fn account(&mut self, key: Pubkey) -> Option<Account> {
        match &mut self.chain {
            Chain::Lite(lite) => lite.svm.get_account(&key),
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => ctx
                .banks_client
                .get_account(key)
                .await
                .expect("get_account"),
        }
    }

    /// Reads an Anchor account (zero-copy or borsh) by its `AccountDeserialize`.
    pub async fn anchor_account<T: AccountDeserialize>(&mut self, key: Pubkey) -> T {
        let acc = self.account(key).await.expect("account exists");
        T::try_deserialize(&mut acc.data.as_slice()).expect("account decodes")
    }

    /// The rent sysvar.
    pub async fn rent(&mut self) -> Rent {
        match &mut self.chain {
            Chain::Lite(lite) => lite.svm.get_sysvar::<Rent>(),
            #[cfg(feature = "program-test")]
            Chain::Bank(ctx) => ctx.banks_client.get_rent().await.expect("rent"),
        }
    }

    /// Funds a new keypair with `lamports`.
    pub async fn funded_keypair(&mut self, lamports: u64) -> Keypair {
        let k = Keypair::new();
        let ix = system_instruction::transfer(&self.payer(), &k.pubkey(), lamports);
        self.send(&[ix], &[]).await.expect_ok();
        k
    }

    /// Creates a mint owned by `token_program` (SPL Token or Token-2022) with no extensions.
    pub async fn create_mint(&mut self, token_program: Pubkey, decimals: u8) -> Pubkey {
        self.create_mint_at(Keypair::new(), token_program, decimals)
            .await
    }

    /// [`TestEnv::create_mint`] at a chosen address (benchmarks need fixed addresses: PDA bump searches cost CU).
    pub async fn create_mint_at(
        &mut self,
        mint: Keypair,
        token_program: Pubkey,
        decimals: u8,
    ) -> Pubkey {
        let init = init_mint_ix(token_program, &mint.pubkey(), &self.payer(), decimals);
        self.create_mint_account(mint, token_program, spl_token::state::Mint::LEN, vec![init])
            .await
    }

    /// Creates a Token-2022 mint with a transfer-fee extension (a mint the vault must refuse).
    pub async fn create_transfer_fee_mint(&mut self, decimals: u8) -> Pubkey {
        use spl_token_2022::extension::{transfer_fee, ExtensionType};
        let mint = Keypair::new();
        let len = ExtensionType::try_calculate_account_len::<spl_token_2022::state::Mint>(&[
            ExtensionType::TransferFeeConfig,
        ])
        .expect("mint len");
        let init = vec![
            transfer_fee::instruction::initialize_transfer_fee_config(
                &spl_token_2022::ID,
                &mint.pubkey(),
                None,
                None,
                50,
                1_000_000,
            )
            .expect("transfer fee ix"),
            init_mint_ix(spl_token_2022::ID, &mint.pubkey(), &self.payer(), decimals),
        ];
        self.create_mint_account(mint, spl_token_2022::ID, len, init)
            .await
    }

    /// Creates the rent-exempt account `mint` of `len` bytes under `token_program`, then runs `init`
    /// (extension set-up, then InitializeMint2) in the same transaction.
    async fn create_mint_account(
        &mut self,
        mint: Keypair,
        token_program: Pubkey,
        len: usize,
        init: Vec<Instruction>,
    ) -> Pubkey {
        let rent = self.rent().await;
        let mut ixs = vec![system_instruction::create_account(
            &self.payer(),
            &mint.pubkey(),
            rent.minimum_balance(len),
            len as u64,
            &token_program,
        )];
        ixs.extend(init);
        self.send(&ixs, &[&mint]).await.expect_ok();
        mint.pubkey()
    }
}

/// `ixs` paid by `payer` and signed by it and `signers` (the payer once, even if among them).
fn signed(
    ixs: &[Instruction],
    payer: &Keypair,
    signers: &[&Keypair],
    blockhash: solana_hash::Hash,
) -> Transaction {
    let mut all: Vec<&Keypair> = vec![payer];
    all.extend(
        signers
            .iter()
            .copied()
            .filter(|k| k.pubkey() != payer.pubkey()),
    );
    Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, blockhash)
}

/// Sends one instruction to `program_id` (no accounts) with a compute-unit limit, paid by the context payer.
#[cfg(feature = "program-test")]
pub async fn send_with_budget(
    ctx: &mut ProgramTestContext,
    program_id: Pubkey,
    data: Vec<u8>,
    cu_limit: u32,
) -> TxOutcome {
    let ixs = [
        solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(cu_limit),
        Instruction {
            program_id,
            accounts: vec![],
            data,
        },
    ];
    send_tx(ctx, &ixs, &[]).await
}

/// Sends one transaction paid by the context payer and signed by `signers` as well.
#[cfg(feature = "program-test")]
pub async fn send_tx(
    ctx: &mut ProgramTestContext,
    ixs: &[Instruction],
    signers: &[&Keypair],
) -> TxOutcome {
    let blockhash = ctx
        .banks_client
        .get_latest_blockhash()
        .await
        .expect("blockhash");
    let tx = signed(ixs, &ctx.payer, signers, blockhash);
    let r = ctx
        .banks_client
        .process_transaction_with_metadata(tx)
        .await
        .expect("banks client transport");
    let (logs, cu) = r
        .metadata
        .map(|m| (m.log_messages, m.compute_units_consumed))
        .unwrap_or_default();
    TxOutcome {
        result: r.result,
        logs,
        cu,
    }
}

/// `initialize_mint2` of `mint` under `token_program` (SPL Token or Token-2022), no freeze authority.
pub fn init_mint_ix(
    token_program: Pubkey,
    mint: &Pubkey,
    authority: &Pubkey,
    decimals: u8,
) -> Instruction {
    // Token-2022's instruction builders also build SPL Token instructions (same layout, either program id).
    spl_token_2022::instruction::initialize_mint2(&token_program, mint, authority, None, decimals)
        .expect("initialize_mint2 ix")
}

/// Unpacks an SPL Token or Token-2022 mint (base state; extensions ignored).
pub fn unpack_mint(acc: &Account) -> spl_token_2022::state::Mint {
    use spl_token_2022::extension::StateWithExtensions;
    StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&acc.data)
        .expect("mint unpacks")
        .base
}

/// A Token-2022 mint's token metadata and its metadata pointer (authority, address), as a wallet reads them.
pub fn unpack_token_metadata(
    acc: &Account,
) -> (
    spl_token_metadata_interface::state::TokenMetadata,
    spl_token_2022::extension::metadata_pointer::MetadataPointer,
) {
    use spl_token_2022::extension::{BaseStateWithExtensions, StateWithExtensions};
    let state = StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&acc.data)
        .expect("mint unpacks");
    let metadata = state
        .get_variable_len_extension::<spl_token_metadata_interface::state::TokenMetadata>()
        .expect("the mint carries token metadata");
    let pointer = *state
        .get_extension::<spl_token_2022::extension::metadata_pointer::MetadataPointer>()
        .expect("the mint carries a metadata pointer");
    (metadata, pointer)
}

/// Unpacks an SPL Token or Token-2022 token account (base state).
pub fn unpack_token_account(acc: &Account) -> spl_token_2022::state::Account {
    use spl_token_2022::extension::StateWithExtensions;
    StateWithExtensions::<spl_token_2022::state::Account>::unpack(&acc.data)
        .expect("token account unpacks")
        .base
}
