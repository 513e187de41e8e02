//! Organisation loading on arbitrary bytes: never a panic. When a file loads, everything built on
//! it must work too: findings, the view of every person, the D8 report, and export (what is
//! exported loads again, to the same file).
#![no_main]

use libfuzzer_sys::fuzz_target;
use secretariat_core::{Instant, Lang, Organisation};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(org) = Organisation::load(text) else {
        return;
    };
    let now = Instant::parse("2026-11-23T10:00:00Z");
    let _ = org.findings(now, Lang::En);
    for p in &org.file().people {
        let _ = org.view(&p.id, now, Lang::Fr);
    }
    let _ = org.report_every_row(None, now);
    if let Some(p) = org.file().people.first() {
        let _ = org.report(&p.id, None, now, Lang::Fr);
    }
    let again = Organisation::load(&org.to_json()).expect("an exported organisation loads again");
    assert_eq!(again.file(), org.file(), "export changes the organisation");
});
