//! # secretariat_gen
//!
//! Random organisations (`secretariat-org/1`) and decision requests, as proptest strategies, for the
//! differential test against Cedar, the property tests and the parity corpus.
//!
//! This crate knows the file format (INTERFACES.md) and nothing of the rules: it does not depend on
//! the engine. An organisation is generated as an [`OrgSpec`] of small vectors that refer to each
//! other by index (taken modulo the length), so that proptest can shrink any vector and the file
//! stays valid; [`OrgSpec::to_json`] writes the file, dropping what the loader would refuse
//! (duplicate pairs, an access to oneself, windows that end before they start).
//!
//! Every rule family is reachable: both packs, groups, several centres, participants and
//! animateurs (and both), responsables and coordinators, time windows on every kind of grant (with
//! `+01:00`/`-05:30` offsets and fractions of a second that name the same instants), `now` on the
//! boundaries and a second either side, objections on dossiers and on patients, external
//! secretaries, every status and category, every permission, icon and tab, and malformed requests.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The 15 permission ids of RULES.md §2, in the table's order.
pub const PERMISSIONS: [&str; 15] = [
    "dashboard",
    "agenda",
    "patients",
    "waiting_room",
    "letters",
    "pid_billing",
    "practice_settings",
    "reviews",
    "export_patients",
    "export_deposits",
    "subscription",
    "two_factor",
    "login_as_doctor",
    "delete_fee_or_redate_invoice",
    "reassign_record_owner",
];

/// The kind of resource an action takes (RULES.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `doctor:<id>`.
    Doctor,
    /// `centre:<id>`, optional.
    OptionalCentre,
    /// `centre:<id>`.
    Centre,
    /// `rcp:<id>`.
    Rcp,
    /// `dossier:<id>`.
    Dossier,
}

/// Every canonical action with the resource it takes: practice permissions, the 7 icons, the 3 tabs
/// and the rest of RULES.md §5.
pub fn actions() -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = PERMISSIONS
        .iter()
        .map(|p| (format!("practice.{p}"), Kind::Doctor))
        .collect();
    for icon in [
        "agenda",
        "patient_directory",
        "session_run",
        "dossiers",
        "professional_directory",
        "administration",
        "infocentre",
    ] {
        out.push((format!("dcc.icon.{icon}"), Kind::OptionalCentre));
    }
    for tab in ["rcp_passages", "corresponding_doctors", "attending_doctor"] {
        out.push((format!("dcc.tab.{tab}"), Kind::OptionalCentre));
    }
    for (a, k) in [
        ("dcc.agenda.view", Kind::Rcp),
        ("dcc.session.view", Kind::Rcp),
        ("dcc.patient.add", Kind::Centre),
        ("dcc.rcp.register_patient", Kind::Rcp),
        ("dcc.dossier.view", Kind::Dossier),
        ("dcc.dossier.add_document", Kind::Dossier),
        ("dcc.dossier.unregister", Kind::Dossier),
        ("dcc.dossier.send_report", Kind::Dossier),
        ("dcc.dossier.validate", Kind::Dossier),
        ("dcc.report.secretaries", Kind::Doctor),
    ] {
        out.push((a.to_owned(), k));
    }
    out
}

/// How an instant is spelt. All spellings of one [`TimeSpec`] name the same instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `2026-11-21T10:00:00Z`.
    Utc,
    /// `2026-11-21T11:00:00+01:00`.
    PlusOne,
    /// `2026-11-21T04:30:00-05:30`.
    MinusFiveThirty,
    /// `2026-11-21T10:00:00.000Z`.
    Millis,
}

/// An instant on a small grid, so that windows, séances and `now` often meet on a boundary: day
/// `day` after 2026-11-20 at 10:00:00 UTC, plus `delta` seconds (−1, 0 or +1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeSpec {
    /// Days after 2026-11-20 (0..4 from the strategy; up to 8 spell a valid date).
    pub day: u8,
    /// Seconds around 10:00:00 (−1, 0, +1).
    pub delta: i8,
    /// Spelling.
    pub form: Form,
}

