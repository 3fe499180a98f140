//! Every role's commands, as a user runs them, against a real `solana-test-validator` with the vault of
//! `localnet::build_state` preloaded (built on the embedded chain ten days back, so its first epoch has ended):
//! a depositor deposits into all three tranches through `tranche deposit`, is refused over the cap with the
//! program's error in one line, queues a redemption and cancels another, the keeper accrues and closes the epoch,
//! the depositor claims the fill; a borrower opens a position, deposits two collateral kinds, borrows, repays and
//! withdraws. Each step's effect is checked on the chain; `--unsigned` exports a message and sends nothing.
//!
//! Skips (or fails under `TRANCHE_NO_SKIP=validator`) without the validator binary, as `tests/validator.rs` does.

use std::path::{Path, PathBuf};
use std::process::Command;

use anchor_lang::prelude::Pubkey;
use anchor_lang::AccountDeserialize;
use anchor_spl::associated_token::get_associated_token_address_with_program_id as ata;
use anchor_spl::token::spl_token;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use tranche_cli::localnet::{
    build_state_before, free_ports, funded_ata, price_account, start_validator, unix_now,
    validator_bin, write_keypair, DUST_FEED, SOL, SOL_FEED, USDC,
};
use tranche_vault::constants::TRANCHE_TOKEN_PROGRAM;
use tranche_vault::state::{Position, RedemptionRequest, Tranche, Vault};
use tranche_vault_tests::builders::QUOTE_FEED;

