//! One RCP in the edit panel: the role each of her doctors holds in it (none, participant,
//! animateur, both).

use secretariat_core::{Change, Lang, RcpRole};
use yew::prelude::*;

use crate::browser;
use crate::model::{self, RcpRolesForm};

/// The roles, in the order of a select, with their option values.
pub const ROLES: [(RcpRole, &str); 4] = [
    (RcpRole::None, "none"),
    (RcpRole::Participant, "participant"),
    (RcpRole::Animateur, "animateur"),
    (RcpRole::Both, "both"),
];

/// The role of a select's option value (none when unknown).
pub fn role_of(value: &str) -> RcpRole {
    ROLES
        .iter()
        .find(|(_, v)| *v == value)
        .map_or(RcpRole::None, |(role, _)| *role)
}

/// One RCP `r` and her doctors' roles in it; each edit goes to `onedit`. A function of the card
/// that shows it, not a component (see [`crate::components::held_list::held_list`]).
pub fn rcp_roles_edit(r: &RcpRolesForm, onedit: &Callback<Change>, lang: Lang) -> Html {
    let select = |(d, role): &(model::Choice, RcpRole)| {
        let onchange = {
            let (rcp, doctor) = (r.rcp.id.clone(), d.id.clone());
            onedit.reform(move |e: Event| {
                let role = role_of(&browser::value(&e));
                Change::SetRcpRole {
                    rcp: rcp.clone(),
                    doctor: doctor.clone(),
                    role,
                }
            })
        };
        html! {
            <label class="field inline">
                <span>{ d.name.clone() }</span>
                <select onchange={onchange} data-testid={format!("role-{}-{}", r.rcp.id, d.id)}>
                    { for ROLES.iter().map(|(x, v)| html! {
                        <option value={*v} selected={x == role}>{ model::role_label(*x, lang) }</option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <li class="rcp-roles">
            <p class="rcp-roles-head"><strong>{ r.rcp.name.clone() }</strong>{ " · " }<span class="muted">{ r.centre.clone() }</span></p>
            { for r.roles.iter().map(select) }
        </li>
    }
}
