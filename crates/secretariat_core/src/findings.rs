//! Findings on an organisation (`secretariat lint`): what to look at before a change is requested —
//! sensitive grants with the seed's wording (P6), violations (P3), ineffective grants (P4), open-ended
//! `login_as_doctor` (B1), categories to rectify (D9), malformed RPPS (B4), and profiles or
//! affiliations that grant nothing.

use serde::Serialize;

use crate::decision::NoTrace;
use crate::file::{Category, Status};
use crate::lang::Lang;
use crate::network;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::org::{CentreId, GroupId, Link, Organisation, PersonId};
use crate::permission::{Permission, Severity};
use crate::practice;
use crate::time::{InForce, Instant};

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Danger, warning or info.
    pub severity: Severity,
    /// Stable code, e.g. `login_as_doctor`, `login_external`, `ineffective_grant`.
    pub code: &'static str,
    /// The rule it comes from, e.g. `P6`.
    pub rule: &'static str,
    /// Where in the file (JSON path).
    pub path: String,
    /// The secretary concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// The doctor concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doctor: Option<String>,
    /// The permission concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<&'static str>,
    /// What, in words.
    pub message: String,
}

impl Finding {
    /// What identifies a finding across two versions of a file (paths move, messages don't).
    pub fn key(&self) -> (&'static str, Option<&str>, Option<&str>, Option<&str>, &str) {
        (
            self.code,
            self.secretary.as_deref(),
            self.doctor.as_deref(),
            self.permission,
            &self.message,
        )
    }
}

/// RPPS: 11 digits, the last a Luhn check digit over all 11 (B4).
pub fn rpps_is_well_formed(rpps: &str) -> bool {
    if rpps.len() != 11 || !rpps.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = rpps
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// What a finding is about: where in the file, and whom (by interned id: [`Lint::push`] writes the
/// file's ids, once).
#[derive(Clone)]
struct About {
    path: String,
    secretary: Option<PersonId>,
    doctor: Option<PersonId>,
    permission: Option<Permission>,
}

/// A finding as the lint writes it: what it says, and what it is about.
struct Draft {
    severity: Severity,
    code: &'static str,
    rule: &'static str,
    about: About,
    message: String,
}

struct Lint<'a> {
    org: &'a Organisation,
    now: Option<Instant>,
    lang: Lang,
    out: Vec<Finding>,
}