impl TimeSpec {
    /// Seconds since 2026-11-20T00:00:00Z: what the spellings mean, for ordering windows.
    pub fn seconds(&self) -> i64 {
        i64::from(self.day) * 86_400 + 36_000 + i64::from(self.delta)
    }

    /// RFC 3339 spelling.
    pub fn text(&self) -> String {
        let (offset, suffix, fraction) = match self.form {
            Form::Utc => (0, "Z".to_owned(), ""),
            Form::PlusOne => (3_600, "+01:00".to_owned(), ""),
            Form::MinusFiveThirty => (-19_800, "-05:30".to_owned(), ""),
            Form::Millis => (0, "Z".to_owned(), ".000"),
        };
        // 10:00 ± 5:30 stays within the same day.
        let local = 36_000 + i64::from(self.delta) + offset;
        format!(
            "2026-11-{:02}T{:02}:{:02}:{:02}{fraction}{suffix}",
            20 + u32::from(self.day),
            local / 3_600,
            (local / 60) % 60,
            local % 60
        )
    }
}

/// A validity window (B1), either end open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WindowSpec {
    /// `valid_from`.
    pub from: Option<TimeSpec>,
    /// `valid_until`.
    pub until: Option<TimeSpec>,
}

impl WindowSpec {
    fn write(&self, object: &mut Map<String, Value>) {
        let (mut from, mut until) = (self.from, self.until);
        if let (Some(f), Some(u)) = (from, until) {
            if f.seconds() > u.seconds() {
                (from, until) = (Some(u), Some(f));
            }
        }
        if let Some(f) = from {
            object.insert("valid_from".into(), json!(f.text()));
        }
        if let Some(u) = until {
            object.insert("valid_until".into(), json!(u.text()));
        }
    }
}

/// One person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonSpec {
    /// `secretaire` (else `medecin`).
    pub secretaire: bool,
    /// 0 active, 1 suspended, 2 deleted.
    pub status: u8,
    /// `external`, absent when `None`.
    pub external: Option<bool>,
    /// Well-formed RPPS, malformed RPPS, or none.
    pub rpps: Option<bool>,
    /// Centres coordinated (indexes).
    pub coordinator_of: Vec<usize>,
}

/// One practice access.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessSpec {
    /// Secretary (person index).
    pub secretary: usize,
    /// Doctor (person index).
    pub doctor: usize,
    /// The access's window.
    pub window: WindowSpec,
    /// Permissions (index into [`PERMISSIONS`]), each with its own window when `Some`.
    pub permissions: Vec<(usize, Option<WindowSpec>)>,
    /// `confidentiality_acknowledged`.
    pub acknowledged: bool,
}

/// One "secrétaire médecin" profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileSpec {
    /// Person index.
    pub secretary: usize,
    /// Centre index.
    pub centre: usize,
    /// Window.
    pub window: WindowSpec,
}

/// One affiliation: a doctor to a secretary (`Ok`) or to a group (`Err`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AffiliationSpec {
    /// Doctor (person index).
    pub doctor: usize,
    /// Secretary (person index) or group (group index).
    pub target: Result<usize, usize>,
    /// Window.
    pub window: WindowSpec,
}

/// One RCP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RcpSpec {
    /// Centre index.
    pub centre: usize,
    /// Person indexes.
    pub participants: Vec<usize>,
    /// Person indexes.
    pub animateurs: Vec<usize>,
    /// Person indexes.
    pub responsables: Vec<usize>,
    /// `next_session`.
    pub next_session: Option<TimeSpec>,
}

