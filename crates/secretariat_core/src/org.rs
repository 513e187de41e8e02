//! The checked organisation: every reference resolved to an index, reverse indexes built once, so
//! that a decision is a handful of lookups.
//!
//! Ids (`PersonId`, `RcpId`, …) are minted by the loader for this organisation's own vectors and
//! never leave the crate, so the accessors below index without checks.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::file::{Category, DossierStatus, OrgFile, RcpEntry, Status};
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
    /// As a secretary: the affiliations naming her directly (index into `affiliations`, file
    /// order). Those through her groups are the groups' own: membership is never copied per doctor
    /// ([`Organisation::doctor_links`]).
    pub affiliations: Vec<u32>,
    /// As a secretary: bit `id % 64` ([`mask_bit`]) set for each doctor her affiliations or her
    /// groups' name, whatever their windows. Tested against an RCP's role masks before her
    /// doctors are walked: most RCPs hold none of them in the role asked.
    pub doctor_mask: u64,
    /// As a doctor: his affiliations (index into `affiliations`, file order).
    pub affiliated: Vec<u32>,
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
    /// The affiliation (index into `affiliations`).
    pub affiliation: usize,
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
    /// The affiliations naming this group (index into `affiliations`, file order).
    pub affiliations: Vec<u32>,
    /// Bit `id % 64` set for each doctor its affiliations name ([`Person::doctor_mask`]).
    pub doctor_mask: u64,
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

impl Link {
    /// One number for either kind: a group's id with the high bit set (ids stay below
    /// `MAX_ENTRIES`, far under 2³¹).
    pub(crate) fn key(self) -> u32 {
        match self {
            Link::Secretary(s) => s.0,
            Link::Group(g) => g.0 | 1 << 31,
        }
    }
}

/// The one map type of the engine's pairs and sets of ids: two 32-bit ids as one key ([`pair`]).
/// One key type, one copy of the hash table's code (each distinct map type costs its own in the
/// `.wasm`).
pub(crate) type PairMap = FxHashMap<u64, u32>;

/// Two 32-bit ids as one [`PairMap`] key.
pub(crate) fn pair(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Roles {
    pub participant: bool,
    pub animateur: bool,
}

/// An RCP's roles and dossiers; its id and name are read from the file ([`Organisation::rcp_entry`]),
/// not copied: a file may hold hundreds of thousands of RCPs.
#[derive(Clone, Debug)]
pub(crate) struct Rcp {
    pub centre: CentreId,
    pub next_session: Option<Instant>,
    pub participants: Vec<PersonId>,
    pub animateurs: Vec<PersonId>,
    pub responsables: Vec<PersonId>,
    /// Each doctor holding a role here (participant, animateur or both), once, sorted by id: a
    /// role is a binary search on the RCP the decision reads anyway, bounded by the RCP's size.
    pub roles: Vec<(PersonId, Roles)>,
    /// Bit `id % 64` ([`mask_bit`]) set for each doctor of `roles`: most of her doctors hold no
    /// role in a given RCP, and this answers so without searching.
    pub role_mask: u64,
    /// The same for the animateurs alone: a question about the animateur role (a dossier, a
    /// session) passes over the participants.
    pub animateur_mask: u64,
    pub dossiers: Vec<DossierId>,
}

#[derive(Clone, Debug)]
pub(crate) struct Dossier {
    pub id: String,
    pub patient: String,
    pub rcp: RcpId,
    /// `None` only in a scope, where the demandeur is not one of her doctors.
    pub demandeur: Option<PersonId>,
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
    /// Each practice access by (secretary, doctor) ([`pair`]).
    pub(crate) access_by_pair: PairMap,
    /// The file as loaded, for export and simulation.
    pub(crate) file: OrgFile,
    /// Distinguishes organisations, so that a handle resolved on one is never used on another.
    pub(crate) stamp: u32,
    /// Loaded from a `secretariat-scope/1` document: whom it is for, and what it was made from.
    pub(crate) scope: Option<Box<ScopeHeader>>,
    /// The content hash of the file, computed the first time it is asked for.
    pub(crate) hash: std::sync::OnceLock<String>,
}

/// What a scope was cut from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The organisation's name.
    pub name: String,
    /// Content hash of the organisation file (SHA-256 of its compact JSON, 64 hex digits, as
    /// [`Organisation::content_hash`]): two scopes cut from the same file carry the same hash.
    pub hash: String,
}

