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

/// A sentence with its blanks filled: each `{0}`…`{9}` of `template` is replaced by that argument.
/// Only the template is scanned, never an argument, so a name holding `{0}` stays as written. One
/// small function instead of a `format!` per sentence keeps the gate module light.
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut parts = template.split('{');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let mut chars = part.chars();
        let arg = chars
            .next()
            .and_then(|c| c.to_digit(10))
            .and_then(|i| args.get(i as usize));
        match (arg, chars.next()) {
            (Some(arg), Some('}')) => {
                out.push_str(arg);
                out.push_str(chars.as_str());
            }
            _ => {
                out.push('{');
                out.push_str(part);
            }
        }
    }
    out
}

/// Whether a window is in force, in words (the end of a sentence).
fn window_state(state: InForce, lang: Lang) -> String {
    let (fr, en, t) = match state {
        InForce::Yes => return lang.pick("est en vigueur", "is in force").to_owned(),
        InForce::NeedsDate => {
            return lang
                .pick(
                    "est limité dans le temps et la demande ne donne pas de date (`now`)",
                    "is time-bounded and the request gives no date (`now`)",
                )
                .to_owned()
        }
        InForce::NotYet(t) => ("n'entre en vigueur que le ", "only comes into force at ", t),
        InForce::Ended(t) => ("a pris fin le ", "ended at ", t),
    };
    let mut out = lang.pick(fr, en).to_owned();
    out.push_str(&t.to_string());
    out
}

struct R<'a> {
    org: &'a Organisation,
    lang: Lang,
}

impl R<'_> {
    /// The template in her language, filled.
    fn say(&self, fr: &str, en: &str, args: &[&str]) -> String {
        fill(self.lang.pick(fr, en), args)
    }
    /// A sentence about `what` and its séance: `dated` (French, English) filled with the date, or
    /// `undated` when there is none.
    fn dated(
        &self,
        what: &str,
        t: Option<crate::time::Instant>,
        dated: [&str; 2],
        undated: [&str; 2],
    ) -> String {
        let ([fr, en], t) = match t {
            Some(t) => (dated, t.to_string()),
            None => (undated, String::new()),
        };
        self.say(fr, en, &[what, &t])
    }
    fn name(&self, p: PersonId) -> &str {
        &self.org.person(p).name
    }
    fn access(&self, a: AccessId) -> (&str, &str) {
        let a = self.org.access(a);
        (self.name(a.secretary), self.name(a.doctor))
    }
    fn centre(&self, c: crate::org::CentreId) -> &str {
        &self.org.centre(c).name
    }
    fn rcp(&self, r: crate::org::RcpId) -> String {
        let centre = self.org.rcp(r).centre;
        fill(
            "{0} ({1})",
            &[&self.org.rcp_entry(r).name, self.centre(centre)],
        )
    }
    fn dossier(&self, d: crate::org::DossierId) -> String {
        let d = self.org.dossier(d);
        // A scope holds no patient id (docs/SCOPE.md): the dossier alone. Without its article,
        // which each French sentence gives as its grammar wants (« le dossier », « du dossier »).
        let template = if d.patient.is_empty() {
            "dossier {0}"
        } else {
            "dossier {0} (patient {1})"
        };
        fill(template, &[&d.id, &d.patient])
    }
    fn affiliated(&self, secretary: PersonId, via: Via) -> String {
        let (doc, sec) = (self.name(via.doctor), self.name(secretary));
        match via.group {
            None => self.say(
                "{0} a un rattachement à {1}",
                "{0} is affiliated to {1}",
                &[doc, sec],
            ),
            Some(g) => self.say(
                "{0} a un rattachement au groupe « {2} », dont {1} est membre",
                "{0} is affiliated to the group “{2}”, of which {1} is a member",
                &[doc, sec, &self.org.group(g).name],
            ),
        }
    }
    fn profile(&self, secretary: PersonId, centre: crate::org::CentreId) -> String {
        self.say(
            "{0} a le profil « secrétaire médecin » sur {1}",
            "{0} holds the “secrétaire médecin” profile on {1}",
            &[self.name(secretary), self.centre(centre)],
        )
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
    R { org, lang }.say(
        "décision tracée : {0} agit pour le compte de {1} (à inscrire au journal des accès)",
        "audited: {0} acts on behalf of {1} (to be written to the access log)",
        &[&org.person(secretary).name, &org.person(doctor).name],
    )
}

