//! Her scope (`secretariat-scope/1`, docs/SCOPE.md): the part of an organisation that decides the
//! requests of one principal, at any `now`, and nothing else — what a front end sends to her
//! browser instead of the whole file (no patient id, no RPPS, no other secretary).
//!
//! [`Organisation::scope`] cuts it from the indexes in time proportional to what she sees; it loads
//! back through [`Organisation::load`] like any organisation file, into an [`Organisation`] that
//! answers her requests as the full file does. A request of anyone else is an error; a resource the
//! scope does not hold is a plain deny (docs/DECISIONS.md §20–25).

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::file::{
    self, AccessEntry, AffiliationEntry, Category, CentreEntry, DossierStatus, ProfileEntry, Status,
};
use crate::org::{CentreId, DossierId, GroupId, Link, Organisation, PersonId, RcpId, Source};
use crate::time::{Instant, Window};

/// The format tag of a scope document.
pub const SCOPE_FORMAT: &str = "secretariat-scope/1";

/// A scope document: what decides the requests of one principal (`for`) at any `now`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Always `secretariat-scope/1`.
    pub format: String,
    /// The person whose requests it answers (her id in the organisation).
    #[serde(rename = "for")]
    pub for_id: String,
    /// The organisation it was cut from.
    pub from: Source,
    /// Every instant at which an answer from this scope may change, ascending: a window opens
    /// (`valid_from`), closes (just after `valid_until`), or a séance date passes. Decisions stay
    /// right across them (windows are kept, not resolved); a host re-gates at the next one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_at: Vec<String>,
    /// Her record first (as in the file, without RPPS), then the doctors it names (id, name,
    /// status).
    pub people: Vec<ScopePerson>,
    /// The groups her affiliations go through (id and name; she is their only member here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ScopeGroup>,
    /// Her practice accesses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accesses: Vec<AccessEntry>,
    /// The centres named by her profiles, her RCPs, and the centres she coordinates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub centres: Vec<CentreEntry>,
    /// Her "secrétaire médecin" profiles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<ProfileEntry>,
    /// Her affiliations, direct or through a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<AffiliationEntry>,
    /// RCPs where one of her doctors holds a role (with her doctors' roles only), RCPs of her
    /// dossiers, and the RCPs she oversees for D8 (with every doctor sitting there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rcps: Vec<ScopeRcp>,
    /// The dossiers she may see or act on at some `now`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dossiers: Vec<ScopeDossier>,
}

/// A person in a scope: her own record, or a doctor it names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopePerson {
    /// Id in the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Directory category: hers only (a doctor's decides nothing of her requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Account status.
    pub status: Status,
    /// Hers: external secretary or third-party provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<bool>,
    /// Hers: centres she coordinates (D8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinator_of: Vec<String>,
}

/// A group her affiliations go through, without its member list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeGroup {
    /// Id in the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// An RCP in a scope: as in the file, with only the roles that decide her requests, and empty
/// lists left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeRcp {
    /// Id in the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Centre id.
    pub centre: String,
    /// Her doctors who are participants (every participant in an RCP she oversees, D8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Her doctors who are animateurs (every animateur in an RCP she oversees, D8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub animateurs: Vec<String>,
    /// Herself, when she is a responsable of it (D8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsables: Vec<String>,
    /// Next séance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_session: Option<String>,
}

/// A dossier in a scope, as one row (hundreds of them make most of a scope, so each is short):
/// `[id, rcp, status, session, demandeur]` where `rcp` is a position in the scope's `rcps`,
/// `session` a position in its `changes_at` (or `null`), and `demandeur` a position in its `people`
/// when he is one of her doctors (else `null`). No patient id; a dossier whose patient objects to
/// the secretariat is never in a scope (she can never see it, docs/DECISIONS.md §20).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeDossier(
    /// Id in the organisation.
    pub String,
    /// Position of its RCP in `rcps`.
    pub usize,
    /// Status.
    pub DossierStatus,
    /// Position of its séance date in `changes_at`.
    pub Option<usize>,
    /// Position of its demandeur in `people`, when he is one of her doctors.
    pub Option<usize>,
);

impl ScopeDossier {
    /// Its id.
    pub fn id(&self) -> &str {
        &self.0
    }
    /// Whether the scope names its demandeur.
    pub fn names_demandeur(&self) -> bool {
        self.4.is_some()
    }
}

