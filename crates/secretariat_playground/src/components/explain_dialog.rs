//! The explanation of one decision, from the engine: the verdict, its reasons, and every condition
//! checked on the way (`explain`).

use secretariat_core::{Effect, Organisation, Request};
use yew::prelude::*;

use crate::browser;
use crate::components::icons;
use crate::hooks::use_lang;
use crate::model;
use crate::state::Shared;

/// The decision to explain, of which organisation, and how to close.
#[derive(Properties, PartialEq)]
pub struct ExplainDialogProps {
    /// The organisation asked.
    pub org: Shared<Organisation>,
    /// The decision request explained (with its `now`).
    pub request: Request,
    /// Called to close the dialog.
    pub onclose: Callback<()>,
}

/// A modal dialog; Escape, the close button or a click outside closes it.
#[component]
pub fn ExplainDialog(props: &ExplainDialogProps) -> Html {
    let lang = use_lang();
    let close_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            // Focus moves into the dialog, and back to the element that opened it on close.
            let opener = browser::Focus::current();
            browser::focus(&close_ref);
            move || opener.restore()
        });
    }
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    let onkey = {
        let onclose = props.onclose.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => onclose.emit(()),
            // Keep Tab inside the dialog while it is open.
            "Tab" if browser::trap_tab(&dialog_ref, e.shift_key()) => e.prevent_default(),
            _ => {}
        })
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let org = &props.org;
    let request = &props.request;
    let who = model::person_name(org.file(), &request.principal);
    let body = match org.explain(request, lang) {
        Ok(x) => {
            let allow = x.decision.decision == Effect::Allow;
            html! {
                <>
                    <p class={classes!("verdict", if allow { "verdict-allow" } else { "verdict-deny" })} data-testid="verdict">
                        { if allow { icons::check() } else { icons::cross() } }
                        { if allow { lang.pick("Autorisé", "Allowed") } else { lang.pick("Refusé", "Denied") } }
                        if x.decision.audit {
                            <span class="pill pill-warn">{ icons::eye() }{ lang.pick("usage tracé", "use traced") }</span>
                        }
                    </p>
                    <h3>{ lang.pick("Pourquoi", "Why") }</h3>
                    <ul class="reasons" data-testid="reasons">
                        { for x.decision.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                    </ul>
                    if !x.derivation.is_empty() {
                        <details class="derivation" open=true>
                            <summary>{ lang.pick("Conditions vérifiées par le moteur", "Conditions the engine checked") }</summary>
                            <ol>
                                { for x.derivation.iter().map(|s| html! {
                                    <li class={if s.holds { "holds" } else { "fails" }}>
                                        { if s.holds { icons::check() } else { icons::cross() } }
                                        <span>{ s.fact.clone() }</span>
                                    </li>
                                }) }
                            </ol>
                        </details>
                    }
                    if let Some(ev) = x.decision.audit_event.as_ref() {
                        <p class="muted small">
                            { lang.pick("Trace à journaliser : auteur ", "Log entry: author ") }<code>{ ev.author.clone() }</code>
                            { lang.pick(", pour le compte de ", ", on behalf of ") }<code>{ ev.on_behalf_of.clone() }</code>
                            { ", " }<code>{ ev.action.clone() }</code>
                        </p>
                    }
                </>
            }
        }
        Err(e) => html! { <p class="banner banner-error">{ e.to_string() }</p> },
    };
    html! {
        <div class="overlay" onclick={onclose.clone()} onkeydown={onkey}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="explain-title" onclick={stop} ref={dialog_ref} data-testid="explain-dialog">
                <div class="dialog-head">
                    <h2 id="explain-title">{ lang.pick("Pourquoi ?", "Why?") }</h2>
                    <button type="button" class="btn btn-ghost icon-only" ref={close_ref} onclick={onclose}
                        aria-label={lang.pick("Fermer", "Close")} data-testid="explain-close">{ icons::cross() }</button>
                </div>
                <p class="request-line">
                    <span class="who">{ who }</span>
                    <code>{ request.action.clone() }</code>
                    if let Some(r) = request.resource.clone() { <code>{ r }</code> }
                    if let Some(t) = request.now.as_deref() { <span class="muted">{ model::short_date(t, lang) }</span> }
                </p>
                { body }
            </div>
        </div>
    }
}