/// One dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DossierSpec {
    /// Patient number (`pat-<n>`).
    pub patient: usize,
    /// RCP index.
    pub rcp: usize,
    /// Person index.
    pub demandeur: usize,
    /// `session`.
    pub session: Option<TimeSpec>,
    /// 0 registered, 1 discussed, 2 validated, 3 sent.
    pub status: u8,
    /// `objection`.
    pub objection: bool,
}

/// A whole organisation, by index. Ids are `p<i>`, `g<i>`, `c<i>`, `r<i>`, `d<i>`, `pat-<i>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgSpec {
    /// People.
    pub people: Vec<PersonSpec>,
    /// Groups, each a list of member indexes.
    pub groups: Vec<Vec<usize>>,
    /// Practice accesses.
    pub accesses: Vec<AccessSpec>,
    /// Number of centres.
    pub centres: usize,
    /// Profiles.
    pub profiles: Vec<ProfileSpec>,
    /// Affiliations.
    pub affiliations: Vec<AffiliationSpec>,
    /// RCPs.
    pub rcps: Vec<RcpSpec>,
    /// Dossiers.
    pub dossiers: Vec<DossierSpec>,
    /// Patients who object (patient numbers).
    pub patient_objections: Vec<usize>,
}

/// Patients are `pat-0` … `pat-(PATIENTS-1)`.
pub const PATIENTS: usize = 3;

fn pick(i: usize, len: usize) -> Option<usize> {
    i.checked_rem(len)
}

