//! Decision requests per action family, drawn from any organisation file: mostly the requests a
//! front end really sends (her own doctors, her RCPs, her dossiers), with a share of requests on
//! things she has nothing to do with, so that allows and denies both take their real paths.

use std::collections::{HashMap, HashSet};

use secretariat_core::file::{Category, NetworkSection, OrgFile, RcpEntry};
use secretariat_core::{Change, Icon, Permission, Request};

use crate::rng::Rng;
use crate::{FOCUS, NOW};

/// A family of actions, as the benchmarks report them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `practice.<permission>` on `doctor:` (P1–P5).
    Practice,
    /// `dcc.icon.<icon>`, with or without a centre (D1).
    Icon,
    /// `dcc.agenda.view` on `rcp:` (D2).
    Agenda,
    /// `dcc.session.view` on `rcp:` (D3).
    Session,
    /// `dcc.dossier.view` on `dossier:` (D2–D5, B2).
    DossierView,
    /// `dcc.dossier.validate` on `dossier:` (D6).
    Validate,
    /// `dcc.report.secretaries` on `doctor:` (D8).
    Report,
}

impl Family {
    /// Every family, in the order the benchmarks print them.
    pub const ALL: [Family; 7] = [
        Family::Practice,
        Family::Icon,
        Family::Agenda,
        Family::Session,
        Family::DossierView,
        Family::Validate,
        Family::Report,
    ];

    /// Short name, used in benchmark ids.
    pub fn id(self) -> &'static str {
        match self {
            Family::Practice => "practice",
            Family::Icon => "icon",
            Family::Agenda => "agenda",
            Family::Session => "session",
            Family::DossierView => "dossier_view",
            Family::Validate => "validate",
            Family::Report => "report",
        }
    }
}

static NO_NETWORK: NetworkSection = NetworkSection {
    centres: Vec::new(),
    profiles: Vec::new(),
    affiliations: Vec::new(),
    rcps: Vec::new(),
    dossiers: Vec::new(),
    patient_objections: Vec::new(),
};

/// What the request drawing needs to know of a file.
struct Index<'a> {
    secretaries: Vec<&'a str>,
    doctors: Vec<&'a str>,
    centres: Vec<&'a str>,
    rcps: Vec<&'a str>,
    dossiers: Vec<&'a str>,
    /// Secretary → doctors she holds a practice access to.
    accesses: HashMap<&'a str, Vec<&'a str>>,
    /// Secretary → RCPs where one of her doctors holds a role.
    her_rcps: HashMap<&'a str, Vec<&'a str>>,
    /// Secretary → her centres (profiles).
    her_centres: HashMap<&'a str, Vec<&'a str>>,
    /// RCP → its dossiers.
    rcp_dossiers: HashMap<&'a str, Vec<&'a str>>,
    /// Coordinators and responsables with a doctor they may ask about.
    readers: Vec<(&'a str, Vec<&'a str>)>,
}

