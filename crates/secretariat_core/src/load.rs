//! Loading: raw file → checked, indexed [`Organisation`]. Every problem is reported at once, each with
//! its JSON path; nothing half-loaded is ever returned.

use std::fmt;

use rustc_hash::FxHashMap;

use serde::Deserialize;

use crate::file::{self, OrgFile, PermissionEntry};
use crate::json_path;
use crate::org::{
    Access, AccessId, Affiliation, Centre, CentreId, Dossier, Group, GroupId, Link, Organisation,
    Person, PersonId, Profile, Rcp, RcpId,
};
use crate::permission::Permission;
use crate::time::{Instant, Window};

/// Largest organisation file accepted, in bytes (a country-scale file is ~150 MB).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;
/// Largest number of entries accepted in any one array of the file.
pub const MAX_ENTRIES: usize = 5_000_000;

/// One problem found in an organisation file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Where: a JSON path such as `network.rcps[2].centre` (empty for the whole file).
    pub path: String,
    /// What, in lowercase English, quoting the file's values in backticks.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The organisation file could not be loaded: every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    /// Every problem, in file order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    fn one(path: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            problems: vec![Problem {
                path: path.into(),
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "the organisation file has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Parses JSON text into the raw file, checking the size and the format version first.
pub(crate) fn parse_file(text: &str) -> Result<OrgFile, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::one(
            "",
            format!(
                "the file is {} bytes; the limit is {MAX_FILE_BYTES} bytes",
                text.len()
            ),
        ));
    }
    match text.trim_start().chars().next() {
        None => return Err(LoadError::one("", "not valid JSON: the file is empty")),
        Some('{') => {}
        Some(_) => return Err(LoadError::one("", "the organisation must be a JSON object")),
    }
    // One pass from the text to the raw file (no intermediate `Value`: half the memory). The JSON
    // path of a data error is worked out from the text only when there is one (`json_path`).
    let mut de = serde_json::Deserializer::from_str(text);
    let file = match OrgFile::deserialize(&mut de) {
        Ok(file) => file,
        Err(e) => {
            // A file of another version fails on its own shapes: name the version, not the shape.
            #[derive(serde::Deserialize)]
            struct Probe {
                format: Option<String>,
            }
            if let Ok(Probe { format: Some(f) }) = serde_json::from_str::<Probe>(text) {
                check_format(&f)?;
            }
            if e.is_syntax() || e.is_eof() {
                return Err(not_json(&e));
            }
            return Err(data_error(text, &e));
        }
    };
    de.end().map_err(|e| not_json(&e))?;
    check_format(&file.format)?;
    Ok(file)
}

fn not_json(e: &serde_json::Error) -> LoadError {
    LoadError::one(
        "",
        format!("not valid JSON: {}", lower_first(&e.to_string())),
    )
}

/// A data error of serde_json reading `text` (wrong type, unknown field…), at its JSON path.
fn data_error(text: &str, e: &serde_json::Error) -> LoadError {
    let message = lower_first(&e.to_string());
    if e.line() == 0 {
        return LoadError::one("", message);
    }
    let path = json_path::path_at(text, e.line(), e.column(), &message);
    // serde_json appends " at line L column C" to data errors; the path says where already.
    let message = match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(&message).to_owned(),
        None => message,
    };
    LoadError::one(path, message)
}

/// Checks the format version of an already-parsed JSON value, then reads it into the raw file.
pub(crate) fn parse_value(value: serde_json::Value) -> Result<OrgFile, LoadError> {
    let Some(object) = value.as_object() else {
        return Err(LoadError::one("", "the organisation must be a JSON object"));
    };
    match object.get("format") {
        Some(serde_json::Value::String(f)) => check_format(f)?,
        Some(other) => check_format(&other.to_string())?,
        None => {
            return Err(LoadError::one(
                "format",
                format!("missing; this version reads `{}`", file::FORMAT),
            ))
        }
    }
    OrgFile::deserialize(&value).map_err(|e| {
        // A value has no lines: read its text again for where the error is.
        let text = value.to_string();
        match serde_json::from_str::<OrgFile>(&text) {
            Err(located) => data_error(&text, &located),
            Ok(_) => LoadError::one("", lower_first(&e.to_string())),
        }
    })
}

