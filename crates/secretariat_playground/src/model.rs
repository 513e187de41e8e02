//! The view-model: what the screens list and how they word it, read from the organisation *file*
//! (who exists, what is written in it) — never a decision. Whether anything is shown or hidden,
//! gained or lost, always comes from the core (`view`, `explain`, `simulate`, `findings`, `report`).

use secretariat_core::file::{AccessEntry, Category, OrgFile, PermissionEntry, Status};
use secretariat_core::{
    window_words, Change, Instant, Lang, Organisation, Permission, PersonRef, RcpRole,
};

/// A person, group, centre or RCP to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Id in the file.
    pub id: String,
    /// Display name.
    pub name: String,
}

fn choice(id: &str, name: &str) -> Choice {
    Choice {
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

impl From<PersonRef> for Choice {
    fn from(p: PersonRef) -> Choice {
        Choice {
            id: p.id,
            name: p.name,
        }
    }
}

/// The people the picker offers, in file order: everyone the organisation makes a secretary (the
/// core decides who that is).
pub fn secretaries(org: &Organisation) -> Vec<Choice> {
    org.secretaries().into_iter().map(Choice::from).collect()
}

/// The doctors, in file order (the core decides who that is).
pub fn doctors(org: &Organisation) -> Vec<Choice> {
    org.doctors().into_iter().map(Choice::from).collect()
}

/// Everyone, in file order (report readers).
pub fn people(file: &OrgFile) -> Vec<Choice> {
    file.people.iter().map(|p| choice(&p.id, &p.name)).collect()
}

/// A person's display name, or the id when unknown.
pub fn person_name(file: &OrgFile, id: &str) -> String {
    file.people
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

/// A group's name, or the id when unknown.
pub fn group_name(file: &OrgFile, id: &str) -> String {
    file.groups
        .iter()
        .find(|g| g.id == id)
        .map_or_else(|| id.to_owned(), |g| g.name.clone())
}

/// A centre's name, or the id when unknown.
pub fn centre_name(file: &OrgFile, id: &str) -> String {
    file.network
        .iter()
        .flat_map(|n| &n.centres)
        .find(|c| c.id == id)
        .map_or_else(|| id.to_owned(), |c| c.name.clone())
}

fn rcp_name(file: &OrgFile, id: &str) -> String {
    file.network
        .iter()
        .flat_map(|n| &n.rcps)
        .find(|r| r.id == id)
        .map_or_else(|| id.to_owned(), |r| r.name.clone())
}

/// A validity window as written in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// `valid_from`.
    pub from: Option<String>,
    /// `valid_until`.
    pub until: Option<String>,
}

impl Window {
    fn of(from: &Option<String>, until: &Option<String>) -> Window {
        Window {
            from: from.clone(),
            until: until.clone(),
        }
    }

    /// Whether either end is set.
    pub fn is_bounded(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// One permission of an access, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PermissionForm {
    /// Which.
    pub permission: Permission,
    /// Listed in the access.
    pub granted: bool,
    /// Its own window.
    pub window: Window,
}

/// Her access to one doctor's account, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessForm {
    /// Whose account.
    pub doctor: Choice,
    /// An access exists.
    pub held: bool,
    /// The access's window.
    pub window: Window,
    /// `confidentiality_acknowledged`.
    pub confidentiality: bool,
    /// The 15 permissions.
    pub permissions: Vec<PermissionForm>,
}

/// Her profile on one centre, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileForm {
    /// The centre.
    pub centre: Choice,
    /// Held.
    pub held: bool,
    /// Its window.
    pub window: Window,
}

/// A doctor's direct affiliation to her, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AffiliationForm {
    /// The doctor.
    pub doctor: Choice,
    /// Affiliated to her directly.
    pub held: bool,
    /// Its window.
    pub window: Window,
}

/// A group, her membership and the doctors attached to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupForm {
    /// The group.
    pub group: Choice,
    /// She is a member.
    pub member: bool,
    /// Every doctor, and whether he is attached to the group.
    pub doctors: Vec<(Choice, bool)>,
}

/// One RCP and the role each of her doctors holds in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RcpRolesForm {
    /// The RCP.
    pub rcp: Choice,
    /// Its centre's name.
    pub centre: String,
    /// Her doctors and their role.
    pub roles: Vec<(Choice, RcpRole)>,
}

