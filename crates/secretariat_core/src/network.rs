//! RCP inheritance — the cancer-network pack (RULES.md §3, rules D1–D7, B1, B2).
//!
//! A secretary inherits, on each RCP, the role each of her doctors holds there, only in centres
//! where her "secrétaire médecin" profile applies. Who sees which RCP, dossier, icon and tab, and
//! who may act on them, is decided here and nowhere else.

use crate::decision::{Role, Trace, Verdict, Via, Why};
use crate::file::{Category, DossierStatus};
use crate::org::{mask_bit, CentreId, DoctorLink, DossierId, Organisation, PersonId, RcpId};
use crate::request::{Action, Tab, Target};
use crate::time::{InForce, Instant};

/// Active and in category `secretaire`: the conditions on the person herself.
fn secretary_ok<T: Trace>(org: &Organisation, s: PersonId, t: &mut T) -> Result<(), Why> {
    let p = org.person(s);
    if !p.is_active() {
        t.note(false, Why::NotActive { person: s });
        return Err(Why::NotActive { person: s });
    }
    t.note(true, Why::Active { person: s });
    if p.category != Category::Secretaire {
        t.note(false, Why::CategoryNotSecretary { secretary: s });
        return Err(Why::CategoryNotSecretary { secretary: s });
    }
    t.note(true, Why::CategoryOk { secretary: s });
    Ok(())
}

/// Her profile is in force on this centre (the person conditions are checked apart).
fn profile_on<T: Trace>(
    org: &Organisation,
    s: PersonId,
    centre: CentreId,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    let profile = org
        .person(s)
        .profiles
        .iter()
        .map(|&i| org.profile(i))
        .find(|p| p.centre == centre);
    let why = match profile.map(|p| p.window.check(now)) {
        None => Err(Why::NoProfile {
            secretary: s,
            centre: Some(centre),
        }),
        Some(InForce::Yes) => Ok(Why::ProfileApplies {
            secretary: s,
            centre,
        }),
        Some(state) => Err(Why::ProfileNotInForce {
            secretary: s,
            centre,
            state,
        }),
    };
    match why {
        Ok(w) | Err(w) => t.note(why.is_ok(), w),
    }
    why
}

/// The profile applies on `centre` (RULES.md §3): active, category `secretaire`, profile in force.
pub(crate) fn applies<T: Trace>(
    org: &Organisation,
    s: PersonId,
    centre: CentreId,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    secretary_ok(org, s, t)?;
    profile_on(org, s, centre, now, t)
}

/// The profile applies on at least one centre.
pub(crate) fn applies_anywhere<T: Trace>(
    org: &Organisation,
    s: PersonId,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    secretary_ok(org, s, t)?;
    let mut nearest = Why::NoProfile {
        secretary: s,
        centre: None,
    };
    for &i in &org.person(s).profiles {
        let p = org.profile(i);
        match p.window.check(now) {
            InForce::Yes => {
                let why = Why::ProfileApplies {
                    secretary: s,
                    centre: p.centre,
                };
                t.note(true, why);
                return Ok(why);
            }
            state => {
                nearest = Why::ProfileNotInForce {
                    secretary: s,
                    centre: p.centre,
                    state,
                }
            }
        }
    }
    t.note(false, nearest);
    Err(nearest)
}

/// Her doctors in force at `now` (affiliation window holds, doctor active), with how she has each.
pub(crate) fn doctors(
    org: &Organisation,
    s: PersonId,
    now: Option<Instant>,
) -> impl Iterator<Item = Via> + '_ {
    org.doctor_links(s)
        .filter(move |l| in_force(org, l, now))
        .map(|l| via(&l))
}

/// How she has one of her doctors.
fn via(link: &DoctorLink) -> Via {
    Via {
        doctor: link.doctor,
        group: link.via,
    }
}

/// One of her doctors in force at `now`: the affiliation's window holds and the doctor is active.
fn in_force(org: &Organisation, link: &DoctorLink, now: Option<Instant>) -> bool {
    link.window.holds(now) && org.person(link.doctor).is_active()
}

/// D2/D3/D7: one of her doctors holds `role` in `rcp`, in a centre where her profile applies.
pub(crate) fn inherits<T: Trace>(
    org: &Organisation,
    s: PersonId,
    rcp: RcpId,
    role: Role,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    applies(org, s, org.rcp(rcp).centre, now, t)?;
    inherits_in_centre(org, s, rcp, role, now, t)
}

