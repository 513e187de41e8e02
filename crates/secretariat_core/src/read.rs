//! The documents the engine reads, read by hand with [`crate::json`]: the organisation file
//! (`file.rs`), a scope (`scope.rs`) and a decision request. One reader per type, in the types'
//! declaration order, with serde's field lists and defaults, so that a file reads as it always has
//! (the serde derives stay for the other files and for writing).

use crate::file::{
    AccessEntry, AffiliationEntry, Category, CentreEntry, DossierEntry, DossierStatus, GroupEntry,
    NetworkSection, OrgFile, PermissionEntry, PersonEntry, PracticeSection, ProfileEntry, RcpEntry,
    Status, Support, WindowedPermission,
};
use crate::json::{Fields, Reader, Result};
use crate::org::Source;
use crate::scope::{Scope, ScopeDossier, ScopeGroup, ScopePerson, ScopeRcp};
use crate::{Lang, Request};

/// Reads one object into a default `T`: `each(reader, value, i)` reads field `i`.
fn object<T: Default>(
    r: &mut Reader<'_>,
    fields: &Fields,
    mut each: impl FnMut(&mut Reader<'_>, &mut T, usize) -> Result<()>,
) -> Result<T> {
    let mut value = T::default();
    r.fields(fields, |r, i| each(r, &mut value, i))?;
    Ok(value)
}

/// `Fields` of a type with `deny_unknown_fields`.
pub(crate) const fn strict(
    expecting: &'static str,
    names: &'static [&'static str],
    required: u32,
) -> Fields {
    Fields {
        expecting,
        names,
        required,
        deny_unknown: true,
    }
}

