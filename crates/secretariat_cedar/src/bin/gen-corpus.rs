//! Writes a generated decision corpus in the fixtures' format, for the npm parity test:
//! `<dir>/gen-NNN/org.json` and `decisions.jsonl` (one request per line, with `expect` and, on an
//! allowed practice line, `audit`, both from the Cedar model; the engine must agree).
//!
//! Usage: `cargo run --release -p secretariat_cedar --bin gen-corpus -- [DIR] [ORGS] [SEED]`
//! (defaults: `tests/generated`, 200 organisations of up to 40 requests, seed 0). The same seed
//! writes the same corpus. `tests/generated/` is git-ignored; `scripts/test-npm` writes it.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use secretariat_cedar::CedarModel;
use secretariat_core::{Effect, Organisation, Request};
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "tests/generated".to_owned()));
    let orgs: usize = args.next().map_or(Ok(200), |n| n.parse())?;
    let seed: u64 = args.next().map_or(Ok(0), |n| n.parse())?;

    let mut bytes = [0u8; 32];
    bytes
        .iter_mut()
        .zip(seed.to_le_bytes().iter().cycle())
        .for_each(|(b, s)| *b = *s);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = secretariat_gen::strategy::case(40);

    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let mut lines_written = 0;
    for i in 0..orgs {
        let (spec, requests) = strategy
            .new_tree(&mut runner)
            .map_err(|e| e.to_string())?
            .current();
        let file = spec.to_json();
        let org = Organisation::from_value(file.clone())?;
        let model = CedarModel::new(org.file())?;
        let mut lines = String::new();
        for r in &requests {
            let mut line = r.to_json(&spec);
            let request: Request = serde_json::from_value(line.clone())?;
            let oracle = model.outcome(&request)?;
            let engine = org.decide(&request).ok();
            let agrees = match (&oracle, &engine) {
                (None, None) => true,
                (Some(o), Some(d)) => {
                    o.allow == (d.decision == Effect::Allow) && o.audit == d.audit
                }
                _ => false,
            };
            if !agrees {
                return Err(format!(
                    "the engine and Cedar disagree on {line} in\n{file:#}\n(run the differential test)"
                )
                .into());
            }
            if let Value::Object(o) = &mut line {
                let expect = match oracle {
                    None => "error",
                    Some(x) if x.allow => "allow",
                    Some(_) => "deny",
                };
                o.insert("expect".into(), json!(expect));
                if let Some(x) =
                    oracle.filter(|x| x.allow && request.action.starts_with("practice."))
                {
                    o.insert("audit".into(), json!(x.audit));
                }
            }
            writeln!(lines, "{line}")?;
            lines_written += 1;
        }
        let case = dir.join(format!("gen-{i:03}"));
        std::fs::create_dir_all(&case)?;
        std::fs::write(case.join("org.json"), serde_json::to_string_pretty(&file)?)?;
        std::fs::write(case.join("decisions.jsonl"), lines)?;
    }
    eprintln!(
        "gen-corpus: {orgs} organisations, {lines_written} requests in {}",
        dir.display()
    );
    Ok(())
}
