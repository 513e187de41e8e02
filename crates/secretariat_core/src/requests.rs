//! Change requests (P7, D9): neither the doctor nor the admin changes accesses themselves — the
//! practice vendor's administration and the cancer network do. From the file before and after a
//! change, write what to ask of each, in French, ready to send.

use crate::file::{AccessEntry, Category, OrgFile, PermissionEntry, Status};
use crate::org::Organisation;
use crate::simulate::{category_of, permission_label, status_of, ChangeRequest, Recipient};
use crate::sorted::set;

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
        PermissionEntry::Id(id) => format!("« {} »", permission_label(id)),
        PermissionEntry::Windowed(w) => {
            let mut s = format!("« {} »", permission_label(&w.id));
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

fn window_words(from: Option<&String>, until: Option<&String>) -> String {
    match (from, until) {
        (None, None) => String::new(),
        (Some(f), None) => format!(" (à partir du {f})"),
        (None, Some(u)) => format!(" (jusqu'au {u})"),
        (Some(f), Some(u)) => format!(" (du {f} au {u})"),
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

    fn push(
        &mut self,
        recipient: Recipient,
        kind: &'static str,
        secretary: &str,
        doctor: Option<&str>,
        subject: String,
        body: String,
    ) -> &mut ChangeRequest {
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
        self.out.push(ChangeRequest {
            recipient,
            kind,
            to,
            subject,
            body,
            secretary: secretary.to_owned(),
            doctor: doctor.map(str::to_owned),
            login_as_doctor_enabled: None,
            mailto,
        });
        let last = self.out.len() - 1;
        #[expect(
            clippy::indexing_slicing,
            reason = "the element was pushed on the line above"
        )]
        &mut self.out[last]
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
                let r = self.push(Recipient::Practice, "departure", &s, None, format!("Départ de {sn} — suppression définitive de l'accès secrétariat (révocation le jour même)"), body);
                r.login_as_doctor_enabled = Some(!login.is_empty());
                continue;
            }
            if is == Some(Status::Deleted) {
                continue;
            }
            if is == Some(Status::Suspended) && was != Some(Status::Suspended) && !held.is_empty() {
                let body = format!("Nous demandons la désactivation temporaire de l'accès secrétariat de {sn} sur :\n{}", list(self));
                self.push(
                    Recipient::Practice,
                    "temporary_deactivation",
                    &s,
                    None,
                    format!("Désactivation temporaire de l'accès de {sn}"),
                    body,
                );
            }
            if was == Some(Status::Suspended) && is == Some(Status::Active) && !held.is_empty() {
                let body = format!(
                    "Nous demandons la réactivation de l'accès secrétariat de {sn} sur :\n{}",
                    list(self)
                );
                self.push(
                    Recipient::Practice,
                    "reactivation",
                    &s,
                    None,
                    format!("Réactivation de l'accès de {sn}"),
                    body,
                );
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
                let perms: Vec<String> = a.permissions.iter().map(describe).collect();
                let body = format!(
                    "Nous demandons l'ajout d'un accès secrétariat pour {sn} sur le compte de {dn}{}, avec les permissions suivantes :\n{}",
                    window_words(a.valid_from.as_ref(), a.valid_until.as_ref()),
                    perms.iter().map(|p| format!("- {p}\n")).collect::<String>()
                );
                self.push(
                    Recipient::Practice,
                    "add_access",
                    s,
                    Some(d),
                    format!("Ajout d'un accès secrétariat — {sn} sur le compte de {dn}"),
                    body,
                );
            }
            (Some(_), None) => {
                let body = format!("Nous demandons le retrait de l'accès secrétariat de {sn} au compte de {dn} (toutes permissions).");
                self.push(Recipient::Practice, "modify_permissions", s, Some(d), format!("Modification des permissions — retrait de l'accès de {sn} au compte de {dn}"), body);
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
                        let w = window_words(a.valid_from.as_ref(), a.valid_until.as_ref());
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
                self.push(
                    Recipient::Practice,
                    "modify_permissions",
                    s,
                    Some(d),
                    format!("Modification des permissions — {sn} sur le compte de {dn}"),
                    body,
                );
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
                    self.push(
                        Recipient::Network,
                        "account_closure",
                        &p.id,
                        None,
                        format!("Départ de {sn} — fermeture du compte DCC"),
                        body,
                    );
                }
                Status::Suspended => {
                    let body = format!(
                        "Nous demandons la désactivation temporaire du compte DCC de {sn}."
                    );
                    self.push(
                        Recipient::Network,
                        "temporary_deactivation",
                        &p.id,
                        None,
                        format!("Désactivation temporaire du compte DCC de {sn}"),
                        body,
                    );
                }
                Status::Active => {
                    let body = format!("Nous demandons la réactivation du compte DCC de {sn}.");
                    self.push(
                        Recipient::Network,
                        "reactivation",
                        &p.id,
                        None,
                        format!("Réactivation du compte DCC de {sn}"),
                        body,
                    );
                }
            }
        }
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
            let first = !Self::has_profile(self.before, &p.secretary);
            let body = if first {
                format!(
                    "Le 3C demande l'ouverture d'un compte pour {sn}, secrétaire, avec le profil attendu : « secrétaire médecin », sur {cn}{}.\nAprès création, la catégorie sera rectifiée en « Secrétaire » dans l'annuaire professionnel.",
                    window_words(p.valid_from.as_ref(), p.valid_until.as_ref())
                )
            } else {
                format!("Le 3C demande l'attribution du profil « secrétaire médecin » à {sn} sur {cn}{}.", window_words(p.valid_from.as_ref(), p.valid_until.as_ref()))
            };
            self.push(
                Recipient::Network,
                "account_opening",
                &p.secretary,
                None,
                format!("Ouverture de compte — {sn}, profil « secrétaire médecin » ({cn})"),
                body,
            );
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
            self.push(
                Recipient::Network,
                "profile_removal",
                &p.secretary,
                None,
                format!("Retrait du profil « secrétaire médecin » — {sn} ({cn})"),
                body,
            );
        }
        for p in &self.after.people {
            if p.category == Category::Secretaire
                && category_of(self.before, &p.id) == Some(Category::Medecin)
            {
                let sn = p.name.clone();
                let body = format!("Dans l'annuaire professionnel du DCC, merci de rectifier la catégorie de {sn} : « Médecin » → « Secrétaire » (annuaire professionnel › rechercher le professionnel › « modifier la catégorie » › « secrétaire » › « Ok »). Tant que la catégorie n'est pas rectifiée, le profil « secrétaire médecin » ne donne aucun droit.");
                self.push(
                    Recipient::Network,
                    "category_rectification",
                    &p.id,
                    None,
                    format!("Rectification de catégorie — {sn} en « Secrétaire »"),
                    body,
                );
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
            let body = if add {
                format!(
                    "Dans l'annuaire professionnel (fiche de {dn} › « gérer les secrétaires »), merci d'ajouter {target} aux secrétaires de {dn}{}.",
                    window_words(a.valid_from.as_ref(), a.valid_until.as_ref())
                )
            } else {
                format!("Dans l'annuaire professionnel (fiche de {dn} › « gérer les secrétaires »), merci de retirer {target} des secrétaires de {dn}.")
            };
            let subject = if add {
                format!("Rattachement — {target} à {dn}")
            } else {
                format!("Fin de rattachement — {target} et {dn}")
            };
            self.push(
                Recipient::Network,
                "affiliation_change",
                &who,
                Some(&a.doctor),
                subject,
                body,
            );
        }
        for g in &self.after.groups {
            let old: Vec<String> = self
                .before
                .groups
                .iter()
                .find(|x| x.id == g.id)
                .map(|x| x.members.clone())
                .unwrap_or_default();
            for m in g.members.iter().filter(|m| !old.contains(m)) {
                let body = format!("Merci d'ajouter {} au groupe de secrétaires « {} » dans l'annuaire professionnel.", self.name(m), g.name);
                self.push(
                    Recipient::Network,
                    "affiliation_change",
                    m,
                    None,
                    format!("Groupe « {} » — ajout de {}", g.name, self.name(m)),
                    body,
                );
            }
            for m in old.iter().filter(|m| !g.members.contains(m)) {
                let body = format!("Merci de retirer {} du groupe de secrétaires « {} » dans l'annuaire professionnel.", self.name(m), g.name);
                self.push(
                    Recipient::Network,
                    "affiliation_change",
                    m,
                    None,
                    format!("Groupe « {} » — retrait de {}", g.name, self.name(m)),
                    body,
                );
            }
        }
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
