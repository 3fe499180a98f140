//! `tranche-validator`: a real Solana validator on loopback (agave's `solana-test-validator` library, 3.1.12), for
//! the tests that run against one and for `tranche localnet`.
//!
//! It replaces `cargo install agave-validator --bin solana-test-validator`, which also compiled agave-validator's
//! own library (the admin RPC, the dashboard, its CLI) and protobuf from source, for a binary of which the tests
//! use a dozen arguments (README, "Two commands": the two builds side by side).
//!
//! It takes the arguments of `solana-test-validator` that the workspace passes, with the same meaning, so
//! `TRANCHE_VALIDATOR_BIN` can name the official binary instead:
//!
//! ```text
//! tranche-validator --ledger DIR [--reset] [--quiet] [--bind-address IP] [--rpc-port N] [--faucet-port N]
//!     [--gossip-port N] [--dynamic-port-range MIN-MAX] [--bpf-program ADDRESS SO]...
//!     [--upgradeable-program ADDRESS SO AUTHORITY]... [--account ADDRESS JSON]...
//! ```
//!
//! The validator's own log goes to `DIR/validator.log`. A refused argument or a failed start is printed on stdout
//! (stderr is the log by then), and the exit status is 1 (2 for an argument clap refuses).

use {
    anyhow::{anyhow, bail, Context, Result},
    clap::{ArgAction, Parser},
    solana_account::AccountSharedData,
    solana_faucet::faucet::{run_faucet, Faucet, TIME_SLICE},
    solana_keypair::Keypair,
    solana_pubkey::Pubkey,
    solana_rpc::{rpc::JsonRpcConfig, rpc_pubsub_service::PubSubConfig},
    solana_signer::Signer,
    solana_streamer::socket::SocketAddrSpace,
    solana_test_validator::{AccountInfo, TestValidatorGenesis, UpgradeableProgramInfo},
    std::{
        net::{IpAddr, Ipv4Addr, SocketAddr},
        path::{Path, PathBuf},
        process::ExitCode,
        sync::{Arc, Mutex},
    },
};

/// What the faucet holds at genesis (`solana-test-validator`'s default `--faucet-sol`: 1,000,000 SOL).
const FAUCET_LAMPORTS: u64 = 1_000_000 * 1_000_000_000;

#[derive(Parser, Debug)]
#[command(
    name = "tranche-validator",
    version = concat!(env!("CARGO_PKG_VERSION"), " (solana-test-validator 3.1.12)"),
    about = "A local Solana validator on loopback (agave's solana-test-validator library, 3.1.12)"
)]
struct Args {
    /// The ledger directory, created when missing; the validator's log is its validator.log.
    #[arg(long, value_name = "DIR")]
    ledger: PathBuf,
    /// Empty the ledger directory first (a new genesis).
    #[arg(long)]
    reset: bool,
    /// Print nothing on stdout once started (without it: one line with the RPC address).
    #[arg(long)]
    quiet: bool,
    /// The address every socket binds (RPC, websocket, faucet, gossip, the rest).
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    bind_address: IpAddr,
    /// JSON RPC port; its websocket is the next one.
    #[arg(long, value_name = "PORT", default_value_t = 8899)]
    rpc_port: u16,
    /// The faucet's port (`requestAirdrop`).
    #[arg(long, value_name = "PORT", default_value_t = 9900)]
    faucet_port: u16,
    /// Gossip port.
    #[arg(long, value_name = "PORT")]
    gossip_port: Option<u16>,
    /// The ports the validator's other sockets take.
    #[arg(long, value_name = "MIN-MAX", value_parser = port_range)]
    dynamic_port_range: Option<(u16, u16)>,
    /// A program at genesis, owned by the upgradeable loader with no upgrade authority.
    #[arg(long, num_args = 2, value_names = ["ADDRESS", "SO"], action = ArgAction::Append)]
    bpf_program: Vec<String>,
    /// A program at genesis that AUTHORITY (a public key, or `none`) may upgrade.
    #[arg(long, num_args = 3, value_names = ["ADDRESS", "SO", "AUTHORITY"], action = ArgAction::Append)]
    upgradeable_program: Vec<String>,
    /// An account at genesis, from a JSON file in `solana account --output json` form.
    #[arg(long, num_args = 2, value_names = ["ADDRESS", "JSON"], action = ArgAction::Append)]
    account: Vec<String>,
}

fn port_range(s: &str) -> Result<(u16, u16), String> {
    solana_net_utils::parse_port_range(s)
        .ok_or_else(|| format!("{s:?} is not a port range MIN-MAX with MIN < MAX"))
}

