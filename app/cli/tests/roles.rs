//! Every role's commands, as a user runs them, against a real `solana-test-validator` with the program preloaded as
//! upgradeable at genesis (`--upgradeable-program`, a deployer key its upgrade authority, as `solana program deploy`
//! leaves it) and the vault of `localnet::build_state` (built on the embedded chain ten days back, so its first
//! epoch has ended): a depositor deposits into all three tranches through `tranche deposit`, is refused over the cap
//! with the program's error in one line, queues a redemption and cancels another, the keeper accrues and closes the
//! epoch, the depositor claims the fill; a borrower opens a position, deposits two collateral kinds, borrows,
//! `position show`s it (every figure against the test's own integer arithmetic on the raw accounts), is refused one
//! native unit over the max borrow it showed, repays and withdraws; `tranche status` shows what the chain holds.
//! Then `tranche vault apply` creates a second vault from `migrations/localnet.toml` (idempotent, a rename, a
//! proposal) and a third whose authority moves to a PDA (the stand-in multisig's, preloaded at genesis) through the
//! exported message flow, which then governs, and the program's upgrade authority moves to the same PDA. Each step's effect is checked on the chain; `--unsigned` exports a
//! message and sends nothing.
//!
//! Skips (or fails under `TRANCHE_NO_SKIP=validator`) without the validator binary, as `tests/validator.rs` does.

use std::path::{Path, PathBuf};
use std::process::Command;

use anchor_lang::prelude::Pubkey;
use anchor_lang::AccountDeserialize;
use anchor_spl::associated_token::get_associated_token_address_with_program_id as ata;
use anchor_spl::token::spl_token;
use base64::Engine;
use serde_json::{json, Value};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use tranche_cli::localnet::{
    build_state_before, funded_ata, send, start_validator, unix_now, validator_bin, write_keypair,
    Upgrades, SOL, USDC,
};
use tranche_vault::client::VaultAddresses;
use tranche_vault::constants::TRANCHE_TOKEN_PROGRAM;
use tranche_vault::state::{
    CollateralAsset, Position, Proposal, RedemptionRequest, Tranche, Vault,
};

mod status;
use status::{ceil_native, floor_native, mul_div, sf, BPS, ONE};

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

/// The message `tranche gov --vault V --url U --unsigned --signer <signer> <command>` exports (its base64 line,
/// decoded).
fn export(
    url: &str,
    vault: &str,
    signer: &Pubkey,
    command: &[&str],
) -> solana_transaction::Message {
    let signer = signer.to_string();
    let mut args = vec![
        "gov",
        "--vault",
        vault,
        "--url",
        url,
        "--unsigned",
        "--signer",
        &signer,
    ];
    args.extend_from_slice(command);
    let out = ok(&args, &[]);
    let exported = out
        .lines()
        .find_map(|l| l.strip_prefix("message (base64): "))
        .unwrap_or_else(|| panic!("no exported message: {out}"));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(exported)
        .expect("base64");
    bincode::deserialize(&bytes).expect("a message")
}

/// Executes an exported message as a multisig would once its members approved: each of its instructions forwarded
/// through the stand-in multisig (whose PDA signs), in one transaction paid by `member`.
fn execute_through_multisig(
    rpc: &RpcClient,
    member: &Keypair,
    message: &solana_transaction::Message,
) {
    use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
    let key = |i: u8| message.account_keys[usize::from(i)];
    let ixs: Vec<Instruction> = message
        .instructions
        .iter()
        .map(|c| {
            tranche_cli::localnet::via_multisig(Instruction {
                program_id: key(c.program_id_index),
                accounts: c
                    .accounts
                    .iter()
                    .map(|&i| AccountMeta {
                        pubkey: key(i),
                        is_signer: message.is_signer(usize::from(i)),
                        is_writable: message.is_maybe_writable(usize::from(i), None),
                    })
                    .collect(),
                data: c.data.clone(),
            })
        })
        .collect();
    send(rpc, member, &ixs, &[]).expect("the multisig executes the exported message");
}

fn keyfile(dir: &Path, name: &str, key: &Keypair) -> String {
    let path = dir.join(format!("{name}.json"));
    write_keypair(&path, key).expect("keypair file");
    path.display().to_string()
}

