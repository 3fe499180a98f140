//! A real `solana-test-validator` on loopback, preloaded at genesis with the SBF `.so` and a vault built on the
//! embedded chain. The vault's set-up goes through the timelock (listing collateral, giving the quote oracle an hour
//! of age), which takes days of warped clock, so it is built on the embedded chain (LiteSVM) in the past and its
//! accounts are written to `--account` files. The liquidator bot's validator test (`tests/validator.rs`) and
//! `tranche localnet` (the web app's chain: `make web`, and its end-to-end test) both start it from here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::associated_token::{
    get_associated_token_address_with_program_id as ata,
    spl_associated_token_account::instruction::create_associated_token_account_idempotent,
};
use anchor_spl::token_2022::spl_token_2022;
use anyhow::{bail, Context, Result};
use base64::Engine;
use embedded_chain::builders::{
    collateral_params, pull_oracle, AssetAddresses, VaultAddresses, QUOTE_FEED,
};
use embedded_chain::fixture::{fixture_params, VaultFixture};
use embedded_chain::Mode;
pub use embedded_chain::{multisig_authority, via_multisig, MULTISIG_ID};
use serde_json::json;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;
use tranche_vault::client::price_update_bytes;
use tranche_vault::oracle::{OracleSetting, PYTH_RECEIVER_ID};
use tranche_vault::state::{ConfigChange, Tranche};
use tranche_vault::CapTarget;

/// Feed ids of the vault's collateral: SOL, and a dust asset (1.0, 6 decimals).
pub const SOL_FEED: [u8; 32] = [0x50; 32];
pub const DUST_FEED: [u8; 32] = [0x52; 32];
pub const USDC: u64 = 1_000_000;
pub const SOL: u64 = 1_000_000_000;
/// Oracle age the vault accepts (the program's ceiling, `MAX_ORACLE_AGE_SECS`): the preloaded prices are never
/// updated, so borrows, withdrawals and liquidations work for an hour after the validator starts. The depositor's
/// instructions (deposit, request, cancel, close the epoch, claim) read no price and work for as long as it runs.
pub const MAX_AGE: u32 = 3_600;
/// The three loans: each on 10 SOL (borrowed at $100), of 690, 200 and 690 USDC.
pub const SOL_PER_LOAN: u64 = 10 * SOL;
pub const BORROWED: [u64; 3] = [690 * USDC, 200 * USDC, 690 * USDC];
/// What the vault's depositor deposited: junior, mezzanine, senior, whole USDC.
pub const DEPOSITED: [(Tranche, u64); 3] = [
    (Tranche::Junior, 1_000),
    (Tranche::Mezzanine, 1_000),
    (Tranche::Senior, 3_000),
];
/// How long before genesis the vault is built. Its set-up passes the timelock (two days) four times (the fixture's
/// stand-in asset, the quote oracle, SOL, the dust asset), so its clock ends about 8 days after it starts: built 10
/// days ago, every timestamp in it is behind the validator's clock, and its last epoch (one day) has ended, so
/// `close_epoch` can run at once.
pub const BUILT_DAYS_AGO: i64 = 10;

/// The validator binary: `TRANCHE_VALIDATOR_BIN` (`tranche-validator`, or agave's own `solana-test-validator`,
/// which takes the same arguments), else `bin/tranche-validator` in the cache that `tools/validator/build.sh`
/// fills (`VALIDATOR_CACHE`, else `~/.cache/tranche-vault-validator`). `None` when there is none.
pub fn validator_bin() -> Option<PathBuf> {
    let bin = match std::env::var_os("TRANCHE_VALIDATOR_BIN") {
        Some(b) => PathBuf::from(b),
        None => {
            let cache = std::env::var_os("VALIDATOR_CACHE")
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("XDG_CACHE_HOME")
                        .map(|x| PathBuf::from(x).join("tranche-vault-validator"))
                })
                .or_else(|| {
                    std::env::var_os("HOME")
                        .map(|h| PathBuf::from(h).join(".cache/tranche-vault-validator"))
                })?;
            cache.join("bin/tranche-validator")
        }
    };
    bin.is_file().then_some(bin)
}

/// How long a validator may take to serve its first slots: about 50 s here when the machine is idle (the unoptimized
/// build), several minutes when builds share its two cores.
const START_TIMEOUT_SECS: u64 = 600;

