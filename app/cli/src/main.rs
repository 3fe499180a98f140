//! `tranche`: the Tranche Vault command line.

use std::path::{Path, PathBuf};

use anchor_lang::prelude::Pubkey;
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use tranche_cli::risk::{self, params::SimArgs};
use tranche_cli::{demo, governance, liquidator, localnet, roles, stress};

#[derive(Parser)]
#[command(
    name = "tranche",
    version,
    about = "Tranche Vault: tranched lending vaults on Solana"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the program's Anchor IDL (through the `idl-build` feature, as `anchor idl build` does) and write it
    /// to idl/tranche_vault.json, or with --check fail if the committed file differs.
    Idl {
        /// Compare with the committed IDL instead of writing it.
        #[arg(long)]
        check: bool,
        /// Where the IDL lives.
        #[arg(long, default_value = "idl/tranche_vault.json")]
        out: PathBuf,
    },
    /// The main job: the whole product in an embedded Solana VM (no validator, no network): tranches fund loans
    /// against SOL and ETH priced by Pyth, interest flows senior first, an epoch closes, a crash is written to the
    /// oracles, the built-in liquidator liquidates, bad debt falls junior first. Deterministic for a seed.
    Demo {
        /// How far SOL falls in the crash, percent (ETH falls 80 % of that).
        #[arg(long, default_value_t = 60)]
        crash_pct: u32,
        /// Varies the borrowers' sizes; the same seed prints the same figures.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// One JSON object per step, figures in base units (fixed-point values as exact integer strings).
        #[arg(long)]
        json: bool,
    },
    /// Monte Carlo of the collateral pool: correlated GBM prices with jumps, liquidations with a delay and
    /// slippage through the program's own health math, bad debt through its loss waterfall. Prints each
    /// tranche's expected loss, P(impaired), VaR 95 and 99, for the given correlation and a correlation stress.
    Stress {
        #[command(flatten)]
        sim: SimArgs,
        #[arg(long)]
        json: bool,
    },
    /// The risk of a book: a live vault (--url, --vault: read as `tranche status` reads it), the embedded demo's
    /// pool (--embedded), or else a synthetic pool. A Monte Carlo through the program's own health code and loss
    /// waterfall gives each tranche's loss distribution, for the market and for a correlation stress; then the
    /// tranche Greeks by bump-and-reprice with common random numbers, each with its standard error (vega per vol
    /// point, correlation per +0.05, delta and gamma for 1 % and 10 % spot moves, with the pool's immediate loss),
    /// and the smallest common price drop that makes senior lose today. --plot DIR writes SVG charts. Every
    /// parameter is a flag and a key of --market FILE (TOML); the defaults are in brackets.
    Risk {
        /// JSON-RPC endpoint of the live vault.
        #[arg(long, requires = "vault", conflicts_with = "embedded")]
        url: Option<String>,
        /// The live vault account.
        #[arg(long, requires = "url")]
        vault: Option<Pubkey>,
        /// The embedded demo's pool (its vault before the crash, built on the embedded chain; needs `make sbf`).
        #[arg(long)]
        embedded: bool,
        /// The demo's seed (its borrowers' sizes), with --embedded.
        #[arg(long, default_value_t = 1, requires = "embedded")]
        demo_seed: u64,
        /// Which Greeks: all, none, or a list of vega, corr, delta (delta includes gamma).
        #[arg(long, default_value = "all", value_parser = risk::greeks::Selection::parse)]
        greeks: risk::greeks::Selection,
        /// Write SVG charts into this directory: loss distributions, expected loss against correlation, health.
        #[arg(long)]
        plot: Option<PathBuf>,
        #[command(flatten)]
        sim: SimArgs,
        /// One JSON object: the book, the loss distributions, the Greeks, position-steps per second.
        #[arg(long)]
        json: bool,
    },
    /// The liquidator bot. Against a cluster (--url, --keypair, --vault): each round reads the vault's positions
    /// with getProgramAccounts, scores them with the program's own oracle and health code at the chain's clock,
    /// simulates `liquidate` for each unhealthy one and sends it only if the simulation succeeded (compute-unit
    /// limit fitted to the simulation, priority fee, slippage guard, retries). Logs every decision; Ctrl-C stops
    /// it between steps. The liquidator repays from its quote associated token account and receives collateral
    /// in its associated token account (created if missing). `--bench` scores synthetic positions offline.
    Liquidator {
        /// Score this many synthetic positions offline and print positions per second.
        #[arg(long, conflicts_with_all = ["vault", "keypair", "once"])]
        bench: bool,
        #[arg(long, default_value_t = 10_000, requires = "bench")]
        positions: usize,
        /// JSON-RPC endpoint.
        #[arg(long, default_value = "http://127.0.0.1:8899")]
        url: String,
        /// The liquidator's keypair file (pays fees, repays, receives collateral).
        #[arg(long, required_unless_present = "bench")]
        keypair: Option<PathBuf>,
        /// The vault account to watch.
        #[arg(long, required_unless_present = "bench")]
        vault: Option<Pubkey>,
        /// Run one round and exit.
        #[arg(long)]
        once: bool,
        /// Seconds between rounds.
        #[arg(long, default_value_t = 10)]
        interval_secs: u64,
        /// Priority fee, micro-lamports per compute unit.
        #[arg(long, default_value_t = 0)]
        priority_fee: u64,
        /// Resends after a transport error or an expired blockhash.
        #[arg(long, default_value_t = 3)]
        retries: u32,
        /// How far the seized collateral may fall below the simulated amount, bps (0–10,000).
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(0..=10_000))]
        seize_slippage_bps: u16,
        /// Score a mint with another price account, MINT=ACCOUNT (repeatable), to see what the bot would do at
        /// that price; by default the account the mint's oracle setting pins, the only one the program accepts
        /// (a liquidation simulated on another is refused, and not sent).
        #[arg(long = "price-account", value_parser = parse_pair)]
        price_accounts: Vec<(Pubkey, Pubkey)>,
    },
    /// A local chain for the web app: a real solana-test-validator on loopback with the program's SBF build and a
    /// vault built on the embedded chain preloaded at genesis (three tranches, three loans on SOL, Pyth price
    /// accounts), the tranche caps lowered, and a funded test wallet. Prints one JSON line (rpc, ws, vault, wallet:
    /// the test wallet's keypair file, ...) and stays up until Ctrl-C. Needs `make sbf` and `make validator`.
    Localnet {
        /// The validator's files (ledger, account files, the test wallet's keypair); emptied first.
        #[arg(long, default_value = "target/localnet")]
        dir: PathBuf,
        /// RPC port; the websocket is the next one, and 40 ports from it are taken. 0 picks a free block.
        #[arg(long, default_value_t = 8899)]
        rpc_port: u16,
        /// SOL's price in the pinned price account, USD (the loans were taken at 100).
        #[arg(long, default_value_t = 100.0)]
        sol_price: f64,
        /// Tranche deposit caps, whole USDC: senior, mezzanine, junior.
        #[arg(
            long,
            value_delimiter = ',',
            num_args = 3,
            default_value = "50000,20000,10000"
        )]
        caps: Vec<u64>,
        /// USDC minted to the test wallet, whole tokens.
        #[arg(long, default_value_t = 100_000)]
        wallet_usdc: u64,
    },
    #[command(flatten)]
    Role(roles::RoleCommand),
    /// A vault described in a TOML file (migrations/<cluster>.toml): `plan` reads the chain and prints the steps
    /// that would bring the vault to it; `apply` sends them, one transaction per step, planning again after each.
    /// Idempotent: a second apply sends nothing; a changed parameter becomes a timelocked proposal, executed by a
    /// later apply once its ETA has passed; the authority moves to the file's last, when nothing is pending.
    Vault {
        #[command(subcommand)]
        action: VaultAction,
    },
    /// The audit of a live vault, read over JSON-RPC at the chain's clock with the program's own math: each
    /// tranche's NAV, price per token, supply, written-down amount, realized APR and subordination against its
    /// limits; debt, liquidity, utilization, reserved payouts, fees; the collateral mix with each oracle's price,
    /// age and confidence; the positions' health distribution and the five closest to liquidation; the
    /// redemption queue and the next epoch close.
    Status {
        /// JSON-RPC endpoint.
        #[arg(long, default_value = "http://127.0.0.1:8899")]
        url: String,
        /// The vault account.
        #[arg(long)]
        vault: Pubkey,
        /// One JSON object: exact base units as integers, fixed-point values as raw U68F60 bits (`*_sf`, a decimal
        /// string) beside a float (`*_float`).
        #[arg(long)]
        json: bool,
    },
    /// Governance: show the config, propose / execute / cancel timelocked changes, pause, unpause, lower a cap,
    /// move the authority. Signs with --keypair and sends, or prints the unsigned message with --unsigned.
    Gov {
        /// The vault account.
        #[arg(long)]
        vault: Pubkey,
        #[command(flatten)]
        tx: governance::TxOpts,
        #[command(subcommand)]
        command: governance::GovCommand,
    },
}

