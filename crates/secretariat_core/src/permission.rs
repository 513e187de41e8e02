//! The 15 module permissions of a doctor's account (seed 000, RULES.md §2): ids, French and English
//! labels, recommendation level, which module a feature needs (P4), which are audited (P5), and the
//! seed's danger and warning texts (P6).

use crate::lang::Lang;

/// One module permission of the practice pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Permission {
    /// Tableau de bord.
    Dashboard,
    /// Agenda.
    Agenda,
    /// Base patient.
    Patients,
    /// Salle d'attente.
    WaitingRoom,
    /// Courriers.
    Letters,
    /// PID (paiement immédiat direct).
    PidBilling,
    /// Pré configuration.
    PracticeSettings,
    /// Avis.
    Reviews,
    /// Exporter.
    ExportPatients,
    /// Exporter Acomptes.
    ExportDeposits,
    /// Abonnement.
    Subscription,
    /// Double authentification.
    TwoFactor,
    /// Connexion en tant que médecin.
    LoginAsDoctor,
    /// Supprimer MH / Modifier date facture PID.
    DeleteFeeOrRedateInvoice,
    /// Modifier le propriétaire d'une fiche médicale.
    ReassignRecordOwner,
}

/// How the vendor recommends a permission (seed 000, column "Recommandation").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recommendation {
    /// Recommandé.
    Recommended,
    /// Selon besoin.
    AsNeeded,
    /// Non recommandé.
    NotRecommended,
    /// Sensible.
    Sensitive,
}

/// Where a permission shows in the practice application: a menu entry (module) or a button inside one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// A module in the menu.
    Menu,
    /// A button or feature inside a module.
    Button,
}

impl Permission {
    /// Every permission, in the seed's order.
    pub const ALL: [Permission; 15] = [
        Permission::Dashboard,
        Permission::Agenda,
        Permission::Patients,
        Permission::WaitingRoom,
        Permission::Letters,
        Permission::PidBilling,
        Permission::PracticeSettings,
        Permission::Reviews,
        Permission::ExportPatients,
        Permission::ExportDeposits,
        Permission::Subscription,
        Permission::TwoFactor,
        Permission::LoginAsDoctor,
        Permission::DeleteFeeOrRedateInvoice,
        Permission::ReassignRecordOwner,
    ];