fn ids(prefix: &str, list: &[usize], len: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &i in list {
        if let Some(i) = pick(i, len) {
            let id = format!("{prefix}{i}");
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

impl OrgSpec {
    /// Number of people.
    pub fn people(&self) -> usize {
        self.people.len()
    }

    /// The organisation file, valid for the loader.
    pub fn to_json(&self) -> Value {
        let n = self.people.len();
        let people: Vec<Value> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut o = Map::new();
                o.insert("id".into(), json!(format!("p{i}")));
                o.insert("name".into(), json!(format!("Person {i}")));
                o.insert(
                    "category".into(),
                    json!(if p.secretaire {
                        "secretaire"
                    } else {
                        "medecin"
                    }),
                );
                match p.rpps {
                    Some(true) => o.insert("rpps".into(), json!("10010642410")),
                    Some(false) => o.insert("rpps".into(), json!("10010642411")),
                    None => None,
                };
                if let Some(e) = p.external {
                    o.insert("external".into(), json!(e));
                }
                let status = match p.status {
                    0 => "active",
                    1 => "suspended",
                    _ => "deleted",
                };
                o.insert("status".into(), json!(status));
                let coordinated = ids("c", &p.coordinator_of, self.centres);
                if !coordinated.is_empty() {
                    o.insert("coordinator_of".into(), json!(coordinated));
                }
                Value::Object(o)
            })
            .collect();
        let groups: Vec<Value> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, members)| {
                json!({"id": format!("g{i}"), "name": format!("Group {i}"), "members": ids("p", members, n)})
            })
            .collect();

        let mut accesses: Vec<Value> = Vec::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for a in &self.accesses {
            let (Some(s), Some(d)) = (pick(a.secretary, n), pick(a.doctor, n)) else {
                continue;
            };
            if s == d || pairs.contains(&(s, d)) {
                continue;
            }
            pairs.push((s, d));
            let mut seen: Vec<usize> = Vec::new();
            let mut permissions: Vec<Value> = Vec::new();
            for (p, w) in &a.permissions {
                let Some(p) = pick(*p, PERMISSIONS.len()) else {
                    continue;
                };
                if seen.contains(&p) {
                    continue;
                }
                seen.push(p);
                let id = PERMISSIONS.get(p).copied().unwrap_or("agenda");
                permissions.push(match w {
                    None => json!(id),
                    Some(w) => {
                        let mut o = Map::new();
                        o.insert("id".into(), json!(id));
                        w.write(&mut o);
                        Value::Object(o)
                    }
                });
            }
            let mut o = Map::new();
            o.insert("secretary".into(), json!(format!("p{s}")));
            o.insert("doctor".into(), json!(format!("p{d}")));
            o.insert("permissions".into(), Value::Array(permissions));
            a.window.write(&mut o);
            if a.acknowledged {
                o.insert("confidentiality_acknowledged".into(), json!(true));
            }
            accesses.push(Value::Object(o));
        }

        let centres: Vec<Value> = (0..self.centres)
            .map(|i| json!({"id": format!("c{i}"), "name": format!("Centre {i}")}))
            .collect();
        let mut profiles: Vec<Value> = Vec::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for p in &self.profiles {
            let (Some(s), Some(c)) = (pick(p.secretary, n), pick(p.centre, self.centres)) else {
                continue;
            };
            if pairs.contains(&(s, c)) {
                continue;
            }
            pairs.push((s, c));
            let mut o = Map::new();
            o.insert("secretary".into(), json!(format!("p{s}")));
            o.insert("centre".into(), json!(format!("c{c}")));
            p.window.write(&mut o);
            profiles.push(Value::Object(o));
        }
        let mut affiliations: Vec<Value> = Vec::new();
        let mut pairs: Vec<(usize, Result<usize, usize>)> = Vec::new();
        for a in &self.affiliations {
            let Some(d) = pick(a.doctor, n) else { continue };
            let target = match a.target {
                Ok(s) => pick(s, n).map(Ok),
                Err(g) => pick(g, self.groups.len()).map(Err),
            };
            let Some(target) = target else { continue };
            if pairs.contains(&(d, target)) {
                continue;
            }
            pairs.push((d, target));
            let mut o = Map::new();
            o.insert("doctor".into(), json!(format!("p{d}")));
            match target {
                Ok(s) => o.insert("secretary".into(), json!(format!("p{s}"))),
                Err(g) => o.insert("group".into(), json!(format!("g{g}"))),
            };
            a.window.write(&mut o);
            affiliations.push(Value::Object(o));
        }
        let mut rcps: Vec<Value> = Vec::new();
        if self.centres > 0 {
            for (i, r) in self.rcps.iter().enumerate() {
                let mut o = Map::new();
                o.insert("id".into(), json!(format!("r{i}")));
                o.insert("name".into(), json!(format!("RCP {i}")));
                o.insert(
                    "centre".into(),
                    json!(format!("c{}", pick(r.centre, self.centres).unwrap_or(0))),
                );
                o.insert("participants".into(), json!(ids("p", &r.participants, n)));
                o.insert("animateurs".into(), json!(ids("p", &r.animateurs, n)));
                let responsables = ids("p", &r.responsables, n);
                if !responsables.is_empty() {
                    o.insert("responsables".into(), json!(responsables));
                }
                if let Some(t) = r.next_session {
                    o.insert("next_session".into(), json!(t.text()));
                }
                rcps.push(Value::Object(o));
            }
        }
        let mut dossiers: Vec<Value> = Vec::new();
        for (i, d) in self.dossiers.iter().enumerate() {
            let (Some(r), Some(who)) = (pick(d.rcp, rcps.len()), pick(d.demandeur, n)) else {
                continue;
            };
            let mut o = Map::new();
            o.insert("id".into(), json!(format!("d{i}")));
            o.insert(
                "patient".into(),
                json!(format!("pat-{}", d.patient % PATIENTS)),
            );
            o.insert("rcp".into(), json!(format!("r{r}")));
            o.insert("demandeur".into(), json!(format!("p{who}")));
            if let Some(t) = d.session {
                o.insert("session".into(), json!(t.text()));
            }
            let status = match d.status {
                0 => "registered",
                1 => "discussed",
                2 => "validated",
                _ => "sent",
            };
            o.insert("status".into(), json!(status));
            if d.objection {
                o.insert("objection".into(), json!(true));
            }
            dossiers.push(Value::Object(o));
        }
        let mut objections: Vec<String> = Vec::new();
        for &p in &self.patient_objections {
            let id = format!("pat-{}", p % PATIENTS);
            if !objections.contains(&id) {
                objections.push(id);
            }
        }

        let mut network = Map::new();
        network.insert("centres".into(), Value::Array(centres));
        network.insert("profiles".into(), Value::Array(profiles));
        network.insert("affiliations".into(), Value::Array(affiliations));
        network.insert("rcps".into(), Value::Array(rcps));
        network.insert("dossiers".into(), Value::Array(dossiers));
        if !objections.is_empty() {
            network.insert("patient_objections".into(), json!(objections));
        }
        json!({
            "format": "secretariat-org/1",
            "name": "generated",
            "people": people,
            "groups": groups,
            "practice": {"accesses": accesses},
            "network": network,
        })
    }
}