/// Ports a validator takes from its base: RPC (and its websocket at +1), faucet, gossip, then a dynamic range.
pub const PORTS: u16 = 40;

/// Whether the `n` loopback ports from `base` are free for TCP and UDP.
fn ports_free(base: u16, n: u16) -> bool {
    (base..base + n).all(|p| {
        std::net::TcpListener::bind(("127.0.0.1", p)).is_ok()
            && std::net::UdpSocket::bind(("127.0.0.1", p)).is_ok()
    })
}

/// The base of a block of [`PORTS`] consecutive loopback ports free for TCP and UDP.
pub fn free_ports() -> Result<u16> {
    let start = 20_000 + (std::process::id() % 400) as u16 * 100;
    (0..200u16)
        .map(|k| 20_000 + (start - 20_000 + k * 100) % 40_000)
        .find(|&base| ports_free(base, PORTS))
        .context("no free block of loopback ports")
}

/// A running validator; killed on drop.
pub struct Validator {
    child: Child,
    pub url: String,
    pub ledger: PathBuf,
}

impl Drop for Validator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Validator {
    /// The websocket endpoint (the RPC port + 1).
    pub fn ws_url(&self) -> String {
        let port: u16 = self
            .url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(8899);
        format!("ws://127.0.0.1:{}", port + 1)
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// One account to preload at genesis: address, owner, lamports, data.
pub type GenesisAccount = (Pubkey, Pubkey, u64, Vec<u8>);

/// Writes `account` in the JSON shape `solana account --output json` prints (what `--account` reads) into `dir`.
pub fn account_file(dir: &Path, account: &GenesisAccount) -> Result<PathBuf> {
    let (key, owner, lamports, data) = account;
    let path = dir.join(format!("{key}.json"));
    let json = json!({
        "pubkey": key.to_string(),
        "account": {
            "lamports": lamports,
            "data": [base64::engine::general_purpose::STANDARD.encode(data), "base64"],
            "owner": owner.to_string(),
            "executable": false,
            "rentEpoch": 0,
            "space": data.len(),
        }
    });
    std::fs::write(&path, json.to_string())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// The program's upgrade authority at genesis (`solana program deploy` leaves the deployer's, which `solana program
/// set-upgrade-authority` hands to the multisig). Either way the BPF upgradeable loader owns the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upgrades {
    /// `--bpf-program`: no upgrade authority (the program can never change).
    Disabled,
    /// `--upgradeable-program`: upgradeable by this key, as a deployed program is.
    By(Pubkey),
}

/// How many times [`start_validator`] starts a validator on a fresh block of ports when one exits while starting.
const START_ATTEMPTS: usize = 3;

/// A validator that exited before it served its first slots: its exit status and the last lines it wrote.
#[derive(Debug)]
pub struct StartupExit {
    pub status: std::process::ExitStatus,
    pub output: String,
}

impl std::fmt::Display for StartupExit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the validator exited while starting ({}); its last lines:\n{}",
            self.status, self.output
        )
    }
}

impl std::error::Error for StartupExit {}

/// The last `n` lines of the file at `path`, or `(nothing)`.
fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    match lines[lines.len().saturating_sub(n)..].join("\n") {
        t if t.is_empty() => "(nothing)".into(),
        t => t,
    }
}

/// Starts `bin` with a fresh ledger in `dir`, the program's SBF build (with `upgrades`), the stand-in multisig and
/// `accounts` preloaded, and waits until it serves the program (a slot after genesis). It takes [`PORTS`] loopback
/// ports from `base`; with `None`, from a free block, and then a validator that exits while starting (a port taken
/// between the check and its bind, say) is started again on another block, up to [`START_ATTEMPTS`] times in all.
pub fn start_validator(
    bin: &Path,
    dir: &Path,
    base: Option<u16>,
    upgrades: Upgrades,
    accounts: &[GenesisAccount],
) -> Result<Validator> {
    let Some(base) = base else {
        let mut attempt = 1;
        loop {
            match start_validator_on(bin, dir, free_ports()?, upgrades, accounts) {
                Err(e) if attempt < START_ATTEMPTS && e.downcast_ref::<StartupExit>().is_some() => {
                    eprintln!(
                        "{e}\nstarting it again on other ports (attempt {})",
                        attempt + 1
                    );
                    attempt += 1;
                }
                result => return result,
            }
        }
    };
    start_validator_on(bin, dir, base, upgrades, accounts)
}

