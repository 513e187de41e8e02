//! Proposed changes (`secretariat-changes/1`): edits applied to a copy of the organisation file.
//! The simulator, the CLI and the playground's edit history (undo/redo) all use these.

use serde::{Deserialize, Serialize};

use crate::file::{
    AccessEntry, AffiliationEntry, Category, CentreEntry, GroupEntry, NetworkSection, OrgFile,
    PermissionEntry, PersonEntry, ProfileEntry, RcpEntry, Status, WindowedPermission,
};
use crate::findings::rpps_is_well_formed;
use crate::json::{self, Fields, Reader};
use crate::load::Problem;
use crate::permission::Permission;
use crate::read::{JsonError, JsonReader};

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

/// Why a changes text could not be read ([`ChangeSet::parse`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeSetError {
    /// Not JSON, or not the shape of a changes file (serde_json's message, with line and column).
    Malformed(String),
    /// A `format` other than `secretariat-changes/1` (the format found).
    UnsupportedFormat(String),
}

impl std::fmt::Display for ChangeSetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeSetError::Malformed(e) => write!(f, "not a changes file: {e}"),
            ChangeSetError::UnsupportedFormat(found) => write!(
                f,
                "format: unsupported format `{found}`; this version reads `{CHANGES_FORMAT}`"
            ),
        }
    }
}

impl std::error::Error for ChangeSetError {}

/// Why one edit does not apply to a file ([`Change::apply`]). `Display` is the message: lowercase,
/// ids in backticks, in English like every input error; [`Change::apply_all`] gives it its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// No `kind` (`person`, `group`, `centre`, `rcp`, `permission`) has this id.
    Unknown {
        /// What was looked for.
        kind: &'static str,
        /// The id given.
        id: String,
    },
    /// A `kind` (`person`, `group`, `centre`, `rcp`) with this id already exists.
    Exists {
        /// What was to be created.
        kind: &'static str,
        /// The id given.
        id: String,
    },
    /// The secretary holds no access to the doctor's account.
    NoAccess {
        /// The secretary's id.
        secretary: String,
        /// The doctor's id.
        doctor: String,
    },
    /// The secretary does not hold this permission on the doctor's account.
    NotHeld {
        /// The secretary's id.
        secretary: String,
        /// The permission's id.
        permission: String,
        /// The doctor's id.
        doctor: String,
    },
    /// The doctor has no affiliation to the secretary or group named.
    NoAffiliation {
        /// The doctor's id.
        doctor: String,
    },
    /// The person is not a member of the group.
    NotAMember {
        /// The person's id.
        person: String,
        /// The group's id.
        group: String,
    },
    /// The secretary holds no profile on the centre.
    NoProfile {
        /// The secretary's id.
        secretary: String,
        /// The centre's id.
        centre: String,
    },
    /// An affiliation names both or neither of `secretary` and `group`.
    SecretaryOrGroup,
    /// Not an RPPS number: 11 digits, the last a Luhn check digit (B4).
    MalformedRpps(String),
    /// What the edit retires is still referred to.
    StillReferred {
        /// `person`, `group`, `centre` or `rcp`.
        kind: &'static str,
        /// Its id.
        id: String,
        /// What still names it, in words (`the access of `sophie` to `dr-martin`'s account`).
        refs: Vec<String>,
    },
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::Unknown { kind, id } => write!(f, "unknown {kind} `{id}`"),
            ChangeError::Exists { kind, id } => write!(f, "{kind} `{id}` already exists"),
            ChangeError::NoAccess { secretary, doctor } => {
                write!(f, "`{secretary}` holds no access to `{doctor}`'s account")
            }
            ChangeError::NotHeld {
                secretary,
                permission,
                doctor,
            } => write!(
                f,
                "`{secretary}` does not hold `{permission}` on `{doctor}`"
            ),
            ChangeError::NoAffiliation { doctor } => {
                write!(f, "`{doctor}` has no such affiliation")
            }
            ChangeError::NotAMember { person, group } => {
                write!(f, "`{person}` is not a member of `{group}`")
            }
            ChangeError::NoProfile { secretary, centre } => {
                write!(f, "`{secretary}` holds no profile on `{centre}`")
            }
            ChangeError::SecretaryOrGroup => {
                f.write_str("give exactly one of `secretary` and `group`")
            }
            ChangeError::MalformedRpps(rpps) => write!(
                f,
                "`{rpps}` is not an RPPS number (11 digits, the last a Luhn check digit)"
            ),
            ChangeError::StillReferred { kind, id, refs } => {
                // At most five listed, then how many more.
                const SHOWN: usize = 5;
                if *kind != "person" {
                    write!(f, "{kind} ")?;
                }
                write!(f, "`{id}` is still referred to by ")?;
                for (i, r) in refs.iter().take(SHOWN).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(r)?;
                }
                let more = refs.len().saturating_sub(SHOWN);
                if more > 0 {
                    write!(f, ", and {more} more")?;
                }
                f.write_str("; remove these first")
            }
        }
    }
}

impl std::error::Error for ChangeError {}

/// Why a set of changes does not apply ([`Change::apply_all`],
/// [`Organisation::with_changes`](crate::Organisation::with_changes),
/// [`Organisation::simulate`](crate::Organisation::simulate)): every problem, each with its path — `changes[2]: …` for an edit that
/// does not apply, the file's path for what the result breaks. Never empty. `Display` counts them
/// and lists them one a line, in English like every input error.
///
/// ```
/// use secretariat_core::{Change, Organisation};
/// let org = Organisation::load(include_str!("../../../tests/fixtures/demo/org.json")).unwrap();
/// let ghost = Change::Suspend { person: "ghost".into() };
/// let refused = org.with_changes(&[ghost]).unwrap_err();
/// assert_eq!(refused.problems()[0].path, "changes[0]");
/// assert_eq!(
///     refused.to_string(),
///     "the changes have 1 problem\n  changes[0]: unknown person `ghost`"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyError {
    problems: Vec<Problem>,
}