/// As [`inherits`], once the profile is known to apply on the RCP's centre.
fn inherits_in_centre<T: Trace>(
    org: &Organisation,
    s: PersonId,
    rcp: RcpId,
    role: Role,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    inherits_noting(org, s, rcp, role, now, t, &mut Asked::default())
}

/// A doctor looked for while her doctors are read for a role: the first of them in force who is
/// that doctor ([`sees`] reads her doctors once for both questions).
#[derive(Default)]
struct Asked {
    by: Option<PersonId>,
    via: Option<Via>,
}

/// As [`inherits_in_centre`], noting on the way (when it denies, having read every link) the first
/// of her doctors in force who is `asked.by`.
fn inherits_noting<T: Trace>(
    org: &Organisation,
    s: PersonId,
    rcp: RcpId,
    role: Role,
    now: Option<Instant>,
    t: &mut T,
    asked: &mut Asked,
) -> Result<Why, Why> {
    let mut nearest = Why::NoDoctorInRole {
        secretary: s,
        rcp,
        role,
    };
    let board = org.rcp(rcp);
    let holders = match role {
        Role::Participant => board.role_mask,
        Role::Animateur => board.animateur_mask,
    };
    // None of her doctors holds the role here, nor is the doctor asked for: the walk would
    // find nothing (the masks only ever say "maybe").
    let hers = org.person(s).doctor_mask;
    let by = asked.by.filter(|_| asked.via.is_none()).map_or(0, mask_bit);
    if (holders | by) & hers == 0 {
        t.note(false, nearest);
        return Err(nearest);
    }
    for link in org.doctor_links(s) {
        if asked.via.is_none() && asked.by == Some(link.doctor) && in_force(org, &link, now) {
            asked.via = Some(via(&link));
        }
        if holders & mask_bit(link.doctor) == 0 {
            continue;
        }
        let roles = board.searched(link.doctor);
        let holds = match role {
            Role::Participant => roles.participant,
            Role::Animateur => roles.animateur,
        };
        if !holds {
            continue;
        }
        let via = via(&link);
        if !org.person(link.doctor).is_active() {
            nearest = Why::DoctorNotActive {
                doctor: link.doctor,
            };
            continue;
        }
        match link.window.check(now) {
            InForce::Yes => {
                let why = Why::Inherits {
                    secretary: s,
                    via,
                    rcp,
                    role,
                };
                t.note(true, why);
                return Ok(why);
            }
            state => {
                nearest = Why::AffiliationNotInForce {
                    secretary: s,
                    via,
                    state,
                }
            }
        }
    }
    t.note(false, nearest);
    Err(nearest)
}

/// D2–D5, B2: she sees this dossier — through her déroulement (all dossiers of an RCP where one of
/// her doctors is animateur), or as a passage of one of her doctors' patients (docs/DECISIONS.md §4).
pub(crate) fn sees<T: Trace>(
    org: &Organisation,
    s: PersonId,
    dossier: DossierId,
    now: Option<Instant>,
    t: &mut T,
) -> Result<Why, Why> {
    let d = org.dossier(dossier);
    applies(org, s, org.rcp(d.rcp).centre, now, t)?;
    objection(org, dossier, t)?;
    // The first of her doctors in force who asked for it, as `doctors` lists them.
    let mut asked = Asked {
        by: d.demandeur,
        via: None,
    };
    if let Ok(why) = inherits_noting(org, s, d.rcp, Role::Animateur, now, t, &mut asked) {
        return Ok(why);
    }
    match asked.via {
        Some(via) => {
            let why = Why::Demandeur {
                secretary: s,
                via,
                dossier,
            };
            t.note(true, why);
            Ok(why)
        }
        None => {
            let why = Why::NotVisible {
                secretary: s,
                dossier,
            };
            t.note(false, why);
            Err(why)
        }
    }
}

/// B2: the patient's objection beats every inherited grant.
fn objection<T: Trace>(org: &Organisation, dossier: DossierId, t: &mut T) -> Result<(), Why> {
    if org.dossier(dossier).objection {
        t.note(false, Why::Objection { dossier });
        return Err(Why::Objection { dossier });
    }
    Ok(())
}

fn status<T: Trace>(
    org: &Organisation,
    dossier: DossierId,
    needed: DossierStatus,
    t: &mut T,
) -> Result<Why, Why> {
    if org.dossier(dossier).status == needed {
        let why = Why::StatusIs {
            dossier,
            status: needed,
        };
        t.note(true, why);
        Ok(why)
    } else {
        let why = Why::WrongStatus { dossier, needed };
        t.note(false, why);
        Err(why)
    }
}

