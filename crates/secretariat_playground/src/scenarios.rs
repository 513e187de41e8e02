//! Trainer mode: guided scenarios on the built-in demo organisation. Each is a question, the
//! secretary whose live view answers it, the decisions the engine explains, and a short answer.
//!
//! The expected effect of every check is data, and the tests run them against the core: when the
//! engine and a scenario disagree, the test fails instead of a trainer telling a wrong story.

use secretariat_core::{Change, Effect, Lang, Request};

/// The date the scenarios are told at (the demo's séances are in late November and December 2026).
pub const SCENARIO_NOW: &str = "2026-11-23T10:00:00Z";

/// Which part of the live view answers the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The practice application.
    Practice,
    /// The DCC.
    Dcc,
    /// Both products.
    Both,
    /// The "secretaries of a doctor" report.
    Report,
}

/// One decision a scenario explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    /// Principal when not the scenario's secretary (report readers).
    pub principal: Option<&'static str>,
    /// Canonical action.
    pub action: &'static str,
    /// Resource.
    pub resource: Option<&'static str>,
    /// What the engine answers.
    pub expect: Effect,
}

/// One guided scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Stable id (tests, element ids).
    pub id: &'static str,
    /// Whose view answers it.
    pub secretary: &'static str,
    /// Title, French then English.
    pub title: [&'static str; 2],
    /// The question, French then English.
    pub question: [&'static str; 2],
    /// The short answer, French then English.
    pub answer: [&'static str; 2],
    /// The decisions to explain (on the organisation after `departure_of`, if any).
    pub checks: &'static [Check],
    /// Which part of the view to show.
    pub focus: Focus,
    /// Simulate this person's departure (the change request is part of the answer).
    pub departure_of: Option<&'static str>,
}

const fn check(action: &'static str, resource: &'static str, expect: Effect) -> Check {
    Check {
        principal: None,
        action,
        resource: Some(resource),
        expect,
    }
}

impl Scenario {
    /// Text in `lang` from a French/English pair.
    pub fn pick(pair: &[&'static str; 2], lang: Lang) -> &'static str {
        let [fr, en] = *pair;
        lang.pick(fr, en)
    }

    /// The request a check stands for, at the scenario date.
    pub fn request(&self, c: &Check) -> Request {
        let mut r = Request::new(c.principal.unwrap_or(self.secretary), c.action, c.resource);
        r.now = Some(SCENARIO_NOW.to_owned());
        r
    }

    /// The edits the scenario simulates.
    pub fn changes(&self) -> Vec<Change> {
        self.departure_of
            .map(|p| {
                vec![Change::Departure {
                    person: p.to_owned(),
                }]
            })
            .unwrap_or_default()
    }
}

/// Every scenario, in teaching order.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "sophie-senologie",
        secretary: "sophie",
        title: ["Sophie et la RCP sénologie", "Sophie and the breast-cancer RCP"],
        question: [
            "Pourquoi Sophie voit-elle la RCP sénologie dans le déroulement, mais pas dans son agenda ?",
            "Why does Sophie see the RCP sénologie in the déroulement but not in her agenda?",
        ],
        answer: [
            "Sophie hérite du rôle de son médecin, le Dr Martin. Il est animateur de la RCP sénologie : elle a donc le déroulement, avec tous les dossiers et le droit de valider. Il n'y est pas participant : l'agenda, qui ne montre que les RCP où l'un de ses médecins participe, ne l'affiche pas.",
            "Sophie inherits her doctor's role, Dr Martin's. He is animateur of the RCP sénologie, so she gets its déroulement, with every dossier and the right to validate. He is not a participant there, and the agenda only lists RCPs where one of her doctors participates.",
        ],
        checks: &[
            check("dcc.session.view", "rcp:rcp-sein", Effect::Allow),
            check("dcc.agenda.view", "rcp:rcp-sein", Effect::Deny),
        ],
        focus: Focus::Dcc,
        departure_of: None,
    },
    Scenario {
        id: "karim-login",
        secretary: "karim",
        title: ["Karim, secrétaire externe", "Karim, an external secretary"],
        question: [
            "Karim (secrétariat à distance) a « Connexion en tant que médecin » sur le compte du Dr Durand. Pourquoi ce droit n'a-t-il aucun effet ?",
            "Karim (remote secretariat) holds \"Connexion en tant que médecin\" on Dr Durand's account. Why does it have no effect?",
        ],
        answer: [
            "« Ne jamais activer cette option pour un secrétaire externe ou un prestataire tiers. » Le moteur refuse la connexion en tant que médecin à un secrétaire externe et signale l'attribution comme une violation : Karim n'a que l'Agenda, seul droit qui lui est donné en propre.",
            "\"Never enable this option for an external secretary or a third-party provider.\" The engine refuses login-as-doctor to an external secretary and reports the grant as a violation: Karim only has the Agenda, the one permission granted to him in its own right.",
        ],
        checks: &[
            check("practice.login_as_doctor", "doctor:dr-durand", Effect::Deny),
            check("practice.patients", "doctor:dr-durand", Effect::Deny),
            check("practice.agenda", "doctor:dr-durand", Effect::Allow),
        ],
        focus: Focus::Practice,
        departure_of: None,
    },
    Scenario {
        id: "karim-departure",
        secretary: "karim",
        title: ["Le départ de Karim", "Karim leaves"],
        question: [
            "Karim quitte le cabinet aujourd'hui. Que doit dire la demande envoyée au support ?",
            "Karim leaves the practice today. What must the request sent to support say?",
        ],
        answer: [
            "Seule l'administration de l'éditeur peut supprimer un accès : le médecin envoie une demande de suppression définitive, à traiter le jour même. Comme « Connexion en tant que médecin » était activée sur le compte du Dr Durand, la demande doit le signaler explicitement.",
            "Only the vendor's administration can delete an access: the doctor sends a request for definitive deletion, to be done the same day. Since \"Connexion en tant que médecin\" was enabled on Dr Durand's account, the request must say so explicitly.",
        ],
        checks: &[check("practice.agenda", "doctor:dr-durand", Effect::Deny)],
        focus: Focus::Practice,
        departure_of: Some("karim"),
    },
    Scenario {
        id: "nadia-category",
        secretary: "nadia",
        title: ["Nadia ne voit rien", "Nadia sees nothing"],
        question: [
            "Nadia a le profil secrétaire médecin sur le 3C de Caen et le Dr Petit lui est rattaché. Pourquoi ne voit-elle rien dans le DCC ?",
            "Nadia holds the secrétaire médecin profile on the Caen 3C and Dr Petit is attached to her. Why does she see nothing in the DCC?",
        ],
        answer: [
            "Un compte DCC est créé en catégorie « médecin ». Tant que le côté métier ne l'a pas rectifiée en « secrétaire » dans l'annuaire professionnel, le profil secrétaire médecin ne s'applique pas : ni icônes, ni agenda, ni déroulement.",
            "A DCC account is created in category \"médecin\". Until the business side rectifies it to \"secrétaire\" in the professional directory, the secrétaire médecin profile does not apply: no icons, no agenda, no déroulement.",
        ],
        checks: &[
            check("dcc.icon.agenda", "centre:3c-caen", Effect::Deny),
            check("dcc.agenda.view", "rcp:rcp-sein", Effect::Deny),
        ],
        focus: Focus::Dcc,
        departure_of: None,
    },
    Scenario {
        id: "lea-objection",
        secretary: "lea",
        title: ["Léa et l'opposition du patient", "Léa and the patient's objection"],
        question: [
            "Pourquoi Léa voit-elle le dossier d-103 mais pas le d-107, tous deux dans la RCP digestive ?",
            "Why does Léa see dossier d-103 but not d-107, both in the RCP digestive?",
        ],
        answer: [
            "Léa est membre du groupe « Secrétariat digestif », auquel le Dr Durand est rattaché ; il anime la RCP digestive, donc elle en voit le déroulement avec tous les dossiers. Mais le patient du d-107 s'est opposé à l'accès du secrétariat : l'opposition l'emporte sur tout droit hérité.",
            "Léa is a member of the \"Secrétariat digestif\" group, to which Dr Durand is attached; he runs the RCP digestive, so she sees its déroulement with every dossier. But the patient of d-107 objected to access by the secretariat: the objection beats every inherited grant.",
        ],
        checks: &[
            check("dcc.dossier.view", "dossier:d-103", Effect::Allow),
            check("dcc.dossier.view", "dossier:d-107", Effect::Deny),
        ],
        focus: Focus::Dcc,
        departure_of: None,
    },
    Scenario {
        id: "julie-suspended",
        secretary: "julie",
        title: ["Julie est désactivée", "Julie is suspended"],
        question: [
            "Julie a un accès au compte du Dr Martin et fait partie du secrétariat digestif. Pourquoi ne voit-elle rien ?",
            "Julie holds an access to Dr Martin's account and belongs to the digestive secretariat. Why does she see nothing?",
        ],
        answer: [
            "Son compte est désactivé temporairement. Un secrétaire dont le statut n'est pas actif se voit tout refuser, dans les deux produits, quels que soient ses accès et ses rattachements : ils reprendront effet à la réactivation.",
            "Her account is temporarily deactivated. A secretary whose status is not active is denied everything, in both products, whatever her accesses and affiliations: they take effect again when she is reactivated.",
        ],
        checks: &[
            check("practice.agenda", "doctor:dr-martin", Effect::Deny),
            check("dcc.session.view", "rcp:rcp-digestif", Effect::Deny),
        ],
        focus: Focus::Both,
        departure_of: None,
    },
    Scenario {
        id: "lea-pid",
        secretary: "lea",
        title: ["Léa à la facturation", "Léa at the billing desk"],
        question: [
            "Léa peut-elle supprimer une mise en honoraires sur le compte du Dr Martin ? Et exporter les données patients ?",
            "Can Léa delete a fee entry on Dr Martin's account? And export patient data?",
        ],
        answer: [
            "Oui pour « Supprimer MH » : elle a le module PID dont la fonction dépend ; l'usage est tracé. Non pour « Exporter » : la fonction vit dans la Base patient, que Léa n'a pas ; le droit seul n'a aucun effet et il est signalé.",
            "Yes for \"Supprimer MH\": she has the PID module the feature lives in; its use is traced. No for \"Exporter\": the feature lives in the Base patient module, which Léa lacks; the grant alone has no effect and is reported.",
        ],
        checks: &[
            check("practice.delete_fee_or_redate_invoice", "doctor:dr-martin", Effect::Allow),
            check("practice.export_patients", "doctor:dr-martin", Effect::Deny),
        ],
        focus: Focus::Practice,
        departure_of: None,
    },
    Scenario {
        id: "report-reader",
        secretary: "coord-caen",
        title: ["La liste des secrétaires d'un médecin", "The list of a doctor's secretaries"],
        question: [
            "Qui peut obtenir la liste des secrétaires du Dr Durand ? Isabelle Roux, coordinatrice du 3C de Caen ? Sophie ?",
            "Who may read the list of Dr Durand's secretaries? Isabelle Roux, coordinator of the Caen 3C? Sophie?",
        ],
        answer: [
            "Le rapport est réservé au 3C et aux responsables de RCP : Isabelle, coordinatrice d'un centre où le Dr Durand siège en RCP, peut le lire. Le profil secrétaire médecin ne le donne jamais : Sophie ne le peut pas.",
            "The report is for the 3C and RCP responsables: Isabelle, coordinator of a centre where Dr Durand sits in an RCP, may read it. The secrétaire médecin profile never gives it: Sophie may not.",
        ],
        checks: &[
            Check {
                principal: Some("coord-caen"),
                action: "dcc.report.secretaries",
                resource: Some("doctor:dr-durand"),
                expect: Effect::Allow,
            },
            Check {
                principal: Some("sophie"),
                action: "dcc.report.secretaries",
                resource: Some("doctor:dr-durand"),
                expect: Effect::Deny,
            },
        ],
        focus: Focus::Report,
        departure_of: None,
    },
];
