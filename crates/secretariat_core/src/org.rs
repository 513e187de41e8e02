//! The checked organisation: every reference resolved to an index, reverse indexes built once, so
//! that a decision is a handful of lookups.
//!
//! Ids (`PersonId`, `RcpId`, …) are minted by the loader for this organisation's own vectors and
//! never leave the crate, so the accessors below index without checks.

use rustc_hash::FxHashMap;

use crate::decision::Role;
use crate::file::{Category, DossierStatus, OrgFile, Status};
use crate::load::{self, LoadError};
use crate::time::{Instant, Window};

macro_rules! ids {
    ($($(#[$m:meta])* $name:ident;)*) => {$(
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) struct $name(pub(crate) u32);
        impl $name {
            pub(crate) fn ix(self) -> usize { self.0 as usize }
        }
    )*};
}

ids! {
    /// A person (doctor, secretary, coordinator).
    PersonId;
    /// A secretary group.
    GroupId;
    /// A 3C centre.
    CentreId;
    /// A tumour board.
    RcpId;
    /// An RCP passage.
    DossierId;
    /// A practice access.
    AccessId;
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
    pub category: Category,
    pub status: Status,
    pub external: bool,
    pub rpps: Option<String>,
    pub coordinator_of: Vec<CentreId>,
    /// As a secretary: her practice accesses.
    pub accesses: Vec<AccessId>,
    /// As a secretary: her "secrétaire médecin" profiles (index into `profiles`).
    pub profiles: Vec<usize>,
    /// As a secretary: her doctors, directly or through a group (one entry per affiliation).
    pub doctors: Vec<DoctorLink>,
    /// As a doctor: the secretaries affiliated to him (one entry per person per affiliation).
    pub secretaries: Vec<SecretaryLink>,
    /// As a doctor: the RCPs where he holds a role.
    pub rcps: Vec<RcpId>,
    /// As a member: her groups.
    pub groups: Vec<GroupId>,
    /// As an RCP responsable.
    pub responsable_of: Vec<RcpId>,
    /// As a doctor: the dossiers he is demandeur of.
    pub requested: Vec<DossierId>,
}

/// One of her doctors, and how: directly or through a group.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DoctorLink {
    pub doctor: PersonId,
    pub via: Option<GroupId>,
    pub window: Window,
}

/// One secretary of a doctor, and how.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SecretaryLink {
    pub secretary: PersonId,
    pub via: Option<GroupId>,
    pub window: Window,
}

#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub id: String,
    pub name: String,
    pub members: Vec<PersonId>,
}

