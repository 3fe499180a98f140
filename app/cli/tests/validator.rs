//! The liquidator bot's RPC backend against a real `solana-test-validator` 3.1.12 on loopback (not a mock): the
//! SBF `.so`, a vault built on the embedded chain (its timelocked set-up needs a warped clock) and the Pyth price
//! accounts are preloaded at genesis; then the `tranche liquidator` binary finds and liquidates an unhealthy loan,
//! leaves the healthy ones, refuses to send what its simulation says would fail, and stops cleanly on SIGINT; and
//! the bot's round code, given a read that a borrower's front-run made stale, reads again and liquidates.
//!
//! The validator binary comes from `tools/validator/build.sh` (the README's test command runs it). Where it is
//! missing the test says so and skips; where `TRANCHE_NO_SKIP` names `validator` (`make test` does) it fails
//! instead (`tranche_vault_tests::skip`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::AccountDeserialize;
use anchor_spl::associated_token::{
    get_associated_token_address_with_program_id as ata,
    spl_associated_token_account::instruction::create_associated_token_account_idempotent,
};
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;
use base64::Engine;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use solana_transaction::Transaction;
use tranche_vault::client::{price_update_bytes, AssetAddresses, VaultAddresses};
use tranche_vault::math::fixed::Sf;
use tranche_vault::oracle::{OracleSetting, PYTH_RECEIVER_ID};
use tranche_vault::state::{Position, Tranche, Vault};
use tranche_vault_tests::builders::{collateral_params, QUOTE_FEED};

const SOL_FEED: [u8; 32] = [0x50; 32];
const DUST_FEED: [u8; 32] = [0x52; 32];
const USDC: u64 = 1_000_000;
const SOL: u64 = 1_000_000_000;
/// Oracle age the test's vault accepts (the program's ceiling): the preloaded prices are never updated.
const MAX_AGE: u32 = 3_600;
/// The three loans: each on 10 SOL, of 690, 200 and 690 USDC.
const SOL_PER_LOAN: u64 = 10 * SOL;
const BORROWED: [u64; 3] = [690 * USDC, 200 * USDC, 690 * USDC];

fn validator_bin() -> Option<PathBuf> {
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
            cache.join("bin/solana-test-validator")
        }
    };
    bin.is_file().then_some(bin)
}

/// A running validator; killed on drop.
struct Validator {
    child: Child,
    url: String,
    ledger: PathBuf,
}

impl Drop for Validator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A block of `n` consecutive loopback ports free for TCP and UDP.
fn free_ports(n: u16) -> u16 {
    let start = 20_000 + (std::process::id() % 400) as u16 * 100;
    (0..200u16)
        .map(|k| 20_000 + (start - 20_000 + k * 100) % 40_000)
        .find(|&base| {
            (base..base + n).all(|p| {
                std::net::TcpListener::bind(("127.0.0.1", p)).is_ok()
                    && std::net::UdpSocket::bind(("127.0.0.1", p)).is_ok()
            })
        })
        .expect("a free block of loopback ports")
}

/// One account for `--account`, in the JSON shape `solana account --output json` prints.
fn account_file(dir: &Path, key: &Pubkey, owner: &Pubkey, lamports: u64, data: &[u8]) -> PathBuf {
    let path = dir.join(format!("{key}.json"));
    let json = serde_json::json!({
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
    std::fs::write(&path, json.to_string()).expect("write account file");
    path
}

fn start_validator(bin: &Path, dir: &Path, accounts: &[(Pubkey, PathBuf)]) -> Validator {
    let so = tranche_vault_tests::deploy_dir().join("tranche_vault.so");
    assert!(
        so.is_file(),
        "{} missing: build the SBF program first (`make sbf`)",
        so.display()
    );
    let base = free_ports(40);
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
            &format!("{}-{}", base + 4, base + 40),
        ])
        .arg("--bpf-program")
        .arg(tranche_vault::ID.to_string())
        .arg(&so);
    for (key, file) in accounts {
        cmd.arg("--account").arg(key.to_string()).arg(file);
    }
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start solana-test-validator");
    let v = Validator {
        child,
        url: format!("http://127.0.0.1:{base}"),
        ledger,
    };
    let rpc = RpcClient::new(v.url.clone());
    let started = Instant::now();
    // Programs loaded at genesis become callable a slot after it.
    while rpc.get_slot().map_or(true, |s| s < 2) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "validator not serving after 120 s; see {}/validator.log",
            v.ledger.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    println!(
        "validator up on {} in {:.1}s",
        v.url,
        started.elapsed().as_secs_f64()
    );
    v
}

