//! # secretariat_cedar — an independent oracle
//!
//! The rules of `RULES.md` and `docs/DECISIONS.md`, written a second time as Cedar policies
//! (`policies/policies.cedar`, typed by `policies/secretariat.cedarschema`), and an organisation file
//! turned into Cedar entities. The differential test asks this model and the engine the same
//! questions on random organisations; the benchmarks time it beside the engine.
//!
//! Nothing here calls the engine's rules: this crate reads the engine's *file types*
//! (`secretariat_core::file`, plain serde structs) and its [`Request`] struct, and decides with Cedar.
//!
//! ## What Cedar cannot say, and how it is covered
//!
//! - **"One of her doctors…", "a profile on some centre…", "an RCP where…".** Cedar has no
//!   quantifier over entities. Each such rule is a policy over a *witness* in the context (an
//!   affiliation, a profile, the access of the pair, an RCP); [`CedarModel::outcome`] asks Cedar once
//!   per candidate witness and allows when one answer allows. The candidates are the witnesses of
//!   the file less those that fail a plain condition the policy itself requires (the profile's
//!   secretary is her; the affiliation names her or a group listing her; the doctor is
//!   participant or animateur of the RCP), so the filter cannot change an answer, only spare
//!   calls. Forbid policies never mention a witness.
//! - **Audit (P5, DECISIONS §6).** Cedar has no obligations: each permit carries `@audit("yes"|"no")`,
//!   and an allowed decision is audited when every permit that allowed it says `yes`.
//! - **Request errors** (unknown action or id, wrong resource kind, malformed `now`) are not
//!   decisions: [`CedarModel::outcome`] answers `None` for them, decided by the request's shape
//!   against this model's own index of the file, and Cedar's own parsing of `now`.
//! - **Time.** Instants are Cedar `datetime`s, parsed by Cedar from the file's text (`+01:00` is
//!   written `+0100` for it). Cedar keeps milliseconds where the engine keeps seconds: the
//!   generator only writes whole seconds, so that difference is out of scope here.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::sync::OnceLock;

use cedar_policy::{
    Authorizer, Context, Decision, Entities, EntityId, EntityTypeName, EntityUid, PolicySet,
    Request as CedarRequest, RestrictedExpression, Schema,
};
use secretariat_core::file::{Category, OrgFile, PermissionEntry, Status};
use secretariat_core::Request;
use serde_json::{json, Map, Value};

/// The policies, as written.
pub const POLICIES: &str = include_str!("../policies/policies.cedar");
/// The schema the policies and entities are checked against.
pub const SCHEMA: &str = include_str!("../policies/secretariat.cedarschema");

/// Far ends of an open window (B1): a window with no `valid_from` starts here…
const DAWN: &str = "0001-01-01T00:00:00Z";
/// …and one with no `valid_until` ends here.
const DUSK: &str = "9999-12-31T23:59:59Z";
/// The `now` given to Cedar when the request has none (`context.dated` is then false).
const NO_DATE: &str = "1970-01-01T00:00:00Z";

/// The model could not be built, or Cedar reported an evaluation error (a defect of the encoding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CedarError {
    message: String,
}

impl CedarError {
    fn new(what: &str, e: impl std::fmt::Display) -> CedarError {
        CedarError {
            message: format!("{what}: {e}"),
        }
    }
}

impl std::fmt::Display for CedarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CedarError {}

/// The policies and the schema, parsed once.
struct Rules {
    schema: Schema,
    policies: PolicySet,
}

fn rules() -> Result<&'static Rules, CedarError> {
    static RULES: OnceLock<Result<Rules, CedarError>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            let (schema, _) =
                Schema::from_cedarschema_str(SCHEMA).map_err(|e| CedarError::new("schema", e))?;
            let policies =
                PolicySet::from_str(POLICIES).map_err(|e| CedarError::new("policies", e))?;
            Ok(Rules { schema, policies })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Parses the schema and policies and validates the policies against the schema (strict mode).
/// Returns every validation error, in words.
pub fn validate_policies() -> Result<(), CedarError> {
    let rules = rules()?;
    let validator = cedar_policy::Validator::new(rules.schema.clone());
    let result = validator.validate(&rules.policies, cedar_policy::ValidationMode::Strict);
    let errors: Vec<String> = result.validation_errors().map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CedarError {
            message: errors.join("\n"),
        })
    }
}

