//! Change requests (P7, D9): neither the doctor nor the admin changes accesses themselves — the
//! practice vendor's administration and the cancer network do. From the file before and after a
//! change, write what to ask of each, in French, ready to send.

use serde::Serialize;

use crate::file::{AccessEntry, Category, OrgFile, PermissionEntry, Status};
use crate::lang::Lang;
use crate::org::Organisation;
use crate::permission::Permission;
use crate::sorted::set;
use crate::time::window_words;

/// Where a change request goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recipient {
    /// The practice software vendor's administration (P7).
    Practice,
    /// The cancer network (the 3C, the regional e-health agency) (D9).
    Network,
}

/// A change request ready to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeRequest {
    /// Vendor or network.
    pub recipient: Recipient,
    /// `add_access`, `modify_permissions`, `temporary_deactivation`, `reactivation`, `departure`,
    /// `account_opening`, `profile_removal`, `category_rectification`, `affiliation_change`,
    /// `account_closure`.
    pub kind: &'static str,
    /// E-mail address from the organisation's `support`, if configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Subject line (French).
    pub subject: String,
    /// Text ready to send (French, as the vendor and the network read it).
    pub body: String,
    /// The secretary concerned.
    pub secretary: String,
    /// The doctor concerned, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doctor: Option<String>,
    /// Departure: whether `login_as_doctor` was enabled on any of her accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_as_doctor_enabled: Option<bool>,
    /// A `mailto:` link with subject and body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mailto: Option<String>,
}

// Labels and look-ups in the files before and after.
fn status_of(file: &OrgFile, id: &str) -> Option<Status> {
    file.people.iter().find(|p| p.id == id).map(|p| p.status)
}
fn category_of(file: &OrgFile, id: &str) -> Option<Category> {
    file.people.iter().find(|p| p.id == id).map(|p| p.category)
}

/// A change request as the writer composes it, before [`Writer::send`] addresses and signs it.
struct Letter<'a> {
    recipient: Recipient,
    kind: &'static str,
    secretary: &'a str,
    doctor: Option<&'a str>,
    subject: String,
    body: String,
}

struct Writer<'a> {
    before: &'a OrgFile,
    after: &'a OrgFile,
    out: Vec<ChangeRequest>,
}

fn accesses(file: &OrgFile) -> &[AccessEntry] {
    file.practice
        .as_ref()
        .map_or(&[], |p| p.accesses.as_slice())
}

fn describe(entry: &PermissionEntry) -> String {
    match entry {
        PermissionEntry::Id(id) => format!("« {} »", Permission::label_of(id, Lang::Fr)),
        PermissionEntry::Windowed(w) => {
            let mut s = format!("« {} »", Permission::label_of(&w.id, Lang::Fr));
            if let Some(f) = &w.valid_from {
                s.push_str(&format!(" à partir du {f}"));
            }
            if let Some(u) = &w.valid_until {
                s.push_str(&format!(" jusqu'au {u}"));
            }
            s
        }
    }
}

/// One line of an access request: the permission, and under it the seed's warning when it has one
/// (P6), so that the vendor reads the same caution as the admin.
fn describe_with_warning(entry: &PermissionEntry) -> String {
    let warning = Permission::from_id(entry.id()).and_then(|p| p.warning(Lang::Fr));
    match warning {
        Some((severity, text)) => format!(
            "- {}\n  {} : {text}\n",
            describe(entry),
            severity.label(Lang::Fr)
        ),
        None => format!("- {}\n", describe(entry)),
    }
}

