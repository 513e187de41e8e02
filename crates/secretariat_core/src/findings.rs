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

    #[expect(
        clippy::too_many_arguments,
        reason = "one flat constructor reads better than a builder here"
    )]
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        rule: &'static str,
        path: String,
        secretary: Option<PersonId>,
        doctor: Option<PersonId>,
        permission: Option<Permission>,
        message: String,
    ) {
        self.out.push(Finding {
            severity,
            code,
            rule,
            path,
            secretary: secretary.map(|p| self.org.person(p).id.clone()),
            doctor: doctor.map(|p| self.org.person(p).id.clone()),
            permission: permission.map(Permission::id),
            message,
        });
    }

    fn accesses(&mut self) {
        let fr = self.lang == Lang::Fr;
        for a in &self.org.accesses {
            let (s, d) = (a.secretary, a.doctor);
            let (sn, dn) = (self.name(s).to_owned(), self.name(d).to_owned());
            let base = format!("practice.accesses[{}]", a.entry);
            let sec = self.org.person(s);
            let granted: Vec<(usize, Permission)> = Permission::ALL
                .into_iter()
                .filter(|p| a.grants.get(p.index()).copied().flatten().is_some())
                .enumerate()
                .collect();
            if granted.is_empty() {
                let m = if fr {
                    format!("l'accès de {sn} au compte de {dn} n'accorde aucune permission")
                } else {
                    format!("{sn}'s access to {dn}'s account grants no permission")
                };
                self.push(
                    Severity::Info,
                    "access_grants_nothing",
                    "P1",
                    base.clone(),
                    Some(s),
                    Some(d),
                    None,
                    m,
                );
            }
            if sec.status != Status::Active {
                let deleted = sec.status == Status::Deleted;
                let m = match (deleted, fr) {
                    (true, true) => format!("{sn} est partie (compte supprimé) mais garde un accès au compte de {dn} : à révoquer le jour même"),
                    (true, false) => format!("{sn} has left (account deleted) but still holds an access to {dn}'s account: revoke it the same day"),
                    (false, true) => format!("{sn} est désactivée temporairement et garde un accès au compte de {dn}"),
                    (false, false) => format!("{sn} is suspended and still holds an access to {dn}'s account"),
                };
                let sev = if deleted {
                    Severity::Danger
                } else {
                    Severity::Info
                };
                self.push(
                    sev,
                    "inactive_holds_access",
                    "P7",
                    base.clone(),
                    Some(s),
                    Some(d),
                    None,
                    m,
                );
            }
            for (pos, perm) in granted {
                let Some(window) = a.grants.get(perm.index()).copied().flatten() else {
                    continue;
                };
                let path = format!(
                    "{base}.permissions[{}]",
                    entry_position(self.org, a.entry, perm).unwrap_or(pos)
                );
                if let Some((severity, text)) = perm.warning(self.lang) {
                    let code = match perm {
                        Permission::LoginAsDoctor => "login_as_doctor",
                        Permission::ExportPatients | Permission::ExportDeposits => "export",
                        Permission::Subscription | Permission::TwoFactor => "not_recommended",
                        _ => "sensitive_permission",
                    };
                    let m = if fr {
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
                    self.push(
                        severity,
                        code,
                        "P6",
                        path.clone(),
                        Some(s),
                        Some(d),
                        Some(perm),
                        m,
                    );
                }
                if perm == Permission::LoginAsDoctor && sec.external {
                    let m = if fr {
                        format!("violation : {sn} est un secrétaire externe ou un prestataire tiers ; « Connexion en tant que médecin » ne doit jamais lui être activée (elle est sans effet)")
                    } else {
                        format!("violation: {sn} is an external secretary or third-party provider; “Connexion en tant que médecin” must never be enabled (it has no effect)")
                    };
                    self.push(
                        Severity::Danger,
                        "login_external",
                        "P3",
                        path.clone(),
                        Some(s),
                        Some(d),
                        Some(perm),
                        m,
                    );
                }
                if perm == Permission::LoginAsDoctor
                    && window.until.is_none()
                    && a.window.until.is_none()
                {
                    let m = if fr {
                        format!("« Connexion en tant que médecin » de {sn} sur le compte de {dn} n'a pas de date de fin : à révoquer immédiatement après usage (valid_until)")
                    } else {
                        format!("{sn}'s “Connexion en tant que médecin” on {dn}'s account has no end date: revoke it right after use (valid_until)")
                    };
                    self.push(
                        Severity::Warning,
                        "login_no_end",
                        "B1",
                        path.clone(),
                        Some(s),
                        Some(d),
                        Some(perm),
                        m,
                    );
                }
                if matches!(
                    perm,
                    Permission::ExportPatients | Permission::ExportDeposits
                ) && !a.confidentiality_acknowledged
                {
                    let m = if fr {
                        format!("{sn} a « {} » sur le compte de {dn} sans avoir reconnu ses obligations de confidentialité", perm.label(self.lang))
                    } else {
                        format!("{sn} holds “{}” on {dn}'s account without an acknowledged confidentiality obligation", perm.label(self.lang))
                    };
                    self.push(
                        Severity::Warning,
                        "export_unacknowledged",
                        "P6",
                        path.clone(),
                        Some(s),
                        Some(d),
                        Some(perm),
                        m,
                    );
                }
                if let Some(module) = perm.needs_module() {
                    let has_module = a.grants.get(module.index()).copied().flatten().is_some();
                    let has_login = a
                        .grants
                        .get(Permission::LoginAsDoctor.index())
                        .copied()
                        .flatten()
                        .is_some()
                        && !sec.external;
                    if !has_module && !has_login {
                        let m = if fr {
                            format!("« {} » est sans effet pour {sn} sur le compte de {dn} : il faut aussi le module « {} »", perm.label(self.lang), module.label(self.lang))
                        } else {
                            format!("“{}” has no effect for {sn} on {dn}'s account: the module “{}” is needed too", perm.label(self.lang), module.label(self.lang))
                        };
                        self.push(
                            Severity::Warning,
                            "ineffective_grant",
                            "P4",
                            path.clone(),
                            Some(s),
                            Some(d),
                            Some(perm),
                            m,
                        );
                    }
                }
                if let InForce::Ended(t) = window.check(self.now) {
                    let m = if fr {
                        format!("la permission « {} » de {sn} sur le compte de {dn} a pris fin le {t} : à retirer du fichier", perm.label(self.lang))
                    } else {
                        format!("{sn}'s permission “{}” on {dn}'s account ended at {t}: remove it from the file", perm.label(self.lang))
                    };
                    self.push(
                        Severity::Info,
                        "expired_grant",
                        "B1",
                        path,
                        Some(s),
                        Some(d),
                        Some(perm),
                        m,
                    );
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
                    let m = if fr {
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
                    self.push(
                        Severity::Warning,
                        "malformed_rpps",
                        "B4",
                        format!("people[{i}].rpps"),
                        None,
                        Some(id),
                        None,
                        m,
                    );
                }
            }
            if p.category == Category::Medecin && !p.profiles.is_empty() {
                let m = if fr {
                    format!("{} a le profil « secrétaire médecin » mais est encore en catégorie « Médecin » : catégorie à rectifier en « Secrétaire » dans l'annuaire professionnel", p.name)
                } else {
                    format!("{} holds the “secrétaire médecin” profile but is still in category “Médecin”: rectify the category to “Secrétaire” in the professional directory", p.name)
                };
                self.push(
                    Severity::Warning,
                    "category_to_rectify",
                    "D9",
                    format!("people[{i}].category"),
                    Some(id),
                    None,
                    None,
                    m,
                );
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
                let m = if fr {
                    format!("le profil de {} sur {} n'ouvre aucune RCP : aucun de ses médecins n'y siège", sec.name, self.org.centre(p.centre).name)
                } else {
                    format!(
                        "{}'s profile on {} opens no RCP: none of her doctors sits there",
                        sec.name,
                        self.org.centre(p.centre).name
                    )
                };
                self.push(
                    Severity::Info,
                    "profile_grants_nothing",
                    "D7",
                    format!("network.profiles[{}]", p.entry),
                    Some(s),
                    None,
                    None,
                    m,
                );
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
                let m = if fr {
                    format!("le rattachement de {} à {target} n'ouvre rien : {} ne siège dans aucune RCP d'un 3C où le profil s'applique", doctor.name, doctor.name)
                } else {
                    format!("the affiliation of {} to {target} opens nothing: {} sits in no RCP of a 3C where the profile applies", doctor.name, doctor.name)
                };
                let secretary = match a.target {
                    Link::Secretary(s) => Some(s),
                    Link::Group(_) => None,
                };
                self.push(
                    Severity::Info,
                    "affiliation_grants_nothing",
                    "D7",
                    format!("network.affiliations[{}]", a.entry),
                    secretary,
                    Some(a.doctor),
                    None,
                    m,
                );
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