/// A scope could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeError {
    /// No person has this id.
    UnknownPerson(String),
    /// This organisation is itself a scope, for someone else.
    OtherPrincipal {
        /// Whom the loaded scope is for.
        scope_for: String,
        /// Whom a scope was asked for.
        asked: String,
    },
    /// This organisation is a scope, and `command` needs the whole organisation file.
    NotWhole {
        /// Whom the loaded scope is for.
        scope_for: String,
        /// What was asked of it (`lint`, `findings`…).
        command: String,
    },
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeError::UnknownPerson(id) => {
                write!(f, "unknown person `{id}` in this organisation")
            }
            ScopeError::OtherPrincipal { scope_for, asked } => {
                write!(f, "this scope is for `{scope_for}`, not `{asked}`")
            }
            ScopeError::NotWhole { scope_for, command } => write!(
                f,
                "the scope of `{scope_for}` (secretariat-scope/1) answers `decide`, `view` and \
                 `explain`; `{command}` needs the organisation file"
            ),
        }
    }
}

impl std::error::Error for ScopeError {}

/// JSON text of the organisation file or a scope, compact or pretty.
///
/// Infallible by construction, so it returns the text and not a `Result`: serde_json fails only on
/// a map whose keys are not strings, a `Serialize` impl that returns an error, or a writer that
/// does; `OrgFile` and `Scope` are derived structs and enums of strings, numbers, booleans,
/// options and vectors (no map, no hand-written `Serialize`), and the writer is a `String`. The
/// corpus, `tests/scope.rs` and `tests/properties.rs` read back what it writes. The error that
/// cannot happen is not turned into an empty text: it would stop here, loudly. (`ok()` first: the
/// error's `Debug` text would cost the `.wasm` more than a kilobyte for a line that never runs.)
#[expect(
    clippy::expect_used,
    clippy::ok_expect,
    reason = "infallible by construction: see the doc comment"
)]
fn json_text(value: &impl Serialize, pretty: bool) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.ok()
        .expect("the file and scope types serialise without error")
}

impl Scope {
    /// Compact JSON: what a host sends. Never fails (see `json_text`).
    pub fn to_json(&self) -> String {
        json_text(self, false)
    }

    /// Pretty JSON, for people. Never fails (see `json_text`).
    pub fn to_json_pretty(&self) -> String {
        json_text(self, true)
    }

    /// The first instant strictly after `now` at which an answer may change (`changes_at`).
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        self.changes_at
            .iter()
            .filter_map(|t| Instant::parse(t))
            .find(|&t| t > now)
    }
}

/// SHA-256, written to by serde_json: the file's content hash without holding its text.
struct Hasher(Sha256);

impl std::io::Write for Hasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Collects ids in a small sorted set (file order once sorted).
fn insert<T: Ord + Copy>(set: &mut Vec<T>, x: T) {
    if let Err(at) = set.binary_search(&x) {
        set.insert(at, x);
    }
}

fn push_window(out: &mut Vec<Instant>, w: Window) {
    out.extend(w.from);
    out.extend(
        w.until
            .map(|u| Instant::from_millis(u.millis().saturating_add(1))),
    );
}

impl Organisation {
    /// Whom this organisation answers for, when it was loaded from a scope.
    pub fn scope_for(&self) -> Option<&str> {
        self.scope.as_deref().map(|h| h.for_id.as_str())
    }

    /// This organisation, for a `command` that needs all of it — findings, a simulation, a report,
    /// an export: a scope refuses ([`ScopeError::NotWhole`]), since it holds only what decides her
    /// requests and would answer the rest wrong (no findings, no RPPS, unknown people).
    pub fn whole(&self, command: &str) -> Result<&Organisation, ScopeError> {
        match self.scope_for() {
            Some(scope_for) => Err(ScopeError::NotWhole {
                scope_for: scope_for.to_owned(),
                command: command.to_owned(),
            }),
            None => Ok(self),
        }
    }

