//! The explanation of one decision, from the engine: the verdict, its reasons, and every condition
//! checked on the way (`explain`).

use secretariat_core::Effect;
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_app;
use crate::model;
use crate::state::Action;

/// The dialog takes the request from the shared state.
#[derive(Properties, PartialEq)]
pub struct ExplainDialogProps {}

/// A modal dialog; Escape, the close button or a click outside closes it.
#[component]
pub fn ExplainDialog(_props: &ExplainDialogProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let close_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            // Focus moves into the dialog, and back to the element that opened it on close.
            let opener = gloo::utils::document().active_element();
            if let Some(el) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            move || {
                if let Some(el) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(explaining) = app.explaining.clone() else {
        return html! {};
    };
    let onclose = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::CloseExplain))
    };
    let onkey = {
        let app = app.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => app.dispatch(Action::CloseExplain),
            // Keep Tab inside the dialog while it is open.
            "Tab" => {
                let Some(dialog) = dialog_ref.cast::<web_sys::Element>() else {
                    return;
                };
                let Ok(list) = dialog
                    .query_selector_all("button, summary, [href], [tabindex]:not([tabindex='-1'])")
                else {
                    return;
                };
                let (Some(first), Some(last)) =
                    (list.item(0), list.item(list.length().saturating_sub(1)))
                else {
                    return;
                };
                let active = gloo::utils::document()
                    .active_element()
                    .map(web_sys::Node::from);
                let wrap_to = if e.shift_key() && active.as_ref() == Some(&first) {
                    Some(last)
                } else if !e.shift_key() && active.as_ref() == Some(&last) {
                    Some(first)
                } else {
                    None
                };
                if let Some(el) = wrap_to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                    e.prevent_default();
                    let _ = el.focus();
                }
            }
            _ => {}
        })
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let org = app.org_of(explaining.source).clone();
    let request = explaining.request.clone();
    let who = model::person_name(org.file(), &request.principal);
    let body = match org.explain(&request, lang) {
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
