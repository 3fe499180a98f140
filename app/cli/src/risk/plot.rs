//! `tranche risk --plot DIR`: SVG charts (plotters' SVG backend; the text is SVG `<text>`, drawn by the viewer, so
//! no font library is needed):
//!
//! - `loss-distribution.svg`: each tranche's loss distribution over the paths (probability of each 5 % bucket of
//!   its NAV lost, log scale; the first bar is "no loss");
//! - `el-vs-correlation.svg`: each tranche's expected loss against a uniform correlation from 0 to 0.95;
//! - `health.svg`: the positions' health distribution now (count and debt by bucket of 0.1; liquidation below 1).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use plotters::prelude::*;

use super::engine::PathLoss;
use super::greeks::Change;

const NAMES: [&str; 3] = ["senior", "mezzanine", "junior"];
const COLORS: [RGBColor; 3] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(214, 39, 40),
];

fn err<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow::anyhow!("drawing the chart: {e}")
}

/// Each tranche's loss distribution: P(no loss) and P(loss in each 5 % bucket of NAV).
pub fn loss_distribution(path: &Path, title: &str, paths: &[PathLoss]) -> Result<()> {
    let root = SVGBackend::new(path, (1200, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let root = root.titled(title, ("sans-serif", 20)).map_err(err)?;
    let n = paths.len().max(1) as f64;
    let floor = 0.5 / n;
    for (t, area) in root.split_evenly((1, 3)).iter().enumerate() {
        // Bucket 0: no loss; bucket k (1..=20): loss in ((k − 1)·5 %, k·5 %].
        let mut counts = [0u64; 21];
        for p in paths {
            let x = p.tranche[t];
            let k = if x <= 0.0 {
                0
            } else {
                ((x * 20.0).ceil() as usize).clamp(1, 20)
            };
            counts[k] += 1;
        }
        let el = paths.iter().map(|p| p.tranche[t]).sum::<f64>() / n;
        let mut chart = ChartBuilder::on(area)
            .caption(
                format!(
                    "{}: EL {:.3} %, P(loss) {:.2} %",
                    NAMES[t],
                    el * 100.0,
                    (1.0 - counts[0] as f64 / n) * 100.0
                ),
                ("sans-serif", 16),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(-5.0f64..100.0f64, (floor..1.0f64).log_scale())
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc("loss, % of the tranche's NAV (bar at -5: none)")
            .y_desc("probability")
            .y_label_formatter(&|y| format!("{y:.0e}"))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(
                counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(k, c)| {
                        let x0 = (k as f64 - 1.0) * 5.0;
                        Rectangle::new(
                            [(x0 + 0.4, floor), (x0 + 4.6, *c as f64 / n)],
                            COLORS[t].filled(),
                        )
                    }),
            )
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

/// Each tranche's expected loss (% of NAV) against the correlation, with ±2 standard errors as a band.
pub fn el_vs_corr(path: &Path, title: &str, curve: &[(f64, [Change; 3])]) -> Result<()> {
    let root = SVGBackend::new(path, (900, 560)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let ymax = curve
        .iter()
        .flat_map(|(_, c)| c.iter().map(|x| (x.value + 2.0 * x.std_error) * 100.0))
        .fold(0.0f64, f64::max)
        .max(1e-3)
        * 1.1;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(16)
        .x_label_area_size(45)
        .y_label_area_size(65)
        .build_cartesian_2d(0.0f64..0.95f64, 0.0f64..ymax)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("correlation")
        .y_desc("expected loss, % of the tranche's NAV")
        .draw()
        .map_err(err)?;
    for t in 0..3 {
        let color = COLORS[t];
        let band: Vec<(f64, f64)> = curve
            .iter()
            .map(|(r, c)| (*r, (c[t].value + 2.0 * c[t].std_error) * 100.0))
            .chain(
                curve
                    .iter()
                    .rev()
                    .map(|(r, c)| (*r, ((c[t].value - 2.0 * c[t].std_error) * 100.0).max(0.0))),
            )
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(band, color.mix(0.2).filled())))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                curve.iter().map(|(r, c)| (*r, c[t].value * 100.0)),
                color.stroke_width(2),
            ))
            .map_err(err)?
            .label(NAMES[t])
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
        chart
            .draw_series(
                curve
                    .iter()
                    .map(|(r, c)| Circle::new((*r, c[t].value * 100.0), 3, color.filled())),
            )
            .map_err(err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// The positions' health now: count by bucket of 0.1 from 0 to 3 (the last bar is 3 and above), with each
/// bucket's debt in its label; liquidation below 1.
pub fn health(path: &Path, title: &str, healths: &[(f64, f64)]) -> Result<()> {
    const BUCKETS: usize = 31;
    let mut count = [0u64; BUCKETS];
    let mut debt = [0.0f64; BUCKETS];
    for (h, d) in healths {
        let k = ((h * 10.0).floor().max(0.0) as usize).min(BUCKETS - 1);
        count[k] += 1;
        debt[k] += d;
    }
    let ymax = count.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.15;
    let root = SVGBackend::new(path, (900, 520)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(16)
        .x_label_area_size(45)
        .y_label_area_size(55)
        .build_cartesian_2d(0.0f64..3.1f64, 0.0f64..ymax)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("health (liquidation power / debt; the last bar: 3 and above)")
        .y_desc("positions")
        .draw()
        .map_err(err)?;
    let used: Vec<(usize, f64)> = count
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(k, c)| (k, *c as f64))
        .collect();
    chart
        .draw_series(used.iter().map(|&(k, c)| {
            let x0 = k as f64 / 10.0;
            let color = if k < 10 { COLORS[2] } else { COLORS[0] };
            Rectangle::new([(x0 + 0.01, 0.0), (x0 + 0.09, c)], color.filled())
        }))
        .map_err(err)?;
    chart
        .draw_series(used.iter().map(|&(k, c)| {
            Text::new(
                format!("{:.0}k", debt[k] / 1_000.0),
                (k as f64 / 10.0, c + ymax * 0.02),
                ("sans-serif", 11),
            )
        }))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(1.0, 0.0), (1.0, ymax)],
            BLACK.stroke_width(1),
        ))
        .map_err(err)?
        .label("health 1: liquidatable below")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK));
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// The three charts into `dir` (created); returns their paths.
pub fn all(
    dir: &Path,
    label: &str,
    paths: &[PathLoss],
    curve: &[(f64, [Change; 3])],
    healths: &[(f64, f64)],
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let files = [
        dir.join("loss-distribution.svg"),
        dir.join("el-vs-correlation.svg"),
        dir.join("health.svg"),
    ];
    loss_distribution(
        &files[0],
        &format!("{label}: tranche loss distributions"),
        paths,
    )?;
    el_vs_corr(
        &files[1],
        &format!("{label}: expected loss against correlation (band: ±2 standard errors)"),
        curve,
    )?;
    health(
        &files[2],
        &format!("{label}: positions' health now (label: the bucket's debt)"),
        healths,
    )?;
    Ok(files.to_vec())
}
