//! Native benchmarks (criterion), run by `scripts/bench` or
//! `cargo bench -p secretariat_bench --bench native -- [FILTER] --warm-up-time 1 --measurement-time 3`.
//!
//! - `decision/<family>/{engine,engine_strings,cedar}` — one decision at region scale, cycling
//!   through 1,024 requests of the family: the engine on handles resolved once (`allows`, the
//!   gate's hot path),
//!   the engine from strings (resolve + check), and the same requests through the Cedar encoding
//!   of `secretariat_cedar`; `engine_strings_now_once` is the engine from strings with `now`
//!   parsed once for the batch (`is_allowed_at`).
//! - `view/<scale>` — everything the focus secretary sees: practice, and the district grown ×1,
//!   ×10 (region) and ×100 (country) around her.
//! - `load/<scale>` — parse + check + index of the JSON text.
//! - `simulate/region` — one change applied, both views, findings before and after, the diff.
//!
//! A filter (criterion's, a substring of the ids) also skips building what no selected benchmark
//! needs (the country takes seconds to generate and load, the Cedar entities too).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode};
use secretariat_bench::{loaded, now, requests, resolved, Loaded};
use secretariat_cedar::CedarModel;
use secretariat_core::{Instant, Lang, Organisation};
use secretariat_scale::{sample_change, Family, FOCUS};

/// Criterion's options that take a value (`--measurement-time 3`): that value is no filter.
const WITH_VALUE: [&str; 14] = [
    "--warm-up-time",
    "--measurement-time",
    "--sample-size",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--save-baseline",
    "--baseline",
    "--load-baseline",
    "--profile-time",
    "--output-format",
    "--color",
    "--plotting-backend",
];

/// The free arguments criterion will treat as filters.
fn filters() -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in std::env::args().skip(1) {
        if skip {
            skip = false;
        } else if a.starts_with('-') {
            skip = WITH_VALUE.contains(&a.as_str());
        } else {
            out.push(a);
        }
    }
    out
}

/// Whether any benchmark of `group` (for the scale `part`, if any) may be selected.
fn selected(filters: &[String], group: &str, part: &str) -> bool {
    let id = format!("{group}/{part}");
    filters.is_empty()
        || filters
            .iter()
            .any(|f| id.contains(f.as_str()) || f.starts_with(&id) || group.contains(f.as_str()))
}

