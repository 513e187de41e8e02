//! Writes what the Node benchmarks read, into DIR (default `target/bench-data`):
//! `practice.json`, `district.json`, `region.json`, `country.json` (compact JSON, seed 1) and
//! `requests-<family>.json` (1,024 requests of each action family on the region, as a JSON array).
//!
//! `cargo run --release -p secretariat_scale --bin bench-data -- [DIR] [--no-country]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use secretariat_core::file::OrgFile;
use secretariat_scale::{generate, grown, requests, Family, Scale};

fn write(dir: &Path, name: &str, value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("bench-data: {}", path.display());
    Ok(())
}

fn run(dir: &Path, country: bool) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    write(dir, "practice.json", &generate(Scale::Practice, 1))?;
    write(dir, "district.json", &grown(1, 1))?;
    let region: OrgFile = generate(Scale::Region, 1);
    for family in Family::ALL {
        let reqs = requests(&region, family, 1024, 1);
        write(dir, &format!("requests-{}.json", family.id()), &reqs)?;
    }
    write(dir, "region.json", &region)?;
    drop(region);
    if country {
        write(dir, "country.json", &generate(Scale::Country, 1))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let country = !args.iter().any(|a| a == "--no-country");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("target/bench-data"), PathBuf::from);
    match run(&dir, country) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-data: {e}");
            ExitCode::from(1)
        }
    }
}
