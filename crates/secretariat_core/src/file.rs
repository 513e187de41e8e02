//! The organisation file `secretariat-org/1` as written on disk (INTERFACES.md): plain serde types,
//! no checks. [`crate::Organisation::load`] turns it into checked, indexed types once.
//!
//! Ids, dates and permission ids stay strings here so that loading can report *every* bad one at
//! once, each with its JSON path. The same types serialise back (export, simulation) and generate
//! the JSON Schema shipped in `schema/secretariat-org-1.schema.json`.

use serde::{Deserialize, Serialize};

/// The only format version this build reads and writes.
pub const FORMAT: &str = "secretariat-org/1";

#[cfg(feature = "schema")]
use schemars::JsonSchema;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole organisation file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrgFile {
    /// Always `secretariat-org/1`.
    pub format: String,
    /// Free text.
    #[serde(default)]
    pub name: String,
    /// Contacts that change requests are sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Support>,
    /// Doctors, secretaries and coordinators.
    #[serde(default)]
    pub people: Vec<PersonEntry>,
    /// Secretary groups (a doctor can be attached to a whole secretariat).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupEntry>,
    /// The practice pack: delegation of a doctor's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<PracticeSection>,
    /// The cancer-network pack: centres, profiles, affiliations, RCPs, dossiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkSection>,
}

/// Where change requests go.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// The practice software vendor's support e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
    /// The cancer network's support e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
}

/// Directory category (DCC annuaire professionnel).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Médecin — the default of every new DCC account.
    #[default]
    Medecin,
    /// Secrétaire.
    Secretaire,
}

/// Account status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// In service.
    #[default]
    Active,
    /// Temporary deactivation.
    Suspended,
    /// Departure.
    Deleted,
}

/// One person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Unique across the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Directory category.
    pub category: Category,
    /// Doctors: RPPS number, 11 digits with a Luhn check digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpps: Option<String>,
    /// Secretaries: external secretary or third-party provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<bool>,
    /// Account status.
    pub status: Status,
    /// Centres this person coordinates (3C "business side").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinator_of: Vec<String>,
}

/// A group of secretaries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// Unique across the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
    /// People ids.
    #[serde(default, deserialize_with = "shrunk")]
    pub members: Vec<String>,
}

/// A list of ids read without the slack a growing vector keeps: a file of many one-doctor RCPs
/// would otherwise hold four slots for each doctor named (memory stays within ten times the file).
fn shrunk<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let mut list = Vec::<String>::deserialize(d)?;
    list.shrink_to_fit();
    Ok(list)
}

/// The practice pack.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PracticeSection {
    /// One entry per (secretary, doctor) pair.
    #[serde(default)]
    pub accesses: Vec<AccessEntry>,
}

/// A secretary's access to one doctor's account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccessEntry {
    /// The secretary's person id.
    pub secretary: String,
    /// The doctor's person id.
    pub doctor: String,
    /// Granted permissions.
    #[serde(default)]
    pub permissions: Vec<PermissionEntry>,
    /// First instant the access is in force (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last instant the access is in force (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// The secretary has acknowledged her confidentiality obligations (P6, exports).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidentiality_acknowledged: bool,
}

/// A granted permission: its id, or its id with a validity window.
// Read by hand (below), not by `#[serde(untagged)]`, which buffers every entry (a large generic
// `Content` in the `.wasm`) and, when none fits, can only say "data did not match any variant";
// `untagged` here shapes only the output and the schema (not a doc comment: that goes in it).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum PermissionEntry {
    /// Just the id, e.g. `"agenda"`.
    Id(String),
    /// The id with a window.
    Windowed(WindowedPermission),
}

/// A permission granted for a while.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WindowedPermission {
    /// Permission id.
    pub id: String,
    /// First instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

