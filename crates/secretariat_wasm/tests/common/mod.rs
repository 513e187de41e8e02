//! The binding's checks, run by `node.rs` (Node) and `browser.rs` (headless Chromium): the same
//! calls a page makes, with JS values in and out.

use secretariat_core::Organisation;
use secretariat_wasm::{Failure, Policy};
use wasm_bindgen::{JsCast, JsValue};

pub const DEMO: &str = include_str!("../../../../tests/fixtures/demo/org.json");
pub const DEMO_DECISIONS: &str = include_str!("../../../../tests/fixtures/demo/decisions.jsonl");
pub const NOW: &str = "2026-11-23T10:00:00Z";

/// A JS value from JSON text.
pub fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// A JS value as compact JSON text.
pub fn text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().into()
}

/// The message of what a call threw, which must be a JS `Error`.
pub fn thrown<T>(result: Result<T, Failure>) -> js_sys::Error {
    match result {
        Ok(_) => panic!("expected a thrown error"),
        Err(failure) => JsValue::from(failure).dyn_into::<js_sys::Error>().unwrap(),
    }
}

pub fn demo() -> Policy {
    Policy::load(JsValue::from_str(DEMO)).unwrap()
}

/// The code a call threw with.
pub fn code<T>(result: Result<T, Failure>) -> String {
    js_sys::Reflect::get(&thrown(result), &"code".into())
        .unwrap()
        .as_string()
        .unwrap()
}

pub fn loads_from_text_only() {
    let from_text = demo();
    // An object has lost its duplicate keys to `JSON.parse`: refused, never half-checked.
    assert_eq!(code(Policy::load(js(DEMO))), "bad_argument");
    let duplicate = DEMO.replacen(
        r#""status": "active""#,
        r#""status": "suspended", "status": "active""#,
        1,
    );
    assert_ne!(duplicate, DEMO);
    assert_eq!(
        code(Policy::load(JsValue::from_str(&duplicate))),
        "invalid_file"
    );
    // The export loads again into the same organisation.
    let again = Policy::load(JsValue::from_str(&from_text.export().unwrap())).unwrap();
    assert_eq!(
        text(&again.to_json().unwrap()),
        text(&from_text.to_json().unwrap())
    );
}

pub fn a_bad_file_throws_every_problem_with_its_path() {
    let bad = r#"{"format":"secretariat-org/1","people":[{"id":"a","name":"A","category":"secretaire","status":"active"}],
        "practice":{"accesses":[{"secretary":"a","doctor":"nobody","permissions":["coffee"]}]}}"#;
    let error = thrown(Policy::load(JsValue::from_str(bad)));
    let message = String::from(error.message());
    let expected = Organisation::load(bad).err().unwrap().to_string();
    assert_eq!(message, expected);
    let problems = js_sys::Reflect::get(&error, &"problems".into()).unwrap();
    let problems: js_sys::Array = problems.dyn_into().unwrap();
    assert!(problems.length() >= 2, "{message}");
    assert!(
        text(&problems).contains("practice.accesses[0]"),
        "{}",
        text(&problems)
    );
    for not_a_file in [
        JsValue::from(5),
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("{"),
    ] {
        assert!(!String::from(thrown(Policy::load(not_a_file)).message()).is_empty());
    }
    let format = thrown(Policy::load(JsValue::from_str(
        r#"{"format":"secretariat-org/9"}"#,
    )));
    assert!(String::from(format.message()).contains("secretariat-org/1"));
}

/// `principal action resource now`, `-` for an absent argument, and what the gate answers or throws.
#[rustfmt::skip]
const GATE: &[(&str, &str)] = &[
    ("sophie practice.agenda doctor:dr-martin NOW", "true"),
    ("sophie practice.export_patients doctor:dr-martin NOW", "false"),
    ("karim practice.login_as_doctor doctor:dr-durand NOW", "false"),
    ("sophie dcc.icon.agenda - NOW", "true"),
    ("sophie dcc.icon.agenda - -", "true"),
    ("nobody practice.agenda doctor:dr-martin NOW", "unknown_id unknown person `nobody`"),
    ("sophie practice.coffee doctor:dr-martin NOW", "unknown_action unknown action `practice.coffee`"),
    ("sophie practice.agenda - NOW", "bad_resource"),
    ("sophie practice.agenda rcp:x NOW", "takes a resource `doctor:<id>`"),
    ("sophie practice.agenda doctor:dr-martin yesterday", "bad_now malformed `now` `yesterday`"),
];