/// `session` strictly after `now`; without either, judged on status alone (docs/DECISIONS.md §2).
fn before(session: Option<Instant>, now: Option<Instant>) -> bool {
    match (session, now) {
        (Some(session), Some(now)) => session > now,
        _ => true,
    }
}

fn verdict(result: Result<Why, Why>) -> Verdict {
    match result {
        Ok(why) => Verdict::allow(why),
        Err(why) => Verdict::deny(why),
    }
}

fn both(first: Result<Why, Why>, second: impl FnOnce() -> Result<Why, Why>) -> Verdict {
    match first {
        Err(why) => Verdict::deny(why),
        Ok(why) => match second() {
            Ok(also) => Verdict::allow(why).with(also),
            Err(missing) => Verdict::deny(missing),
        },
    }
}

/// Every DCC action of a secretary (D1–D6).
pub(crate) fn decide<T: Trace>(
    org: &Organisation,
    s: PersonId,
    action: Action,
    target: Target,
    now: Option<Instant>,
    t: &mut T,
) -> Verdict {
    let on_centre = |t: &mut T| match target {
        Target::Centre(c) => applies(org, s, c, now, t),
        _ => applies_anywhere(org, s, now, t),
    };
    match (action, target) {
        (Action::Icon(icon), _) => {
            if !icon.for_secretaries() {
                t.note(false, Why::IconHidden { icon });
                return Verdict::deny(Why::IconHidden { icon });
            }
            verdict(on_centre(t))
        }
        (Action::Tab(tab), _) => {
            if tab != Tab::RcpPassages {
                t.note(false, Why::TabHidden { tab });
                return Verdict::deny(Why::TabHidden { tab });
            }
            verdict(on_centre(t))
        }
        (Action::PatientAdd, Target::Centre(c)) => verdict(applies(org, s, c, now, t)),
        (Action::AgendaView, Target::Rcp(r)) => {
            verdict(inherits(org, s, r, Role::Participant, now, t))
        }
        (Action::SessionView, Target::Rcp(r)) => {
            verdict(inherits(org, s, r, Role::Animateur, now, t))
        }
        (Action::RegisterPatient, Target::Rcp(r)) => {
            let sees_rcp = match inherits(org, s, r, Role::Participant, now, t) {
                Ok(why) => Ok(why),
                Err(
                    Why::NoDoctorInRole { .. }
                    | Why::AffiliationNotInForce { .. }
                    | Why::DoctorNotActive { .. },
                ) => inherits_in_centre(org, s, r, Role::Animateur, now, t),
                Err(why) => Err(why),
            };
            both(sees_rcp, || {
                let why = if before(org.rcp(r).next_session, now) {
                    Ok(Why::RcpBeforeSession { rcp: r })
                } else {
                    Err(Why::RcpSessionPassed { rcp: r })
                };
                match why {
                    Ok(w) | Err(w) => t.note(why.is_ok(), w),
                }
                why
            })
        }
        (Action::DossierView | Action::AddDocument, Target::Dossier(d)) => {
            verdict(sees(org, s, d, now, t))
        }
        (Action::Unregister, Target::Dossier(d)) => both(sees(org, s, d, now, t), || {
            status(org, d, DossierStatus::Registered, t)?;
            let why = if before(org.dossier(d).session, now) {
                Ok(Why::BeforeSession { dossier: d })
            } else {
                Err(Why::SessionPassed { dossier: d })
            };
            match why {
                Ok(w) | Err(w) => t.note(why.is_ok(), w),
            }
            why
        }),
        (Action::SendReport, Target::Dossier(d)) => both(sees(org, s, d, now, t), || {
            status(org, d, DossierStatus::Validated, t)
        }),
        (Action::Validate, Target::Dossier(d)) => {
            let rcp = org.dossier(d).rcp;
            let result = applies(org, s, org.rcp(rcp).centre, now, t)
                .and_then(|_| objection(org, d, t))
                .and_then(|()| inherits_in_centre(org, s, rcp, Role::Animateur, now, t));
            verdict(result)
        }
        // `resolve` only builds the pairs above; anything else is refused, never allowed.
        _ => Verdict::deny(Why::NoProfile {
            secretary: s,
            centre: None,
        }),
    }
}
