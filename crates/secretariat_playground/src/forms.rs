//! The forms of the "Construire" screen as plain data: a blank organisation, a doctor, a group, a
//! centre, an RCP with its roles, and a new secretary's arrival. Each draft turns into a list of
//! core [`Change`]s (or, for a blank organisation, a file); the core applies and checks them, so the
//! playground decides nothing — a refused list comes back with the core's problems.
//!
//! Drafts are what the components keep while a person types; they are tested natively.

use secretariat_core::file::{Category, OrgFile, PermissionEntry, Support, FORMAT};
use secretariat_core::{rpps_is_well_formed, Change, Permission, RcpRole, Recommendation};

/// A form's draft: what it makes of the organisation, as core changes (the core applies and
/// checks them; a refused list changes nothing).
pub trait Draft: Clone + Default + PartialEq + 'static {
    /// The changes the draft stands for, on the working organisation `file`.
    fn changes(&self, file: &OrgFile) -> Vec<Change>;
}

/// A blank organisation: a name and where change requests go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewOrgDraft {
    /// The organisation's name.
    pub name: String,
    /// The practice software vendor's support address.
    pub practice_support: String,
    /// The cancer network's support address.
    pub network_support: String,
}

/// Text typed in a field: trimmed, `None` when empty.
fn given(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl NewOrgDraft {
    /// The blank file: no people, no accesses, no centres.
    pub fn file(&self) -> OrgFile {
        let practice = given(&self.practice_support);
        let network = given(&self.network_support);
        OrgFile {
            format: FORMAT.to_owned(),
            name: self.name.trim().to_owned(),
            support: (practice.is_some() || network.is_some())
                .then_some(Support { practice, network }),
            ..OrgFile::default()
        }
    }
}

/// Every id the file already uses (people, groups, centres, RCPs, dossiers): ids are unique across
/// the organisation.
fn taken(file: &OrgFile) -> Vec<&str> {
    let mut ids: Vec<&str> = file.people.iter().map(|p| p.id.as_str()).collect();
    ids.extend(file.groups.iter().map(|g| g.id.as_str()));
    if let Some(n) = &file.network {
        ids.extend(n.centres.iter().map(|c| c.id.as_str()));
        ids.extend(n.rcps.iter().map(|r| r.id.as_str()));
        ids.extend(n.dossiers.iter().map(|d| d.id.as_str()));
    }
    ids
}

pub use secretariat_core::slug;

/// The id a new entry gets when the person leaves the field empty: the slug of its name, made
/// unique in the file with `-2`, `-3`…
pub fn new_id(file: &OrgFile, typed: &str, name: &str) -> String {
    if let Some(id) = given(typed) {
        return id;
    }
    let base = match slug(name) {
        s if s.is_empty() => "nouveau".to_owned(),
        s => s,
    };
    let ids = taken(file);
    secretariat_core::fresh_id(&base, |id| ids.contains(&id))
}

/// The RPPS field as it is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RppsState {
    /// Nothing typed (the RPPS is optional).
    Empty,
    /// Digits only, fewer than 11 so far.
    Typing(usize),
    /// 11 digits whose Luhn key the core accepts.
    Valid,
    /// Anything else: not 11 digits, or a wrong key (the core's check).
    Invalid,
}

/// Where the RPPS field stands, by the core's check.
pub fn rpps_state(typed: &str) -> RppsState {
    let t = typed.trim();
    if t.is_empty() {
        RppsState::Empty
    } else if rpps_is_well_formed(t) {
        RppsState::Valid
    } else if t.len() < 11 && t.bytes().all(|b| b.is_ascii_digit()) {
        RppsState::Typing(t.len())
    } else {
        RppsState::Invalid
    }
}

/// A doctor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DoctorDraft {
    /// Display name.
    pub name: String,
    /// Id (empty: made from the name).
    pub id: String,
    /// RPPS as typed.
    pub rpps: String,
}

impl Draft for DoctorDraft {
    /// One `add_person` in the « médecin » category.
    fn changes(&self, file: &OrgFile) -> Vec<Change> {
        vec![Change::AddPerson {
            id: new_id(file, &self.id, &self.name),
            name: self.name.trim().to_owned(),
            category: Category::Medecin,
            rpps: given(&self.rpps),
            external: None,
        }]
    }
}

/// A group of secretaries, with the doctors attached to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupDraft {
    /// Display name.
    pub name: String,
    /// Id (empty: made from the name).
    pub id: String,
    /// Members' person ids.
    pub members: Vec<String>,
    /// Doctors attached to the whole group.
    pub doctors: Vec<String>,
}