/// A whole document, then nothing but whitespace.
pub(crate) fn document<T>(
    text: &str,
    read: impl FnOnce(&mut Reader<'_>) -> Result<T>,
) -> Result<T> {
    let mut r = Reader::new(text);
    let value = read(&mut r)?;
    r.end()?;
    Ok(value)
}

pub(crate) const CATEGORIES: &[&str] = &["medecin", "secretaire"];
pub(crate) const STATUSES: &[&str] = &["active", "suspended", "deleted"];
pub(crate) const DOSSIER_STATUSES: &[&str] = &["registered", "discussed", "validated", "sent"];

fn category(r: &mut Reader<'_>) -> Result<Category> {
    Ok(match r.variant(CATEGORIES)? {
        0 => Category::Medecin,
        _ => Category::Secretaire,
    })
}

fn status(r: &mut Reader<'_>) -> Result<Status> {
    Ok(match r.variant(STATUSES)? {
        0 => Status::Active,
        1 => Status::Suspended,
        _ => Status::Deleted,
    })
}

fn dossier_status(r: &mut Reader<'_>) -> Result<DossierStatus> {
    Ok(match r.variant(DOSSIER_STATUSES)? {
        0 => DossierStatus::Registered,
        1 => DossierStatus::Discussed,
        2 => DossierStatus::Validated,
        _ => DossierStatus::Sent,
    })
}

/// `secretariat-org/1`.
pub(crate) fn org_file(r: &mut Reader<'_>) -> Result<OrgFile> {
    const F: Fields = strict(
        "struct OrgFile",
        &[
            "format", "name", "support", "people", "groups", "practice", "network",
        ],
        0b1,
    );
    object(r, &F, |r, f: &mut OrgFile, i| {
        match i {
            0 => f.format = r.string()?,
            1 => f.name = r.string()?,
            2 => f.support = r.option(support)?,
            3 => f.people = r.list(person)?,
            4 => f.groups = r.list(group)?,
            5 => f.practice = r.option(practice)?,
            _ => f.network = r.option(network)?,
        }
        Ok(())
    })
}

fn support(r: &mut Reader<'_>) -> Result<Support> {
    const F: Fields = strict("struct Support", &["practice", "network"], 0);
    object(r, &F, |r, s: &mut Support, i| {
        *if i == 0 {
            &mut s.practice
        } else {
            &mut s.network
        } = r.opt_string()?;
        Ok(())
    })
}

fn person(r: &mut Reader<'_>) -> Result<PersonEntry> {
    const F: Fields = strict(
        "struct PersonEntry",
        &[
            "id",
            "name",
            "category",
            "rpps",
            "external",
            "status",
            "coordinator_of",
        ],
        0b10_0111,
    );
    object(r, &F, |r, p: &mut PersonEntry, i| {
        match i {
            0 => p.id = r.string()?,
            1 => p.name = r.string()?,
            2 => p.category = category(r)?,
            3 => p.rpps = r.opt_string()?,
            4 => p.external = r.option(Reader::bool)?,
            5 => p.status = status(r)?,
            _ => p.coordinator_of = r.strings()?,
        }
        Ok(())
    })
}

fn group(r: &mut Reader<'_>) -> Result<GroupEntry> {
    const F: Fields = strict("struct GroupEntry", &["id", "name", "members"], 0b11);
    object(r, &F, |r, g: &mut GroupEntry, i| {
        match i {
            0 => g.id = r.string()?,
            1 => g.name = r.string()?,
            _ => g.members = r.strings()?,
        }
        Ok(())
    })
}

fn practice(r: &mut Reader<'_>) -> Result<PracticeSection> {
    const F: Fields = strict("struct PracticeSection", &["accesses"], 0);
    object(r, &F, |r, p: &mut PracticeSection, _| {
        p.accesses = r.list(access)?;
        Ok(())
    })
}

/// Reads `valid_from` (`i == 0`) or `valid_until` into their places.
fn window(
    r: &mut Reader<'_>,
    i: usize,
    from: &mut Option<String>,
    until: &mut Option<String>,
) -> Result<()> {
    *if i == 0 { from } else { until } = r.opt_string()?;
    Ok(())
}

pub(crate) fn access(r: &mut Reader<'_>) -> Result<AccessEntry> {
    const F: Fields = strict(
        "struct AccessEntry",
        &[
            "secretary",
            "doctor",
            "permissions",
            "valid_from",
            "valid_until",
            "confidentiality_acknowledged",
        ],
        0b11,
    );
    object(r, &F, |r, a: &mut AccessEntry, i| {
        match i {
            0 => a.secretary = r.string()?,
            1 => a.doctor = r.string()?,
            2 => a.permissions = r.list(permission)?,
            3 | 4 => window(r, i - 3, &mut a.valid_from, &mut a.valid_until)?,
            _ => a.confidentiality_acknowledged = r.bool()?,
        }
        Ok(())
    })
}

/// The permissions of an `add_access` edit, read as an access's are in the file.
pub(crate) fn permissions(r: &mut Reader<'_>) -> Result<Vec<PermissionEntry>> {
    r.list(permission)
}

/// A permission id, or an object with `id`, `valid_from`, `valid_until`.
fn permission(r: &mut Reader<'_>) -> Result<PermissionEntry> {
    const F: Fields = strict(
        "a permission id, or an object with `id`, `valid_from`, `valid_until`",
        &["id", "valid_from", "valid_until"],
        0b1,
    );
    if r.at_string() {
        return r.string().map(PermissionEntry::Id);
    }
    object(r, &F, |r, w: &mut WindowedPermission, i| {
        match i {
            0 => w.id = r.string()?,
            _ => window(r, i - 1, &mut w.valid_from, &mut w.valid_until)?,
        }
        Ok(())
    })
    .map(PermissionEntry::Windowed)
}

fn network(r: &mut Reader<'_>) -> Result<NetworkSection> {
    const F: Fields = strict(
        "struct NetworkSection",
        &[
            "centres",
            "profiles",
            "affiliations",
            "rcps",
            "dossiers",
            "patient_objections",
        ],
        0,
    );
    object(r, &F, |r, n: &mut NetworkSection, i| {
        match i {
            0 => n.centres = r.list(centre)?,
            1 => n.profiles = r.list(profile)?,
            2 => n.affiliations = r.list(affiliation)?,
            3 => n.rcps = r.list(rcp)?,
            4 => n.dossiers = r.list(dossier)?,
            _ => n.patient_objections = r.strings()?,
        }
        Ok(())
    })
}

fn centre(r: &mut Reader<'_>) -> Result<CentreEntry> {
    const F: Fields = strict("struct CentreEntry", &["id", "name"], 0b11);
    object(r, &F, |r, c: &mut CentreEntry, i| {
        *if i == 0 { &mut c.id } else { &mut c.name } = r.string()?;
        Ok(())
    })
}

fn profile(r: &mut Reader<'_>) -> Result<ProfileEntry> {
    const F: Fields = strict(
        "struct ProfileEntry",
        &["secretary", "centre", "valid_from", "valid_until"],
        0b11,
    );
    object(r, &F, |r, p: &mut ProfileEntry, i| {
        match i {
            0 => p.secretary = r.string()?,
            1 => p.centre = r.string()?,
            _ => window(r, i - 2, &mut p.valid_from, &mut p.valid_until)?,
        }
        Ok(())
    })
}

fn affiliation(r: &mut Reader<'_>) -> Result<AffiliationEntry> {
    const F: Fields = strict(
        "struct AffiliationEntry",
        &["doctor", "secretary", "group", "valid_from", "valid_until"],
        0b1,
    );
    object(r, &F, |r, a: &mut AffiliationEntry, i| {
        match i {
            0 => a.doctor = r.string()?,
            1 => a.secretary = r.opt_string()?,
            2 => a.group = r.opt_string()?,
            _ => window(r, i - 3, &mut a.valid_from, &mut a.valid_until)?,
        }
        Ok(())
    })
}

/// The fields an RCP has in the file, in a scope and in an `add_rcp` edit.
pub(crate) const RCP_FIELDS: &[&str] = &[
    "id",
    "name",
    "centre",
    "participants",
    "animateurs",
    "responsables",
    "next_session",
];

fn rcp(r: &mut Reader<'_>) -> Result<RcpEntry> {
    const F: Fields = strict("struct RcpEntry", RCP_FIELDS, 0b111);
    rcp_as(r, &F)
}

/// An RCP, in the file or (`fields` saying which) in a scope: the same fields.
fn rcp_as(r: &mut Reader<'_>, fields: &Fields) -> Result<RcpEntry> {
    object(r, fields, |r, x: &mut RcpEntry, i| {
        match i {
            0 => x.id = r.string()?,
            1 => x.name = r.string()?,
            2 => x.centre = r.string()?,
            3 => x.participants = r.strings()?,
            4 => x.animateurs = r.strings()?,
            5 => x.responsables = r.strings()?,
            _ => x.next_session = r.opt_string()?,
        }
        Ok(())
    })
}

fn dossier(r: &mut Reader<'_>) -> Result<DossierEntry> {
    const F: Fields = strict(
        "struct DossierEntry",
        &[
            "id",
            "patient",
            "rcp",
            "demandeur",
            "session",
            "status",
            "objection",
        ],
        0b10_1111,
    );
    object(r, &F, |r, d: &mut DossierEntry, i| {
        match i {
            0 => d.id = r.string()?,
            1 => d.patient = r.string()?,
            2 => d.rcp = r.string()?,
            3 => d.demandeur = r.string()?,
            4 => d.session = r.opt_string()?,
            5 => d.status = dossier_status(r)?,
            _ => d.objection = r.bool()?,
        }
        Ok(())
    })
}

/// `secretariat-scope/1`.
pub(crate) fn scope(r: &mut Reader<'_>) -> Result<Scope> {
    const F: Fields = strict(
        "struct Scope",
        &[
            "format",
            "for",
            "from",
            "changes_at",
            "people",
            "groups",
            "accesses",
            "centres",
            "profiles",
            "affiliations",
            "rcps",
            "dossiers",
        ],
        0b1_0111,
    );
    object(r, &F, |r, s: &mut Scope, i| {
        match i {
            0 => s.format = r.string()?,
            1 => s.for_id = r.string()?,
            2 => s.from = source(r)?,
            3 => s.changes_at = r.strings()?,
            4 => s.people = r.list(scope_person)?,
            5 => s.groups = r.list(scope_group)?,
            6 => s.accesses = r.list(access)?,
            7 => s.centres = r.list(centre)?,
            8 => s.profiles = r.list(profile)?,
            9 => s.affiliations = r.list(affiliation)?,
            10 => s.rcps = r.list(scope_rcp)?,
            _ => s.dossiers = r.list(scope_dossier)?,
        }
        Ok(())
    })
}

fn source(r: &mut Reader<'_>) -> Result<Source> {
    const F: Fields = strict("struct Source", &["name", "hash"], 0b11);
    let (mut name, mut hash) = (String::new(), String::new());
    r.fields(&F, |r, i| {
        *if i == 0 { &mut name } else { &mut hash } = r.string()?;
        Ok(())
    })?;
    Ok(Source { name, hash })
}

fn scope_person(r: &mut Reader<'_>) -> Result<ScopePerson> {
    const F: Fields = strict(
        "struct ScopePerson",
        &[
            "id",
            "name",
            "category",
            "status",
            "external",
            "coordinator_of",
        ],
        0b1011,
    );
    object(r, &F, |r, p: &mut ScopePerson, i| {
        match i {
            0 => p.id = r.string()?,
            1 => p.name = r.string()?,
            2 => p.category = r.option(category)?,
            3 => p.status = status(r)?,
            4 => p.external = r.option(Reader::bool)?,
            _ => p.coordinator_of = r.strings()?,
        }
        Ok(())
    })
}

fn scope_group(r: &mut Reader<'_>) -> Result<ScopeGroup> {
    const F: Fields = strict("struct ScopeGroup", &["id", "name"], 0b11);
    object(r, &F, |r, g: &mut ScopeGroup, i| {
        *if i == 0 { &mut g.id } else { &mut g.name } = r.string()?;
        Ok(())
    })
}

fn scope_rcp(r: &mut Reader<'_>) -> Result<ScopeRcp> {
    const F: Fields = strict("struct ScopeRcp", RCP_FIELDS, 0b111);
    let x = rcp_as(r, &F)?;
    Ok(ScopeRcp {
        id: x.id,
        name: x.name,
        centre: x.centre,
        participants: x.participants,
        animateurs: x.animateurs,
        responsables: x.responsables,
        next_session: x.next_session,
    })
}

/// `[id, rcp, status, session, demandeur]`.
fn scope_dossier(r: &mut Reader<'_>) -> Result<ScopeDossier> {
    const EXPECTING: &str = "tuple struct ScopeDossier with 5 elements";
    let mut d = ScopeDossier(String::new(), 0, DossierStatus::default(), None, None);
    let mut len = 0;
    r.elements("tuple struct ScopeDossier", |r, i| {
        match i {
            0 => d.0 = r.string()?,
            1 => d.1 = r.usize()?,
            2 => d.2 = dossier_status(r)?,
            3 => d.3 = r.option(Reader::usize)?,
            4 => d.4 = r.option(Reader::usize)?,
            _ => return Err(r.trailing()),
        }
        len = i + 1;
        Ok(())
    })?;
    if len < 5 {
        return Err(r.data(format!("invalid length {len}, expected {EXPECTING}")));
    }
    Ok(d)
}

/// A decision request. Unknown fields are skipped (a corpus line may carry its `expect`).
pub(crate) fn request(r: &mut Reader<'_>) -> Result<Request> {
    const F: Fields = Fields {
        expecting: "struct Request",
        names: &["principal", "action", "resource", "now", "lang"],
        required: 0b11,
        deny_unknown: false,
    };
    object(r, &F, |r, q: &mut Request, i| {
        match i {
            0 => q.principal = r.string()?,
            1 => q.action = r.string()?,
            2 => q.resource = r.opt_string()?,
            3 => q.now = r.opt_string()?,
            _ => {
                q.lang = r.option(|r| {
                    Ok(match r.variant(&["fr", "en"])? {
                        0 => Lang::Fr,
                        _ => Lang::En,
                    })
                })?
            }
        }
        Ok(())
    })
}

impl Request {
    /// Reads a decision request from its JSON text (one line of a batch, a JS object's JSON).
    /// Unknown fields are ignored. The error is serde_json's message with its line and column.
    pub fn from_json(text: &str) -> std::result::Result<Request, crate::RequestError> {
        document(text, request).map_err(|e| {
            // A request is one line of a batch (or one object's text): "line 1" would say nothing
            // of where it stands in the batch, so a one-line request's error gives its column.
            crate::RequestError::Malformed(if e.line == 1 {
                format!("{} at column {}", e.message, e.column)
            } else {
                e.to_string()
            })
        })
    }
}

/// The core's JSON reader, lent to a host for a document of its own that carries the core's (the
/// playground's saved state and share links carry edits and an organisation file), so that the
/// host needs no second JSON reader: an object read member by member with serde's rules for a
/// struct (unknown members skipped, a repeated one refused, a missing required one named) and
/// serde_json's messages with line and column. Edits are read with [`JsonReader::changes`].
pub struct JsonReader<'r, 'a>(pub(crate) &'r mut Reader<'a>);

/// Why a host's document could not be read: serde_json's message, then `at line L column C`
/// (`Display`), as serde_json words it.
#[derive(Debug)]
pub struct JsonError(pub(crate) Box<crate::json::Error>);

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// Whether the core's reader answers `ours` where serde_json answers `serde` on purpose
    /// (docs/DECISIONS.md §31), `serde` empty when serde_json reads the text: a struct or a
    /// permission written as an array and an enum written as an object are refused here, another
    /// value where an enum's name goes is an invalid type at its path (serde: "expected value"),
    /// and a float is quoted as written. Everywhere else the two give the same message at the same
    /// line and column; the tests that compare them ask this one place for the exceptions.
    pub fn differs_by_design(ours: &str, serde: &str) -> bool {
        [
            "invalid type: sequence, expected struct",
            "invalid type: sequence, expected a permission",
            "invalid type: map, expected `",
            "invalid type: map, expected one of `",
        ]
        .iter()
        .any(|p| ours.starts_with(p))
            || (ours.starts_with("invalid type: ") && serde.starts_with("expected value"))
            || ours.contains("floating point")
            || serde.contains("floating point")
    }
}

