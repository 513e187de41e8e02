//! Delegation of a doctor's account — the practice pack (RULES.md §2, rules P1–P5).
//!
//! "May she use this module of that doctor's account?" is decided here and nowhere else.

use crate::decision::{Trace, Verdict, Why};
use crate::org::{Organisation, PersonId};
use crate::permission::Permission;
use crate::time::{InForce, Instant};

/// P3: `login_as_doctor` is never in effect for an external secretary or a third-party provider.
pub(crate) fn may_log_in_as_doctor(external: bool) -> bool {
    !external
}

/// P2: `login_as_doctor`, when she holds it and may use it (P3), opens every module of the doctor's
/// account.
pub(crate) fn login_opens_every_module(holds_login: bool, external: bool) -> bool {
    holds_login && may_log_in_as_doctor(external)
}

/// P4: the module `permission` lives in, when she does not hold it — without it the permission
/// opens nothing by itself. `holds` says which permissions she holds (in force at `now` when
/// deciding, written in the file when linting).
pub(crate) fn module_missing(
    permission: Permission,
    holds: impl Fn(Permission) -> bool,
) -> Option<Permission> {
    permission.needs_module().filter(|&module| !holds(module))
}

/// P1–P5: `practice.<permission>` on `doctor:<id>`.
pub(crate) fn decide<T: Trace>(
    org: &Organisation,
    secretary: PersonId,
    doctor: PersonId,
    permission: Permission,
    now: Option<Instant>,
    t: &mut T,
) -> Verdict {
    let s = org.person(secretary);
    if !s.is_active() {
        t.note(false, Why::NotActive { person: secretary });
        return Verdict::deny(Why::NotActive { person: secretary });
    }
    t.note(true, Why::Active { person: secretary });
    if !org.person(doctor).is_active() {
        t.note(false, Why::DoctorNotActive { doctor });
        return Verdict::deny(Why::DoctorNotActive { doctor });
    }
    let Some(access) = org.access_between(secretary, doctor) else {
        t.note(false, Why::NoAccess { secretary, doctor });
        return Verdict::deny(Why::NoAccess { secretary, doctor });
    };
    let a = org.access(access);
    match a.window.check(now) {
        InForce::Yes => t.note(true, Why::HoldsAccess { access }),
        state => {
            t.note(false, Why::AccessNotInForce { access, state });
            return Verdict::deny(Why::AccessNotInForce { access, state });
        }
    }
    let grant = |p: Permission| {
        a.grants
            .get(p.index())
            .copied()
            .flatten()
            .map(|w| w.check(now))
    };
    let in_force = |p: Permission| grant(p) == Some(InForce::Yes);
    let login_in_force = in_force(Permission::LoginAsDoctor);

    if permission == Permission::LoginAsDoctor {
        // P2 and P3: total access to this doctor's account, never for an external secretary.
        let why = match grant(permission) {
            None => Why::NotGranted {
                access,
                permission,
                login_blocked: false,
            },
            Some(InForce::Yes) if !may_log_in_as_doctor(s.external) => {
                Why::LoginExternal { access }
            }
            Some(InForce::Yes) => {
                t.note(true, Why::Granted { access, permission });
                return Verdict::allow(Why::Granted { access, permission }).audited(doctor);
            }
            Some(state) => Why::GrantNotInForce {
                access,
                permission,
                state,
            },
        };
        t.note(false, why);
        return Verdict::deny(why);
    }

    // P1 and P4: the permission itself, and the module it lives in.
    let direct = match grant(permission) {
        None => Err(Why::NotGranted {
            access,
            permission,
            login_blocked: login_in_force && !may_log_in_as_doctor(s.external),
        }),
        Some(InForce::Yes) => {
            t.note(true, Why::Granted { access, permission });
            if let Some(module) = module_missing(permission, in_force) {
                Err(Why::ModuleMissing {
                    access,
                    permission,
                    module,
                })
            } else {
                if let Some(module) = permission.needs_module() {
                    t.note(
                        true,
                        Why::Granted {
                            access,
                            permission: module,
                        },
                    );
                }
                Ok(())
            }
        }
        Some(state) => Err(Why::GrantNotInForce {
            access,
            permission,
            state,
        }),
    };
    match direct {
        Ok(()) => {
            let verdict = Verdict::allow(Why::Granted { access, permission });
            if permission.is_audited() {
                verdict.audited(doctor)
            } else {
                verdict
            }
        }
        // P2: `login_as_doctor` opens every module of this doctor's account (audited, §6).
        Err(_) if login_opens_every_module(login_in_force, s.external) => {
            t.note(true, Why::ViaLogin { access });
            Verdict::allow(Why::ViaLogin { access }).audited(doctor)
        }
        Err(missing) => {
            t.note(false, missing);
            Verdict::deny(missing)
        }
    }
}
