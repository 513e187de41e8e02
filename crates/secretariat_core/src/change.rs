//! Proposed changes (`secretariat-changes/1`): edits applied to a copy of the organisation file.
//! The simulator, the CLI and the playground's edit history (undo/redo) all use these.

use serde::{Deserialize, Serialize};

use crate::file::{
    AccessEntry, AffiliationEntry, Category, OrgFile, PermissionEntry, ProfileEntry, Status,
    WindowedPermission,
};
use crate::load::Problem;
use crate::permission::Permission;

/// The only changes-file format this version reads.
pub const CHANGES_FORMAT: &str = "secretariat-changes/1";

/// A changes file: edits in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeSet {
    /// Always `secretariat-changes/1`.
    pub format: String,
    /// The edits, applied in order.
    pub changes: Vec<Change>,
}

/// A doctor's role in one RCP, as a change sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RcpRole {
    /// Neither participant nor animateur.
    None,
    /// Participant only.
    Participant,
    /// Animateur only.
    Animateur,
    /// Both (D4).
    Both,
}

/// One edit. `valid_from`/`valid_until` are RFC 3339 date-times; an "add" of something that exists
/// updates its window.
///
/// Written `{"op": "grant_permission", "secretary": …}`. Read by hand (see [`Op`]); the `serde`
/// attributes here shape only the output.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// Grant one permission on an existing access (or change its window).
    GrantPermission {
        /// Secretary id.
        secretary: String,
        /// Doctor id.
        doctor: String,
        /// Permission id.
        permission: String,
        /// Window start.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<String>,
        /// Window end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<String>,
    },
    /// Revoke one permission.
    RevokePermission {
        /// Secretary id.
        secretary: String,
        /// Doctor id.
        doctor: String,
        /// Permission id.
        permission: String,
    },
    /// Create an access (or change the window of an existing one).
    AddAccess {
        /// Secretary id.
        secretary: String,
        /// Doctor id.
        doctor: String,
        /// Permissions granted with it.
        #[serde(default)]
        permissions: Vec<PermissionEntry>,
        /// Window start.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<String>,
        /// Window end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<String>,
    },
    /// Remove an access altogether.
    RemoveAccess {
        /// Secretary id.
        secretary: String,
        /// Doctor id.
        doctor: String,
    },
    /// Record (or withdraw) the confidentiality acknowledgement of an access (P6).
    AcknowledgeConfidentiality {
        /// Secretary id.
        secretary: String,
        /// Doctor id.
        doctor: String,
        /// Acknowledged.
        acknowledged: bool,
    },
    /// Temporary deactivation.
    Suspend {
        /// Person id.
        person: String,
    },
    /// Back to active.
    Reactivate {
        /// Person id.
        person: String,
    },
    /// Departure: definitive deletion.
    Departure {
        /// Person id.
        person: String,
    },
    /// Directory category.
    SetCategory {
        /// Person id.
        person: String,
        /// New category.
        category: Category,
    },
    /// External secretary or third-party provider.
    SetExternal {
        /// Person id.
        person: String,
        /// External.
        external: bool,
    },
    /// Attach a doctor to a secretary or a group (or change its window).
    AddAffiliation {
        /// Doctor id.
        doctor: String,
        /// Secretary id (or `group`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        secretary: Option<String>,
        /// Group id (or `secretary`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
        /// Window start.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<String>,
        /// Window end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<String>,
    },
    /// Detach a doctor from a secretary or a group.
    RemoveAffiliation {
        /// Doctor id.
        doctor: String,
        /// Secretary id (or `group`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        secretary: Option<String>,
        /// Group id (or `secretary`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
    },
    /// Add a person to a group.
    AddGroupMember {
        /// Group id.
        group: String,
        /// Person id.
        person: String,
    },
    /// Remove a person from a group.
    RemoveGroupMember {
        /// Group id.
        group: String,
        /// Person id.
        person: String,
    },
    /// Give the "secrétaire médecin" profile on a centre (or change its window).
    AddProfile {
        /// Secretary id.
        secretary: String,
        /// Centre id.
        centre: String,
        /// Window start.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<String>,
        /// Window end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<String>,
    },
    /// Withdraw the profile on a centre.
    RemoveProfile {
        /// Secretary id.
        secretary: String,
        /// Centre id.
        centre: String,
    },
    /// Set a doctor's role in an RCP.
    SetRcpRole {
        /// RCP id.
        rcp: String,
        /// Doctor id.
        doctor: String,
        /// New role.
        role: RcpRole,
    },
}

