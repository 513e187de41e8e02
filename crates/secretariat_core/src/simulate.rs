//! Simulation (RULES.md §6, P7, D9): apply proposed changes to a copy of the organisation, compare
//! every affected secretary's view before and after (gained, lost), the findings the change adds or
//! removes, and write the change requests to send to the practice vendor and the cancer network.

use serde::Serialize;

use crate::change::{ApplyError, Change};
use crate::change_requests::ChangeRequest;
use crate::file::{OrgFile, PersonEntry};
use crate::findings::Finding;
use crate::lang::Lang;
use crate::org::Organisation;
use crate::sorted::set;
use crate::time::Instant;
use crate::view::{PersonRef, View};

/// One thing a secretary can see or do, as a simulation compares them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Entitlement {
    /// The decision request's action.
    pub action: String,
    /// Its resource, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// In words.
    pub label: String,
}

/// Counts shown next to a diff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Practice permissions in effect, over all her doctors.
    pub permissions: usize,
    /// RCPs in her agenda or déroulement.
    pub rcps: usize,
    /// Dossiers she sees.
    pub dossiers: usize,
}

/// One affected secretary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SecretaryDiff {
    /// Who.
    pub secretary: PersonRef,
    /// Her view before the change.
    pub before: View,
    /// Her view after the change.
    pub after: View,
    /// What she gains.
    pub gained: Vec<Entitlement>,
    /// What she loses.
    pub lost: Vec<Entitlement>,
    /// Counts before.
    pub count_before: Tally,
    /// Counts after.
    pub count_after: Tally,
}

/// The result of a simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Simulation {
    /// Every secretary whose view changes, or whom a change names.
    pub affected: Vec<SecretaryDiff>,
    /// Findings that appear with the change.
    pub findings_added: Vec<Finding>,
    /// Findings that the change resolves.
    pub findings_removed: Vec<Finding>,
    /// Requests to send.
    pub requests: Vec<ChangeRequest>,
}

impl Organisation {
    /// This organisation with `changes` applied, checked as a whole; refused with every problem
    /// when an edit does not apply or the result does not load.
    pub fn with_changes(&self, changes: &[Change]) -> Result<Organisation, ApplyError> {
        let mut file: OrgFile = self.file.clone();
        Change::apply_all(changes, &mut file)?;
        Organisation::from_file(file).map_err(|e| ApplyError::broken(&e))
    }

    /// Simulates `changes`: views before and after, gained and lost, findings, requests. Refused
    /// as [`Organisation::with_changes`] refuses them.
    pub fn simulate(
        &self,
        changes: &[Change],
        now: Option<Instant>,
        lang: Lang,
    ) -> Result<Simulation, ApplyError> {
        let after = self.with_changes(changes)?;
        let (mut ids, mut direct) = (Vec::new(), Vec::new());
        for c in changes {
            named(self, c, &mut ids, &mut direct);
            named(&after, c, &mut ids, &mut direct);
        }
        let (ids, direct) = (set(ids), set(direct));
        // A person the changes add (or retire) is seen on both sides: with nothing where she is not.
        let before_plus = with_missing_people(self, &after);
        let after_plus = with_missing_people(&after, self);
        let (seen_before, seen_after) = (
            before_plus.as_ref().unwrap_or(self),
            after_plus.as_ref().unwrap_or(&after),
        );
        let mut affected = Vec::new();
        for id in &ids {
            let (Some(before_view), Some(after_view)) = (
                seen_before.view(id, now, lang),
                seen_after.view(id, now, lang),
            ) else {
                continue;
            };
            let (b, a) = (
                entitlements(&before_view, seen_before, lang),
                entitlements(&after_view, seen_after, lang),
            );
            let gained = difference(&a, &b);
            let lost = difference(&b, &a);
            // Listed: whoever's view changes, and a secretary a change names even when nothing moves.
            let named_secretary = direct.binary_search(id).is_ok()
                && (self
                    .person_id(id)
                    .is_some_and(|p| self.acts_as_secretary(p))
                    || after
                        .person_id(id)
                        .is_some_and(|p| after.acts_as_secretary(p)));
            if gained.is_empty() && lost.is_empty() && !named_secretary {
                continue;
            }
            affected.push(SecretaryDiff {
                secretary: before_view.secretary_ref(),
                count_before: tally(&before_view),
                count_after: tally(&after_view),
                before: before_view,
                after: after_view,
                gained,
                lost,
            });
        }
        let (fb, fa) = (self.findings(now, lang), after.findings(now, lang));
        let keys_b = set(fb.iter().map(Finding::key));
        let keys_a = set(fa.iter().map(Finding::key));
        let findings_added = fa
            .iter()
            .filter(|f| keys_b.binary_search(&f.key()).is_err())
            .cloned()
            .collect();
        let findings_removed = fb
            .iter()
            .filter(|f| keys_a.binary_search(&f.key()).is_err())
            .cloned()
            .collect();
        Ok(Simulation {
            affected,
            findings_added,
            findings_removed,
            requests: crate::change_requests::write(self, &after),
        })
    }
}

