//! A faithful mock of the practice application as she sees it: one doctor's account at a time
//! (switcher when she holds several), the menu of modules and the buttons inside them.

use secretariat_core::{AccountView, GateItem, Permission};
use yew::prelude::*;

use crate::browser;
use crate::components::gate::Gating;
use crate::components::icons;
use crate::hooks::use_lang;

/// The view to draw and how.
#[derive(Properties, PartialEq, Clone)]
pub struct PracticeAppProps {
    /// Her view and how its elements are drawn.
    pub gating: Gating,
}

/// The module a button lives in, as the core places it (P4): its card on the account's home page;
/// `None` for a button of the whole account (in the top bar).
fn module_of(button: &GateItem) -> Option<&'static str> {
    Permission::from_id(&button.id)
        .and_then(Permission::needs_module)
        .map(Permission::id)
}

/// The practice application mock.
#[component]
pub fn PracticeApp(props: &PracticeAppProps) -> Html {
    let lang = use_lang();
    let chosen = use_state(|| 0_usize);
    let gating = &props.gating;
    let accounts = &gating.view.practice;
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
        Callback::from(move |e: Event| chosen.set(browser::selected_index(&e)))
    };
    let card = |m: &GateItem| {
        let buttons: Vec<&GateItem> = account
            .buttons
            .iter()
            .filter(|b| module_of(b) == Some(m.id.as_str()))
            .collect();
        let any_button = buttons.iter().any(|b| b.shown);
        if !m.shown && !gating.ghosts && !any_button {
            return html! {};
        }
        html! {
            <div class={classes!("module-card", (!m.shown).then_some("is-ghost"),
                    gating.delta(&m.action, m.resource.as_deref()))}
                data-module={m.id.clone()}>
                <div class="module-card-head">
                    { icons::for_element(&m.id) }
                    <h4>{ m.label.clone() }</h4>
                    if !m.shown { { icons::lock() } }
                </div>
                <div class="skeleton" aria-hidden="true">
                    <span></span><span></span>
                </div>
                if !buttons.is_empty() && (gating.ghosts || any_button) {
                    <div class="module-toolbar">
                        { for buttons.iter().map(|b| gating.item(b, "action", true)) }
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
                { for account.buttons.iter().filter(|b| module_of(b).is_none()).map(|b| gating.item(b, "login-as", true)) }
                <span class="practice-user">{ icons::user() }{ gating.view.secretary.name.clone() }</span>
            </div>
            <div class="practice-body">
                <nav class="practice-menu" aria-label={lang.pick("Menu du compte", "Account menu")}>
                    { for account.menu.iter().map(|m| gating.item(m, "menu-item", true)) }
                    if account.menu.iter().all(|m| !m.shown) && !gating.ghosts {
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