/// Everything the edit panel shows for one secretary, as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecretaryForm {
    /// Who.
    pub person: Choice,
    /// Account status.
    pub status: Status,
    /// Directory category.
    pub category: Category,
    /// External secretary or provider.
    pub external: bool,
    /// One per doctor.
    pub accesses: Vec<AccessForm>,
    /// One per centre.
    pub profiles: Vec<ProfileForm>,
    /// One per doctor.
    pub affiliations: Vec<AffiliationForm>,
    /// One per group.
    pub groups: Vec<GroupForm>,
    /// One per RCP where at least one of her doctors could hold a role.
    pub rcps: Vec<RcpRolesForm>,
}

fn permission_form(access: Option<&AccessEntry>, permission: Permission) -> PermissionForm {
    let entry = access.and_then(|a| a.permissions.iter().find(|e| e.id() == permission.id()));
    PermissionForm {
        permission,
        granted: entry.is_some(),
        window: match entry {
            Some(PermissionEntry::Windowed(w)) => Window::of(&w.valid_from, &w.valid_until),
            _ => Window::default(),
        },
    }
}

/// The doctors linked to her in the file: affiliated directly or to a group she is a member of.
pub fn her_doctors(org: &Organisation, secretary: &str) -> Vec<Choice> {
    org.affiliated_doctors(secretary)
        .unwrap_or_default()
        .into_iter()
        .map(Choice::from)
        .collect()
}

/// A doctor's role in an RCP, as written.
pub fn rcp_role(participant: bool, animateur: bool) -> RcpRole {
    match (participant, animateur) {
        (false, false) => RcpRole::None,
        (true, false) => RcpRole::Participant,
        (false, true) => RcpRole::Animateur,
        (true, true) => RcpRole::Both,
    }
}

impl SecretaryForm {
    /// Reads her settings from the file; `None` when no person has that id.
    pub fn read(org: &Organisation, id: &str) -> Option<SecretaryForm> {
        let file = org.file();
        let p = file.people.iter().find(|p| p.id == id)?;
        let net = file.network.as_ref();
        let accesses = doctors(org)
            .into_iter()
            .filter(|d| d.id != id)
            .map(|doctor| {
                let a = file
                    .practice
                    .iter()
                    .flat_map(|x| &x.accesses)
                    .find(|a| a.secretary == id && a.doctor == doctor.id);
                AccessForm {
                    held: a.is_some(),
                    window: a
                        .map(|a| Window::of(&a.valid_from, &a.valid_until))
                        .unwrap_or_default(),
                    confidentiality: a.is_some_and(|a| a.confidentiality_acknowledged),
                    permissions: Permission::ALL
                        .into_iter()
                        .map(|perm| permission_form(a, perm))
                        .collect(),
                    doctor,
                }
            })
            .collect();
        let profiles = net
            .iter()
            .flat_map(|n| &n.centres)
            .map(|c| {
                let pr = net
                    .iter()
                    .flat_map(|n| &n.profiles)
                    .find(|x| x.secretary == id && x.centre == c.id);
                ProfileForm {
                    centre: choice(&c.id, &c.name),
                    held: pr.is_some(),
                    window: pr
                        .map(|x| Window::of(&x.valid_from, &x.valid_until))
                        .unwrap_or_default(),
                }
            })
            .collect();
        let affiliations = doctors(org)
            .into_iter()
            .filter(|d| d.id != id)
            .map(|doctor| {
                let af = net
                    .iter()
                    .flat_map(|n| &n.affiliations)
                    .find(|a| a.doctor == doctor.id && a.secretary.as_deref() == Some(id));
                AffiliationForm {
                    held: af.is_some(),
                    window: af
                        .map(|a| Window::of(&a.valid_from, &a.valid_until))
                        .unwrap_or_default(),
                    doctor,
                }
            })
            .collect();
        let groups =
            file.groups
                .iter()
                .map(|g| GroupForm {
                    group: choice(&g.id, &g.name),
                    member: g.members.iter().any(|m| m == id),
                    doctors: doctors(org)
                        .into_iter()
                        .map(|d| {
                            let attached = net.iter().flat_map(|n| &n.affiliations).any(|a| {
                                a.doctor == d.id && a.group.as_deref() == Some(g.id.as_str())
                            });
                            (d, attached)
                        })
                        .collect(),
                })
                .collect();
        let hers = her_doctors(org, id);
        let rcps = net
            .iter()
            .flat_map(|n| &n.rcps)
            .map(|r| RcpRolesForm {
                rcp: choice(&r.id, &r.name),
                centre: centre_name(file, &r.centre),
                roles: hers
                    .iter()
                    .map(|d| {
                        let role =
                            rcp_role(r.participants.contains(&d.id), r.animateurs.contains(&d.id));
                        (d.clone(), role)
                    })
                    .collect(),
            })
            .filter(|r| !r.roles.is_empty())
            .collect();
        Some(SecretaryForm {
            person: choice(&p.id, &p.name),
            status: p.status,
            category: p.category,
            external: p.external.unwrap_or(false),
            accesses,
            profiles,
            affiliations,
            groups,
            rcps,
        })
    }
}

