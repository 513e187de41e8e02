//! The admin module's methods (feature `admin`): what an administration page or a back end needs
//! and a gated page does not — explanations with their derivation, findings, simulation, changes,
//! the D8 report, export. Built into a second `.wasm` that the package fetches only when
//! `policy.admin()` is first called, so the gate module stays small.
//!
//! The answers of these methods — the largest (a simulation holds two views per affected
//! secretary) — are built as JS objects by serde-wasm-bindgen ([`to_object`]): 1.7× faster than
//! JSON text on a view, for 4 KB gzipped that only this module carries. Inputs, and the answers the
//! gate module shares, cross as JSON text in both modules, so both read and write them alike.

use secretariat_core::{to_csv, Change, ChangeSet, ReportError, ReportRow, CHANGES_FORMAT};
use wasm_bindgen::prelude::*;

use serde::Serialize;

use crate::{optional_string, parse_lang, read_request, when, Failure, Policy};

#[wasm_bindgen]
impl Policy {
    /// One decision with every condition checked on the way, in `lang` (else the request's, else
    /// French).
    pub fn explain(&self, request: JsValue, lang: JsValue) -> Result<JsValue, Failure> {
        let request = read_request(request)?;
        let lang = match optional_string(&lang, "lang")? {
            Some(code) => parse_lang(&code)?,
            None => request.lang.unwrap_or_default(),
        };
        to_object(&self.org.explain(&request, lang)?)
    }

    /// The organisation's findings (`secretariat lint`), most severe first.
    pub fn findings(&self, now: JsValue, lang: JsValue) -> Result<JsValue, Failure> {
        let (now, lang) = when(&now, &lang)?;
        to_object(&self.org.findings(now, lang))
    }

    /// Proposed changes (an array of changes, or a `secretariat-changes/1` object) against this
    /// organisation, which stays as it is: every affected secretary's view before and after, what
    /// she gains and loses, findings added and removed, and the change requests to send. Throws
    /// listing every problem when a change does not apply.
    pub fn simulate(
        &self,
        changes: JsValue,
        now: JsValue,
        lang: JsValue,
    ) -> Result<JsValue, Failure> {
        let changes = read_changes(changes)?;
        let (now, lang) = when(&now, &lang)?;
        to_object(
            &self
                .org
                .simulate(&changes, now, lang)
                .map_err(Failure::changes)?,
        )
    }

    /// A new policy with the changes applied (what `simulate` shows as "after"). Throws listing
    /// every problem when a change does not apply.
    #[wasm_bindgen(js_name = withChanges)]
    pub fn with_changes(&self, changes: JsValue) -> Result<Policy, Failure> {
        let changes = read_changes(changes)?;
        let org = self.org.with_changes(&changes).map_err(Failure::changes)?;
        Ok(Policy::new(org))
    }

    /// The "secretaries of a doctor" report (D8): rows for `doctor`, or for every doctor with
    /// secretaries. With a `reader`, only what she may read; one doctor she may not read throws.
    pub fn report(
        &self,
        reader: JsValue,
        doctor: JsValue,
        now: JsValue,
    ) -> Result<JsValue, Failure> {
        to_object(&self.rows(reader, doctor, now)?)
    }

    /// The same report as CSV (`Secrétaire,Médecin,RPPS Médecin`), as `secretariat report` prints it.
    #[wasm_bindgen(js_name = reportCsv)]
    pub fn report_csv(
        &self,
        reader: JsValue,
        doctor: JsValue,
        now: JsValue,
    ) -> Result<String, Failure> {
        Ok(to_csv(&self.rows(reader, doctor, now)?))
    }

    /// The organisation file as loaded, as an object (`JSON.stringify(policy)` gives the file).
    /// Parsed from the same text as `export` (one serialiser of the file in the `.wasm`, not two).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, Failure> {
        js_sys::JSON::parse(&self.org.to_json())
            .map_err(|_| Failure::internal("the exported file does not parse in JavaScript"))
    }

    /// The organisation file as pretty JSON text, ready to save.
    #[wasm_bindgen(js_name = export)]
    pub fn export(&self) -> String {
        self.org.to_json()
    }
}

impl Policy {
    fn rows(
        &self,
        reader: JsValue,
        doctor: JsValue,
        now: JsValue,
    ) -> Result<Vec<ReportRow>, Failure> {
        let reader = optional_string(&reader, "reader")?;
        let doctor = optional_string(&doctor, "doctor")?;
        let (now, _) = when(&now, &JsValue::UNDEFINED)?;
        self.org
            .report(reader.as_deref(), doctor.as_deref(), now)
            .map_err(Failure::from)
    }
}

impl From<ReportError> for Failure {
    fn from(e: ReportError) -> Failure {
        let code = match e {
            ReportError::UnknownPerson(_) => "unknown_id",
            ReportError::Denied(_) => "denied",
        };
        Failure::coded(code, e.to_string())
    }
}

/// Changes from an array of changes or a `secretariat-changes/1` object.
fn read_changes(value: JsValue) -> Result<Vec<Change>, Failure> {
    let text = crate::json_text(&value)?;
    let malformed =
        |e: serde_json::Error| Failure::coded("invalid_changes", format!("malformed changes: {e}"));
    if value.is_array() {
        return serde_json::from_str(&text).map_err(malformed);
    }
    let set: ChangeSet = serde_json::from_str(&text).map_err(malformed)?;
    if set.format != CHANGES_FORMAT {
        return Err(Failure::coded(
            "invalid_changes",
            format!(
                "unsupported changes format `{}`; this version reads `{CHANGES_FORMAT}`",
                set.format
            ),
        ));
    }
    Ok(set.changes)
}

/// An answer as a plain JS object built field by field (serde-wasm-bindgen, JSON-compatible: maps as
/// objects, `None` as `null`), so `JSON.stringify` of it is serde_json's text of the same value.
fn to_object<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Failure::internal(format!("an answer is not convertible: {e}")))
}
