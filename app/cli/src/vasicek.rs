//! The closed forms the Monte Carlo is checked against: the one-factor Gaussian copula (Vasicek) tranche expected
//! loss of a homogeneous pool, for an infinitely granular pool and for a pool of `n` identical loans.
//!
//! A loan defaults when √ρ·Z + √(1−ρ)·ε < c (Z common to all loans, ε its own, both standard normal), so given Z = z
//! it defaults with probability p(z) = Φ((c − √ρ·z) / √(1−ρ)), independently of the others. With a loss given
//! default of 1, the large pool loses p(Z); a pool of `n` loses K / n with K ~ Binomial(n, p(Z)) given Z. A tranche
//! [a, b) of the pool loses (L − a)⁺ ∧ (b − a) of its size b − a.

/// Standard normal CDF (Abramowitz & Stegun 7.1.26 for erf: absolute error < 1.5e-7, so < 7.5e-8 in Φ).
pub fn phi(x: f64) -> f64 {
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
    let y = 1.0
        - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t
            + 0.254_829_592)
            * t
            * (-z * z).exp();
    0.5 * (1.0 + if z >= 0.0 { y } else { -y })
}

/// The numerical error bound of the closed forms below in a tranche of width `b − a`: Φ is off by < 7.5e-8 and the
/// tranche's loss moves by at most 1 / (b − a) per unit of p; Simpson's error on these integrands is far smaller.
pub fn numeric_error(a: f64, b: f64) -> f64 {
    1e-7 / (b - a)
}

/// E[f(Z)] for Z ~ N(0, 1): Simpson's rule on [−8, 8] with 4,000 intervals (the mass beyond is < 1e-15).
pub fn over_factor(f: impl Fn(f64) -> f64) -> f64 {
    let n = 4_000;
    let (lo, hi) = (-8.0, 8.0);
    let h = (hi - lo) / f64::from(n);
    let g = |z: f64| f(z) * (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let mut s = g(lo) + g(hi);
    for i in 1..n {
        s += g(lo + f64::from(i) * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    s * h / 3.0
}

/// The loss of the tranche [a, b) of the pool, as a fraction of the tranche, at pool loss `l` (fractions).
pub fn tranche_of(l: f64, a: f64, b: f64) -> f64 {
    (l - a).clamp(0.0, b - a) / (b - a)
}

/// A loan's default probability given the common factor `z`: Φ((c − √ρ·z) / √(1−ρ)) (ρ < 1).
pub fn conditional_pd(c: f64, rho: f64, z: f64) -> f64 {
    phi((c - rho.sqrt() * z) / (1.0 - rho).sqrt())
}

/// Vasicek's large-pool tranche expected loss (loss given default 1): E[tranche(p(Z))].
pub fn large_pool_el(c: f64, rho: f64, a: f64, b: f64) -> f64 {
    over_factor(|z| tranche_of(conditional_pd(c, rho, z), a, b))
}

/// The same for a pool of `n` identical loans: E[tranche(K / n)] exactly, K ~ Binomial(n, p(Z)) given Z. This is
/// the large-pool value plus the finite pool's (granularity) correction.
pub fn finite_pool_el(c: f64, rho: f64, n: usize, a: f64, b: f64) -> f64 {
    // ln C(n, k), k = 0..=n.
    let mut ln_choose = vec![0.0f64; n + 1];
    for k in 1..=n {
        ln_choose[k] = ln_choose[k - 1] + ((n - k + 1) as f64 / k as f64).ln();
    }
    over_factor(|z| {
        let p = conditional_pd(c, rho, z);
        if p <= 0.0 {
            return tranche_of(0.0, a, b);
        }
        if p >= 1.0 {
            return tranche_of(1.0, a, b);
        }
        let (ln_p, ln_q) = (p.ln(), (1.0 - p).ln());
        // Only k / n > a loses anything.
        ((a * n as f64).floor() as usize..=n)
            .map(|k| {
                let ln_pmf = ln_choose[k] + k as f64 * ln_p + (n - k) as f64 * ln_q;
                ln_pmf.exp() * tranche_of(k as f64 / n as f64, a, b)
            })
            .sum()
    })
}

/// The default threshold c of the standardized one-period log-return for a loan of collateral volatility `sigma`
/// over `years`, with a debt `k` times its collateral's liquidation power at the start: the loan defaults when
/// exp(σ√T·X − σ²T/2) < k, i.e. X < (ln k + σ²T/2) / (σ√T).
pub fn default_threshold(k: f64, sigma: f64, years: f64) -> f64 {
    (k.ln() + 0.5 * sigma * sigma * years) / (sigma * years.sqrt())
}