/// The operations, as `op` names them: one per [`Change`] variant, in the same order.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    GrantPermission,
    RevokePermission,
    AddAccess,
    RemoveAccess,
    AcknowledgeConfidentiality,
    Suspend,
    Reactivate,
    Departure,
    SetCategory,
    SetExternal,
    AddAffiliation,
    RemoveAffiliation,
    AddGroupMember,
    RemoveGroupMember,
    AddProfile,
    RemoveProfile,
    SetRcpRole,
}

impl Op {
    /// The keys an edit of this operation has besides `op`, in the order of its variant.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Op::GrantPermission => &[
                "secretary",
                "doctor",
                "permission",
                "valid_from",
                "valid_until",
            ],
            Op::RevokePermission => &["secretary", "doctor", "permission"],
            Op::AddAccess => &[
                "secretary",
                "doctor",
                "permissions",
                "valid_from",
                "valid_until",
            ],
            Op::RemoveAccess => &["secretary", "doctor"],
            Op::AcknowledgeConfidentiality => &["secretary", "doctor", "acknowledged"],
            Op::Suspend | Op::Reactivate | Op::Departure => &["person"],
            Op::SetCategory => &["person", "category"],
            Op::SetExternal => &["person", "external"],
            Op::AddAffiliation => &["doctor", "secretary", "group", "valid_from", "valid_until"],
            Op::RemoveAffiliation => &["doctor", "secretary", "group"],
            Op::AddGroupMember | Op::RemoveGroupMember => &["group", "person"],
            Op::AddProfile => &["secretary", "centre", "valid_from", "valid_until"],
            Op::RemoveProfile => &["secretary", "centre"],
            Op::SetRcpRole => &["rcp", "doctor", "role"],
        }
    }
}

/// Every key any edit has, `op` first.
const KEYS: [&str; 15] = [
    "op",
    "secretary",
    "doctor",
    "permission",
    "permissions",
    "valid_from",
    "valid_until",
    "acknowledged",
    "person",
    "category",
    "external",
    "group",
    "centre",
    "rcp",
    "role",
];

/// One value of an edit, read before its operation is known.
enum Raw {
    /// A string, or `null`.
    Text(Option<String>),
    Permissions(Vec<PermissionEntry>),
    Flag(bool),
}

/// An edit's values, taken out as its variant is built.
struct Fields(Vec<(&'static str, Raw)>);

impl Fields {
    fn take(&mut self, key: &str) -> Option<Raw> {
        let i = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.swap_remove(i).1)
    }

    /// A string that must be there.
    fn text<E: serde::de::Error>(&mut self, key: &'static str) -> Result<String, E> {
        match self.take(key) {
            Some(Raw::Text(Some(text))) => Ok(text),
            Some(Raw::Text(None)) => Err(E::invalid_type(serde::de::Unexpected::Unit, &"a string")),
            _ => Err(E::missing_field(key)),
        }
    }

    /// A string that may be absent or `null`.
    fn optional(&mut self, key: &str) -> Option<String> {
        match self.take(key) {
            Some(Raw::Text(text)) => text,
            _ => None,
        }
    }

    fn flag<E: serde::de::Error>(&mut self, key: &'static str) -> Result<bool, E> {
        match self.take(key) {
            Some(Raw::Flag(flag)) => Ok(flag),
            _ => Err(E::missing_field(key)),
        }
    }

    /// A string naming one of the values of `T` (a category, a role).
    fn named<'de, T: Deserialize<'de>, E: serde::de::Error>(
        &mut self,
        key: &'static str,
    ) -> Result<T, E> {
        T::deserialize(serde::de::value::StringDeserializer::<E>::new(
            self.text(key)?,
        ))
    }
}

/// Reads one edit in a single pass over its keys, whatever their order: `op` names the variant,
/// the other keys must be that variant's. (serde's `#[serde(tag = "op")]` would buffer each edit
/// whole into a generic value first, a large part of the `.wasm`.)
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ChangeVisitor)
    }
}

