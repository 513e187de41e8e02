//! The view of one secretary (RULES.md §6): everything she sees at once — per-doctor practice menus
//! and buttons, DCC icons and tabs, agenda and déroulement RCPs with their dossiers, the passages of
//! her doctors' patients, and the actions she may take.
//!
//! Candidates come from the indexes (so the cost follows what she sees, not the organisation's
//! size); every item shown is confirmed by the very verdict a single decision uses, so the view and
//! the decisions never disagree.

use serde::Serialize;

use crate::decision::{NoTrace, Verdict};
use crate::file::{Category, DossierStatus, Status};
use crate::lang::Lang;
use crate::org::{DossierId, Organisation, PersonId, RcpId};
use crate::permission::{Permission, Placement, Recommendation};
use crate::request::{Action, Icon, Query, Request, ResourceKind, Tab, Target};
use crate::time::Instant;
use crate::{network, reason};

/// A person, by id and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    /// Id in the file.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// Who the view is of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SecretarySummary {
    /// Id in the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Directory category.
    pub category: Category,
    /// Account status.
    pub status: Status,
    /// External secretary or third-party provider.
    pub external: bool,
}

/// Everything one secretary sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct View {
    /// Who.
    pub secretary: SecretarySummary,
    /// When (RFC 3339), if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// One entry per doctor's account she holds an access to.
    pub practice: Vec<AccountView>,
    /// The cancer-network platform.
    pub dcc: DccView,
}

/// One doctor's account in the practice application, as she sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountView {
    /// Whose account.
    pub doctor: PersonRef,
    /// Menu modules, in the product's order.
    pub menu: Vec<GateItem>,
    /// Buttons inside modules (Exporter, Supprimer MH, Connexion en tant que médecin…).
    pub buttons: Vec<GateItem>,
}

/// One element a front end gates: shown or hidden, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GateItem {
    /// Element id: the permission, icon or tab id.
    pub id: String,
    /// Label as the product prints it.
    pub label: String,
    /// The decision request that gates it.
    pub action: String,
    /// Its resource, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Shown to her.
    pub shown: bool,
    /// Use must be traced by the host (P5).
    pub audit: bool,
    /// Practice items: the vendor's recommendation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Recommendation>,
    /// Why shown or hidden.
    pub reasons: Vec<String>,
}

/// The DCC as she sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DccView {
    /// Every centre, and whether her profile applies there.
    pub centres: Vec<CentreView>,
    /// The seven icons of the platform's bar.
    pub icons: Vec<GateItem>,
    /// The three tabs of the dossiers icon.
    pub tabs: Vec<GateItem>,
    /// Agenda: RCPs where one of her doctors is participant, with her doctors' dossiers (D2).
    pub agenda: Vec<RcpView>,
    /// Déroulement: RCPs where one of her doctors is animateur, with all their dossiers (D3).
    pub session_run: Vec<RcpView>,
    /// "Passages RCP de mes patients": dossiers requested by her doctors (D5).
    pub passages: Vec<DossierView>,
    /// Centres where she may add a patient (D6).
    pub patient_add: Vec<String>,
}

/// A centre and whether her profile applies there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CentreView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Her "secrétaire médecin" profile applies here.
    pub profile_applies: bool,
}

/// One RCP in her agenda or déroulement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RcpView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Centre.
    pub centre: String,
    /// Next séance, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_session: Option<String>,
    /// Her doctors that give her this RCP.
    pub via: Vec<PersonRef>,
    /// She may register a patient (before the séance).
    pub can_register_patient: bool,
    /// The dossiers she sees in it.
    pub dossiers: Vec<DossierView>,
}

/// One dossier she sees, with what she may do on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DossierView {
    /// Id.
    pub id: String,
    /// Patient id (absent in a view from a scope, which holds none).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub patient: String,
    /// RCP id.
    pub rcp: String,
    /// Requesting doctor (from a scope, only when he is one of her doctors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demandeur: Option<PersonRef>,
    /// Séance date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Status.
    pub status: DossierStatus,
    /// What she may do.
    pub actions: DossierActions,
}

/// D6 actions on one dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DossierActions {
    /// Add a document.
    pub add_document: bool,
    /// Unregister or postpone.
    pub unregister: bool,
    /// Send the validated report.
    pub send_report: bool,
    /// Validate the fiche.
    pub validate: bool,
}

impl View {
    /// The decision request behind one of her items (`action` on `resource`), at the view's `now`:
    /// what a front end explains when the item is clicked.
    pub fn request(&self, action: &str, resource: Option<&str>) -> Request {
        let mut r = Request::new(&self.secretary.id, action, resource);
        r.now.clone_from(&self.now);
        r
    }
}

impl GateItem {
    /// The decision request that gates it, for `view`'s secretary at `view`'s `now`.
    pub fn request(&self, view: &View) -> Request {
        view.request(&self.action, self.resource.as_deref())
    }
}