impl Writer<'_> {
    fn name(&self, id: &str) -> String {
        self.after
            .people
            .iter()
            .chain(&self.before.people)
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// Sends a letter (see [`Writer::compose`]).
    fn send(&mut self, letter: Letter<'_>) {
        let request = self.compose(letter);
        self.out.push(request);
    }

    /// A letter made a change request: its addressee from `support`, the greeting and the
    /// signature, every character from the files made inert, and its `mailto:` link.
    fn compose(&self, letter: Letter<'_>) -> ChangeRequest {
        let Letter {
            recipient,
            kind,
            secretary,
            doctor,
            subject,
            body,
        } = letter;
        let support = self.after.support.as_ref();
        let to = match recipient {
            Recipient::Practice => support.and_then(|s| s.practice.clone()),
            Recipient::Network => support.and_then(|s| s.network.clone()),
        };
        let signature = match recipient {
            Recipient::Practice => "\n\nMerci de votre prise en charge.\nLe cabinet",
            Recipient::Network => "\n\nMerci de votre prise en charge.\nLe 3C",
        };
        // Names come from files: the letter keeps its own line breaks and drops every control
        // character of theirs; the address was checked on load and is encoded in the link anyway.
        let subject = crate::text::inert(&subject).into_owned();
        let body = crate::text::inert_lines(&format!("Bonjour,\n\n{}{signature}", body.trim_end()));
        let mailto = to
            .as_ref()
            .and_then(|to| crate::text::mailto(to, &subject, &body));
        ChangeRequest {
            recipient,
            kind,
            to,
            subject,
            body,
            secretary: secretary.to_owned(),
            doctor: doctor.map(str::to_owned),
            login_as_doctor_enabled: None,
            mailto,
        }
    }

    /// A person the change creates: her arrival is written step by step (seed 001, §2).
    fn is_new(&self, id: &str) -> bool {
        !self.before.people.iter().any(|p| p.id == id)
            && self.after.people.iter().any(|p| p.id == id)
    }

    fn is_external(&self, id: &str) -> bool {
        self.after
            .people
            .iter()
            .any(|p| p.id == id && p.external == Some(true))
    }

    fn has_profile(file: &OrgFile, s: &str) -> bool {
        file.network
            .as_ref()
            .is_some_and(|n| n.profiles.iter().any(|p| p.secretary == s))
    }

    fn practice(&mut self) {
        let people = set(accesses(self.before)
            .iter()
            .chain(accesses(self.after))
            .map(|a| a.secretary.clone()));
        for s in people {
            let sn = self.name(&s);
            let (was, is) = (status_of(self.before, &s), status_of(self.after, &s));
            let held: Vec<AccessEntry> = accesses(self.before)
                .iter()
                .filter(|a| a.secretary == s)
                .cloned()
                .collect();
            let list = |w: &Self| -> String {
                held.iter()
                    .map(|a| format!("- compte de {}\n", w.name(&a.doctor)))
                    .collect()
            };
            if is == Some(Status::Deleted) && was != Some(Status::Deleted) {
                if held.is_empty() {
                    continue;
                }
                let login: Vec<String> = held
                    .iter()
                    .filter(|a| a.permissions.iter().any(|p| p.id() == "login_as_doctor"))
                    .map(|a| self.name(&a.doctor))
                    .collect();
                let statement = if login.is_empty() {
                    "La permission « Connexion en tant que médecin » n'était activée sur aucun de ces comptes.".to_owned()
                } else {
                    format!("ATTENTION : la permission « Connexion en tant que médecin » était activée (compte de {}).", login.join(", "))
                };
                let body = format!(
                    "{sn} quitte le cabinet. Nous demandons la suppression définitive de son accès secrétariat, avec révocation le jour même, sur :\n{}\n{statement}",
                    list(self)
                );
                let mut r = self.compose(Letter { recipient: Recipient::Practice, kind: "departure", secretary: &s, doctor: None, subject: format!("Départ de {sn} — suppression définitive de l'accès secrétariat (révocation le jour même)"), body });
                r.login_as_doctor_enabled = Some(!login.is_empty());
                self.out.push(r);
                continue;
            }
            if is == Some(Status::Deleted) {
                continue;
            }
            if is == Some(Status::Suspended) && was != Some(Status::Suspended) && !held.is_empty() {
                let body = format!("Nous demandons la désactivation temporaire de l'accès secrétariat de {sn} sur :\n{}", list(self));
                self.send(Letter {
                    recipient: Recipient::Practice,
                    kind: "temporary_deactivation",
                    secretary: &s,
                    doctor: None,
                    subject: format!("Désactivation temporaire de l'accès de {sn}"),
                    body,
                });
            }
            if was == Some(Status::Suspended) && is == Some(Status::Active) && !held.is_empty() {
                let body = format!(
                    "Nous demandons la réactivation de l'accès secrétariat de {sn} sur :\n{}",
                    list(self)
                );
                self.send(Letter {
                    recipient: Recipient::Practice,
                    kind: "reactivation",
                    secretary: &s,
                    doctor: None,
                    subject: format!("Réactivation de l'accès de {sn}"),
                    body,
                });
            }
            let doctors = set(accesses(self.before)
                .iter()
                .chain(accesses(self.after))
                .filter(|a| a.secretary == s)
                .map(|a| a.doctor.clone()));
            for d in doctors {
                let find = |f: &OrgFile| {
                    accesses(f)
                        .iter()
                        .find(|a| a.secretary == s && a.doctor == d)
                        .cloned()
                };
                self.access(&s, &d, find(self.before), find(self.after));
            }
        }
    }

    fn access(
        &mut self,
        s: &str,
        d: &str,
        before: Option<AccessEntry>,
        after: Option<AccessEntry>,
    ) {
        let (sn, dn) = (self.name(s), self.name(d));
        match (before, after) {
            (None, Some(a)) => {
                let perms: String = a.permissions.iter().map(describe_with_warning).collect();
                let who = match (self.is_new(s), self.is_external(s)) {
                    (true, true) => " (nouvelle arrivée, secrétaire externe)",
                    (true, false) => " (nouvelle arrivée)",
                    (false, true) => " (secrétaire externe)",
                    (false, false) => "",
                };
                let body = format!(
                    "Nous demandons l'ajout d'un accès secrétariat pour {sn}{who} sur le compte de {dn}{}, avec les permissions suivantes :\n{perms}",
                    window_words(a.valid_from.as_deref(), a.valid_until.as_deref(), Lang::Fr),
                );
                self.send(Letter {
                    recipient: Recipient::Practice,
                    kind: "add_access",
                    secretary: s,
                    doctor: Some(d),
                    subject: format!("Ajout d'un accès secrétariat — {sn} sur le compte de {dn}"),
                    body,
                });
            }
            (Some(_), None) => {
                let body = format!("Nous demandons le retrait de l'accès secrétariat de {sn} au compte de {dn} (toutes permissions).");
                self.send(Letter { recipient: Recipient::Practice, kind: "modify_permissions", secretary: s, doctor: Some(d), subject: format!("Modification des permissions — retrait de l'accès de {sn} au compte de {dn}"), body });
            }
            (Some(b), Some(a)) if b != a => {
                let mut lines = Vec::new();
                for p in &a.permissions {
                    match b.permissions.iter().find(|x| x.id() == p.id()) {
                        None => lines.push(format!("- activer {}", describe(p))),
                        Some(old) if old != p => lines.push(format!(
                            "- modifier {} (auparavant {})",
                            describe(p),
                            describe(old)
                        )),
                        Some(_) => {}
                    }
                }
                for p in &b.permissions {
                    if !a.permissions.iter().any(|x| x.id() == p.id()) {
                        lines.push(format!("- désactiver {}", describe(p)));
                    }
                }
                if (a.valid_from.as_ref(), a.valid_until.as_ref())
                    != (b.valid_from.as_ref(), b.valid_until.as_ref())
                {
                    lines.push(format!("- validité de l'accès{}", {
                        let w = window_words(
                            a.valid_from.as_deref(),
                            a.valid_until.as_deref(),
                            Lang::Fr,
                        );
                        if w.is_empty() {
                            " : sans limite".to_owned()
                        } else {
                            w
                        }
                    }));
                }
                if a.confidentiality_acknowledged != b.confidentiality_acknowledged {
                    lines.push(if a.confidentiality_acknowledged {
                        "- engagement de confidentialité reconnu par la secrétaire".to_owned()
                    } else {
                        "- engagement de confidentialité retiré".to_owned()
                    });
                }
                if lines.is_empty() {
                    return;
                }
                let body = format!("Nous demandons la modification des permissions de {sn} sur le compte de {dn} :\n{}", lines.join("\n"));
                self.send(Letter {
                    recipient: Recipient::Practice,
                    kind: "modify_permissions",
                    secretary: s,
                    doctor: Some(d),
                    subject: format!("Modification des permissions — {sn} sur le compte de {dn}"),
                    body,
                });
            }
            _ => {}
        }
    }

    fn network(&mut self) {
        let empty = crate::file::NetworkSection::default();
        let nb = self.before.network.as_ref().unwrap_or(&empty);
        let na = self.after.network.as_ref().unwrap_or(&empty);
        let centre_name = |id: &str| {
            na.centres
                .iter()
                .chain(&nb.centres)
                .find(|c| c.id == id)
                .map_or_else(|| id.to_owned(), |c| c.name.clone())
        };
        // Departures and suspensions of people with a network account.
        for p in &self.after.people {
            let was = status_of(self.before, &p.id);
            let had = Self::has_profile(self.before, &p.id);
            if !had || was == Some(p.status) {
                continue;
            }
            let sn = p.name.clone();
            match p.status {
                Status::Deleted => {
                    let body = format!("{sn} quitte ses fonctions. Nous demandons la fermeture de son compte sur le DCC, le retrait de son profil « secrétaire médecin » et de ses rattachements aux médecins dans l'annuaire professionnel, le jour même.");
                    self.send(Letter {
                        recipient: Recipient::Network,
                        kind: "account_closure",
                        secretary: &p.id,
                        doctor: None,
                        subject: format!("Départ de {sn} — fermeture du compte DCC"),
                        body,
                    });
                }
                Status::Suspended => {
                    let body = format!(
                        "Nous demandons la désactivation temporaire du compte DCC de {sn}."
                    );
                    self.send(Letter {
                        recipient: Recipient::Network,
                        kind: "temporary_deactivation",
                        secretary: &p.id,
                        doctor: None,
                        subject: format!("Désactivation temporaire du compte DCC de {sn}"),
                        body,
                    });
                }
                Status::Active => {
                    let body = format!("Nous demandons la réactivation du compte DCC de {sn}.");
                    self.send(Letter {
                        recipient: Recipient::Network,
                        kind: "reactivation",
                        secretary: &p.id,
                        doctor: None,
                        subject: format!("Réactivation du compte DCC de {sn}"),
                        body,
                    });
                }
            }
        }
        let mut opened: Vec<String> = Vec::new();
        for p in &na.profiles {
            if nb
                .profiles
                .iter()
                .any(|x| x.secretary == p.secretary && x.centre == p.centre)
            {
                continue;
            }
            let sn = self.name(&p.secretary);
            let cn = centre_name(&p.centre);
            let first =
                !Self::has_profile(self.before, &p.secretary) && !opened.contains(&p.secretary);
            opened.push(p.secretary.clone());
            let body = if first && self.is_new(&p.secretary) {
                format!(
                    "Le 3C transmet à NeS une demande d'ouverture de compte pour {sn}, nouvelle secrétaire : création de la personne et du compte, avec le profil attendu : « secrétaire médecin », sur {cn}{}.\nÀ la création, le compte est en catégorie « médecin » : la catégorie sera ensuite rectifiée en « Secrétaire » dans l'annuaire professionnel, puis ses rattachements aux médecins faits.",
                    window_words(p.valid_from.as_deref(), p.valid_until.as_deref(), Lang::Fr)
                )
            } else if first {
                format!(
                    "Le 3C demande l'ouverture d'un compte pour {sn}, secrétaire, avec le profil attendu : « secrétaire médecin », sur {cn}{}.\nAprès création, la catégorie sera rectifiée en « Secrétaire » dans l'annuaire professionnel.",
                    window_words(p.valid_from.as_deref(), p.valid_until.as_deref(), Lang::Fr)
                )
            } else {
                format!("Le 3C demande l'attribution du profil « secrétaire médecin » à {sn} sur {cn}{}.", window_words(p.valid_from.as_deref(), p.valid_until.as_deref(), Lang::Fr))
            };
            self.send(Letter {
                recipient: Recipient::Network,
                kind: "account_opening",
                secretary: &p.secretary,
                doctor: None,
                subject: format!(
                    "Ouverture de compte — {sn}, profil « secrétaire médecin » ({cn})"
                ),
                body,
            });
        }
        for p in &nb.profiles {
            if na
                .profiles
                .iter()
                .any(|x| x.secretary == p.secretary && x.centre == p.centre)
            {
                continue;
            }
            if status_of(self.after, &p.secretary) == Some(Status::Deleted) {
                continue; // part of the account closure
            }
            let sn = self.name(&p.secretary);
            let cn = centre_name(&p.centre);
            let body = format!(
                "Nous demandons le retrait du profil « secrétaire médecin » de {sn} sur {cn}."
            );
            self.send(Letter {
                recipient: Recipient::Network,
                kind: "profile_removal",
                secretary: &p.secretary,
                doctor: None,
                subject: format!("Retrait du profil « secrétaire médecin » — {sn} ({cn})"),
                body,
            });
        }
        for p in &self.after.people {
            if self.is_new(&p.id) && Self::has_profile(self.after, &p.id) {
                self.rectification_reminder(&p.id, &p.name);
                continue;
            }
            if p.category == Category::Secretaire
                && category_of(self.before, &p.id) == Some(Category::Medecin)
            {
                let sn = p.name.clone();
                let body = format!("Dans l'annuaire professionnel du DCC, merci de rectifier la catégorie de {sn} : « Médecin » → « Secrétaire » (annuaire professionnel › rechercher le professionnel › « modifier la catégorie » › « secrétaire » › « Ok »). Tant que la catégorie n'est pas rectifiée, le profil « secrétaire médecin » ne donne aucun droit.");
                self.send(Letter {
                    recipient: Recipient::Network,
                    kind: "category_rectification",
                    secretary: &p.id,
                    doctor: None,
                    subject: format!("Rectification de catégorie — {sn} en « Secrétaire »"),
                    body,
                });
            }
        }
        // Group memberships first: a group is created before a doctor can be attached to it.
        for g in &self.after.groups {
            let old: Vec<String> = self
                .before
                .groups
                .iter()
                .find(|x| x.id == g.id)
                .map(|x| x.members.clone())
                .unwrap_or_default();
            for m in g.members.iter().filter(|m| !old.contains(m)) {
                let created = !self.before.groups.iter().any(|x| x.id == g.id);
                let mut body = if created {
                    format!("Merci de créer le groupe de secrétaires « {} » dans l'annuaire professionnel et d'y ajouter {}.", g.name, self.name(m))
                } else {
                    format!("Merci d'ajouter {} au groupe de secrétaires « {} » dans l'annuaire professionnel.", self.name(m), g.name)
                };
                if self.is_new(m) {
                    body.push_str(&self.through_group(&g.id, &na.affiliations));
                }
                self.send(Letter {
                    recipient: Recipient::Network,
                    kind: "affiliation_change",
                    secretary: m,
                    doctor: None,
                    subject: format!("Groupe « {} » — ajout de {}", g.name, self.name(m)),
                    body,
                });
            }
            for m in old.iter().filter(|m| !g.members.contains(m)) {
                let body = format!("Merci de retirer {} du groupe de secrétaires « {} » dans l'annuaire professionnel.", self.name(m), g.name);
                self.send(Letter {
                    recipient: Recipient::Network,
                    kind: "affiliation_change",
                    secretary: m,
                    doctor: None,
                    subject: format!("Groupe « {} » — retrait de {}", g.name, self.name(m)),
                    body,
                });
            }
        }
        let key = |a: &crate::file::AffiliationEntry| {
            (a.doctor.clone(), a.secretary.clone(), a.group.clone())
        };
        let group_name = |id: &str| {
            self.after
                .groups
                .iter()
                .chain(&self.before.groups)
                .find(|g| g.id == id)
                .map_or_else(|| id.to_owned(), |g| g.name.clone())
        };
        let mut changes: Vec<(bool, crate::file::AffiliationEntry)> = Vec::new();
        for a in &na.affiliations {
            match nb.affiliations.iter().find(|b| key(b) == key(a)) {
                None => changes.push((true, a.clone())),
                Some(b) if b != a => changes.push((true, a.clone())),
                Some(_) => {}
            }
        }
        for b in &nb.affiliations {
            if !na.affiliations.iter().any(|a| key(a) == key(b)) {
                changes.push((false, b.clone()));
            }
        }
        for (add, a) in changes {
            let dn = self.name(&a.doctor);
            let (target, who) = match (&a.secretary, &a.group) {
                (Some(s), _) => (self.name(s), s.clone()),
                (None, Some(g)) => (format!("le groupe « {} »", group_name(g)), g.clone()),
                (None, None) => continue,
            };
            if a.secretary
                .as_deref()
                .is_some_and(|s| status_of(self.after, s) == Some(Status::Deleted))
            {
                continue; // part of the account closure
            }
            // A newcomer's affiliation, in her name or through a group she joins: step by step.
            let arrival = add
                && match &a.group {
                    None => self.is_new(&who),
                    Some(g) => self
                        .after
                        .groups
                        .iter()
                        .any(|x| x.id == *g && x.members.iter().any(|m| self.is_new(m))),
                };
            let body = if arrival {
                format!(
                    "Dans l'annuaire professionnel du DCC, merci d'ajouter {target} aux secrétaires de {dn}{} :\n{}",
                    window_words(a.valid_from.as_deref(), a.valid_until.as_deref(), Lang::Fr),
                    affiliation_steps(&dn, &target, a.group.is_some())
                )
            } else if add {
                format!(
                    "Dans l'annuaire professionnel (fiche de {dn} › « gérer les secrétaires »), merci d'ajouter {target} aux secrétaires de {dn}{}.",
                    window_words(a.valid_from.as_deref(), a.valid_until.as_deref(), Lang::Fr)
                )
            } else {
                format!("Dans l'annuaire professionnel (fiche de {dn} › « gérer les secrétaires »), merci de retirer {target} des secrétaires de {dn}.")
            };
            let subject = if add {
                format!("Rattachement — {target} à {dn}")
            } else {
                format!("Fin de rattachement — {target} et {dn}")
            };
            self.send(Letter {
                recipient: Recipient::Network,
                kind: "affiliation_change",
                secretary: &who,
                doctor: Some(&a.doctor),
                subject,
                body,
            });
        }
    }
}