struct ChangeVisitor;

impl<'de> serde::de::Visitor<'de> for ChangeVisitor {
    type Value = Change;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a change: an object with `op`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
        use serde::de::Error;
        let mut op: Option<Op> = None;
        let mut fields = Fields(Vec::new());
        // A key no edit has, seen before `op`: reported once `op` says which keys were expected.
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            let known = KEYS.iter().copied().find(|k| *k == key);
            let Some(key) =
                known.filter(|k| op.is_none_or(|op| *k == "op" || op.keys().contains(k)))
            else {
                match op {
                    Some(op) => return Err(A::Error::unknown_field(&key, op.keys())),
                    None => {
                        unknown.get_or_insert(key);
                        map.next_value::<serde::de::IgnoredAny>()?;
                        continue;
                    }
                }
            };
            if (key == "op" && op.is_some()) || fields.0.iter().any(|(k, _)| *k == key) {
                return Err(A::Error::duplicate_field(key));
            }
            match key {
                "op" => {
                    let name: String = map.next_value()?;
                    op = Some(Op::deserialize(serde::de::value::StringDeserializer::<
                        A::Error,
                    >::new(name))?);
                }
                "permissions" => fields.0.push((key, Raw::Permissions(map.next_value()?))),
                "acknowledged" | "external" => fields.0.push((key, Raw::Flag(map.next_value()?))),
                _ => fields.0.push((key, Raw::Text(map.next_value()?))),
            }
        }
        let Some(op) = op else {
            return Err(A::Error::missing_field("op"));
        };
        let stray = fields
            .0
            .iter()
            .map(|(k, _)| *k)
            .find(|k| !op.keys().contains(k));
        if let Some(key) = unknown.as_deref().or(stray) {
            return Err(A::Error::unknown_field(key, op.keys()));
        }
        let f = &mut fields;
        Ok(match op {
            Op::GrantPermission => Change::GrantPermission {
                secretary: f.text("secretary")?,
                doctor: f.text("doctor")?,
                permission: f.text("permission")?,
                valid_from: f.optional("valid_from"),
                valid_until: f.optional("valid_until"),
            },
            Op::RevokePermission => Change::RevokePermission {
                secretary: f.text("secretary")?,
                doctor: f.text("doctor")?,
                permission: f.text("permission")?,
            },
            Op::AddAccess => Change::AddAccess {
                secretary: f.text("secretary")?,
                doctor: f.text("doctor")?,
                permissions: match f.take("permissions") {
                    Some(Raw::Permissions(p)) => p,
                    _ => Vec::new(),
                },
                valid_from: f.optional("valid_from"),
                valid_until: f.optional("valid_until"),
            },
            Op::RemoveAccess => Change::RemoveAccess {
                secretary: f.text("secretary")?,
                doctor: f.text("doctor")?,
            },
            Op::AcknowledgeConfidentiality => Change::AcknowledgeConfidentiality {
                secretary: f.text("secretary")?,
                doctor: f.text("doctor")?,
                acknowledged: f.flag("acknowledged")?,
            },
            Op::Suspend => Change::Suspend {
                person: f.text("person")?,
            },
            Op::Reactivate => Change::Reactivate {
                person: f.text("person")?,
            },
            Op::Departure => Change::Departure {
                person: f.text("person")?,
            },
            Op::SetCategory => Change::SetCategory {
                person: f.text("person")?,
                category: f.named("category")?,
            },
            Op::SetExternal => Change::SetExternal {
                person: f.text("person")?,
                external: f.flag("external")?,
            },
            Op::AddAffiliation => Change::AddAffiliation {
                doctor: f.text("doctor")?,
                secretary: f.optional("secretary"),
                group: f.optional("group"),
                valid_from: f.optional("valid_from"),
                valid_until: f.optional("valid_until"),
            },
            Op::RemoveAffiliation => Change::RemoveAffiliation {
                doctor: f.text("doctor")?,
                secretary: f.optional("secretary"),
                group: f.optional("group"),
            },
            Op::AddGroupMember => Change::AddGroupMember {
                group: f.text("group")?,
                person: f.text("person")?,
            },
            Op::RemoveGroupMember => Change::RemoveGroupMember {
                group: f.text("group")?,
                person: f.text("person")?,
            },
            Op::AddProfile => Change::AddProfile {
                secretary: f.text("secretary")?,
                centre: f.text("centre")?,
                valid_from: f.optional("valid_from"),
                valid_until: f.optional("valid_until"),
            },
            Op::RemoveProfile => Change::RemoveProfile {
                secretary: f.text("secretary")?,
                centre: f.text("centre")?,
            },
            Op::SetRcpRole => Change::SetRcpRole {
                rcp: f.text("rcp")?,
                doctor: f.text("doctor")?,
                role: f.named("role")?,
            },
        })
    }
}

