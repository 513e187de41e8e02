//! Facts in words: renders each [`Why`] as sentences in French (default) or English.

use crate::decision::{Role, Verdict, Via, Why};
use crate::file::{DossierStatus, Status};
use crate::lang::Lang;
use crate::org::{AccessId, Organisation, PersonId};
use crate::time::InForce;

/// A dossier status inside a sentence: the DCC's label with its first letter lowercased, unless
/// it is an acronym (« CR validé »). The labels begin with an ASCII letter, so ASCII case is
/// enough (Unicode's case tables would weigh 12 KB in the gate module).
pub(crate) fn status_label(status: DossierStatus, lang: Lang) -> String {
    let mut label = status.label(lang).to_owned();
    let acronym = label.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase);
    if !acronym {
        if let Some(first) = label.get_mut(..1) {
            first.make_ascii_lowercase();
        }
    }
    label
}

pub(crate) fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Participant => "participant",
        Role::Animateur => lang.pick("animateur", "animateur"),
    }
}

fn window_state(state: InForce, lang: Lang) -> String {
    match state {
        InForce::Yes => lang.pick("est en vigueur", "is in force").to_owned(),
        InForce::NotYet(t) => match lang {
            Lang::Fr => format!("n'entre en vigueur que le {t}"),
            Lang::En => format!("only comes into force at {t}"),
        },
        InForce::Ended(t) => match lang {
            Lang::Fr => format!("a pris fin le {t}"),
            Lang::En => format!("ended at {t}"),
        },
        InForce::NeedsDate => lang
            .pick(
                "est limité dans le temps et la demande ne donne pas de date (`now`)",
                "is time-bounded and the request gives no date (`now`)",
            )
            .to_owned(),
    }
}

struct R<'a> {
    org: &'a Organisation,
    lang: Lang,
}

impl R<'_> {
    fn name(&self, p: PersonId) -> &str {
        &self.org.person(p).name
    }
    fn access(&self, a: AccessId) -> (&str, &str) {
        let a = self.org.access(a);
        (self.name(a.secretary), self.name(a.doctor))
    }
    fn rcp(&self, r: crate::org::RcpId) -> String {
        let centre = self.org.rcp(r).centre;
        format!(
            "{} ({})",
            self.org.rcp_entry(r).name,
            self.org.centre(centre).name
        )
    }
    fn dossier(&self, d: crate::org::DossierId) -> String {
        let d = self.org.dossier(d);
        // A scope holds no patient id (docs/SCOPE.md): the dossier alone.
        match (self.lang, d.patient.is_empty()) {
            (Lang::Fr, false) => format!("le dossier {} (patient {})", d.id, d.patient),
            (Lang::En, false) => format!("dossier {} (patient {})", d.id, d.patient),
            (Lang::Fr, true) => format!("le dossier {}", d.id),
            (Lang::En, true) => format!("dossier {}", d.id),
        }
    }
    fn affiliated(&self, secretary: PersonId, via: Via) -> String {
        let (doc, sec) = (self.name(via.doctor), self.name(secretary));
        match (via.group, self.lang) {
            (None, Lang::Fr) => format!("{doc} est rattaché(e) à {sec}"),
            (None, Lang::En) => format!("{doc} is affiliated to {sec}"),
            (Some(g), Lang::Fr) => format!(
                "{doc} est rattaché(e) au groupe « {} », dont {sec} est membre",
                self.org.group(g).name
            ),
            (Some(g), Lang::En) => format!(
                "{doc} is affiliated to the group “{}”, of which {sec} is a member",
                self.org.group(g).name
            ),
        }
    }
    fn profile(&self, secretary: PersonId, centre: crate::org::CentreId) -> String {
        let (s, c) = (self.name(secretary), &self.org.centre(centre).name);
        match self.lang {
            Lang::Fr => format!("{s} a le profil « secrétaire médecin » sur {c}"),
            Lang::En => format!("{s} holds the “secrétaire médecin” profile on {c}"),
        }
    }
}