pub fn the_gate_answers_and_throws_only_on_bad_input() {
    let p = demo();
    for (case, expected) in GATE {
        let arg = |i: usize| match case.split(' ').nth(i) {
            Some("-") | None => JsValue::UNDEFINED,
            Some("NOW") => NOW.into(),
            Some(word) => word.into(),
        };
        let got = match p.can(arg(0), arg(1), arg(2), arg(3)) {
            Ok(allowed) => allowed.to_string(),
            Err(failure) => {
                let error = thrown::<()>(Err(failure));
                let code = js_sys::Reflect::get(&error, &"code".into()).unwrap();
                format!(
                    "{} {}",
                    code.as_string().unwrap(),
                    String::from(error.message())
                )
            }
        };
        assert!(got.contains(expected), "{case}: {got}");
    }
    // Arguments of the wrong JS type are errors, never a trap in the generated glue.
    for junk in [
        JsValue::from(5),
        js("{}"),
        js("[]"),
        js_sys::Symbol::for_("s").into(),
    ] {
        let failure = p.can(junk.clone(), junk.clone(), junk.clone(), junk.clone());
        assert!(String::from(thrown(failure).message()).contains("must be a string"));
        let failure = p.view(junk.clone(), junk.clone(), junk);
        assert!(!String::from(thrown(failure).message()).is_empty());
    }
}

