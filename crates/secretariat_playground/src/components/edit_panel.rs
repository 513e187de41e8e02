//! The edit panel: every setting of the selected secretary that an admin can ask to change, as
//! written in the file. Each control dispatches one `Change`; nothing is decided here.

use secretariat_core::file::{Category, Status};
use secretariat_core::{Change, RcpRole};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::permission_toggle::PermissionToggle;
use crate::components::window_fields::WindowFields;
use crate::hooks::use_app;
use crate::model::{self, SecretaryForm, Window};
use crate::state::Action;

/// The panel edits the selected secretary of the shared state.
#[derive(Properties, PartialEq)]
pub struct EditPanelProps {}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

/// The edit panel.
#[component]
pub fn EditPanel(_props: &EditPanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let doctor_tab = use_state(|| None::<String>);
    let Some(form) = app
        .selected
        .as_deref()
        .and_then(|id| SecretaryForm::read(&app.current, id))
    else {
        return html! { <p class="empty">{ lang.pick("Choisissez une secrétaire.", "Choose a secretary.") }</p> };
    };
    let me = form.person.id.clone();
    let chosen_doctor = (*doctor_tab)
        .clone()
        .filter(|d| form.accesses.iter().any(|a| a.doctor.id == *d))
        .or_else(|| {
            form.accesses
                .iter()
                .find(|a| a.held)
                .map(|a| a.doctor.id.clone())
        })
        .or_else(|| form.accesses.first().map(|a| a.doctor.id.clone()));
    let edit = {
        let app = app.clone();
        move |c: Change| app.dispatch(Action::Edit(c))
    };
    // Account.
    let onstatus = |status: Status| {
        let edit = edit.clone();
        let person = me.clone();
        Callback::from(move |_: Event| {
            let person = person.clone();
            edit(match status {
                Status::Active => Change::Reactivate { person },
                Status::Suspended => Change::Suspend { person },
                Status::Deleted => Change::Departure { person },
            });
        })
    };
    let oncategory = {
        let edit = edit.clone();
        let person = me.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let category = if v == "secretaire" {
                Category::Secretaire
            } else {
                Category::Medecin
            };
            edit(Change::SetCategory {
                person: person.clone(),
                category,
            });
        })
    };
    let onexternal = {
        let edit = edit.clone();
        let person = me.clone();
        Callback::from(move |e: Event| {
            edit(Change::SetExternal {
                person: person.clone(),
                external: checked(&e),
            })
        })
    };
    let status_radio = |status: Status| {
        html! {
            <label class="radio">
                <input type="radio" name="status" checked={form.status == status} onchange={onstatus(status)}
                    data-testid={format!("status-{status:?}").to_lowercase()} />
                <span>{ status.label(lang) }</span>
            </label>
        }
    };
    // Practice accesses.
    let doctor_tabs = form.accesses.iter().map(|a| {
        let current = chosen_doctor.as_deref() == Some(a.doctor.id.as_str());
        let onclick = {
            let doctor_tab = doctor_tab.clone();
            let id = a.doctor.id.clone();
            Callback::from(move |_: MouseEvent| doctor_tab.set(Some(id.clone())))
        };
        let granted = a.permissions.iter().filter(|p| p.granted).count();
        html! {
            <button type="button" class={classes!("doctor-tab", current.then_some("is-current"))}
                aria-pressed={current.to_string()} onclick={onclick} data-testid={format!("doctor-tab-{}", a.doctor.id)}>
                <span>{ a.doctor.name.clone() }</span>
                <span class={classes!("pill", if a.held { "pill-ok" } else { "pill-neutral" })}>
                    { if a.held { granted.to_string() } else { "—".to_owned() } }
                </span>
            </button>
        }
    });
    let accesses = form.accesses.iter().filter(|a| chosen_doctor.as_deref() == Some(a.doctor.id.as_str())).map(|a| {
        let doctor = a.doctor.id.clone();
        let ontoggle_access = {
            let edit = edit.clone();
            let (s, d) = (me.clone(), doctor.clone());
            Callback::from(move |e: Event| {
                let (secretary, doctor) = (s.clone(), d.clone());
                edit(if checked(&e) {
                    Change::AddAccess { secretary, doctor, permissions: Vec::new(), valid_from: None, valid_until: None }
                } else {
                    Change::RemoveAccess { secretary, doctor }
                });
            })
        };
        let onaccess_window = {
            let edit = edit.clone();
            let (s, d) = (me.clone(), doctor.clone());
            Callback::from(move |w: Window| {
                edit(Change::AddAccess { secretary: s.clone(), doctor: d.clone(), permissions: Vec::new(), valid_from: w.from, valid_until: w.until });
            })
        };
        let onconfidential = {
            let edit = edit.clone();
            let (s, d) = (me.clone(), doctor.clone());
            Callback::from(move |e: Event| {
                edit(Change::AcknowledgeConfidentiality { secretary: s.clone(), doctor: d.clone(), acknowledged: checked(&e) });
            })
        };
        html! {
            <div class="access" data-doctor={doctor.clone()}>
                <label class="check access-toggle">
                    <input type="checkbox" checked={a.held} onchange={ontoggle_access} data-testid={format!("access-{doctor}")} />
                    <span>{ lang.pick("Accès secrétariat au compte de ", "Secretary access to the account of ") }{ a.doctor.name.clone() }</span>
                </label>
                if a.held {
                    <div class="sub">
                        <WindowFields window={a.window.clone()} onchange={onaccess_window}
                            what={format!("{} {}", lang.pick("Accès", "Access"), a.doctor.name)} />
                        <label class="check">
                            <input type="checkbox" checked={a.confidentiality} onchange={onconfidential} />
                            <span>{ lang.pick("Obligations de confidentialité reconnues (exports)", "Confidentiality obligations acknowledged (exports)") }</span>
                        </label>
                    </div>
                    <ul class="perms">
                        { for a.permissions.iter().map(|p| {
                            let id = p.permission.id().to_owned();
                            let ontoggle = {
                                let edit = edit.clone();
                                let (s, d, id) = (me.clone(), doctor.clone(), id.clone());
                                Callback::from(move |on: bool| {
                                    let (secretary, doctor, permission) = (s.clone(), d.clone(), id.clone());
                                    edit(if on {
                                        Change::GrantPermission { secretary, doctor, permission, valid_from: None, valid_until: None }
                                    } else {
                                        Change::RevokePermission { secretary, doctor, permission }
                                    });
                                })
                            };
                            let onwindow = {
                                let edit = edit.clone();
                                let (s, d, id) = (me.clone(), doctor.clone(), id.clone());
                                Callback::from(move |w: Window| {
                                    edit(Change::GrantPermission { secretary: s.clone(), doctor: d.clone(), permission: id.clone(), valid_from: w.from, valid_until: w.until });
                                })
                            };
                            html! { <PermissionToggle form={p.clone()} doctor={doctor.clone()} ontoggle={ontoggle} onwindow={onwindow} /> }
                        }) }
                    </ul>
                }
            </div>
        }
    });
    // Network: profiles.
    let profiles = form.profiles.iter().map(|p| {
        let centre = p.centre.id.clone();
        let ontoggle = {
            let edit = edit.clone();
            let (s, c) = (me.clone(), centre.clone());
            Callback::from(move |e: Event| {
                let (secretary, centre) = (s.clone(), c.clone());
                edit(if checked(&e) {
                    Change::AddProfile { secretary, centre, valid_from: None, valid_until: None }
                } else {
                    Change::RemoveProfile { secretary, centre }
                });
            })
        };
        let onwindow = {
            let edit = edit.clone();
            let (s, c) = (me.clone(), centre.clone());
            Callback::from(move |w: Window| {
                edit(Change::AddProfile { secretary: s.clone(), centre: c.clone(), valid_from: w.from, valid_until: w.until });
            })
        };
        html! {
            <li class="row-edit">
                <label class="check">
                    <input type="checkbox" checked={p.held} onchange={ontoggle} data-testid={format!("profile-{centre}")} />
                    <span>{ p.centre.name.clone() }</span>
                </label>
                if p.held {
                    <WindowFields window={p.window.clone()} onchange={onwindow} what={p.centre.name.clone()} />
                }
            </li>
        }
    });
    // Network: direct affiliations.
    let affiliations = form.affiliations.iter().map(|a| {
        let doctor = a.doctor.id.clone();
        let ontoggle = {
            let edit = edit.clone();
            let (s, d) = (me.clone(), doctor.clone());
            Callback::from(move |e: Event| {
                let (secretary, doctor) = (Some(s.clone()), d.clone());
                edit(if checked(&e) {
                    Change::AddAffiliation { doctor, secretary, group: None, valid_from: None, valid_until: None }
                } else {
                    Change::RemoveAffiliation { doctor, secretary, group: None }
                });
            })
        };
        let onwindow = {
            let edit = edit.clone();
            let (s, d) = (me.clone(), doctor.clone());
            Callback::from(move |w: Window| {
                edit(Change::AddAffiliation { doctor: d.clone(), secretary: Some(s.clone()), group: None, valid_from: w.from, valid_until: w.until });
            })
        };
        html! {
            <li class="row-edit">
                <label class="check">
                    <input type="checkbox" checked={a.held} onchange={ontoggle} data-testid={format!("affiliation-{doctor}")} />
                    <span>{ a.doctor.name.clone() }</span>
                </label>
                if a.held {
                    <WindowFields window={a.window.clone()} onchange={onwindow} what={a.doctor.name.clone()} />
                }
            </li>
        }
    });
    // Groups.
    let groups = form.groups.iter().map(|g| {
        let group = g.group.id.clone();
        let onmember = {
            let edit = edit.clone();
            let (p, gid) = (me.clone(), group.clone());
            Callback::from(move |e: Event| {
                let (person, group) = (p.clone(), gid.clone());
                edit(if checked(&e) { Change::AddGroupMember { group, person } } else { Change::RemoveGroupMember { group, person } });
            })
        };
        html! {
            <li class="group-edit">
                <label class="check">
                    <input type="checkbox" checked={g.member} onchange={onmember} data-testid={format!("member-{group}")} />
                    <span>{ lang.pick("Membre de « ", "Member of “") }{ g.group.name.clone() }{ lang.pick(" »", "”") }</span>
                </label>
                <p class="muted small">{ lang.pick("Médecins rattachés au groupe :", "Doctors attached to the group:") }</p>
                <ul class="inline-checks">
                    { for g.doctors.iter().map(|(d, attached)| {
                        let ontoggle = {
                            let edit = edit.clone();
                            let (dd, gid) = (d.id.clone(), group.clone());
                            Callback::from(move |e: Event| {
                                let (doctor, group) = (dd.clone(), Some(gid.clone()));
                                edit(if checked(&e) {
                                    Change::AddAffiliation { doctor, secretary: None, group, valid_from: None, valid_until: None }
                                } else {
                                    Change::RemoveAffiliation { doctor, secretary: None, group }
                                });
                            })
                        };
                        html! {
                            <li><label class="check">
                                <input type="checkbox" checked={*attached} onchange={ontoggle} />
                                <span>{ d.name.clone() }</span>
                            </label></li>
                        }
                    }) }
                </ul>
            </li>
        }
    });
    // RCP roles of her doctors.
    let roles = form.rcps.iter().map(|r| {
        html! {
            <li class="rcp-roles">
                <p class="rcp-roles-head"><strong>{ r.rcp.name.clone() }</strong>{ " · " }<span class="muted">{ r.centre.clone() }</span></p>
                { for r.roles.iter().map(|(d, role)| {
                    let onchange = {
                        let edit = edit.clone();
                        let (rcp, doctor) = (r.rcp.id.clone(), d.id.clone());
                        Callback::from(move |e: Event| {
                            let role = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                                "participant" => RcpRole::Participant,
                                "animateur" => RcpRole::Animateur,
                                "both" => RcpRole::Both,
                                _ => RcpRole::None,
                            };
                            edit(Change::SetRcpRole { rcp: rcp.clone(), doctor: doctor.clone(), role });
                        })
                    };
                    html! {
                        <label class="field inline">
                            <span>{ d.name.clone() }</span>
                            <select onchange={onchange} data-testid={format!("role-{}-{}", r.rcp.id, d.id)}>
                                { for [RcpRole::None, RcpRole::Participant, RcpRole::Animateur, RcpRole::Both].into_iter().map(|x| {
                                    let v = match x { RcpRole::None => "none", RcpRole::Participant => "participant", RcpRole::Animateur => "animateur", RcpRole::Both => "both" };
                                    html! { <option value={v} selected={x == *role}>{ model::role_label(x, lang) }</option> }
                                }) }
                            </select>
                        </label>
                    }
                }) }
            </li>
        }
    });
    html! {
        <div class="edit-panel" data-testid="edit-panel">
            <section class="card">
                <h2>{ lang.pick("Compte", "Account") }{ " — " }{ form.person.name.clone() }</h2>
                <fieldset class="radios">
                    <legend>{ lang.pick("Statut", "Status") }</legend>
                    { status_radio(Status::Active) }
                    { status_radio(Status::Suspended) }
                    { status_radio(Status::Deleted) }
                </fieldset>
                <div class="row-wrap">
                    <label class="field inline">
                        <span>{ lang.pick("Catégorie (annuaire du DCC)", "Category (DCC directory)") }</span>
                        <select onchange={oncategory} data-testid="category">
                            <option value="medecin" selected={form.category == Category::Medecin}>{ Category::Medecin.label(lang) }</option>
                            <option value="secretaire" selected={form.category == Category::Secretaire}>{ Category::Secretaire.label(lang) }</option>
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" checked={form.external} onchange={onexternal} data-testid="external" />
                        <span>{ lang.pick("Secrétaire externe ou prestataire tiers", "External secretary or third-party provider") }</span>
                    </label>
                </div>
            </section>
            <section class="card">
                <h2>{ lang.pick("Logiciel de cabinet — droits par médecin", "Practice application — permissions per doctor") }</h2>
                <div class="doctor-tabs" role="group" aria-label={lang.pick("Compte du médecin", "Doctor's account")}>{ for doctor_tabs }</div>
                { for accesses }
            </section>
            <section class="card">
                <h2>{ lang.pick("DCC — profil « secrétaire médecin » par 3C", "DCC — “secrétaire médecin” profile per 3C") }</h2>
                <ul class="plain">{ for profiles }</ul>
                <h3>{ lang.pick("Médecins rattachés directement", "Doctors attached directly") }</h3>
                <ul class="plain">{ for affiliations }</ul>
                if !form.groups.is_empty() {
                    <h3>{ lang.pick("Groupes de secrétaires", "Secretary groups") }</h3>
                    <ul class="plain">{ for groups }</ul>
                }
                <h3>{ lang.pick("Rôle de ses médecins dans les RCP", "Her doctors' role in the RCPs") }</h3>
                if form.rcps.is_empty() {
                    <p class="muted small">{ lang.pick("Aucun médecin ne lui est rattaché.", "No doctor is attached to her.") }</p>
                } else {
                    <ul class="plain">{ for roles }</ul>
                }
            </section>
        </div>
    }
}