#[derive(Subcommand)]
enum VaultAction {
    /// Print the steps from the chain to the file.
    Plan {
        config: PathBuf,
        #[command(flatten)]
        tx: tranche_cli::send::TxOpts,
    },
    /// Send them.
    Apply {
        config: PathBuf,
        #[command(flatten)]
        tx: tranche_cli::send::TxOpts,
    },
}

fn parse_pair(s: &str) -> Result<(Pubkey, Pubkey)> {
    let (a, b) = s.split_once('=').context("expected MINT=ACCOUNT")?;
    Ok((
        a.trim().parse().context("MINT is not a public key")?,
        b.trim().parse().context("ACCOUNT is not a public key")?,
    ))
}

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn build_idl() -> Result<String> {
    // anchor-lang-idl 0.1.4 turns a set RUSTUP_TOOLCHAIN into the literal argument `+{toolchain}`; the rustup
    // proxy sets it for every process under `cargo run`. The active toolchain is the right one anyway.
    std::env::remove_var("RUSTUP_TOOLCHAIN");
    let root = workspace_root();
    let idl = anchor_lang_idl::build::IdlBuilder::new()
        .program_path(root.join("programs/tranche_vault"))
        // Its own target dir: the IDL build sets RUSTFLAGS, which would otherwise rebuild the test artifacts. The
        // test it runs only prints the IDL: no debug info (the workspace's dev profile keeps line tables).
        .cargo_args(vec![
            "--locked".into(),
            "--target-dir".into(),
            root.join("target/idl-build").display().to_string(),
            "--config".into(),
            "profile.dev.debug=false".into(),
        ])
        .build()
        .context("building the IDL (cargo test __anchor_private_print_idl --features idl-build)")?;
    Ok(serde_json::to_string_pretty(&idl)? + "\n")
}