/// The seed's steps to attach a secretary or a group to a doctor (seed 001, §2.2).
fn affiliation_steps(doctor: &str, target: &str, group: bool) -> String {
    let add = if group {
        format!("« ajouter un groupe », faire une recherche et sélectionner {target} (le détail des personnes le composant est accessible si nécessaire)")
    } else {
        format!("« ajouter », faire une recherche et sélectionner {target}")
    };
    format!(
        "1. Cliquer sur l'icône « annuaire professionnel »\n2. Rechercher le professionnel médecin {doctor} et le sélectionner\n3. Cliquer sur « gérer les secrétaires »\n4. Cliquer sur {add} : {target} rejoint les « secrétaires » de {doctor}.\nNB : si cela n'est pas disponible mais nécessaire, se rapprocher du 3C."
    )
}

impl Writer<'_> {
    /// A new account starts in category « médecin »: the reminder of who rectifies it, and how
    /// (seed 001, §2.1).
    fn rectification_reminder(&mut self, id: &str, sn: &str) {
        let centres: Vec<String> = self
            .after
            .network
            .iter()
            .flat_map(|n| &n.profiles)
            .filter(|p| p.secretary == id)
            .map(|p| p.centre.clone())
            .collect();
        let coordinators: Vec<String> = self
            .after
            .people
            .iter()
            .filter(|p| p.coordinator_of.iter().any(|c| centres.contains(c)))
            .map(|p| p.name.clone())
            .collect();
        let whom = if coordinators.is_empty() {
            String::new()
        } else {
            format!(" — ici : {}", coordinators.join(", "))
        };
        let body = format!("Une fois le compte de {sn} créé par NeS, il est en catégorie « médecin » (catégorie par défaut) : tant qu'elle n'est pas rectifiée, le profil « secrétaire médecin » ne donne aucun droit.\nLa rectification en « Secrétaire » dans l'annuaire professionnel du DCC est faite par la personne côté « métier » (celle qui a demandé l'ouverture du compte et / ou qui gère les rattachements secrétaires / médecins{whom}) :\n1. Cliquer sur l'icône « annuaire professionnel »\n2. Rechercher le professionnel secrétaire {sn} (par défaut en catégorie « médecin »)\n3. Le sélectionner\n4. Cliquer sur « modifier la catégorie »\n5. Choisir « secrétaire »\n6. Valider avec « Ok »");
        self.send(Letter {
            recipient: Recipient::Network,
            kind: "category_rectification",
            secretary: id,
            doctor: None,
            subject: format!(
                "Rectification de catégorie — {sn} en « Secrétaire » (après l'ouverture du compte)"
            ),
            body,
        });
    }

    /// For a newcomer added to a group: the doctors she is attached to through it.
    fn through_group(&self, group: &str, affiliations: &[crate::file::AffiliationEntry]) -> String {
        let doctors: Vec<String> = affiliations
            .iter()
            .filter(|a| a.group.as_deref() == Some(group))
            .map(|a| self.name(&a.doctor))
            .collect();
        if doctors.is_empty() {
            return String::new();
        }
        format!(
            "\nCe groupe est rattaché à {} (« gérer les secrétaires ») : y entrer suffit pour ces rattachements.\nNB : si cela n'est pas disponible mais nécessaire, se rapprocher du 3C.",
            doctors.join(", ")
        )
    }
}

/// Every request to send for the change from `before` to `after`.
pub(crate) fn write(before: &Organisation, after: &Organisation) -> Vec<ChangeRequest> {
    let mut w = Writer {
        before: &before.file,
        after: &after.file,
        out: Vec::new(),
    };
    w.practice();
    w.network();
    w.out
}