impl ApplyError {
    /// Every problem: the edits' in order, or what the result breaks, in file order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The problems, owned.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// The problems of a result that does not load.
    pub(crate) fn broken(e: &crate::load::LoadError) -> ApplyError {
        ApplyError {
            problems: e.problems().to_vec(),
        }
    }
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "the changes have {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApplyError {}

impl ChangeSet {
    /// Reads a changes text: a `secretariat-changes/1` object, or a bare JSON array of changes.
    /// The one reader of changes: the CLI, the npm binding and scenario files call it.
    /// Read with the core's reader (serde_json's messages, line and column).
    pub fn parse(text: &str) -> Result<ChangeSet, ChangeSetError> {
        let malformed = |e: Box<json::Error>| ChangeSetError::Malformed(e.to_string());
        if text.trim_start().starts_with('[') {
            return Ok(ChangeSet {
                format: CHANGES_FORMAT.to_owned(),
                changes: crate::read::document(text, read_changes).map_err(malformed)?,
            });
        }
        let set = crate::read::document(text, read_change_set).map_err(malformed)?;
        if set.format != CHANGES_FORMAT {
            return Err(ChangeSetError::UnsupportedFormat(set.format));
        }
        Ok(set)
    }
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
    /// A new person (status `active`). An RPPS, when given, must be well formed (B4).
    AddPerson {
        /// Unique among people.
        id: String,
        /// Display name.
        name: String,
        /// Directory category (a new DCC account starts as `medecin`, seed 001 §2.1).
        category: Category,
        /// Doctors: RPPS number (11 digits, Luhn).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rpps: Option<String>,
        /// Secretaries: external secretary or third-party provider.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        external: Option<bool>,
    },
    /// A person's display name.
    RenamePerson {
        /// Person id.
        person: String,
        /// New name.
        name: String,
    },
    /// Retire a person from the file; refused while anything still refers to her.
    RemovePerson {
        /// Person id.
        person: String,
    },
    /// A new secretary group.
    AddGroup {
        /// Unique among groups.
        id: String,
        /// Display name.
        name: String,
        /// People ids.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<String>,
    },
    /// A group's display name.
    RenameGroup {
        /// Group id.
        group: String,
        /// New name.
        name: String,
    },
    /// Retire a group; refused while a doctor is still affiliated to it.
    RemoveGroup {
        /// Group id.
        group: String,
    },
    /// A new 3C centre.
    AddCentre {
        /// Unique among centres.
        id: String,
        /// Display name.
        name: String,
    },
    /// A centre's display name.
    RenameCentre {
        /// Centre id.
        centre: String,
        /// New name.
        name: String,
    },
    /// Retire a centre; refused while a profile, an RCP or a coordinator refers to it.
    RemoveCentre {
        /// Centre id.
        centre: String,
    },
    /// A new RCP on a centre, with its doctors' roles.
    AddRcp {
        /// Unique among RCPs.
        id: String,
        /// Display name.
        name: String,
        /// Centre id.
        centre: String,
        /// Participant doctors.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        participants: Vec<String>,
        /// Animateur doctors.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        animateurs: Vec<String>,
        /// Responsables (read the D8 report).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        responsables: Vec<String>,
        /// Next séance (RFC 3339).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_session: Option<String>,
    },
    /// An RCP's display name.
    RenameRcp {
        /// RCP id.
        rcp: String,
        /// New name.
        name: String,
    },
    /// Retire an RCP; refused while a dossier is still registered on it.
    RemoveRcp {
        /// RCP id.
        rcp: String,
    },
    /// An RCP's next séance (absent: none planned).
    SetNextSession {
        /// RCP id.
        rcp: String,
        /// Next séance (RFC 3339).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_session: Option<String>,
    },
    /// Make a person a responsable of an RCP, or not (D8).
    SetRcpResponsable {
        /// RCP id.
        rcp: String,
        /// Person id.
        person: String,
        /// Responsable or not.
        responsable: bool,
    },
}

/// The operations, as `op` names them: one per [`Change`] variant, in the same order.
#[derive(Clone, Copy)]
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
    AddPerson,
    RenamePerson,
    RemovePerson,
    AddGroup,
    RenameGroup,
    RemoveGroup,
    AddCentre,
    RenameCentre,
    RemoveCentre,
    AddRcp,
    RenameRcp,
    RemoveRcp,
    SetNextSession,
    SetRcpResponsable,
}

/// Every operation, in the order of [`OP_NAMES`].
const OPS: [Op; 31] = [
    Op::GrantPermission,
    Op::RevokePermission,
    Op::AddAccess,
    Op::RemoveAccess,
    Op::AcknowledgeConfidentiality,
    Op::Suspend,
    Op::Reactivate,
    Op::Departure,
    Op::SetCategory,
    Op::SetExternal,
    Op::AddAffiliation,
    Op::RemoveAffiliation,
    Op::AddGroupMember,
    Op::RemoveGroupMember,
    Op::AddProfile,
    Op::RemoveProfile,
    Op::SetRcpRole,
    Op::AddPerson,
    Op::RenamePerson,
    Op::RemovePerson,
    Op::AddGroup,
    Op::RenameGroup,
    Op::RemoveGroup,
    Op::AddCentre,
    Op::RenameCentre,
    Op::RemoveCentre,
    Op::AddRcp,
    Op::RenameRcp,
    Op::RemoveRcp,
    Op::SetNextSession,
    Op::SetRcpResponsable,
];

/// What `op` says, in the order of [`OPS`] (the snake case of [`Change`]'s variants).
const OP_NAMES: [&str; 31] = [
    "grant_permission",
    "revoke_permission",
    "add_access",
    "remove_access",
    "acknowledge_confidentiality",
    "suspend",
    "reactivate",
    "departure",
    "set_category",
    "set_external",
    "add_affiliation",
    "remove_affiliation",
    "add_group_member",
    "remove_group_member",
    "add_profile",
    "remove_profile",
    "set_rcp_role",
    "add_person",
    "rename_person",
    "remove_person",
    "add_group",
    "rename_group",
    "remove_group",
    "add_centre",
    "rename_centre",
    "remove_centre",
    "add_rcp",
    "rename_rcp",
    "remove_rcp",
    "set_next_session",
    "set_rcp_responsable",
];

/// A person's `category`, as an edit names it.
const CATEGORIES: &[&str] = &["medecin", "secretaire"];

/// A doctor's `role` in an RCP, as `set_rcp_role` names it ([`RcpRole`], lowercase).
const ROLES: &[&str] = &["none", "participant", "animateur", "both"];

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
            Op::AddPerson => &["id", "name", "category", "rpps", "external"],
            Op::RenamePerson => &["person", "name"],
            Op::RemovePerson => &["person"],
            Op::AddGroup => &["id", "name", "members"],
            Op::RenameGroup => &["group", "name"],
            Op::RemoveGroup => &["group"],
            Op::AddCentre => &["id", "name"],
            Op::RenameCentre => &["centre", "name"],
            Op::RemoveCentre => &["centre"],
            Op::AddRcp => crate::read::RCP_FIELDS,
            Op::RenameRcp => &["rcp", "name"],
            Op::RemoveRcp => &["rcp"],
            Op::SetNextSession => &["rcp", "next_session"],
            Op::SetRcpResponsable => &["rcp", "person", "responsable"],
        }
    }
}

/// Every key any edit has, `op` first.
const KEYS: [&str; 24] = [
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
    "id",
    "name",
    "rpps",
    "members",
    "participants",
    "animateurs",
    "responsables",
    "next_session",
    "responsable",
];

/// One value of an edit, read before its operation is known.
enum Raw {
    /// A string, or `null`.
    Text(Option<String>),
    Permissions(Vec<PermissionEntry>),
    Flag(bool),
    /// A list of ids.
    List(Vec<String>),
}

