//! Repeats one measured operation, for a profiler:
//!
//! ```text
//! cargo build --release -p secretariat_bench --bin profile
//! valgrind --tool=callgrind target/release/profile decide-practice 1 100000
//! perf record -g target/release/profile view 100 200
//! ```
//!
//! `profile WHAT FACTOR N`: WHAT is `decide-<family>` (strings → answer), `check-<family>`
//! (handles resolved once, `allows`), `view`, `load` or `simulate`; FACTOR the organisation
//! (0 practice, 1 district, 10 region, 100 country); N repetitions.

use std::hint::black_box;
use std::process::ExitCode;

use secretariat_bench::{loaded, now, requests, resolved};
use secretariat_core::{Lang, Organisation};
use secretariat_scale::{sample_change, Family, FOCUS};

fn run(what: &str, factor: usize, n: usize) -> Result<(), String> {
    let l = loaded(factor)?;
    let family = |name: &str| {
        Family::ALL
            .into_iter()
            .find(|f| f.id() == name)
            .ok_or_else(|| format!("unknown family `{name}`"))
    };
    if let Some(name) = what.strip_prefix("decide-") {
        let reqs = requests(&l.org, family(name)?);
        let mut allowed = 0usize;
        for r in reqs.iter().cycle().take(n) {
            allowed += usize::from(l.org.is_allowed(black_box(r)).unwrap_or(false));
        }
        eprintln!("{allowed} of {n} allowed");
    } else if let Some(name) = what.strip_prefix("check-") {
        let handles = resolved(&l.org, &requests(&l.org, family(name)?))?;
        let mut allowed = 0usize;
        for h in handles.iter().cycle().take(n) {
            allowed += usize::from(l.org.allows(black_box(h.principal), h.gate, h.now));
        }
        eprintln!("{allowed} of {n} allowed");
    } else {
        match what {
            "view" => {
                for _ in 0..n {
                    black_box(l.org.view(FOCUS, now(), Lang::Fr));
                }
            }
            "load" => {
                for _ in 0..n {
                    black_box(Organisation::load(&l.json).map_err(|e| e.to_string())?);
                }
            }
            "simulate" => {
                let change = sample_change(l.org.file()).ok_or("no change to simulate")?;
                for _ in 0..n {
                    let sim = l
                        .org
                        .simulate(std::slice::from_ref(&change), now(), Lang::Fr);
                    black_box(sim.map_err(|_| "the change does not apply")?);
                }
            }
            other => return Err(format!("unknown operation `{other}`")),
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(what), Some(factor), Some(n)) = (
        args.first(),
        args.get(1).and_then(|f| f.parse().ok()),
        args.get(2).and_then(|n| n.parse().ok()),
    ) else {
        eprintln!("usage: profile WHAT FACTOR N   (see the doc comment of src/bin/profile.rs)");
        return ExitCode::from(2);
    };
    match run(what, factor, n) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("profile: {e}");
            ExitCode::from(1)
        }
    }
}
