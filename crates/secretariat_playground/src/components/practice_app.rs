//! A faithful mock of the practice application as she sees it: one doctor's account at a time
//! (switcher when she holds several), the menu of modules and the buttons inside them.

use std::collections::BTreeMap;
use std::rc::Rc;

use secretariat_core::{AccountView, GateItem, Request, View};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::gate::Gate;
use crate::components::icons;
use crate::hooks::use_app;
use crate::model;

/// The view to draw and how.
#[derive(Properties, PartialEq, Clone)]
pub struct PracticeAppProps {
    /// Her view, from the engine.
    pub view: Rc<View>,
    /// Show hidden elements ghosted.
    pub ghosts: bool,
    /// Called with the request of a clicked element.
    pub onexplain: Callback<Request>,
    /// Elements a trainer scenario points at (`action resource`).
    #[prop_or_default]
    pub highlight: Rc<Vec<String>>,
    /// Elements gained (`true`) or lost (`false`) by the simulated edits.
    #[prop_or_default]
    pub deltas: Rc<BTreeMap<String, bool>>,
}

/// The module a button lives in, in the product: its card on the account's home page.
fn home_of(button: &str) -> &'static str {
    match button {
        "export_patients" | "reassign_record_owner" => "patients",
        _ => "pid_billing",
    }
}

/// The practice application mock.
#[component]
pub fn PracticeApp(props: &PracticeAppProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let chosen = use_state(|| 0_usize);
    let accounts = &props.view.practice;
    let index = if *chosen < accounts.len() { *chosen } else { 0 };
    let Some(account) = accounts.get(index) else {
        return html! {
            <section class="mock practice" aria-label={lang.pick("Logiciel de cabinet", "Practice application")} data-testid="practice-app">
                { titlebar(lang.pick("Logiciel de cabinet", "Practice application")) }
                <div class="mock-empty">
                    { icons::lock() }
                    <p>{ lang.pick(
                        "Aucun accès secrétariat à un compte médecin.",
                        "No secretary access to any doctor's account.",
                    ) }</p>
                </div>
            </section>
        };
    };
    let onswitch = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let i = e
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            chosen.set(usize::try_from(i).unwrap_or(0));
        })
    };
    let gate = |item: &GateItem, class: &'static str, with_icon: bool| {
        let key = model::gate_key(&item.action, item.resource.as_deref());
        html! {
            <Gate label={item.label.clone()} shown={item.shown} ghosts={props.ghosts} audit={item.audit}
                request={model::request(&props.view.secretary.id, &item.action, item.resource.as_deref(), props.view.now.as_deref())}
                onexplain={props.onexplain.clone()}
                class={classes!(class)}
                icon={with_icon.then(|| icons::for_element(&item.id))}
                highlight={props.highlight.contains(&key)}
                delta={props.deltas.get(&key).copied()} />
        }
    };
    let button = |id: &str| account.buttons.iter().find(|b| b.id == id);
    let card = |m: &GateItem| {
        let buttons: Vec<&GateItem> = account
            .buttons
            .iter()
            .filter(|b| b.id != "login_as_doctor" && home_of(&b.id) == m.id)
            .collect();
        let any_button = buttons.iter().any(|b| b.shown);
        if !m.shown && !props.ghosts && !any_button {
            return html! {};
        }
        let key = model::gate_key(&m.action, m.resource.as_deref());
        html! {
            <div class={classes!("module-card", (!m.shown).then_some("is-ghost"),
                    props.deltas.get(&key).map(|g| if *g { "is-gained" } else { "is-lost" }))}
                data-module={m.id.clone()}>
                <div class="module-card-head">
                    { icons::for_element(&m.id) }
                    <h4>{ m.label.clone() }</h4>
                    if !m.shown { { icons::lock() } }
                </div>
                <div class="skeleton" aria-hidden="true">
                    <span></span><span></span>
                </div>
                if !buttons.is_empty() && (props.ghosts || any_button) {
                    <div class="module-toolbar">
                        { for buttons.iter().map(|b| gate(b, "action", true)) }
                    </div>
                }
            </div>
        }
    };
    html! {
        <section class="mock practice" aria-label={lang.pick("Logiciel de cabinet", "Practice application")} data-testid="practice-app">
            { titlebar(lang.pick("Logiciel de cabinet", "Practice application")) }
            <div class="practice-top">
                <span class="practice-logo">{ "cabinet" }<b>{ "+" }</b></span>
                if accounts.len() > 1 {
                    <label class="account-switch">
                        <span>{ lang.pick("Compte", "Account") }</span>
                        <select onchange={onswitch} data-testid="account-switch">
                            { for accounts.iter().enumerate().map(|(i, a)| html! {
                                <option value={i.to_string()} selected={i == index}>{ a.doctor.name.clone() }</option>
                            }) }
                        </select>
                    </label>
                } else {
                    <span class="account-name">{ account.doctor.name.clone() }</span>
                }
                <span class="spacer"></span>
                { button("login_as_doctor").map(|b| gate(b, "login-as", true)).unwrap_or_default() }
                <span class="practice-user">{ icons::user() }{ props.view.secretary.name.clone() }</span>
            </div>
            <div class="practice-body">
                <nav class="practice-menu" aria-label={lang.pick("Menu du compte", "Account menu")}>
                    { for account.menu.iter().map(|m| gate(m, "menu-item", true)) }
                    if account.menu.iter().all(|m| !m.shown) && !props.ghosts {
                        <p class="muted small">{ lang.pick("Aucun module", "No module") }</p>
                    }
                </nav>
                <div class="practice-main">
                    <h3 class="practice-title">
                        { lang.pick("Compte de ", "Account of ") }{ account.doctor.name.clone() }
                    </h3>
                    { account_summary(account, lang) }
                    <div class="module-cards">
                        { for account.menu.iter().map(card) }
                    </div>
                </div>
            </div>
        </section>
    }
}

fn titlebar(title: &str) -> Html {
    html! {
        <div class="mock-titlebar" aria-hidden="true">
            <span class="dot"></span><span class="dot"></span><span class="dot"></span>
            <span class="mock-url">{ title.to_owned() }</span>
        </div>
    }
}

fn account_summary(account: &AccountView, lang: secretariat_core::Lang) -> Html {
    let shown = account
        .menu
        .iter()
        .chain(&account.buttons)
        .filter(|i| i.shown)
        .count();
    let total = account.menu.len() + account.buttons.len();
    html! {
        <p class="muted small" data-testid="practice-summary">
            { format!("{shown}/{total} ") }
            { lang.pick("éléments du compte lui sont ouverts", "elements of the account are open to her") }
        </p>
    }
}