/// A decision as the oracle sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Allowed.
    pub allow: bool,
    /// Audited (only ever on an allowed practice decision).
    pub audit: bool,
}

/// What kind of witness an action's policies need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// The access of (principal, doctor).
    Practice,
    /// One of her profiles.
    Profile,
    /// One of her profiles and one affiliation.
    ProfileAndLink,
    /// One RCP.
    Report,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    Centre,
    OptionalCentre,
    Rcp,
    Dossier,
}

/// The witness family and resource kind of an action, `None` for an action the schema does not
/// declare (the permission ids are the schema's: `practice.<id>` actions and the `Grants` type).
fn action_shape(rules: &Rules, action: &str) -> Option<(Family, Kind)> {
    let declared = rules
        .schema
        .actions()
        .any(|a| a.id().unescaped() == action && a.type_name().basename() == "Action");
    if !declared || action == "practice" || action == "dcc.dossier" {
        return None;
    }
    if action.starts_with("practice.") {
        return Some((Family::Practice, Kind::Person));
    }
    Some(match action {
        "dcc.icon.agenda"
        | "dcc.icon.patient_directory"
        | "dcc.icon.session_run"
        | "dcc.icon.dossiers"
        | "dcc.icon.professional_directory"
        | "dcc.icon.administration"
        | "dcc.icon.infocentre"
        | "dcc.tab.rcp_passages"
        | "dcc.tab.corresponding_doctors"
        | "dcc.tab.attending_doctor" => (Family::Profile, Kind::OptionalCentre),
        "dcc.patient.add" => (Family::Profile, Kind::Centre),
        "dcc.agenda.view" | "dcc.session.view" | "dcc.rcp.register_patient" => {
            (Family::ProfileAndLink, Kind::Rcp)
        }
        "dcc.dossier.view"
        | "dcc.dossier.add_document"
        | "dcc.dossier.unregister"
        | "dcc.dossier.send_report"
        | "dcc.dossier.validate" => (Family::ProfileAndLink, Kind::Dossier),
        "dcc.report.secretaries" => (Family::Report, Kind::Person),
        _ => return None,
    })
}

fn uid(kind: &str, id: &str) -> Result<EntityUid, CedarError> {
    let name = EntityTypeName::from_str(kind).map_err(|e| CedarError::new("entity type", e))?;
    Ok(EntityUid::from_type_name_and_id(name, EntityId::new(id)))
}

fn entity(kind: &str, id: &str) -> Value {
    json!({"__entity": {"type": kind, "id": id}})
}

/// A date-time as Cedar spells it: RFC 3339 with a time part, the offset's colon dropped.
/// `None` when it is not an RFC 3339 date-time at all (a bare date is not).
fn cedar_time(text: &str) -> Option<String> {
    if text.len() < 20 || text.get(10..11) != Some("T") {
        return None;
    }
    let cut = text.len() - 3;
    match (text.get(cut..cut + 1), text.get(cut - 3..cut - 2)) {
        (Some(":"), Some("+" | "-")) => Some(format!(
            "{}{}",
            text.get(..cut).unwrap_or_default(),
            text.get(cut + 1..).unwrap_or_default()
        )),
        _ => Some(text.to_owned()),
    }
}

fn datetime(text: &str) -> Value {
    let text = cedar_time(text).unwrap_or_else(|| text.to_owned());
    json!({"__extn": {"fn": "datetime", "arg": text}})
}

fn window(from: Option<&str>, until: Option<&str>) -> Value {
    json!({
        "bounded": from.is_some() || until.is_some(),
        "from": datetime(from.unwrap_or(DAWN)),
        "until": datetime(until.unwrap_or(DUSK)),
    })
}