#[derive(Clone, Debug)]
pub(crate) struct Access {
    /// Position in `practice.accesses`.
    pub entry: usize,
    pub secretary: PersonId,
    pub doctor: PersonId,
    pub window: Window,
    /// Per permission (by `Permission::index`): granted, with its own window.
    pub grants: [Option<Window>; 15],
    pub confidentiality_acknowledged: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Centre {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub(crate) struct Profile {
    /// Position in `network.profiles`.
    pub entry: usize,
    pub secretary: PersonId,
    pub centre: CentreId,
    pub window: Window,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Link {
    Secretary(PersonId),
    Group(GroupId),
}

#[derive(Clone, Debug)]
pub(crate) struct Affiliation {
    /// Position in `network.affiliations`.
    pub entry: usize,
    pub doctor: PersonId,
    pub target: Link,
    pub window: Window,
}

/// A doctor's roles in one RCP.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    pub participant: bool,
    pub animateur: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Rcp {
    pub id: String,
    pub name: String,
    pub centre: CentreId,
    pub next_session: Option<Instant>,
    pub participants: Vec<PersonId>,
    pub animateurs: Vec<PersonId>,
    pub responsables: Vec<PersonId>,
    pub dossiers: Vec<DossierId>,
}

#[derive(Clone, Debug)]
pub(crate) struct Dossier {
    pub id: String,
    pub patient: String,
    pub rcp: RcpId,
    pub demandeur: PersonId,
    pub session: Option<Instant>,
    pub status: DossierStatus,
    pub objection: bool,
}

/// A checked, indexed organisation. Built once by [`Organisation::load`]; every decision, view,
/// finding and simulation reads it and never changes it.
#[derive(Clone, Debug)]
pub struct Organisation {
    pub(crate) people: Vec<Person>,
    pub(crate) groups: Vec<Group>,
    pub(crate) centres: Vec<Centre>,
    pub(crate) rcps: Vec<Rcp>,
    pub(crate) dossiers: Vec<Dossier>,
    pub(crate) accesses: Vec<Access>,
    pub(crate) profiles: Vec<Profile>,
    pub(crate) affiliations: Vec<Affiliation>,
    pub(crate) person_ids: FxHashMap<Box<str>, u32>,
    pub(crate) group_ids: FxHashMap<Box<str>, u32>,
    pub(crate) centre_ids: FxHashMap<Box<str>, u32>,
    pub(crate) rcp_ids: FxHashMap<Box<str>, u32>,
    pub(crate) dossier_ids: FxHashMap<Box<str>, u32>,
    pub(crate) access_by_pair: FxHashMap<(PersonId, PersonId), AccessId>,
    /// The file as loaded, for export and simulation.
    pub(crate) file: OrgFile,
    /// Distinguishes organisations, so that a handle resolved on one is never used on another.
    pub(crate) stamp: u32,
}

/// The next organisation's stamp.
pub(crate) fn next_stamp() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Organisation {
    /// Loads an organisation from JSON text: parse, check, index. Reports every problem at once.
    pub fn load(json: &str) -> Result<Organisation, LoadError> {
        load::check(load::parse_file(json)?)
    }

    /// Loads an organisation from an already-parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Organisation, LoadError> {
        load::check(load::parse_value(value)?)
    }

    /// Checks and indexes an organisation file held in memory.
    pub fn from_file(file: OrgFile) -> Result<Organisation, LoadError> {
        load::check_format(&file.format)?;
        load::check(file)
    }

    /// The organisation file as loaded (ids and order as written).
    pub fn file(&self) -> &OrgFile {
        &self.file
    }

    /// The organisation file as pretty JSON, ready to save.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file).unwrap_or_default()
    }

    /// The organisation's display name.
    pub fn name(&self) -> &str {
        &self.file.name
    }

    pub(crate) fn index(&mut self) {
        for (i, a) in self.accesses.iter().enumerate() {
            if let Some(p) = self.people.get_mut(a.secretary.ix()) {
                p.accesses.push(AccessId(i as u32));
            }
        }
        for (i, p) in self.profiles.iter().enumerate() {
            if let Some(person) = self.people.get_mut(p.secretary.ix()) {
                person.profiles.push(i);
            }
        }
        for (gi, g) in self.groups.iter().enumerate() {
            for m in &g.members {
                if let Some(person) = self.people.get_mut(m.ix()) {
                    person.groups.push(GroupId(gi as u32));
                }
            }
        }
        for a in &self.affiliations {
            let members: Vec<(PersonId, Option<GroupId>)> = match a.target {
                Link::Secretary(s) => vec![(s, None)],
                Link::Group(g) => self
                    .groups
                    .get(g.ix())
                    .map(|g| g.members.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| (m, Some(g)))
                    .collect(),
            };
            for (s, via) in members {
                if let Some(person) = self.people.get_mut(s.ix()) {
                    person.doctors.push(DoctorLink {
                        doctor: a.doctor,
                        via,
                        window: a.window,
                    });
                }
                if let Some(doctor) = self.people.get_mut(a.doctor.ix()) {
                    doctor.secretaries.push(SecretaryLink {
                        secretary: s,
                        via,
                        window: a.window,
                    });
                }
            }
        }
        for (ri, r) in self.rcps.iter().enumerate() {
            let rcp = RcpId(ri as u32);
            for d in r.participants.iter().chain(&r.animateurs) {
                if let Some(person) = self.people.get_mut(d.ix()) {
                    if !person.rcps.contains(&rcp) {
                        person.rcps.push(rcp);
                    }
                }
            }
            for d in &r.responsables {
                if let Some(person) = self.people.get_mut(d.ix()) {
                    person.responsable_of.push(rcp);
                }
            }
        }
        for (di, d) in self.dossiers.iter().enumerate() {
            if let Some(rcp) = self.rcps.get_mut(d.rcp.ix()) {
                rcp.dossiers.push(DossierId(di as u32));
            }
            if let Some(doctor) = self.people.get_mut(d.demandeur.ix()) {
                doctor.requested.push(DossierId(di as u32));
            }
        }
    }
}

// Accessors. The ids are minted by the loader for these very vectors.
#[expect(
    clippy::indexing_slicing,
    reason = "ids are minted by the loader for this organisation's own vectors and never leave the crate"
)]
impl Organisation {
    pub(crate) fn person(&self, id: PersonId) -> &Person {
        &self.people[id.ix()]
    }
    pub(crate) fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.ix()]
    }
    pub(crate) fn centre(&self, id: CentreId) -> &Centre {
        &self.centres[id.ix()]
    }
    pub(crate) fn rcp(&self, id: RcpId) -> &Rcp {
        &self.rcps[id.ix()]
    }
    pub(crate) fn dossier(&self, id: DossierId) -> &Dossier {
        &self.dossiers[id.ix()]
    }
    pub(crate) fn access(&self, id: AccessId) -> &Access {
        &self.accesses[id.ix()]
    }
    pub(crate) fn profile(&self, ix: usize) -> &Profile {
        &self.profiles[ix]
    }
}

