//! What may be asked (RULES.md §5): a [`Request`] `(principal, action, resource, now?)` as it
//! arrives, the [`Action`]s and their resources, what can be wrong with a request
//! ([`RequestError`]), and a request once resolved into interned ids (`Query`). Asking — resolving,
//! the gate's handles, checking, deciding — is `allowed.rs`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::org::{CentreId, DossierId, PersonId, RcpId};
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
    pub(crate) fn noun(self) -> &'static str {
        match self {
            ResourceKind::Doctor => "person",
            other => other.prefix(),
        }
    }

    /// How a resource of this kind is written: `<prefix>:<id>`.
    pub(crate) fn prefix(self) -> &'static str {
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

/// A request resolved against one organisation (`Organisation::resolve`): ids interned, date
/// parsed. Deciding it is only index look-ups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Query {
    pub(crate) principal: PersonId,
    pub(crate) action: Action,
    pub(crate) target: Target,
    pub(crate) now: Option<Instant>,
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