/// Runs the `tranche` binary; (succeeded, stdout + stderr).
fn tranche(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tranche"))
        .args(args)
        .output()
        .expect("run tranche");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// `tranche <args> --vault V --url U --keypair K`, which must succeed; its output.
fn ok(args: &[&str], at: &[&str]) -> String {
    let all: Vec<&str> = args.iter().chain(at).copied().collect();
    let (success, out) = tranche(&all);
    assert!(success, "tranche {all:?} failed:\n{out}");
    out
}

fn balance(rpc: &RpcClient, key: &Pubkey) -> u64 {
    rpc.get_token_account_balance(key)
        .map(|b| b.amount.parse().expect("amount"))
        .unwrap_or(0)
}

fn fetch<T: AccountDeserialize>(rpc: &RpcClient, key: &Pubkey) -> T {
    tranche_cli::decode(&rpc.get_account_data(key).expect("account"), key).expect("decode")
}

fn keyfile(dir: &Path, name: &str, key: &Keypair) -> String {
    let path = dir.join(format!("{name}.json"));
    write_keypair(&path, key).expect("keypair file");
    path.display().to_string()
}

#[test]
fn every_role_runs_its_commands_on_a_local_validator() {
    let Some(bin) = validator_bin() else {
        tranche_vault_tests::skip(
            "validator",
            "solana-test-validator not found (set TRANCHE_VALIDATOR_BIN, or build it once with \
             tools/validator/build.sh; the README's test command does)",
        );
        return;
    };
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("roles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("test dir");
    let now = unix_now();
    let state = build_state_before(now);
    let (depositor, borrower) = (Keypair::new(), Keypair::new());
    let system = anchor_lang::system_program::ID;
    let mut genesis = vec![
        (state.payer.pubkey(), system, 1_000 * SOL, vec![]),
        (depositor.pubkey(), system, 10 * SOL, vec![]),
        (borrower.pubkey(), system, 10 * SOL, vec![]),
        price_account(state.quote_oracle, QUOTE_FEED, 100, now - 30),
        price_account(state.sol_oracle, SOL_FEED, 10_000, now - 30),
        price_account(state.dust_oracle, DUST_FEED, 100, now - 30),
    ];
    genesis.extend(state.accounts.iter().cloned());
    let v = start_validator(&bin, &dir, free_ports().expect("ports"), &genesis).expect("validator");
    let rpc = RpcClient::new_with_commitment(v.url.clone(), CommitmentConfig::confirmed());
    let a = state.addrs;
    let vault = a.vault.to_string();
    let quote = funded_ata(
        &rpc,
        &state.payer,
        &depositor.pubkey(),
        &a.quote_mint,
        &a.token_program,
        20_000 * USDC,
    )
    .expect("fund the depositor");
    let d_key = keyfile(&dir, "depositor", &depositor);
    let d: [&str; 6] = ["--vault", &vault, "--url", &v.url, "--keypair", &d_key];
    let shares = |t: Tranche| {
        ata(
            &depositor.pubkey(),
            &a.tranche_mints[t.index()],
            &TRANCHE_TOKEN_PROGRAM,
        )
    };

    // Deposits into each tranche: the tokens minted are what the price gave (the CLI's expectation is an upper
    // bound: the deposit accrues first), and never fewer than its slippage floor.
    for (t, name, amount) in [
        (Tranche::Junior, "junior", 1_000),
        (Tranche::Mezzanine, "mezzanine", 500),
        (Tranche::Senior, "senior", 2_000),
    ] {
        let before: Vault = fetch(&rpc, &a.vault);
        let out = ok(
            &[
                "deposit",
                "--tranche",
                name,
                "--amount",
                &amount.to_string(),
            ],
            &d,
        );
        assert!(out.contains("expecting") && out.contains("sent: "), "{out}");
        let after: Vault = fetch(&rpc, &a.vault);
        let minted = balance(&rpc, &shares(t));
        assert!(minted > 0 && minted <= amount * USDC, "{name}: {minted}");
        assert_eq!(
            after.tranches[t.index()].supply - before.tranches[t.index()].supply,
            minted
        );
        let nav = |v: &Vault| v.tranches[t.index()].nav().to_num::<f64>();
        assert!(
            (nav(&after) - nav(&before) - (amount * USDC) as f64).abs() < USDC as f64,
            "{name} NAV"
        );
    }
    assert_eq!(balance(&rpc, &quote), (20_000 - 3_500) * USDC);

    // Over the junior cap: refused with the program's error name and sentence, on one line, and nothing moves.
    let (success, out) = tranche(
        &[
            &["deposit", "--tranche", "junior", "--amount", "10000000"][..],
            &d,
        ]
        .concat(),
    );
    assert!(!success);
    assert!(out.contains("error: DepositCapExceeded: "), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{out}"
    );
    assert_eq!(balance(&rpc, &quote), (20_000 - 3_500) * USDC);
    // A bad amount is refused before anything is sent.
    let (success, out) = tranche(
        &[
            &["deposit", "--tranche", "junior", "--amount", "1.0000001"][..],
            &d,
        ]
        .concat(),
    );
    assert!(!success && out.contains("more than 6 decimals"), "{out}");

    // `--unsigned` prints the message and sends nothing.
    let (success, out) = tranche(&[
        "deposit",
        "--tranche",
        "junior",
        "--amount",
        "5",
        "--vault",
        &vault,
        "--url",
        &v.url,
        "--unsigned",
        "--signer",
        &depositor.pubkey().to_string(),
    ]);
    assert!(success && out.contains("message (base64): "), "{out}");
    assert_eq!(balance(&rpc, &quote), (20_000 - 3_500) * USDC);

    // Redemptions: 100 junior tokens queued; a mezzanine request is cancelled and its tokens come back.
    let junior = balance(&rpc, &shares(Tranche::Junior));
    ok(&["redeem", "--tranche", "junior", "--shares", "100"], &d);
    let request_key =
        tranche_vault::pda::redemption(&a.vault, &depositor.pubkey(), Tranche::Junior).0;
    let request: RedemptionRequest = fetch(&rpc, &request_key);
    assert_eq!(request.shares, 100 * USDC);
    assert_eq!(balance(&rpc, &shares(Tranche::Junior)), junior - 100 * USDC);
    let mezz = balance(&rpc, &shares(Tranche::Mezzanine));
    ok(&["redeem", "--tranche", "mezzanine", "--shares", "50"], &d);
    ok(&["cancel-redeem", "--tranche", "mezzanine"], &d);
    assert_eq!(balance(&rpc, &shares(Tranche::Mezzanine)), mezz);
    let cancelled =
        tranche_vault::pda::redemption(&a.vault, &depositor.pubkey(), Tranche::Mezzanine).0;
    assert!(
        rpc.get_account(&cancelled).is_err(),
        "the emptied request is closed"
    );

    // The keeper (here the borrower: anyone may) accrues and closes the epoch, which ended days ago; the junior
    // request fills, and the claim pays it.
    let b_key = keyfile(&dir, "borrower", &borrower);
    let b: [&str; 6] = ["--vault", &vault, "--url", &v.url, "--keypair", &b_key];
    let before: Vault = fetch(&rpc, &a.vault);
    ok(&["accrue"], &b);
    let after: Vault = fetch(&rpc, &a.vault);
    assert!(after.last_accrual_ts >= before.last_accrual_ts);
    ok(&["close-epoch"], &b);
    let closed: Vault = fetch(&rpc, &a.vault);
    assert_eq!(closed.epoch_index, before.epoch_index + 1);
    let (success, out) = tranche(&[&["close-epoch"][..], &b].concat());
    assert!(!success && out.contains("error: EpochNotEnded: "), "{out}");
    let quote_before = balance(&rpc, &quote);
    ok(&["claim", "--tranche", "junior"], &d);
    let paid = balance(&rpc, &quote) - quote_before;
    assert!(
        (99 * USDC..=101 * USDC).contains(&paid),
        "100 junior tokens near par: {paid}"
    );
    assert!(
        rpc.get_account(&request_key).is_err(),
        "the claimed request is closed"
    );
    let (success, out) = tranche(&[&["claim", "--tranche", "junior"][..], &d].concat());
    assert!(
        !success && out.contains("has no redemption request in Junior"),
        "{out}"
    );

    // The borrower: a position on SOL and the dust asset, a borrow, a repay, a withdraw.
    let sol = funded_ata(
        &rpc,
        &state.payer,
        &borrower.pubkey(),
        &state.sol_mint,
        &spl_token::ID,
        20 * SOL,
    )
    .expect("SOL");
    let dust_mint = state.dust.mint;
    let dust = funded_ata(
        &rpc,
        &state.payer,
        &borrower.pubkey(),
        &dust_mint,
        &state.dust.token_program,
        5 * USDC,
    )
    .expect("dust");
    let (sol_mint, dust_str) = (state.sol_mint.to_string(), dust_mint.to_string());
    ok(&["position", "open"], &b);
    ok(
        &["position", "deposit", "--mint", &sol_mint, "--amount", "10"],
        &b,
    );
    ok(
        &[
            "position", "deposit", "--mint", &dust_str, "--amount", "2.5",
        ],
        &b,
    );
    assert_eq!(balance(&rpc, &sol), 10 * SOL);
    assert_eq!(balance(&rpc, &dust), 2_500_000);
    let key = tranche_vault::pda::position(&a.vault, &borrower.pubkey(), 0).0;
    let p: Position = fetch(&rpc, &key);
    assert_eq!(p.active().count(), 2, "two collateral kinds");
    ok(&["position", "borrow", "--amount", "300"], &b);
    let borrower_quote = ata(&borrower.pubkey(), &a.quote_mint, &a.token_program);
    assert_eq!(balance(&rpc, &borrower_quote), 300 * USDC);
    // Past the LTV limit (10 SOL at $100 with an LTV under 100 %): the program's refusal.
    let (success, out) = tranche(&[&["position", "borrow", "--amount", "600"][..], &b].concat());
    assert!(!success && out.contains("error: LtvExceeded: "), "{out}");
    ok(&["position", "repay", "--amount", "100"], &b);
    assert_eq!(balance(&rpc, &borrower_quote), 200 * USDC);
    ok(
        &[
            "position", "withdraw", "--mint", &dust_str, "--amount", "2.5",
        ],
        &b,
    );
    assert_eq!(balance(&rpc, &dust), 5 * USDC);
    let p: Position = fetch(&rpc, &key);
    assert_eq!(p.active().count(), 1, "the dust entry is gone");
    assert!(p.scaled_debt_sf > 0);
    let (success, out) = tranche(&[&["position", "repay", "--amount", "1000"][..], &b].concat());
    assert!(
        !success && out.contains("error: RepayExceedsDebt: "),
        "{out}"
    );

    // `tranche vault apply` of migrations/localnet.toml (its mints filled in): a second vault on the same quote
    // mint, created with its tranche names, SOL listed disabled and the proposal that enables it; applied again,
    // it sends nothing (the proposal waits for its ETA, two days: executing it is `vault_config`'s unit test); a
    // renamed tranche is renamed at once; a changed fee becomes a second proposal.
    let creator = keyfile(&dir, "creator", &state.payer);
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/localnet.toml"),
    )
    .expect("migrations/localnet.toml");
    let write_config = |edit: &dyn Fn(&mut toml::Table)| {
        let mut t: toml::Table = template.parse().expect("localnet.toml parses");
        t["vault"]["quote_mint"] = a.quote_mint.to_string().into();
        t["collateral"][0]["mint"] = state.sol_mint.to_string().into();
        edit(&mut t);
        let path = dir.join("localnet.toml");
        std::fs::write(&path, toml::to_string(&t).expect("toml")).expect("write config");
        path.display().to_string()
    };
    let config = write_config(&|_| {});
    let at: [&str; 4] = ["--url", &v.url, "--keypair", &creator];
    let out = ok(&["vault", "plan", &config], &at);
    assert!(
        out.contains("- initialize_vault") && out.contains("- add_collateral_asset"),
        "{out}"
    );
    assert!(!out.contains("sent: "), "plan sends nothing: {out}");
    let out = ok(&["vault", "apply", &config], &at);
    assert_eq!(
        out.matches("sent: ").count(),
        3,
        "initialize, list, propose: {out}"
    );
    let second = tranche_vault::pda::vault(&state.payer.pubkey(), &a.quote_mint, 7).0;
    let made: Vault = fetch(&rpc, &second);
    assert_eq!(
        made.params().deposit_caps,
        [1_000_000 * USDC, 300_000 * USDC, 200_000 * USDC]
    );
    assert_eq!(made.next_proposal_id, 1, "the proposal enabling SOL");
    let asset = tranche_vault::pda::collateral_asset(&second, &state.sol_mint).0;
    let listed: tranche_vault::state::CollateralAsset = fetch(&rpc, &asset);
    assert!(
        !listed.enabled && listed.deposit_cap == 0,
        "listed disabled until the timelock passes"
    );
    let out = ok(&["vault", "apply", &config], &at);
    assert!(
        !out.contains("sent: ") && out.contains("· wait: proposal 0"),
        "idempotent: {out}"
    );
    let config = write_config(&|t| {
        t["tranches"]["junior"]["name"] = "Junior · renamed".into();
        t["params"]["protocol_fee_bps"] = 1_200.into();
    });
    let out = ok(&["vault", "apply", &config], &at);
    assert_eq!(out.matches("sent: ").count(), 2, "rename, propose: {out}");
    let junior = rpc
        .get_account(&made.tranche_mints()[2])
        .expect("junior mint");
    let (metadata, _) = tranche_vault_tests::unpack_token_metadata(&junior);
    assert_eq!(metadata.name, "Junior · renamed");
    let made: Vault = fetch(&rpc, &second);
    assert_eq!(made.next_proposal_id, 2);
    assert_eq!(
        made.params().protocol_fee_bps,
        1_000,
        "the fee waits for its timelock"
    );
    drop(v);
    let _ = std::fs::remove_dir_all(&dir);
}
