//! The focus secretary's scope (docs/SCOPE.md) is the same at district, region and country scale
//! — it follows what she sees, not the organisation — and stays under 20 KB of JSON. Only `from`
//! (the organisation's name and content hash) differs. Release only: the country takes seconds to
//! generate (`cargo test --release -p secretariat_bench --test scope_size -- --nocapture`).
#![expect(clippy::expect_used, reason = "a test fails loudly")]

use secretariat_core::Organisation;
use secretariat_scale::FOCUS;

#[test]
#[cfg_attr(debug_assertions, ignore = "generates the country: runs in release")]
fn her_scope_is_the_same_at_every_scale_and_small() {
    let mut first: Option<secretariat_core::Scope> = None;
    for (name, factor) in [("district", 1), ("region", 10), ("country", 100)] {
        let file = secretariat_scale::grown(secretariat_bench::SEED, factor);
        let org = Organisation::from_file(file).expect("a generated organisation loads");
        let mut scope = org.scope(FOCUS).expect("her scope");
        let bytes = scope.to_json().len();
        eprintln!(
            "scope of `{FOCUS}` at {name} scale: {bytes} bytes of JSON, {} people, {} RCPs, {} dossiers, {} instants ({})",
            scope.people.len(),
            scope.rcps.len(),
            scope.dossiers.len(),
            scope.changes_at.len(),
            scope.from.hash
        );
        assert!(bytes <= 20_000, "{bytes} bytes at {name} scale");
        // What it was made from names the organisation (its size) and hashes it: all else is hers.
        scope.from.hash.clear();
        scope.from.name.clear();
        match &first {
            None => first = Some(scope),
            Some(f) => assert!(
                *f == scope,
                "her scope at {name} scale differs from the district's"
            ),
        }
    }
}
