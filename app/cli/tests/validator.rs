//! The liquidator bot's RPC backend against a real `solana-test-validator` 3.1.12 on loopback (not a mock): the
//! SBF `.so`, a vault built on the embedded chain (its timelocked set-up needs a warped clock) and the Pyth price
//! accounts are preloaded at genesis; then the `tranche liquidator` binary finds and liquidates an unhealthy loan,
//! leaves the healthy ones, refuses to send what its simulation says would fail, and stops cleanly on SIGINT; and
//! the bot's round code, given a read that a borrower's front-run made stale, reads again and liquidates.
//!
//! The same validator (one start, about 35 s, serves both) audits `tranche status` (`status/mod.rs`): as preloaded,
//! with two loans below health 1, and after the liquidations, with a redemption filled (its payout reserved) and
//! another queued, each time against every figure the test works out from the chain.
//!
//! The validator binary comes from `tools/validator/build.sh` (the README's test command runs it). Where it is
//! missing the test says so and skips; where `TRANCHE_NO_SKIP` names `validator` (`make test` does) it fails
//! instead (`tranche_vault_tests::skip`).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anchor_lang::prelude::Pubkey;
use anchor_lang::AccountDeserialize;
use anchor_spl::associated_token::get_associated_token_address_with_program_id as ata;
use anchor_spl::token::spl_token;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use tranche_cli::localnet::{
    build_state_before, funded_ata, price_account, send, start_validator, unix_now, validator_bin,
    write_keypair, Upgrades, BORROWED, SOL, SOL_FEED, SOL_PER_LOAN, USDC,
};
use tranche_vault::constants::TRANCHE_TOKEN_PROGRAM;
use tranche_vault::math::fixed::Sf;
use tranche_vault::state::{Position, Tranche, Vault};
use tranche_vault::DepositArgs;

mod risk_book;
mod status;

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