/// A verdict in words: the fact it rests on, then the second fact an allow also rests on — the
/// reasons of a decision and of a view's item alike.
pub(crate) fn of_verdict(org: &Organisation, v: &Verdict, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    sentences(org, v.why, lang, &mut out);
    if let Some(also) = v.also {
        sentences(org, also, lang, &mut out);
    }
    out
}

/// The audit sentence (P5, B3): she acts on behalf of a doctor, and the access log must say so.
pub(crate) fn audit_sentence(
    org: &Organisation,
    secretary: PersonId,
    doctor: PersonId,
    lang: Lang,
) -> String {
    let (s, d) = (&org.person(secretary).name, &org.person(doctor).name);
    match lang {
        Lang::Fr => format!(
            "décision tracée : {s} agit pour le compte de {d} (à inscrire au journal des accès)"
        ),
        Lang::En => format!("audited: {s} acts on behalf of {d} (to be written to the access log)"),
    }
}

/// Appends the sentences for one fact. An allow's chain may take several sentences.
pub(crate) fn sentences(org: &Organisation, why: Why, lang: Lang, out: &mut Vec<String>) {
    let r = R { org, lang };
    let fr = lang == Lang::Fr;
    let s = match why {
        Why::Active { person } => {
            if fr {
                format!("le compte de {} est actif", r.name(person))
            } else {
                format!("{}'s account is active", r.name(person))
            }
        }
        Why::NotActive { person } => {
            let status = org.person(person).status;
            match (status, fr) {
                (Status::Deleted, true) => {
                    format!("le compte de {} est supprimé (départ)", r.name(person))
                }
                (Status::Deleted, false) => {
                    format!("{}'s account is deleted (departure)", r.name(person))
                }
                (_, true) => format!(
                    "le compte de {} est désactivé temporairement",
                    r.name(person)
                ),
                (_, false) => format!("{}'s account is suspended", r.name(person)),
            }
        }
        Why::DoctorNotActive { doctor } => {
            if fr {
                format!(
                    "le compte de {} n'est pas actif : il ne délègue rien",
                    r.name(doctor)
                )
            } else {
                format!(
                    "{}'s account is not active: it delegates nothing",
                    r.name(doctor)
                )
            }
        }
        Why::HoldsAccess { access } => {
            let (s, d) = r.access(access);
            if fr {
                format!("{s} a un accès secrétariat au compte de {d}")
            } else {
                format!("{s} holds a secretary access to {d}'s account")
            }
        }
        Why::NoAccess { secretary, doctor } => {
            if fr {
                format!(
                    "{} n'a aucun accès au compte de {}",
                    r.name(secretary),
                    r.name(doctor)
                )
            } else {
                format!(
                    "{} holds no access to {}'s account",
                    r.name(secretary),
                    r.name(doctor)
                )
            }
        }
        Why::AccessNotInForce { access, state } => {
            let (s, d) = r.access(access);
            if fr {
                format!(
                    "l'accès de {s} au compte de {d} {}",
                    window_state(state, lang)
                )
            } else {
                format!(
                    "{s}'s access to {d}'s account {}",
                    window_state(state, lang)
                )
            }
        }
        Why::Granted { access, permission } => {
            let (s, d) = r.access(access);
            if fr {
                format!(
                    "{s} a la permission « {} » sur le compte de {d}",
                    permission.label(lang)
                )
            } else {
                format!(
                    "{s} holds the permission “{}” on {d}'s account",
                    permission.label(lang)
                )
            }
        }
        Why::ViaLogin { access } => {
            let (s, d) = r.access(access);
            if fr {
                format!("{s} a « Connexion en tant que médecin » sur le compte de {d} : accès total à ce compte, et à lui seul")
            } else {
                format!("{s} holds “Connexion en tant que médecin” on {d}'s account: total access to that account, and that account only")
            }
        }
        Why::NotGranted {
            access,
            permission,
            login_blocked,
        } => {
            let (s, d) = r.access(access);
            let mut text = if fr {
                format!(
                    "{s} n'a pas la permission « {} » sur le compte de {d}",
                    permission.label(lang)
                )
            } else {
                format!(
                    "{s} does not hold the permission “{}” on {d}'s account",
                    permission.label(lang)
                )
            };
            if login_blocked {
                text.push_str(lang.pick(
                    " ; sa « Connexion en tant que médecin » est sans effet pour un secrétaire externe",
                    "; her “Connexion en tant que médecin” has no effect for an external secretary",
                ));
            }
            text
        }
        Why::GrantNotInForce {
            access,
            permission,
            state,
        } => {
            let (s, d) = r.access(access);
            if fr {
                format!(
                    "la permission « {} » de {s} sur le compte de {d} {}",
                    permission.label(lang),
                    window_state(state, lang)
                )
            } else {
                format!(
                    "{s}'s permission “{}” on {d}'s account {}",
                    permission.label(lang),
                    window_state(state, lang)
                )
            }
        }
        Why::LoginExternal { access } => {
            let (s, _) = r.access(access);
            if fr {
                format!("{s} est un secrétaire externe ou un prestataire tiers : « Connexion en tant que médecin » ne doit jamais lui être activée et reste sans effet")
            } else {
                format!("{s} is an external secretary or third-party provider: “Connexion en tant que médecin” must never be enabled for them and has no effect")
            }
        }
        Why::ModuleMissing {
            access,
            permission,
            module,
        } => {
            let (s, d) = r.access(access);
            if fr {
                format!(
                    "« {} » se trouve dans le module « {} », que {s} n'a pas sur le compte de {d}",
                    permission.label(lang),
                    module.label(lang)
                )
            } else {
                format!(
                    "“{}” lives in the module “{}”, which {s} does not hold on {d}'s account",
                    permission.label(lang),
                    module.label(lang)
                )
            }
        }
        Why::CategoryOk { secretary } => {
            if fr {
                format!(
                    "{} est en catégorie « Secrétaire » dans l'annuaire professionnel",
                    r.name(secretary)
                )
            } else {
                format!(
                    "{} is in category “Secrétaire” in the professional directory",
                    r.name(secretary)
                )
            }
        }
        Why::CategoryNotSecretary { secretary } => {
            if fr {
                format!("{} est encore en catégorie « Médecin » dans l'annuaire professionnel : la catégorie est à rectifier en « Secrétaire »", r.name(secretary))
            } else {
                format!("{} is still in category “Médecin” in the professional directory: the category must be rectified to “Secrétaire”", r.name(secretary))
            }
        }
        Why::ProfileApplies { secretary, centre } => r.profile(secretary, centre),
        Why::NoProfile { secretary, centre } => match (centre, fr) {
            (Some(c), true) => format!(
                "{} n'a pas le profil « secrétaire médecin » sur {}",
                r.name(secretary),
                org.centre(c).name
            ),
            (Some(c), false) => format!(
                "{} does not hold the “secrétaire médecin” profile on {}",
                r.name(secretary),
                org.centre(c).name
            ),
            (None, true) => format!(
                "{} n'a le profil « secrétaire médecin » sur aucun 3C",
                r.name(secretary)
            ),
            (None, false) => format!(
                "{} holds the “secrétaire médecin” profile on no 3C",
                r.name(secretary)
            ),
        },
        Why::ProfileNotInForce {
            secretary,
            centre,
            state,
        } => {
            if fr {
                format!(
                    "le profil de {} sur {} {}",
                    r.name(secretary),
                    org.centre(centre).name,
                    window_state(state, lang)
                )
            } else {
                format!(
                    "{}'s profile on {} {}",
                    r.name(secretary),
                    org.centre(centre).name,
                    window_state(state, lang)
                )
            }
        }
        Why::IconHidden { icon } => {
            if fr {
                format!(
                    "l'icône « {} » n'est jamais montrée au profil « secrétaire médecin »",
                    icon.label(lang)
                )
            } else {
                format!(
                    "the “{}” icon is never shown to the “secrétaire médecin” profile",
                    icon.label(lang)
                )
            }
        }
        Why::TabHidden { tab } => {
            if fr {
                format!(
                    "l'onglet « {} » n'est jamais montré au profil « secrétaire médecin »",
                    tab.label(lang)
                )
            } else {
                format!(
                    "the “{}” tab is never shown to the “secrétaire médecin” profile",
                    tab.label(lang)
                )
            }
        }
        Why::Inherits {
            secretary,
            via,
            rcp,
            role,
        } => {
            let doc = r.name(via.doctor);
            out.push(if fr {
                format!("{doc} est {} de {}", role_label(role, lang), r.rcp(rcp))
            } else {
                format!("{doc} is {} of {}", role_label(role, lang), r.rcp(rcp))
            });
            out.push(r.affiliated(secretary, via));
            r.profile(secretary, org.rcp(rcp).centre)
        }
        Why::NoDoctorInRole {
            secretary,
            rcp,
            role,
        } => {
            if fr {
                format!(
                    "aucun des médecins de {} n'est {} de {}",
                    r.name(secretary),
                    role_label(role, lang),
                    r.rcp(rcp)
                )
            } else {
                format!(
                    "none of {}'s doctors is {} of {}",
                    r.name(secretary),
                    role_label(role, lang),
                    r.rcp(rcp)
                )
            }
        }
        Why::AffiliationNotInForce {
            secretary,
            via,
            state,
        } => {
            if fr {
                format!(
                    "le rattachement de {} à {} {}",
                    r.name(via.doctor),
                    r.name(secretary),
                    window_state(state, lang)
                )
            } else {
                format!(
                    "{}'s affiliation to {} {}",
                    r.name(via.doctor),
                    r.name(secretary),
                    window_state(state, lang)
                )
            }
        }
        Why::Demandeur {
            secretary,
            via,
            dossier,
        } => {
            let d = org.dossier(dossier);
            out.push(if fr {
                format!(
                    "{} est demandeur de {} en {}",
                    r.name(via.doctor),
                    r.dossier(dossier),
                    r.rcp(d.rcp)
                )
            } else {
                format!(
                    "{} is the requesting doctor of {} in {}",
                    r.name(via.doctor),
                    r.dossier(dossier),
                    r.rcp(d.rcp)
                )
            });
            out.push(r.affiliated(secretary, via));
            r.profile(secretary, org.rcp(d.rcp).centre)
        }
        Why::NotVisible { secretary, dossier } => {
            let d = org.dossier(dossier);
            // In a scope, a demandeur who is not one of her doctors is not named.
            let by = match (d.demandeur, fr) {
                (Some(p), true) => format!(" (demandeur : {})", r.name(p)),
                (Some(p), false) => format!(" (demandeur: {})", r.name(p)),
                (None, _) => String::new(),
            };
            if fr {
                format!("{} n'est demandé par aucun des médecins de {}{by}, et {} n'est pas dans son déroulement", r.dossier(dossier), r.name(secretary), r.rcp(d.rcp))
            } else {
                format!("{} was requested by none of {}'s doctors{by}, and {} is not in her session run", r.dossier(dossier), r.name(secretary), r.rcp(d.rcp))
            }
        }
        Why::Objection { dossier } => {
            if fr {
                format!("le patient de {} s'oppose à l'accès du secrétariat : l'opposition prime sur tout droit hérité", r.dossier(dossier))
            } else {
                format!("the patient of {} objects to access by the secretariat: the objection overrides every inherited right", r.dossier(dossier))
            }
        }
        Why::StatusIs { dossier, status } => {
            if fr {
                format!(
                    "{} est au statut « {} »",
                    r.dossier(dossier),
                    status_label(status, lang)
                )
            } else {
                format!(
                    "{} has status “{}”",
                    r.dossier(dossier),
                    status_label(status, lang)
                )
            }
        }
        Why::WrongStatus { dossier, needed } => {
            let now = org.dossier(dossier).status;
            if fr {
                format!(
                    "{} est au statut « {} », pas « {} »",
                    r.dossier(dossier),
                    status_label(now, lang),
                    status_label(needed, lang)
                )
            } else {
                format!(
                    "{} has status “{}”, not “{}”",
                    r.dossier(dossier),
                    status_label(now, lang),
                    status_label(needed, lang)
                )
            }
        }
        Why::BeforeSession { dossier } => match (org.dossier(dossier).session, fr) {
            (Some(t), true) => format!(
                "la séance de {} ({t}) n'a pas encore eu lieu",
                r.dossier(dossier)
            ),
            (Some(t), false) => format!(
                "the séance of {} ({t}) has not taken place yet",
                r.dossier(dossier)
            ),
            (None, true) => format!(
                "aucune date de séance connue pour {} : jugé sur le statut seul",
                r.dossier(dossier)
            ),
            (None, false) => format!(
                "no séance date known for {}: judged on status alone",
                r.dossier(dossier)
            ),
        },
        Why::SessionPassed { dossier } => {
            let t = org
                .dossier(dossier)
                .session
                .map(|t| t.to_string())
                .unwrap_or_default();
            if fr {
                format!("la séance de {} ({t}) a déjà eu lieu", r.dossier(dossier))
            } else {
                format!(
                    "the séance of {} ({t}) has already taken place",
                    r.dossier(dossier)
                )
            }
        }
        Why::RcpBeforeSession { rcp } => match (org.rcp(rcp).next_session, fr) {
            (Some(t), true) => format!(
                "la prochaine séance de {} ({t}) n'a pas encore eu lieu",
                r.rcp(rcp)
            ),
            (Some(t), false) => format!(
                "the next séance of {} ({t}) has not taken place yet",
                r.rcp(rcp)
            ),
            (None, true) => format!(
                "aucune séance passée n'empêche l'inscription en {}",
                r.rcp(rcp)
            ),
            (None, false) => format!("no past séance prevents registration in {}", r.rcp(rcp)),
        },
        Why::RcpSessionPassed { rcp } => {
            let t = org
                .rcp(rcp)
                .next_session
                .map(|t| t.to_string())
                .unwrap_or_default();
            if fr {
                format!(
                    "la séance de {} ({t}) a déjà commencé : l'inscription se fait avant la séance",
                    r.rcp(rcp)
                )
            } else {
                format!("the séance of {} ({t}) has already started: registration happens before the séance", r.rcp(rcp))
            }
        }
        Why::Coordinator {
            reader,
            centre,
            doctor,
            rcp,
        } => {
            out.push(if fr {
                format!("{} coordonne {}", r.name(reader), org.centre(centre).name)
            } else {
                format!("{} coordinates {}", r.name(reader), org.centre(centre).name)
            });
            if fr {
                format!("{} siège en {}", r.name(doctor), r.rcp(rcp))
            } else {
                format!("{} sits in {}", r.name(doctor), r.rcp(rcp))
            }
        }
        Why::Responsable {
            reader,
            rcp,
            doctor,
        } => {
            if fr {
                format!(
                    "{} est responsable de {}, où siège {}",
                    r.name(reader),
                    r.rcp(rcp),
                    r.name(doctor)
                )
            } else {
                format!(
                    "{} is responsable of {}, where {} sits",
                    r.name(reader),
                    r.rcp(rcp),
                    r.name(doctor)
                )
            }
        }
        Why::NotReader { reader, doctor } => {
            if fr {
                format!("{} ne coordonne aucun 3C où siège {} et n'est responsable d'aucune de ses RCP ; le profil « secrétaire médecin » ne donne jamais ce rapport", r.name(reader), r.name(doctor))
            } else {
                format!("{} coordinates no 3C where {} sits and is responsable of none of his RCPs; the “secrétaire médecin” profile never gives this report", r.name(reader), r.name(doctor))
            }
        }
        Why::OutOfScope => lang
            .pick(
                "ce qui est demandé n'est pas dans son périmètre : refusé par défaut",
                "what is asked is not in her scope: denied by default",
            )
            .to_owned(),
    };
    out.push(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_in_sentences_keep_acronyms() {
        let all = [
            DossierStatus::Registered,
            DossierStatus::Discussed,
            DossierStatus::Validated,
            DossierStatus::Sent,
        ];
        let fr: Vec<String> = all.iter().map(|&s| status_label(s, Lang::Fr)).collect();
        let en: Vec<String> = all.iter().map(|&s| status_label(s, Lang::En)).collect();
        assert_eq!(fr, ["inscrit", "discuté", "CR validé", "CR envoyé"]);
        assert_eq!(
            en,
            ["registered", "discussed", "report validated", "report sent"]
        );
    }
}