fn decisions(c: &mut Criterion, region: &Loaded, with_cedar: bool) -> Result<(), String> {
    let org = &region.org;
    // Every family's requests are made before Cedar's entities and benches exist. Made between
    // Cedar's benches, their strings were allocated among what Cedar's allocations left, and the
    // engine from strings measured up to 55 ns more for it, its tables untouched (BENCHMARKS.md,
    // "Decisions from strings: the bench's inputs, not the engine").
    let all: Vec<_> = Family::ALL.iter().map(|f| requests(org, *f)).collect();
    let cedar = if with_cedar {
        let started = std::time::Instant::now();
        let model = CedarModel::new(org.file()).map_err(|e| e.to_string())?;
        eprintln!(
            "cedar: entities of the region built in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        Some(model)
    } else {
        None
    };
    let mut group = c.benchmark_group("decision");
    for (family, reqs) in Family::ALL.into_iter().zip(all) {
        let handles = resolved(org, &reqs)?;
        let allowed = handles
            .iter()
            .filter(|h| org.allows(h.principal, h.gate, h.now))
            .count();
        eprintln!(
            "decision/{}: {} requests, {allowed} allowed",
            family.id(),
            reqs.len()
        );
        group.bench_function(BenchmarkId::new(family.id(), "engine"), |b| {
            let mut it = handles.iter().cycle();
            b.iter(|| {
                it.next()
                    .map(|h| org.allows(black_box(h.principal), black_box(h.gate), h.now))
            });
        });
        group.bench_function(BenchmarkId::new(family.id(), "engine_strings"), |b| {
            let mut it = reqs.iter().cycle();
            b.iter(|| it.next().map(|r| org.is_allowed(black_box(r))));
        });
        // The same strings with `now` parsed once (all the family's requests share it), as a host
        // deciding many requests at one instant does.
        let at = reqs
            .first()
            .and_then(|r| r.now.as_deref())
            .and_then(Instant::parse);
        let differ = reqs
            .iter()
            .filter(|r| org.is_allowed_at(r, at) != org.is_allowed(r))
            .count();
        if differ > 0 {
            eprintln!(
                "decision/{}: `now` parsed once changes {differ} answers",
                family.id()
            );
        }
        group.bench_function(
            BenchmarkId::new(family.id(), "engine_strings_now_once"),
            |b| {
                let mut it = reqs.iter().cycle();
                b.iter(|| it.next().map(|r| org.is_allowed_at(black_box(r), at)));
            },
        );
        if let Some(model) = &cedar {
            // Same requests, same answers: counted on the first 128 before timing.
            let checked = reqs.iter().take(128);
            let differ = checked
                .filter(|r| model.decide(r) != org.is_allowed(r).ok())
                .count();
            if differ > 0 {
                eprintln!(
                    "decision/{}: cedar and the engine differ on {differ} of 128 requests",
                    family.id()
                );
            }
            group.bench_function(BenchmarkId::new(family.id(), "cedar"), |b| {
                let mut it = reqs.iter().cycle();
                b.iter(|| it.next().map(|r| model.decide(black_box(r))));
            });
        }
    }
    group.finish();
    Ok(())
}

fn views(c: &mut Criterion, orgs: &[(&str, &Loaded)]) {
    let mut group = c.benchmark_group("view");
    for (name, l) in orgs {
        group.bench_function(*name, |b| {
            b.iter(|| l.org.view(black_box(FOCUS), now(), Lang::Fr));
        });
    }
    group.finish();
}

fn loads(c: &mut Criterion, orgs: &[(&str, &Loaded)]) {
    let mut group = c.benchmark_group("load");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for (name, l) in orgs {
        group.bench_function(*name, |b| {
            b.iter(|| Organisation::load(black_box(&l.json)).map(|o| o.name().len()));
        });
    }
    group.finish();
}

fn simulation(c: &mut Criterion, region: &Loaded) -> Result<(), String> {
    let change = sample_change(region.org.file()).ok_or("no change to simulate")?;
    let changes = [change];
    let mut group = c.benchmark_group("simulate");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.bench_function("region", |b| {
        b.iter(|| {
            region
                .org
                .simulate(black_box(&changes), now(), Lang::Fr)
                .map(|s| s.affected.len())
        });
    });
    group.finish();
    Ok(())
}

fn run(c: &mut Criterion) -> Result<(), String> {
    let f = filters();
    let want = |group: &str, part: &str| selected(&f, group, part);
    let need_region = want("decision", "")
        || want("view", "region")
        || want("load", "region")
        || want("simulate", "region");
    let need_country = want("view", "country") || want("load", "country");
    let practice = loaded(0)?;
    let district = loaded(1)?;
    let region = if need_region { Some(loaded(10)?) } else { None };
    let country = if need_country {
        let started = std::time::Instant::now();
        let l = loaded(100)?;
        eprintln!(
            "country generated and loaded in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        Some(l)
    } else {
        None
    };

    if let Some(region) = &region {
        if want("decision", "") {
            let with_cedar = f.is_empty() || f.iter().any(|x| !x.contains("engine"));
            decisions(c, region, with_cedar)?;
        }
    }
    let mut scales: Vec<(&str, &Loaded)> =
        vec![("practice", &practice), ("district_x1", &district)];
    if let Some(r) = &region {
        scales.push(("region_x10", r));
    }
    if let Some(k) = &country {
        scales.push(("country_x100", k));
    }
    views(c, &scales);
    let sizes: Vec<(&str, &Loaded)> = scales
        .iter()
        .filter(|(name, _)| *name != "district_x1")
        .map(|(name, l)| (name.split('_').next().unwrap_or(name), *l))
        .collect();
    loads(c, &sizes);
    if let Some(region) = &region {
        simulation(c, region)?;
    }
    Ok(())
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    if let Err(e) = run(&mut c) {
        eprintln!("benchmark setup failed: {e}");
        std::process::exit(1);
    }
    c.final_summary();
}
