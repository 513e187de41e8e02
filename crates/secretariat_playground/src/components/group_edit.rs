//! One secretary group in the edit panel: her membership, and the doctors attached to the group.

use secretariat_core::{Change, Lang};
use yew::prelude::*;

use crate::browser;
use crate::model::GroupForm;

/// One group `g` and `secretary`'s membership; each edit goes to `onedit`. A function of the card
/// that shows it, not a component (see [`crate::components::held_list::held_list`]).
pub fn group_edit(secretary: &str, g: &GroupForm, onedit: &Callback<Change>, lang: Lang) -> Html {
    let group = g.group.id.clone();
    let onmember = {
        let (person, group) = (secretary.to_owned(), group.clone());
        onedit.reform(move |e: Event| {
            let (person, group) = (person.clone(), group.clone());
            if browser::checked(&e) {
                Change::AddGroupMember { group, person }
            } else {
                Change::RemoveGroupMember { group, person }
            }
        })
    };
    let doctor = |(d, attached): &(crate::model::Choice, bool)| {
        let ontoggle = {
            let (doctor, group) = (d.id.clone(), Some(group.clone()));
            onedit.reform(move |e: Event| {
                let (doctor, group) = (doctor.clone(), group.clone());
                if browser::checked(&e) {
                    Change::AddAffiliation {
                        doctor,
                        secretary: None,
                        group,
                        valid_from: None,
                        valid_until: None,
                    }
                } else {
                    Change::RemoveAffiliation {
                        doctor,
                        secretary: None,
                        group,
                    }
                }
            })
        };
        html! {
            <li><label class="check">
                <input type="checkbox" checked={*attached} onchange={ontoggle} />
                <span>{ d.name.clone() }</span>
            </label></li>
        }
    };
    html! {
        <li class="group-edit">
            <label class="check">
                <input type="checkbox" checked={g.member} onchange={onmember} data-testid={format!("member-{group}")} />
                <span>{ lang.pick("Membre de « ", "Member of “") }{ g.group.name.clone() }{ lang.pick(" »", "”") }</span>
            </label>
            <p class="muted small">{ lang.pick("Médecins rattachés au groupe :", "Doctors attached to the group:") }</p>
            <ul class="inline-checks">{ for g.doctors.iter().map(doctor) }</ul>
        </li>
    }
}