impl Draft for GroupDraft {
    /// `add_group`, then one `add_affiliation` per doctor attached to the group.
    fn changes(&self, file: &OrgFile) -> Vec<Change> {
        let id = new_id(file, &self.id, &self.name);
        let mut changes = vec![Change::AddGroup {
            id: id.clone(),
            name: self.name.trim().to_owned(),
            members: self.members.clone(),
        }];
        changes.extend(self.doctors.iter().map(|d| Change::AddAffiliation {
            doctor: d.clone(),
            secretary: None,
            group: Some(id.clone()),
            valid_from: None,
            valid_until: None,
        }));
        changes
    }
}

/// A 3C centre.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CentreDraft {
    /// Display name.
    pub name: String,
    /// Id (empty: made from the name).
    pub id: String,
}

impl Draft for CentreDraft {
    /// One `add_centre`.
    fn changes(&self, file: &OrgFile) -> Vec<Change> {
        vec![Change::AddCentre {
            id: new_id(file, &self.id, &self.name),
            name: self.name.trim().to_owned(),
        }]
    }
}

/// A tumour board with its doctors' roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RcpDraft {
    /// Display name.
    pub name: String,
    /// Id (empty: made from the name).
    pub id: String,
    /// Centre id.
    pub centre: String,
    /// Each doctor's role (doctors left at [`RcpRole::None`] are not in it).
    pub roles: Vec<(String, RcpRole)>,
    /// Responsables (they read the secretaries report).
    pub responsables: Vec<String>,
    /// Next séance, RFC 3339 (empty: none).
    pub next_session: String,
}

impl Draft for RcpDraft {
    /// One `add_rcp` with its participants, animateurs, responsables and next séance.
    fn changes(&self, file: &OrgFile) -> Vec<Change> {
        let with = |f: fn(RcpRole) -> bool| {
            self.roles
                .iter()
                .filter(|(_, r)| f(*r))
                .map(|(d, _)| d.clone())
                .collect::<Vec<_>>()
        };
        vec![Change::AddRcp {
            id: new_id(file, &self.id, &self.name),
            name: self.name.trim().to_owned(),
            centre: self.centre_or_first(file),
            participants: with(|r| matches!(r, RcpRole::Participant | RcpRole::Both)),
            animateurs: with(|r| matches!(r, RcpRole::Animateur | RcpRole::Both)),
            responsables: self.responsables.clone(),
            next_session: given(&self.next_session),
        }]
    }
}

impl RcpDraft {
    /// The centre chosen, or the file's first centre while none is (the form's select shows it).
    pub fn centre_or_first(&self, file: &OrgFile) -> String {
        match given(&self.centre) {
            Some(c) => c,
            None => file
                .network
                .iter()
                .flat_map(|n| &n.centres)
                .next()
                .map(|c| c.id.clone())
                .unwrap_or_default(),
        }
    }
}

/// How a doctor is attached to the new secretary in the DCC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Through {
    /// Not attached.
    None,
    /// Attached to her directly.
    Herself,
    /// She joins this group, and the doctor is attached to the group.
    Group(String),
}

/// One doctor the new secretary works for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoctorPick {
    /// Doctor id.
    pub doctor: String,
    /// Permissions on the doctor's account in the practice application (none: no access).
    pub permissions: Vec<Permission>,
    /// In the DCC: attached to her, through a group, or not.
    pub through: Through,
    /// She has acknowledged her confidentiality obligations (P6: asked when an export is ticked).
    pub confidentiality: bool,
}

impl DoctorPick {
    /// An export is ticked: the seed's warning asks that she knows her confidentiality obligations.
    pub fn exports(&self) -> bool {
        self.permissions
            .iter()
            .any(|p| matches!(p, Permission::ExportPatients | Permission::ExportDeposits))
    }
}

/// The permissions a new access starts with: the vendor's recommended ones.
pub fn recommended() -> Vec<Permission> {
    Permission::ALL
        .into_iter()
        .filter(|p| p.recommendation() == Recommendation::Recommended)
        .collect()
}

/// A new secretary's arrival.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArrivalDraft {
    /// Her name.
    pub name: String,
    /// Id (empty: made from the name).
    pub id: String,
    /// External secretary or third-party provider.
    pub external: bool,
    /// The doctors she works for.
    pub doctors: Vec<DoctorPick>,
    /// The 3C where she gets the « secrétaire médecin » profile.
    pub centres: Vec<String>,
}

impl ArrivalDraft {
    /// Picks a doctor (with the recommended permissions and a direct affiliation) or drops him.
    pub fn toggle_doctor(&mut self, doctor: &str, on: bool) {
        self.doctors.retain(|d| d.doctor != doctor);
        if on {
            self.doctors.push(DoctorPick {
                doctor: doctor.to_owned(),
                permissions: recommended(),
                through: Through::Herself,
                confidentiality: false,
            });
        }
    }