/// `org` with the people of `other` it lacks, holding nothing (no grant refers to them); `None`
/// when it lacks none.
fn with_missing_people(org: &Organisation, other: &Organisation) -> Option<Organisation> {
    let missing: Vec<PersonEntry> = other
        .file
        .people
        .iter()
        .filter(|p| org.person_id(&p.id).is_none())
        .map(|p| PersonEntry {
            coordinator_of: Vec::new(),
            ..p.clone()
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut file = org.file.clone();
    file.people.extend(missing);
    Organisation::from_file(file).ok()
}

/// What `a` has and `b` (a [`set`]) has not, in `a`'s order.
fn difference(a: &[Entitlement], b: &[Entitlement]) -> Vec<Entitlement> {
    a.iter()
        .filter(|x| b.binary_search(x).is_err())
        .cloned()
        .collect()
}

/// The people a change may affect: those it names, the members of a group it names, the
/// secretaries (practice and network) of a doctor it names. `direct` gets the secretaries and
/// persons a change names as such.
fn named(org: &Organisation, change: &Change, out: &mut Vec<String>, direct: &mut Vec<String>) {
    let mut people: Vec<&str> = Vec::new();
    let mut groups: Vec<&str> = Vec::new();
    match change {
        Change::GrantPermission {
            secretary, doctor, ..
        }
        | Change::RevokePermission {
            secretary, doctor, ..
        }
        | Change::AddAccess {
            secretary, doctor, ..
        }
        | Change::RemoveAccess { secretary, doctor }
        | Change::AcknowledgeConfidentiality {
            secretary, doctor, ..
        } => people.extend([secretary.as_str(), doctor.as_str()]),
        Change::Suspend { person }
        | Change::Reactivate { person }
        | Change::Departure { person }
        | Change::SetCategory { person, .. }
        | Change::SetExternal { person, .. } => people.push(person),
        Change::AddAffiliation {
            doctor,
            secretary,
            group,
            ..
        }
        | Change::RemoveAffiliation {
            doctor,
            secretary,
            group,
        } => {
            people.push(doctor);
            people.extend(secretary.as_deref());
            groups.extend(group.as_deref());
        }
        Change::AddGroupMember { group, person } | Change::RemoveGroupMember { group, person } => {
            people.push(person);
            groups.push(group);
        }
        Change::AddProfile { secretary, .. } | Change::RemoveProfile { secretary, .. } => {
            people.push(secretary)
        }
        Change::SetRcpRole { doctor, .. } => people.push(doctor),
        Change::AddPerson { id: person, .. }
        | Change::RenamePerson { person, .. }
        | Change::RemovePerson { person } => people.push(person),
        Change::AddGroup { id: group, .. }
        | Change::RenameGroup { group, .. }
        | Change::RemoveGroup { group } => groups.push(group),
        Change::AddCentre { .. } | Change::RenameCentre { .. } | Change::RemoveCentre { .. } => {}
        Change::AddRcp { id: rcp, .. }
        | Change::RenameRcp { rcp, .. }
        | Change::RemoveRcp { rcp }
        | Change::SetNextSession { rcp, .. }
        | Change::SetRcpResponsable { rcp, .. } => {
            // The doctors of the board: their secretaries' agendas and déroulements show it.
            let board = org.file.network.iter().flat_map(|n| &n.rcps);
            for r in board.filter(|r| r.id == *rcp) {
                people.extend(
                    r.participants
                        .iter()
                        .chain(&r.animateurs)
                        .map(String::as_str),
                );
            }
        }
    }
    if let Some(first) = people.first() {
        if !matches!(
            change,
            Change::SetRcpRole { .. }
                | Change::AddAffiliation { .. }
                | Change::RemoveAffiliation { .. }
                | Change::AddRcp { .. }
                | Change::RenameRcp { .. }
                | Change::RemoveRcp { .. }
                | Change::SetNextSession { .. }
                | Change::SetRcpResponsable { .. }
        ) {
            direct.push((*first).to_owned());
        }
    }
    if let Change::AddAffiliation {
        secretary: Some(s), ..
    }
    | Change::RemoveAffiliation {
        secretary: Some(s), ..
    } = change
    {
        direct.push(s.clone());
    }
    for g in groups {
        if let Some(g) = org.group_id(g) {
            out.extend(
                org.group(g)
                    .members
                    .iter()
                    .map(|&m| org.person(m).id.clone()),
            );
        }
    }
    for p in people {
        out.push(p.to_owned());
        if let Some(id) = org.person_id(p) {
            out.extend(
                org.secretary_links(id)
                    .map(|l| org.person(l.secretary).id.clone()),
            );
            out.extend(
                org.accesses
                    .iter()
                    .filter(|a| a.doctor == id)
                    .map(|a| org.person(a.secretary).id.clone()),
            );
        }
    }
}

impl View {
    fn secretary_ref(&self) -> PersonRef {
        PersonRef {
            id: self.secretary.id.clone(),
            name: self.secretary.name.clone(),
        }
    }
}

/// Flattens a view into the set of things she can see or do (a [`set`]).
/// What she may do, each with a label people read: names, not ids, where the organisation has them.
fn entitlements(view: &View, org: &Organisation, lang: Lang) -> Vec<Entitlement> {
    let mut out = Vec::new();
    let fr = lang == Lang::Fr;
    for account in &view.practice {
        for item in account
            .menu
            .iter()
            .chain(&account.buttons)
            .filter(|i| i.shown)
        {
            out.push(Entitlement {
                action: item.action.clone(),
                resource: item.resource.clone(),
                label: format!("{} — {}", item.label, account.doctor.name),
            });
        }
    }
    for item in view.dcc.icons.iter().filter(|i| i.shown) {
        let label = if fr {
            format!("Icône « {} »", item.label)
        } else {
            format!("Icon “{}”", item.label)
        };
        out.push(Entitlement {
            action: item.action.clone(),
            resource: None,
            label,
        });
    }
    for item in view.dcc.tabs.iter().filter(|i| i.shown) {
        let label = if fr {
            format!("Onglet « {} »", item.label)
        } else {
            format!("Tab “{}”", item.label)
        };
        out.push(Entitlement {
            action: item.action.clone(),
            resource: None,
            label,
        });
    }
    for c in &view.dcc.patient_add {
        let name = org
            .centre_id(c)
            .map_or(c.as_str(), |id| org.centre(id).name.as_str());
        let label = if fr {
            format!("Ajout de patient sur {name}")
        } else {
            format!("Add a patient on {name}")
        };
        out.push(Entitlement {
            action: "dcc.patient.add".into(),
            resource: Some(format!("centre:{c}")),
            label,
        });
    }
    for (list, action, word) in [
        (&view.dcc.agenda, "dcc.agenda.view", "Agenda"),
        (
            &view.dcc.session_run,
            "dcc.session.view",
            lang.pick("Déroulement", "Session run"),
        ),
    ] {
        for rcp in list {
            out.push(Entitlement {
                action: action.into(),
                resource: Some(format!("rcp:{}", rcp.id)),
                label: format!("{word}{}{}", lang.pick(" : ", ": "), rcp.name),
            });
            for d in &rcp.dossiers {
                out.push(dossier_entitlement(d, "dcc.dossier.view", org, lang));
                if d.actions.validate {
                    out.push(dossier_entitlement(d, "dcc.dossier.validate", org, lang));
                }
            }
        }
    }
    for d in &view.dcc.passages {
        out.push(dossier_entitlement(d, "dcc.dossier.view", org, lang));
    }
    set(out)
}

fn dossier_entitlement(
    d: &crate::view::DossierView,
    action: &str,
    org: &Organisation,
    lang: Lang,
) -> Entitlement {
    let verb = match (action, lang) {
        ("dcc.dossier.validate", Lang::Fr) => "Valider",
        ("dcc.dossier.validate", Lang::En) => "Validate",
        _ => "Dossier",
    };
    Entitlement {
        action: action.into(),
        resource: Some(format!("dossier:{}", d.id)),
        label: format!(
            "{verb} {} (patient {}, {})",
            d.id,
            d.patient,
            org.rcp_id(&d.rcp)
                .map_or(d.rcp.as_str(), |r| org.rcp_entry(r).name.as_str())
        ),
    }
}

fn tally(view: &View) -> Tally {
    let mut rcps: Vec<&str> = Vec::new();
    let mut dossiers: Vec<&str> = Vec::new();
    for r in view.dcc.agenda.iter().chain(&view.dcc.session_run) {
        rcps.push(&r.id);
        dossiers.extend(r.dossiers.iter().map(|d| d.id.as_str()));
    }
    dossiers.extend(view.dcc.passages.iter().map(|d| d.id.as_str()));
    let (rcps, dossiers) = (set(rcps), set(dossiers));
    Tally {
        permissions: view
            .practice
            .iter()
            .map(|a| a.menu.iter().chain(&a.buttons).filter(|i| i.shown).count())
            .sum(),
        rcps: rcps.len(),
        dossiers: dossiers.len(),
    }
}