fn person_exists(file: &OrgFile, id: &str) -> Result<(), String> {
    if file.people.iter().any(|p| p.id == id) {
        Ok(())
    } else {
        Err(format!("unknown person `{id}`"))
    }
}

fn known_permission(id: &str) -> Result<(), String> {
    Permission::from_id(id)
        .map(|_| ())
        .ok_or_else(|| format!("unknown permission `{id}`"))
}

fn access_mut<'a>(file: &'a mut OrgFile, s: &str, d: &str) -> Result<&'a mut AccessEntry, String> {
    person_exists(file, s)?;
    person_exists(file, d)?;
    file.practice
        .get_or_insert_with(Default::default)
        .accesses
        .iter_mut()
        .find(|a| a.secretary == s && a.doctor == d)
        .ok_or_else(|| format!("`{s}` holds no access to `{d}`'s account"))
}

fn set_status(file: &mut OrgFile, person: &str, status: Status) -> Result<(), String> {
    let p = file
        .people
        .iter_mut()
        .find(|p| p.id == person)
        .ok_or_else(|| format!("unknown person `{person}`"))?;
    p.status = status;
    Ok(())
}

impl Change {
    /// Applies this edit to a file. The result is checked as a whole afterwards (dates, references);
    /// here only what the edit itself names is checked.
    pub fn apply(&self, file: &mut OrgFile) -> Result<(), String> {
        match self {
            Change::GrantPermission {
                secretary,
                doctor,
                permission,
                valid_from,
                valid_until,
            } => {
                known_permission(permission)?;
                let a = access_mut(file, secretary, doctor)?;
                let entry = if valid_from.is_none() && valid_until.is_none() {
                    PermissionEntry::Id(permission.clone())
                } else {
                    PermissionEntry::Windowed(WindowedPermission {
                        id: permission.clone(),
                        valid_from: valid_from.clone(),
                        valid_until: valid_until.clone(),
                    })
                };
                match a.permissions.iter_mut().find(|p| p.id() == permission) {
                    Some(slot) => *slot = entry,
                    None => a.permissions.push(entry),
                }
            }
            Change::RevokePermission {
                secretary,
                doctor,
                permission,
            } => {
                known_permission(permission)?;
                let a = access_mut(file, secretary, doctor)?;
                let before = a.permissions.len();
                a.permissions.retain(|p| p.id() != permission);
                if a.permissions.len() == before {
                    return Err(format!(
                        "`{secretary}` does not hold `{permission}` on `{doctor}`"
                    ));
                }
            }
            Change::AddAccess {
                secretary,
                doctor,
                permissions,
                valid_from,
                valid_until,
            } => {
                for p in permissions {
                    known_permission(p.id())?;
                }
                match access_mut(file, secretary, doctor) {
                    Ok(a) => {
                        a.valid_from.clone_from(valid_from);
                        a.valid_until.clone_from(valid_until);
                        for p in permissions {
                            if !a.permissions.iter().any(|x| x.id() == p.id()) {
                                a.permissions.push(p.clone());
                            }
                        }
                    }
                    Err(_) => {
                        person_exists(file, secretary)?;
                        person_exists(file, doctor)?;
                        file.practice
                            .get_or_insert_with(Default::default)
                            .accesses
                            .push(AccessEntry {
                                secretary: secretary.clone(),
                                doctor: doctor.clone(),
                                permissions: permissions.clone(),
                                valid_from: valid_from.clone(),
                                valid_until: valid_until.clone(),
                                confidentiality_acknowledged: false,
                            });
                    }
                }
            }
            Change::RemoveAccess { secretary, doctor } => {
                access_mut(file, secretary, doctor)?;
                if let Some(p) = file.practice.as_mut() {
                    p.accesses
                        .retain(|a| !(a.secretary == *secretary && a.doctor == *doctor));
                }
            }
            Change::AcknowledgeConfidentiality {
                secretary,
                doctor,
                acknowledged,
            } => {
                access_mut(file, secretary, doctor)?.confidentiality_acknowledged = *acknowledged;
            }
            Change::Suspend { person } => set_status(file, person, Status::Suspended)?,
            Change::Reactivate { person } => set_status(file, person, Status::Active)?,
            Change::Departure { person } => set_status(file, person, Status::Deleted)?,
            Change::SetCategory { person, category } => {
                person_exists(file, person)?;
                if let Some(p) = file.people.iter_mut().find(|p| p.id == *person) {
                    p.category = *category;
                }
            }
            Change::SetExternal { person, external } => {
                person_exists(file, person)?;
                if let Some(p) = file.people.iter_mut().find(|p| p.id == *person) {
                    p.external = Some(*external);
                }
            }
            Change::AddAffiliation {
                doctor,
                secretary,
                group,
                valid_from,
                valid_until,
            } => {
                person_exists(file, doctor)?;
                target_exists(file, secretary.as_deref(), group.as_deref())?;
                let net = file.network.get_or_insert_with(Default::default);
                match net
                    .affiliations
                    .iter_mut()
                    .find(|a| a.doctor == *doctor && a.secretary == *secretary && a.group == *group)
                {
                    Some(a) => {
                        a.valid_from.clone_from(valid_from);
                        a.valid_until.clone_from(valid_until);
                    }
                    None => net.affiliations.push(AffiliationEntry {
                        doctor: doctor.clone(),
                        secretary: secretary.clone(),
                        group: group.clone(),
                        valid_from: valid_from.clone(),
                        valid_until: valid_until.clone(),
                    }),
                }
            }
            Change::RemoveAffiliation {
                doctor,
                secretary,
                group,
            } => {
                person_exists(file, doctor)?;
                target_exists(file, secretary.as_deref(), group.as_deref())?;
                let net = file.network.get_or_insert_with(Default::default);
                let before = net.affiliations.len();
                net.affiliations.retain(|a| {
                    !(a.doctor == *doctor && a.secretary == *secretary && a.group == *group)
                });
                if net.affiliations.len() == before {
                    return Err(format!("`{doctor}` has no such affiliation"));
                }
            }
            Change::AddGroupMember { group, person } => {
                person_exists(file, person)?;
                let g = group_mut(file, group)?;
                if !g.members.contains(person) {
                    g.members.push(person.clone());
                }
            }
            Change::RemoveGroupMember { group, person } => {
                let g = group_mut(file, group)?;
                let before = g.members.len();
                g.members.retain(|m| m != person);
                if g.members.len() == before {
                    return Err(format!("`{person}` is not a member of `{group}`"));
                }
            }
            Change::AddProfile {
                secretary,
                centre,
                valid_from,
                valid_until,
            } => {
                person_exists(file, secretary)?;
                centre_exists(file, centre)?;
                let net = file.network.get_or_insert_with(Default::default);
                match net
                    .profiles
                    .iter_mut()
                    .find(|p| p.secretary == *secretary && p.centre == *centre)
                {
                    Some(p) => {
                        p.valid_from.clone_from(valid_from);
                        p.valid_until.clone_from(valid_until);
                    }
                    None => net.profiles.push(ProfileEntry {
                        secretary: secretary.clone(),
                        centre: centre.clone(),
                        valid_from: valid_from.clone(),
                        valid_until: valid_until.clone(),
                    }),
                }
            }
            Change::RemoveProfile { secretary, centre } => {
                person_exists(file, secretary)?;
                centre_exists(file, centre)?;
                let net = file.network.get_or_insert_with(Default::default);
                let before = net.profiles.len();
                net.profiles
                    .retain(|p| !(p.secretary == *secretary && p.centre == *centre));
                if net.profiles.len() == before {
                    return Err(format!("`{secretary}` holds no profile on `{centre}`"));
                }
            }
            Change::SetRcpRole { rcp, doctor, role } => {
                person_exists(file, doctor)?;
                let r = file
                    .network
                    .as_mut()
                    .and_then(|n| n.rcps.iter_mut().find(|r| r.id == *rcp))
                    .ok_or_else(|| format!("unknown rcp `{rcp}`"))?;
                let (p, a) = match role {
                    RcpRole::None => (false, false),
                    RcpRole::Participant => (true, false),
                    RcpRole::Animateur => (false, true),
                    RcpRole::Both => (true, true),
                };
                for (list, wanted) in [(&mut r.participants, p), (&mut r.animateurs, a)] {
                    let has = list.contains(doctor);
                    if wanted && !has {
                        list.push(doctor.clone());
                    } else if !wanted && has {
                        list.retain(|d| d != doctor);
                    }
                }
            }
        }
        Ok(())
    }