/// What the value of a key is read as.
enum Slot {
    /// Skipped: a key no edit has, seen before `op` (reported once `op` says which keys were
    /// expected).
    Skip,
    /// The operation's name.
    Op,
    /// `add_access`'s permissions.
    Permissions,
    /// A boolean.
    Flag,
    /// A list of ids.
    List,
    /// A string, or `null`.
    Text,
}

/// Why the keys of an object do not make an edit: serde's errors, which each reader words in its
/// own way (the serde visitor through its deserializer, the core's reader as serde_json does).
enum Refusal {
    /// A key this edit does not have: the key, and the keys it has.
    Unknown(String, &'static [&'static str]),
    /// A key given twice.
    Duplicate(&'static str),
    /// A key it must have.
    Missing(&'static str),
    /// `null` where a string must be.
    Null,
    /// A name that is none of the values it may take.
    Variant(String, &'static [&'static str]),
}

impl Refusal {
    /// As the serde visitor's error.
    fn into_serde<E: serde::de::Error>(self) -> E {
        match self {
            Refusal::Unknown(key, keys) => E::unknown_field(&key, keys),
            Refusal::Duplicate(key) => E::duplicate_field(key),
            Refusal::Missing(key) => E::missing_field(key),
            Refusal::Null => E::invalid_type(serde::de::Unexpected::Unit, &"a string"),
            Refusal::Variant(name, names) => E::unknown_variant(&name, names),
        }
    }

    /// serde_json's message for it (the core's reader's).
    fn message(&self) -> String {
        match self {
            Refusal::Unknown(key, keys) => json::unknown_field(key, keys),
            Refusal::Duplicate(key) => format!("duplicate field `{key}`"),
            Refusal::Missing(key) => format!("missing field `{key}`"),
            Refusal::Null => String::from("invalid type: null, expected a string"),
            Refusal::Variant(name, names) => json::unknown_variant(name, names),
        }
    }
}

/// An edit being read, key by key, whatever their order — by the serde visitor and by the core's
/// reader alike: `op` names the variant, the other keys must be that variant's. (serde's
/// `#[serde(tag = "op")]` would buffer each edit whole into a generic value first, a large part of
/// the `.wasm`.)
#[derive(Default)]
struct Pending {
    /// The operation, once read.
    op: Option<Op>,
    /// The values read, taken out as the variant is built.
    fields: Vec<(&'static str, Raw)>,
    /// The first key no edit has, seen before `op`.
    unknown: Option<String>,
}

impl Pending {
    /// How the value of `key` is read, and the name it is kept under. Refused: a key this edit
    /// does not have (once `op` is known), a repeated key.
    fn slot(&mut self, key: &str) -> Result<(&'static str, Slot), Refusal> {
        let op = self.op;
        let known = KEYS.iter().copied().find(|k| *k == key);
        let Some(key) = known.filter(|k| op.is_none_or(|op| *k == "op" || op.keys().contains(k)))
        else {
            return match op {
                Some(op) => Err(Refusal::Unknown(key.to_owned(), op.keys())),
                None => {
                    self.unknown.get_or_insert_with(|| key.to_owned());
                    Ok(("", Slot::Skip))
                }
            };
        };
        if (key == "op" && op.is_some()) || self.fields.iter().any(|(k, _)| *k == key) {
            return Err(Refusal::Duplicate(key));
        }
        let slot = match key {
            "op" => Slot::Op,
            "permissions" => Slot::Permissions,
            "acknowledged" | "external" | "responsable" => Slot::Flag,
            "members" | "participants" | "animateurs" | "responsables" => Slot::List,
            _ => Slot::Text,
        };
        Ok((key, slot))
    }

    /// `op`'s value.
    fn set_op(&mut self, name: &str) -> Result<(), Refusal> {
        let i = OP_NAMES.iter().position(|n| *n == name);
        match i.and_then(|i| OPS.get(i)) {
            Some(op) => {
                self.op = Some(*op);
                Ok(())
            }
            None => Err(Refusal::Variant(name.to_owned(), &OP_NAMES)),
        }
    }

    fn push(&mut self, key: &'static str, raw: Raw) {
        self.fields.push((key, raw));
    }

    fn take(&mut self, key: &str) -> Option<Raw> {
        let i = self.fields.iter().position(|(k, _)| *k == key)?;
        Some(self.fields.swap_remove(i).1)
    }

    /// A string that must be there.
    fn text(&mut self, key: &'static str) -> Result<String, Refusal> {
        match self.take(key) {
            Some(Raw::Text(Some(text))) => Ok(text),
            Some(Raw::Text(None)) => Err(Refusal::Null),
            _ => Err(Refusal::Missing(key)),
        }
    }

    /// A string that may be absent or `null`.
    fn optional(&mut self, key: &str) -> Option<String> {
        match self.take(key) {
            Some(Raw::Text(text)) => text,
            _ => None,
        }
    }

    fn flag(&mut self, key: &'static str) -> Result<bool, Refusal> {
        match self.take(key) {
            Some(Raw::Flag(flag)) => Ok(flag),
            _ => Err(Refusal::Missing(key)),
        }
    }

    /// A flag that may be absent.
    fn optional_flag(&mut self, key: &str) -> Option<bool> {
        match self.take(key) {
            Some(Raw::Flag(flag)) => Some(flag),
            _ => None,
        }
    }

    /// A list of ids that may be absent (empty).
    fn list(&mut self, key: &str) -> Vec<String> {
        match self.take(key) {
            Some(Raw::List(list)) => list,
            _ => Vec::new(),
        }
    }

    /// The string of `key` as the position of one of `names`.
    fn named(
        &mut self,
        key: &'static str,
        names: &'static [&'static str],
    ) -> Result<usize, Refusal> {
        let name = self.text(key)?;
        names
            .iter()
            .position(|n| *n == name)
            .ok_or(Refusal::Variant(name, names))
    }

    fn category(&mut self) -> Result<Category, Refusal> {
        Ok(match self.named("category", CATEGORIES)? {
            0 => Category::Medecin,
            _ => Category::Secretaire,
        })
    }

    fn role(&mut self) -> Result<RcpRole, Refusal> {
        Ok(match self.named("role", ROLES)? {
            0 => RcpRole::None,
            1 => RcpRole::Participant,
            2 => RcpRole::Animateur,
            _ => RcpRole::Both,
        })
    }