/// What an organisation loaded from a scope keeps of its header: whom it answers for, and the
/// file it was cut from.
#[derive(Clone, Debug)]
pub(crate) struct ScopeHeader {
    pub for_id: String,
    pub from: Source,
}

/// The next organisation's stamp.
pub(crate) fn next_stamp() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Organisation {
    /// The organisation file as loaded (ids and order as written).
    pub fn file(&self) -> &OrgFile {
        &self.file
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
        for (ai, a) in self.affiliations.iter().enumerate() {
            let ai = ai as u32;
            if let Some(doctor) = self.people.get_mut(a.doctor.ix()) {
                doctor.affiliated.push(ai);
            }
            match a.target {
                Link::Secretary(s) => {
                    if let Some(person) = self.people.get_mut(s.ix()) {
                        person.affiliations.push(ai);
                        person.doctor_mask |= mask_bit(a.doctor);
                    }
                }
                Link::Group(g) => {
                    if let Some(group) = self.groups.get_mut(g.ix()) {
                        group.affiliations.push(ai);
                        group.doctor_mask |= mask_bit(a.doctor);
                    }
                }
            }
        }
        let groups = &self.groups;
        for person in &mut self.people {
            for g in &person.groups {
                person.doctor_mask |= groups.get(g.ix()).map_or(0, |g| g.doctor_mask);
            }
        }
        for (ri, r) in self.rcps.iter().enumerate() {
            let rcp = RcpId(ri as u32);
            // Each list holds a doctor once (checked on load): one both participant and
            // animateur is listed once, through his participation.
            let animateurs_only = r.animateurs.iter().filter(|&&d| !r.roles_of(d).participant);
            for d in r.participants.iter().chain(animateurs_only) {
                if let Some(person) = self.people.get_mut(d.ix()) {
                    person.rcps.push(rcp);
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
            if let Some(doctor) = d.demandeur.and_then(|p| self.people.get_mut(p.ix())) {
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
    /// The RCP as the file writes it (id, name): the loader makes one `Rcp` per entry, in order.
    pub(crate) fn rcp_entry(&self, id: RcpId) -> &RcpEntry {
        &self.file.network.as_ref().map_or(&[][..], |n| &n.rcps)[id.ix()]
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
    /// Her practice access to this doctor's account, if any.
    pub(crate) fn access_between(&self, secretary: PersonId, doctor: PersonId) -> Option<AccessId> {
        self.access_by_pair
            .get(&pair(secretary.0, doctor.0))
            .map(|&a| AccessId(a))
    }
    pub(crate) fn roles(&self, rcp: RcpId, doctor: PersonId) -> Roles {
        self.rcp(rcp).roles_of(doctor)
    }
    pub(crate) fn person_ids(&self) -> impl Iterator<Item = PersonId> + '_ {
        (0..self.people.len() as u32).map(PersonId)
    }
    pub(crate) fn centre_ids(&self) -> impl Iterator<Item = CentreId> + '_ {
        (0..self.centres.len() as u32).map(CentreId)
    }
}

// Affiliations, through groups resolved when asked: a group of thousands affiliated to thousands of
// doctors costs its members and its affiliations, never their product.
impl Organisation {
    /// Her doctors as affiliations name them (whatever their windows and statuses), directly or
    /// through her groups, in the file's order of affiliations. Each list (hers, then each group's)
    /// is already in file order: they are merged as they are read, without allocating, unless she
    /// belongs to more than [`MERGED_INLINE`] groups that have affiliations.
    pub(crate) fn doctor_links(&self, s: PersonId) -> impl Iterator<Item = DoctorLink> + '_ {
        let p = self.person(s);
        let mut lists = [(&[][..], None); MERGED_INLINE + 1];
        if let Some(first) = lists.first_mut() {
            *first = (p.affiliations.as_slice(), None);
        }
        let mut merged = Merged::Inline { lists, len: 1 };
        for &g in &p.groups {
            let list = self.group(g).affiliations.as_slice();
            if list.is_empty() {
                continue;
            }
            match &mut merged {
                Merged::Inline { lists, len } if *len <= MERGED_INLINE => {
                    if let Some(slot) = lists.get_mut(*len) {
                        *slot = (list, Some(g));
                    }
                    *len += 1;
                }
                _ => {
                    merged = Merged::Sorted(self.sorted_links(p));
                    break;
                }
            }
        }
        merged.filter_map(move |(ix, via)| {
            let a = self.affiliations.get(ix as usize)?;
            Some(DoctorLink {
                doctor: a.doctor,
                affiliation: ix as usize,
                via,
                window: a.window,
            })
        })
    }

    /// Her affiliations and her groups', sorted into one list: for a member of many groups.
    fn sorted_links(&self, p: &Person) -> std::vec::IntoIter<(u32, Option<GroupId>)> {
        let mut merged: Vec<(u32, Option<GroupId>)> = Vec::new();
        merged.extend(p.affiliations.iter().map(|&a| (a, None)));
        for &g in &p.groups {
            merged.extend(self.group(g).affiliations.iter().map(|&a| (a, Some(g))));
        }
        crate::sorted::sort(&mut merged);
        merged.into_iter()
    }

    /// The secretaries his affiliations name: one per affiliation naming her, one per member of a
    /// group it names, in file order.
    pub(crate) fn secretary_links(&self, d: PersonId) -> impl Iterator<Item = SecretaryLink> + '_ {
        self.person(d)
            .affiliated
            .iter()
            .filter_map(move |&a| self.affiliations.get(a as usize))
            .flat_map(move |a| {
                let (direct, members, via) = match a.target {
                    Link::Secretary(s) => (Some(s), [].as_slice(), None),
                    Link::Group(g) => (None, self.group(g).members.as_slice(), Some(g)),
                };
                direct
                    .into_iter()
                    .chain(members.iter().copied())
                    .map(move |secretary| SecretaryLink {
                        secretary,
                        via,
                        window: a.window,
                    })
            })
    }
}

/// How many of her groups' affiliation lists [`Organisation::doctor_links`] merges without
/// allocating (a secretary belongs to a handful of groups; a file may make one belong to thousands).
const MERGED_INLINE: usize = 3;

/// Affiliation lists in file order (ascending indexes), each with the group it comes through,
/// merged into one ascending sequence.
enum Merged<'a> {
    /// Up to [`MERGED_INLINE`] + 1 lists, the smallest head taken each step.
    Inline {
        lists: [(&'a [u32], Option<GroupId>); MERGED_INLINE + 1],
        len: usize,
    },
    /// More lists than that: sorted once into a vector.
    Sorted(std::vec::IntoIter<(u32, Option<GroupId>)>),
}

impl Iterator for Merged<'_> {
    type Item = (u32, Option<GroupId>);

    fn next(&mut self) -> Option<Self::Item> {
        let (lists, len) = match self {
            Merged::Sorted(it) => return it.next(),
            Merged::Inline { lists, len } => (lists, *len),
        };
        let lists = lists.get_mut(..len)?;
        let mut best: Option<(u32, Option<GroupId>, usize)> = None;
        for (i, &(list, via)) in lists.iter().enumerate() {
            if let Some(&a) = list.first() {
                if best.is_none_or(|(b, bv, _)| (a, via) < (b, bv)) {
                    best = Some((a, via, i));
                }
            }
        }
        let (a, via, i) = best?;
        if let Some((list, _)) = lists.get_mut(i) {
            *list = list.get(1..).unwrap_or_default();
        }
        Some((a, via))
    }
}

impl Rcp {
    /// The roles `doctor` holds here (none when he holds none).
    pub(crate) fn roles_of(&self, doctor: PersonId) -> Roles {
        if self.role_mask & mask_bit(doctor) == 0 {
            return Roles::default();
        }
        self.searched(doctor)
    }

    /// The roles `doctor` holds here, searched for without the masks (for a caller that tested
    /// them already).
    pub(crate) fn searched(&self, doctor: PersonId) -> Roles {
        self.roles
            .binary_search_by_key(&doctor, |&(d, _)| d)
            .ok()
            .and_then(|i| self.roles.get(i))
            .map_or_else(Roles::default, |&(_, r)| r)
    }
}

/// A doctor's bit in the masks of her doctors ([`Person::doctor_mask`]) and of an RCP's role
/// holders ([`Rcp::role_mask`], [`Rcp::animateur_mask`]).
pub(crate) fn mask_bit(doctor: PersonId) -> u64 {
    1 << (doctor.0 % 64)
}

/// The mask of `doctors` ([`mask_bit`]).
pub(crate) fn doctor_mask(doctors: impl IntoIterator<Item = PersonId>) -> u64 {
    doctors.into_iter().fold(0, |m, d| m | mask_bit(d))
}

/// Each doctor of `participants` and `animateurs` once, with his roles, sorted by id
/// ([`Rcp::roles`]).
pub(crate) fn roles_by_doctor(
    participants: &[PersonId],
    animateurs: &[PersonId],
) -> Vec<(PersonId, Roles)> {
    let as_participant = Roles {
        participant: true,
        animateur: false,
    };
    let as_animateur = Roles {
        participant: false,
        animateur: true,
    };
    let mut all: Vec<(PersonId, Roles)> = participants
        .iter()
        .map(|&d| (d, as_participant))
        .chain(animateurs.iter().map(|&d| (d, as_animateur)))
        .collect();
    crate::sorted::sort(&mut all);
    let mut out: Vec<(PersonId, Roles)> = Vec::with_capacity(all.len());
    for (d, r) in all {
        match out.last_mut() {
            Some((last, roles)) if *last == d => {
                roles.participant |= r.participant;
                roles.animateur |= r.animateur;
            }
            _ => out.push((d, r)),
        }
    }
    out
}

impl Person {
    pub(crate) fn is_active(&self) -> bool {
        self.status == Status::Active
    }
}

#[cfg(test)]
mod tests {
    use super::{GroupId, Merged, MERGED_INLINE};

    #[test]
    fn merging_in_place_orders_as_sorting() {
        let mut seed = 0x9e37_79b9_u32;
        for n in 1..=MERGED_INLINE + 1 {
            let mut owned: Vec<Vec<u32>> = vec![Vec::new(); n];
            for a in 0..200 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                if let Some(list) = owned.get_mut(seed as usize % n) {
                    list.push(a);
                }
            }
            let mut lists = [(&[][..], None); MERGED_INLINE + 1];
            let mut all = Vec::new();
            for (i, (slot, list)) in lists.iter_mut().zip(&owned).enumerate() {
                let via = (i > 0).then_some(GroupId(i as u32));
                *slot = (list.as_slice(), via);
                all.extend(list.iter().map(|&a| (a, via)));
            }
            crate::sorted::sort(&mut all);
            let merged: Vec<_> = Merged::Inline { lists, len: n }.collect();
            assert_eq!(merged, all, "{n} lists");
            assert_eq!(merged.len(), 200);
        }
    }
}
