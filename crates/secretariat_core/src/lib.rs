//! # secretariat_core
//!
//! The access policy for medical secretaries, written once: delegation of a doctor's account
//! (practice pack, rules P1–P7) and RCP inheritance in a regional cancer network (rules D1–D9), with
//! time-bounded grants, patient objections, audit events and identifier checks (B1–B4).
//!
//! Plain Rust and serde. This crate knows nothing of WebAssembly, JavaScript, the DOM or the
//! terminal, and never reads the clock or the environment: `now` is always an input.
//!
//! ```
//! use secretariat_core::{Organisation, Request};
//! let org = Organisation::load(include_str!("../../../tests/fixtures/demo/org.json")).unwrap();
//! let d = org.decide(&Request::new("sophie", "practice.agenda", Some("doctor:dr-martin"))).unwrap();
//! assert_eq!(d.decision, secretariat_core::Effect::Allow);
//! ```

mod allowed;
mod change;
mod change_requests;
mod decision;
pub mod file;
mod findings;
mod json;
mod lang;
mod load;
mod network;
mod org;
mod people;
mod permission;
mod practice;
mod pseudonymise;
mod read;
mod reason;
mod report;
mod request;
mod scenario;
mod scope;
mod simulate;
mod sorted;
mod text;
mod time;
mod view;
mod write;

pub use allowed::{Gate, Principal};
pub use change::{
    ApplyError, Change, ChangeError, ChangeSet, ChangeSetError, RcpRole, CHANGES_FORMAT,
};
pub use change_requests::{ChangeRequest, Recipient};
pub use decision::{Answer, AuditEvent, Decision, Effect, Explanation, Role, Step};
pub use findings::{rpps_is_well_formed, Finding};
pub use lang::Lang;
pub use load::{LoadError, Problem, MAX_ENTRIES, MAX_FILE_BYTES, MAX_PROBLEMS};
pub use org::{Organisation, Source};
pub use permission::{Permission, Placement, Recommendation, Severity};
pub use pseudonymise::{pseudonymise, Pseudonymised};
pub use read::{JsonError, JsonReader};
pub use report::{to_csv, ReportError, ReportRow, MAX_REPORT_ROWS};
pub use request::{Action, Icon, Request, RequestError, ResourceKind, Tab};
pub use scenario::{
    Bilingual, Disagreement, Expect, ExpectedDecision, ExpectedItem, ExpectedRequest, Focus,
    OrgSource, ScenarioError, ScenarioFile, ScenarioReport, ScenarioStep, SCENARIOS_FORMAT,
};
pub use scope::{Scope, ScopeDossier, ScopeError, ScopeGroup, ScopePerson, ScopeRcp, SCOPE_FORMAT};
pub use simulate::{Entitlement, SecretaryDiff, Simulation, Tally};
pub use text::{fold, fresh_id, inert, is_email, slug, MAX_ID_BYTES, MAX_NAME_CHARS};
pub use time::{window_words, InForce, Instant, Window};
pub use view::{
    AccountView, CentreView, DccView, DossierActions, DossierView, GateItem, PersonRef, RcpView,
    SecretarySummary, View,
};

/// The demo organisation (`secretariat-org/1`), built in: the playground and `run` start on it.
pub const DEMO_ORG: &str = include_str!("../../../tests/fixtures/demo/org.json");