fn send(rpc: &RpcClient, payer: &Keypair, ixs: &[Instruction], signers: &[&Keypair]) {
    let mut all = vec![payer];
    all.extend(signers.iter().copied());
    let tx = Transaction::new_signed_with_payer(
        ixs,
        Some(&payer.pubkey()),
        &all,
        rpc.get_latest_blockhash().expect("blockhash"),
    );
    rpc.send_and_confirm_transaction(&tx)
        .unwrap_or_else(|e| panic!("transaction failed: {e:?}"));
}

/// The associated token account of `owner` for `mint` (created), with `amount` minted to it.
fn funded_ata(
    rpc: &RpcClient,
    payer: &Keypair,
    owner: &Pubkey,
    mint: &Pubkey,
    amount: u64,
) -> Pubkey {
    let to = ata(owner, mint, &spl_token::ID);
    let mut ixs = vec![create_associated_token_account_idempotent(
        &payer.pubkey(),
        owner,
        mint,
        &spl_token::ID,
    )];
    if amount > 0 {
        ixs.push(
            spl_token_2022::instruction::mint_to(
                &spl_token::ID,
                mint,
                &to,
                &payer.pubkey(),
                &[],
                amount,
            )
            .expect("mint_to"),
        );
    }
    send(rpc, payer, &ixs, &[]);
    to
}

/// Runs `tranche liquidator` to completion; returns (success, output).
fn bot(args: &[String]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tranche"))
        .arg("liquidator")
        .args(args)
        .output()
        .expect("run tranche liquidator");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    println!("--- tranche liquidator {}\n{text}", args.join(" "));
    (out.status.success(), text)
}

fn position(rpc: &RpcClient, key: &Pubkey) -> Position {
    let data = rpc.get_account_data(key).expect("position");
    Position::try_deserialize(&mut data.as_slice()).expect("decode position")
}

fn balance(rpc: &RpcClient, key: &Pubkey) -> u64 {
    rpc.get_token_account_balance(key)
        .map(|b| b.amount.parse().expect("amount"))
        .unwrap_or(0)
}

/// What the test preloads: every account of the vault the embedded chain built, and who is who.
struct State {
    /// The embedded chain's payer: the mint authority of the quote and collateral mints.
    payer: Keypair,
    addrs: VaultAddresses,
    sol_mint: Pubkey,
    /// The pinned price accounts (written fresh at genesis).
    quote_oracle: Pubkey,
    sol_oracle: Pubkey,
    dust_oracle: Pubkey,
    /// The owner of `positions[2]`, who front-runs the bot, and the dust asset they hold.
    front_runner: Keypair,
    dust: AssetAddresses,
    dust_tokens: Pubkey,
    /// Loans on 10 SOL each of 690, 200 and 690 USDC ([`BORROWED`]).
    positions: [Pubkey; 3],
    /// SOL's liquidation threshold, as listed.
    sol_threshold_bps: u16,
    /// (address, owner, lamports, data) of each account to preload.
    accounts: Vec<(Pubkey, Pubkey, u64, Vec<u8>)>,
}

/// Builds the vault on the embedded chain (the SBF program in solana-program-test), starting at unix time `start`:
/// an hour of oracle age for the quote and SOL (through the timelock), SOL and a dust asset listed (through the
/// timelock), 1k junior / 1k mezzanine / 3k senior, and three loans on 10 SOL at $100.
async fn build_state(start: i64) -> State {
    use tranche_vault::state::ConfigChange;
    use tranche_vault_tests::builders::pull_oracle;
    use tranche_vault_tests::fixture::{fixture_params, VaultFixture};
    use tranche_vault_tests::Mode;
    let mut f = VaultFixture::starting_at(Mode::Sbf, fixture_params(), start).await;
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
    for (tranche, amount) in [
        (Tranche::Junior, 1_000),
        (Tranche::Mezzanine, 1_000),
        (Tranche::Senior, 3_000),
    ] {
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
    let front_runner = owners.swap_remove(2);
    let dust_tokens = f.fund_collateral(&front_runner, dust, 1).await;
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
        payer: f.env.ctx.payer.insecure_clone(),
        addrs: f.addrs,
        sol_mint: f.assets[sol].addrs.mint,
        quote_oracle: f.quote_oracle,
        sol_oracle: f.assets[sol].oracle,
        dust_oracle: f.assets[dust].oracle,
        front_runner: front_runner.key,
        dust: f.assets[dust].addrs,
        dust_tokens,
        positions,
        sol_threshold_bps,
        accounts,
    }
}