    /// The permission's id in files and requests, e.g. `export_patients`.
    pub fn id(self) -> &'static str {
        match self {
            Permission::Dashboard => "dashboard",
            Permission::Agenda => "agenda",
            Permission::Patients => "patients",
            Permission::WaitingRoom => "waiting_room",
            Permission::Letters => "letters",
            Permission::PidBilling => "pid_billing",
            Permission::PracticeSettings => "practice_settings",
            Permission::Reviews => "reviews",
            Permission::ExportPatients => "export_patients",
            Permission::ExportDeposits => "export_deposits",
            Permission::Subscription => "subscription",
            Permission::TwoFactor => "two_factor",
            Permission::LoginAsDoctor => "login_as_doctor",
            Permission::DeleteFeeOrRedateInvoice => "delete_fee_or_redate_invoice",
            Permission::ReassignRecordOwner => "reassign_record_owner",
        }
    }

    /// The permission with this id, if any.
    pub fn from_id(id: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The label of the permission `id` names, or `id` itself when it names none (a file being
    /// edited may hold an id this version does not know): how letters and edit lists name it.
    pub fn label_of(id: &str, lang: Lang) -> &str {
        Permission::from_id(id).map_or(id, |p| p.label(lang))
    }

    /// Position in [`Permission::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The label people see, as the product says it (French) or in English.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => match self {
                Permission::Dashboard => "Tableau de bord",
                Permission::Agenda => "Agenda",
                Permission::Patients => "Base patient",
                Permission::WaitingRoom => "Salle d'attente",
                Permission::Letters => "Courriers",
                Permission::PidBilling => "PID",
                Permission::PracticeSettings => "Pré configuration",
                Permission::Reviews => "Avis",
                Permission::ExportPatients => "Exporter",
                Permission::ExportDeposits => "Exporter Acomptes",
                Permission::Subscription => "Abonnement",
                Permission::TwoFactor => "Double authentification",
                Permission::LoginAsDoctor => "Connexion en tant que médecin",
                Permission::DeleteFeeOrRedateInvoice => "Supprimer MH / Modifier date facture PID",
                Permission::ReassignRecordOwner => "Modifier le propriétaire d'une fiche médicale",
            },
            Lang::En => match self {
                Permission::Dashboard => "Dashboard",
                Permission::Agenda => "Agenda",
                Permission::Patients => "Patient database",
                Permission::WaitingRoom => "Waiting room",
                Permission::Letters => "Letters",
                Permission::PidBilling => "PID billing",
                Permission::PracticeSettings => "Practice settings",
                Permission::Reviews => "Reviews",
                Permission::ExportPatients => "Export",
                Permission::ExportDeposits => "Export deposits",
                Permission::Subscription => "Subscription",
                Permission::TwoFactor => "Two-factor authentication",
                Permission::LoginAsDoctor => "Log in as the doctor",
                Permission::DeleteFeeOrRedateInvoice => {
                    "Delete fee entry / change PID invoice date"
                }
                Permission::ReassignRecordOwner => "Change a medical record's owner",
            },
        }
    }

    /// What the permission opens (seed 000, column "Description").
    pub fn description(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => match self {
                Permission::Dashboard => "Accès à la page d'accueil synthétique du cabinet",
                Permission::Agenda => "Consultation et gestion des rendez-vous",
                Permission::Patients => "Accès à la liste et aux fiches patients",
                Permission::WaitingRoom => "Gestion de la file d'attente",
                Permission::Letters => "Rédaction et envoi de courriers médicaux",
                Permission::PidBilling => "Facturation Paiement Immédiat Direct",
                Permission::PracticeSettings => "Paramètres généraux du cabinet",
                Permission::Reviews => "Accès aux avis patients",
                Permission::ExportPatients => "Export des données patients",
                Permission::ExportDeposits => "Export des acomptes patients",
                Permission::Subscription => "Gestion de l'abonnement",
                Permission::TwoFactor => "Gestion du 2FA du compte médecin",
                Permission::LoginAsDoctor => "Accès complet au compte médecin",
                Permission::DeleteFeeOrRedateInvoice => {
                    "Suppression MH, modification date de facturation"
                }
                Permission::ReassignRecordOwner => "Réattribution de dossiers patients",
            },
            Lang::En => match self {
                Permission::Dashboard => "The practice's summary home page",
                Permission::Agenda => "Viewing and managing appointments",
                Permission::Patients => "Patient list and patient files",
                Permission::WaitingRoom => "The waiting queue",
                Permission::Letters => "Writing and sending medical letters",
                Permission::PidBilling => "Immediate direct payment billing",
                Permission::PracticeSettings => "The practice's general settings",
                Permission::Reviews => "Patient reviews",
                Permission::ExportPatients => "Export of patient data",
                Permission::ExportDeposits => "Export of patient deposits",
                Permission::Subscription => "The product subscription",
                Permission::TwoFactor => "The doctor's two-factor settings",
                Permission::LoginAsDoctor => "Full access to the doctor's account",
                Permission::DeleteFeeOrRedateInvoice => {
                    "Delete a fee entry, change an invoice date"
                }
                Permission::ReassignRecordOwner => "Reassign a patient file to another doctor",
            },
        }
    }

    /// The vendor's recommendation.
    pub fn recommendation(self) -> Recommendation {
        match self {
            Permission::Dashboard
            | Permission::Agenda
            | Permission::Patients
            | Permission::WaitingRoom
            | Permission::Letters => Recommendation::Recommended,
            Permission::PidBilling
            | Permission::PracticeSettings
            | Permission::Reviews
            | Permission::ExportPatients
            | Permission::ExportDeposits => Recommendation::AsNeeded,
            Permission::Subscription | Permission::TwoFactor => Recommendation::NotRecommended,
            Permission::LoginAsDoctor
            | Permission::DeleteFeeOrRedateInvoice
            | Permission::ReassignRecordOwner => Recommendation::Sensitive,
        }
    }

    /// A menu module, or a button inside a module.
    pub fn placement(self) -> Placement {
        match self {
            Permission::ExportPatients
            | Permission::ExportDeposits
            | Permission::LoginAsDoctor
            | Permission::DeleteFeeOrRedateInvoice
            | Permission::ReassignRecordOwner => Placement::Button,
            _ => Placement::Menu,
        }
    }

    /// P4: the module a feature lives in, which must be granted too.
    pub fn needs_module(self) -> Option<Permission> {
        match self {
            Permission::ExportPatients | Permission::ReassignRecordOwner => {
                Some(Permission::Patients)
            }
            Permission::DeleteFeeOrRedateInvoice => Some(Permission::PidBilling),
            _ => None,
        }
    }

    /// P5: decisions on this permission must be traced by the host application.
    pub fn is_audited(self) -> bool {
        matches!(
            self,
            Permission::ExportPatients
                | Permission::ExportDeposits
                | Permission::LoginAsDoctor
                | Permission::DeleteFeeOrRedateInvoice
                | Permission::ReassignRecordOwner
        )
    }
}