/// The program's upgrade authority on chain, once the test has checked that the BPF upgradeable loader owns the
/// program account, which points at its programdata account (the loader's PDA of the program id), owned by the
/// loader too.
fn upgrade_authority(rpc: &RpcClient) -> Option<Pubkey> {
    use anchor_lang::solana_program::bpf_loader_upgradeable::{
        self as loader, UpgradeableLoaderState,
    };
    let program = rpc
        .get_account(&tranche_vault::ID)
        .expect("the program account");
    assert_eq!(
        program.owner,
        loader::ID,
        "the upgradeable loader owns the program"
    );
    assert!(program.executable);
    let programdata = loader::get_program_data_address(&tranche_vault::ID);
    let state: UpgradeableLoaderState = bincode::deserialize(&program.data).expect("program state");
    assert_eq!(
        state,
        UpgradeableLoaderState::Program {
            programdata_address: programdata
        }
    );
    let data = rpc
        .get_account(&programdata)
        .expect("the programdata account");
    assert_eq!(data.owner, loader::ID);
    match bincode::deserialize(&data.data).expect("programdata state") {
        UpgradeableLoaderState::ProgramData {
            upgrade_authority_address,
            ..
        } => upgrade_authority_address,
        other => panic!("{programdata} holds {other:?}, not programdata"),
    }
}

/// `amount` native units of debt in scaled units (U68F60 bits), rounded up: ⌊amount · 2^120 / index⌋, one bit
/// more unless that times the index, rounded down, gives the amount back.
fn to_scaled_ceil(amount: u64, index: u128) -> u128 {
    let a = u128::from(amount) << 60;
    let q = mul_div(a, ONE, index, false);
    q + u128::from(mul_div(q, index, ONE, false) != a)
}

