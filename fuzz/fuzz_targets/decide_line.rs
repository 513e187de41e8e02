//! Decision requests on arbitrary bytes, against the demo organisation: `decide_line` never panics
//! and always answers one JSON object, a decision or an error.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use secretariat_core::{Lang, Organisation, DEMO_ORG};

fn demo() -> &'static Organisation {
    static ORG: OnceLock<Organisation> = OnceLock::new();
    ORG.get_or_init(|| Organisation::load(DEMO_ORG).expect("the demo organisation loads"))
}

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    for lang in [None, Some(Lang::En)] {
        let answer = serde_json::to_string(&demo().decide_line(&line, lang))
            .expect("every answer writes as JSON");
        let value: serde_json::Value = serde_json::from_str(&answer).expect("every answer is JSON");
        assert!(
            value.get("decision").is_some() != value.get("error").is_some(),
            "an answer is a decision or an error: {answer}"
        );
    }
});