    /// The edit, once every key is read.
    fn finish(mut self) -> Result<Change, Refusal> {
        let Some(op) = self.op else {
            return Err(Refusal::Missing("op"));
        };
        let stray = self
            .fields
            .iter()
            .map(|(k, _)| *k)
            .find(|k| !op.keys().contains(k));
        if let Some(key) = self.unknown.as_deref().or(stray) {
            return Err(Refusal::Unknown(key.to_owned(), op.keys()));
        }
        let f = &mut self;
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
                category: f.category()?,
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
                role: f.role()?,
            },
            Op::AddPerson => Change::AddPerson {
                id: f.text("id")?,
                name: f.text("name")?,
                category: f.category()?,
                rpps: f.optional("rpps"),
                external: f.optional_flag("external"),
            },
            Op::RenamePerson => Change::RenamePerson {
                person: f.text("person")?,
                name: f.text("name")?,
            },
            Op::RemovePerson => Change::RemovePerson {
                person: f.text("person")?,
            },
            Op::AddGroup => Change::AddGroup {
                id: f.text("id")?,
                name: f.text("name")?,
                members: f.list("members"),
            },
            Op::RenameGroup => Change::RenameGroup {
                group: f.text("group")?,
                name: f.text("name")?,
            },
            Op::RemoveGroup => Change::RemoveGroup {
                group: f.text("group")?,
            },
            Op::AddCentre => Change::AddCentre {
                id: f.text("id")?,
                name: f.text("name")?,
            },
            Op::RenameCentre => Change::RenameCentre {
                centre: f.text("centre")?,
                name: f.text("name")?,
            },
            Op::RemoveCentre => Change::RemoveCentre {
                centre: f.text("centre")?,
            },
            Op::AddRcp => Change::AddRcp {
                id: f.text("id")?,
                name: f.text("name")?,
                centre: f.text("centre")?,
                participants: f.list("participants"),
                animateurs: f.list("animateurs"),
                responsables: f.list("responsables"),
                next_session: f.optional("next_session"),
            },
            Op::RenameRcp => Change::RenameRcp {
                rcp: f.text("rcp")?,
                name: f.text("name")?,
            },
            Op::RemoveRcp => Change::RemoveRcp {
                rcp: f.text("rcp")?,
            },
            Op::SetNextSession => Change::SetNextSession {
                rcp: f.text("rcp")?,
                next_session: f.optional("next_session"),
            },
            Op::SetRcpResponsable => Change::SetRcpResponsable {
                rcp: f.text("rcp")?,
                person: f.text("person")?,
                responsable: f.flag("responsable")?,
            },
        })
    }
}

/// What serde calls an edit in "invalid type: …, expected …".
const EXPECTING: &str = "a change: an object with `op`";

/// Reads one edit in a single pass over its keys ([`Pending`]). The core reads edits with its own
/// reader ([`read_change`]); this is for hosts that deserialise them with serde.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ChangeVisitor)
    }
}

struct ChangeVisitor;

impl<'de> serde::de::Visitor<'de> for ChangeVisitor {
    type Value = Change;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
        let mut edit = Pending::default();
        while let Some(key) = map.next_key::<String>()? {
            let (key, slot) = edit.slot(&key).map_err(Refusal::into_serde)?;
            match slot {
                Slot::Skip => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                Slot::Op => {
                    let name: String = map.next_value()?;
                    edit.set_op(&name).map_err(Refusal::into_serde)?;
                }
                Slot::Permissions => edit.push(key, Raw::Permissions(map.next_value()?)),
                Slot::Flag => edit.push(key, Raw::Flag(map.next_value()?)),
                Slot::List => edit.push(key, Raw::List(map.next_value()?)),
                Slot::Text => edit.push(key, Raw::Text(map.next_value()?)),
            }
        }
        edit.finish().map_err(Refusal::into_serde)
    }
}

/// One edit, read with the core's reader ([`crate::json`]) as the serde visitor reads it (the same
/// [`Pending`]), with serde_json's messages at serde_json's line and column: what the core,
/// scenario files and the playground read edits with.
fn read_change(r: &mut Reader<'_>) -> json::Result<Change> {
    let mut edit = Pending::default();
    r.members(EXPECTING, &mut |r, key| {
        let (key, slot) = match edit.slot(key) {
            Ok(slot) => slot,
            Err(refusal) => return Err(r.member_error(refusal.message())),
        };
        r.colon_next()?;
        match slot {
            Slot::Skip => r.skip()?,
            Slot::Op => {
                let name = r.string()?;
                if let Err(refusal) = edit.set_op(&name) {
                    return Err(r.member_error(refusal.message()));
                }
            }
            Slot::Permissions => {
                let permissions = crate::read::permissions(r)?;
                edit.push(key, Raw::Permissions(permissions));
            }
            Slot::Flag => {
                let flag = r.bool()?;
                edit.push(key, Raw::Flag(flag));
            }
            Slot::List => {
                let list = r.strings()?;
                edit.push(key, Raw::List(list));
            }
            Slot::Text => {
                let text = r.opt_string()?;
                edit.push(key, Raw::Text(text));
            }
        }
        Ok(())
    })?;
    edit.finish().map_err(|refusal| r.data(refusal.message()))
}

/// A list of edits, read with the core's reader (a bare changes text, a scenario step's
/// `changes`, the edits a playground link carries).
pub(crate) fn read_changes(r: &mut Reader<'_>) -> json::Result<Vec<Change>> {
    r.list(read_change)
}

impl JsonReader<'_, '_> {
    /// A list of edits, as `ChangeSet::parse` reads them (a host's document that carries edits).
    pub fn changes(&mut self) -> Result<Vec<Change>, JsonError> {
        read_changes(self.0).map_err(JsonError)
    }
}

/// `secretariat-changes/1`, read with the core's reader.
fn read_change_set(r: &mut Reader<'_>) -> json::Result<ChangeSet> {
    const F: Fields = crate::read::strict("struct ChangeSet", &["format", "changes"], 0b11);
    let mut set = ChangeSet::default();
    r.fields(&F, |r, i| {
        if i == 0 {
            set.format = r.string()?;
        } else {
            set.changes = read_changes(r)?;
        }
        Ok(())
    })?;
    Ok(set)
}