/// The resource of a generated request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceSpec {
    /// The kind the action takes, the n-th of its kind (none for an optional centre, when n is 0).
    Natural(usize),
    /// No resource.
    Missing,
    /// A resource of another kind.
    WrongKind(usize),
    /// An id nobody has.
    Unknown,
}

/// The `now` of a generated request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NowSpec {
    /// No `now`.
    Absent,
    /// An instant on the grid.
    At(TimeSpec),
    /// Not an RFC 3339 date-time.
    Malformed(usize),
}

/// What a request is about, so that requests often meet what the organisation grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Principal and resource drawn at random.
    Free,
    /// The n-th access: its secretary asks, about its doctor (practice and report actions).
    Access(usize),
    /// The n-th profile: its secretary asks, about its centre (centre actions).
    Profile(usize),
    /// The n-th affiliation: its secretary (or the first member of its group) asks, about an RCP
    /// where its doctor holds a role, or a dossier of such an RCP or requested by that doctor.
    Affiliation(usize),
}

/// A decision request, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestSpec {
    /// What it is about; overrides `principal` and picks the resource among related ones.
    pub anchor: Anchor,
    /// Person index; `None` for an unknown principal.
    pub principal: Option<usize>,
    /// Index into [`actions`]; past the end, an unknown action.
    pub action: usize,
    /// Resource.
    pub resource: ResourceSpec,
    /// `now`.
    pub now: NowSpec,
}

const MALFORMED_NOW: [&str; 5] = [
    "yesterday",
    "2026-11-23",
    "2026-13-01T00:00:00Z",
    "2026-11-23T10:00:00",
    "",
];

