//! What a decision is: a verdict computed without allocation ([`Verdict`], carrying the facts that
//! decided it as [`Why`] values), and the answer people and programs read ([`Decision`]), rendered
//! from it in French or English only when asked.

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::file::DossierStatus;
use crate::org::{AccessId, CentreId, DossierId, GroupId, PersonId, RcpId};
use crate::permission::Permission;
use crate::request::{Icon, RequestError, Tab};
use crate::time::InForce;

/// Allow or deny.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// Allowed.
    Allow,
    /// Denied (the default).
    Deny,
}

impl Effect {
    /// The names files and answers spell, in declaration order (serde's `lowercase`).
    pub const NAMES: [&'static str; 2] = ["allow", "deny"];

    /// Its name in files and answers: `allow` or `deny`.
    pub fn id(self) -> &'static str {
        match self {
            Effect::Allow => Effect::NAMES[0],
            Effect::Deny => Effect::NAMES[1],
        }
    }
}

/// A doctor's role in an RCP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Participant: gives the agenda (D2).
    Participant,
    /// Animateur: gives the déroulement and validation (D3).
    Animateur,
}

/// One of her doctors, as the decision found him.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Via {
    pub doctor: PersonId,
    pub group: Option<GroupId>,
}

/// One fact that decided (or, in an explanation, was checked for) a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Why {
    Active {
        person: PersonId,
    },
    NotActive {
        person: PersonId,
    },
    DoctorNotActive {
        doctor: PersonId,
    },
    // Delegation.
    HoldsAccess {
        access: AccessId,
    },
    NoAccess {
        secretary: PersonId,
        doctor: PersonId,
    },
    AccessNotInForce {
        access: AccessId,
        state: InForce,
    },
    Granted {
        access: AccessId,
        permission: Permission,
    },
    ViaLogin {
        access: AccessId,
    },
    NotGranted {
        access: AccessId,
        permission: Permission,
        login_blocked: bool,
    },
    GrantNotInForce {
        access: AccessId,
        permission: Permission,
        state: InForce,
    },
    LoginExternal {
        access: AccessId,
    },
    ModuleMissing {
        access: AccessId,
        permission: Permission,
        module: Permission,
    },
    // Network.
    CategoryOk {
        secretary: PersonId,
    },
    CategoryNotSecretary {
        secretary: PersonId,
    },
    ProfileApplies {
        secretary: PersonId,
        centre: CentreId,
    },
    NoProfile {
        secretary: PersonId,
        centre: Option<CentreId>,
    },
    ProfileNotInForce {
        secretary: PersonId,
        centre: CentreId,
        state: InForce,
    },
    IconHidden {
        icon: Icon,
    },
    TabHidden {
        tab: Tab,
    },
    Inherits {
        secretary: PersonId,
        via: Via,
        rcp: RcpId,
        role: Role,
    },
    NoDoctorInRole {
        secretary: PersonId,
        rcp: RcpId,
        role: Role,
    },
    AffiliationNotInForce {
        secretary: PersonId,
        via: Via,
        state: InForce,
    },
    Demandeur {
        secretary: PersonId,
        via: Via,
        dossier: DossierId,
    },
    NotVisible {
        secretary: PersonId,
        dossier: DossierId,
    },
    Objection {
        dossier: DossierId,
    },
    StatusIs {
        dossier: DossierId,
        status: DossierStatus,
    },
    WrongStatus {
        dossier: DossierId,
        needed: DossierStatus,
    },
    BeforeSession {
        dossier: DossierId,
    },
    SessionPassed {
        dossier: DossierId,
    },
    RcpBeforeSession {
        rcp: RcpId,
    },
    RcpSessionPassed {
        rcp: RcpId,
    },
    // Report (D8).
    Coordinator {
        reader: PersonId,
        centre: CentreId,
        doctor: PersonId,
        rcp: RcpId,
    },
    Responsable {
        reader: PersonId,
        rcp: RcpId,
        doctor: PersonId,
    },
    NotReader {
        reader: PersonId,
        doctor: PersonId,
    },
    // Scope.
    OutOfScope,
}

/// A decision as computed: no allocation, ids only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub effect: Effect,
    /// The main fact: for an allow the grant, for a deny the nearest missing condition.
    pub why: Why,
    /// A second fact an allow rests on (a status, a date), if any.
    pub also: Option<Why>,
    /// For audited decisions: the doctor on whose behalf she acts (P5, B3).
    pub on_behalf_of: Option<PersonId>,
}

