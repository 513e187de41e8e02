//! The admin module's methods (feature `admin`): what an administration page or a back end needs
//! and a gated page does not — explanations with their derivation, findings, simulation, changes,
//! the D8 report, export. Built into a second `.wasm` that the package fetches only when
//! `policy.admin()` is first called, so the gate module stays small.
//!
//! The answers of these methods — the largest (a simulation holds two views per affected
//! secretary) — are built as JS objects by serde-wasm-bindgen ([`to_object`]): 1.7× faster than
//! JSON text on a view, for 4 KB gzipped that only this module carries. Inputs, and the answers the
//! gate module shares, cross as JSON text in both modules, so both read and write them alike.

use secretariat_core::{to_csv, Change, ChangeSet, ReportError, ReportRow, ScopeError};
use wasm_bindgen::prelude::*;

use serde::Serialize;

use crate::{optional_string, parse_lang, read_request, string, when, Failure, Policy};

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
        let org = self.whole("findings")?;
        let (now, lang) = when(&now, &lang)?;
        to_object(&org.findings(now, lang))
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
        let org = self.whole("simulate")?;
        let changes = read_changes(changes)?;
        let (now, lang) = when(&now, &lang)?;
        to_object(&org.simulate(&changes, now, lang)?)
    }

    /// A new policy with the changes applied (what `simulate` shows as "after"). Throws listing
    /// every problem when a change does not apply.
    #[wasm_bindgen(js_name = withChanges)]
    pub fn with_changes(&self, changes: JsValue) -> Result<Policy, Failure> {
        let org = self.whole("withChanges")?;
        let changes = read_changes(changes)?;
        Ok(Policy::new(org.with_changes(&changes)?))
    }

    /// The "secretaries of a doctor" report as `reader` may read it (D8): rows for `doctor`, or for
    /// every doctor she may read. `reader` is required; a doctor she may not read throws, in `lang`.
    pub fn report(
        &self,
        reader: JsValue,
        doctor: JsValue,
        now: JsValue,
        lang: JsValue,
    ) -> Result<JsValue, Failure> {
        to_object(&self.rows(Some((reader, lang)), doctor, now)?)
    }

    /// The same report as CSV (`Secrétaire,Médecin,RPPS Médecin`), as `secretariat report` prints it.
    #[wasm_bindgen(js_name = reportCsv)]
    pub fn report_csv(
        &self,
        reader: JsValue,
        doctor: JsValue,
        now: JsValue,
        lang: JsValue,
    ) -> Result<String, Failure> {
        Ok(to_csv(&self.rows(Some((reader, lang)), doctor, now)?))
    }

    /// Every row of the report, read by no one in particular: for the organisation's administrator.
    #[wasm_bindgen(js_name = reportEveryRow)]
    pub fn report_every_row(&self, doctor: JsValue, now: JsValue) -> Result<JsValue, Failure> {
        to_object(&self.rows(None, doctor, now)?)
    }

    /// Every row of the report as CSV.
    #[wasm_bindgen(js_name = reportEveryRowCsv)]
    pub fn report_every_row_csv(&self, doctor: JsValue, now: JsValue) -> Result<String, Failure> {
        Ok(to_csv(&self.rows(None, doctor, now)?))
    }

    /// Her scope (`secretariat-scope/1`) as an object: what a Node back end sends to her browser
    /// instead of the whole organisation. Throws on an unknown person, or, on a loaded scope, on
    /// anyone but its secretary.
    pub fn scope(&self, secretary: JsValue) -> Result<JsValue, Failure> {
        let secretary = string(&secretary, "secretary")?;
        let scope = self.org.scope(&secretary)?;
        js_sys::JSON::parse(&scope.to_json())
            .map_err(|_| Failure::internal("the scope does not parse in JavaScript"))
    }

    /// The organisation file as loaded, as an object (`JSON.stringify(policy)` gives the file).
    /// Parsed from the same text as `export` (one serialiser of the file in the `.wasm`, not two).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, Failure> {
        js_sys::JSON::parse(&self.whole("toJSON")?.to_json())
            .map_err(|_| Failure::internal("the exported file does not parse in JavaScript"))
    }

    /// The organisation file as pretty JSON text, ready to save.
    #[wasm_bindgen(js_name = export)]
    pub fn export(&self) -> Result<String, Failure> {
        Ok(self.whole("export")?.to_json())
    }
}

impl Policy {
    /// The organisation, for what needs all of it: a scope refuses (`needs_organisation`).
    fn whole(&self, command: &str) -> Result<&secretariat_core::Organisation, Failure> {
        Ok(self.org.whole(command)?)
    }

    /// The report's rows: as `reader` may read them (with the refusal in `lang`), or every row.
    fn rows(
        &self,
        reader: Option<(JsValue, JsValue)>,
        doctor: JsValue,
        now: JsValue,
    ) -> Result<Vec<ReportRow>, Failure> {
        let org = self.whole("report")?;
        let doctor = optional_string(&doctor, "doctor")?;
        let rows = match reader {
            Some((reader, lang)) => {
                let reader = string(&reader, "reader")?;
                let (now, lang) = when(&now, &lang)?;
                org.report(&reader, doctor.as_deref(), now, lang)
            }
            None => {
                let (now, _) = when(&now, &JsValue::UNDEFINED)?;
                org.report_every_row(doctor.as_deref(), now)
            }
        };
        rows.map_err(Failure::from)
    }
}

impl From<ReportError> for Failure {
    fn from(e: ReportError) -> Failure {
        let code = match e {
            ReportError::UnknownPerson(_) => "unknown_id",
            ReportError::Denied(_) => "denied",
            ReportError::TooManyRows => "too_large",
        };
        Failure::coded(code, e.to_string())
    }
}

/// Changes from an array of changes or a `secretariat-changes/1` object, read as the CLI reads a
/// changes file (`ChangeSet::parse`).
fn read_changes(value: JsValue) -> Result<Vec<Change>, Failure> {
    ChangeSet::parse(&crate::json_text(&value)?)
        .map(|set| set.changes)
        .map_err(|e| Failure::coded("invalid_changes", e.to_string()))
}

impl From<ScopeError> for Failure {
    fn from(e: ScopeError) -> Failure {
        let code = match e {
            ScopeError::UnknownPerson(_) => "unknown_id",
            ScopeError::OtherPrincipal { .. } => "wrong_principal",
            ScopeError::NotWhole { .. } => "needs_organisation",
        };
        Failure::coded(code, e.to_string())
    }
}

/// An answer as a plain JS object built field by field (serde-wasm-bindgen, JSON-compatible: maps as
/// objects, `None` as `null`), so `JSON.stringify` of it is serde_json's text of the same value.
fn to_object<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Failure::internal(format!("an answer is not convertible: {e}")))
}