/// The label of an RCP role.
pub fn role_label(role: RcpRole, lang: Lang) -> &'static str {
    match role {
        RcpRole::None => lang.pick("Aucun rôle", "No role"),
        RcpRole::Participant => lang.pick("Participant", "Participant"),
        RcpRole::Animateur => lang.pick("Animateur", "Animateur"),
        RcpRole::Both => lang.pick("Participant et animateur", "Participant and animateur"),
    }
}

/// `YYYY-MM-DD` of an RFC 3339 date-time, for a date field.
pub fn date_field(rfc3339: Option<&str>) -> String {
    rfc3339
        .and_then(|t| t.get(..10))
        .unwrap_or_default()
        .to_owned()
}

/// An RFC 3339 date-time from a date field: the start of the day for a window's start, its last
/// second for a window's end. `None` for an empty or unreadable field.
pub fn from_date_field(date: &str, end_of_day: bool) -> Option<String> {
    let time = if end_of_day {
        "T23:59:59Z"
    } else {
        "T00:00:00Z"
    };
    let text = format!("{}{time}", date.trim());
    Instant::parse(&text).map(|_| text)
}

/// A date-time as people read it: `02/12/2026 13:30` (fr) or `2026-12-02 13:30` (en), UTC.
pub fn short_date(rfc3339: &str, lang: Lang) -> String {
    let t = match Instant::parse(rfc3339) {
        Some(t) => t.to_string(),
        None => return rfc3339.to_owned(),
    };
    let part = |a: usize, b: usize| t.get(a..b).unwrap_or_default();
    match lang {
        Lang::Fr => format!(
            "{}/{}/{} {}",
            part(8, 10),
            part(5, 7),
            part(0, 4),
            part(11, 16)
        ),
        Lang::En => format!("{} {}", part(0, 10), part(11, 16)),
    }
}

/// A name or label between the language's quotation marks.
fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {text} »"),
        Lang::En => format!("“{text}”"),
    }
}