    /// Applies edits in order; reports every edit that could not be applied, with its path.
    pub fn apply_all(changes: &[Change], file: &mut OrgFile) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        for (i, c) in changes.iter().enumerate() {
            if let Err(message) = c.apply(file) {
                problems.push(Problem {
                    path: format!("changes[{i}]"),
                    message,
                });
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn target_exists(
    file: &OrgFile,
    secretary: Option<&str>,
    group: Option<&str>,
) -> Result<(), String> {
    match (secretary, group) {
        (Some(s), None) => person_exists(file, s),
        (None, Some(g)) => file
            .groups
            .iter()
            .any(|x| x.id == g)
            .then_some(())
            .ok_or_else(|| format!("unknown group `{g}`")),
        _ => Err("give exactly one of `secretary` and `group`".to_owned()),
    }
}

fn group_mut<'a>(
    file: &'a mut OrgFile,
    group: &str,
) -> Result<&'a mut crate::file::GroupEntry, String> {
    file.groups
        .iter_mut()
        .find(|g| g.id == group)
        .ok_or_else(|| format!("unknown group `{group}`"))
}

fn centre_exists(file: &OrgFile, centre: &str) -> Result<(), String> {
    file.network
        .as_ref()
        .is_some_and(|n| n.centres.iter().any(|c| c.id == centre))
        .then_some(())
        .ok_or_else(|| format!("unknown centre `{centre}`"))
}
