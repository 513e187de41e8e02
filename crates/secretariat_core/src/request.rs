//! Decision requests (RULES.md §5): `(principal, action, resource, now?)`, parsed once into a
//! [`Query`] of interned ids. An unknown action, id or a malformed request is a [`RequestError`],
//! never a silent deny.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::org::{CentreId, DossierId, Organisation, PersonId, RcpId};
use crate::permission::Permission;
use crate::time::Instant;

/// A decision request as it arrives (one JSON line, one JS object). Extra fields are ignored, so a
/// corpus line may carry its `expect`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The person asking: a secretary, or for `dcc.report.secretaries` a coordinator or responsable.
    pub principal: String,
    /// Canonical action, e.g. `practice.agenda` or `dcc.agenda.view`.
    pub action: String,
    /// `kind:id`, e.g. `doctor:dr-martin`, `rcp:rcp-digestif`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// RFC 3339 date-time the decision is made at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// Language of the reasons (`fr` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl Request {
    /// A request without date or language.
    pub fn new(principal: &str, action: &str, resource: Option<&str>) -> Request {
        Request {
            principal: principal.to_owned(),
            action: action.to_owned(),
            resource: resource.map(str::to_owned),
            now: None,
            lang: None,
        }
    }
}

/// A DCC icon (D1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Icon {
    /// Agenda.
    Agenda,
    /// Annuaire patient.
    PatientDirectory,
    /// Déroulement.
    SessionRun,
    /// Dossiers.
    Dossiers,
    /// Annuaire professionnel.
    ProfessionalDirectory,
    /// Administration.
    Administration,
    /// Infocentre.
    Infocentre,
}

impl Icon {
    /// Every icon, in the platform's order.
    pub const ALL: [Icon; 7] = [
        Icon::Agenda,
        Icon::PatientDirectory,
        Icon::SessionRun,
        Icon::Dossiers,
        Icon::ProfessionalDirectory,
        Icon::Administration,
        Icon::Infocentre,
    ];
    /// Id in actions: `dcc.icon.<id>`.
    pub fn id(self) -> &'static str {
        match self {
            Icon::Agenda => "agenda",
            Icon::PatientDirectory => "patient_directory",
            Icon::SessionRun => "session_run",
            Icon::Dossiers => "dossiers",
            Icon::ProfessionalDirectory => "professional_directory",
            Icon::Administration => "administration",
            Icon::Infocentre => "infocentre",
        }
    }
    /// Whether the "secrétaire médecin" profile shows it (D1).
    pub fn for_secretaries(self) -> bool {
        matches!(
            self,
            Icon::Agenda | Icon::PatientDirectory | Icon::SessionRun | Icon::Dossiers
        )
    }
    /// Label as the platform prints it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Icon::Agenda => "Agenda",
            Icon::PatientDirectory => lang.pick("Annuaire patient", "Patient directory"),
            Icon::SessionRun => lang.pick("Déroulement", "Session run"),
            Icon::Dossiers => "Dossiers",
            Icon::ProfessionalDirectory => {
                lang.pick("Annuaire professionnel", "Professional directory")
            }
            Icon::Administration => "Administration",
            Icon::Infocentre => "Infocentre",
        }
    }
}

/// A tab of the dossiers icon (D5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tab {
    /// Passages RCP de mes patients.
    RcpPassages,
    /// Médecins correspondant.
    CorrespondingDoctors,
    /// Médecin traitant.
    AttendingDoctor,
}

impl Tab {
    /// Every tab.
    pub const ALL: [Tab; 3] = [
        Tab::RcpPassages,
        Tab::CorrespondingDoctors,
        Tab::AttendingDoctor,
    ];
    /// Id in actions: `dcc.tab.<id>`.
    pub fn id(self) -> &'static str {
        match self {
            Tab::RcpPassages => "rcp_passages",
            Tab::CorrespondingDoctors => "corresponding_doctors",
            Tab::AttendingDoctor => "attending_doctor",
        }
    }
    /// Label as the platform prints it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::RcpPassages => lang.pick(
                "Passages RCP de mes patients",
                "RCP passages of my patients",
            ),
            Tab::CorrespondingDoctors => {
                lang.pick("Médecins correspondant", "Corresponding doctors")
            }
            Tab::AttendingDoctor => lang.pick("Médecin traitant", "Attending doctor"),
        }
    }
}