/// One edit in words, for the history list.
pub fn describe(change: &Change, file: &OrgFile, lang: Lang) -> String {
    let name = |id: &str| person_name(file, id);
    let perm = |id: &str| quoted(Permission::label_of(id, lang), lang);
    // A window by its days.
    let window = |from: &Option<String>, until: &Option<String>| {
        let day = |t: &Option<String>| t.as_deref().map(|t| date_field(Some(t)));
        window_words(day(from).as_deref(), day(until).as_deref(), lang)
    };
    // "to Sophie" / "to the group “X”" — with the French contractions (à le → au, de le → du).
    let target =
        |secretary: &Option<String>, group: &Option<String>, to: bool| match (secretary, group) {
            (Some(s), _) => format!(
                "{} {}",
                if to {
                    lang.pick("à", "to")
                } else {
                    lang.pick("de", "from")
                },
                name(s)
            ),
            (None, Some(g)) => format!(
                "{} {}",
                if to {
                    lang.pick("au groupe", "to the group")
                } else {
                    lang.pick("du groupe", "from the group")
                },
                quoted(&group_name(file, g), lang)
            ),
            (None, None) => "?".to_owned(),
        };
    let account = lang.pick("sur le compte de", "on the account of");
    let two = |verb: &str, what: String| format!("{verb} {what}");
    let renamed =
        |old: String, new: String| format!("{} {old} → {new}", lang.pick("Renommer", "Rename"));
    match change {
        Change::GrantPermission {
            secretary,
            doctor,
            permission,
            valid_from,
            valid_until,
        } => format!(
            "{} {} {} {} {account} {}{}",
            lang.pick("Accorder", "Grant"),
            perm(permission),
            lang.pick("à", "to"),
            name(secretary),
            name(doctor),
            window(valid_from, valid_until)
        ),
        Change::RevokePermission {
            secretary,
            doctor,
            permission,
        } => format!(
            "{} {} {} {} {account} {}",
            lang.pick("Retirer", "Revoke"),
            perm(permission),
            lang.pick("à", "from"),
            name(secretary),
            name(doctor)
        ),
        Change::AddAccess {
            secretary,
            doctor,
            valid_from,
            valid_until,
            ..
        } => format!(
            "{} {} {} {}{}",
            lang.pick("Accès de", "Access of"),
            name(secretary),
            lang.pick("au compte de", "to the account of"),
            name(doctor),
            window(valid_from, valid_until)
        ),
        Change::RemoveAccess { secretary, doctor } => format!(
            "{} {} {} {}",
            lang.pick("Supprimer l'accès de", "Remove the access of"),
            name(secretary),
            lang.pick("au compte de", "to the account of"),
            name(doctor)
        ),
        Change::AcknowledgeConfidentiality {
            secretary,
            doctor,
            acknowledged,
        } => format!(
            "{} : {} ({})",
            name(secretary),
            if *acknowledged {
                lang.pick(
                    "obligations de confidentialité reconnues",
                    "confidentiality obligations acknowledged",
                )
            } else {
                lang.pick(
                    "obligations de confidentialité non reconnues",
                    "confidentiality obligations not acknowledged",
                )
            },
            name(doctor)
        ),
        Change::Suspend { person } => {
            format!(
                "{} {}",
                lang.pick("Désactiver temporairement", "Suspend"),
                name(person)
            )
        }
        Change::Reactivate { person } => {
            format!("{} {}", lang.pick("Réactiver", "Reactivate"), name(person))
        }
        Change::Departure { person } => format!(
            "{} {} {}",
            lang.pick("Départ de", "Departure of"),
            name(person),
            lang.pick("(suppression définitive)", "(definitive deletion)")
        ),
        Change::SetCategory { person, category } => format!(
            "{} {} : {}",
            lang.pick("Catégorie de", "Category of"),
            name(person),
            category.label(lang)
        ),
        Change::SetExternal { person, external } => format!(
            "{} : {}",
            name(person),
            if *external {
                lang.pick(
                    "secrétaire externe ou prestataire",
                    "external secretary or provider",
                )
            } else {
                lang.pick("secrétaire interne", "in-house secretary")
            }
        ),
        Change::AddAffiliation {
            doctor,
            secretary,
            group,
            valid_from,
            valid_until,
        } => format!(
            "{} {} {}{}",
            lang.pick("Rattacher", "Attach"),
            name(doctor),
            target(secretary, group, true),
            window(valid_from, valid_until)
        ),
        Change::RemoveAffiliation {
            doctor,
            secretary,
            group,
        } => format!(
            "{} {} {}",
            lang.pick("Détacher", "Detach"),
            name(doctor),
            target(secretary, group, false)
        ),
        Change::AddGroupMember { group, person } => format!(
            "{} {} {} {}",
            lang.pick("Ajouter", "Add"),
            name(person),
            lang.pick("au groupe", "to the group"),
            quoted(&group_name(file, group), lang)
        ),
        Change::RemoveGroupMember { group, person } => format!(
            "{} {} {} {}",
            lang.pick("Retirer", "Remove"),
            name(person),
            lang.pick("du groupe", "from the group"),
            quoted(&group_name(file, group), lang)
        ),
        Change::AddProfile {
            secretary,
            centre,
            valid_from,
            valid_until,
        } => format!(
            "{} {} {} {} {}{}",
            lang.pick("Profil", "Profile"),
            quoted("secrétaire médecin", lang),
            lang.pick("pour", "for"),
            name(secretary),
            lang.pick(
                &format!("sur {}", centre_name(file, centre)),
                &format!("on {}", centre_name(file, centre))
            ),
            window(valid_from, valid_until)
        ),
        Change::RemoveProfile { secretary, centre } => format!(
            "{} {} {} {} {}",
            lang.pick("Retirer le profil", "Withdraw the profile"),
            quoted("secrétaire médecin", lang),
            lang.pick("de", "of"),
            name(secretary),
            lang.pick(
                &format!("sur {}", centre_name(file, centre)),
                &format!("on {}", centre_name(file, centre))
            )
        ),
        Change::SetRcpRole { rcp, doctor, role } => format!(
            "{} {} {} {}{} {}",
            lang.pick("Rôle de", "Role of"),
            name(doctor),
            lang.pick("dans", "in"),
            rcp_name(file, rcp),
            lang.pick(" :", ":"),
            role_label(*role, lang)
        ),
        // Creating and retiring (issue 13): the names come from the change when it creates.
        Change::AddPerson {
            name: n, category, ..
        } => format!(
            "{} {n} ({})",
            lang.pick("Nouvelle personne :", "New person:"),
            category.label(lang)
        ),
        Change::AddGroup { name: n, .. } => {
            two(lang.pick("Nouveau groupe", "New group"), quoted(n, lang))
        }
        Change::AddCentre { name: n, .. } => {
            two(lang.pick("Nouveau centre :", "New centre:"), n.clone())
        }
        Change::AddRcp { name: n, .. } => two(lang.pick("Nouvelle RCP :", "New RCP:"), n.clone()),
        Change::RenamePerson { person, name: n } => renamed(name(person), n.clone()),
        Change::RenameGroup { group, name: n } => {
            renamed(quoted(&group_name(file, group), lang), quoted(n, lang))
        }
        Change::RenameCentre { centre, name: n } => renamed(centre_name(file, centre), n.clone()),
        Change::RenameRcp { rcp, name: n } => renamed(rcp_name(file, rcp), n.clone()),
        Change::RemovePerson { person } => two(
            lang.pick("Retirer la personne", "Remove the person"),
            name(person),
        ),
        Change::RemoveGroup { group } => two(
            lang.pick("Retirer le groupe", "Remove the group"),
            quoted(&group_name(file, group), lang),
        ),
        Change::RemoveCentre { centre } => two(
            lang.pick("Retirer le centre", "Remove the centre"),
            centre_name(file, centre),
        ),
        Change::RemoveRcp { rcp } => {
            two(lang.pick("Retirer la", "Remove the"), rcp_name(file, rcp))
        }
        Change::SetNextSession { rcp, next_session } => format!(
            "{} {} : {}",
            lang.pick("Prochaine séance de", "Next séance of"),
            rcp_name(file, rcp),
            next_session
                .as_deref()
                .unwrap_or(lang.pick("aucune", "none"))
        ),
        Change::SetRcpResponsable {
            rcp,
            person,
            responsable,
        } => format!(
            "{} {} {}",
            name(person),
            if *responsable {
                lang.pick("responsable de", "responsable of")
            } else {
                lang.pick("n'est plus responsable de", "no longer responsable of")
            },
            rcp_name(file, rcp)
        ),
    }
}