impl Verdict {
    pub(crate) fn deny(why: Why) -> Verdict {
        Verdict {
            effect: Effect::Deny,
            why,
            also: None,
            on_behalf_of: None,
        }
    }
    pub(crate) fn allow(why: Why) -> Verdict {
        Verdict {
            effect: Effect::Allow,
            why,
            also: None,
            on_behalf_of: None,
        }
    }
    pub(crate) fn with(mut self, also: Why) -> Verdict {
        self.also = Some(also);
        self
    }
    pub(crate) fn audited(mut self, doctor: PersonId) -> Verdict {
        self.on_behalf_of = Some(doctor);
        self
    }
    pub(crate) fn is_allow(&self) -> bool {
        self.effect == Effect::Allow
    }
}

/// Receives every condition a rule checks, in order. The decision path uses [`NoTrace`], which
/// compiles to nothing; `explain` records them.
pub(crate) trait Trace {
    fn note(&mut self, holds: bool, why: Why);
}

/// Records nothing.
pub(crate) struct NoTrace;

impl Trace for NoTrace {
    #[inline(always)]
    fn note(&mut self, _: bool, _: Why) {}
}

impl Trace for Vec<(bool, Why)> {
    fn note(&mut self, holds: bool, why: Why) {
        self.push((holds, why));
    }
}

/// The answer to one request (INTERFACES.md): effect, reasons in words, audit flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// `allow` or `deny`.
    pub decision: Effect,
    /// Why, in words: for an allow the chain of facts that grants it, for a deny the nearest missing
    /// condition.
    pub reasons: Vec<String>,
    /// The host must trace this decision (P5).
    pub audit: bool,
    /// For audited decisions: what to append to the host's access log (B3).
    pub audit_event: Option<AuditEvent>,
}

impl Decision {
    /// Its fields, `audit_event` only when there is one: on their own in a decision, inline in an
    /// explanation (what `#[serde(flatten)]` does, without its generic map machinery).
    fn serialize_fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        s.serialize_field("decision", &self.decision)?;
        s.serialize_field("reasons", &self.reasons)?;
        s.serialize_field("audit", &self.audit)?;
        match &self.audit_event {
            Some(event) => s.serialize_field("audit_event", event),
            None => s.skip_field("audit_event"),
        }
    }
}

impl Serialize for Decision {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Decision", 4)?;
        self.serialize_fields(&mut s)?;
        s.end()
    }
}

/// The answer to one request of a batch ([`crate::Organisation::decide_line`]): its decision, or
/// why it could not be decided. Written as JSON by whoever prints it: a decision's fields, or
/// `{"error": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Decided: allow or deny, with reasons.
    Decided(Decision),
    /// Not decided: malformed, or naming what the organisation does not have.
    Refused(RequestError),
}

impl Answer {
    /// Whether the request could not be decided.
    pub fn is_refused(&self) -> bool {
        matches!(self, Answer::Refused(_))
    }
}

impl From<Result<Decision, RequestError>> for Answer {
    fn from(result: Result<Decision, RequestError>) -> Answer {
        match result {
            Ok(decision) => Answer::Decided(decision),
            Err(error) => Answer::Refused(error),
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Decided(decision) => decision.serialize(serializer),
            Answer::Refused(error) => {
                let mut s = serializer.serialize_struct("Refused", 1)?;
                s.serialize_field("error", &error.to_string())?;
                s.end()
            }
        }
    }
}

/// An entry for the host's access log (B3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// The secretary, as author.
    pub author: String,
    /// The doctor on whose behalf she acts.
    pub on_behalf_of: String,
    /// The action.
    pub action: String,
    /// When, if the request said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// One checked condition of an explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Whether the condition holds.
    pub holds: bool,
    /// The condition, in words.
    pub fact: String,
}

/// A decision with its full derivation (`secretariat explain`): `{request, decision, reasons, audit,
/// audit_event?, derivation}`, the decision's fields inline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The request, as resolved (canonical spellings).
    pub request: crate::request::Request,
    /// The decision itself.
    pub decision: Decision,
    /// Every condition checked, in order.
    pub derivation: Vec<Step>,
}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Explanation", 6)?;
        s.serialize_field("request", &self.request)?;
        self.decision.serialize_fields(&mut s)?;
        s.serialize_field("derivation", &self.derivation)?;
        s.end()
    }
}