/// Appends the sentences for one fact. An allow's chain may take several sentences.
pub(crate) fn sentences(org: &Organisation, why: Why, lang: Lang, out: &mut Vec<String>) {
    let r = R { org, lang };
    let s = match why {
        Why::Active { person } => r.say(
            "le compte de {0} est actif",
            "{0}'s account is active",
            &[r.name(person)],
        ),
        Why::NotActive { person } => {
            let (fr, en) = match org.person(person).status {
                Status::Deleted => (
                    "le compte de {0} est supprimé (départ)",
                    "{0}'s account is deleted (departure)",
                ),
                _ => (
                    "le compte de {0} est désactivé temporairement",
                    "{0}'s account is suspended",
                ),
            };
            r.say(fr, en, &[r.name(person)])
        }
        Why::DoctorNotActive { doctor } => r.say(
            "le compte de {0} n'est pas actif : il ne délègue rien",
            "{0}'s account is not active: it delegates nothing",
            &[r.name(doctor)],
        ),
        Why::HoldsAccess { access } => {
            let (s, d) = r.access(access);
            r.say(
                "{0} a un accès secrétariat au compte de {1}",
                "{0} holds a secretary access to {1}'s account",
                &[s, d],
            )
        }
        Why::NoAccess { secretary, doctor } => r.say(
            "{0} n'a aucun accès au compte de {1}",
            "{0} holds no access to {1}'s account",
            &[r.name(secretary), r.name(doctor)],
        ),
        Why::AccessNotInForce { access, state } => {
            let (s, d) = r.access(access);
            r.say(
                "l'accès de {0} au compte de {1} {2}",
                "{0}'s access to {1}'s account {2}",
                &[s, d, &window_state(state, lang)],
            )
        }
        Why::Granted { access, permission } => {
            let (s, d) = r.access(access);
            r.say(
                "{0} a la permission « {2} » sur le compte de {1}",
                "{0} holds the permission “{2}” on {1}'s account",
                &[s, d, permission.label(lang)],
            )
        }
        Why::ViaLogin { access } => {
            let (s, d) = r.access(access);
            r.say(
                "{0} a « Connexion en tant que médecin » sur le compte de {1} : accès total à ce compte, et à lui seul",
                "{0} holds “Connexion en tant que médecin” on {1}'s account: total access to that account, and that account only",
                &[s, d],
            )
        }
        Why::NotGranted {
            access,
            permission,
            login_blocked,
        } => {
            let (s, d) = r.access(access);
            let mut text = r.say(
                "{0} n'a pas la permission « {2} » sur le compte de {1}",
                "{0} does not hold the permission “{2}” on {1}'s account",
                &[s, d, permission.label(lang)],
            );
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
            r.say(
                "la permission « {2} » de {0} sur le compte de {1} {3}",
                "{0}'s permission “{2}” on {1}'s account {3}",
                &[s, d, permission.label(lang), &window_state(state, lang)],
            )
        }
        Why::LoginExternal { access } => r.say(
            "{0} est un secrétaire externe ou un prestataire tiers : « Connexion en tant que médecin » ne doit jamais lui être activée et reste sans effet",
            "{0} is an external secretary or third-party provider: “Connexion en tant que médecin” must never be enabled for them and has no effect",
            &[r.access(access).0],
        ),
        Why::ModuleMissing {
            access,
            permission,
            module,
        } => {
            let (s, d) = r.access(access);
            r.say(
                "« {2} » se trouve dans le module « {3} », que {0} n'a pas sur le compte de {1}",
                "“{2}” lives in the module “{3}”, which {0} does not hold on {1}'s account",
                &[s, d, permission.label(lang), module.label(lang)],
            )
        }
        Why::CategoryOk { secretary } => r.say(
            "{0} est en catégorie « Secrétaire » dans l'annuaire professionnel",
            "{0} is in category “Secrétaire” in the professional directory",
            &[r.name(secretary)],
        ),
        Why::CategoryNotSecretary { secretary } => r.say(
            "{0} est encore en catégorie « Médecin » dans l'annuaire professionnel : la catégorie est à rectifier en « Secrétaire »",
            "{0} is still in category “Médecin” in the professional directory: the category must be rectified to “Secrétaire”",
            &[r.name(secretary)],
        ),
        Why::ProfileApplies { secretary, centre } => r.profile(secretary, centre),
        Why::NoProfile { secretary, centre } => match centre {
            Some(c) => r.say(
                "{0} n'a pas le profil « secrétaire médecin » sur {1}",
                "{0} does not hold the “secrétaire médecin” profile on {1}",
                &[r.name(secretary), r.centre(c)],
            ),
            None => r.say(
                "{0} n'a le profil « secrétaire médecin » sur aucun 3C",
                "{0} holds the “secrétaire médecin” profile on no 3C",
                &[r.name(secretary)],
            ),
        },
        Why::ProfileNotInForce {
            secretary,
            centre,
            state,
        } => r.say(
            "le profil de {0} sur {1} {2}",
            "{0}'s profile on {1} {2}",
            &[
                r.name(secretary),
                r.centre(centre),
                &window_state(state, lang),
            ],
        ),
        Why::IconHidden { icon } => r.say(
            "l'icône « {0} » n'est jamais montrée au profil « secrétaire médecin »",
            "the “{0}” icon is never shown to the “secrétaire médecin” profile",
            &[icon.label(lang)],
        ),
        Why::TabHidden { tab } => r.say(
            "l'onglet « {0} » n'est jamais montré au profil « secrétaire médecin »",
            "the “{0}” tab is never shown to the “secrétaire médecin” profile",
            &[tab.label(lang)],
        ),
        Why::Inherits {
            secretary,
            via,
            rcp,
            role,
        } => {
            out.push(r.say(
                "{0} est {1} de {2}",
                "{0} is {1} of {2}",
                &[r.name(via.doctor), role_label(role, lang), &r.rcp(rcp)],
            ));
            out.push(r.affiliated(secretary, via));
            r.profile(secretary, org.rcp(rcp).centre)
        }
        Why::NoDoctorInRole {
            secretary,
            rcp,
            role,
        } => r.say(
            "aucun des médecins de {0} n'est {1} de {2}",
            "none of {0}'s doctors is {1} of {2}",
            &[r.name(secretary), role_label(role, lang), &r.rcp(rcp)],
        ),
        Why::AffiliationNotInForce {
            secretary,
            via,
            state,
        } => r.say(
            "le rattachement de {0} à {1} {2}",
            "{0}'s affiliation to {1} {2}",
            &[
                r.name(via.doctor),
                r.name(secretary),
                &window_state(state, lang),
            ],
        ),
        Why::Demandeur {
            secretary,
            via,
            dossier,
        } => {
            let d = org.dossier(dossier);
            out.push(r.say(
                "{0} est demandeur du {1} en {2}",
                "{0} is the requesting doctor of {1} in {2}",
                &[r.name(via.doctor), &r.dossier(dossier), &r.rcp(d.rcp)],
            ));
            out.push(r.affiliated(secretary, via));
            r.profile(secretary, org.rcp(d.rcp).centre)
        }
        Why::NotVisible { secretary, dossier } => {
            let d = org.dossier(dossier);
            // In a scope, a demandeur who is not one of her doctors is not named.
            let by = match d.demandeur {
                Some(p) => r.say(" (demandeur : {0})", " (demandeur: {0})", &[r.name(p)]),
                None => String::new(),
            };
            r.say(
                "le {0} n'est demandé par aucun des médecins de {1}{3}, et {2} n'est pas dans son déroulement",
                "{0} was requested by none of {1}'s doctors{3}, and {2} is not in her session run",
                &[&r.dossier(dossier), r.name(secretary), &r.rcp(d.rcp), &by],
            )
        }
        Why::Objection { dossier } => r.say(
            "le patient du {0} s'oppose à l'accès du secrétariat : l'opposition prime sur tout droit hérité",
            "the patient of {0} objects to access by the secretariat: the objection overrides every inherited right",
            &[&r.dossier(dossier)],
        ),
        Why::StatusIs { dossier, status } => r.say(
            "le {0} est au statut « {1} »",
            "{0} has status “{1}”",
            &[&r.dossier(dossier), &status_label(status, lang)],
        ),
        Why::WrongStatus { dossier, needed } => r.say(
            "le {0} est au statut « {1} », pas « {2} »",
            "{0} has status “{1}”, not “{2}”",
            &[
                &r.dossier(dossier),
                &status_label(org.dossier(dossier).status, lang),
                &status_label(needed, lang),
            ],
        ),
        Why::BeforeSession { dossier } => r.dated(
            &r.dossier(dossier),
            org.dossier(dossier).session,
            [
                "la séance du {0} ({1}) n'a pas encore eu lieu",
                "the séance of {0} ({1}) has not taken place yet",
            ],
            [
                "aucune date de séance connue pour le {0} : jugé sur le statut seul",
                "no séance date known for {0}: judged on status alone",
            ],
        ),
        Why::SessionPassed { dossier } => {
            let passed = [
                "la séance du {0} ({1}) a déjà eu lieu",
                "the séance of {0} ({1}) has already taken place",
            ];
            r.dated(&r.dossier(dossier), org.dossier(dossier).session, passed, passed)
        }
        Why::RcpBeforeSession { rcp } => r.dated(
            &r.rcp(rcp),
            org.rcp(rcp).next_session,
            [
                "la prochaine séance de {0} ({1}) n'a pas encore eu lieu",
                "the next séance of {0} ({1}) has not taken place yet",
            ],
            [
                "aucune séance passée n'empêche l'inscription en {0}",
                "no past séance prevents registration in {0}",
            ],
        ),
        Why::RcpSessionPassed { rcp } => {
            let started = [
                "la séance de {0} ({1}) a déjà commencé : l'inscription se fait avant la séance",
                "the séance of {0} ({1}) has already started: registration happens before the séance",
            ];
            r.dated(&r.rcp(rcp), org.rcp(rcp).next_session, started, started)
        }
        Why::Coordinator {
            reader,
            centre,
            doctor,
            rcp,
        } => {
            out.push(r.say(
                "{0} coordonne {1}",
                "{0} coordinates {1}",
                &[r.name(reader), r.centre(centre)],
            ));
            r.say(
                "{0} siège en {1}",
                "{0} sits in {1}",
                &[r.name(doctor), &r.rcp(rcp)],
            )
        }
        Why::Responsable {
            reader,
            rcp,
            doctor,
        } => r.say(
            "{0} est responsable de {1}, où siège {2}",
            "{0} is responsable of {1}, where {2} sits",
            &[r.name(reader), &r.rcp(rcp), r.name(doctor)],
        ),
        Why::NotReader { reader, doctor } => r.say(
            "{0} ne coordonne aucun 3C où siège {1} et n'est responsable d'aucune de ses RCP ; le profil « secrétaire médecin » ne donne jamais ce rapport",
            "{0} coordinates no 3C where {1} sits and is responsable of none of his RCPs; the “secrétaire médecin” profile never gives this report",
            &[r.name(reader), r.name(doctor)],
        ),
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