fn lower(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An organisation as Cedar entities, with the candidate witnesses of each rule.
pub struct CedarModel {
    entities: Entities,
    people: HashSet<String>,
    centres: HashSet<String>,
    rcps: HashSet<String>,
    dossiers: HashSet<String>,
    /// Access entity id by (secretary, doctor).
    accesses: HashMap<(String, String), String>,
    /// Profile entity ids by secretary.
    profiles: HashMap<String, Vec<String>>,
    /// Affiliation entity ids to a secretary, by secretary, and to a group, by each member.
    links_to: HashMap<String, Vec<String>>,
    /// RCP ids by the doctors who are participant or animateur there (D8 witnesses).
    rcps_of: HashMap<String, Vec<String>>,
}

impl CedarModel {
    /// Turns an organisation file into Cedar entities, checked against the schema. The file is
    /// expected to be one the engine loads; a date Cedar cannot read is an error here.
    pub fn new(file: &OrgFile) -> Result<CedarModel, CedarError> {
        let rules = rules()?;
        let mut list: Vec<Value> = Vec::new();
        let network = file.network.clone().unwrap_or_default();
        let practice = file.practice.clone().unwrap_or_default();

        let mut groups_of: HashMap<&str, Vec<Value>> = HashMap::new();
        for g in &file.groups {
            list.push(json!({"uid": {"type": "Group", "id": g.id}, "attrs": {}, "parents": []}));
            for m in &g.members {
                groups_of
                    .entry(m.as_str())
                    .or_default()
                    .push(json!({"type": "Group", "id": g.id}));
            }
        }
        for p in &file.people {
            list.push(json!({
                "uid": {"type": "Person", "id": p.id},
                "attrs": {
                    "active": p.status == Status::Active,
                    "secretaire": p.category == Category::Secretaire,
                    "external": p.external.unwrap_or(false),
                    "coordinator_of": p.coordinator_of.iter().map(|c| entity("Centre", c)).collect::<Vec<_>>(),
                },
                "parents": groups_of.get(p.id.as_str()).cloned().unwrap_or_default(),
            }));
        }
        for c in &network.centres {
            list.push(json!({"uid": {"type": "Centre", "id": c.id}, "attrs": {}, "parents": []}));
        }
        list.push(json!({"uid": {"type": "Platform", "id": "dcc"}, "attrs": {}, "parents": []}));
        for r in &network.rcps {
            let people = |ids: &[String]| -> Vec<Value> {
                ids.iter().map(|p| entity("Person", p)).collect()
            };
            let mut attrs = Map::new();
            attrs.insert("centre".into(), entity("Centre", &r.centre));
            attrs.insert("participants".into(), json!(people(&r.participants)));
            attrs.insert("animateurs".into(), json!(people(&r.animateurs)));
            attrs.insert("responsables".into(), json!(people(&r.responsables)));
            if let Some(t) = &r.next_session {
                attrs.insert("next_session".into(), datetime(t));
            }
            list.push(json!({"uid": {"type": "Rcp", "id": r.id}, "attrs": attrs, "parents": []}));
        }
        let mut patients: Vec<&str> = network
            .dossiers
            .iter()
            .map(|d| d.patient.as_str())
            .collect();
        patients.extend(network.patient_objections.iter().map(String::as_str));
        patients.sort_unstable();
        patients.dedup();
        for p in patients {
            let objection = network.patient_objections.iter().any(|o| o == p);
            list.push(json!({"uid": {"type": "Patient", "id": p}, "attrs": {"objection": objection}, "parents": []}));
        }
        for d in &network.dossiers {
            let mut attrs = Map::new();
            attrs.insert("rcp".into(), entity("Rcp", &d.rcp));
            attrs.insert("patient".into(), entity("Patient", &d.patient));
            attrs.insert("demandeur".into(), entity("Person", &d.demandeur));
            attrs.insert("status".into(), json!(lower(d.status)));
            attrs.insert("objection".into(), json!(d.objection));
            if let Some(t) = &d.session {
                attrs.insert("session".into(), datetime(t));
            }
            list.push(
                json!({"uid": {"type": "Dossier", "id": d.id}, "attrs": attrs, "parents": []}),
            );
        }

        let mut accesses = HashMap::new();
        for (i, a) in practice.accesses.iter().enumerate() {
            let id = format!("access-{i}");
            let mut grants = Map::new();
            for p in &a.permissions {
                let w = match p {
                    PermissionEntry::Id(_) => window(None, None),
                    PermissionEntry::Windowed(w) => {
                        window(w.valid_from.as_deref(), w.valid_until.as_deref())
                    }
                };
                grants.insert(p.id().to_owned(), w);
            }
            list.push(json!({
                "uid": {"type": "Access", "id": id},
                "attrs": {
                    "secretary": entity("Person", &a.secretary),
                    "doctor": entity("Person", &a.doctor),
                    "window": window(a.valid_from.as_deref(), a.valid_until.as_deref()),
                    "grants": grants,
                },
                "parents": [],
            }));
            accesses.insert((a.secretary.clone(), a.doctor.clone()), id);
        }
        let mut profiles: HashMap<String, Vec<String>> = HashMap::new();
        for (i, p) in network.profiles.iter().enumerate() {
            let id = format!("profile-{i}");
            list.push(json!({
                "uid": {"type": "Profile", "id": id},
                "attrs": {
                    "secretary": entity("Person", &p.secretary),
                    "centre": entity("Centre", &p.centre),
                    "window": window(p.valid_from.as_deref(), p.valid_until.as_deref()),
                },
                "parents": [],
            }));
            profiles.entry(p.secretary.clone()).or_default().push(id);
        }
        let mut links_to: HashMap<String, Vec<String>> = HashMap::new();
        for (i, a) in network.affiliations.iter().enumerate() {
            let id = format!("affiliation-{i}");
            let mut attrs = Map::new();
            attrs.insert("doctor".into(), entity("Person", &a.doctor));
            attrs.insert(
                "window".into(),
                window(a.valid_from.as_deref(), a.valid_until.as_deref()),
            );
            if let Some(s) = &a.secretary {
                attrs.insert("secretary".into(), entity("Person", s));
                links_to.entry(s.clone()).or_default().push(id.clone());
            }
            if let Some(g) = &a.group {
                attrs.insert("group".into(), entity("Group", g));
                let members = file.groups.iter().filter(|x| &x.id == g);
                for m in members.flat_map(|x| &x.members) {
                    links_to.entry(m.clone()).or_default().push(id.clone());
                }
            }
            list.push(
                json!({"uid": {"type": "Affiliation", "id": id}, "attrs": attrs, "parents": []}),
            );
        }

        let mut rcps_of: HashMap<String, Vec<String>> = HashMap::new();
        for r in &network.rcps {
            for d in r.participants.iter().chain(&r.animateurs) {
                let list = rcps_of.entry(d.clone()).or_default();
                if !list.contains(&r.id) {
                    list.push(r.id.clone());
                }
            }
        }
        let entities = Entities::from_json_value(Value::Array(list), Some(&rules.schema))
            .map_err(|e| CedarError::new("entities", e))?;
        Ok(CedarModel {
            entities,
            people: file.people.iter().map(|p| p.id.clone()).collect(),
            centres: network.centres.iter().map(|c| c.id.clone()).collect(),
            rcps: network.rcps.iter().map(|r| r.id.clone()).collect(),
            rcps_of,
            dossiers: network.dossiers.iter().map(|d| d.id.clone()).collect(),
            accesses,
            profiles,
            links_to,
        })
    }

    /// Allowed or denied; `None` when the request is not one this organisation can decide (unknown
    /// action or id, wrong or missing resource, malformed `now`) or Cedar reported an error.
    pub fn decide(&self, request: &Request) -> Option<bool> {
        self.outcome(request).ok().flatten().map(|o| o.allow)
    }

    /// The decision and its audit flag; `Ok(None)` for a request that is not one this
    /// organisation can decide; `Err` when Cedar reported an evaluation error (an encoding defect).
    pub fn outcome(&self, request: &Request) -> Result<Option<Outcome>, CedarError> {
        let rules = rules()?;
        let Some((family, kind)) = action_shape(rules, &request.action) else {
            return Ok(None);
        };
        if !self.people.contains(&request.principal) {
            return Ok(None);
        }
        let Some((resource_kind, resource_id)) = self.resource(kind, request.resource.as_deref())
        else {
            return Ok(None);
        };
        let (dated, now) = match request.now.as_deref() {
            None => (false, NO_DATE.to_owned()),
            Some(t) => match cedar_time(t) {
                Some(t) => (true, t),
                None => return Ok(None),
            },
        };
        let principal = uid("Person", &request.principal)?;
        let action = uid("Action", &request.action)?;
        let resource = uid(resource_kind, &resource_id)?;

        let none = Vec::new();
        let witnesses: Vec<Vec<(&str, String)>> = match family {
            Family::Practice => self
                .accesses
                .get(&(request.principal.clone(), resource_id.clone()))
                .map(|a| vec![vec![("access", a.clone())]])
                .unwrap_or_default(),
            Family::Profile => self
                .profiles
                .get(&request.principal)
                .unwrap_or(&none)
                .iter()
                .map(|p| vec![("profile", p.clone())])
                .collect(),
            Family::ProfileAndLink => {
                let links = self.links_to.get(&request.principal).unwrap_or(&none);
                let mut out = Vec::new();
                for p in self.profiles.get(&request.principal).unwrap_or(&none) {
                    for l in links {
                        out.push(vec![("profile", p.clone()), ("link", l.clone())]);
                    }
                }
                out
            }
            Family::Report => self
                .rcps_of
                .get(&resource_id)
                .unwrap_or(&none)
                .iter()
                .map(|r| vec![("rcp", r.clone())])
                .collect(),
        };
        // With no candidate, ask once with no witness: deny unless a permit needs none.
        let witnesses = if witnesses.is_empty() {
            vec![Vec::new()]
        } else {
            witnesses
        };

        let authorizer = Authorizer::new();
        let mut allow = false;
        let mut audit = true;
        for witness in witnesses {
            let mut pairs = vec![
                ("dated".to_owned(), RestrictedExpression::new_bool(dated)),
                ("now".to_owned(), RestrictedExpression::new_datetime(&now)),
            ];
            for (key, id) in witness {
                let kind = match key {
                    "access" => "Access",
                    "profile" => "Profile",
                    "link" => "Affiliation",
                    _ => "Rcp",
                };
                pairs.push((
                    key.to_owned(),
                    RestrictedExpression::new_entity_uid(uid(kind, &id)?),
                ));
            }
            let Ok(context) = Context::from_pairs(pairs) else {
                return Ok(None);
            };
            let Ok(cedar_request) = CedarRequest::new(
                principal.clone(),
                action.clone(),
                resource.clone(),
                context,
                Some(&rules.schema),
            ) else {
                // Only `now` can make a well-shaped request invalid (Cedar cannot read it).
                return Ok(None);
            };
            let response =
                authorizer.is_authorized(&cedar_request, &rules.policies, &self.entities);
            let errors: Vec<String> = response
                .diagnostics()
                .errors()
                .map(|e| e.to_string())
                .collect();
            if !errors.is_empty() {
                return Err(CedarError {
                    message: errors.join("; "),
                });
            }
            if response.decision() == Decision::Allow {
                allow = true;
                for id in response.diagnostics().reason() {
                    if rules.policies.annotation(id, "audit") != Some("yes") {
                        audit = false;
                    }
                }
            }
        }
        Ok(Some(Outcome {
            allow,
            audit: allow && audit,
        }))
    }

    /// The Cedar resource named by `kind:id`, or `None` when it is missing, of the wrong kind or
    /// unknown. An empty resource counts as none (an optional centre becomes the platform).
    fn resource(&self, kind: Kind, resource: Option<&str>) -> Option<(&'static str, String)> {
        let given = resource.filter(|r| !r.is_empty());
        let Some(given) = given else {
            return (kind == Kind::OptionalCentre).then(|| ("Platform", "dcc".to_owned()));
        };
        let (prefix, id) = given.split_once(':')?;
        let (expected, cedar, known) = match kind {
            Kind::Person => ("doctor", "Person", self.people.contains(id)),
            Kind::Centre | Kind::OptionalCentre => ("centre", "Centre", self.centres.contains(id)),
            Kind::Rcp => ("rcp", "Rcp", self.rcps.contains(id)),
            Kind::Dossier => ("dossier", "Dossier", self.dossiers.contains(id)),
        };
        (prefix == expected && known).then(|| (cedar, id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_lose_their_colon_for_cedar() {
        assert_eq!(
            cedar_time("2026-11-23T11:00:00+01:00").as_deref(),
            Some("2026-11-23T11:00:00+0100")
        );
        assert_eq!(
            cedar_time("2026-11-23T10:00:00Z").as_deref(),
            Some("2026-11-23T10:00:00Z")
        );
        assert_eq!(cedar_time("2026-11-23"), None);
        assert_eq!(cedar_time("yesterday"), None);
    }
}