    /// The organisation file as pretty JSON, ready to save (a scope as its scope document). Never
    /// fails: the file's types serialise infallibly (`json_text`), and a scope is loaded only when
    /// its principal is among its people, so her scope can always be cut again.
    #[expect(
        clippy::expect_used,
        clippy::ok_expect,
        reason = "the loader refuses a scope whose principal is not among its people"
    )]
    pub fn to_json(&self) -> String {
        match &self.scope {
            Some(header) => self
                .scope(&header.for_id)
                .ok()
                .expect("a loaded scope's principal is among its people")
                .to_json_pretty(),
            None => json_text(&self.file, true),
        }
    }

    /// The content hash that names this organisation — in a scope's `from`, a trainer's scenario
    /// file, a share link: SHA-256 of its compact JSON (the file as loaded, so white space and key
    /// order in the original do not matter), 64 hex digits. Computed once; a scope keeps the hash
    /// of the file it was cut from.
    pub fn content_hash(&self) -> &str {
        if let Some(h) = &self.scope {
            return &h.from.hash;
        }
        self.hash.get_or_init(|| {
            let mut hasher = Hasher(Sha256::new());
            // Cannot fail: the file serialises infallibly (`json_text`), and so does the hasher.
            let _ = serde_json::to_writer(&mut hasher, &self.file);
            hasher
                .0
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
    }

    /// Her scope: everything that decides requests whose principal is `id`, at any `now`, and
    /// nothing else (docs/SCOPE.md). Errors on an unknown person, or on a scope for someone else.
    pub fn scope(&self, id: &str) -> Result<Scope, ScopeError> {
        if let Some(h) = &self.scope {
            if h.for_id != id {
                return Err(ScopeError::OtherPrincipal {
                    scope_for: h.for_id.clone(),
                    asked: id.to_owned(),
                });
            }
        }
        let s = self
            .person_id(id)
            .ok_or_else(|| ScopeError::UnknownPerson(id.to_owned()))?;
        let me = self.person(s);
        let empty = file::NetworkSection::default();
        let network = self.file.network.as_ref().unwrap_or(&empty);
        let mut changes: Vec<Instant> = Vec::new();

        // Practice: her accesses, and their doctors.
        let mut accesses = Vec::with_capacity(me.accesses.len());
        let mut others: Vec<PersonId> = Vec::new();
        for &a in &me.accesses {
            let access = self.access(a);
            push_window(&mut changes, access.window);
            for w in access.grants.iter().flatten() {
                push_window(&mut changes, *w);
            }
            if let Some(entry) = self
                .file
                .practice
                .as_ref()
                .and_then(|p| p.accesses.get(access.entry))
            {
                accesses.push(AccessEntry {
                    confidentiality_acknowledged: false,
                    ..entry.clone()
                });
            }
            insert(&mut others, access.doctor);
        }

        // Network: her profiles, her affiliations (and the groups they go through), her doctors.
        let mut centres: Vec<CentreId> = me.coordinator_of.clone();
        crate::sorted::sort(&mut centres);
        centres.dedup();
        let mut profiles = Vec::with_capacity(me.profiles.len());
        for &i in &me.profiles {
            let p = self.profile(i);
            push_window(&mut changes, p.window);
            insert(&mut centres, p.centre);
            profiles.extend(network.profiles.get(p.entry).cloned());
        }
        let mut doctors: Vec<PersonId> = Vec::new();
        let mut groups: Vec<GroupId> = Vec::new();
        let mut affiliations = Vec::new();
        for link in self.doctor_links(s) {
            push_window(&mut changes, link.window);
            insert(&mut doctors, link.doctor);
            let Some(a) = self.affiliations.get(link.affiliation) else {
                continue;
            };
            if let Some(entry) = network.affiliations.get(a.entry) {
                affiliations.push(entry.clone());
            }
            if let Link::Group(g) = a.target {
                insert(&mut groups, g);
            }
        }

        // RCPs where one of her doctors holds a role; the dossiers she may see at some date: all
        // those of an RCP where one of her active doctors is animateur (D3), and those her active
        // doctors requested (D2, D5) — in a centre where she holds a profile, without objection.
        let mut rcps: Vec<RcpId> = Vec::new();
        let mut dossiers: Vec<DossierId> = Vec::new();
        let profiled = |r: RcpId| {
            let centre = self.rcp(r).centre;
            me.profiles
                .iter()
                .any(|&i| self.profile(i).centre == centre)
        };
        let visible = |x: DossierId, dossiers: &mut Vec<DossierId>| {
            let d = self.dossier(x);
            if !d.objection && profiled(d.rcp) {
                dossiers.push(x);
            }
        };
        for &d in &doctors {
            let active = self.person(d).is_active();
            for &r in &self.person(d).rcps {
                insert(&mut rcps, r);
                if active && self.roles(r, d).animateur {
                    for &x in &self.rcp(r).dossiers {
                        visible(x, &mut dossiers);
                    }
                }
            }
            if active {
                for &x in &self.person(d).requested {
                    visible(x, &mut dossiers);
                }
            }
        }
        // Sorted once (a déroulement may hold thousands of dossiers): file order, no duplicates.
        crate::sorted::sort(&mut dossiers);
        dossiers.dedup();
        for &x in &dossiers {
            insert(&mut rcps, self.dossier(x).rcp);
        }
        // D8: the RCPs she oversees, as coordinator of their centre or as responsable.
        let mut overseen: Vec<RcpId> = me.responsable_of.clone();
        if !me.coordinator_of.is_empty() {
            overseen.extend(
                (0..self.rcps.len() as u32)
                    .map(RcpId)
                    .filter(|&r| me.coordinator_of.contains(&self.rcp(r).centre)),
            );
        }
        crate::sorted::sort(&mut overseen);
        overseen.dedup();
        for &r in &overseen {
            insert(&mut rcps, r);
            let rcp = self.rcp(r);
            for &d in rcp.participants.iter().chain(&rcp.animateurs) {
                insert(&mut others, d);
            }
        }
        for &d in &doctors {
            insert(&mut others, d);
        }
        let name = |p: PersonId| self.person(p).id.clone();
        let rcp_entries: Vec<ScopeRcp> = rcps
            .iter()
            .map(|&r| {
                let rcp = self.rcp(r);
                insert(&mut centres, rcp.centre);
                let everyone = overseen.binary_search(&r).is_ok();
                let keep = |list: &[PersonId]| -> Vec<String> {
                    list.iter()
                        .filter(|&&d| everyone || doctors.binary_search(&d).is_ok())
                        .map(|&d| name(d))
                        .collect()
                };
                let entry = self.rcp_entry(r);
                ScopeRcp {
                    id: entry.id.clone(),
                    name: entry.name.clone(),
                    centre: self.centre(rcp.centre).id.clone(),
                    participants: keep(&rcp.participants),
                    animateurs: keep(&rcp.animateurs),
                    responsables: if rcp.responsables.contains(&s) {
                        vec![me.id.clone()]
                    } else {
                        Vec::new()
                    },
                    next_session: network
                        .rcps
                        .get(r.ix())
                        .and_then(|e| e.next_session.clone()),
                }
            })
            .collect();
        let mut people = Vec::with_capacity(others.len() + 1);
        people.push(ScopePerson {
            id: me.id.clone(),
            name: me.name.clone(),
            category: Some(me.category),
            status: me.status,
            external: me.external.then_some(true),
            coordinator_of: me
                .coordinator_of
                .iter()
                .map(|&c| self.centre(c).id.clone())
                .collect(),
        });
        others.retain(|&p| p != s);
        people.extend(others.iter().map(|&p| {
            let x = self.person(p);
            ScopePerson {
                id: x.id.clone(),
                name: x.name.clone(),
                category: None,
                status: x.status,
                external: None,
                coordinator_of: Vec::new(),
            }
        }));
        // Séances are instants of `changes_at`, and demandeurs people of the scope: rows refer to them.
        for &r in &rcps {
            changes.extend(self.rcp(r).next_session);
        }
        for &x in &dossiers {
            changes.extend(self.dossier(x).session);
        }
        crate::sorted::sort(&mut changes);
        changes.dedup();
        let rows: Vec<ScopeDossier> = dossiers
            .iter()
            .map(|&x| {
                let d = self.dossier(x);
                let position = |p: PersonId| match p == s {
                    true => Some(0),
                    false => others.binary_search(&p).ok().map(|k| k + 1),
                };
                ScopeDossier(
                    d.id.clone(),
                    rcps.binary_search(&d.rcp).unwrap_or_default(),
                    d.status,
                    d.session.and_then(|t| changes.binary_search(&t).ok()),
                    d.demandeur
                        .filter(|p| doctors.binary_search(p).is_ok())
                        .and_then(position),
                )
            })
            .collect();
        Ok(Scope {
            format: SCOPE_FORMAT.to_owned(),
            for_id: me.id.clone(),
            from: Source {
                name: self.file.name.clone(),
                hash: self.content_hash().to_owned(),
            },
            changes_at: changes.iter().map(Instant::to_string).collect(),
            people,
            groups: groups
                .iter()
                .map(|&g| ScopeGroup {
                    id: self.group(g).id.clone(),
                    name: self.group(g).name.clone(),
                })
                .collect(),
            accesses,
            centres: centres
                .iter()
                .map(|&c| CentreEntry {
                    id: self.centre(c).id.clone(),
                    name: self.centre(c).name.clone(),
                })
                .collect(),
            profiles,
            affiliations,
            rcps: rcp_entries,
            dossiers: rows,
        })
    }
}
