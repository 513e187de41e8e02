//! Cutting the focus secretary's scope (docs/SCOPE.md) out of the country (the district grown ×100
//! around her): `cargo bench -p secretariat_bench --bench scope -- --warm-up-time 1
//! --measurement-time 3`. The first scope of an organisation also hashes its file once (printed
//! apart); `scope/country` measures every later one, and `scope_json/country` adds writing it.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use secretariat_core::Organisation;
use secretariat_scale::FOCUS;

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
        .configure_from_args();
    let started = std::time::Instant::now();
    let org = match Organisation::from_file(secretariat_scale::grown(secretariat_bench::SEED, 100))
    {
        Ok(org) => org,
        Err(e) => {
            eprintln!("the country does not load: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "country generated and loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    let first = org.scope(FOCUS).map(|s| s.to_json().len());
    eprintln!(
        "first scope (hashes the file once): {:.0} ms, {first:?} bytes",
        started.elapsed().as_secs_f64() * 1e3
    );
    c.bench_function("scope/country", |b| {
        b.iter(|| black_box(org.scope(black_box(FOCUS))))
    });
    c.bench_function("scope_json/country", |b| {
        b.iter(|| black_box(org.scope(black_box(FOCUS)).map(|s| s.to_json())))
    });
    c.final_summary();
}