impl Change {
    /// Applies this edit to a file. The result is checked as a whole afterwards (dates, references);
    /// here only what the edit itself names is checked. One function per edit, below.
    pub fn apply(&self, file: &mut OrgFile) -> Result<(), ChangeError> {
        match self {
            Change::GrantPermission {
                secretary,
                doctor,
                permission,
                valid_from,
                valid_until,
            } => grant_permission(file, secretary, doctor, permission, valid_from, valid_until),
            Change::RevokePermission {
                secretary,
                doctor,
                permission,
            } => revoke_permission(file, secretary, doctor, permission),
            Change::AddAccess {
                secretary,
                doctor,
                permissions,
                valid_from,
                valid_until,
            } => add_access(
                file,
                secretary,
                doctor,
                permissions,
                valid_from,
                valid_until,
            ),
            Change::RemoveAccess { secretary, doctor } => remove_access(file, secretary, doctor),
            Change::AcknowledgeConfidentiality {
                secretary,
                doctor,
                acknowledged,
            } => {
                access_mut(file, secretary, doctor)?.confidentiality_acknowledged = *acknowledged;
                Ok(())
            }
            Change::Suspend { person } => {
                person_mut(file, person)?.status = Status::Suspended;
                Ok(())
            }
            Change::Reactivate { person } => {
                person_mut(file, person)?.status = Status::Active;
                Ok(())
            }
            Change::Departure { person } => {
                person_mut(file, person)?.status = Status::Deleted;
                Ok(())
            }
            Change::SetCategory { person, category } => {
                person_mut(file, person)?.category = *category;
                Ok(())
            }
            Change::SetExternal { person, external } => {
                person_mut(file, person)?.external = Some(*external);
                Ok(())
            }
            Change::AddAffiliation {
                doctor,
                secretary,
                group,
                valid_from,
                valid_until,
            } => add_affiliation(
                file,
                AffiliationEntry {
                    doctor: doctor.clone(),
                    secretary: secretary.clone(),
                    group: group.clone(),
                    valid_from: valid_from.clone(),
                    valid_until: valid_until.clone(),
                },
            ),
            Change::RemoveAffiliation {
                doctor,
                secretary,
                group,
            } => remove_affiliation(file, doctor, secretary.as_deref(), group.as_deref()),
            Change::AddGroupMember { group, person } => add_group_member(file, group, person),
            Change::RemoveGroupMember { group, person } => remove_group_member(file, group, person),
            Change::AddProfile {
                secretary,
                centre,
                valid_from,
                valid_until,
            } => add_profile(
                file,
                ProfileEntry {
                    secretary: secretary.clone(),
                    centre: centre.clone(),
                    valid_from: valid_from.clone(),
                    valid_until: valid_until.clone(),
                },
            ),
            Change::RemoveProfile { secretary, centre } => remove_profile(file, secretary, centre),
            Change::SetRcpRole { rcp, doctor, role } => set_rcp_role(file, rcp, doctor, *role),
            Change::AddPerson {
                id,
                name,
                category,
                rpps,
                external,
            } => add_person(
                file,
                PersonEntry {
                    id: id.clone(),
                    name: name.clone(),
                    category: *category,
                    rpps: rpps.clone(),
                    external: *external,
                    status: Status::Active,
                    coordinator_of: Vec::new(),
                },
            ),
            Change::RenamePerson { person, name } => {
                person_mut(file, person)?.name.clone_from(name);
                Ok(())
            }
            Change::RemovePerson { person } => remove_person(file, person),
            Change::AddGroup { id, name, members } => add_group(
                file,
                GroupEntry {
                    id: id.clone(),
                    name: name.clone(),
                    members: members.clone(),
                },
            ),
            Change::RenameGroup { group, name } => {
                group_mut(file, group)?.name.clone_from(name);
                Ok(())
            }
            Change::RemoveGroup { group } => remove_group(file, group),
            Change::AddCentre { id, name } => add_centre(
                file,
                CentreEntry {
                    id: id.clone(),
                    name: name.clone(),
                },
            ),
            Change::RenameCentre { centre, name } => {
                centre_mut(file, centre)?.name.clone_from(name);
                Ok(())
            }
            Change::RemoveCentre { centre } => remove_centre(file, centre),
            Change::AddRcp {
                id,
                name,
                centre,
                participants,
                animateurs,
                responsables,
                next_session,
            } => add_rcp(
                file,
                RcpEntry {
                    id: id.clone(),
                    name: name.clone(),
                    centre: centre.clone(),
                    participants: participants.clone(),
                    animateurs: animateurs.clone(),
                    responsables: responsables.clone(),
                    next_session: next_session.clone(),
                },
            ),
            Change::RenameRcp { rcp, name } => {
                rcp_mut(file, rcp)?.name.clone_from(name);
                Ok(())
            }
            Change::RemoveRcp { rcp } => remove_rcp(file, rcp),
            Change::SetNextSession { rcp, next_session } => {
                rcp_mut(file, rcp)?.next_session.clone_from(next_session);
                Ok(())
            }
            Change::SetRcpResponsable {
                rcp,
                person,
                responsable,
            } => {
                person_exists(file, person)?;
                set_member(&mut rcp_mut(file, rcp)?.responsables, person, *responsable);
                Ok(())
            }
        }
    }

    /// Applies edits in order; reports every edit that could not be applied, with its path.
    pub fn apply_all(changes: &[Change], file: &mut OrgFile) -> Result<(), ApplyError> {
        let mut problems = Vec::new();
        for (i, c) in changes.iter().enumerate() {
            if let Err(e) = c.apply(file) {
                problems.push(Problem {
                    path: format!("changes[{i}]"),
                    message: e.to_string(),
                });
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ApplyError { problems })
        }
    }
}

// ---- Looking things up ----

fn unknown(kind: &'static str, id: &str) -> ChangeError {
    ChangeError::Unknown {
        kind,
        id: id.to_owned(),
    }
}

fn exists(kind: &'static str, id: &str) -> ChangeError {
    ChangeError::Exists {
        kind,
        id: id.to_owned(),
    }
}

fn person_exists(file: &OrgFile, id: &str) -> Result<(), ChangeError> {
    if file.people.iter().any(|p| p.id == id) {
        Ok(())
    } else {
        Err(unknown("person", id))
    }
}

fn person_mut<'a>(file: &'a mut OrgFile, id: &str) -> Result<&'a mut PersonEntry, ChangeError> {
    file.people
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| unknown("person", id))
}

fn known_permission(id: &str) -> Result<(), ChangeError> {
    Permission::from_id(id)
        .map(|_| ())
        .ok_or_else(|| unknown("permission", id))
}

fn access_mut<'a>(
    file: &'a mut OrgFile,
    s: &str,
    d: &str,
) -> Result<&'a mut AccessEntry, ChangeError> {
    person_exists(file, s)?;
    person_exists(file, d)?;
    file.practice
        .get_or_insert_with(Default::default)
        .accesses
        .iter_mut()
        .find(|a| a.secretary == s && a.doctor == d)
        .ok_or_else(|| ChangeError::NoAccess {
            secretary: s.to_owned(),
            doctor: d.to_owned(),
        })
}

fn target_exists(
    file: &OrgFile,
    secretary: Option<&str>,
    group: Option<&str>,
) -> Result<(), ChangeError> {
    match (secretary, group) {
        (Some(s), None) => person_exists(file, s),
        (None, Some(g)) => file
            .groups
            .iter()
            .any(|x| x.id == g)
            .then_some(())
            .ok_or_else(|| unknown("group", g)),
        _ => Err(ChangeError::SecretaryOrGroup),
    }
}

fn group_mut<'a>(file: &'a mut OrgFile, group: &str) -> Result<&'a mut GroupEntry, ChangeError> {
    file.groups
        .iter_mut()
        .find(|g| g.id == group)
        .ok_or_else(|| unknown("group", group))
}

fn network(file: &mut OrgFile) -> &mut NetworkSection {
    file.network.get_or_insert_with(Default::default)
}