// Look-ups by the file's ids.
impl Organisation {
    pub(crate) fn person_id(&self, id: &str) -> Option<PersonId> {
        self.person_ids.get(id).map(|&i| PersonId(i))
    }
    pub(crate) fn group_id(&self, id: &str) -> Option<GroupId> {
        self.group_ids.get(id).map(|&i| GroupId(i))
    }
    pub(crate) fn centre_id(&self, id: &str) -> Option<CentreId> {
        self.centre_ids.get(id).map(|&i| CentreId(i))
    }
    pub(crate) fn rcp_id(&self, id: &str) -> Option<RcpId> {
        self.rcp_ids.get(id).map(|&i| RcpId(i))
    }
    pub(crate) fn dossier_id(&self, id: &str) -> Option<DossierId> {
        self.dossier_ids.get(id).map(|&i| DossierId(i))
    }
    /// A doctor's roles in one RCP, read from the RCP's own lists (a dozen entries, one or two
    /// cache lines) rather than a global map.
    pub(crate) fn roles(&self, rcp: RcpId, doctor: PersonId) -> Roles {
        Roles {
            participant: self.holders(rcp, Role::Participant).contains(&doctor),
            animateur: self.holders(rcp, Role::Animateur).contains(&doctor),
        }
    }
    /// The doctors who hold `role` in `rcp`.
    pub(crate) fn holders(&self, rcp: RcpId, role: Role) -> &[PersonId] {
        self.rcps.get(rcp.0 as usize).map_or(&[], |r| match role {
            Role::Participant => &r.participants,
            Role::Animateur => &r.animateurs,
        })
    }
    pub(crate) fn person_ids(&self) -> impl Iterator<Item = PersonId> + '_ {
        (0..self.people.len() as u32).map(PersonId)
    }
    pub(crate) fn centre_ids(&self) -> impl Iterator<Item = CentreId> + '_ {
        (0..self.centres.len() as u32).map(CentreId)
    }
}

impl Person {
    pub(crate) fn is_active(&self) -> bool {
        self.status == Status::Active
    }
}
