//! The top bar: product, organisation, undo/redo, decision date and language.

use secretariat_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_app;
use crate::state::Action;

/// The header takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {}

/// The top bar.
#[component]
pub fn Header(_props: &HeaderProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let onundo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let onredo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Redo))
    };
    let onnow = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let now = if value.is_empty() {
                None
            } else {
                Some(format!("{value}:00Z"))
            };
            app.dispatch(Action::SetNow(now));
        })
    };
    let onlang = |l: Lang| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetLang(l)))
    };
    let now_value = app
        .now
        .as_deref()
        .and_then(|t| t.get(..16))
        .unwrap_or_default()
        .to_owned();
    let edits = app.changes.len();
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <span class="brand-name">{ "secretariat" }</span>
                <span class="brand-sub">{ lang.pick("bac à sable des accès secrétariat", "secretary access playground") }</span>
            </div>
            <div class="org-name" title={lang.pick("Organisation chargée", "Loaded organisation")}>
                <span class="org-label">{ lang.pick("Organisation", "Organisation") }</span>
                <span class="org-value" data-testid="org-name">{ app.current.name().to_owned() }</span>
                if edits > 0 {
                    <span class="pill pill-edit" data-testid="edit-count">
                        { format!("{edits} {}", if edits == 1 { lang.pick("modification", "edit") } else { lang.pick("modifications", "edits") }) }
                    </span>
                }
            </div>
            <div class="tools">
                <button type="button" class="btn btn-ghost" onclick={onundo} disabled={app.changes.is_empty()}
                    aria-label={lang.pick("Annuler la dernière modification", "Undo the last edit")} data-testid="undo">
                    { icons::undo() }<span class="btn-text">{ lang.pick("Annuler", "Undo") }</span>
                </button>
                <button type="button" class="btn btn-ghost" onclick={onredo} disabled={app.undone.is_empty()}
                    aria-label={lang.pick("Rétablir la modification annulée", "Redo the undone edit")} data-testid="redo">
                    { icons::redo() }<span class="btn-text">{ lang.pick("Rétablir", "Redo") }</span>
                </button>
                <label class="now-field">
                    <span>{ lang.pick("Date (UTC)", "Date (UTC)") }</span>
                    <input type="datetime-local" value={now_value} onchange={onnow} data-testid="now"
                        aria-label={lang.pick("Date des décisions (UTC)", "Decision date (UTC)")} />
                </label>
                <div class="lang-switch" role="group" aria-label={lang.pick("Langue", "Language")}>
                    <button type="button" lang="fr" aria-pressed={(lang == Lang::Fr).to_string()} onclick={onlang(Lang::Fr)} data-testid="lang-fr">{ "FR" }</button>
                    <button type="button" lang="en" aria-pressed={(lang == Lang::En).to_string()} onclick={onlang(Lang::En)} data-testid="lang-en">{ "EN" }</button>
                </div>
            </div>
        </header>
    }
}
