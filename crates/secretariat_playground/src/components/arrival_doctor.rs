//! One doctor of a new secretary's arrival: the permissions on his account in the practice
//! application (the vendor's recommended ones pre-ticked, the sensitive ones folded behind their
//! warning, every text from the core's `Permission`), and how he is attached to her in the DCC.

use secretariat_core::{Permission, Recommendation};
use yew::prelude::*;

use crate::browser;
use crate::components::permission_warning::{rec_class, PermissionWarning};
use crate::forms::{DoctorPick, Through};
use crate::hooks::use_lang;
use crate::model::Choice;

/// The doctor as picked, and where edits go.
#[derive(Properties, PartialEq)]
pub struct ArrivalDoctorProps {
    /// The pick in the draft.
    pub pick: DoctorPick,
    /// The doctor's name.
    pub name: AttrValue,
    /// The groups she could join to be attached to him.
    pub groups: Vec<Choice>,
    /// Called with a permission and whether it is now ticked.
    pub ontoggle: Callback<(Permission, bool)>,
    /// Called with the new way he is attached.
    pub onthrough: Callback<Through>,
    /// Called when her confidentiality acknowledgement is ticked or unticked.
    pub onconfidentiality: Callback<bool>,
}

/// The doctor's card in the arrival form.
#[component]
pub fn ArrivalDoctor(props: &ArrivalDoctorProps) -> Html {
    let lang = use_lang();
    let doctor = props.pick.doctor.clone();
    let row = |p: Permission| {
        let on = props.pick.permissions.contains(&p);
        let onchange = {
            let ontoggle = props.ontoggle.clone();
            Callback::from(move |e: Event| ontoggle.emit((p, browser::checked(&e))))
        };
        let level = p.recommendation();
        html! {
            <li class={classes!("perm", on.then_some("is-on"))}>
                <div class="perm-row">
                    <label class="perm-label">
                        <input type="checkbox" checked={on} onchange={onchange}
                            data-testid={format!("arrival-perm-{doctor}-{}", p.id())} />
                        <span>{ p.label(lang) }</span>
                    </label>
                    <span class={classes!("rec", rec_class(level))}>{ level.label(lang) }</span>
                </div>
                if level == Recommendation::Sensitive || (on && level != Recommendation::Recommended) {
                    <PermissionWarning permission={p} />
                }
            </li>
        }
    };
    let (sensitive, usual): (Vec<Permission>, Vec<Permission>) = Permission::ALL
        .into_iter()
        .partition(|p| p.recommendation() == Recommendation::Sensitive);
    let sensitive_on = sensitive.iter().any(|p| props.pick.permissions.contains(p));
    let onthrough = {
        let onthrough = props.onthrough.clone();
        Callback::from(move |e: Event| {
            let v = browser::value(&e);
            onthrough.emit(match v.as_str() {
                "none" => Through::None,
                "herself" => Through::Herself,
                g => Through::Group(g.trim_start_matches("group:").to_owned()),
            });
        })
    };
    let onconfidentiality = {
        let cb = props.onconfidentiality.clone();
        Callback::from(move |e: Event| cb.emit(browser::checked(&e)))
    };
    let through = match &props.pick.through {
        Through::None => "none".to_owned(),
        Through::Herself => "herself".to_owned(),
        Through::Group(g) => format!("group:{g}"),
    };
    html! {
        <section class="arrival-doctor" data-doctor={doctor.clone()}>
            <h4>{ lang.pick("Compte de ", "Account of ") }{ props.name.clone() }</h4>
            <p class="muted small">{ lang.pick(
                "Logiciel de cabinet : les droits recommandés sont cochés ; aucun droit coché, pas d'accès.",
                "Practice application: the recommended permissions are ticked; none ticked, no access.",
            ) }</p>
            <ul class="perms">{ for usual.into_iter().map(row) }</ul>
            if props.pick.exports() {
                <label class="check">
                    <input type="checkbox" checked={props.pick.confidentiality} onchange={onconfidentiality}
                        data-testid={format!("arrival-confidentiality-{doctor}")} />
                    <span>{ lang.pick("Elle est informée de ses obligations de confidentialité (exports)", "She knows her confidentiality obligations (exports)") }</span>
                </label>
            }
            <details class="sensitive" open={sensitive_on}>
                <summary data-testid={format!("arrival-sensitive-{doctor}")}>
                    { lang.pick("Droits sensibles — lire l'avertissement avant de cocher", "Sensitive permissions — read the warning before ticking") }
                </summary>
                <ul class="perms">{ for sensitive.into_iter().map(row) }</ul>
            </details>
            <label class="field inline">
                <span>{ lang.pick("DCC : rattachement (« gérer les secrétaires » du médecin)", "DCC: affiliation (the doctor's “gérer les secrétaires”)") }</span>
                <select onchange={onthrough} data-testid={format!("arrival-through-{doctor}")}>
                    <option value="herself" selected={through == "herself"}>{ lang.pick("à elle directement", "to her directly") }</option>
                    { for props.groups.iter().map(|g| {
                        let v = format!("group:{}", g.id);
                        html! { <option value={v.clone()} selected={through == v}>{ lang.pick("par le groupe « ", "through the group “") }{ g.name.clone() }{ lang.pick(" »", "”") }</option> }
                    }) }
                    <option value="none" selected={through == "none"}>{ lang.pick("pas de rattachement", "no affiliation") }</option>
                </select>
            </label>
        </section>
    }
}