fn centre_exists(file: &OrgFile, centre: &str) -> Result<(), ChangeError> {
    file.network
        .as_ref()
        .is_some_and(|n| n.centres.iter().any(|c| c.id == centre))
        .then_some(())
        .ok_or_else(|| unknown("centre", centre))
}

fn centre_mut<'a>(file: &'a mut OrgFile, centre: &str) -> Result<&'a mut CentreEntry, ChangeError> {
    file.network
        .as_mut()
        .and_then(|n| n.centres.iter_mut().find(|c| c.id == centre))
        .ok_or_else(|| unknown("centre", centre))
}

fn rcp_mut<'a>(file: &'a mut OrgFile, rcp: &str) -> Result<&'a mut RcpEntry, ChangeError> {
    file.network
        .as_mut()
        .and_then(|n| n.rcps.iter_mut().find(|r| r.id == rcp))
        .ok_or_else(|| unknown("rcp", rcp))
}

/// Puts `id` in `list` or takes it out.
fn set_member(list: &mut Vec<String>, id: &str, wanted: bool) {
    let has = list.iter().any(|x| x == id);
    if wanted && !has {
        list.push(id.to_owned());
    } else if !wanted && has {
        list.retain(|x| x != id);
    }
}

/// A refusal to retire the `kind` `id` while `refs` still name it.
fn still_referred(kind: &'static str, id: &str, refs: Vec<String>) -> Result<(), ChangeError> {
    if refs.is_empty() {
        return Ok(());
    }
    Err(ChangeError::StillReferred {
        kind,
        id: id.to_owned(),
        refs,
    })
}

// ---- Practice: accesses and permissions ----

fn grant_permission(
    file: &mut OrgFile,
    secretary: &str,
    doctor: &str,
    permission: &str,
    valid_from: &Option<String>,
    valid_until: &Option<String>,
) -> Result<(), ChangeError> {
    known_permission(permission)?;
    let a = access_mut(file, secretary, doctor)?;
    let entry = if valid_from.is_none() && valid_until.is_none() {
        PermissionEntry::Id(permission.to_owned())
    } else {
        PermissionEntry::Windowed(WindowedPermission {
            id: permission.to_owned(),
            valid_from: valid_from.clone(),
            valid_until: valid_until.clone(),
        })
    };
    match a.permissions.iter_mut().find(|p| p.id() == permission) {
        Some(slot) => *slot = entry,
        None => a.permissions.push(entry),
    }
    Ok(())
}

fn revoke_permission(
    file: &mut OrgFile,
    secretary: &str,
    doctor: &str,
    permission: &str,
) -> Result<(), ChangeError> {
    known_permission(permission)?;
    let a = access_mut(file, secretary, doctor)?;
    let before = a.permissions.len();
    a.permissions.retain(|p| p.id() != permission);
    if a.permissions.len() == before {
        return Err(ChangeError::NotHeld {
            secretary: secretary.to_owned(),
            permission: permission.to_owned(),
            doctor: doctor.to_owned(),
        });
    }
    Ok(())
}

fn add_access(
    file: &mut OrgFile,
    secretary: &str,
    doctor: &str,
    permissions: &[PermissionEntry],
    valid_from: &Option<String>,
    valid_until: &Option<String>,
) -> Result<(), ChangeError> {
    for p in permissions {
        known_permission(p.id())?;
    }
    if let Ok(a) = access_mut(file, secretary, doctor) {
        a.valid_from.clone_from(valid_from);
        a.valid_until.clone_from(valid_until);
        for p in permissions {
            if !a.permissions.iter().any(|x| x.id() == p.id()) {
                a.permissions.push(p.clone());
            }
        }
        return Ok(());
    }
    person_exists(file, secretary)?;
    person_exists(file, doctor)?;
    file.practice
        .get_or_insert_with(Default::default)
        .accesses
        .push(AccessEntry {
            secretary: secretary.to_owned(),
            doctor: doctor.to_owned(),
            permissions: permissions.to_vec(),
            valid_from: valid_from.clone(),
            valid_until: valid_until.clone(),
            confidentiality_acknowledged: false,
        });
    Ok(())
}

fn remove_access(file: &mut OrgFile, secretary: &str, doctor: &str) -> Result<(), ChangeError> {
    access_mut(file, secretary, doctor)?;
    if let Some(p) = file.practice.as_mut() {
        p.accesses
            .retain(|a| !(a.secretary == secretary && a.doctor == doctor));
    }
    Ok(())
}

// ---- Network: affiliations, groups, profiles, roles ----

fn add_affiliation(file: &mut OrgFile, entry: AffiliationEntry) -> Result<(), ChangeError> {
    person_exists(file, &entry.doctor)?;
    target_exists(file, entry.secretary.as_deref(), entry.group.as_deref())?;
    let net = network(file);
    match net.affiliations.iter_mut().find(|a| {
        a.doctor == entry.doctor && a.secretary == entry.secretary && a.group == entry.group
    }) {
        Some(a) => {
            a.valid_from = entry.valid_from;
            a.valid_until = entry.valid_until;
        }
        None => net.affiliations.push(entry),
    }
    Ok(())
}

fn remove_affiliation(
    file: &mut OrgFile,
    doctor: &str,
    secretary: Option<&str>,
    group: Option<&str>,
) -> Result<(), ChangeError> {
    person_exists(file, doctor)?;
    target_exists(file, secretary, group)?;
    let net = network(file);
    let before = net.affiliations.len();
    net.affiliations.retain(|a| {
        !(a.doctor == doctor && a.secretary.as_deref() == secretary && a.group.as_deref() == group)
    });
    if net.affiliations.len() == before {
        return Err(ChangeError::NoAffiliation {
            doctor: doctor.to_owned(),
        });
    }
    Ok(())
}

fn add_group_member(file: &mut OrgFile, group: &str, person: &str) -> Result<(), ChangeError> {
    person_exists(file, person)?;
    let g = group_mut(file, group)?;
    set_member(&mut g.members, person, true);
    Ok(())
}

fn remove_group_member(file: &mut OrgFile, group: &str, person: &str) -> Result<(), ChangeError> {
    let g = group_mut(file, group)?;
    if !g.members.iter().any(|m| m == person) {
        return Err(ChangeError::NotAMember {
            person: person.to_owned(),
            group: group.to_owned(),
        });
    }
    set_member(&mut g.members, person, false);
    Ok(())
}

fn add_profile(file: &mut OrgFile, entry: ProfileEntry) -> Result<(), ChangeError> {
    person_exists(file, &entry.secretary)?;
    centre_exists(file, &entry.centre)?;
    let net = network(file);
    match net
        .profiles
        .iter_mut()
        .find(|p| p.secretary == entry.secretary && p.centre == entry.centre)
    {
        Some(p) => {
            p.valid_from = entry.valid_from;
            p.valid_until = entry.valid_until;
        }
        None => net.profiles.push(entry),
    }
    Ok(())
}