/// The RCPs of the file that a list of shown RCP ids leaves out (ghosts).
pub fn rcps_not_in(file: &OrgFile, shown: &[&str]) -> Vec<Choice> {
    file.network
        .iter()
        .flat_map(|n| &n.rcps)
        .filter(|r| !shown.contains(&r.id.as_str()))
        .map(|r| choice(&r.id, &r.name))
        .collect()
}

/// The dossiers of an RCP that a list of shown dossier ids leaves out (ghosts): (id, patient).
pub fn dossiers_not_in(file: &OrgFile, rcp: &str, shown: &[&str]) -> Vec<Choice> {
    file.network
        .iter()
        .flat_map(|n| &n.dossiers)
        .filter(|d| d.rcp == rcp && !shown.contains(&d.id.as_str()))
        .map(|d| choice(&d.id, &d.patient))
        .collect()
}

/// The key of a gated element in highlight and diff sets: `action resource`.
pub fn gate_key(action: &str, resource: Option<&str>) -> String {
    match resource {
        Some(r) => format!("{action} {r}"),
        None => action.to_owned(),
    }
}

/// The 3C centres, in file order.
pub fn centres(file: &OrgFile) -> Vec<Choice> {
    file.network
        .iter()
        .flat_map(|n| &n.centres)
        .map(|c| choice(&c.id, &c.name))
        .collect()
}

/// The secretary groups, in file order.
pub fn groups(file: &OrgFile) -> Vec<Choice> {
    file.groups.iter().map(|g| choice(&g.id, &g.name)).collect()
}
