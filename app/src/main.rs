//! `tranche`: the Tranche Vault command line.

use std::path::{Path, PathBuf};

mod demo;
mod governance;
mod liquidator;
mod stress;

use anchor_lang::prelude::Pubkey;
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

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
        #[arg(long, default_value_t = 2_000)]
        paths: u32,
        #[arg(long, default_value_t = 200)]
        positions: u32,
        #[arg(long, default_value_t = 30.0)]
        horizon_days: f64,
        #[arg(long, default_value_t = 30)]
        steps: u32,
        /// Annual volatilities, one per collateral asset.
        #[arg(long, value_delimiter = ',', default_value = "0.8,0.7")]
        vols: Vec<f64>,
        /// Pairwise correlation of the assets (all pairs), unless --corr-matrix is given.
        #[arg(long, default_value_t = 0.6)]
        corr: f64,
        /// Full correlation matrix, rows separated by ';', e.g. "1,0.5;0.5,1".
        #[arg(long)]
        corr_matrix: Option<String>,
        /// The correlation stress: every pairwise correlation moved this fraction of the way to 1.
        #[arg(long, default_value_t = 0.8)]
        stress_toward_one: f64,
        /// Market-wide jumps per year, and the mean and standard deviation of the log-jump.
        #[arg(long, default_value_t = 2.0)]
        jump_intensity: f64,
        #[arg(long, default_value_t = -0.10, allow_negative_numbers = true)]
        jump_mean: f64,
        #[arg(long, default_value_t = 0.05)]
        jump_vol: f64,
        /// Steps between a position becoming liquidatable and its liquidation.
        #[arg(long, default_value_t = 1)]
        liquidation_delay: u32,
        /// Discount on the collateral at liquidation, bps.
        #[arg(long, default_value_t = 200)]
        slippage_bps: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        json: bool,
    },
    /// The liquidator's scoring (the program's own oracle and health code). `--bench` scores synthetic
    /// positions and prints positions per second. (The RPC backend comes with the local-validator test.)
    Liquidator {
        /// Score this many synthetic positions and print the rate.
        #[arg(long)]
        bench: bool,
        #[arg(long, default_value_t = 10_000)]
        positions: usize,
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

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

fn build_idl() -> Result<String> {
    // anchor-lang-idl 0.1.4 turns a set RUSTUP_TOOLCHAIN into the literal argument `+{toolchain}`; the rustup
    // proxy sets it for every process under `cargo run`. The active toolchain is the right one anyway.
    std::env::remove_var("RUSTUP_TOOLCHAIN");
    let root = workspace_root();
    let idl = anchor_lang_idl::build::IdlBuilder::new()
        .program_path(root.join("programs/tranche_vault"))
        // Its own target dir: the IDL build sets RUSTFLAGS, which would otherwise rebuild the test artifacts.
        .cargo_args(vec![
            "--locked".into(),
            "--target-dir".into(),
            root.join("target/idl-build").display().to_string(),
        ])
        .build()
        .context("building the IDL (cargo test __anchor_private_print_idl --features idl-build)")?;
    Ok(serde_json::to_string_pretty(&idl)? + "\n")
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Liquidator { bench, positions } => {
            anyhow::ensure!(
                bench,
                "only --bench is available yet (the RPC backend comes with the validator test)"
            );
            let (n, unhealthy, rate) = liquidator::bench(positions)?;
            println!(
                "scored {n} synthetic positions ({unhealthy} liquidatable): {rate:.0} positions/s"
            );
        }
        Command::Stress {
            paths,
            positions,
            horizon_days,
            steps,
            vols,
            corr,
            corr_matrix,
            stress_toward_one,
            jump_intensity,
            jump_mean,
            jump_vol,
            liquidation_delay,
            slippage_bps,
            seed,
            json,
        } => {
            let corr = match corr_matrix {
                Some(m) => m
                    .split(';')
                    .map(|row| {
                        row.split(',')
                            .map(|x| x.trim().parse::<f64>())
                            .collect::<Result<Vec<_>, _>>()
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .context("--corr-matrix: rows of numbers, e.g. \"1,0.5;0.5,1\"")?,
                None => stress::uniform_corr(vols.len(), corr),
            };
            let p = stress::StressParams {
                vols,
                corr,
                horizon_days,
                steps,
                paths,
                positions,
                jump_intensity,
                jump_mean,
                jump_vol,
                liquidation_delay_steps: liquidation_delay,
                slippage_bps,
                seed,
                ..stress::StressParams::default()
            };
            stress::run(&p, stress_toward_one, json)?
        }
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
        Command::Gov { vault, tx, command } => governance::run(&command, vault, &tx)?,
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
