//! The organisation, block by block: one 3C centre with its doctors, secretaries, groups,
//! affiliations, profiles, practice accesses, RCPs and dossiers per block.

use secretariat_core::file::{
    AccessEntry, AffiliationEntry, Category, CentreEntry, DossierEntry, DossierStatus, GroupEntry,
    NetworkSection, OrgFile, PermissionEntry, PersonEntry, PracticeSection, ProfileEntry, RcpEntry,
    Status, Support, WindowedPermission, FORMAT,
};

use crate::dates::at;
use crate::names::{
    rpps, slug, CENTRE_KINDS, CITIES, DOCTOR_GIVEN, GROUP_KINDS, RCPS, SECRETARY_GIVEN, SURNAMES,
};
use crate::rng::Rng;
use crate::FOCUS;

/// How many of everything: `centres` blocks, each with the per-centre counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// 3C centres (blocks).
    pub centres: usize,
    /// Doctors per centre.
    pub doctors: usize,
    /// Secretaries per centre (besides one coordinator per centre).
    pub secretaries: usize,
    /// Secretary groups per centre.
    pub groups: usize,
    /// RCPs per centre.
    pub rcps: usize,
    /// Dossiers per centre.
    pub dossiers: usize,
}

impl Shape {
    /// One practice: 5 doctors and 10 secretaries, with one centre of 3 RCPs.
    pub const PRACTICE: Shape = Shape {
        centres: 1,
        doctors: 5,
        secretaries: 10,
        groups: 1,
        rcps: 3,
        dossiers: 60,
    };

    /// `4 × factor` centres of 50 doctors, 20 secretaries, 2 groups, 15 RCPs and 1,250 dossiers:
    /// ×1 a district, ×10 a region, ×100 a country.
    pub fn district(factor: usize) -> Shape {
        Shape {
            centres: 4 * factor.max(1),
            doctors: 50,
            secretaries: 20,
            groups: 2,
            rcps: 15,
            dossiers: 1_250,
        }
    }
}

