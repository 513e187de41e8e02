//! The edit panel's practice card: one tab per doctor, and for the doctor chosen her access to his
//! account (its window, the confidentiality obligations) and its fifteen permissions. Each control
//! is one core `Change`.

use secretariat_core::Change;
use yew::prelude::*;

use crate::browser;
use crate::components::edit_panel::CardProps;
use crate::components::permission_toggle::PermissionToggle;
use crate::components::window_fields::WindowFields;
use crate::hooks::use_lang;
use crate::model::{AccessForm, Window};

/// The practice card.
#[component]
pub fn AccessCard(props: &CardProps) -> Html {
    let lang = use_lang();
    let doctor_tab = use_state(|| None::<String>);
    let accesses = &props.form.accesses;
    let chosen = (*doctor_tab)
        .clone()
        .filter(|d| accesses.iter().any(|a| a.doctor.id == *d))
        .or_else(|| {
            accesses
                .iter()
                .find(|a| a.held)
                .map(|a| a.doctor.id.clone())
        })
        .or_else(|| accesses.first().map(|a| a.doctor.id.clone()));
    let tabs = accesses.iter().map(|a| {
        let current = chosen.as_deref() == Some(a.doctor.id.as_str());
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
    let access = accesses
        .iter()
        .find(|a| chosen.as_deref() == Some(a.doctor.id.as_str()))
        .map(|a| access(a, &props.form.person.id, &props.onedit, lang));
    html! {
        <section class="card">
            <h2>{ lang.pick("Logiciel de cabinet — droits par médecin", "Practice application — permissions per doctor") }</h2>
            <div class="doctor-tabs" role="group" aria-label={lang.pick("Compte du médecin", "Doctor's account")}>{ for tabs }</div>
            { access.unwrap_or_default() }
        </section>
    }
}

/// Her access to one doctor's account.
fn access(
    a: &AccessForm,
    me: &str,
    onedit: &Callback<Change>,
    lang: secretariat_core::Lang,
) -> Html {
    let doctor = a.doctor.id.clone();
    let ids = (me.to_owned(), doctor.clone());
    let ontoggle = {
        let (s, d) = ids.clone();
        onedit.reform(move |e: Event| {
            let (secretary, doctor) = (s.clone(), d.clone());
            if browser::checked(&e) {
                Change::AddAccess {
                    secretary,
                    doctor,
                    permissions: Vec::new(),
                    valid_from: None,
                    valid_until: None,
                }
            } else {
                Change::RemoveAccess { secretary, doctor }
            }
        })
    };
    let onwindow = {
        let (s, d) = ids.clone();
        onedit.reform(move |w: Window| Change::AddAccess {
            secretary: s.clone(),
            doctor: d.clone(),
            permissions: Vec::new(),
            valid_from: w.from,
            valid_until: w.until,
        })
    };
    let onconfidential = {
        let (s, d) = ids.clone();
        onedit.reform(move |e: Event| Change::AcknowledgeConfidentiality {
            secretary: s.clone(),
            doctor: d.clone(),
            acknowledged: browser::checked(&e),
        })
    };
    let permissions = a.permissions.iter().map(|p| {
        let (s, d, id) = (ids.0.clone(), ids.1.clone(), p.permission.id().to_owned());
        let ontoggle = {
            let (s, d, id) = (s.clone(), d.clone(), id.clone());
            onedit.reform(move |on: bool| {
                let (secretary, doctor, permission) = (s.clone(), d.clone(), id.clone());
                if on {
                    Change::GrantPermission { secretary, doctor, permission, valid_from: None, valid_until: None }
                } else {
                    Change::RevokePermission { secretary, doctor, permission }
                }
            })
        };
        let onwindow = onedit.reform(move |w: Window| Change::GrantPermission {
            secretary: s.clone(),
            doctor: d.clone(),
            permission: id.clone(),
            valid_from: w.from,
            valid_until: w.until,
        });
        html! { <PermissionToggle form={p.clone()} doctor={doctor.clone()} ontoggle={ontoggle} onwindow={onwindow} /> }
    });
    html! {
        <div class="access" data-doctor={doctor.clone()}>
            <label class="check access-toggle">
                <input type="checkbox" checked={a.held} onchange={ontoggle} data-testid={format!("access-{doctor}")} />
                <span>{ lang.pick("Accès secrétariat au compte de ", "Secretary access to the account of ") }{ a.doctor.name.clone() }</span>
            </label>
            if a.held {
                <div class="sub">
                    <WindowFields window={a.window.clone()} onchange={onwindow}
                        what={format!("{} {}", lang.pick("Accès", "Access"), a.doctor.name)} />
                    <label class="check">
                        <input type="checkbox" checked={a.confidentiality} onchange={onconfidential} />
                        <span>{ lang.pick("Obligations de confidentialité reconnues (exports)", "Confidentiality obligations acknowledged (exports)") }</span>
                    </label>
                </div>
                <ul class="perms">{ for permissions }</ul>
            }
        </div>
    }
}
