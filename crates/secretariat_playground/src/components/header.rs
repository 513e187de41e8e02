//! The top bar: product, organisation, undo/redo, decision date and language.

use secretariat_core::Lang;
use yew::prelude::*;

use crate::browser;
use crate::components::icons;
use crate::hooks::use_lang;

/// What the top bar shows, and where its buttons go.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The working organisation's name.
    pub name: AttrValue,
    /// How many edits are applied (undo is possible when some are).
    pub edits: usize,
    /// Redo is possible.
    pub can_redo: bool,
    /// The decision date (RFC 3339).
    pub now: Option<String>,
    /// Undo the last edit.
    pub onundo: Callback<()>,
    /// Redo the last undone edit.
    pub onredo: Callback<()>,
    /// A new decision date, or none.
    pub onnow: Callback<Option<String>>,
    /// Another language.
    pub onlang: Callback<Lang>,
}

/// The top bar.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = use_lang();
    let onundo = props.onundo.reform(|_: MouseEvent| ());
    let onredo = props.onredo.reform(|_: MouseEvent| ());
    let onnow = props.onnow.reform(|e: Event| {
        let value = browser::value(&e);
        (!value.is_empty()).then(|| format!("{value}:00Z"))
    });
    let onlang = |l: Lang| props.onlang.reform(move |_: MouseEvent| l);
    let now_value = props
        .now
        .as_deref()
        .and_then(|t| t.get(..16))
        .unwrap_or_default()
        .to_owned();
    let edits = props.edits;
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <span class="brand-name">{ "secretariat" }</span>
                <span class="brand-sub">{ lang.pick("bac à sable des accès secrétariat", "secretary access playground") }</span>
            </div>
            <div class="org-name" title={lang.pick("Organisation chargée", "Loaded organisation")}>
                <span class="org-label">{ lang.pick("Organisation", "Organisation") }</span>
                <span class="org-value" data-testid="org-name">{ props.name.clone() }</span>
                if edits > 0 {
                    <span class="pill pill-edit" data-testid="edit-count">
                        { format!("{edits} {}", if edits == 1 { lang.pick("modification", "edit") } else { lang.pick("modifications", "edits") }) }
                    </span>
                }
            </div>
            <div class="tools">
                <button type="button" class="btn btn-ghost" onclick={onundo} disabled={edits == 0}
                    aria-label={lang.pick("Annuler la dernière modification", "Undo the last edit")} data-testid="undo">
                    { icons::undo() }<span class="btn-text">{ lang.pick("Annuler", "Undo") }</span>
                </button>
                <button type="button" class="btn btn-ghost" onclick={onredo} disabled={!props.can_redo}
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