fn remove_profile(file: &mut OrgFile, secretary: &str, centre: &str) -> Result<(), ChangeError> {
    person_exists(file, secretary)?;
    centre_exists(file, centre)?;
    let net = network(file);
    let before = net.profiles.len();
    net.profiles
        .retain(|p| !(p.secretary == secretary && p.centre == centre));
    if net.profiles.len() == before {
        return Err(ChangeError::NoProfile {
            secretary: secretary.to_owned(),
            centre: centre.to_owned(),
        });
    }
    Ok(())
}

fn set_rcp_role(
    file: &mut OrgFile,
    rcp: &str,
    doctor: &str,
    role: RcpRole,
) -> Result<(), ChangeError> {
    person_exists(file, doctor)?;
    let r = rcp_mut(file, rcp)?;
    let (participant, animateur) = match role {
        RcpRole::None => (false, false),
        RcpRole::Participant => (true, false),
        RcpRole::Animateur => (false, true),
        RcpRole::Both => (true, true),
    };
    set_member(&mut r.participants, doctor, participant);
    set_member(&mut r.animateurs, doctor, animateur);
    Ok(())
}

// ---- Creating and retiring what the organisation holds ----

fn add_person(file: &mut OrgFile, person: PersonEntry) -> Result<(), ChangeError> {
    if file.people.iter().any(|p| p.id == person.id) {
        return Err(exists("person", &person.id));
    }
    if let Some(rpps) = person.rpps.as_deref().filter(|r| !rpps_is_well_formed(r)) {
        return Err(ChangeError::MalformedRpps(rpps.to_owned()));
    }
    file.people.push(person);
    Ok(())
}

/// What still names person `id`, in words.
fn person_references(file: &OrgFile, id: &str) -> Vec<String> {
    let mut refs = Vec::new();
    for a in file.practice.iter().flat_map(|p| &p.accesses) {
        if a.secretary == id || a.doctor == id {
            refs.push(format!(
                "the access of `{}` to `{}`'s account",
                a.secretary, a.doctor
            ));
        }
    }
    for g in file
        .groups
        .iter()
        .filter(|g| g.members.iter().any(|m| m == id))
    {
        refs.push(format!("membership of group `{}`", g.id));
    }
    if let Some(net) = &file.network {
        for p in net.profiles.iter().filter(|p| p.secretary == id) {
            refs.push(format!("the profile on centre `{}`", p.centre));
        }
        for a in &net.affiliations {
            let target = a.secretary.as_deref().or(a.group.as_deref()).unwrap_or("");
            if a.doctor == id || a.secretary.as_deref() == Some(id) {
                refs.push(format!("the affiliation of `{}` to `{target}`", a.doctor));
            }
        }
        for r in &net.rcps {
            for (list, role) in [
                (&r.participants, "participant"),
                (&r.animateurs, "animateur"),
                (&r.responsables, "responsable"),
            ] {
                if list.iter().any(|x| x == id) {
                    refs.push(format!("{role} of rcp `{}`", r.id));
                }
            }
        }
        for d in net.dossiers.iter().filter(|d| d.demandeur == id) {
            refs.push(format!("demandeur of dossier `{}`", d.id));
        }
    }
    refs
}

fn remove_person(file: &mut OrgFile, person: &str) -> Result<(), ChangeError> {
    person_exists(file, person)?;
    still_referred("person", person, person_references(file, person))?;
    file.people.retain(|p| p.id != person);
    Ok(())
}

fn add_group(file: &mut OrgFile, group: GroupEntry) -> Result<(), ChangeError> {
    if file.groups.iter().any(|g| g.id == group.id) {
        return Err(exists("group", &group.id));
    }
    for m in &group.members {
        person_exists(file, m)?;
    }
    file.groups.push(group);
    Ok(())
}

fn remove_group(file: &mut OrgFile, group: &str) -> Result<(), ChangeError> {
    group_mut(file, group)?;
    let refs = file
        .network
        .iter()
        .flat_map(|n| &n.affiliations)
        .filter(|a| a.group.as_deref() == Some(group))
        .map(|a| format!("the affiliation of `{}`", a.doctor))
        .collect();
    still_referred("group", group, refs)?;
    file.groups.retain(|g| g.id != group);
    Ok(())
}

fn add_centre(file: &mut OrgFile, centre: CentreEntry) -> Result<(), ChangeError> {
    if centre_exists(file, &centre.id).is_ok() {
        return Err(exists("centre", &centre.id));
    }
    network(file).centres.push(centre);
    Ok(())
}

fn remove_centre(file: &mut OrgFile, centre: &str) -> Result<(), ChangeError> {
    centre_exists(file, centre)?;
    let mut refs: Vec<String> = file
        .people
        .iter()
        .filter(|p| p.coordinator_of.iter().any(|c| c == centre))
        .map(|p| format!("its coordinator `{}`", p.id))
        .collect();
    if let Some(net) = &file.network {
        refs.extend(
            net.profiles
                .iter()
                .filter(|p| p.centre == centre)
                .map(|p| format!("the profile of `{}`", p.secretary)),
        );
        refs.extend(
            net.rcps
                .iter()
                .filter(|r| r.centre == centre)
                .map(|r| format!("rcp `{}`", r.id)),
        );
    }
    still_referred("centre", centre, refs)?;
    network(file).centres.retain(|c| c.id != centre);
    Ok(())
}

fn add_rcp(file: &mut OrgFile, rcp: RcpEntry) -> Result<(), ChangeError> {
    if rcp_mut(file, &rcp.id).is_ok() {
        return Err(exists("rcp", &rcp.id));
    }
    centre_exists(file, &rcp.centre)?;
    for p in rcp
        .participants
        .iter()
        .chain(&rcp.animateurs)
        .chain(&rcp.responsables)
    {
        person_exists(file, p)?;
    }
    network(file).rcps.push(rcp);
    Ok(())
}

fn remove_rcp(file: &mut OrgFile, rcp: &str) -> Result<(), ChangeError> {
    rcp_mut(file, rcp)?;
    let refs = file
        .network
        .iter()
        .flat_map(|n| &n.dossiers)
        .filter(|d| d.rcp == rcp)
        .map(|d| format!("dossier `{}`", d.id))
        .collect();
    still_referred("rcp", rcp, refs)?;
    network(file).rcps.retain(|r| r.id != rcp);
    Ok(())
}

#[cfg(test)]
mod tests {
    #![expect(clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

    use super::*;