/// How serious a finding or a permission's warning is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The seed's « Danger ».
    Danger,
    /// The seed's « Avertissement ».
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// « Danger », « Avertissement », « Information », as the seed heads its warnings.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Danger => "Danger",
            Severity::Warning => lang.pick("Avertissement", "Warning"),
            Severity::Info => "Information",
        }
    }
}

impl Permission {
    /// The seed's text on a sensitive or not-recommended permission (P6): severity and words.
    pub fn warning(self, lang: Lang) -> Option<(Severity, &'static str)> {
        let fr = lang == Lang::Fr;
        Some(match self {
            Permission::LoginAsDoctor => (
                Severity::Danger,
                if fr {
                    "Cette permission donne un accès total au compte médecin : données confidentielles, facturation, paramètres. À ne donner qu'en cas de nécessité absolue et à révoquer immédiatement après. Ne jamais activer cette option pour un secrétaire externe ou un prestataire tiers."
                } else {
                    "This permission gives total access to the doctor's account: confidential data, billing, settings. Give it only when absolutely necessary and revoke it immediately after use. Never enable it for an external secretary or a third-party provider."
                },
            ),
            Permission::DeleteFeeOrRedateInvoice => (
                Severity::Warning,
                if fr {
                    "Permet de supprimer une mise en honoraires ou de modifier la date d'une facture déjà enregistrée. Risque d'erreurs comptables ou de modifications non tracées. À activer uniquement pour les secrétaires de facturation de confiance, et avec formation préalable."
                } else {
                    "Deletes a fee entry or changes the date of an invoice already recorded. Risk of accounting errors or untraced changes. Enable only for trusted billing secretaries, after training."
                },
            ),
            Permission::ReassignRecordOwner => (
                Severity::Danger,
                if fr {
                    "Permet de réattribuer un dossier patient à un autre médecin. Une réattribution incorrecte peut exposer des données de santé à un médecin non concerné (risque RGPD). À désactiver sauf cas exceptionnel justifié."
                } else {
                    "Reassigns a patient file to another doctor. A wrong reassignment can expose health data to a doctor not concerned (GDPR risk). Keep disabled except in a justified exceptional case."
                },
            ),
            Permission::ExportPatients | Permission::ExportDeposits => (
                Severity::Warning,
                if fr {
                    "Tout export de données personnelles de santé doit être justifié et tracé. Assurez-vous que votre secrétaire est informé de ses obligations de confidentialité."
                } else {
                    "Every export of personal health data must be justified and traced. Make sure your secretary knows their confidentiality obligations."
                },
            ),
            Permission::Subscription | Permission::TwoFactor => (
                Severity::Warning,
                if fr {
                    "Permission non recommandée pour un secrétariat."
                } else {
                    "Permission not recommended for a secretary."
                },
            ),
            _ => return None,
        })
    }
}

/// Its [`Recommendation::id`], as every writer spells it.
impl serde::Serialize for Recommendation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl Recommendation {
    /// Its name in answers (serde's `snake_case`): `recommended`, `as_needed`…
    pub fn id(self) -> &'static str {
        match self {
            Recommendation::Recommended => "recommended",
            Recommendation::AsNeeded => "as_needed",
            Recommendation::NotRecommended => "not_recommended",
            Recommendation::Sensitive => "sensitive",
        }
    }

    /// The level as the product prints it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Recommendation::Recommended, Lang::Fr) => "Recommandé",
            (Recommendation::AsNeeded, Lang::Fr) => "Selon besoin",
            (Recommendation::NotRecommended, Lang::Fr) => "Non recommandé",
            (Recommendation::Sensitive, Lang::Fr) => "Sensible",
            (Recommendation::Recommended, Lang::En) => "Recommended",
            (Recommendation::AsNeeded, Lang::En) => "As needed",
            (Recommendation::NotRecommended, Lang::En) => "Not recommended",
            (Recommendation::Sensitive, Lang::En) => "Sensitive",
        }
    }
}
