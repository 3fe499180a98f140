//! `tranche-fuzz`: the whole-program fuzzer (`make fuzz`). One worker per core, each its own LiteSVM and seed
//! (`FUZZ_SEED` + worker index); `FUZZ_ACTIONS` actions in all. Prints actions per second as it goes, then the
//! actions by kind, the refusals by error and the checks done. On a violation: the seed, and the shortest action
//! sequence that still fails, ready to paste into `fuzz/tests/regressions.rs`.
//!
//!   tranche-fuzz [--program target/deploy/tranche_vault.so] [--expect-violation CHECK] [--json FILE]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use tranche_fuzz::{run, shrink, Config, Report, EPISODE};

fn env_u64(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) => v
            .replace('_', "")
            .parse()
            .with_context(|| format!("{name}={v} is not a whole number")),
        Err(_) => Ok(default),
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut program = String::from("target/deploy/tranche_vault.so");
    let mut expect: Option<String> = None;
    let mut json: Option<String> = None;
    let mut readme: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--program" => program = args.next().context("--program needs a path")?,
            "--expect-violation" => {
                expect = Some(
                    args.next()
                        .context("--expect-violation needs a check name")?,
                )
            }
            "--json" => json = Some(args.next().context("--json needs a path")?),
            "--readme" => readme = Some(args.next().context("--readme needs a path")?),
            "--help" | "-h" => {
                println!("tranche-fuzz [--program SO] [--expect-violation CHECK] [--json FILE] [--readme README.md]\n\
                          env: FUZZ_ACTIONS (default 1000000), FUZZ_SEED (default 1), FUZZ_THREADS (default: cores), \
                          FUZZ_EPISODE (actions per fresh world, default 10000), FUZZ_MINUTES (a time limit, default none)");
                return Ok(());
            }
            other => bail!("unknown argument {other} (try --help)"),
        }
    }
    let so =
        std::fs::read(&program).with_context(|| format!("{program}: build it with `make sbf`"))?;
    let total = env_u64("FUZZ_ACTIONS", 1_000_000)?;
    let seed = env_u64("FUZZ_SEED", 1)?;
    let threads = env_u64(
        "FUZZ_THREADS",
        std::thread::available_parallelism().map_or(2, |n| n.get() as u64),
    )?
    .max(1);
    let time_limit = match std::env::var("FUZZ_MINUTES") {
        Ok(m) => Some(Duration::from_secs_f64(
            m.parse::<f64>().context("FUZZ_MINUTES")? * 60.0,
        )),
        Err(_) => None,
    };
    println!(
        "[fuzz] {program} ({} bytes): {total} actions on {threads} workers, seeds {seed}..{}",
        so.len(),
        seed + threads - 1
    );
    let start = Instant::now();
    let reports: Vec<(u64, Result<Report>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let so = &so;
                let cfg = Config {
                    seed: seed + i,
                    actions: total / threads + u64::from(i < total % threads),
                    episode: env_u64("FUZZ_EPISODE", EPISODE).unwrap_or(EPISODE),
                    time_limit,
                };
                s.spawn(move || {
                    let progress = |r: &Report| {
                        if i == 0 {
                            let rate = r.actions as f64 / r.elapsed.as_secs_f64();
                            println!("[fuzz] worker 0: {} actions, {:.0} actions/s ({:.0} on all workers)", r.actions, rate, rate * threads as f64);
                        }
                    };
                    (cfg.seed, run(so, &cfg, &progress))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| (0, Err(anyhow::anyhow!("a worker panicked"))))
            })
            .collect()
    });
    let elapsed = start.elapsed();
    let mut sum = Report::default();
    let mut failed = None;
    for (s, r) in reports {
        let r = r?;
        if let Some(v) = r.violation.clone() {
            failed.get_or_insert((s, v, r.history.clone()));
        }
        sum.absorb(r);
    }
    let rate = sum.actions as f64 / elapsed.as_secs_f64();
    println!("\n[fuzz] {} actions ({} transactions, {} worlds of at most {} actions) in {:.1} s: {:.0} actions/s; {} checks (after every action and of every world set up), 0 skipped", sum.actions, sum.transactions, sum.worlds, env_u64("FUZZ_EPISODE", EPISODE)?, elapsed.as_secs_f64(), rate, sum.checks);
    println!("\n| action | run | refused |\n|---|---:|---:|");
    for (k, (n, refused)) in &sum.by_kind {
        println!("| {k} | {n} | {refused} |");
    }
    println!("\n| refusal | count |\n|---|---:|");
    let mut refusals: Vec<_> = sum.refusals.iter().collect();
    refusals.sort_by(|a, b| b.1.cmp(a.1));
    for (k, n) in &refusals {
        println!("| {k} | {n} |");
    }
    if let Some(path) = &json {
        let doc = serde_json::json!({
            "actions": sum.actions, "transactions": sum.transactions, "checks": sum.checks, "worlds": sum.worlds,
            "seconds": elapsed.as_secs_f64(), "actions_per_second": rate, "workers": threads, "seed": seed,
            "violations": u64::from(failed.is_some()),
            "by_kind": sum.by_kind.iter().map(|(k, (n, r))| (k.to_string(), serde_json::json!({"run": n, "refused": r}))).collect::<BTreeMap<_, _>>(),
            "refusals": sum.refusals,
        });
        std::fs::write(path, serde_json::to_string_pretty(&doc)? + "\n")
            .with_context(|| format!("writing {path}"))?;
    }
    if let (Some(path), None) = (&readme, &failed) {
        let mut block = format!(
            "Last full run (`make fuzz`, generated by it): **{} actions** ({} transactions, {} fresh worlds) on \
             {threads} workers, seeds {seed}..{}, in {:.0} s: **{:.0} actions/s**; {} checks; **0 violations**.\n\n\
             | action | run | refused |\n|---|---:|---:|\n",
            sum.actions, sum.transactions, sum.worlds, seed + threads - 1, elapsed.as_secs_f64(), rate, sum.checks
        );
        for (k, (n, refused)) in &sum.by_kind {
            block += &format!("| {k} | {n} | {refused} |\n");
        }
        block += "\nThe ten most frequent refusals (error, instruction):\n\n| refusal | count |\n|---|---:|\n";
        for (k, n) in refusals.iter().take(10) {
            block += &format!("| {k} | {n} |\n");
        }
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
        let (begin, end) = ("<!-- fuzz:begin -->\n", "<!-- fuzz:end -->");
        let (Some(i), Some(j)) = (text.find(begin), text.find(end)) else {
            bail!("{path} has no {begin:?} … {end:?} block");
        };
        let new = format!("{}{begin}{block}{}", &text[..i], &text[j..]);
        std::fs::write(path, new).with_context(|| format!("writing {path}"))?;
        println!("[fuzz] {path}: figures updated");
    }
    match (failed, expect) {
        (None, None) => {
            println!("\n[fuzz] 0 violations");
            Ok(())
        }
        (None, Some(c)) => bail!(
            "the control was not caught: no violation of `{c}` in {} actions",
            sum.actions
        ),
        (Some((s, v, history)), expect) => {
            println!(
                "\n[fuzz] VIOLATION of `{}` at action {} (seed {s}):\n{}",
                v.check, v.step, v.detail
            );
            println!("[fuzz] shrinking {} actions (at most 2 min)…", v.step + 1);
            let short = shrink(&so, &history, &v.check, Duration::from_secs(120))?;
            println!("[fuzz] the shortest failing sequence found ({} actions), for fuzz/tests/regressions.rs:\n", short.len());
            for a in &short {
                println!("    Action::{a:?},");
            }
            match expect {
                Some(c) if c == v.check => {
                    println!("\n[fuzz] control caught: `{c}`");
                    Ok(())
                }
                Some(c) => bail!(
                    "the control expected a violation of `{c}`, found `{}`",
                    v.check
                ),
                None => bail!("1 violation (seed {s})"),
            }
        }
    }
}