impl JsonReader<'_, '_> {
    /// Reads `text`, a JSON object and nothing else, as serde reads a struct named `expecting`
    /// (`struct Link`) with fields `names`, of which those whose bit is set in `required` (bit `i`
    /// for `names[i]`) must be there: `each(reader, i)` reads the value of `names[i]`.
    pub fn object(
        text: &str,
        expecting: &'static str,
        names: &'static [&'static str],
        required: u32,
        each: &mut dyn FnMut(&mut JsonReader<'_, '_>, usize) -> std::result::Result<(), JsonError>,
    ) -> std::result::Result<(), JsonError> {
        let fields = Fields {
            expecting,
            names,
            required,
            deny_unknown: false,
        };
        document(text, |r| {
            r.fields(&fields, |r, i| each(&mut JsonReader(r), i).map_err(|e| e.0))
        })
        .map_err(JsonError)
    }

    /// A string.
    pub fn string(&mut self) -> std::result::Result<String, JsonError> {
        self.0.string().map_err(JsonError)
    }

    /// A string, or `null` (absent).
    pub fn opt_string(&mut self) -> std::result::Result<Option<String>, JsonError> {
        self.0.opt_string().map_err(JsonError)
    }

    /// `true` or `false`.
    pub fn bool(&mut self) -> std::result::Result<bool, JsonError> {
        self.0.bool().map_err(JsonError)
    }

    /// A unit variant written as its name (serde's `"snake_case"`): its position in `names`.
    pub fn variant(&mut self, names: &[&str]) -> std::result::Result<usize, JsonError> {
        self.0.variant(names).map_err(JsonError)
    }

    /// Any JSON value, kept as its text (serde_json's `RawValue`).
    pub fn raw(&mut self) -> std::result::Result<String, JsonError> {
        self.0.raw().map(str::to_owned).map_err(JsonError)
    }
}