/// Every action of RULES.md §5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// `practice.<permission>` on `doctor:`.
    Practice(Permission),
    /// `dcc.icon.<icon>`, optionally on `centre:`.
    Icon(Icon),
    /// `dcc.tab.<tab>`, optionally on `centre:`.
    Tab(Tab),
    /// `dcc.agenda.view` on `rcp:`.
    AgendaView,
    /// `dcc.session.view` on `rcp:`.
    SessionView,
    /// `dcc.patient.add` on `centre:`.
    PatientAdd,
    /// `dcc.rcp.register_patient` on `rcp:`.
    RegisterPatient,
    /// `dcc.dossier.view` on `dossier:`.
    DossierView,
    /// `dcc.dossier.add_document` on `dossier:`.
    AddDocument,
    /// `dcc.dossier.unregister` on `dossier:`.
    Unregister,
    /// `dcc.dossier.send_report` on `dossier:`.
    SendReport,
    /// `dcc.dossier.validate` on `dossier:`.
    Validate,
    /// `dcc.report.secretaries` on `doctor:`.
    ReportSecretaries,
}

/// The kind of resource an action takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceKind {
    /// `doctor:<id>` (a person).
    Doctor,
    /// `centre:<id>`.
    Centre,
    /// `rcp:<id>`.
    Rcp,
    /// `dossier:<id>`.
    Dossier,
}

impl ResourceKind {
    /// The kind of id, in an error.
    fn noun(self) -> &'static str {
        match self {
            ResourceKind::Doctor => "person",
            other => other.prefix(),
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            ResourceKind::Doctor => "doctor",
            ResourceKind::Centre => "centre",
            ResourceKind::Rcp => "rcp",
            ResourceKind::Dossier => "dossier",
        }
    }
}

impl Action {
    /// Parses a canonical action spelling.
    pub fn parse(text: &str) -> Result<Action, RequestError> {
        let unknown = || RequestError::UnknownAction(text.to_owned());
        if let Some(p) = text.strip_prefix("practice.") {
            return Permission::from_id(p)
                .map(Action::Practice)
                .ok_or_else(unknown);
        }
        if let Some(i) = text.strip_prefix("dcc.icon.") {
            return Icon::ALL
                .into_iter()
                .find(|x| x.id() == i)
                .map(Action::Icon)
                .ok_or_else(unknown);
        }
        if let Some(t) = text.strip_prefix("dcc.tab.") {
            return Tab::ALL
                .into_iter()
                .find(|x| x.id() == t)
                .map(Action::Tab)
                .ok_or_else(unknown);
        }
        Ok(match text {
            "dcc.agenda.view" => Action::AgendaView,
            "dcc.session.view" => Action::SessionView,
            "dcc.patient.add" => Action::PatientAdd,
            "dcc.rcp.register_patient" => Action::RegisterPatient,
            "dcc.dossier.view" => Action::DossierView,
            "dcc.dossier.add_document" => Action::AddDocument,
            "dcc.dossier.unregister" => Action::Unregister,
            "dcc.dossier.send_report" => Action::SendReport,
            "dcc.dossier.validate" => Action::Validate,
            "dcc.report.secretaries" => Action::ReportSecretaries,
            _ => return Err(unknown()),
        })
    }

    /// The canonical spelling.
    pub fn name(self) -> String {
        match self {
            Action::Practice(p) => format!("practice.{}", p.id()),
            Action::Icon(i) => format!("dcc.icon.{}", i.id()),
            Action::Tab(t) => format!("dcc.tab.{}", t.id()),
            other => other.fixed_name().to_owned(),
        }
    }