/// Refuses any format but the one this version reads.
pub(crate) fn check_format(found: &str) -> Result<(), LoadError> {
    if found == file::FORMAT {
        return Ok(());
    }
    Err(LoadError::one(
        "format",
        format!(
            "unsupported format `{found}`; this version reads `{}`",
            file::FORMAT
        ),
    ))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), s.chars().nth(1)) {
        // Keep acronyms such as `EOF` as they are.
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

/// Collects problems while checking, and interns ids.
struct Checker {
    problems: Vec<Problem>,
    /// Problems past `MAX_PROBLEMS`, counted but not kept.
    dropped: usize,
}

/// Most problems one load reports; the rest are counted in a last line.
pub const MAX_PROBLEMS: usize = 1_000;

impl Checker {
    fn into_error(mut self) -> LoadError {
        if self.dropped > 0 {
            self.problems.push(Problem {
                path: String::new(),
                message: format!("… and {} more problems", self.dropped),
            });
        }
        LoadError {
            problems: self.problems,
        }
    }

    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // A hostile file could hold millions of problems: keep the first ones, count the rest.
        if self.problems.len() >= MAX_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn count(&mut self, path: &str, len: usize) {
        if len > MAX_ENTRIES {
            self.problem(
                path,
                format!("{len} entries; the limit is {MAX_ENTRIES} per list"),
            );
        }
    }

    /// Interns the ids of one kind, reporting empty and duplicate ones.
    fn intern<'a>(
        &mut self,
        kind: &str,
        base: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> FxHashMap<Box<str>, u32> {
        let mut map: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for (i, id) in ids.enumerate() {
            let path = || format!("{base}[{i}].id");
            if id.trim().is_empty() {
                self.problem(path(), format!("empty {kind} id"));
                continue;
            }
            if let Some(first) = map.get(id) {
                self.problem(
                    path(),
                    format!("duplicate {kind} id `{id}` (first at `{base}[{first}].id`)"),
                );
                continue;
            }
            map.insert(id.into(), i as u32);
        }
        map
    }

    fn date(&mut self, path: impl FnOnce() -> String, text: Option<&str>) -> Option<Instant> {
        let text = text?;
        let parsed = Instant::parse(text);
        if parsed.is_none() {
            self.problem(
                path(),
                format!("malformed date `{text}`; expected an RFC 3339 date-time such as `2026-11-23T10:00:00Z`"),
            );
        }
        parsed
    }

    fn window(&mut self, base: &str, from: Option<&str>, until: Option<&str>) -> Window {
        let w = Window {
            from: self.date(|| format!("{base}.valid_from"), from),
            until: self.date(|| format!("{base}.valid_until"), until),
        };
        if let (Some(f), Some(u)) = (w.from, w.until) {
            if f > u {
                self.problem(
                    format!("{base}.valid_until"),
                    format!(
                        "ends (`{}`) before it starts (`{}`)",
                        until.unwrap_or_default(),
                        from.unwrap_or_default()
                    ),
                );
            }
        }
        w
    }

    fn lookup(
        &mut self,
        map: &FxHashMap<Box<str>, u32>,
        kind: &str,
        path: impl FnOnce() -> String,
        id: &str,
    ) -> Option<u32> {
        let found = map.get(id).copied();
        if found.is_none() {
            self.problem(path(), format!("unknown {kind} `{id}`"));
        }
        found
    }
}

/// Checks and indexes a raw file.
pub(crate) fn check(file: OrgFile) -> Result<Organisation, LoadError> {
    let mut c = Checker {
        problems: Vec::new(),
        dropped: 0,
    };
    let empty_practice = file::PracticeSection::default();
    let empty_network = file::NetworkSection::default();
    let practice = file.practice.as_ref().unwrap_or(&empty_practice);
    let network = file.network.as_ref().unwrap_or(&empty_network);

    for (path, len) in [
        ("people", file.people.len()),
        ("groups", file.groups.len()),
        ("practice.accesses", practice.accesses.len()),
        ("network.centres", network.centres.len()),
        ("network.profiles", network.profiles.len()),
        ("network.affiliations", network.affiliations.len()),
        ("network.rcps", network.rcps.len()),
        ("network.dossiers", network.dossiers.len()),
        (
            "network.patient_objections",
            network.patient_objections.len(),
        ),
    ] {
        c.count(path, len);
    }
    // Nested lists too: no list of any depth may exceed the limit.
    for (i, p) in file.people.iter().enumerate() {
        if p.coordinator_of.len() > MAX_ENTRIES {
            c.count(
                &format!("people[{i}].coordinator_of"),
                p.coordinator_of.len(),
            );
        }
    }
    for (i, g) in file.groups.iter().enumerate() {
        if g.members.len() > MAX_ENTRIES {
            c.count(&format!("groups[{i}].members"), g.members.len());
        }
    }
    for (i, a) in practice.accesses.iter().enumerate() {
        if a.permissions.len() > MAX_ENTRIES {
            c.count(
                &format!("practice.accesses[{i}].permissions"),
                a.permissions.len(),
            );
        }
    }
    for (i, r) in network.rcps.iter().enumerate() {
        for (field, len) in [
            ("participants", r.participants.len()),
            ("animateurs", r.animateurs.len()),
            ("responsables", r.responsables.len()),
        ] {
            if len > MAX_ENTRIES {
                c.count(&format!("network.rcps[{i}].{field}"), len);
            }
        }
    }
    if !c.problems.is_empty() {
        return Err(c.into_error());
    }

    let person_ids = c.intern(
        "person",
        "people",
        file.people.iter().map(|p| p.id.as_str()),
    );
    let group_ids = c.intern("group", "groups", file.groups.iter().map(|g| g.id.as_str()));
    let centre_ids = c.intern(
        "centre",
        "network.centres",
        network.centres.iter().map(|x| x.id.as_str()),
    );
    let rcp_ids = c.intern(
        "rcp",
        "network.rcps",
        network.rcps.iter().map(|x| x.id.as_str()),
    );
    let dossier_ids = c.intern(
        "dossier",
        "network.dossiers",
        network.dossiers.iter().map(|x| x.id.as_str()),
    );

    // People.
    let mut people: Vec<Person> = Vec::with_capacity(file.people.len());
    for (i, p) in file.people.iter().enumerate() {
        let mut coordinator_of = Vec::new();
        for (j, centre) in p.coordinator_of.iter().enumerate() {
            if let Some(id) = c.lookup(
                &centre_ids,
                "centre",
                || format!("people[{i}].coordinator_of[{j}]"),
                centre,
            ) {
                coordinator_of.push(CentreId(id));
            }
        }
        people.push(Person {
            id: p.id.clone(),
            name: p.name.clone(),
            category: p.category,
            status: p.status,
            external: p.external.unwrap_or(false),
            rpps: p.rpps.clone(),
            coordinator_of,
            ..Person::default()
        });
    }

    // Groups. Duplicates within a list are found through `seen`, never by a linear search.
    let mut seen: rustc_hash::FxHashSet<PersonId> = rustc_hash::FxHashSet::default();
    let mut groups: Vec<Group> = Vec::with_capacity(file.groups.len());
    for (i, g) in file.groups.iter().enumerate() {
        let mut members: Vec<PersonId> = Vec::new();
        seen.clear();
        for (j, m) in g.members.iter().enumerate() {
            let path = || format!("groups[{i}].members[{j}]");
            if let Some(id) = c.lookup(&person_ids, "person", path, m) {
                if !seen.insert(PersonId(id)) {
                    c.problem(path(), format!("`{m}` is listed twice"));
                } else {
                    members.push(PersonId(id));
                }
            }
        }
        groups.push(Group {
            id: g.id.clone(),
            name: g.name.clone(),
            members,
        });
    }

    // Accesses.
    let mut accesses: Vec<Access> = Vec::with_capacity(practice.accesses.len());
    let mut access_by_pair: FxHashMap<(PersonId, PersonId), AccessId> = FxHashMap::default();
    for (i, a) in practice.accesses.iter().enumerate() {
        let base = format!("practice.accesses[{i}]");
        let sec = c.lookup(
            &person_ids,
            "person",
            || format!("{base}.secretary"),
            &a.secretary,
        );
        let doc = c.lookup(
            &person_ids,
            "person",
            || format!("{base}.doctor"),
            &a.doctor,
        );
        let window = c.window(&base, a.valid_from.as_deref(), a.valid_until.as_deref());
        let mut grants: [Option<Window>; 15] = [None; 15];
        for (j, entry) in a.permissions.iter().enumerate() {
            let ppath = format!("{base}.permissions[{j}]");
            let Some(perm) = Permission::from_id(entry.id()) else {
                c.problem(
                    ppath,
                    format!(
                        "unknown permission `{}`; known permissions are {}",
                        entry.id(),
                        known_permissions()
                    ),
                );
                continue;
            };
            let w = match entry {
                PermissionEntry::Id(_) => Window::ALWAYS,
                PermissionEntry::Windowed(w) => {
                    c.window(&ppath, w.valid_from.as_deref(), w.valid_until.as_deref())
                }
            };
            match grants.get_mut(perm.index()) {
                Some(slot @ None) => *slot = Some(w),
                _ => c.problem(ppath, format!("permission `{}` is listed twice", perm.id())),
            }
        }
        let (Some(sec), Some(doc)) = (sec, doc) else {
            continue;
        };
        let (sec, doc) = (PersonId(sec), PersonId(doc));
        if sec == doc {
            c.problem(
                format!("{base}.doctor"),
                format!("`{}` cannot hold an access to their own account", a.doctor),
            );
            continue;
        }
        let id = AccessId(accesses.len() as u32);
        if let Some(first) = access_by_pair.get(&(sec, doc)) {
            c.problem(
                base,
                format!(
                    "a second access for `{}` on `{}` (first at `practice.accesses[{}]`)",
                    a.secretary,
                    a.doctor,
                    accesses.get(first.0 as usize).map_or(0, |x| x.entry)
                ),
            );
            continue;
        }
        access_by_pair.insert((sec, doc), id);
        accesses.push(Access {
            entry: i,
            secretary: sec,
            doctor: doc,
            window,
            grants,
            confidentiality_acknowledged: a.confidentiality_acknowledged,
        });
    }

    // Centres.
    let centres: Vec<Centre> = network
        .centres
        .iter()
        .map(|x| Centre {
            id: x.id.clone(),
            name: x.name.clone(),
        })
        .collect();

    // Profiles.
    let mut profiles: Vec<Profile> = Vec::with_capacity(network.profiles.len());
    let mut profile_pairs: FxHashMap<(PersonId, CentreId), usize> = FxHashMap::default();
    for (i, p) in network.profiles.iter().enumerate() {
        let base = format!("network.profiles[{i}]");
        let sec = c.lookup(
            &person_ids,
            "person",
            || format!("{base}.secretary"),
            &p.secretary,
        );
        let centre = c.lookup(
            &centre_ids,
            "centre",
            || format!("{base}.centre"),
            &p.centre,
        );
        let window = c.window(&base, p.valid_from.as_deref(), p.valid_until.as_deref());
        let (Some(sec), Some(centre)) = (sec, centre) else {
            continue;
        };
        if let Some(first) = profile_pairs
            .get(&(PersonId(sec), CentreId(centre)))
            .and_then(|&k: &usize| profiles.get(k))
        {
            c.problem(
                base,
                format!(
                    "a second profile for `{}` on `{}` (first at `network.profiles[{}]`)",
                    p.secretary, p.centre, first.entry
                ),
            );
            continue;
        }
        profile_pairs.insert((PersonId(sec), CentreId(centre)), profiles.len());
        profiles.push(Profile {
            entry: i,
            secretary: PersonId(sec),
            centre: CentreId(centre),
            window,
        });
    }

    // Affiliations.
    let mut affiliations: Vec<Affiliation> = Vec::with_capacity(network.affiliations.len());
    let mut affiliation_pairs: FxHashMap<(PersonId, Link), usize> = FxHashMap::default();
    for (i, a) in network.affiliations.iter().enumerate() {
        let base = format!("network.affiliations[{i}]");
        let doc = c.lookup(
            &person_ids,
            "person",
            || format!("{base}.doctor"),
            &a.doctor,
        );
        let window = c.window(&base, a.valid_from.as_deref(), a.valid_until.as_deref());
        let target = match (&a.secretary, &a.group) {
            (Some(s), None) => c
                .lookup(&person_ids, "person", || format!("{base}.secretary"), s)
                .map(|s| Link::Secretary(PersonId(s))),
            (None, Some(g)) => c
                .lookup(&group_ids, "group", || format!("{base}.group"), g)
                .map(|g| Link::Group(GroupId(g))),
            (Some(_), Some(_)) => {
                c.problem(
                    base.clone(),
                    "names both `secretary` and `group`; give exactly one",
                );
                None
            }
            (None, None) => {
                c.problem(
                    base.clone(),
                    "names neither `secretary` nor `group`; give exactly one",
                );
                None
            }
        };
        let (Some(doc), Some(target)) = (doc, target) else {
            continue;
        };
        if let Some(first) = affiliation_pairs
            .get(&(PersonId(doc), target))
            .and_then(|&k: &usize| affiliations.get(k))
        {
            c.problem(
                base,
                format!(
                    "the same affiliation again (first at `network.affiliations[{}]`)",
                    first.entry
                ),
            );
            continue;
        }
        affiliation_pairs.insert((PersonId(doc), target), affiliations.len());
        affiliations.push(Affiliation {
            entry: i,
            doctor: PersonId(doc),
            target,
            window,
        });
    }

    // RCPs.
    let mut rcps: Vec<Rcp> = Vec::with_capacity(network.rcps.len());
    for (i, r) in network.rcps.iter().enumerate() {
        let base = format!("network.rcps[{i}]");
        let centre = c.lookup(
            &centre_ids,
            "centre",
            || format!("{base}.centre"),
            &r.centre,
        );
        let next_session = c.date(|| format!("{base}.next_session"), r.next_session.as_deref());
        let mut lists: [Vec<PersonId>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for (field, list, out) in [
            ("participants", &r.participants, 0usize),
            ("animateurs", &r.animateurs, 1),
            ("responsables", &r.responsables, 2),
        ] {
            seen.clear();
            for (j, d) in list.iter().enumerate() {
                let path = || format!("{base}.{field}[{j}]");
                let Some(id) = c.lookup(&person_ids, "person", path, d) else {
                    continue;
                };
                let Some(out) = lists.get_mut(out) else {
                    continue;
                };
                if !seen.insert(PersonId(id)) {
                    c.problem(path(), format!("`{d}` is listed twice"));
                } else {
                    out.push(PersonId(id));
                }
            }
        }
        let [participants, animateurs, responsables] = lists;
        rcps.push(Rcp {
            id: r.id.clone(),
            name: r.name.clone(),
            centre: CentreId(centre.unwrap_or(0)),
            next_session,
            participants,
            animateurs,
            responsables,
            dossiers: Vec::new(),
        });
    }

    // Dossiers.
    let objecting: rustc_hash::FxHashSet<&str> = network
        .patient_objections
        .iter()
        .map(String::as_str)
        .collect();
    let mut dossiers: Vec<Dossier> = Vec::with_capacity(network.dossiers.len());
    for (i, d) in network.dossiers.iter().enumerate() {
        let base = format!("network.dossiers[{i}]");
        let rcp = c.lookup(&rcp_ids, "rcp", || format!("{base}.rcp"), &d.rcp);
        let demandeur = c.lookup(
            &person_ids,
            "person",
            || format!("{base}.demandeur"),
            &d.demandeur,
        );
        let session = c.date(|| format!("{base}.session"), d.session.as_deref());
        if d.patient.trim().is_empty() {
            c.problem(format!("{base}.patient"), "empty patient id");
        }
        dossiers.push(Dossier {
            id: d.id.clone(),
            patient: d.patient.clone(),
            rcp: RcpId(rcp.unwrap_or(0)),
            demandeur: PersonId(demandeur.unwrap_or(0)),
            session,
            status: d.status,
            objection: d.objection || objecting.contains(d.patient.as_str()),
        });
    }

    if !c.problems.is_empty() {
        return Err(c.into_error());
    }

    // Only now, with every reference known good, build the reverse indexes.
    let mut org = Organisation {
        people,
        groups,
        centres,
        rcps,
        dossiers,
        accesses,
        profiles,
        affiliations,
        person_ids,
        group_ids,
        centre_ids,
        rcp_ids,
        dossier_ids,
        access_by_pair,
        file,
        stamp: crate::org::next_stamp(),
    };
    org.index();
    Ok(org)
}

fn known_permissions() -> String {
    Permission::ALL
        .iter()
        .map(|p| format!("`{}`", p.id()))
        .collect::<Vec<_>>()
        .join(", ")
}
