//! Loading: raw file → checked, indexed [`Organisation`]. Every problem is reported at once, each with
//! its JSON path; nothing half-loaded is ever returned.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::file::{
    self, DossierEntry, GroupEntry, OrgFile, PermissionEntry, PersonEntry, RcpEntry,
};
use crate::json::{self, Reader};
use crate::org::{
    pair, Access, AccessId, Affiliation, Centre, CentreId, Dossier, Group, GroupId, Link,
    Organisation, PairMap, Person, PersonId, Profile, Rcp, RcpId, ScopeHeader,
};
use crate::permission::Permission;
use crate::read;
use crate::scope::{Scope, ScopeDossier, SCOPE_FORMAT};
use crate::text;
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

    pub(crate) fn one(path: impl Into<String>, message: impl Into<String>) -> LoadError {
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

/// A parsed file: an organisation, or one secretary's scope (docs/SCOPE.md).
pub(crate) enum Parsed {
    Org(OrgFile),
    Scope(Scope),
}

impl Parsed {
    /// Checks and indexes it.
    pub(crate) fn check(self) -> Result<Organisation, LoadError> {
        match self {
            Parsed::Org(file) => check(file, None),
            Parsed::Scope(scope) => check_scope(scope),
        }
    }
}

/// Reads a scope back into an organisation file and checks it (the loader's all-or-nothing rules):
/// its dossier rows name positions in its own lists, and what it leaves out stays out.
fn check_scope(scope: Scope) -> Result<Organisation, LoadError> {
    let problem = |path: &str, message: String| Err(LoadError::one(path, message));
    if scope.format != SCOPE_FORMAT {
        return problem(
            "format",
            format!(
                "unsupported format `{}`; expected `{SCOPE_FORMAT}`",
                scope.format
            ),
        );
    }
    if !scope.people.iter().any(|p| p.id == scope.for_id) {
        return problem(
            "for",
            format!("`{}` is not among the scope's people", scope.for_id),
        );
    }
    for (i, t) in scope.changes_at.iter().enumerate() {
        if Instant::parse(t).is_none() {
            return problem(
                &format!("changes_at[{i}]"),
                format!("malformed date `{t}`; expected an RFC 3339 date-time such as `2026-11-23T10:00:00Z`"),
            );
        }
    }
    // Rows back into dossiers: every position must name an entry of the scope.
    let mut dossiers = Vec::with_capacity(scope.dossiers.len());
    for (i, ScopeDossier(id, rcp, status, session, demandeur)) in
        scope.dossiers.into_iter().enumerate()
    {
        let out_of_range = |k: usize, what: &str| {
            problem(
                &format!("dossiers[{i}][{k}]"),
                format!("no {what} at this position"),
            )
        };
        let Some(rcp) = scope.rcps.get(rcp).map(|r| r.id.clone()) else {
            return out_of_range(1, "rcp in `rcps`");
        };
        let session = match session {
            None => None,
            Some(t) => match scope.changes_at.get(t) {
                Some(t) => Some(t.clone()),
                None => return out_of_range(3, "instant in `changes_at`"),
            },
        };
        let demandeur = match demandeur {
            None => String::new(),
            Some(p) => match scope.people.get(p) {
                Some(p) => p.id.clone(),
                None => return out_of_range(4, "person in `people`"),
            },
        };
        dossiers.push(DossierEntry {
            id,
            patient: String::new(),
            rcp,
            demandeur,
            session,
            status,
            objection: false,
        });
    }
    let file = OrgFile {
        format: file::FORMAT.to_owned(),
        name: scope.from.name.clone(),
        support: None,
        people: scope
            .people
            .into_iter()
            .map(|p| PersonEntry {
                id: p.id,
                name: p.name,
                category: p.category.unwrap_or_default(),
                rpps: None,
                external: p.external,
                status: p.status,
                coordinator_of: p.coordinator_of,
            })
            .collect(),
        groups: scope
            .groups
            .into_iter()
            .map(|g| GroupEntry {
                id: g.id,
                name: g.name,
                members: vec![scope.for_id.clone()],
            })
            .collect(),
        practice: Some(file::PracticeSection {
            accesses: scope.accesses,
        }),
        network: Some(file::NetworkSection {
            centres: scope.centres,
            profiles: scope.profiles,
            affiliations: scope.affiliations,
            rcps: scope
                .rcps
                .into_iter()
                .map(|r| RcpEntry {
                    id: r.id,
                    name: r.name,
                    centre: r.centre,
                    participants: r.participants,
                    animateurs: r.animateurs,
                    responsables: r.responsables,
                    next_session: r.next_session,
                })
                .collect(),
            dossiers,
            patient_objections: Vec::new(),
        }),
    };
    check(
        file,
        Some(ScopeHeader {
            for_id: scope.for_id,
            from: scope.from,
        }),
    )
}

/// Reads a scope document from its text (its format tag is known).
fn parse_scope(text: &str) -> Result<Parsed, LoadError> {
    read::document(text, read::scope)
        .map(Parsed::Scope)
        .map_err(|e| json_error(&e))
}

/// Parses JSON text into the raw file, checking the size and the format version first.
pub(crate) fn parse_file(text: &str) -> Result<Parsed, LoadError> {
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
    // A scope names itself first (`Scope::to_json`): read it as one straight away.
    if Reader::first_member(text, "format").as_deref() == Some(SCOPE_FORMAT) {
        return parse_scope(text);
    }
    // One pass from the text to the raw file (`json.rs`: no serde, no intermediate value).
    let file = match read::document(text, read::org_file) {
        Ok(file) => file,
        Err(e) => {
            // A file of another version fails on its own shapes: name the version, not the shape.
            if let Some(f) = Reader::probe_format(text) {
                if f == SCOPE_FORMAT {
                    return parse_scope(text);
                }
                check_format(&f)?;
            }
            return Err(json_error(&e));
        }
    };
    if file.format == SCOPE_FORMAT {
        return parse_scope(text);
    }
    check_format(&file.format)?;
    Ok(Parsed::Org(file))
}

/// A JSON error as a load error: not JSON (with line and column), or JSON of the wrong shape at its
/// JSON path.
fn json_error(e: &json::Error) -> LoadError {
    if e.syntax {
        LoadError::one("", format!("not valid JSON: {e}"))
    } else {
        LoadError::one(e.path(), e.message.clone())
    }
}

/// Checks the format version of an already-parsed JSON value, then reads it as its text.
pub(crate) fn parse_value(value: serde_json::Value) -> Result<Parsed, LoadError> {
    let Some(object) = value.as_object() else {
        return Err(LoadError::one("", "the organisation must be a JSON object"));
    };
    match object.get("format") {
        Some(serde_json::Value::String(f)) if f == SCOPE_FORMAT => {}
        Some(serde_json::Value::String(f)) => check_format(f)?,
        Some(other) => check_format(&other.to_string())?,
        None => {
            return Err(LoadError::one(
                "format",
                format!("missing; this version reads `{}`", file::FORMAT),
            ))
        }
    }
    parse_file(&value.to_string())
}

/// Refuses any format but the one this version reads.
pub(crate) fn check_format(found: &str) -> Result<(), LoadError> {
    if found == file::FORMAT {
        return Ok(());
    }
    Err(LoadError::one(
        "format",
        format!(
            "unsupported format `{found}`; this version reads `{}` and `{SCOPE_FORMAT}`",
            file::FORMAT
        ),
    ))
}

impl Organisation {
    /// Loads an organisation from JSON text: parse, check, index. Reports every problem at once.
    /// A `secretariat-scope/1` document loads too ([`Organisation::scope`]).
    pub fn load(json: &str) -> Result<Organisation, LoadError> {
        parse_file(json)?.check()
    }

    /// Loads an organisation (or a scope) from an already-parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Organisation, LoadError> {
        parse_value(value)?.check()
    }

    /// Checks and indexes an organisation file held in memory.
    pub fn from_file(file: OrgFile) -> Result<Organisation, LoadError> {
        check_format(&file.format)?;
        check(file, None)
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

/// A place in the file (`network.rcps[3].animateurs`), written out only when a problem names it:
/// checking an entry that has none formats nothing.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A top-level key or list (`name`, `network.rcps`)
    Key(&'a str),
    /// `list[index]`
    Item(&'a str, usize),
    /// `parent.field`
    Field(&'a At<'a>, &'a str),
    /// `parent[index]`
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Key(key) => f.write_str(key),
            At::Item(list, i) => write!(f, "{list}[{i}]"),
            At::Field(parent, field) => write!(f, "{parent}.{field}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl From<At<'_>> for String {
    fn from(at: At<'_>) -> String {
        at.to_string()
    }
}

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

    #[inline(never)]
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // A hostile file could hold millions of problems: keep the first ones, count the rest.
        if self.problems.len() >= MAX_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.into(),
            message: text::clip_quoted(&message.into()),
        });
    }

    #[inline(never)]
    fn count(&mut self, path: &At, len: usize) {
        if len > MAX_ENTRIES {
            self.problem(
                *path,
                format!("{len} entries; the limit is {MAX_ENTRIES} per list"),
            );
        }
    }

    /// A name: at most [`text::MAX_NAME_CHARS`] characters of printable text.
    #[inline(never)]
    fn name(&mut self, path: &At, name: &str) {
        if let Some(message) = text::name_problem(name) {
            self.problem(*path, message);
        }
    }

    /// An id that is not one of the file's own (a patient, an RPPS): printable and short.
    #[inline(never)]
    fn id(&mut self, kind: &str, path: &At, id: &str) {
        if let Some(message) = text::id_problem(kind, id) {
            self.problem(*path, message);
        }
    }

    /// Interns the ids of one kind, reporting bad and duplicate ones.
    #[inline(never)]
    fn intern<'a>(
        &mut self,
        kind: &str,
        base: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> FxHashMap<Box<str>, u32> {
        let mut map: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for (i, id) in ids.enumerate() {
            let item = At::Item(base, i);
            let path = At::Field(&item, "id");
            if let Some(message) = text::id_problem(kind, id) {
                self.problem(path, message);
                continue;
            }
            if let Some(first) = map.get(id) {
                self.problem(
                    path,
                    format!("duplicate {kind} id `{id}` (first at `{base}[{first}].id`)"),
                );
                continue;
            }
            map.insert(id.into(), i as u32);
        }
        map
    }

    #[inline(never)]
    fn date(&mut self, path: &At, text: Option<&str>) -> Option<Instant> {
        let text = text?;
        let parsed = Instant::parse(text);
        if parsed.is_none() {
            self.problem(
                *path,
                format!("malformed date `{text}`; expected an RFC 3339 date-time such as `2026-11-23T10:00:00Z`"),
            );
        }
        parsed
    }

    #[inline(never)]
    fn window(&mut self, base: &At, from: Option<&str>, until: Option<&str>) -> Window {
        let w = Window {
            from: self.date(&At::Field(base, "valid_from"), from),
            until: self.date(&At::Field(base, "valid_until"), until),
        };
        if let (Some(f), Some(u)) = (w.from, w.until) {
            if f > u {
                self.problem(
                    At::Field(base, "valid_until"),
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

    #[inline(never)]
    fn lookup(
        &mut self,
        map: &FxHashMap<Box<str>, u32>,
        kind: &str,
        path: &At,
        id: &str,
    ) -> Option<u32> {
        let found = map.get(id).copied();
        if found.is_none() {
            self.problem(*path, format!("unknown {kind} `{id}`"));
        }
        found
    }

    /// A person named by a reference.
    #[inline(never)]
    fn person(&mut self, ids: &Ids, path: &At, id: &str) -> Option<PersonId> {
        self.lookup(&ids.people, "person", path, id).map(PersonId)
    }

    /// A list of people, each once (duplicates found through `seen`, never by a linear search).
    #[inline(never)]
    fn people_list(
        &mut self,
        ids: &Ids,
        base: &At,
        list: &[String],
        seen: &mut PairMap,
    ) -> Vec<PersonId> {
        seen.clear();
        let mut out = Vec::new();
        for (j, m) in list.iter().enumerate() {
            let path = At::Index(base, j);
            let Some(id) = self.person(ids, &path, m) else {
                continue;
            };
            if seen.insert(u64::from(id.0), 0).is_none() {
                out.push(id);
            } else {
                self.problem(path, format!("`{m}` is listed twice"));
            }
        }
        out
    }
}

/// The file's own ids, interned.
struct Ids {
    people: FxHashMap<Box<str>, u32>,
    groups: FxHashMap<Box<str>, u32>,
    centres: FxHashMap<Box<str>, u32>,
    rcps: FxHashMap<Box<str>, u32>,
    dossiers: FxHashMap<Box<str>, u32>,
}

/// Checks and indexes a raw file, section by section; `scope` when it was read from a scope
/// document (whose dossiers carry no patient, and a demandeur only when he is one of her doctors).
pub(crate) fn check(file: OrgFile, scope: Option<ScopeHeader>) -> Result<Organisation, LoadError> {
    let mut c = Checker {
        problems: Vec::new(),
        dropped: 0,
    };
    let empty_practice = file::PracticeSection::default();
    let empty_network = file::NetworkSection::default();
    let practice = file.practice.as_ref().unwrap_or(&empty_practice);
    let network = file.network.as_ref().unwrap_or(&empty_network);

    sizes(&mut c, &file, practice, network);
    if !c.problems.is_empty() {
        return Err(c.into_error());
    }
    c.name(&At::Key("name"), &file.name);
    support(&mut c, file.support.as_ref());
    let ids = Ids {
        people: c.intern(
            "person",
            "people",
            file.people.iter().map(|p| p.id.as_str()),
        ),
        groups: c.intern("group", "groups", file.groups.iter().map(|g| g.id.as_str())),
        centres: c.intern(
            "centre",
            "network.centres",
            network.centres.iter().map(|x| x.id.as_str()),
        ),
        rcps: c.intern(
            "rcp",
            "network.rcps",
            network.rcps.iter().map(|x| x.id.as_str()),
        ),
        dossiers: c.intern(
            "dossier",
            "network.dossiers",
            network.dossiers.iter().map(|x| x.id.as_str()),
        ),
    };
    let mut seen = PairMap::default();
    let people = people(&mut c, &ids, &file.people);
    let groups = groups(&mut c, &ids, &file.groups, &mut seen);
    let (accesses, access_by_pair) = accesses(&mut c, &ids, &practice.accesses);
    let centres = centres(&mut c, &network.centres);
    let profiles = profiles(&mut c, &ids, &network.profiles);
    let affiliations = affiliations(&mut c, &ids, &network.affiliations);
    let rcps = rcps(&mut c, &ids, &network.rcps, &mut seen);
    let dossiers = dossiers(&mut c, &ids, network, scope.is_some());
    if !c.problems.is_empty() {
        return Err(c.into_error());
    }

    // Only now, with every reference known good, build the reverse indexes.
    let Ids {
        people: person_ids,
        groups: group_ids,
        centres: centre_ids,
        rcps: rcp_ids,
        dossiers: dossier_ids,
    } = ids;
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
        scope: scope.map(Box::new),
        hash: std::sync::OnceLock::new(),
    };
    org.index();
    Ok(org)
}

/// Every list, nested ones too, within [`MAX_ENTRIES`].
#[inline(never)]
fn sizes(
    c: &mut Checker,
    file: &OrgFile,
    practice: &file::PracticeSection,
    network: &file::NetworkSection,
) {
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
        c.count(&At::Key(path), len);
    }
    for (i, p) in file.people.iter().enumerate() {
        c.count(
            &At::Field(&At::Item("people", i), "coordinator_of"),
            p.coordinator_of.len(),
        );
    }
    for (i, g) in file.groups.iter().enumerate() {
        c.count(
            &At::Field(&At::Item("groups", i), "members"),
            g.members.len(),
        );
    }
    for (i, a) in practice.accesses.iter().enumerate() {
        c.count(
            &At::Field(&At::Item("practice.accesses", i), "permissions"),
            a.permissions.len(),
        );
    }
    for (i, r) in network.rcps.iter().enumerate() {
        for (field, len) in [
            ("participants", r.participants.len()),
            ("animateurs", r.animateurs.len()),
            ("responsables", r.responsables.len()),
        ] {
            c.count(&At::Field(&At::Item("network.rcps", i), field), len);
        }
    }
}

/// Support addresses: plain e-mail addresses, since they end up in `mailto:` links.
#[inline(never)]
fn support(c: &mut Checker, support: Option<&file::Support>) {
    let Some(support) = support else {
        return;
    };
    for (field, address) in [
        ("practice", &support.practice),
        ("network", &support.network),
    ] {
        if let Some(address) = address.as_deref().filter(|a| !text::is_email(a)) {
            c.problem(
                format!("support.{field}"),
                format!("`{address}` is not a plain e-mail address such as `support@example.org`"),
            );
        }
    }
}

#[inline(never)]
fn people(c: &mut Checker, ids: &Ids, entries: &[file::PersonEntry]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::with_capacity(entries.len());
    for (i, p) in entries.iter().enumerate() {
        c.name(&At::Field(&At::Item("people", i), "name"), &p.name);
        if let Some(rpps) = &p.rpps {
            c.id("RPPS", &At::Field(&At::Item("people", i), "rpps"), rpps);
        }
        let mut coordinator_of = Vec::new();
        for (j, centre) in p.coordinator_of.iter().enumerate() {
            if let Some(id) = c.lookup(
                &ids.centres,
                "centre",
                &At::Index(&At::Field(&At::Item("people", i), "coordinator_of"), j),
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
    people
}

#[inline(never)]
fn groups(
    c: &mut Checker,
    ids: &Ids,
    entries: &[file::GroupEntry],
    seen: &mut PairMap,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::with_capacity(entries.len());
    for (i, g) in entries.iter().enumerate() {
        c.name(&At::Field(&At::Item("groups", i), "name"), &g.name);
        let members = c.people_list(
            ids,
            &At::Field(&At::Item("groups", i), "members"),
            &g.members,
            seen,
        );
        groups.push(Group {
            id: g.id.clone(),
            name: g.name.clone(),
            members,
            affiliations: Vec::new(),
            doctor_mask: 0,
        });
    }
    groups
}

/// A practice access's permissions, each once, each with its own window.
#[inline(never)]
fn grants(c: &mut Checker, base: &At, entries: &[PermissionEntry]) -> [Option<Window>; 15] {
    let mut grants: [Option<Window>; 15] = [None; 15];
    let permissions = At::Field(base, "permissions");
    for (j, entry) in entries.iter().enumerate() {
        let ppath = At::Index(&permissions, j);
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
    grants
}

#[inline(never)]
fn accesses(c: &mut Checker, ids: &Ids, entries: &[file::AccessEntry]) -> (Vec<Access>, PairMap) {
    let mut accesses: Vec<Access> = Vec::with_capacity(entries.len());
    let mut access_by_pair = PairMap::default();
    for (i, a) in entries.iter().enumerate() {
        let base = At::Item("practice.accesses", i);
        let sec = c.person(ids, &At::Field(&base, "secretary"), &a.secretary);
        let doc = c.person(ids, &At::Field(&base, "doctor"), &a.doctor);
        let window = c.window(&base, a.valid_from.as_deref(), a.valid_until.as_deref());
        let grants = grants(c, &base, &a.permissions);
        let (Some(sec), Some(doc)) = (sec, doc) else {
            continue;
        };
        if sec == doc {
            c.problem(
                format!("{base}.doctor"),
                format!("`{}` cannot hold an access to their own account", a.doctor),
            );
            continue;
        }
        let id = AccessId(accesses.len() as u32);
        if let Some(&first) = access_by_pair.get(&pair(sec.0, doc.0)) {
            c.problem(
                base,
                format!(
                    "a second access for `{}` on `{}` (first at `practice.accesses[{}]`)",
                    a.secretary,
                    a.doctor,
                    accesses.get(first as usize).map_or(0, |x| x.entry)
                ),
            );
            continue;
        }
        access_by_pair.insert(pair(sec.0, doc.0), id.0);
        accesses.push(Access {
            entry: i,
            secretary: sec,
            doctor: doc,
            window,
            grants,
            confidentiality_acknowledged: a.confidentiality_acknowledged,
        });
    }
    (accesses, access_by_pair)
}

#[inline(never)]
fn centres(c: &mut Checker, entries: &[file::CentreEntry]) -> Vec<Centre> {
    let mut centres = Vec::with_capacity(entries.len());
    for (i, x) in entries.iter().enumerate() {
        c.name(&At::Field(&At::Item("network.centres", i), "name"), &x.name);
        centres.push(Centre {
            id: x.id.clone(),
            name: x.name.clone(),
        });
    }
    centres
}

#[inline(never)]
fn profiles(c: &mut Checker, ids: &Ids, entries: &[file::ProfileEntry]) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = Vec::with_capacity(entries.len());
    let mut pairs = PairMap::default();
    for (i, p) in entries.iter().enumerate() {
        let base = At::Item("network.profiles", i);
        let sec = c.person(ids, &At::Field(&base, "secretary"), &p.secretary);
        let centre = c.lookup(
            &ids.centres,
            "centre",
            &At::Field(&base, "centre"),
            &p.centre,
        );
        let window = c.window(&base, p.valid_from.as_deref(), p.valid_until.as_deref());
        let (Some(sec), Some(centre)) = (sec, centre.map(CentreId)) else {
            continue;
        };
        if let Some(first) = pairs
            .get(&pair(sec.0, centre.0))
            .and_then(|&k| profiles.get(k as usize))
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
        pairs.insert(pair(sec.0, centre.0), profiles.len() as u32);
        profiles.push(Profile {
            entry: i,
            secretary: sec,
            centre,
            window,
        });
    }
    profiles
}

#[inline(never)]
fn affiliations(
    c: &mut Checker,
    ids: &Ids,
    entries: &[file::AffiliationEntry],
) -> Vec<Affiliation> {
    let mut affiliations: Vec<Affiliation> = Vec::with_capacity(entries.len());
    let mut pairs = PairMap::default();
    for (i, a) in entries.iter().enumerate() {
        let base = At::Item("network.affiliations", i);
        let doc = c.person(ids, &At::Field(&base, "doctor"), &a.doctor);
        let window = c.window(&base, a.valid_from.as_deref(), a.valid_until.as_deref());
        let target = match (&a.secretary, &a.group) {
            (Some(s), None) => c
                .person(ids, &At::Field(&base, "secretary"), s)
                .map(Link::Secretary),
            (None, Some(g)) => c
                .lookup(&ids.groups, "group", &At::Field(&base, "group"), g)
                .map(|g| Link::Group(GroupId(g))),
            (Some(_), Some(_)) => {
                c.problem(base, "names both `secretary` and `group`; give exactly one");
                None
            }
            (None, None) => {
                c.problem(
                    base,
                    "names neither `secretary` nor `group`; give exactly one",
                );
                None
            }
        };
        let (Some(doc), Some(target)) = (doc, target) else {
            continue;
        };
        if let Some(first) = pairs
            .get(&pair(doc.0, target.key()))
            .and_then(|&k| affiliations.get(k as usize))
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
        pairs.insert(pair(doc.0, target.key()), affiliations.len() as u32);
        affiliations.push(Affiliation {
            entry: i,
            doctor: doc,
            target,
            window,
        });
    }
    affiliations
}

#[inline(never)]
fn rcps(c: &mut Checker, ids: &Ids, entries: &[file::RcpEntry], seen: &mut PairMap) -> Vec<Rcp> {
    let mut rcps: Vec<Rcp> = Vec::with_capacity(entries.len());
    for (i, r) in entries.iter().enumerate() {
        let base = At::Item("network.rcps", i);
        c.name(&At::Field(&base, "name"), &r.name);
        let centre = c.lookup(
            &ids.centres,
            "centre",
            &At::Field(&base, "centre"),
            &r.centre,
        );
        let next_session = c.date(&At::Field(&base, "next_session"), r.next_session.as_deref());
        let mut list =
            |field: &str, list: &[String]| c.people_list(ids, &At::Field(&base, field), list, seen);
        let participants = list("participants", &r.participants);
        let animateurs = list("animateurs", &r.animateurs);
        let responsables = list("responsables", &r.responsables);
        let roles = crate::org::roles_by_doctor(&participants, &animateurs);
        let role_mask = crate::org::doctor_mask(roles.iter().map(|&(d, _)| d));
        let animateur_mask = crate::org::doctor_mask(animateurs.iter().copied());
        rcps.push(Rcp {
            centre: CentreId(centre.unwrap_or(0)),
            next_session,
            participants,
            animateurs,
            responsables,
            role_mask,
            animateur_mask,
            roles,
            dossiers: Vec::new(),
        });
    }
    rcps
}

/// The dossiers; `scoped` when read from a scope, where a dossier has no patient, and no demandeur
/// unless he is one of her doctors.
#[inline(never)]
fn dossiers(
    c: &mut Checker,
    ids: &Ids,
    network: &file::NetworkSection,
    scoped: bool,
) -> Vec<Dossier> {
    let mut objecting: FxHashSet<&str> = FxHashSet::default();
    for (i, patient) in network.patient_objections.iter().enumerate() {
        c.id(
            "patient",
            &At::Item("network.patient_objections", i),
            patient,
        );
        objecting.insert(patient);
    }
    let mut dossiers: Vec<Dossier> = Vec::with_capacity(network.dossiers.len());
    for (i, d) in network.dossiers.iter().enumerate() {
        let base = At::Item("network.dossiers", i);
        let rcp = c.lookup(&ids.rcps, "rcp", &At::Field(&base, "rcp"), &d.rcp);
        let demandeur = if scoped && d.demandeur.is_empty() {
            None
        } else {
            c.person(ids, &At::Field(&base, "demandeur"), &d.demandeur)
        };
        let session = c.date(&At::Field(&base, "session"), d.session.as_deref());
        if !(scoped && d.patient.is_empty()) {
            c.id("patient", &At::Field(&base, "patient"), &d.patient);
        }
        dossiers.push(Dossier {
            id: d.id.clone(),
            patient: d.patient.clone(),
            rcp: RcpId(rcp.unwrap_or(0)),
            demandeur,
            session,
            status: d.status,
            objection: d.objection || objecting.contains(d.patient.as_str()),
        });
    }
    dossiers
}

fn known_permissions() -> String {
    Permission::ALL
        .iter()
        .map(|p| format!("`{}`", p.id()))
        .collect::<Vec<_>>()
        .join(", ")
}