impl CentreView {
    /// Its resource in a decision request (`centre:<id>`).
    pub fn resource(&self) -> String {
        format!("{}:{}", ResourceKind::Centre.prefix(), self.id)
    }
}

impl RcpView {
    /// The resource `rcp:<id>` of the RCP named `id`, shown or not.
    pub fn resource_of(id: &str) -> String {
        format!("{}:{}", ResourceKind::Rcp.prefix(), id)
    }

    /// Its resource in a decision request.
    pub fn resource(&self) -> String {
        RcpView::resource_of(&self.id)
    }

    /// "Register a patient" (D6) and whether she may.
    pub fn register_patient(&self) -> (Action, bool) {
        (Action::RegisterPatient, self.can_register_patient)
    }
}

impl DossierView {
    /// The resource `dossier:<id>` of the dossier named `id`, shown or not.
    pub fn resource_of(id: &str) -> String {
        format!("{}:{}", ResourceKind::Dossier.prefix(), id)
    }

    /// Its resource in a decision request.
    pub fn resource(&self) -> String {
        DossierView::resource_of(&self.id)
    }

    /// The D6 actions on it, in the product's order, each with whether she may: add a document,
    /// unregister, send the report, validate.
    pub fn actions(&self) -> [(Action, bool); 4] {
        let a = self.actions;
        [
            (Action::AddDocument, a.add_document),
            (Action::Unregister, a.unregister),
            (Action::SendReport, a.send_report),
            (Action::Validate, a.validate),
        ]
    }
}

impl Organisation {
    /// Everything secretary `id` sees at `now`, in `lang`. `None` where
    /// [`Organisation::principal`] refuses her: no person has that id, or, from a scope, she is
    /// not its secretary (a scope answers only for her).
    pub fn view(&self, id: &str, now: Option<Instant>, lang: Lang) -> Option<View> {
        let s = self.principal(id).ok()?.person();
        Some(
            ViewBuilder {
                org: self,
                s,
                now,
                lang,
            }
            .build(),
        )
    }

    /// A person as views, pickers and simulations name her: id and name.
    pub(crate) fn person_ref(&self, p: PersonId) -> PersonRef {
        let x = self.person(p);
        PersonRef {
            id: x.id.clone(),
            name: x.name.clone(),
        }
    }
}

struct ViewBuilder<'a> {
    org: &'a Organisation,
    s: PersonId,
    now: Option<Instant>,
    lang: Lang,
}