impl<'a> Index<'a> {
    fn new(file: &'a OrgFile) -> Index<'a> {
        let net = file.network.as_ref().unwrap_or(&NO_NETWORK);
        let accesses_list = file.practice.as_ref().map(|p| p.accesses.as_slice());
        let mut accesses: HashMap<&str, Vec<&str>> = HashMap::new();
        for a in accesses_list.unwrap_or_default() {
            accesses
                .entry(a.secretary.as_str())
                .or_default()
                .push(a.doctor.as_str());
        }
        let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
        for g in &file.groups {
            members.insert(
                g.id.as_str(),
                g.members.iter().map(String::as_str).collect(),
            );
        }
        let mut her_doctors: HashMap<&str, Vec<&str>> = HashMap::new();
        for a in &net.affiliations {
            let targets: Vec<&str> = match (&a.secretary, &a.group) {
                (Some(s), _) => vec![s.as_str()],
                (None, Some(g)) => members.get(g.as_str()).cloned().unwrap_or_default(),
                (None, None) => Vec::new(),
            };
            for s in targets {
                her_doctors.entry(s).or_default().push(a.doctor.as_str());
            }
        }
        let mut doctor_rcps: HashMap<&str, Vec<&str>> = HashMap::new();
        for rcp in &net.rcps {
            let roles: HashSet<&str> = rcp
                .participants
                .iter()
                .chain(&rcp.animateurs)
                .map(String::as_str)
                .collect();
            for d in roles {
                doctor_rcps.entry(d).or_default().push(rcp.id.as_str());
            }
        }
        let mut her_rcps: HashMap<&str, Vec<&str>> = HashMap::new();
        for (s, ds) in &her_doctors {
            let mut rcps: Vec<&str> = ds
                .iter()
                .flat_map(|d| doctor_rcps.get(d).cloned().unwrap_or_default())
                .collect();
            rcps.sort_unstable();
            rcps.dedup();
            her_rcps.insert(s, rcps);
        }
        let mut her_centres: HashMap<&str, Vec<&str>> = HashMap::new();
        for p in &net.profiles {
            her_centres
                .entry(p.secretary.as_str())
                .or_default()
                .push(p.centre.as_str());
        }
        let mut rcp_dossiers: HashMap<&str, Vec<&str>> = HashMap::new();
        for d in &net.dossiers {
            rcp_dossiers
                .entry(d.rcp.as_str())
                .or_default()
                .push(d.id.as_str());
        }
        let mut readers: Vec<(&str, Vec<&str>)> = Vec::new();
        let rcp_doctors = |rcp: &'a RcpEntry| -> Vec<&'a str> {
            rcp.participants
                .iter()
                .chain(&rcp.animateurs)
                .map(String::as_str)
                .collect()
        };
        for p in &file.people {
            if p.coordinator_of.is_empty() {
                continue;
            }
            let ds: Vec<&str> = net
                .rcps
                .iter()
                .filter(|r| p.coordinator_of.contains(&r.centre))
                .flat_map(rcp_doctors)
                .collect();
            readers.push((p.id.as_str(), ds));
        }
        for rcp in &net.rcps {
            for resp in &rcp.responsables {
                readers.push((resp.as_str(), rcp_doctors(rcp)));
            }
        }
        let secretaries: Vec<&str> = file
            .people
            .iter()
            .filter(|p| p.rpps.is_none() && p.coordinator_of.is_empty())
            .filter(|p| {
                p.category == Category::Secretaire || her_doctors.contains_key(p.id.as_str())
            })
            .map(|p| p.id.as_str())
            .collect();
        Index {
            secretaries,
            doctors: file
                .people
                .iter()
                .filter(|p| p.category == Category::Medecin && p.rpps.is_some())
                .map(|p| p.id.as_str())
                .collect(),
            centres: net.centres.iter().map(|c| c.id.as_str()).collect(),
            rcps: net.rcps.iter().map(|r| r.id.as_str()).collect(),
            dossiers: net.dossiers.iter().map(|d| d.id.as_str()).collect(),
            accesses,
            her_rcps,
            her_centres,
            rcp_dossiers,
            readers,
        }
    }
}

fn request(principal: &str, action: &str, resource: Option<String>) -> Request {
    Request {
        principal: principal.to_owned(),
        action: action.to_owned(),
        resource,
        now: Some(NOW.to_owned()),
        lang: None,
    }
}

/// Mostly one of `own` (when there is one), otherwise any of `all`.
fn mostly<'a>(r: &mut Rng, own: Option<&Vec<&'a str>>, all: &[&'a str]) -> Option<&'a str> {
    match own {
        Some(own) if !own.is_empty() && r.chance(750) => r.pick(own).copied(),
        _ => r.pick(all).copied(),
    }
}

/// `n` requests of `family` on `file`, deterministic from `seed`. Every request names things the
/// file has, so each one resolves; an organisation without the family's resources gives fewer.
pub fn requests(file: &OrgFile, family: Family, n: usize, seed: u64) -> Vec<Request> {
    let ix = Index::new(file);
    let mut r = Rng::derive(seed, &[family as u64 + 1]);
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0;
    while out.len() < n && attempts < n * 4 {
        attempts += 1;
        if let Some(req) = draw(&ix, family, &mut r) {
            out.push(req);
        }
    }
    out
}

fn draw(ix: &Index<'_>, family: Family, r: &mut Rng) -> Option<Request> {
    if family == Family::Report {
        let (reader, doctors) = r.pick(&ix.readers)?;
        let doctor = mostly(r, Some(doctors), &ix.doctors)?;
        return Some(request(
            reader,
            "dcc.report.secretaries",
            Some(format!("doctor:{doctor}")),
        ));
    }
    let s = *r.pick(&ix.secretaries)?;
    Some(match family {
        Family::Practice => {
            let doctor = mostly(r, ix.accesses.get(s), &ix.doctors)?;
            // Front ends ask for the menu modules far more than for the buttons.
            let p = if r.chance(700) {
                r.pick(Permission::ALL.get(..5)?)
            } else {
                r.pick(&Permission::ALL)
            }?;
            request(
                s,
                &format!("practice.{}", p.id()),
                Some(format!("doctor:{doctor}")),
            )
        }
        Family::Icon => {
            let icon = r.pick(&Icon::ALL)?.id();
            let resource = if r.chance(500) {
                mostly(r, ix.her_centres.get(s), &ix.centres).map(|c| format!("centre:{c}"))
            } else {
                None
            };
            request(s, &format!("dcc.icon.{icon}"), resource)
        }
        Family::Agenda | Family::Session => {
            let rcp = mostly(r, ix.her_rcps.get(s), &ix.rcps)?;
            let action = if family == Family::Agenda {
                "dcc.agenda.view"
            } else {
                "dcc.session.view"
            };
            request(s, action, Some(format!("rcp:{rcp}")))
        }
        Family::DossierView | Family::Validate | Family::Report => {
            let dossier = match ix.her_rcps.get(s) {
                Some(rcps) if !rcps.is_empty() && r.chance(750) => {
                    let rcp = r.pick(rcps)?;
                    *r.pick(ix.rcp_dossiers.get(rcp)?)?
                }
                _ => *r.pick(&ix.dossiers)?,
            };
            let action = if family == Family::Validate {
                "dcc.dossier.validate"
            } else {
                "dcc.dossier.view"
            };
            request(s, action, Some(format!("dossier:{dossier}")))
        }
    })
}

/// One change to simulate: [`FOCUS`] is granted PID billing on her first doctor's account.
pub fn sample_change(file: &OrgFile) -> Option<Change> {
    let access = file
        .practice
        .as_ref()?
        .accesses
        .iter()
        .find(|a| a.secretary == FOCUS)?;
    Some(Change::GrantPermission {
        secretary: FOCUS.to_owned(),
        doctor: access.doctor.clone(),
        permission: "pid_billing".to_owned(),
        valid_from: None,
        valid_until: None,
    })
}

#[cfg(test)]
mod tests {
    use super::{requests, Family};

    #[test]
    fn every_request_resolves_and_both_answers_occur() -> Result<(), String> {
        let file = crate::grown(5, 1);
        let org =
            secretariat_core::Organisation::from_file(file.clone()).map_err(|e| e.to_string())?;
        for family in Family::ALL {
            let reqs = requests(&file, family, 200, 1);
            assert_eq!(reqs.len(), 200, "{family:?}");
            let answers: Vec<bool> = reqs
                .iter()
                .map(|q| org.is_allowed(q))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("{family:?}: {e}"))?;
            assert!(answers.iter().any(|&a| a), "{family:?}: no allow");
            assert!(answers.iter().any(|&a| !a), "{family:?}: no deny");
        }
        Ok(())
    }
}