    /// Ticks or unticks a permission on a picked doctor's account (kept in the seed's order).
    pub fn toggle_permission(&mut self, doctor: &str, permission: Permission, on: bool) {
        if let Some(d) = self.doctors.iter_mut().find(|d| d.doctor == doctor) {
            d.permissions.retain(|p| *p != permission);
            if on {
                // Rebuilt in the seed's order (`Permission::ALL`, also their `Ord`): no sort in
                // the `.wasm` for this list of at most 15.
                let mut held = std::mem::take(&mut d.permissions);
                held.push(permission);
                d.permissions = Permission::ALL
                    .into_iter()
                    .filter(|p| held.contains(p))
                    .collect();
            }
        }
    }

    /// Records (or not) that she acknowledged her confidentiality obligations on a doctor's account.
    pub fn set_confidentiality(&mut self, doctor: &str, acknowledged: bool) {
        if let Some(d) = self.doctors.iter_mut().find(|d| d.doctor == doctor) {
            d.confidentiality = acknowledged;
        }
    }

    /// How a picked doctor is attached in the DCC.
    pub fn set_through(&mut self, doctor: &str, through: Through) {
        if let Some(d) = self.doctors.iter_mut().find(|d| d.doctor == doctor) {
            d.through = through;
        }
    }

    /// Gives or withdraws the profile on a centre.
    pub fn toggle_centre(&mut self, centre: &str, on: bool) {
        toggle(&mut self.centres, centre, on);
    }

    /// Her id, as the changes write it.
    pub fn person_id(&self, file: &OrgFile) -> String {
        new_id(file, &self.id, &self.name)
    }
}

impl Draft for ArrivalDraft {
    /// The arrival as changes, in the seeds' order: the person (« Secrétaire », the category she
    /// must end with), her accesses to each doctor's account (with her confidentiality
    /// acknowledgement where an export is granted), her profile on each 3C, then each
    /// affiliation — direct, or through a group she joins (the group attached to the doctor when it
    /// is not yet).
    fn changes(&self, file: &OrgFile) -> Vec<Change> {
        let me = self.person_id(file);
        let mut changes = vec![Change::AddPerson {
            id: me.clone(),
            name: self.name.trim().to_owned(),
            category: Category::Secretaire,
            rpps: None,
            external: Some(self.external),
        }];
        for d in self.doctors.iter().filter(|d| !d.permissions.is_empty()) {
            changes.push(Change::AddAccess {
                secretary: me.clone(),
                doctor: d.doctor.clone(),
                permissions: d
                    .permissions
                    .iter()
                    .map(|p| PermissionEntry::Id(p.id().to_owned()))
                    .collect(),
                valid_from: None,
                valid_until: None,
            });
            if d.confidentiality && d.exports() {
                changes.push(Change::AcknowledgeConfidentiality {
                    secretary: me.clone(),
                    doctor: d.doctor.clone(),
                    acknowledged: true,
                });
            }
        }
        for c in &self.centres {
            changes.push(Change::AddProfile {
                secretary: me.clone(),
                centre: c.clone(),
                valid_from: None,
                valid_until: None,
            });
        }
        let mut joined: Vec<&str> = Vec::new();
        for d in &self.doctors {
            match &d.through {
                Through::None => {}
                Through::Herself => changes.push(Change::AddAffiliation {
                    doctor: d.doctor.clone(),
                    secretary: Some(me.clone()),
                    group: None,
                    valid_from: None,
                    valid_until: None,
                }),
                Through::Group(g) => {
                    if !joined.contains(&g.as_str()) {
                        joined.push(g);
                        changes.push(Change::AddGroupMember {
                            group: g.clone(),
                            person: me.clone(),
                        });
                    }
                    let attached =
                        file.network.iter().flat_map(|n| &n.affiliations).any(|a| {
                            a.doctor == d.doctor && a.group.as_deref() == Some(g.as_str())
                        });
                    if !attached {
                        changes.push(Change::AddAffiliation {
                            doctor: d.doctor.clone(),
                            secretary: None,
                            group: Some(g.clone()),
                            valid_from: None,
                            valid_until: None,
                        });
                    }
                }
            }
        }
        changes
    }
}

/// Adds `id` to the chosen ones or removes it (a checkbox of a list).
pub fn toggle(chosen: &mut Vec<String>, id: &str, on: bool) {
    chosen.retain(|c| c != id);
    if on {
        chosen.push(id.to_owned());
    }
}