fn main() -> std::process::ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // One line with every cause, never a backtrace: the errors name what to fix.
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::Liquidator {
            bench: true,
            positions,
            ..
        } => {
            let (n, unhealthy, rate) = liquidator::bench(positions)?;
            println!(
                "scored {n} synthetic positions ({unhealthy} liquidatable): {rate:.0} positions/s"
            );
        }
        Command::Liquidator {
            url,
            keypair,
            vault,
            once,
            interval_secs,
            priority_fee,
            retries,
            seize_slippage_bps,
            price_accounts,
            ..
        } => liquidator::rpc::run(&liquidator::rpc::BotOpts {
            url,
            keypair: keypair.context("--keypair is required")?,
            vault: vault.context("--vault is required")?,
            once,
            interval_secs,
            priority_fee,
            retries,
            seize_slippage_bps,
            price_accounts: price_accounts.into_iter().collect(),
        })?,
        Command::Stress { sim, json } => stress::run(&sim.resolve(None)?, json)?,
        Command::Risk {
            url,
            vault,
            embedded,
            demo_seed,
            greeks,
            plot,
            sim,
            json,
        } => risk::run(&risk::RiskOpts {
            source: match (url, vault) {
                (Some(url), Some(vault)) => risk::Source::Rpc { url, vault },
                _ if embedded => risk::Source::Embedded { demo_seed },
                _ => risk::Source::Synthetic,
            },
            sim,
            greeks,
            plot,
            json,
        })?,
        Command::Demo {
            crash_pct,
            seed,
            json,
        } => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?
            .block_on(demo::run(demo::DemoOpts {
                crash_pct,
                seed,
                json,
            }))
            .map(|_| ())?,
        Command::Localnet {
            dir,
            rpc_port,
            sol_price,
            caps,
            wallet_usdc,
        } => localnet::run(&localnet::LocalnetOpts {
            dir: if dir.is_absolute() {
                dir
            } else {
                std::env::current_dir()?.join(dir)
            },
            rpc_port,
            sol_price_cents: (sol_price * 100.0).round() as i64,
            caps: [caps[0], caps[1], caps[2]],
            wallet_quote: wallet_usdc,
        })?,
        Command::Status { url, vault, json } => {
            tranche_cli::status::run(&tranche_cli::status::StatusOpts { url, vault, json })?
        }
        Command::Gov { vault, tx, command } => governance::run(&command, vault, &tx)?,
        Command::Role(command) => roles::run(&command)?,
        Command::Vault { action } => match action {
            VaultAction::Plan { config, tx } => {
                tranche_cli::vault_config::run(&config, false, &tx)?
            }
            VaultAction::Apply { config, tx } => {
                tranche_cli::vault_config::run(&config, true, &tx)?
            }
        },
        Command::Idl { check, out } => {
            let path = if out.is_absolute() {
                out
            } else {
                workspace_root().join(out)
            };
            let idl = build_idl()?;
            if check {
                let committed = std::fs::read_to_string(&path)
                    .with_context(|| format!("reading {}", path.display()))?;
                if committed != idl {
                    bail!("{} is stale: run `make idl` and commit it", path.display());
                }
                println!("{} matches the program", path.display());
            } else {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                std::fs::write(&path, idl)?;
                println!("wrote {}", path.display());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks (a global argument that is also required, clashing names, ...), which
    /// otherwise only fire when the command is run.
    #[test]
    fn the_command_line_is_well_formed() {
        <super::Cli as clap::CommandFactory>::command().debug_assert();
    }
}