pub fn a_decision_is_data_and_a_deny_is_not_thrown() {
    let p = demo();
    let request = r#"{"principal":"lea","action":"practice.export_patients","resource":"doctor:dr-martin","now":"2026-11-23T10:00:00Z"}"#;
    let native = Organisation::load(DEMO).unwrap();
    let decide = |request: JsValue| p.decide_text(request, false, JsValue::UNDEFINED);
    assert_eq!(
        decide(js(request)).unwrap(),
        serde_json::to_string(&native.decide_line(request, None)).unwrap()
    );
    let deny = r#"{"principal":"sophie","action":"practice.export_patients","resource":"doctor:dr-martin"}"#;
    assert!(decide(js(deny))
        .unwrap()
        .starts_with(r#"{"decision":"deny","reasons":["#));
    let malformed = String::from(thrown(decide(js(r#"{"principal":"sophie"}"#))).message());
    assert!(
        malformed.starts_with("malformed request: missing field `action`"),
        "{malformed}"
    );
    assert!(!String::from(thrown(decide(JsValue::UNDEFINED)).message()).is_empty());
}

/// The command line's batch, line by line (`decideLines` in js/policy.js loops over the lines; the
/// npm tests compare its whole output with the CLI's on the corpus): a decided line is the CLI's
/// answer, a bad line throws what the CLI answers as `{"error"}`, a bad `lang` throws.
pub fn lines_match_the_engine() {
    let p = demo();
    let native = Organisation::load(DEMO).unwrap();
    for line in DEMO_DECISIONS.lines().filter(|l| !l.trim().is_empty()) {
        match native.decide_line(line, Some(secretariat_core::Lang::En)) {
            secretariat_core::Answer::Decided(decision) => assert_eq!(
                p.decide_text(line.into(), true, "en".into()).unwrap(),
                serde_json::to_string(&decision).unwrap()
            ),
            secretariat_core::Answer::Refused(error) => assert_eq!(
                String::from(thrown(p.decide_text(line.into(), true, "en".into())).message()),
                error.to_string()
            ),
        }
    }
    assert!(thrown(p.decide_text("{}".into(), true, "de".into()))
        .message()
        .includes("unknown language", 0));
    assert!(thrown(p.decide_text(5.into(), true, JsValue::NULL))
        .message()
        .includes("`lines` must be a string", 0));
}

pub fn views_explanations_findings_simulations_and_reports() {
    let p = demo();
    let native = Organisation::load(DEMO).unwrap();
    let now = secretariat_core::Instant::parse(NOW);
    let lang = secretariat_core::Lang::En;
    let view = p.view("sophie".into(), NOW.into(), "en".into()).unwrap();
    let expected = serde_json::to_string(&native.view("sophie", now, lang).unwrap()).unwrap();
    assert_eq!(view, expected);
    assert!(
        String::from(thrown(p.view("nobody".into(), JsValue::NULL, JsValue::NULL)).message())
            .contains("unknown person `nobody`")
    );

    let request = r#"{"principal":"karim","action":"practice.login_as_doctor","resource":"doctor:dr-durand"}"#;
    let explanation = text(&p.explain(js(request), "en".into()).unwrap());
    assert!(
        explanation.contains(r#""derivation":[{"holds":"#),
        "{explanation}"
    );
    // The admin module's answers (serde-wasm-bindgen) stringify to serde_json's text, byte for byte.
    let native_request: secretariat_core::Request = serde_json::from_str(request).unwrap();
    assert_eq!(
        explanation,
        serde_json::to_string(&native.explain(&native_request, lang).unwrap()).unwrap()
    );

    let findings = text(&p.findings(NOW.into(), JsValue::UNDEFINED).unwrap());
    let expected =
        serde_json::to_string(&native.findings(now, secretariat_core::Lang::Fr)).unwrap();
    assert_eq!(findings, expected);

    let changes = r#"[{"op":"revoke_permission","secretary":"sophie","doctor":"dr-martin","permission":"agenda"}]"#;
    let simulation = text(
        &p.simulate(js(changes), NOW.into(), JsValue::UNDEFINED)
            .unwrap(),
    );
    assert!(
        simulation.contains(r#""lost":[{"action":"practice.agenda""#),
        "{simulation}"
    );
    let native_changes: Vec<secretariat_core::Change> = serde_json::from_str(changes).unwrap();
    assert_eq!(
        simulation,
        serde_json::to_string(
            &native
                .simulate(&native_changes, now, secretariat_core::Lang::Fr)
                .unwrap()
        )
        .unwrap()
    );
    let set = format!(r#"{{"format":"secretariat-changes/1","changes":{changes}}}"#);
    assert_eq!(
        text(
            &p.simulate(js(&set), NOW.into(), JsValue::UNDEFINED)
                .unwrap()
        ),
        simulation
    );
    let after = p.with_changes(js(changes)).unwrap();
    assert!(!after
        .can(
            "sophie".into(),
            "practice.agenda".into(),
            "doctor:dr-martin".into(),
            NOW.into()
        )
        .unwrap());
    let unknown = r#"[{"op":"suspend","person":"nobody"}]"#;
    assert!(
        String::from(thrown(p.simulate(js(unknown), JsValue::NULL, JsValue::NULL)).message())
            .contains("nobody")
    );
    assert!(!String::from(
        thrown(p.simulate(
            js(r#"{"format":"x","changes":[]}"#),
            JsValue::NULL,
            JsValue::NULL
        ))
        .message()
    )
    .is_empty());
    assert!(!String::from(
        thrown(p.simulate(js(r#"[{"op":"fly"}]"#), JsValue::NULL, JsValue::NULL)).message()
    )
    .is_empty());

    let rows = text(
        &p.report_every_row("dr-martin".into(), JsValue::NULL)
            .unwrap(),
    );
    assert!(rows.contains(r#""doctor_id":"dr-martin""#), "{rows}");
    let csv = p
        .report_every_row_csv(JsValue::NULL, JsValue::NULL)
        .unwrap();
    assert!(
        csv.starts_with("Secrétaire,Médecin,RPPS Médecin\n"),
        "{csv}"
    );
    assert!(!String::from(
        thrown(p.report("nobody".into(), JsValue::NULL, JsValue::NULL, JsValue::NULL)).message()
    )
    .is_empty());
}

/// One `#[wasm_bindgen_test]` per check above, in the including test file.
#[macro_export]
macro_rules! run_checks {
    ($($check:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $check() {
                common::$check();
            }
        )*
    };
}

/// Every check.
#[macro_export]
macro_rules! all_checks {
    () => {
        $crate::run_checks!(
            loads_from_text_only,
            a_bad_file_throws_every_problem_with_its_path,
            the_gate_answers_and_throws_only_on_bad_input,
            a_decision_is_data_and_a_deny_is_not_thrown,
            lines_match_the_engine,
            views_explanations_findings_simulations_and_reports,
        );
    };
}