/// A loan's health computed independently of the bot, in floating point: `sol` native units of SOL at its low
/// side (spot less the confidence of spot / 2,000 that the test writes) times the liquidation threshold, over the
/// debt (`borrowed` native USDC) at the quote's high side ($1 + $0.0005).
fn health_of(sol: u64, price: f64, threshold_bps: u16, borrowed: u64) -> f64 {
    let collateral = sol as f64 / SOL as f64 * price * (1.0 - 1.0 / 2_000.0);
    collateral * f64::from(threshold_bps) / 10_000.0 / (borrowed as f64 / USDC as f64 * 1.0005)
}

/// The bot's output scored position `k` exactly once, at `want` rounded down to bps (as the program rounds it).
fn assert_scored(out: &str, k: &Pubkey, want: f64) {
    let prefix = format!("position {}: health ", &k.to_string()[..8]);
    let logged: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once(&prefix).map(|(_, rest)| rest))
        .filter_map(|rest| rest.split(' ').next())
        .collect();
    let expected = format!("{:.4}", (want * 10_000.0).floor() / 10_000.0);
    assert!(
        logged == [expected.as_str()],
        "position {k}: logged healths {logged:?}, want one of {want:.6} rounded down to bps\n{out}"
    );
}

#[test]
fn bot_liquidates_an_unhealthy_position_on_a_local_validator() {
    let Some(bin) = validator_bin() else {
        tranche_vault_tests::skip(
            "validator",
            "solana-test-validator not found (set TRANCHE_VALIDATOR_BIN, or build it once with \
             tools/validator/build.sh; the README's test command does)",
        );
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("validator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("test dir");

    // The vault, built on the embedded chain a week in the past (its timelocked set-up, listing SOL and giving the
    // quote oracle an hour of age, needs days of warped clock), then preloaded at genesis with funded keys and the
    // price accounts. The borrowers borrowed at $100; the pinned SOL account, which the bot reads, says $84.
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let state = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(build_state(now - 7 * 86_400));
    let payer = state.payer.insecure_clone();
    let liquidator = Keypair::new();
    let price = |feed, cents: i64| {
        let p = cents * 1_000_000;
        price_update_bytes(feed, p, (p / 2_000) as u64, -8, now - 30, true)
    };
    let sol_before_crash = Pubkey::new_unique();
    let system = anchor_lang::system_program::ID;
    let mut genesis = vec![
        (payer.pubkey(), system, 1_000 * SOL, vec![]),
        (liquidator.pubkey(), system, 10 * SOL, vec![]),
        (
            state.quote_oracle,
            PYTH_RECEIVER_ID,
            10_000_000,
            price(QUOTE_FEED, 100),
        ),
        (
            sol_before_crash,
            PYTH_RECEIVER_ID,
            10_000_000,
            price(SOL_FEED, 10_000),
        ),
        (
            state.sol_oracle,
            PYTH_RECEIVER_ID,
            10_000_000,
            price(SOL_FEED, 8_400),
        ),
        (
            state.dust_oracle,
            PYTH_RECEIVER_ID,
            10_000_000,
            price(DUST_FEED, 100),
        ),
    ];
    genesis.extend(state.accounts.iter().cloned());
    let accounts: Vec<_> = genesis
        .into_iter()
        .map(|(k, owner, lamports, data)| (k, account_file(&dir, &k, &owner, lamports, &data)))
        .collect();
    let v = start_validator(&bin, &dir, &accounts);
    let rpc = RpcClient::new_with_commitment(v.url.clone(), CommitmentConfig::confirmed());
    let (addrs, sol, quote) = (state.addrs, state.sol_mint, state.addrs.quote_mint);
    let [risky, safe, front_run] = state.positions;
    let debt_before = position(&rpc, &risky).scaled_debt_sf;
    let safe_before = position(&rpc, &safe);
    // The debts the bot will score are what was borrowed: no interest since (the bot uses the vault's borrow index
    // as it is on chain, and the clock stood still between the borrows and the snapshot, to within 1e-6).
    let vault: Vault = tranche_cli::decode(
        &rpc.get_account_data(&addrs.vault).expect("vault"),
        &addrs.vault,
    )
    .expect("decode vault");
    let index = vault.borrow_index_sf.get().to_num::<f64>();
    for (k, borrowed) in state.positions.iter().zip(BORROWED) {
        let debt = Sf::from_bits(position(&rpc, k).scaled_debt_sf).to_num::<f64>() * index;
        assert!(
            (debt / borrowed as f64 - 1.0).abs() < 1e-6,
            "position {k}: debt {debt} native, borrowed {borrowed}"
        );
    }
    let keypair_file = dir.join("liquidator.json");
    std::fs::write(
        &keypair_file,
        serde_json::to_string(&liquidator.to_bytes().to_vec()).expect("json"),
    )
    .expect("write keypair");
    let url = v.url.clone();
    let args = |extra: &[&str]| -> Vec<String> {
        [
            "--url",
            &url,
            "--keypair",
            &keypair_file.display().to_string(),
            "--vault",
            &addrs.vault.to_string(),
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
    };
    let short = |k: &Pubkey| k.to_string()[..8].to_string();

    // 0. Pointed at the pre-crash price account (`--price-account MINT=ACCOUNT`), it sees two healthy loans.
    let (ok, out) = bot(&args(&[
        "--once",
        "--price-account",
        &format!("{sol}={sol_before_crash}"),
    ]));
    assert!(ok, "the bot exits cleanly");
    assert!(
        out.contains("positions scanned: 3, liquidations sent: 0"),
        "{out}"
    );
    assert!(!out.contains("liquidate,"), "{out}");
    // It scored each loan once, at $100 (1.1582, 3.9960, 1.1582).
    for (k, borrowed) in state.positions.iter().zip(BORROWED) {
        let want = health_of(SOL_PER_LOAN, 100.0, state.sol_threshold_bps, borrowed);
        assert!(want > 1.0);
        assert_scored(&out, k, want);
    }

    // 1. The liquidator holds no quote to repay with: the simulation fails and nothing is sent.
    let (ok, out) = bot(&args(&["--once"]));
    assert!(ok, "the bot exits cleanly");
    assert!(
        out.contains("positions scanned: 3, liquidations sent: 0"),
        "{out}"
    );
    // It scored each loan once, at $84 (0.9729, 3.3566, 0.9729); the two below 1 it simulated, and the program
    // refused each for the one reason that the liquidator has no quote account yet: Anchor's AccountNotInitialized
    // (3012, 0xbc4) on `liquidator_quote`, in the transaction's error and in the program's log.
    use anchor_lang::error::ErrorCode;
    let code = ErrorCode::AccountNotInitialized as u32;
    assert_eq!(code, 3_012);
    let refused = [
        format!("custom program error: {code:#x}"),
        format!(
            "AnchorError caused by account: liquidator_quote. Error Code: {}. Error Number: {code}.",
            ErrorCode::AccountNotInitialized.name()
        ),
    ];
    for (k, borrowed) in state.positions.iter().zip(BORROWED) {
        let want = health_of(SOL_PER_LOAN, 84.0, state.sol_threshold_bps, borrowed);
        assert_scored(&out, k, want);
        let simulated: Vec<&str> = out
            .lines()
            .filter(|l| l.contains(&format!("position {}: simulat", short(k))))
            .collect();
        if want >= 1.0 {
            assert!(simulated.is_empty(), "position {k}: {simulated:?}");
            continue;
        }
        assert!(
            simulated.len() == 1
                && simulated[0].contains("simulation failed")
                && simulated[0].ends_with("not sending")
                && refused.iter().all(|r| simulated[0].contains(r.as_str())),
            "position {k}: want one refused simulation with {refused:?}, got {simulated:?}\n{out}"
        );
    }
    assert_eq!(
        position(&rpc, &risky).scaled_debt_sf,
        debt_before,
        "nothing landed"
    );
    // Not sent, not even as a failing transaction: the liquidator paid no fee.
    assert_eq!(
        rpc.get_balance(&liquidator.pubkey()).expect("balance"),
        10 * SOL,
        "the liquidator sent no transaction"
    );

    // 2. A front-run: the bot read the chain; before its liquidation lands, the borrower adds a collateral entry (one
    //    unit of a second asset), so the account list the bot built from its read no longer matches the
    //    position. The bot's own round code (`work_position`), given that stale read, sees its simulation
    //    fail, reads the position again, and liquidates it on the fresh account list within the round.
    let liq_quote = funded_ata(&rpc, &payer, &liquidator.pubkey(), &quote, 2_000 * USDC);
    let opts = tranche_cli::liquidator::rpc::BotOpts {
        url: v.url.clone(),
        keypair: keypair_file.clone(),
        vault: addrs.vault,
        once: true,
        interval_secs: 0,
        priority_fee: 0,
        retries: 3,
        seize_slippage_bps: 50,
        price_accounts: Default::default(),
    };
    let mut chain = tranche_cli::liquidator::rpc::read_chain(&rpc, &opts).expect("read the chain");
    let stale = chain
        .positions
        .iter()
        .find(|(k, _)| *k == front_run)
        .map(|(_, p)| p.clone())
        .expect("the position");
    send(
        &rpc,
        &payer,
        &[addrs.deposit_collateral(
            state.front_runner.pubkey(),
            front_run,
            &state.dust,
            state.dust_tokens,
            1,
        )],
        &[&state.front_runner],
    );
    assert_eq!(position(&rpc, &front_run).active().count(), 2);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let sent = tranche_cli::liquidator::rpc::work_position(
        &rpc,
        &liquidator,
        &opts,
        &mut chain,
        front_run,
        stale,
        &stop,
    )
    .expect("work the position");
    assert_eq!(sent, 1, "liquidated once, on the second try");
    let after = position(&rpc, &front_run);
    assert_eq!(after.active().count(), 2, "the dust entry is still there");
    assert!(after.entries[0].amount < 10 * SOL, "SOL was seized");
    let seized_ata = ata(&liquidator.pubkey(), &sol, &spl_token::ID);
    let quote_before_3 = balance(&rpc, &liq_quote);
    let seized_before_3 = balance(&rpc, &seized_ata);
    assert!(quote_before_3 < 2_000 * USDC);

    // 3. Funded, the binary liquidates the other unhealthy loan (one close-factor step restores health) and
    //    leaves the healthy ones.
    let front_run_before = position(&rpc, &front_run);
    let (ok, out) = bot(&args(&["--once", "--priority-fee", "1000"]));
    assert!(ok, "the bot exits cleanly");
    assert!(out.contains("liquidated in"), "{out}");
    // The check of step 1 sees a sent transaction: its fee (and the collateral account's rent) left the wallet.
    assert!(rpc.get_balance(&liquidator.pubkey()).expect("balance") < 10 * SOL);
    assert!(out.contains("liquidations sent: 1"), "{out}");
    let after = position(&rpc, &risky);
    assert!(
        after.scaled_debt_sf < debt_before && after.scaled_debt_sf > debt_before / 3,
        "about half the debt repaid"
    );
    let repaid = quote_before_3 - balance(&rpc, &liq_quote);
    assert!(
        (340 * USDC..=350 * USDC).contains(&repaid),
        "repaid {repaid}"
    );
    // Seized: repaid × 1.05 / $84 (at most), all of it in the liquidator's collateral account.
    let seized = balance(&rpc, &seized_ata) - seized_before_3;
    assert!(seized > 4 * SOL && seized < 5 * SOL, "seized {seized}");
    assert_eq!(after.entries[0].amount, 10 * SOL - seized);
    assert_eq!(
        position(&rpc, &safe),
        safe_before,
        "the healthy loan is untouched"
    );
    assert_eq!(
        position(&rpc, &front_run),
        front_run_before,
        "and so is the one liquidated in step 2, healthy again"
    );
    assert!(
        out.contains(&format!("position {}: health 1.", short(&risky))),
        "{out}"
    );

    // 4. In a loop, it stops cleanly on Ctrl-C.
    let mut child = Command::new(env!("CARGO_BIN_EXE_tranche"))
        .arg("liquidator")
        .args(args(&["--interval-secs", "1"]))
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the bot");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the bot finishes a round");
        if line.contains("round 2:") {
            break;
        }
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the bot did not stop"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(exit.success(), "exit status {exit}");
    // The reader ends at the bot's end of output.
    let rest: Vec<String> = rx.iter().collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
    drop(v);

    // 5. With the validator gone, the bot says what is wrong and fails.
    let (ok, out) = bot(&args(&["--once"]));
    assert!(!ok);
    assert!(out.contains("error: no JSON-RPC answer at"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