impl RequestSpec {
    /// The request as a JSON object, against the organisation it is asked of.
    pub fn to_json(&self, org: &OrgSpec) -> Value {
        let all = actions();
        let n = org.people();
        let mut o = Map::new();
        let (action, kind) = match all.get(self.action) {
            Some((a, k)) => (a.clone(), *k),
            None => ("practice.coffee".to_owned(), Kind::Doctor),
        };
        let (principal, related) = self.anchored(org, kind);
        let principal = match principal.or(self.principal).and_then(|p| pick(p, n)) {
            Some(p) => format!("p{p}"),
            None => "nobody".to_owned(),
        };
        o.insert("principal".into(), json!(principal));
        o.insert("action".into(), json!(action));
        let rcps = if org.centres > 0 { org.rcps.len() } else { 0 };
        let dossiers = if rcps > 0 && n > 0 {
            org.dossiers.len()
        } else {
            0
        };
        let natural = |kind: Kind, i: usize| -> Option<String> {
            match kind {
                Kind::Doctor => pick(i, n).map(|i| format!("doctor:p{i}")),
                Kind::OptionalCentre => match i {
                    0 => None,
                    i => pick(i - 1, org.centres).map(|c| format!("centre:c{c}")),
                },
                Kind::Centre => pick(i, org.centres).map(|c| format!("centre:c{c}")),
                Kind::Rcp => pick(i, rcps).map(|r| format!("rcp:r{r}")),
                Kind::Dossier => pick(i, dossiers).map(|d| format!("dossier:d{d}")),
            }
        };
        let resource = match self.resource {
            ResourceSpec::Natural(_) if related.is_some() => related,
            ResourceSpec::Natural(i) => natural(kind, i),
            ResourceSpec::Missing => None,
            ResourceSpec::WrongKind(i) => {
                let other = match kind {
                    Kind::Doctor => Kind::Rcp,
                    Kind::OptionalCentre | Kind::Centre => Kind::Doctor,
                    Kind::Rcp => Kind::Dossier,
                    Kind::Dossier => Kind::Centre,
                };
                natural(other, i).or_else(|| Some("patient:pat-0".to_owned()))
            }
            ResourceSpec::Unknown => Some(match kind {
                Kind::Doctor => "doctor:nobody".to_owned(),
                Kind::OptionalCentre | Kind::Centre => "centre:nowhere".to_owned(),
                Kind::Rcp => "rcp:none".to_owned(),
                Kind::Dossier => "dossier:none".to_owned(),
            }),
        };
        if let Some(r) = resource {
            o.insert("resource".into(), json!(r));
        }
        match self.now {
            NowSpec::Absent => {}
            NowSpec::At(t) => {
                o.insert("now".into(), json!(t.text()));
            }
            NowSpec::Malformed(i) => {
                let text = MALFORMED_NOW.get(i % MALFORMED_NOW.len()).copied();
                o.insert("now".into(), json!(text.unwrap_or("yesterday")));
            }
        }
        Value::Object(o)
    }
}

impl RequestSpec {
    /// The anchor's principal, and a resource of `kind` related to it.
    fn anchored(&self, org: &OrgSpec, kind: Kind) -> (Option<usize>, Option<String>) {
        let n = org.people();
        let rcps = if org.centres > 0 { org.rcps.len() } else { 0 };
        match self.anchor {
            Anchor::Free => (None, None),
            Anchor::Access(i) => {
                let Some(a) = pick(i, org.accesses.len()).and_then(|i| org.accesses.get(i)) else {
                    return (None, None);
                };
                let doctor = pick(a.doctor, n).map(|d| format!("doctor:p{d}"));
                (Some(a.secretary), doctor.filter(|_| kind == Kind::Doctor))
            }
            Anchor::Profile(i) => {
                let Some(p) = pick(i, org.profiles.len()).and_then(|i| org.profiles.get(i)) else {
                    return (None, None);
                };
                let centre = pick(p.centre, org.centres).map(|c| format!("centre:c{c}"));
                let centre = centre.filter(|_| matches!(kind, Kind::Centre | Kind::OptionalCentre));
                (Some(p.secretary), centre)
            }
            Anchor::Affiliation(i) => {
                let Some(a) = pick(i, org.affiliations.len()).and_then(|i| org.affiliations.get(i))
                else {
                    return (None, None);
                };
                let principal = match a.target {
                    Ok(s) => Some(s),
                    Err(g) => pick(g, org.groups.len())
                        .and_then(|g| org.groups.get(g))
                        .and_then(|m| m.first().copied()),
                };
                let doctor = pick(a.doctor, n);
                let holds = |r: &RcpSpec| {
                    let is = |list: &[usize]| list.iter().any(|&p| pick(p, n) == doctor);
                    is(&r.participants) || is(&r.animateurs)
                };
                let resource = match kind {
                    Kind::Rcp => org
                        .rcps
                        .iter()
                        .take(rcps)
                        .position(holds)
                        .map(|r| format!("rcp:r{r}")),
                    Kind::Dossier if rcps > 0 => org
                        .dossiers
                        .iter()
                        .position(|d| {
                            pick(d.demandeur, n) == doctor
                                || pick(d.rcp, rcps)
                                    .and_then(|r| org.rcps.get(r))
                                    .is_some_and(holds)
                        })
                        .map(|d| format!("dossier:d{d}")),
                    Kind::Doctor => doctor.map(|d| format!("doctor:p{d}")),
                    _ => None,
                };
                (principal, resource)
            }
        }
    }
}