impl<'de> Deserialize<'de> for PermissionEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};

        struct EntryVisitor;

        impl<'de> serde::de::Visitor<'de> for EntryVisitor {
            type Value = PermissionEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a permission id, or an object with `id`, `valid_from`, `valid_until`")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<PermissionEntry, E> {
                Ok(PermissionEntry::Id(id.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, id: String) -> Result<PermissionEntry, E> {
                Ok(PermissionEntry::Id(id))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PermissionEntry, A::Error> {
                WindowedPermission::deserialize(MapAccessDeserializer::new(map))
                    .map(PermissionEntry::Windowed)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<PermissionEntry, A::Error> {
                WindowedPermission::deserialize(SeqAccessDeserializer::new(seq))
                    .map(PermissionEntry::Windowed)
            }
        }

        deserializer.deserialize_any(EntryVisitor)
    }
}

impl PermissionEntry {
    /// The permission id, windowed or not.
    pub fn id(&self) -> &str {
        match self {
            PermissionEntry::Id(id) => id,
            PermissionEntry::Windowed(w) => &w.id,
        }
    }
}

/// The cancer-network pack.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkSection {
    /// 3C centres.
    #[serde(default)]
    pub centres: Vec<CentreEntry>,
    /// "Secrétaire médecin" profiles, one per (secretary, centre).
    #[serde(default)]
    pub profiles: Vec<ProfileEntry>,
    /// Doctor → secretary or group.
    #[serde(default)]
    pub affiliations: Vec<AffiliationEntry>,
    /// Tumour boards.
    #[serde(default)]
    pub rcps: Vec<RcpEntry>,
    /// RCP passages.
    #[serde(default)]
    pub dossiers: Vec<DossierEntry>,
    /// Patients who object to access by the secretariat (B2): every dossier of theirs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patient_objections: Vec<String>,
}

/// A 3C centre.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CentreEntry {
    /// Unique across the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The "secrétaire médecin" profile of one secretary on one centre.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileEntry {
    /// Person id.
    pub secretary: String,
    /// Centre id.
    pub centre: String,
    /// First instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// A doctor attached to a secretary, or to every member of a group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AffiliationEntry {
    /// Doctor's person id.
    pub doctor: String,
    /// Secretary's person id (exactly one of `secretary`, `group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// Group id (exactly one of `secretary`, `group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// First instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last instant in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// A tumour board.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RcpEntry {
    /// Unique across the organisation.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Centre id.
    pub centre: String,
    /// Participant doctors.
    #[serde(default, deserialize_with = "shrunk")]
    pub participants: Vec<String>,
    /// Animateur doctors.
    #[serde(default, deserialize_with = "shrunk")]
    pub animateurs: Vec<String>,
    /// Responsables (read the D8 report).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "shrunk"
    )]
    pub responsables: Vec<String>,
    /// Next séance (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_session: Option<String>,
}

/// Dossier status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum DossierStatus {
    /// Registered for a séance.
    #[default]
    Registered,
    /// Discussed in séance.
    Discussed,
    /// Report validated.
    Validated,
    /// Report sent.
    Sent,
}

/// An RCP passage (the patient's fiche RCP).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DossierEntry {
    /// Unique across the organisation.
    pub id: String,
    /// Patient id.
    pub patient: String,
    /// RCP id.
    pub rcp: String,
    /// Requesting doctor's person id.
    pub demandeur: String,
    /// Séance date (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Status.
    pub status: DossierStatus,
    /// The patient objects to access by the secretariat (B2).
    #[serde(default, skip_serializing_if = "is_false")]
    pub objection: bool,
}

// Labels people see, as the products say them (French) or in English: one vocabulary for reasons,
// the playground and any host.
impl Category {
    /// « Médecin » / « Secrétaire », as the directory prints it.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Category::Medecin => lang.pick("Médecin", "Doctor"),
            Category::Secretaire => lang.pick("Secrétaire", "Secretary"),
        }
    }
}

impl Status {
    /// The account status in words.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Status::Active => lang.pick("Actif", "Active"),
            Status::Suspended => lang.pick("Désactivé temporairement", "Suspended"),
            Status::Deleted => lang.pick("Supprimé (départ)", "Deleted (departure)"),
        }
    }
}

impl DossierStatus {
    /// The dossier status as the DCC prints it, capitalised for a badge or a column.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            DossierStatus::Registered => lang.pick("Inscrit", "Registered"),
            DossierStatus::Discussed => lang.pick("Discuté", "Discussed"),
            DossierStatus::Validated => lang.pick("CR validé", "Report validated"),
            DossierStatus::Sent => lang.pick("CR envoyé", "Report sent"),
        }
    }
}