fn pubkey(s: &str, what: &str) -> Result<Pubkey> {
    s.parse()
        .map_err(|e| anyhow!("{what} {s:?} is not a public key: {e}"))
}

/// The `--bpf-program` and `--upgradeable-program` programs, each file checked to exist.
fn programs(args: &Args) -> Result<Vec<UpgradeableProgramInfo>> {
    let fixed = args.bpf_program.chunks(2).map(|c| (c, None));
    let upgradeable = args.upgradeable_program.chunks(3).map(|c| (c, c.get(2)));
    fixed
        .chain(upgradeable)
        .map(|(c, authority)| {
            let program_path = PathBuf::from(&c[1]);
            if !program_path.is_file() {
                bail!("program file {} does not exist", program_path.display());
            }
            let upgrade_authority = match authority.map(String::as_str) {
                None | Some("none") => Pubkey::default(),
                Some(a) => pubkey(a, "upgrade authority")?,
            };
            Ok(UpgradeableProgramInfo {
                program_id: pubkey(&c[0], "program address")?,
                loader: solana_sdk_ids::bpf_loader_upgradeable::id(),
                upgrade_authority,
                program_path,
            })
        })
        .collect()
}

fn empty_dir(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        }
        .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

/// The faucet on its own thread, with a new key; returns that key once the faucet listens.
fn start_faucet(addr: SocketAddr) -> Result<Pubkey> {
    let keypair = Keypair::new();
    let pubkey = keypair.pubkey();
    let (sender, receiver) = crossbeam_channel::unbounded();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("building the faucet's runtime")?;
    std::thread::spawn(move || {
        let faucet = Arc::new(Mutex::new(Faucet::new(
            keypair,
            Some(TIME_SLICE),
            None,
            None,
        )));
        runtime.block_on(run_faucet(faucet, addr, Some(sender)));
    });
    receiver
        .recv()
        .context("the faucet's thread ended before it listened")?
        .map_err(|e| anyhow!("the faucet cannot listen on {addr}: {e}"))?;
    Ok(pubkey)
}

fn run(args: Args) -> Result<()> {
    let ledger = &args.ledger;
    std::fs::create_dir_all(ledger)
        .with_context(|| format!("creating the ledger directory {}", ledger.display()))?;
    if args.reset {
        empty_dir(ledger)?;
    }
    let programs = programs(&args)?;
    let accounts = args
        .account
        .chunks(2)
        .map(|c| {
            Ok(AccountInfo {
                address: Some(pubkey(&c[0], "account address")?),
                filename: &c[1],
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let _log_thread = agave_logger::redirect_stderr_to_file(Some(ledger.join("validator.log")));
    log::info!(
        "tranche-validator {}: {:?}",
        env!("CARGO_PKG_VERSION"),
        std::env::args_os().collect::<Vec<_>>()
    );

    let faucet_addr = SocketAddr::new(args.bind_address, args.faucet_port);
    let faucet = start_faucet(faucet_addr)?;
    let mut genesis = TestValidatorGenesis::default();
    genesis.max_genesis_archive_unpacked_size = Some(u64::MAX);
    genesis
        .ledger_path(ledger)
        .add_account(
            faucet,
            AccountSharedData::new(FAUCET_LAMPORTS, 0, &solana_sdk_ids::system_program::id()),
        )
        .add_upgradeable_programs_with_path(&programs)
        .add_accounts_from_json_files(&accounts)
        .map_err(|e| anyhow!("reading an --account file: {e}"))?
        .pubsub_config(PubSubConfig::default_for_tests())
        .rpc_config(JsonRpcConfig {
            enable_rpc_transaction_history: true,
            enable_extended_tx_metadata_storage: true,
            faucet_addr: Some(faucet_addr),
            ..JsonRpcConfig::default_for_test()
        })
        .rpc_port(args.rpc_port)
        .bind_ip_addr(args.bind_address)
        .gossip_host(if args.bind_address.is_unspecified() {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            args.bind_address
        });
    if let Some(port) = args.gossip_port {
        genesis.gossip_port(port);
    }
    if let Some(range) = args.dynamic_port_range {
        genesis.port_range(range);
    }
    // The mint that receives genesis's lamports: a key nobody holds (accounts are funded with --account).
    let mint = Keypair::new().pubkey();
    let validator = genesis
        .start_with_mint_address(mint, SocketAddrSpace::new(/* allow_private_addr */ true))
        .map_err(|e| anyhow!("the validator failed to start: {e}"))?;
    if !args.quiet {
        println!(
            "tranche-validator: JSON RPC {}, websocket {}, faucet {faucet_addr}, ledger {}",
            validator.rpc_url(),
            validator.rpc_pubsub_url(),
            ledger.display()
        );
    }
    validator.join();
    Ok(())
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("Error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