    /// The core's reader and serde_json (through the serde visitor) on `text`: the same value, or
    /// the same message at the same line and column. Except where the readers differ by design
    /// (`read.rs`): a windowed permission written as an array (serde reads it by position), a
    /// number's text in a message (serde formats the float). Whether errors were compared.
    fn same<T: PartialEq + std::fmt::Debug + serde::de::DeserializeOwned>(
        text: &str,
        read: fn(&mut Reader<'_>) -> json::Result<T>,
    ) -> bool {
        let ours = crate::read::document(text, read);
        match (ours, serde_json::from_str::<T>(text)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(a), Err(b)) => {
                let b = b.to_string();
                if !crate::JsonError::differs_by_design(&a.message, &b) {
                    assert_eq!(a.to_string(), b, "{text}");
                    return true;
                }
            }
            (Ok(_), Err(b)) => panic!("{text}: serde_json refuses ({b}), the reader reads"),
            (Err(a), Ok(_)) => assert!(
                crate::JsonError::differs_by_design(&a.message, ""),
                "{text}: {a}"
            ),
        }
        false
    }

    /// Every single-byte deletion, and insertions every third byte, of `text`.
    fn mutations(text: &str) -> Vec<String> {
        let mut out = vec![text.to_owned()];
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let head = text.get(..i).unwrap_or_default();
            let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
            out.push(format!("{head}{rest}"));
            if k % 3 == 0 {
                for insert in [
                    "1", "\"", "null", "[", "{}", ",", "-", "\"op\":", "\"x\":1,",
                ] {
                    out.push(format!("{head}{insert}{rest}"));
                }
            }
        }
        out
    }

    /// One edit of every operation, every key given.
    fn every_op() -> Vec<Change> {
        let s = |v: &str| v.to_owned();
        let o = |v: &str| Some(v.to_owned());
        let window = PermissionEntry::Windowed(WindowedPermission {
            id: s("agenda"),
            valid_from: o("2026-01-01T00:00:00Z"),
            valid_until: None,
        });
        vec![
            Change::GrantPermission {
                secretary: s("sophie"),
                doctor: s("dr-martin"),
                permission: s("agenda"),
                valid_from: o("2026-01-01T00:00:00Z"),
                valid_until: o("2026-02-01T00:00:00Z"),
            },
            Change::RevokePermission {
                secretary: s("sophie"),
                doctor: s("dr-martin"),
                permission: s("agenda"),
            },
            Change::AddAccess {
                secretary: s("sophie"),
                doctor: s("dr-martin"),
                permissions: vec![PermissionEntry::Id(s("mail")), window],
                valid_from: o("2026-01-01T00:00:00Z"),
                valid_until: None,
            },
            Change::RemoveAccess {
                secretary: s("sophie"),
                doctor: s("dr-martin"),
            },
            Change::AcknowledgeConfidentiality {
                secretary: s("sophie"),
                doctor: s("dr-martin"),
                acknowledged: true,
            },
            Change::Suspend { person: s("lea") },
            Change::Reactivate { person: s("lea") },
            Change::Departure { person: s("lea") },
            Change::SetCategory {
                person: s("lea"),
                category: Category::Medecin,
            },
            Change::SetExternal {
                person: s("lea"),
                external: false,
            },
            Change::AddAffiliation {
                doctor: s("dr-martin"),
                secretary: o("lea"),
                group: None,
                valid_from: None,
                valid_until: o("2026-02-01T00:00:00Z"),
            },
            Change::RemoveAffiliation {
                doctor: s("dr-martin"),
                secretary: None,
                group: o("pool"),
            },
            Change::AddGroupMember {
                group: s("pool"),
                person: s("lea"),
            },
            Change::RemoveGroupMember {
                group: s("pool"),
                person: s("lea"),
            },
            Change::AddProfile {
                secretary: s("lea"),
                centre: s("3c"),
                valid_from: o("2026-01-01T00:00:00Z"),
                valid_until: None,
            },
            Change::RemoveProfile {
                secretary: s("lea"),
                centre: s("3c"),
            },
            Change::SetRcpRole {
                rcp: s("rcp-sein"),
                doctor: s("dr-martin"),
                role: RcpRole::Both,
            },
            Change::AddPerson {
                id: s("camille"),
                name: s("Camille « Cam » Roy"),
                category: Category::Secretaire,
                rpps: o("10000000007"),
                external: Some(true),
            },
            Change::RenamePerson {
                person: s("lea"),
                name: s("Léa\tB."),
            },
            Change::RemovePerson { person: s("lea") },
            Change::AddGroup {
                id: s("pool"),
                name: s("Pool"),
                members: vec![s("lea"), s("sophie")],
            },
            Change::RenameGroup {
                group: s("pool"),
                name: s("P"),
            },
            Change::RemoveGroup { group: s("pool") },
            Change::AddCentre {
                id: s("3c"),
                name: s("3C"),
            },
            Change::RenameCentre {
                centre: s("3c"),
                name: s("C"),
            },
            Change::RemoveCentre { centre: s("3c") },
            Change::AddRcp {
                id: s("rcp"),
                name: s("RCP"),
                centre: s("3c"),
                participants: vec![s("dr-a")],
                animateurs: vec![s("dr-b")],
                responsables: vec![s("dr-c")],
                next_session: o("2026-03-01T09:00:00Z"),
            },
            Change::RenameRcp {
                rcp: s("rcp"),
                name: s("R"),
            },
            Change::RemoveRcp { rcp: s("rcp") },
            Change::SetNextSession {
                rcp: s("rcp"),
                next_session: None,
            },
            Change::SetRcpResponsable {
                rcp: s("rcp"),
                person: s("dr-c"),
                responsable: true,
            },
        ]
    }

    /// Every operation has a sample, and the samples read back as written.
    #[test]
    fn every_operation_reads_back_as_written() {
        let changes = every_op();
        assert_eq!(changes.len(), OP_NAMES.len());
        let text = serde_json::to_string(&changes).expect("json");
        for name in OP_NAMES {
            assert!(text.contains(&format!("\"op\":\"{name}\"")), "{name}");
        }
        let set = ChangeSet::parse(&text).expect("a changes text");
        assert_eq!(set.changes, changes);
    }

    /// The core's reader of edits against the serde visitor through serde_json, on every changes
    /// fixture and on every operation with its keys in two orders (`op` first, and sorted, which
    /// puts it among the others), and on mutations of each.
    #[test]
    fn edits_read_as_serde_json_reads_them() {
        let samples = every_op();
        // `op` first, as `Change` writes it; then keys sorted (serde_json's `Value`), `op` among
        // them.
        let first = serde_json::to_string_pretty(&samples).expect("json");
        let value = serde_json::to_value(&samples).expect("value");
        let sorted = serde_json::to_string_pretty(&value).expect("json");
        let mut compared = 0;
        for text in [first, sorted] {
            for m in mutations(&text) {
                compared += usize::from(same(&m, read_changes));
            }
        }
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/demo/changes"
        );
        for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("a fixture");
            let mut texts = vec![text.clone()];
            if text.len() < 2_000 {
                texts = mutations(&text);
            }
            for m in texts {
                if m.trim_start().starts_with('[') {
                    compared += usize::from(same(&m, read_changes));
                } else {
                    compared += usize::from(same(&m, read_change_set));
                }
            }
        }
        assert!(compared > 5_000, "{compared} errors compared");
    }
}