/// Strategies.
pub mod strategy {
    use super::*;

    /// An instant on the grid, in any spelling.
    pub fn time() -> impl Strategy<Value = TimeSpec> {
        (
            0u8..4,
            prop_oneof![4 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)],
            prop_oneof![
                6 => Just(Form::Utc),
                1 => Just(Form::PlusOne),
                1 => Just(Form::MinusFiveThirty),
                1 => Just(Form::Millis)
            ],
        )
            .prop_map(|(day, delta, form)| TimeSpec { day, delta, form })
    }

    /// A window: mostly unbounded, else one or both ends.
    pub fn window() -> impl Strategy<Value = WindowSpec> {
        prop_oneof![
            5 => Just(WindowSpec::default()),
            2 => (proptest::option::of(time()), proptest::option::of(time()))
                .prop_map(|(from, until)| WindowSpec { from, until }),
        ]
    }

    fn indexes(max: usize) -> impl Strategy<Value = Vec<usize>> {
        proptest::collection::vec(0usize..8, 0..max)
    }

    /// One person: mostly active, secretaries and doctors alike.
    pub fn person() -> impl Strategy<Value = PersonSpec> {
        (
            prop_oneof![4 => Just(true), 1 => Just(false)],
            prop_oneof![10 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
            prop_oneof![3 => Just(None), 1 => Just(Some(true)), 1 => Just(Some(false))],
            proptest::option::of(prop_oneof![4 => Just(true), 1 => Just(false)]),
            prop_oneof![4 => Just(Vec::new()), 1 => indexes(3)],
        )
            .prop_map(
                |(secretaire, status, external, rpps, coordinator_of)| PersonSpec {
                    secretaire,
                    status,
                    external,
                    rpps,
                    coordinator_of,
                },
            )
    }

    /// One practice access.
    pub fn access() -> impl Strategy<Value = AccessSpec> {
        (
            0usize..8,
            0usize..8,
            window(),
            proptest::collection::vec(
                (
                    0usize..15,
                    prop_oneof![4 => Just(None), 1 => window().prop_map(Some)],
                ),
                0..10,
            ),
            any::<bool>(),
        )
            .prop_map(|(secretary, doctor, window, permissions, acknowledged)| {
                AccessSpec {
                    secretary,
                    doctor,
                    window,
                    permissions,
                    acknowledged,
                }
            })
    }

    /// A whole organisation: up to 7 people, 2 groups, 3 centres, 4 RCPs, 6 dossiers.
    pub fn org() -> impl Strategy<Value = OrgSpec> {
        let profile =
            (0usize..8, 0usize..3, window()).prop_map(|(secretary, centre, window)| ProfileSpec {
                secretary,
                centre,
                window,
            });
        let affiliation = (
            0usize..8,
            prop_oneof![3 => (0usize..8).prop_map(Ok), 1 => (0usize..2).prop_map(Err)],
            window(),
        )
            .prop_map(|(doctor, target, window)| AffiliationSpec {
                doctor,
                target,
                window,
            });
        let rcp = (
            0usize..3,
            indexes(4),
            indexes(3),
            prop_oneof![3 => Just(Vec::new()), 1 => indexes(2)],
            proptest::option::of(time()),
        )
            .prop_map(
                |(centre, participants, animateurs, responsables, next_session)| RcpSpec {
                    centre,
                    participants,
                    animateurs,
                    responsables,
                    next_session,
                },
            );
        let dossier = (
            0usize..PATIENTS,
            0usize..4,
            0usize..8,
            proptest::option::of(time()),
            prop_oneof![3 => Just(0u8), 1 => Just(1u8), 2 => Just(2u8), 1 => Just(3u8)],
            prop_oneof![5 => Just(false), 1 => Just(true)],
        )
            .prop_map(|(patient, rcp, demandeur, session, status, objection)| {
                DossierSpec {
                    patient,
                    rcp,
                    demandeur,
                    session,
                    status,
                    objection,
                }
            });
        (
            proptest::collection::vec(person(), 1..7),
            proptest::collection::vec(indexes(4), 0..3),
            proptest::collection::vec(access(), 0..6),
            prop_oneof![3 => Just(1usize), 2 => Just(2usize), 1 => Just(3usize)],
            proptest::collection::vec(profile, 0..10),
            proptest::collection::vec(affiliation, 0..8),
            proptest::collection::vec(rcp, 0..5),
            proptest::collection::vec(dossier, 0..7),
            prop_oneof![4 => Just(Vec::new()), 1 => indexes(2)],
        )
            .prop_map(
                |(
                    people,
                    groups,
                    accesses,
                    centres,
                    profiles,
                    affiliations,
                    rcps,
                    dossiers,
                    patient_objections,
                )| OrgSpec {
                    people,
                    groups,
                    accesses,
                    centres,
                    profiles,
                    affiliations,
                    rcps,
                    dossiers,
                    patient_objections,
                },
            )
    }

    /// One request: mostly well formed, sometimes not.
    pub fn request() -> impl Strategy<Value = RequestSpec> {
        let n = actions().len();
        (
            prop_oneof![
                1 => Just(Anchor::Free),
                2 => (0usize..8).prop_map(Anchor::Access),
                1 => (0usize..8).prop_map(Anchor::Profile),
                3 => (0usize..8).prop_map(Anchor::Affiliation),
            ],
            prop_oneof![30 => (0usize..8).prop_map(Some), 1 => Just(None)],
            prop_oneof![40 => 0..n, 1 => Just(n)],
            prop_oneof![
                40 => (0usize..8).prop_map(ResourceSpec::Natural),
                1 => Just(ResourceSpec::Missing),
                1 => (0usize..8).prop_map(ResourceSpec::WrongKind),
                1 => Just(ResourceSpec::Unknown),
            ],
            prop_oneof![
                2 => Just(NowSpec::Absent),
                8 => time().prop_map(NowSpec::At),
                1 => (0usize..5).prop_map(NowSpec::Malformed),
            ],
        )
            .prop_map(|(anchor, principal, action, resource, now)| RequestSpec {
                anchor,
                principal,
                action,
                resource,
                now,
            })
    }

    /// An organisation and requests asked of it.
    pub fn case(requests: usize) -> impl Strategy<Value = (OrgSpec, Vec<RequestSpec>)> {
        (org(), proptest::collection::vec(request(), 1..=requests))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_name_the_same_instant() {
        let t = |form| TimeSpec {
            day: 3,
            delta: -1,
            form,
        };
        assert_eq!(t(Form::Utc).text(), "2026-11-23T09:59:59Z");
        assert_eq!(t(Form::PlusOne).text(), "2026-11-23T10:59:59+01:00");
        assert_eq!(t(Form::MinusFiveThirty).text(), "2026-11-23T04:29:59-05:30");
        assert_eq!(t(Form::Millis).text(), "2026-11-23T09:59:59.000Z");
    }

    #[test]
    fn windows_are_written_in_order() {
        let at = |day| TimeSpec {
            day,
            delta: 0,
            form: Form::Utc,
        };
        let mut o = Map::new();
        WindowSpec {
            from: Some(at(5)),
            until: Some(at(1)),
        }
        .write(&mut o);
        assert_eq!(o.get("valid_from"), Some(&json!("2026-11-21T10:00:00Z")));
        assert_eq!(o.get("valid_until"), Some(&json!("2026-11-25T10:00:00Z")));
    }
}