impl ViewBuilder<'_> {
    fn verdict(&self, action: Action, target: Target) -> Verdict {
        let q = Query {
            principal: self.s,
            action,
            target,
            now: self.now,
        };
        self.org.verdict(&q, &mut NoTrace)
    }

    fn allowed(&self, action: Action, target: Target) -> bool {
        self.verdict(action, target).is_allow()
    }

    fn item(
        &self,
        id: &str,
        label: &str,
        action: Action,
        target: Target,
        resource: Option<String>,
    ) -> GateItem {
        let v = self.verdict(action, target);
        let reasons = reason::of_verdict(self.org, &v, self.lang);
        GateItem {
            id: id.to_owned(),
            label: label.to_owned(),
            action: action.name(),
            resource,
            shown: v.is_allow(),
            audit: v.is_allow() && v.on_behalf_of.is_some(),
            recommendation: match action {
                Action::Practice(p) => Some(p.recommendation()),
                _ => None,
            },
            reasons,
        }
    }

    fn build(&self) -> View {
        let p = self.org.person(self.s);
        View {
            secretary: SecretarySummary {
                id: p.id.clone(),
                name: p.name.clone(),
                category: p.category,
                status: p.status,
                external: p.external,
            },
            now: self.now.map(|t| t.to_string()),
            practice: self.practice(),
            dcc: self.dcc(),
        }
    }

    fn practice(&self) -> Vec<AccountView> {
        let p = self.org.person(self.s);
        let mut accounts = Vec::with_capacity(p.accesses.len());
        for &a in &p.accesses {
            let doctor = self.org.access(a).doctor;
            let resource = format!("doctor:{}", self.org.person(doctor).id);
            let (mut menu, mut buttons) = (Vec::new(), Vec::new());
            for perm in Permission::ALL {
                let item = self.item(
                    perm.id(),
                    perm.label(self.lang),
                    Action::Practice(perm),
                    Target::Person(doctor),
                    Some(resource.clone()),
                );
                match perm.placement() {
                    Placement::Menu => menu.push(item),
                    Placement::Button => buttons.push(item),
                }
            }
            accounts.push(AccountView {
                doctor: self.org.person_ref(doctor),
                menu,
                buttons,
            });
        }
        accounts
    }

    fn dcc(&self) -> DccView {
        let org = self.org;
        // Loops rather than `collect()`: each `collect()` is one more copy of the collecting code
        // in the gate module.
        let mut centres = Vec::new();
        let mut patient_add = Vec::new();
        for c in org.centre_ids() {
            centres.push(CentreView {
                id: org.centre(c).id.clone(),
                name: org.centre(c).name.clone(),
                profile_applies: network::applies(org, self.s, c, self.now, &mut NoTrace).is_ok(),
            });
        }
        for c in org.centre_ids() {
            if self.allowed(Action::PatientAdd, Target::Centre(c)) {
                patient_add.push(org.centre(c).id.clone());
            }
        }
        let (mut icons, mut tabs) = (Vec::new(), Vec::new());
        for &i in Icon::ALL.iter() {
            self.push_dcc_item(&mut icons, i.id(), i.label(self.lang), Action::Icon(i));
        }
        for &t in Tab::ALL.iter() {
            self.push_dcc_item(&mut tabs, t.id(), t.label(self.lang), Action::Tab(t));
        }

        // Candidate RCPs: those where one of her doctors in force holds a role.
        let mut doctors = Vec::new();
        doctors.extend(network::doctors(org, self.s, self.now));
        let mut rcps: Vec<RcpId> = Vec::new();
        for v in &doctors {
            rcps.extend_from_slice(&org.person(v.doctor).rcps);
        }
        crate::sorted::sort(&mut rcps);
        rcps.dedup();
        let via = |rcp: RcpId, animateur: bool| -> Vec<PersonRef> {
            let mut out: Vec<PersonRef> = Vec::new();
            for v in &doctors {
                let roles = org.roles(rcp, v.doctor);
                let holds = if animateur {
                    roles.animateur
                } else {
                    roles.participant
                };
                if holds && !out.iter().any(|p| p.id == org.person(v.doctor).id) {
                    out.push(self.org.person_ref(v.doctor));
                }
            }
            out
        };
        let mut agenda = Vec::new();
        let mut session_run = Vec::new();
        for &rcp in &rcps {
            if self.allowed(Action::AgendaView, Target::Rcp(rcp)) {
                let mut dossiers = Vec::new();
                for &d in &org.rcp(rcp).dossiers {
                    if doctors
                        .iter()
                        .any(|v| Some(v.doctor) == org.dossier(d).demandeur)
                    {
                        self.push_dossier(&mut dossiers, d);
                    }
                }
                agenda.push(self.rcp_view(rcp, via(rcp, false), dossiers));
            }
            if self.allowed(Action::SessionView, Target::Rcp(rcp)) {
                let mut dossiers = Vec::new();
                for &d in &org.rcp(rcp).dossiers {
                    self.push_dossier(&mut dossiers, d);
                }
                session_run.push(self.rcp_view(rcp, via(rcp, true), dossiers));
            }
        }
        let mut requested: Vec<DossierId> = Vec::new();
        for v in &doctors {
            requested.extend_from_slice(&org.person(v.doctor).requested);
        }
        crate::sorted::sort(&mut requested);
        requested.dedup();
        let mut passages = Vec::new();
        for d in requested {
            if self.allowed(
                Action::Tab(Tab::RcpPassages),
                Target::Centre(org.rcp(org.dossier(d).rcp).centre),
            ) {
                self.push_dossier(&mut passages, d);
            }
        }
        DccView {
            centres,
            icons,
            tabs,
            agenda,
            session_run,
            passages,
            patient_add,
        }
    }

    fn rcp_view(&self, rcp: RcpId, via: Vec<PersonRef>, dossiers: Vec<DossierView>) -> RcpView {
        let r = self.org.rcp(rcp);
        let entry = self.org.rcp_entry(rcp);
        RcpView {
            id: entry.id.clone(),
            name: entry.name.clone(),
            centre: self.org.centre(r.centre).id.clone(),
            next_session: r.next_session.map(|t| t.to_string()),
            via,
            can_register_patient: self.allowed(Action::RegisterPatient, Target::Rcp(rcp)),
            dossiers,
        }
    }

    /// Adds a DCC icon or tab (no target, no resource).
    fn push_dcc_item(&self, out: &mut Vec<GateItem>, id: &str, label: &str, action: Action) {
        out.push(self.item(id, label, action, Target::None, None));
    }

    /// Adds the dossier as she sees it, when she sees it.
    fn push_dossier(&self, out: &mut Vec<DossierView>, d: DossierId) {
        if let Some(view) = self.dossier(d) {
            out.push(view);
        }
    }

    /// The dossier as she sees it, or `None` when she does not see it.
    fn dossier(&self, d: DossierId) -> Option<DossierView> {
        let t = Target::Dossier(d);
        if !self.allowed(Action::DossierView, t) {
            return None;
        }
        let x = self.org.dossier(d);
        Some(DossierView {
            id: x.id.clone(),
            patient: x.patient.clone(),
            rcp: self.org.rcp_entry(x.rcp).id.clone(),
            demandeur: x.demandeur.map(|p| self.org.person_ref(p)),
            session: x.session.map(|t| t.to_string()),
            status: x.status,
            actions: DossierActions {
                add_document: self.allowed(Action::AddDocument, t),
                unregister: self.allowed(Action::Unregister, t),
                send_report: self.allowed(Action::SendReport, t),
                validate: self.allowed(Action::Validate, t),
            },
        })
    }
}