fn start_validator_on(
    bin: &Path,
    dir: &Path,
    base: u16,
    upgrades: Upgrades,
    accounts: &[GenesisAccount],
) -> Result<Validator> {
    let so = embedded_chain::deploy_dir().join("tranche_vault.so");
    let multisig_so = embedded_chain::deploy_dir().join("stand_in_multisig.so");
    for program in [&so, &multisig_so] {
        if !program.is_file() {
            bail!(
                "{} missing: build the SBF programs first (`make sbf`)",
                program.display()
            );
        }
    }
    if !ports_free(base, PORTS) {
        bail!(
            "loopback ports {base}..{} are not all free (another validator?)",
            base + PORTS
        );
    }
    let accounts_dir = dir.join("accounts");
    std::fs::create_dir_all(&accounts_dir)
        .with_context(|| format!("creating {}", accounts_dir.display()))?;
    let ledger = dir.join("ledger");
    let mut cmd = Command::new(bin);
    cmd.args(["--reset", "--quiet", "--bind-address", "127.0.0.1"])
        .arg("--ledger")
        .arg(&ledger)
        .args(["--rpc-port", &base.to_string()])
        .args(["--faucet-port", &(base + 2).to_string()])
        .args(["--gossip-port", &(base + 3).to_string()])
        .args([
            "--dynamic-port-range",
            &format!("{}-{}", base + 4, base + PORTS),
        ]);
    match upgrades {
        Upgrades::Disabled => cmd.arg("--bpf-program"),
        Upgrades::By(_) => cmd.arg("--upgradeable-program"),
    };
    cmd.arg(tranche_vault::ID.to_string()).arg(&so);
    if let Upgrades::By(authority) = upgrades {
        cmd.arg(authority.to_string());
    }
    // The stand-in multisig, so that a vault's authority can be a PDA here, as a Squads vault's is on a cluster.
    cmd.arg("--bpf-program")
        .arg(MULTISIG_ID.to_string())
        .arg(&multisig_so);
    for account in accounts {
        cmd.arg("--account")
            .arg(account.0.to_string())
            .arg(account_file(&accounts_dir, account)?);
    }
    // What it prints before its log file opens (a refused argument, say) goes to `validator.out`.
    let out_path = dir.join("validator.out");
    let out = std::fs::File::create(&out_path)
        .with_context(|| format!("creating {}", out_path.display()))?;
    let child = cmd
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out)
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let mut v = Validator {
        child,
        url: format!("http://127.0.0.1:{base}"),
        ledger,
    };
    let rpc = RpcClient::new(v.url.clone());
    let started = Instant::now();
    // Programs loaded at genesis become callable a slot after it.
    while rpc.get_slot().map_or(true, |s| s < 2) {
        if let Ok(Some(status)) = v.child.try_wait() {
            let log = v.ledger.join("validator.log");
            return Err(StartupExit {
                status,
                output: format!(
                    "{}:\n{}\n{}:\n{}",
                    out_path.display(),
                    tail(&out_path, 10),
                    log.display(),
                    tail(&log, 20)
                ),
            }
            .into());
        }
        if started.elapsed() > Duration::from_secs(START_TIMEOUT_SECS) {
            bail!(
                "validator not serving after {START_TIMEOUT_SECS} s; see {}/validator.log",
                v.ledger.display()
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    eprintln!(
        "validator up on {} in {:.1}s",
        v.url,
        started.elapsed().as_secs_f64()
    );
    Ok(v)
}

/// Signs `ixs` with `payer` (fee payer) and `signers`, sends and confirms them.
pub fn send(
    rpc: &RpcClient,
    payer: &Keypair,
    ixs: &[Instruction],
    signers: &[&Keypair],
) -> Result<()> {
    let mut all = vec![payer];
    all.extend(signers.iter().copied());
    let tx = Transaction::new_signed_with_payer(
        ixs,
        Some(&payer.pubkey()),
        &all,
        rpc.get_latest_blockhash().context("latest blockhash")?,
    );
    rpc.send_and_confirm_transaction(&tx)
        .map(|_| ())
        .map_err(|e| anyhow::anyhow!("transaction failed: {e:?}"))
}

/// The associated token account of `owner` for `mint` (created if missing), with `amount` minted to it by
/// `payer`, the mint authority.
pub fn funded_ata(
    rpc: &RpcClient,
    payer: &Keypair,
    owner: &Pubkey,
    mint: &Pubkey,
    token_program: &Pubkey,
    amount: u64,
) -> Result<Pubkey> {
    let to = ata(owner, mint, token_program);
    let mut ixs = vec![create_associated_token_account_idempotent(
        &payer.pubkey(),
        owner,
        mint,
        token_program,
    )];
    if amount > 0 {
        ixs.push(spl_token_2022::instruction::mint_to(
            token_program,
            mint,
            &to,
            &payer.pubkey(),
            &[],
            amount,
        )?);
    }
    send(rpc, payer, &ixs, &[])?;
    Ok(to)
}

/// A `PriceUpdateV2` of `feed` at `cents` (conf = price / 2,000, expo −8, fully verified) published at
/// `publish_time`, owned by the Pyth Receiver as a sponsored feed account is.
pub fn price_account(key: Pubkey, feed: [u8; 32], cents: i64, publish_time: i64) -> GenesisAccount {
    let p = cents * 1_000_000;
    let data = price_update_bytes(feed, p, (p / 2_000) as u64, -8, publish_time, true);
    (key, PYTH_RECEIVER_ID, 10_000_000, data)
}

/// The vault as the embedded chain built it, and who is who.
pub struct State {
    /// The embedded chain's payer: the mint authority of the quote and collateral mints.
    pub payer: Keypair,
    /// The vault's authority (it may lower caps at once).
    pub authority: Keypair,
    pub addrs: VaultAddresses,
    pub sol_mint: Pubkey,
    /// The pinned price accounts (not preloaded: written at genesis with [`price_account`]).
    pub quote_oracle: Pubkey,
    pub sol_oracle: Pubkey,
    pub dust_oracle: Pubkey,
    /// The owner of `positions[2]`, and one unit of the dust asset in their token account.
    pub dust_holder: Keypair,
    pub dust: AssetAddresses,
    pub dust_tokens: Pubkey,
    /// Loans on 10 SOL each of 690, 200 and 690 USDC ([`BORROWED`]).
    pub positions: [Pubkey; 3],
    /// SOL's liquidation threshold, as listed.
    pub sol_threshold_bps: u16,
    /// Every account of the vault to preload.
    pub accounts: Vec<GenesisAccount>,
}

impl State {
    /// What a validator with this vault preloads at genesis: the payer with 1,000 SOL, each of `funded` with its
    /// lamports, the pinned price accounts published 30 s before `now` (the quote and the dust asset at $1, SOL at
    /// `sol_cents`), and the vault's accounts.
    pub fn genesis(
        &self,
        now: i64,
        sol_cents: i64,
        funded: &[(Pubkey, u64)],
    ) -> Vec<GenesisAccount> {
        let system = anchor_lang::system_program::ID;
        let mut genesis = vec![(self.payer.pubkey(), system, 1_000 * SOL, vec![])];
        genesis.extend(
            funded
                .iter()
                .map(|(k, lamports)| (*k, system, *lamports, vec![])),
        );
        genesis.extend([
            price_account(self.quote_oracle, QUOTE_FEED, 100, now - 30),
            price_account(self.sol_oracle, SOL_FEED, sol_cents, now - 30),
            price_account(self.dust_oracle, DUST_FEED, 100, now - 30),
        ]);
        genesis.extend(self.accounts.iter().cloned());
        genesis
    }
}

/// Builds the vault on the embedded chain (the SBF program in LiteSVM), starting at unix time `start`:
/// an hour of oracle age for the quote and SOL (through the timelock), SOL and a dust asset listed (through the
/// timelock), [`DEPOSITED`] into the tranches, and three loans on 10 SOL at $100 ([`BORROWED`]).
pub async fn build_state(start: i64) -> State {
    let mut f = VaultFixture::starting_at(Mode::Lite, fixture_params(), start).await;
    let quote_oracle = OracleSetting {
        max_age_secs: MAX_AGE,
        ..pull_oracle(QUOTE_FEED)
    };
    f.govern(
        ConfigChange::QuoteOracle {
            oracle: quote_oracle,
        },
        None,
    )
    .await
    .expect_ok();
    let mut params = collateral_params(SOL_FEED);
    params.oracle.max_age_secs = MAX_AGE;
    let sol_threshold_bps = params.liquidation_threshold_bps;
    let sol = f.add_collateral_with(9, 100.0, params).await;
    let mut params = collateral_params(DUST_FEED);
    params.oracle.max_age_secs = MAX_AGE;
    let dust = f.add_collateral_with(6, 1.0, params).await;
    let lp = f.user(10_000 * USDC).await;
    for (tranche, amount) in DEPOSITED {
        f.deposit(&lp, tranche, amount * USDC).await.expect_ok();
    }
    let mut owners = vec![];
    for borrowed in BORROWED {
        let owner = f.user(0).await;
        let p = f.open_position(&owner, 0).await;
        f.deposit_collateral(&owner, p, sol, SOL_PER_LOAN)
            .await
            .expect_ok();
        f.borrow(&owner, p, borrowed).await.expect_ok();
        owners.push(owner);
    }
    let dust_holder = owners.swap_remove(2);
    let dust_tokens = f.fund_collateral(&dust_holder, dust, 1).await;
    let positions = [f.positions()[0], f.positions()[1], f.positions()[2]];
    let mut keys = vec![
        f.addrs.vault,
        f.addrs.liquidity,
        f.addrs.quote_mint,
        dust_tokens,
    ];
    keys.extend(f.addrs.tranche_mints);
    keys.extend(f.addrs.escrows);
    keys.extend(positions);
    for c in f.assets.clone() {
        keys.extend([c.addrs.asset, c.addrs.mint, c.addrs.custody]);
    }
    let mut accounts = vec![];
    for k in keys {
        let a = f.env.account(k).await.expect("account to preload");
        accounts.push((k, a.owner, a.lamports, a.data));
    }
    State {
        payer: f.env.payer_keypair().insecure_clone(),
        authority: f.authority.insecure_clone(),
        addrs: f.addrs,
        sol_mint: f.assets[sol].addrs.mint,
        quote_oracle: f.quote_oracle,
        sol_oracle: f.assets[sol].oracle,
        dust_oracle: f.assets[dust].oracle,
        dust_holder: dust_holder.key,
        dust: f.assets[dust].addrs,
        dust_tokens,
        positions,
        sol_threshold_bps,
        accounts,
    }
}

/// [`build_state`] on a runtime of its own, [`BUILT_DAYS_AGO`] days before `now`.
pub fn build_state_before(now: i64) -> State {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(build_state(now - BUILT_DAYS_AGO * 86_400))
}

/// Unix seconds now.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

/// Writes `key` as `solana-keygen` does (a JSON array of 64 numbers).
pub fn write_keypair(path: &Path, key: &Keypair) -> Result<()> {
    std::fs::write(path, serde_json::to_string(&key.to_bytes().to_vec())?)
        .with_context(|| format!("writing {}", path.display()))
}

/// Options of `tranche localnet`.
pub struct LocalnetOpts {
    /// The validator's files (ledger, account files, the test wallet's keypair); emptied first.
    pub dir: PathBuf,
    /// RPC port (the websocket is the next one, and [`PORTS`] in all are taken); 0 picks a free block.
    pub rpc_port: u16,
    /// SOL's price in the pinned account, cents.
    pub sol_price_cents: i64,
    /// Tranche deposit caps after start (senior, mezzanine, junior), whole quote tokens; lowered by the authority.
    pub caps: [u64; 3],
    /// Quote minted to the test wallet, whole tokens.
    pub wallet_quote: u64,
}

/// What `tranche localnet` prints (one JSON line on stdout) once the chain is ready.
pub struct Localnet {
    pub validator: Validator,
    pub info: serde_json::Value,
}

/// `tranche localnet`: the vault of [`build_state`] on a validator, with its caps lowered to `opts.caps`, one
/// accrual (the week since the vault was built), and a test wallet holding 100 SOL and `opts.wallet_quote` of the
/// quote. Returns once the chain is ready.
pub fn localnet(opts: &LocalnetOpts) -> Result<Localnet> {
    let bin = validator_bin().context(
        "the validator (tranche-validator) not found: build it once with `make validator` \
         (tools/validator/build.sh), or set TRANCHE_VALIDATOR_BIN",
    )?;
    if opts.dir.exists() {
        std::fs::remove_dir_all(&opts.dir)
            .with_context(|| format!("emptying {}", opts.dir.display()))?;
    }
    std::fs::create_dir_all(&opts.dir)
        .with_context(|| format!("creating {}", opts.dir.display()))?;
    let built = Instant::now();
    let now = unix_now();
    let state = build_state_before(now);
    eprintln!(
        "vault built on the embedded chain in {:.1}s",
        built.elapsed().as_secs_f64()
    );
    let wallet = Keypair::new();
    let genesis = state.genesis(
        now,
        opts.sol_price_cents,
        &[
            (state.authority.pubkey(), 10 * SOL),
            (wallet.pubkey(), 100 * SOL),
        ],
    );
    let base = (opts.rpc_port != 0).then_some(opts.rpc_port);
    let validator = start_validator(&bin, &opts.dir, base, Upgrades::Disabled, &genesis)?;
    let rpc = RpcClient::new_with_commitment(validator.url.clone(), CommitmentConfig::confirmed());
    let addrs = &state.addrs;
    // The caps, lowered by the authority (no timelock: lowering only tightens), and the week's interest.
    let mut ixs: Vec<Instruction> = [Tranche::Senior, Tranche::Mezzanine, Tranche::Junior]
        .iter()
        .zip(opts.caps)
        .map(|(t, cap)| {
            addrs.lower_cap(
                state.authority.pubkey(),
                CapTarget::Tranche(*t),
                cap * USDC,
                None,
            )
        })
        .collect();
    ixs.push(addrs.accrue());
    send(&rpc, &state.payer, &ixs, &[&state.authority]).context("lowering the caps")?;
    let quote = funded_ata(
        &rpc,
        &state.payer,
        &wallet.pubkey(),
        &addrs.quote_mint,
        &addrs.token_program,
        opts.wallet_quote * USDC,
    )
    .context("funding the test wallet")?;
    let wallet_file = opts.dir.join("wallet.json");
    write_keypair(&wallet_file, &wallet)?;
    let info = json!({
        "rpc": validator.url,
        "ws": validator.ws_url(),
        "program": tranche_vault::ID.to_string(),
        "vault": addrs.vault.to_string(),
        "quote_mint": addrs.quote_mint.to_string(),
        "wallet": wallet_file.display().to_string(),
        "wallet_pubkey": wallet.pubkey().to_string(),
        "wallet_quote_account": quote.to_string(),
        "positions": state.positions.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        "ledger": validator.ledger.display().to_string(),
    });
    Ok(Localnet { validator, info })
}

/// Runs [`localnet`], prints its JSON line, and stays up until SIGINT or SIGTERM (or the validator exits).
pub fn run(opts: &LocalnetOpts) -> Result<()> {
    // The embedded chain logs every transaction at debug level otherwise.
    if std::env::var_os("RUST_LOG").is_none() {
        std::env::set_var("RUST_LOG", "error");
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, stop.clone())?;
    }
    let mut net = localnet(opts)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", net.info)?;
    out.flush()?;
    drop(out);
    eprintln!(
        "localnet ready: {} (vault {}); Ctrl-C stops it",
        net.validator.url, net.info["vault"]
    );
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        if !net.validator.running() {
            bail!(
                "the validator exited; see {}/validator.log",
                net.validator.ledger.display()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    eprintln!("localnet stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A validator that exits at once, saying why: `start_validator` names the exit and carries its words, and on
    /// ports it picked itself starts it [`START_ATTEMPTS`] times in all; on ports it was given, once.
    #[test]
    fn a_validator_that_exits_while_starting_is_named_and_started_again() {
        let dir = std::env::temp_dir().join(format!("tranche-startup-exit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let runs = dir.join("runs");
        let bin = dir.join("solana-test-validator");
        std::fs::write(
            &bin,
            format!(
                "#!/bin/sh\necho run >> {}\necho 'error: the ledger is locked' >&2\nexit 3\n",
                runs.display()
            ),
        )
        .expect("fake validator");
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");

        let err = start_validator(&bin, &dir, None, Upgrades::Disabled, &[])
            .err()
            .expect("the fake validator never serves");
        let exit = err
            .downcast_ref::<StartupExit>()
            .expect("a StartupExit error");
        assert_eq!(exit.status.code(), Some(3));
        assert!(
            err.to_string().contains("error: the ledger is locked"),
            "{err}"
        );
        let count = |p: &Path| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .lines()
                .count()
        };
        assert_eq!(count(&runs), START_ATTEMPTS);

        std::fs::remove_file(&runs).expect("reset the count");
        let base = free_ports().expect("ports");
        assert!(start_validator(&bin, &dir, Some(base), Upgrades::Disabled, &[]).is_err());
        assert_eq!(count(&runs), 1, "a given block of ports is tried once");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