impl Lint<'_> {
    fn name(&self, p: PersonId) -> &str {
        &self.org.person(p).name
    }

    fn push(&mut self, draft: Draft) {
        let Draft {
            severity,
            code,
            rule,
            about,
            message,
        } = draft;
        let id = |p: PersonId| self.org.person(p).id.clone();
        let finding = Finding {
            severity,
            code,
            rule,
            path: about.path,
            secretary: about.secretary.map(id),
            doctor: about.doctor.map(id),
            permission: about.permission.map(Permission::id),
            message,
        };
        self.out.push(finding);
    }

    fn accesses(&mut self) {
        let fr = self.lang == Lang::Fr;
        for a in &self.org.accesses {
            let (s, d) = (a.secretary, a.doctor);
            let (sn, dn) = (self.name(s).to_owned(), self.name(d).to_owned());
            let base = format!("practice.accesses[{}]", a.entry);
            let sec = self.org.person(s);
            // Written in the file, in force or not.
            let written = |p: Permission| a.grants.get(p.index()).copied().flatten().is_some();
            let via_login = practice::login_opens_every_module(
                written(Permission::LoginAsDoctor),
                sec.external,
            );
            let granted: Vec<(usize, Permission)> = Permission::ALL
                .into_iter()
                .filter(|&p| written(p))
                .enumerate()
                .collect();
            let on_access = About {
                path: base.clone(),
                secretary: Some(s),
                doctor: Some(d),
                permission: None,
            };
            if granted.is_empty() {
                let message = if fr {
                    format!("l'accès de {sn} au compte de {dn} n'accorde aucune permission")
                } else {
                    format!("{sn}'s access to {dn}'s account grants no permission")
                };
                self.push(Draft {
                    severity: Severity::Info,
                    code: "access_grants_nothing",
                    rule: "P1",
                    about: on_access.clone(),
                    message,
                });
            }
            if sec.status != Status::Active {
                let deleted = sec.status == Status::Deleted;
                let message = match (deleted, fr) {
                    (true, true) => format!("{sn} a quitté la structure (compte supprimé) mais garde un accès au compte de {dn} : à révoquer le jour même"),
                    (true, false) => format!("{sn} has left (account deleted) but still holds an access to {dn}'s account: revoke it the same day"),
                    (false, true) => format!("le compte de {sn} est désactivé temporairement et garde un accès au compte de {dn}"),
                    (false, false) => format!("{sn} is suspended and still holds an access to {dn}'s account"),
                };
                let severity = if deleted {
                    Severity::Danger
                } else {
                    Severity::Info
                };
                self.push(Draft {
                    severity,
                    code: "inactive_holds_access",
                    rule: "P7",
                    about: on_access.clone(),
                    message,
                });
            }
            for (pos, perm) in granted {
                let Some(window) = a.grants.get(perm.index()).copied().flatten() else {
                    continue;
                };
                let on_grant = About {
                    path: format!(
                        "{base}.permissions[{}]",
                        entry_position(self.org, a.entry, perm).unwrap_or(pos)
                    ),
                    permission: Some(perm),
                    ..on_access.clone()
                };
                if let Some((severity, text)) = perm.warning(self.lang) {
                    let code = match perm {
                        Permission::LoginAsDoctor => "login_as_doctor",
                        Permission::ExportPatients | Permission::ExportDeposits => "export",
                        Permission::Subscription | Permission::TwoFactor => "not_recommended",
                        _ => "sensitive_permission",
                    };
                    let message = if fr {
                        format!(
                            "{sn} a « {} » sur le compte de {dn}. {text}",
                            perm.label(self.lang)
                        )
                    } else {
                        format!(
                            "{sn} holds “{}” on {dn}'s account. {text}",
                            perm.label(self.lang)
                        )
                    };
                    self.push(Draft {
                        severity,
                        code,
                        rule: "P6",
                        about: on_grant.clone(),
                        message,
                    });
                }
                if perm == Permission::LoginAsDoctor
                    && !practice::may_log_in_as_doctor(sec.external)
                {
                    let message = if fr {
                        format!("violation : {sn} est un secrétaire externe ou un prestataire tiers ; « Connexion en tant que médecin » ne doit jamais lui être activée (elle est sans effet)")
                    } else {
                        format!("violation: {sn} is an external secretary or third-party provider; “Connexion en tant que médecin” must never be enabled (it has no effect)")
                    };
                    self.push(Draft {
                        severity: Severity::Danger,
                        code: "login_external",
                        rule: "P3",
                        about: on_grant.clone(),
                        message,
                    });
                }
                if perm == Permission::LoginAsDoctor
                    && window.until.is_none()
                    && a.window.until.is_none()
                {
                    let message = if fr {
                        format!("« Connexion en tant que médecin » de {sn} sur le compte de {dn} n'a pas de date de fin : à révoquer immédiatement après usage (valid_until)")
                    } else {
                        format!("{sn}'s “Connexion en tant que médecin” on {dn}'s account has no end date: revoke it right after use (valid_until)")
                    };
                    self.push(Draft {
                        severity: Severity::Warning,
                        code: "login_no_end",
                        rule: "B1",
                        about: on_grant.clone(),
                        message,
                    });
                }
                if matches!(
                    perm,
                    Permission::ExportPatients | Permission::ExportDeposits
                ) && !a.confidentiality_acknowledged
                {
                    let message = if fr {
                        format!("{sn} a « {} » sur le compte de {dn} sans avoir reconnu ses obligations de confidentialité", perm.label(self.lang))
                    } else {
                        format!("{sn} holds “{}” on {dn}'s account without an acknowledged confidentiality obligation", perm.label(self.lang))
                    };
                    self.push(Draft {
                        severity: Severity::Warning,
                        code: "export_unacknowledged",
                        rule: "P6",
                        about: on_grant.clone(),
                        message,
                    });
                }
                // P4, unless P2 opens the module anyway.
                if let Some(module) = practice::module_missing(perm, written).filter(|_| !via_login)
                {
                    let message = if fr {
                        format!("« {} » est sans effet pour {sn} sur le compte de {dn} : il faut aussi le module « {} »", perm.label(self.lang), module.label(self.lang))
                    } else {
                        format!("“{}” has no effect for {sn} on {dn}'s account: the module “{}” is needed too", perm.label(self.lang), module.label(self.lang))
                    };
                    self.push(Draft {
                        severity: Severity::Warning,
                        code: "ineffective_grant",
                        rule: "P4",
                        about: on_grant.clone(),
                        message,
                    });
                }
                if let InForce::Ended(t) = window.check(self.now) {
                    let message = if fr {
                        format!("la permission « {} » de {sn} sur le compte de {dn} a pris fin le {t} : à retirer du fichier", perm.label(self.lang))
                    } else {
                        format!("{sn}'s permission “{}” on {dn}'s account ended at {t}: remove it from the file", perm.label(self.lang))
                    };
                    self.push(Draft {
                        severity: Severity::Info,
                        code: "expired_grant",
                        rule: "B1",
                        about: on_grant,
                        message,
                    });
                }
            }
        }
    }

    fn people(&mut self) {
        let fr = self.lang == Lang::Fr;
        for (i, p) in self.org.people.iter().enumerate() {
            let id = PersonId(i as u32);
            if let Some(rpps) = &p.rpps {
                if !rpps_is_well_formed(rpps) {
                    let message = if fr {
                        format!(
                            "le RPPS `{rpps}` de {} est mal formé (11 chiffres, clé de Luhn)",
                            p.name
                        )
                    } else {
                        format!(
                            "{}'s RPPS `{rpps}` is malformed (11 digits, Luhn check digit)",
                            p.name
                        )
                    };
                    self.push(Draft {
                        severity: Severity::Warning,
                        code: "malformed_rpps",
                        rule: "B4",
                        about: About {
                            path: format!("people[{i}].rpps"),
                            secretary: None,
                            doctor: Some(id),
                            permission: None,
                        },
                        message,
                    });
                }
            }
            if p.category == Category::Medecin && !p.profiles.is_empty() {
                let message = if fr {
                    format!("{} a le profil « secrétaire médecin » mais est encore en catégorie « Médecin » : catégorie à rectifier en « Secrétaire » dans l'annuaire professionnel", p.name)
                } else {
                    format!("{} holds the “secrétaire médecin” profile but is still in category “Médecin”: rectify the category to “Secrétaire” in the professional directory", p.name)
                };
                self.push(Draft {
                    severity: Severity::Warning,
                    code: "category_to_rectify",
                    rule: "D9",
                    about: About {
                        path: format!("people[{i}].category"),
                        secretary: Some(id),
                        doctor: None,
                        permission: None,
                    },
                    message,
                });
            }
        }
    }

    fn network(&mut self) {
        let fr = self.lang == Lang::Fr;
        for p in &self.org.profiles {
            let s = p.secretary;
            let sec = self.org.person(s);
            if sec.category != Category::Secretaire || !sec.is_active() {
                continue; // reported as category to rectify, or she is not active
            }
            let gives = network::doctors(self.org, s, self.now).any(|v| {
                self.org
                    .person(v.doctor)
                    .rcps
                    .iter()
                    .any(|&r| self.org.rcp(r).centre == p.centre)
            });
            if !gives {
                let message = if fr {
                    format!("le profil de {} sur {} n'ouvre aucune RCP : aucun de ses médecins n'y siège", sec.name, self.org.centre(p.centre).name)
                } else {
                    format!(
                        "{}'s profile on {} opens no RCP: none of her doctors sits there",
                        sec.name,
                        self.org.centre(p.centre).name
                    )
                };
                self.push(Draft {
                    severity: Severity::Info,
                    code: "profile_grants_nothing",
                    rule: "D7",
                    about: About {
                        path: format!("network.profiles[{}]", p.entry),
                        secretary: Some(s),
                        doctor: None,
                        permission: None,
                    },
                    message,
                });
            }
        }
        // Per group and per doctor, the centres once: a group of thousands affiliated to thousands
        // of doctors costs their sum, not their product.
        let mut group_centres: FxHashMap<GroupId, FxHashSet<CentreId>> = FxHashMap::default();
        let mut doctor_centres: FxHashMap<PersonId, FxHashSet<CentreId>> = FxHashMap::default();
        for a in &self.org.affiliations {
            let members: &[PersonId] = match &a.target {
                Link::Secretary(s) => std::slice::from_ref(s),
                Link::Group(g) => &self.org.group(*g).members,
            };
            // Members who could inherit at all; the others are reported on their own (category, status).
            let eligible = |s: &&PersonId| {
                self.org.person(**s).is_active()
                    && self.org.person(**s).category == Category::Secretaire
            };
            if !members.iter().any(|s| eligible(&s)) {
                continue;
            }
            let doctor = self.org.person(a.doctor);
            // Centres where one of these members' profile applies.
            let applies_on = |members: &[PersonId]| -> FxHashSet<CentreId> {
                let mut centres = FxHashSet::default();
                for &s in members.iter().filter(eligible) {
                    for &i in &self.org.person(s).profiles {
                        let c = self.org.profile(i).centre;
                        if network::applies(self.org, s, c, self.now, &mut NoTrace).is_ok() {
                            centres.insert(c);
                        }
                    }
                }
                centres
            };
            let here: FxHashSet<CentreId>;
            let applies: &FxHashSet<CentreId> = match a.target {
                Link::Group(g) => group_centres
                    .entry(g)
                    .or_insert_with(|| applies_on(members)),
                Link::Secretary(_) => {
                    here = applies_on(members);
                    &here
                }
            };
            let sits: &FxHashSet<CentreId> = doctor_centres.entry(a.doctor).or_insert_with(|| {
                doctor
                    .rcps
                    .iter()
                    .map(|&r| self.org.rcp(r).centre)
                    .collect()
            });
            let gives = if applies.len() <= sits.len() {
                applies.iter().any(|c| sits.contains(c))
            } else {
                sits.iter().any(|c| applies.contains(c))
            };
            if !gives {
                let target = match a.target {
                    Link::Secretary(s) => self.name(s).to_owned(),
                    Link::Group(g) => self.org.group(g).name.clone(),
                };
                // The nearest missing condition: no profile in force at all, else the centres.
                let message = match (applies.is_empty(), fr) {
                    (true, true) => format!("le rattachement de {} à {target} n'ouvre rien : {target} n'a de profil « secrétaire médecin » en vigueur sur aucun 3C", doctor.name),
                    (true, false) => format!("the affiliation of {} to {target} opens nothing: {target} holds the “secrétaire médecin” profile in force on no 3C", doctor.name),
                    (false, true) => format!("le rattachement de {} à {target} n'ouvre rien : {} ne siège dans aucune RCP d'un 3C où le profil s'applique", doctor.name, doctor.name),
                    (false, false) => format!("the affiliation of {} to {target} opens nothing: {} sits in no RCP of a 3C where the profile applies", doctor.name, doctor.name),
                };
                let secretary = match a.target {
                    Link::Secretary(s) => Some(s),
                    Link::Group(_) => None,
                };
                self.push(Draft {
                    severity: Severity::Info,
                    code: "affiliation_grants_nothing",
                    rule: "D7",
                    about: About {
                        path: format!("network.affiliations[{}]", a.entry),
                        secretary,
                        doctor: Some(a.doctor),
                        permission: None,
                    },
                    message,
                });
            }
        }
    }
}

/// Where a permission stands in its access's `permissions` array, for the finding's path.
fn entry_position(org: &Organisation, entry: usize, perm: Permission) -> Option<usize> {
    org.file
        .practice
        .as_ref()?
        .accesses
        .get(entry)?
        .permissions
        .iter()
        .position(|p| p.id() == perm.id())
}

impl Organisation {
    /// Every finding on this organisation, most severe first (file order within a severity).
    pub fn findings(&self, now: Option<Instant>, lang: Lang) -> Vec<Finding> {
        let mut lint = Lint {
            org: self,
            now,
            lang,
            out: Vec::new(),
        };
        lint.accesses();
        lint.people();
        lint.network();
        // Most severe first, file order within a severity: three passes over three values (no
        // general stable sort in the `.wasm` for this one).
        let mut rest = lint.out;
        let mut out = Vec::with_capacity(rest.len());
        for severity in [Severity::Danger, Severity::Warning, Severity::Info] {
            let (these, others): (Vec<Finding>, Vec<Finding>) =
                rest.into_iter().partition(|f| f.severity == severity);
            out.extend(these);
            rest = others;
        }
        out.extend(rest);
        out
    }
}