/// The bot liquidates an unhealthy position (steps 0–5), and `tranche status` shows what the chain holds before and
/// after (one validator for both).
#[test]
fn bot_liquidates_and_status_audits_on_a_local_validator() {
    let Some(bin) = validator_bin() else {
        tranche_vault_tests::skip(
            "validator",
            "the validator (tranche-validator) not found (set TRANCHE_VALIDATOR_BIN, or build it once with \
             tools/validator/build.sh; the README's test command does)",
        );
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("validator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("test dir");

    // The vault, built on the embedded chain ten days in the past (its timelocked set-up, listing SOL and giving the
    // quote oracle an hour of age, needs days of warped clock), then preloaded at genesis with funded keys and the
    // price accounts. The borrowers borrowed at $100; the pinned SOL account, which the bot reads, says $84.
    let now = unix_now();
    let state = build_state_before(now);
    let payer = state.payer.insecure_clone();
    let liquidator = Keypair::new();
    // A depositor of step 3b (its redemption requests' rent).
    let lp = Keypair::new();
    let sol_before_crash = Pubkey::new_unique();
    let mut genesis = state.genesis(
        now,
        8_400,
        &[(liquidator.pubkey(), 10 * SOL), (lp.pubkey(), SOL)],
    );
    genesis.push(price_account(sol_before_crash, SOL_FEED, 10_000, now - 30));
    let v = start_validator(&bin, &dir, None, Upgrades::Disabled, &genesis)
        .expect("start the validator");
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
    // `tranche status` as preloaded: two loans below health 1, the books as of the vault's last accrual on the
    // embedded chain, days ago (read only: the bot's steps below see the same chain).
    let audit =
        status::status_shows_what_the_chain_holds(&rpc, &v.url, &addrs.vault, "as preloaded");
    assert_eq!(audit["positions"]["liquidatable"], 2, "{audit:#}");
    // `tranche risk --url` reads that same book.
    risk_book::risk_reads_the_book_status_shows(&v.url, &addrs.vault.to_string(), &audit);
    let keypair_file = dir.join("liquidator.json");
    write_keypair(&keypair_file, &liquidator).expect("write keypair");
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
    let liq_quote = funded_ata(
        &rpc,
        &payer,
        &liquidator.pubkey(),
        &quote,
        &spl_token::ID,
        2_000 * USDC,
    )
    .expect("fund the liquidator");
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
            state.dust_holder.pubkey(),
            front_run,
            &state.dust,
            state.dust_tokens,
            1,
        )],
        &[&state.dust_holder],
    )
    .expect("the front-run lands");
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

    // 3b. `tranche status` after the liquidations, with the queue in use: a depositor puts 300 USDC into senior
    //     and 200 into mezzanine, asks to redeem half of the senior tokens, the epoch (long over) closes and fills
    //     them (the payout is reserved, not claimed), and half of the mezzanine tokens are queued for the next
    //     close.
    let lp_quote = funded_ata(
        &rpc,
        &payer,
        &lp.pubkey(),
        &quote,
        &spl_token::ID,
        500 * USDC,
    )
    .expect("fund the depositor");
    let lp_shares = [Tranche::Senior, Tranche::Mezzanine].map(|t| {
        funded_ata(
            &rpc,
            &payer,
            &lp.pubkey(),
            &addrs.tranche_mints[t.index()],
            &TRANCHE_TOKEN_PROGRAM,
            0,
        )
        .expect("tranche token account")
    });
    let deposits = [
        (Tranche::Senior, 300 * USDC),
        (Tranche::Mezzanine, 200 * USDC),
    ]
    .map(|(tranche, amount)| {
        addrs.deposit(
            lp.pubkey(),
            lp_quote,
            lp_shares[tranche.index()],
            DepositArgs {
                tranche,
                amount,
                min_shares: 0,
            },
        )
    });
    send(&rpc, &payer, &deposits, &[&lp]).expect("the deposits");
    let [senior_shares, mezzanine_shares] = lp_shares.map(|k| balance(&rpc, &k));
    send(
        &rpc,
        &payer,
        &[addrs.request_redeem(
            lp.pubkey(),
            lp_shares[0],
            Tranche::Senior,
            senior_shares / 2,
        )],
        &[&lp],
    )
    .expect("the senior request");
    let before_close: Vault = tranche_cli::decode(
        &rpc.get_account_data(&addrs.vault).expect("vault"),
        &addrs.vault,
    )
    .expect("decode vault");
    send(
        &rpc,
        &payer,
        &[addrs.close_epoch(
            payer.pubkey(),
            [0, 1, 2].map(|t| before_close.tranches[t].queue_generation),
        )],
        &[],
    )
    .expect("the epoch closes");
    send(
        &rpc,
        &payer,
        &[addrs.request_redeem(
            lp.pubkey(),
            lp_shares[1],
            Tranche::Mezzanine,
            mezzanine_shares / 2,
        )],
        &[&lp],
    )
    .expect("the mezzanine request");
    let audit = status::status_shows_what_the_chain_holds(
        &rpc,
        &v.url,
        &addrs.vault,
        "after the liquidations, with a redemption filled and another queued",
    );
    // The scenario is what it says (the figures themselves were checked against the chain).
    let [senior, mezzanine] = [0, 1].map(|t| &audit["tranches"][t]);
    assert_eq!(audit["positions"]["liquidatable"], 0, "{audit:#}");
    assert_eq!(senior["queued_shares"], 0, "{audit:#}");
    assert_eq!(
        mezzanine["queued_shares"],
        mezzanine_shares / 2,
        "{audit:#}"
    );
    assert_eq!(
        mezzanine["close_fill_shares"],
        mezzanine_shares / 2,
        "{audit:#}"
    );
    assert_ne!(audit["pool"]["reserved_payout_sf"], "0", "{audit:#}");
    assert_eq!(audit["epoch"]["closable_now"], false, "{audit:#}");

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
