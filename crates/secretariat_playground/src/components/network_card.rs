//! The edit panel's DCC card: her « secrétaire médecin » profile per 3C, the doctors attached to
//! her directly, her groups, and her doctors' roles in the RCPs. Each control is one core `Change`.

use secretariat_core::Change;
use yew::prelude::*;

use crate::components::edit_panel::CardProps;
use crate::components::group_edit::group_edit;
use crate::components::held_list::{held_list, Held};
use crate::components::rcp_roles_edit::rcp_roles_edit;
use crate::hooks::use_lang;
use crate::model::Window;

/// The DCC card.
#[component]
pub fn NetworkCard(props: &CardProps) -> Html {
    let lang = use_lang();
    let form = &props.form;
    let me = form.person.id.clone();
    let onedit = &props.onedit;
    let profiles: Vec<Held> = form
        .profiles
        .iter()
        .map(|p| Held {
            what: p.centre.clone(),
            held: p.held,
            window: p.window.clone(),
        })
        .collect();
    let onprofile = {
        let s = me.clone();
        onedit.reform(move |(centre, held): (String, Option<Window>)| {
            let secretary = s.clone();
            match held {
                Some(w) => Change::AddProfile {
                    secretary,
                    centre,
                    valid_from: w.from,
                    valid_until: w.until,
                },
                None => Change::RemoveProfile { secretary, centre },
            }
        })
    };
    let affiliations: Vec<Held> = form
        .affiliations
        .iter()
        .map(|a| Held {
            what: a.doctor.clone(),
            held: a.held,
            window: a.window.clone(),
        })
        .collect();
    let onaffiliation = {
        let s = me.clone();
        onedit.reform(move |(doctor, held): (String, Option<Window>)| {
            let (secretary, group) = (Some(s.clone()), None);
            match held {
                Some(w) => Change::AddAffiliation {
                    doctor,
                    secretary,
                    group,
                    valid_from: w.from,
                    valid_until: w.until,
                },
                None => Change::RemoveAffiliation {
                    doctor,
                    secretary,
                    group,
                },
            }
        })
    };
    html! {
        <section class="card">
            <h2>{ lang.pick("DCC — profil « secrétaire médecin » par 3C", "DCC — “secrétaire médecin” profile per 3C") }</h2>
            { held_list(&profiles, &onprofile, "profile") }
            <h3>{ lang.pick("Médecins rattachés directement", "Doctors attached directly") }</h3>
            { held_list(&affiliations, &onaffiliation, "affiliation") }
            if !form.groups.is_empty() {
                <h3>{ lang.pick("Groupes de secrétaires", "Secretary groups") }</h3>
                <ul class="plain">
                    { for form.groups.iter().map(|g| group_edit(&me, g, onedit, lang)) }
                </ul>
            }
            <h3>{ lang.pick("Rôle de ses médecins dans les RCP", "Her doctors' role in the RCPs") }</h3>
            if form.rcps.is_empty() {
                <p class="muted small">{ lang.pick("Aucun médecin ne lui est rattaché.", "No doctor is attached to her.") }</p>
            } else {
                <ul class="plain">
                    { for form.rcps.iter().map(|r| rcp_roles_edit(r, onedit, lang)) }
                </ul>
            }
        </section>
    }
}