/// The reader against serde_json, on the fixtures and on many mutations of them: the same value,
/// or the same message at the same line and column (except where this reader is stricter or
/// clearer on purpose: a struct written as an array, an enum that is not a string).
#[cfg(test)]
mod tests {
    #![expect(clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

    use super::*;

    fn same<T: PartialEq + std::fmt::Debug + serde::de::DeserializeOwned>(
        text: &str,
        read: fn(&mut Reader<'_>) -> Result<T>,
    ) -> bool {
        let ours = document(text, read);
        let theirs = serde_json::from_str::<T>(text);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(a), Err(b)) => {
                let b = b.to_string();
                if !JsonError::differs_by_design(&a.message, &b) {
                    assert_eq!(a.to_string(), b, "{text}");
                }
            }
            (Ok(_), Err(b)) => panic!("{text}: serde_json refuses ({b}), the reader reads"),
            (Err(a), Ok(_)) => {
                // A struct written as an array, read positionally by serde: refused here.
                let t = text.trim_start();
                assert!(
                    JsonError::differs_by_design(&a.message, ""),
                    "{t}: the reader refuses ({a}), serde_json reads"
                )
            }
        }
        true
    }

    /// Every single-byte deletion, and a few replacements, of `text`.
    fn mutations(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
            let head = text.get(..i).unwrap_or_default();
            out.push(format!("{head}{rest}"));
            if k % 3 == 0 {
                for insert in ["1", "\"", "null", "[", "{}", ",", "\\u00e9", "-", "1.5"] {
                    out.push(format!("{head}{insert}{rest}"));
                }
            }
        }
        out
    }

    fn fixtures(ext: &str) -> Vec<String> {
        let mut out = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == ext) {
                    out.push(std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        out
    }

    #[test]
    fn files_read_as_serde_json_reads_them() {
        for text in fixtures("json") {
            if text.contains("secretariat-scope/1") {
                same(&text, scope);
            } else if text.contains("secretariat-org/1") {
                same(&text, org_file);
                if text.len() < 3_000 {
                    for m in mutations(&text) {
                        same(&m, org_file);
                    }
                }
            }
        }
    }

    #[test]
    fn requests_read_as_serde_json_reads_them() {
        for text in fixtures("jsonl") {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                for m in std::iter::once(line.to_owned()).chain(mutations(line)) {
                    same(&m, request);
                }
            }
        }
    }

    #[test]
    fn deep_unknown_values_are_skipped_without_recursion() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let line = format!(r#"{{"principal":"p","action":"a","x":{deep}}}"#);
        assert!(document(&line, request).is_ok());
    }
}
