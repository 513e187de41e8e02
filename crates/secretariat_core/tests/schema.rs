//! The JSON Schema shipped in `schema/` is the one the Rust types generate, and the demo validates
//! against the shapes it names.

#[test]
fn shipped_schema_is_generated_from_the_types() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/secretariat-org-1.schema.json"
    );
    let shipped: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default())
            .unwrap_or_default();
    let generated = serde_json::to_value(schemars::schema_for!(secretariat_core::file::OrgFile))
        .unwrap_or_default();
    assert!(
        generated.get("definitions").is_some(),
        "schema generation produced nothing"
    );
    assert_eq!(
        shipped, generated,
        "schema/secretariat-org-1.schema.json is stale: run `cargo run --bin secretariat -- schema > schema/secretariat-org-1.schema.json`"
    );
}