    fn fixed_name(self) -> &'static str {
        match self {
            Action::AgendaView => "dcc.agenda.view",
            Action::SessionView => "dcc.session.view",
            Action::PatientAdd => "dcc.patient.add",
            Action::RegisterPatient => "dcc.rcp.register_patient",
            Action::DossierView => "dcc.dossier.view",
            Action::AddDocument => "dcc.dossier.add_document",
            Action::Unregister => "dcc.dossier.unregister",
            Action::SendReport => "dcc.dossier.send_report",
            Action::Validate => "dcc.dossier.validate",
            Action::ReportSecretaries => "dcc.report.secretaries",
            Action::Practice(_) | Action::Icon(_) | Action::Tab(_) => "",
        }
    }

    /// The resource the action takes, and whether it may be left out.
    pub fn resource(self) -> (ResourceKind, bool) {
        match self {
            Action::Practice(_) | Action::ReportSecretaries => (ResourceKind::Doctor, false),
            Action::Icon(_) | Action::Tab(_) => (ResourceKind::Centre, true),
            Action::PatientAdd => (ResourceKind::Centre, false),
            Action::AgendaView | Action::SessionView | Action::RegisterPatient => {
                (ResourceKind::Rcp, false)
            }
            Action::DossierView
            | Action::AddDocument
            | Action::Unregister
            | Action::SendReport
            | Action::Validate => (ResourceKind::Dossier, false),
        }
    }
}

/// The resolved resource of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    None,
    Person(PersonId),
    Centre(CentreId),
    Rcp(RcpId),
    Dossier(DossierId),
    /// In a scope: an id the scope does not hold (denied, never an error: a scope does not say
    /// who exists).
    Outside,
}

/// A request resolved against one organisation: ids interned, date parsed. Deciding it is only
/// index look-ups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query {
    pub(crate) principal: PersonId,
    pub(crate) action: Action,
    pub(crate) target: Target,
    pub(crate) now: Option<Instant>,
}

impl Query {
    /// The action asked.
    pub fn action(&self) -> Action {
        self.action
    }
}

/// A request that cannot be decided: malformed, or naming something the organisation does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// Not JSON, or not a request object.
    Malformed(String),
    /// No such action.
    UnknownAction(String),
    /// No such person, centre, RCP or dossier.
    UnknownId {
        /// `person`, `centre`, `rcp`, `dossier`.
        kind: &'static str,
        /// The id as given.
        id: String,
    },
    /// The action needs a resource and none was given.
    MissingResource {
        /// The action.
        action: String,
        /// `doctor`, `centre`, `rcp` or `dossier`.
        expected: &'static str,
    },
    /// The resource is not of the kind the action takes.
    WrongResource {
        /// The action.
        action: String,
        /// What it takes.
        expected: &'static str,
        /// What was given.
        given: String,
    },
    /// The `now` is not an RFC 3339 date-time.
    MalformedNow(String),
    /// The organisation is a scope, and the principal is not whom it is for.
    OtherPrincipal {
        /// Whom the scope is for.
        scope_for: String,
        /// The principal asked.
        principal: String,
    },
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Values are quoted clipped: a 100 MB request line gives a short message.
        use crate::text::clip;
        match self {
            RequestError::Malformed(m) => write!(f, "malformed request: {}", crate::text::clip_quoted(m)),
            RequestError::UnknownAction(a) => write!(
                f,
                "unknown action `{}`; actions are `practice.<permission>`, `dcc.icon.<icon>`, `dcc.tab.<tab>`, `dcc.agenda.view`, `dcc.session.view`, `dcc.patient.add`, `dcc.rcp.register_patient`, `dcc.dossier.view`, `dcc.dossier.add_document`, `dcc.dossier.unregister`, `dcc.dossier.send_report`, `dcc.dossier.validate`, `dcc.report.secretaries`",
                clip(a)
            ),
            RequestError::UnknownId { kind, id } => {
                write!(f, "unknown {kind} `{}` in this organisation", clip(id))
            }
            RequestError::MissingResource { action, expected } => {
                write!(f, "`{}` needs a resource `{expected}:<id>`", clip(action))
            }
            RequestError::WrongResource {
                action,
                expected,
                given,
            } => write!(
                f,
                "`{}` takes a resource `{expected}:<id>`, not `{}`",
                clip(action),
                clip(given)
            ),
            RequestError::MalformedNow(n) => write!(
                f,
                "malformed `now` `{}`; expected an RFC 3339 date-time such as `2026-11-23T10:00:00Z`",
                clip(n)
            ),
            RequestError::OtherPrincipal {
                scope_for,
                principal,
            } => write!(
                f,
                "this scope is for `{scope_for}`, not `{principal}`: ask her own scope or the organisation file"
            ),
        }
    }
}

impl std::error::Error for RequestError {}