/// What `tranche position show --json` must print for position `key` at the chain's `slot` and `now`, worked out
/// from the raw accounts in integer arithmetic on the U68F60 bits (the status test's helpers; none of the program's
/// math, nor the CLI's): collateral at each oracle's low side, rounded down, times max LTV and the liquidation
/// threshold (each down); debt = ⌈scaled · index⌉ at the quote's high side (up); health = ⌊liquidation power · BPS
/// / debt value⌋. Each entry's liquidation price is solved in closed form: with `need` = debt value − the others'
/// liquidation power, the entry's ⌊v · threshold / BPS⌋ < need ⇔ v ≤ ⌈need · BPS / threshold⌉ − 1 =: vmax, and
/// v = ⌊P · amount / 10^d⌋ ≤ vmax ⇔ P ≤ ⌈(vmax + 1) · 10^d / amount⌉ − 1. The max borrow is the largest amount
/// whose debt after (⌈(scaled + ⌈amount / index⌉) · index⌉) is at most ⌊borrowing power · 10^d / quote high⌋, the
/// largest debt the LTV allows; the test checks that free liquidity and the utilization cap allow one unit more, so
/// the LTV is what refuses it.
fn position_figures(rpc: &RpcClient, key: &Pubkey, slot: u64, now: i64) -> Value {
    let p: Position = fetch(rpc, key);
    let v: Vault = fetch(rpc, &p.vault);
    let (_, quote) = status::oracle(rpc, &v.quote_oracle, now);
    let (_, high) = quote.expect("the quote's price passes its checks");
    let index = v.borrow_index_sf.get().to_bits();
    let qpow = 10u128.pow(u32::from(v.quote_decimals));
    let debt_of = |scaled: u128| ceil_native(mul_div(scaled, index, ONE, false));
    let debt = debt_of(p.scaled_debt_sf);
    let dv = if debt == 0 {
        0
    } else {
        mul_div(high, debt, qpow, true)
    };
    let mut rows = vec![];
    let (mut coll, mut bp, mut lp) = (0u128, 0u128, 0u128);
    for e in p.active() {
        let a: CollateralAsset = fetch(rpc, &e.asset);
        let (_, price) = status::oracle(rpc, &a.oracle, now);
        let (low, _) = price.expect("the test's collateral prices pass their checks");
        let value = mul_div(
            low,
            u128::from(e.amount),
            10u128.pow(u32::from(a.decimals)),
            false,
        );
        let lp_i = value * u128::from(a.liquidation_threshold_bps) / BPS;
        coll += value;
        bp += value * u128::from(a.max_ltv_bps) / BPS;
        lp += lp_i;
        rows.push((e.asset, e.amount, a, low, value, lp_i));
    }
    let entries: Vec<Value> = rows
        .iter()
        .map(|(asset, amount, a, low, value, lp_i)| {
            let others = lp - lp_i;
            let liquidation_price = (dv > others).then(|| {
                let thr = u128::from(a.liquidation_threshold_bps);
                let vmax = mul_div(dv - others, BPS, thr, true) - 1;
                let pow = 10u128.pow(u32::from(a.decimals));
                mul_div(vmax + 1, pow, u128::from(*amount), true) - 1
            });
            let mut j = json!({
                "asset": asset.to_string(),
                "mint": a.mint.to_string(),
                "decimals": a.decimals,
                "amount_native": amount,
                "max_ltv_bps": a.max_ltv_bps,
                "liquidation_threshold_bps": a.liquidation_threshold_bps,
                "oracle": a.oracle.account.to_string(),
                "counted_by_liquidate": true,
                "oracle_status": "ok",
                "liquidation_price_sf": null,
                "liquidation_price_float": null,
            });
            sf(&mut j, "price_low", *low);
            sf(&mut j, "value", *value);
            if let Some(l) = liquidation_price {
                sf(&mut j, "liquidation_price", l);
            }
            j
        })
        .collect();
    let dmax = mul_div(bp, qpow, high, false);
    let debt_after = |x: u64| debt_of(p.scaled_debt_sf + to_scaled_ceil(x, index));
    let mut max = u64::try_from(dmax.saturating_sub(debt)).expect("u64");
    while debt_after(max + 1) <= dmax {
        max += 1;
    }
    while max > 0 && debt_after(max) > dmax {
        max -= 1;
    }
    let over = u128::from(max) + 1;
    let free =
        floor_native((u128::from(v.liquidity_native) << 60) - v.reserved_payout_sf.get().to_bits());
    assert!(
        v.tranches.iter().all(|t| t.queued_shares == 0) && over <= free,
        "no redemption queue, and the liquidity for one unit more"
    );
    let total_debt =
        ceil_native(mul_div(v.scaled_debt_sf.get().to_bits(), index, ONE, false)) + over;
    assert!(
        (total_debt * BPS).div_ceil(total_debt + free - over) <= u128::from(v.max_utilization_bps),
        "the utilization cap allows one unit more"
    );
    let mut want = json!({
        "position": key.to_string(),
        "vault": p.vault.to_string(),
        "owner": p.owner.to_string(),
        "position_id": p.position_id,
        "slot": slot,
        "now_ts": now,
        "last_accrual_ts": v.last_accrual_ts,
        "quote_mint": v.quote_mint.to_string(),
        "quote_decimals": v.quote_decimals,
        "debt_native": debt as u64,
        "health_bps": (dv > 0).then(|| (lp * BPS / dv) as u64),
        "liquidatable": dv > 0 && lp < dv,
        "max_borrow_native": max,
        "max_borrow_bound": "LtvExceeded",
        "entries": entries,
    });
    sf(&mut want, "scaled_debt", p.scaled_debt_sf);
    sf(&mut want, "borrow_index", index);
    sf(&mut want, "quote_high", high);
    sf(&mut want, "debt_value", dv);
    sf(&mut want, "collateral_value", coll);
    sf(&mut want, "borrow_power", bp);
    sf(&mut want, "liquidation_power", lp);
    // Through the same printing and parsing as the CLI's (floats compare as the shortest text that prints them).
    serde_json::from_str(&want.to_string()).expect("expected JSON")
}

/// `tranche position show --json <args>` equals [`position_figures`] of `key`, dated by the chain's clock between
/// the test's two reads of it; returns the document.
fn position_shows_what_the_chain_holds(rpc: &RpcClient, key: &Pubkey, args: &[&str]) -> Value {
    let (slot_before, now_before) = status::clock(rpc);
    let out = ok(&[&["position", "show", "--json"][..], args].concat(), &[]);
    let got: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"));
    let (slot_after, now_after) = status::clock(rpc);
    let (slot, now) = (
        got["slot"].as_u64().expect("slot"),
        got["now_ts"].as_i64().expect("now"),
    );
    assert!(
        (slot_before..=slot_after).contains(&slot) && (now_before..=now_after).contains(&now),
        "show at slot {slot}, unix {now}; the test's clock reads {slot_before}/{now_before}, {slot_after}/{now_after}"
    );
    let want = position_figures(rpc, key, slot, now);
    let mut differences = vec![];
    status::diff("show", &got, &want, &mut differences);
    assert!(
        differences.is_empty(),
        "tranche position show --json differs from the chain in {} places:\n{}\n\nshow:\n{out}",
        differences.len(),
        differences.join("\n")
    );
    got
}