/// The `i`-th item of a non-empty list, cycling.
fn nth(items: &[&'static str], i: usize) -> &'static str {
    items
        .get(i % items.len().max(1))
        .copied()
        .unwrap_or_default()
}

fn pick(r: &mut Rng, items: &[&'static str]) -> &'static str {
    r.pick(items).copied().unwrap_or_default()
}

/// The ids of one block that the next block may link to.
#[derive(Default)]
struct Previous {
    doctors: Vec<String>,
    secretaries: Vec<String>,
}

struct Builder {
    shape: Shape,
    seed: u64,
    people: Vec<PersonEntry>,
    groups: Vec<GroupEntry>,
    accesses: Vec<AccessEntry>,
    centres: Vec<CentreEntry>,
    profiles: Vec<ProfileEntry>,
    affiliations: Vec<AffiliationEntry>,
    rcps: Vec<RcpEntry>,
    dossiers: Vec<DossierEntry>,
    objections: Vec<String>,
    previous: Option<Previous>,
}

/// Builds the whole organisation file.
pub(crate) fn build(shape: &Shape, seed: u64) -> OrgFile {
    let mut b = Builder {
        shape: *shape,
        seed,
        people: Vec::new(),
        groups: Vec::new(),
        accesses: Vec::new(),
        centres: Vec::new(),
        profiles: Vec::new(),
        affiliations: Vec::new(),
        rcps: Vec::new(),
        dossiers: Vec::new(),
        objections: Vec::new(),
        previous: None,
    };
    for k in 0..shape.centres {
        b.block(k);
    }
    let name = match shape.centres {
        1 => format!("Cabinet et 3C générés (graine {seed})"),
        n => format!("Réseau régional de cancérologie généré — {n} 3C (graine {seed})"),
    };
    OrgFile {
        format: FORMAT.to_owned(),
        name,
        support: Some(Support {
            practice: Some("support@logiciel-cabinet.example".to_owned()),
            network: Some("support@dcc-region.example".to_owned()),
        }),
        people: b.people,
        groups: b.groups,
        practice: Some(PracticeSection {
            accesses: b.accesses,
        }),
        network: Some(NetworkSection {
            centres: b.centres,
            profiles: b.profiles,
            affiliations: b.affiliations,
            rcps: b.rcps,
            dossiers: b.dossiers,
            patient_objections: b.objections,
        }),
    }
}

/// A validity window around [`crate::NOW`]: mostly in force (a two-week replacement), sometimes
/// over already, sometimes not yet begun.
fn window(r: &mut Rng) -> (Option<String>, Option<String>) {
    match r.below(10) {
        0..=5 => (Some(at(-7, 0, 0)), Some(at(7, 23, 59))),
        6 | 7 => (Some(at(-60, 0, 0)), Some(at(-30, 23, 59))),
        8 => (Some(at(14, 0, 0)), None),
        _ => (None, Some(at(90, 23, 59))),
    }
}

impl Builder {
    fn block(&mut self, k: usize) {
        let s = self.shape;
        let mut r = Rng::derive(self.seed, &[k as u64]);
        let home = k == 0;

        // The centre.
        let city = nth(CITIES, k);
        let kind = nth(CENTRE_KINDS, k / CITIES.len());
        let centre = format!("3c-{}-{k}", slug(city));
        let mut centre_name = format!("3C {kind} {city}");
        let round = k / (CITIES.len() * CENTRE_KINDS.len());
        if round > 0 {
            centre_name.push_str(&format!(" (site {})", round + 1));
        }
        self.centres.push(CentreEntry {
            id: centre.clone(),
            name: centre_name,
        });

        // Doctors. In the home block the first six (hers) are always active.
        let mut doctors = Vec::with_capacity(s.doctors);
        for i in 0..s.doctors {
            let g = k * s.doctors + i;
            let (given, last) = (pick(&mut r, DOCTOR_GIVEN), pick(&mut r, SURNAMES));
            let id = format!("dr-{}-{g}", slug(last));
            let status = match r.below(1000) {
                _ if home && i < 6 => Status::Active,
                0..=9 => Status::Suspended,
                10..=14 => Status::Deleted,
                _ => Status::Active,
            };
            self.people.push(PersonEntry {
                id: id.clone(),
                name: format!("Dr {given} {last}"),
                category: Category::Medecin,
                rpps: Some(rpps(g as u64 + 3_000_000)),
                external: None,
                status,
                coordinator_of: Vec::new(),
            });
            doctors.push(id);
        }

        // Secretaries: a few external, suspended, gone, or still filed as `medecin` (D9).
        let mut secretaries = Vec::with_capacity(s.secretaries);
        for j in 0..s.secretaries {
            let g = k * s.secretaries + j;
            let focus = home && j == 0;
            let (given, last) = (pick(&mut r, SECRETARY_GIVEN), pick(&mut r, SURNAMES));
            let (id, name) = if focus {
                (FOCUS.to_owned(), "Sophie Bernard".to_owned())
            } else {
                (
                    format!("{}-{}-{g}", slug(given), slug(last)),
                    format!("{given} {last}"),
                )
            };
            let external = !focus && r.chance(40);
            let status = match r.below(100) {
                _ if focus => Status::Active,
                0..=2 => Status::Suspended,
                3 => Status::Deleted,
                _ => Status::Active,
            };
            let category = if !focus && r.chance(8) {
                Category::Medecin
            } else {
                Category::Secretaire
            };
            self.people.push(PersonEntry {
                id: id.clone(),
                name: if external {
                    format!("{name} (secrétariat à distance)")
                } else {
                    name
                },
                category,
                rpps: None,
                external: Some(external),
                status,
                coordinator_of: Vec::new(),
            });
            secretaries.push(id);
        }

        // The centre's coordinator (D8).
        let (given, last) = (pick(&mut r, SECRETARY_GIVEN), pick(&mut r, SURNAMES));
        self.people.push(PersonEntry {
            id: format!("coord-{}-{k}", slug(city)),
            name: format!("{given} {last}"),
            category: Category::Secretaire,
            rpps: None,
            external: None,
            status: Status::Active,
            coordinator_of: vec![centre.clone()],
        });

        // Groups: three secretaries each, consecutive; group 0 of the home block holds her.
        let mut groups = Vec::with_capacity(s.groups);
        for gi in 0..s.groups {
            let members: Vec<String> = (0..3)
                .filter_map(|m| {
                    secretaries
                        .get((gi * 3 + m) % s.secretaries.max(1))
                        .cloned()
                })
                .fold(Vec::new(), |mut acc, m| {
                    if !acc.contains(&m) {
                        acc.push(m);
                    }
                    acc
                });
            let kind = nth(GROUP_KINDS, gi + k);
            let id = format!("grp-{}-{k}-{gi}", slug(kind));
            self.groups.push(GroupEntry {
                id: id.clone(),
                name: format!("{kind} — {city}"),
                members,
            });
            groups.push(id);
        }

        // Affiliations: every doctor to one secretary, every secretary to at least one doctor,
        // some doctors to a second secretary, three doctors to each group.
        let (nd, ns) = (s.doctors.max(1), s.secretaries.max(1));
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for i in 0..s.doctors {
            pairs.push((i, i * ns / nd));
            if r.chance(100) {
                pairs.push((i, r.below(ns)));
            }
        }
        for j in 0..s.secretaries {
            pairs.push((j * nd / ns, j));
        }
        pairs.sort_unstable();
        pairs.dedup();
        for &(i, j) in &pairs {
            let (Some(doctor), Some(secretary)) = (doctors.get(i), secretaries.get(j)) else {
                continue;
            };
            let focus = home && j == 0;
            let (valid_from, valid_until) = if !focus && r.chance(40) {
                window(&mut r)
            } else {
                (None, None)
            };
            self.affiliations.push(AffiliationEntry {
                doctor: doctor.clone(),
                secretary: Some(secretary.clone()),
                group: None,
                valid_from,
                valid_until,
            });
        }
        for (gi, group) in groups.iter().enumerate() {
            let chosen = if home && gi == 0 {
                vec![3, 4, 5]
            } else {
                r.sample(s.doctors, 3)
            };
            for i in chosen {
                if let Some(doctor) = doctors.get(i) {
                    self.affiliations.push(AffiliationEntry {
                        doctor: doctor.clone(),
                        secretary: None,
                        group: Some(group.clone()),
                        valid_from: None,
                        valid_until: None,
                    });
                }
            }
        }

        // Profiles: most secretaries hold "secrétaire médecin" on their centre; a few of the
        // previous block's also work here.
        for (j, secretary) in secretaries.iter().enumerate() {
            let focus = home && j == 0;
            if !focus && r.chance(50) {
                continue;
            }
            let (valid_from, valid_until) = if !focus && r.chance(30) {
                window(&mut r)
            } else {
                (None, None)
            };
            self.profiles.push(ProfileEntry {
                secretary: secretary.clone(),
                centre: centre.clone(),
                valid_from,
                valid_until,
            });
        }
        let previous = if k >= 2 { self.previous.take() } else { None };
        if let Some(prev) = &previous {
            for j in r.sample(prev.secretaries.len(), 2) {
                if let Some(secretary) = prev.secretaries.get(j) {
                    self.profiles.push(ProfileEntry {
                        secretary: secretary.clone(),
                        centre: centre.clone(),
                        valid_from: None,
                        valid_until: None,
                    });
                }
            }
        }

        // Practice accesses: most direct affiliations come with an access to the doctor's
        // account; a few accesses have no DCC counterpart.
        let mut access_pairs: Vec<(usize, usize)> =
            pairs.iter().copied().filter(|_| r.chance(850)).collect();
        for j in 0..s.secretaries {
            if r.chance(50) {
                access_pairs.push((r.below(nd), j));
            }
        }
        access_pairs.sort_unstable();
        access_pairs.dedup();
        for (i, j) in access_pairs {
            let (Some(doctor), Some(secretary)) = (doctors.get(i), secretaries.get(j)) else {
                continue;
            };
            self.accesses
                .push(access(&mut r, secretary, doctor, home && j == 0));
        }

        // RCPs: each of the centre's boards, a dozen participants, one or two animateurs.
        let mut rcp_ids = Vec::with_capacity(s.rcps);
        let mut rcp_participants: Vec<Vec<String>> = Vec::with_capacity(s.rcps);
        for ri in 0..s.rcps {
            let (part, label) = RCPS.get(ri % RCPS.len()).copied().unwrap_or_default();
            let lap = ri / RCPS.len();
            let id = match lap {
                0 => format!("rcp-{part}-{k}"),
                n => format!("rcp-{part}-{k}-{}", n + 1),
            };
            let size = r.between(8, 14);
            let mut participants: Vec<String> = r
                .sample(s.doctors, size)
                .into_iter()
                .filter_map(|i| doctors.get(i).cloned())
                .collect();
            if let Some(prev) = &previous {
                let guests = r.below(3);
                for i in r.sample(prev.doctors.len(), guests) {
                    if let Some(d) = prev.doctors.get(i) {
                        participants.push(d.clone());
                    }
                }
            }
            let mut animateurs: Vec<String> = Vec::new();
            for _ in 0..r.between(1, 2) {
                let candidate = if r.chance(800) {
                    r.pick(&participants).cloned()
                } else {
                    r.pick(&doctors).cloned()
                };
                if let Some(c) = candidate {
                    if !animateurs.contains(&c) {
                        animateurs.push(c);
                    }
                }
            }
            // Her first doctor runs the home centre's first board: she always has a déroulement.
            if home && ri == 0 {
                if let Some(first) = doctors.first() {
                    if !animateurs.contains(first) {
                        animateurs.push(first.clone());
                    }
                }
            }
            let responsables: Vec<String> = if r.chance(500) {
                r.pick(&participants).cloned().into_iter().collect()
            } else {
                Vec::new()
            };
            self.rcps.push(RcpEntry {
                id: id.clone(),
                name: format!("{label} — {city}"),
                centre: centre.clone(),
                participants: participants.clone(),
                animateurs,
                responsables,
                next_session: {
                    let (day, hour) = session_of(ri);
                    Some(at(day, hour, 30))
                },
            });
            rcp_ids.push(id);
            rcp_participants.push(participants);
        }

        // Dossiers: the busiest boards (digestive, breast, thoracic, urology) get half of them.
        let mut patients: Vec<String> = Vec::new();
        for n in 0..s.dossiers {
            let ri = if r.chance(500) {
                r.below(s.rcps.min(4))
            } else {
                r.below(s.rcps)
            };
            let (Some(rcp), Some(participants)) = (rcp_ids.get(ri), rcp_participants.get(ri))
            else {
                continue;
            };
            let demandeur = if r.chance(900) {
                r.pick(participants).cloned()
            } else {
                r.pick(&doctors).cloned()
            };
            let Some(demandeur) = demandeur else {
                continue;
            };
            let patient = match r.pick(&patients) {
                Some(p) if r.chance(40) => p.clone(),
                _ => {
                    let p = format!("P-{k:03}-{n:05}");
                    patients.push(p.clone());
                    p
                }
            };
            let (next, hour) = session_of(ri);
            let (status, session) = match r.below(100) {
                0..=7 => (DossierStatus::Registered, None),
                8..=39 => (DossierStatus::Registered, Some(at(next, hour, 30))),
                40..=59 => (DossierStatus::Discussed, Some(at(next - 7, hour, 30))),
                60..=79 => (DossierStatus::Validated, Some(at(next - 14, hour, 30))),
                _ => (
                    DossierStatus::Sent,
                    Some(at(next - 7 * r.between(3, 40) as i64, hour, 30)),
                ),
            };
            let objection = r.chance(4);
            if r.chance(1) {
                self.objections.push(patient.clone());
            }
            self.dossiers.push(DossierEntry {
                id: format!("d-{k}-{n}"),
                patient,
                rcp: rcp.clone(),
                demandeur,
                session,
                status,
                objection,
            });
        }

        self.previous = Some(Previous {
            doctors,
            secretaries,
        });
    }
}

/// The next séance of the centre's `ri`-th board: days from [`crate::NOW`], and the hour.
fn session_of(ri: usize) -> (i64, u32) {
    ((ri % 14) as i64 + 1, 13 + (ri % 4) as u32)
}

/// One practice access: the recommended modules mostly, the "as needed" ones sometimes, and a
/// sensitive grant now and then (often time-bounded, as the vendor advises).
fn access(r: &mut Rng, secretary: &str, doctor: &str, focus: bool) -> AccessEntry {
    let mut permissions: Vec<PermissionEntry> = Vec::new();
    let mut add = |id: &str| permissions.push(PermissionEntry::Id(id.to_owned()));
    add("agenda");
    for (id, per_mille) in [
        ("dashboard", 900),
        ("patients", 800),
        ("waiting_room", 700),
        ("letters", 600),
        ("pid_billing", 150),
        ("practice_settings", 80),
        ("reviews", 60),
        ("export_deposits", 60),
        ("subscription", 15),
        ("two_factor", 10),
        ("delete_fee_or_redate_invoice", 20),
        ("reassign_record_owner", 10),
    ] {
        if r.chance(per_mille) {
            add(id);
        }
    }
    let mut exports = permissions.iter().any(|p| p.id() == "export_deposits");
    if focus || r.chance(80) {
        exports = true;
        permissions.push(if r.chance(300) {
            PermissionEntry::Windowed(WindowedPermission {
                id: "export_patients".to_owned(),
                valid_from: None,
                valid_until: Some(crate::dates::at(38, 23, 59)),
            })
        } else {
            PermissionEntry::Id("export_patients".to_owned())
        });
    }
    if r.chance(10) {
        permissions.push(if r.chance(700) {
            PermissionEntry::Windowed(WindowedPermission {
                id: "login_as_doctor".to_owned(),
                valid_from: Some(at(-1, 8, 0)),
                valid_until: Some(at(0, 19, 0)),
            })
        } else {
            PermissionEntry::Id("login_as_doctor".to_owned())
        });
    }
    let (valid_from, valid_until) = if !focus && r.chance(30) {
        window(r)
    } else {
        (None, None)
    };
    AccessEntry {
        secretary: secretary.to_owned(),
        doctor: doctor.to_owned(),
        permissions,
        valid_from,
        valid_until,
        confidentiality_acknowledged: exports && r.chance(800),
    }
}

#[cfg(test)]
mod tests {
    use super::{build, Shape};

    #[test]
    fn counts_follow_the_shape() {
        let f = build(&Shape::district(1), 3);
        let net = f.network.unwrap_or_default();
        assert_eq!(net.centres.len(), 4);
        assert_eq!(net.rcps.len(), 60);
        assert_eq!(net.dossiers.len(), 5_000);
        let doctors = f.people.iter().filter(|p| p.rpps.is_some()).count();
        assert_eq!(doctors, 200);
    }
}
