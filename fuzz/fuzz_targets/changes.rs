//! Changes files (`secretariat-changes/1`) on arbitrary bytes, against the demo organisation:
//! parse, apply (`with_changes`) and simulate never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use secretariat_core::{ChangeSet, Instant, Lang, Organisation, DEMO_ORG};

fn demo() -> &'static Organisation {
    static ORG: OnceLock<Organisation> = OnceLock::new();
    ORG.get_or_init(|| Organisation::load(DEMO_ORG).expect("the demo organisation loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(set) = serde_json::from_slice::<ChangeSet>(data) else {
        return;
    };
    let org = demo();
    let _ = org.with_changes(&set.changes);
    let now = Instant::parse("2026-11-23T10:00:00Z");
    let _ = org.simulate(&set.changes, now, Lang::Fr);
    let _ = org.simulate(&set.changes, None, Lang::En);
});