#[test]
fn every_role_runs_its_commands_on_a_local_validator() {
    let Some(bin) = validator_bin() else {
        tranche_vault_tests::skip(
            "validator",
            "the validator (tranche-validator) not found (set TRANCHE_VALIDATOR_BIN, or build it once with \
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
    // The deployer holds the program's upgrade authority, as `solana program deploy` leaves it; the governor is the
    // member who has the stand-in multisig execute what its PDA, which both authorities end with, approved.
    let (deployer, governor) = (Keypair::new(), Keypair::new());
    let genesis = state.genesis(
        now,
        10_000,
        &[
            (depositor.pubkey(), 10 * SOL),
            (borrower.pubkey(), 10 * SOL),
            (deployer.pubkey(), SOL),
            (governor.pubkey(), SOL),
        ],
    );
    let v = start_validator(&bin, &dir, None, Upgrades::By(deployer.pubkey()), &genesis)
        .expect("validator");
    let rpc = RpcClient::new_with_commitment(v.url.clone(), CommitmentConfig::confirmed());
    assert_eq!(
        upgrade_authority(&rpc),
        Some(deployer.pubkey()),
        "preloaded as upgradeable, by the deployer"
    );
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
    let sol_asset = tranche_vault::pda::collateral_asset(&a.vault, &state.sol_mint).0;
    let depositor_key = depositor.pubkey().to_string();
    ok(&["position", "borrow", "--amount", "300"], &b);
    let borrower_quote = ata(&borrower.pubkey(), &a.quote_mint, &a.token_program);
    assert_eq!(balance(&rpc, &borrower_quote), 300 * USDC);

    // `position show`: every figure as the test works it out from the raw accounts, by owner (the --keypair's)
    // and by address; the human report; a missing position and an account that is not one, each one error line.
    let shown = position_shows_what_the_chain_holds(&rpc, &key, &b);
    let max = shown["max_borrow_native"].as_u64().expect("max borrow");
    assert!(
        max > 0 && shown["entries"].as_array().map(Vec::len) == Some(2),
        "{shown:#}"
    );
    let by_address = position_shows_what_the_chain_holds(
        &rpc,
        &key,
        &["--url", &v.url, "--address", &key.to_string()],
    );
    assert_eq!(by_address["position"], shown["position"]);
    let human = ok(&["position", "show"], &b);
    println!("--- tranche position show\n{human}");
    let health = shown["health_bps"].as_u64().expect("health");
    assert!(
        human.contains(&format!("{}.{:04}", health / 10_000, health % 10_000))
            && human.contains("liquidation price")
            && human.contains(&sol_asset.to_string()),
        "{human}"
    );
    for (args, says) in [
        (
            vec![
                "--owner",
                depositor_key.as_str(),
                "--id",
                "0",
                "--vault",
                vault.as_str(),
            ],
            format!("{depositor_key} has no position 0 in vault {vault}: no account at"),
        ),
        (
            vec!["--address", vault.as_str()],
            format!("{vault} is not a position"),
        ),
    ] {
        let (success, out) =
            tranche(&[&["position", "show", "--url", &v.url][..], &args[..]].concat());
        assert!(
            !success && out.starts_with(&format!("error: {says}")) && out.lines().count() == 1,
            "{out}"
        );
    }
    // One native unit over the max borrow shown: the program refuses it at its LTV limit (the borrow accrues first,
    // which only lowers the headroom).
    let over = tranche_cli::roles::format_amount(max + 1, 6);
    let (success, out) = tranche(&[&["position", "borrow", "--amount", &over][..], &b].concat());
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

    // `tranche status` shows exactly what the chain holds after the depositors' and the borrower's steps.
    let audit = status::status_shows_what_the_chain_holds(&rpc, &v.url, &a.vault, "roles");
    assert_eq!(audit["positions"]["with_debt"], 4, "{audit:#}");

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

    // The authority handover through the exported message flow, to a PDA. A third vault from the same file, with no
    // collateral (nothing to list or propose, so nothing pending) and `authority` set to the stand-in multisig's
    // PDA (preloaded at genesis; it signs by `invoke_signed` whatever it forwards, as a Squads vault executes an
    // approved transaction; no key exists for it): apply creates the vault and, with nothing pending, proposes the
    // transfer at once; applied again, it sends nothing. The PDA accepts with the message `tranche gov --unsigned`
    // exports: the test checks it is the program client's `accept_authority` for the PDA, byte for byte, with the
    // PDA as its only signer, and a member (the governor, who pays) has the multisig execute it.
    let multisig = tranche_cli::localnet::multisig_authority();
    let config = write_config(&|t| {
        t["vault"]["vault_id"] = 8.into();
        let vault = t["vault"].as_table_mut().expect("[vault]");
        vault.insert("authority".into(), multisig.to_string().into());
        t.remove("collateral");
    });
    let out = ok(&["vault", "apply", &config], &at);
    assert_eq!(
        out.matches("sent: ").count(),
        2,
        "initialize, propose the authority: {out}"
    );
    assert!(
        out.contains(&format!("> propose_authority {multisig}")),
        "{out}"
    );
    let third = tranche_vault::pda::vault(&state.payer.pubkey(), &a.quote_mint, 8).0;
    let made: Vault = fetch(&rpc, &third);
    assert_eq!(
        (made.authority, made.pending_authority),
        (state.payer.pubkey(), multisig)
    );
    let out = ok(&["vault", "apply", &config], &at);
    assert!(
        !out.contains("sent: ") && out.contains("up to date: nothing to send"),
        "proposed already: {out}"
    );
    let third_str = third.to_string();
    let exported = export(&v.url, &third_str, &multisig, &["accept-authority"]);
    let accept = VaultAddresses::from_state(third, &made).accept_authority(multisig);
    let mut expected =
        solana_transaction::Message::new(std::slice::from_ref(&accept), Some(&multisig));
    expected.recent_blockhash = exported.recent_blockhash;
    assert_eq!(
        exported, expected,
        "the client's accept_authority, the PDA its fee payer"
    );
    assert_eq!(
        accept
            .accounts
            .iter()
            .filter(|m| m.is_signer)
            .map(|m| m.pubkey)
            .collect::<Vec<_>>(),
        [multisig],
        "the PDA is the instruction's only signer"
    );
    // Nobody can send it as it is: the PDA has no key. The multisig executes it.
    execute_through_multisig(&rpc, &governor, &exported);
    let accepted: Vault = fetch(&rpc, &third);
    assert_eq!(
        (accepted.authority, accepted.pending_authority),
        (multisig, Pubkey::default())
    );
    let out = ok(&["vault", "apply", &config], &at);
    assert!(
        !out.contains("sent: ") && out.contains("up to date: nothing to send"),
        "handed over: {out}"
    );
    let (success, out) = tranche(&[
        "gov",
        "--vault",
        &third_str,
        "--url",
        &v.url,
        "--keypair",
        &creator,
        "propose",
        "protocol-fee",
        "--bps",
        "1200",
    ]);
    assert!(
        !success && out.contains("error: NotAuthority: "),
        "the creator governs no more: {out}"
    );
    // The PDA governs: a proposal exported for it and executed by the multisig. The PDA pays the proposal's
    // rent (returned when the proposal is executed or cancelled), as a Squads vault pays from the SOL it holds.
    let fund = anchor_lang::solana_program::system_instruction::transfer(
        &governor.pubkey(),
        &multisig,
        100_000_000,
    );
    send(&rpc, &governor, &[fund], &[]).expect("fund the multisig's PDA");
    let proposal = export(
        &v.url,
        &third_str,
        &multisig,
        &["propose", "protocol-fee", "--bps", "1200"],
    );
    execute_through_multisig(&rpc, &governor, &proposal);
    let governed: Vault = fetch(&rpc, &third);
    assert_eq!(
        governed.next_proposal_id,
        accepted.next_proposal_id + 1,
        "the multisig's proposal is queued"
    );
    let queued: Proposal = fetch(
        &rpc,
        &VaultAddresses::from_state(third, &governed).proposal(accepted.next_proposal_id),
    );
    assert_eq!(queued.rent_payer, multisig, "the PDA paid its rent");
    // The program's upgrade authority follows (what `solana program set-upgrade-authority
    // --skip-new-upgrade-authority-signer-check` sends: a PDA cannot sign the checked form).
    let ix = anchor_lang::solana_program::bpf_loader_upgradeable::set_upgrade_authority(
        &tranche_vault::ID,
        &deployer.pubkey(),
        Some(&multisig),
    );
    send(&rpc, &deployer, &[ix], &[]).expect("hand the upgrade authority over");
    assert_eq!(upgrade_authority(&rpc), Some(multisig));
    drop(v);
    let _ = std::fs::remove_dir_all(&dir);
}