impl Organisation {
    /// Resolves a request against this organisation.
    pub fn resolve(&self, request: &Request) -> Result<Query, RequestError> {
        // Precedence of errors: the action, then the principal, then the resource, then `now`.
        let q = self.resolve_at(request, None)?;
        let now = match request.now.as_deref() {
            None => None,
            Some(n) => {
                Some(Instant::parse(n).ok_or_else(|| RequestError::MalformedNow(n.to_owned()))?)
            }
        };
        Ok(Query { now, ..q })
    }

    /// Resolves a request at `now`, parsed once by the caller ([`Instant::parse`]) for many
    /// requests: the request's own `now` is not read.
    pub fn resolve_at(
        &self,
        request: &Request,
        now: Option<Instant>,
    ) -> Result<Query, RequestError> {
        let action = Action::parse(&request.action)?;
        let principal = self.principal(&request.principal)?;
        let gate = self.gate_for(action, &request.action, request.resource.as_deref())?;
        Ok(Query {
            principal: principal.id,
            action: gate.action,
            target: gate.target,
            now,
        })
    }

    /// Resolves a principal once, for many gate checks ([`Organisation::allows`]).
    pub fn principal(&self, id: &str) -> Result<Principal, RequestError> {
        if let Some(scope_for) = self.scope_for().filter(|&f| f != id) {
            return Err(RequestError::OtherPrincipal {
                scope_for: scope_for.to_owned(),
                principal: id.to_owned(),
            });
        }
        let person = self.person_id(id).ok_or_else(|| RequestError::UnknownId {
            kind: "person",
            id: id.to_owned(),
        })?;
        Ok(Principal {
            stamp: self.stamp,
            id: person,
        })
    }

    /// Resolves an action on a resource once — one gated element of a page — for many checks.
    pub fn gate(&self, action: &str, resource: Option<&str>) -> Result<Gate, RequestError> {
        self.gate_for(Action::parse(action)?, action, resource)
    }

    fn gate_for(
        &self,
        parsed: Action,
        action: &str,
        resource: Option<&str>,
    ) -> Result<Gate, RequestError> {
        let (kind, optional) = parsed.resource();
        let target = match resource {
            None | Some("") if optional => Target::None,
            None | Some("") => {
                return Err(RequestError::MissingResource {
                    action: action.to_owned(),
                    expected: kind.prefix(),
                })
            }
            Some(resource) => {
                let wrong = || RequestError::WrongResource {
                    action: action.to_owned(),
                    expected: kind.prefix(),
                    given: resource.to_owned(),
                };
                // `kind:id`, the kind written as the action takes it (no kind holds a `:`).
                let id = resource
                    .strip_prefix(kind.prefix())
                    .and_then(|rest| rest.strip_prefix(':'))
                    .ok_or_else(wrong)?;
                let unknown = |kind: &'static str| RequestError::UnknownId {
                    kind,
                    id: id.to_owned(),
                };
                let found = match kind {
                    ResourceKind::Doctor => self.person_id(id).map(Target::Person),
                    ResourceKind::Centre => self.centre_id(id).map(Target::Centre),
                    ResourceKind::Rcp => self.rcp_id(id).map(Target::Rcp),
                    ResourceKind::Dossier => self.dossier_id(id).map(Target::Dossier),
                };
                match found {
                    Some(target) => target,
                    // A scope does not say who exists: what it does not hold is denied.
                    None if self.scope.is_some() => Target::Outside,
                    None => return Err(unknown(kind.noun())),
                }
            }
        };
        Ok(Gate {
            stamp: self.stamp,
            action: parsed,
            target,
        })
    }

    /// The gate's hot path: is `principal` allowed through `gate` at `now`? Index look-ups only, no
    /// allocation, no strings. Handles resolved on another organisation are denied.
    #[inline]
    pub fn allows(&self, principal: Principal, gate: Gate, now: Option<Instant>) -> bool {
        if principal.stamp != self.stamp || gate.stamp != self.stamp {
            return false;
        }
        self.check(&Query {
            principal: principal.id,
            action: gate.action,
            target: gate.target,
            now,
        })
    }
}

/// A principal resolved against one organisation ([`Organisation::principal`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Principal {
    stamp: u32,
    id: PersonId,
}

/// An action on a resource resolved against one organisation ([`Organisation::gate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate {
    stamp: u32,
    action: Action,
    target: Target,
}

impl Gate {
    /// The action gated.
    pub fn action(&self) -> Action {
        self.action
    }
}
