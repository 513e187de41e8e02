//! One gated element of a product mock: rendered as the product would (button, menu entry, icon,
//! tab), hidden when the engine says so — or ghosted with a lock when hidden elements are shown.
//! Clicking it, shown or hidden, asks for the engine's explanation.

use secretariat_core::Request;
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_app;

/// What the element is and what the engine said about it.
#[derive(Properties, PartialEq, Clone)]
pub struct GateProps {
    /// Label as the product prints it.
    pub label: AttrValue,
    /// The engine's verdict: shown to her.
    pub shown: bool,
    /// Show it ghosted with a lock when hidden.
    pub ghosts: bool,
    /// The decision request that gates it (explained on click).
    pub request: Request,
    /// Called with `request` when clicked.
    pub onexplain: Callback<Request>,
    /// Its use must be traced (P5).
    #[prop_or_default]
    pub audit: bool,
    /// Look: extra classes (`menu-item`, `dcc-icon`, `tab`, `action`…).
    #[prop_or_default]
    pub class: Classes,
    /// Icon before the label.
    #[prop_or_default]
    pub icon: Option<Html>,
    /// Marked by a trainer scenario.
    #[prop_or_default]
    pub highlight: bool,
    /// Gained or lost by the simulated edits.
    #[prop_or_default]
    pub delta: Option<bool>,
}

/// A gated element.
#[component]
pub fn Gate(props: &GateProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    if !props.shown && !props.ghosts {
        return html! {};
    }
    let onclick = {
        let request = props.request.clone();
        let onexplain = props.onexplain.clone();
        Callback::from(move |_: MouseEvent| onexplain.emit(request.clone()))
    };
    let state = if props.shown {
        lang.pick("affiché", "shown")
    } else {
        lang.pick("masqué", "hidden")
    };
    let title = format!("{} — {}", props.label, lang.pick("pourquoi ?", "why?"));
    html! {
        <button type="button"
            class={classes!(
                "gate",
                props.class.clone(),
                (!props.shown).then_some("is-ghost"),
                props.highlight.then_some("is-highlight"),
                props.delta.map(|g| if g { "is-gained" } else { "is-lost" }),
            )}
            title={title}
            onclick={onclick}
            data-action={props.request.action.clone()}
            data-resource={props.request.resource.clone().unwrap_or_default()}
            data-shown={props.shown.to_string()}>
            { props.icon.clone().unwrap_or_default() }
            <span class="gate-label">{ props.label.clone() }</span>
            if !props.shown {
                { icons::lock() }
            }
            if props.audit && props.shown {
                <span class="audit-badge" title={lang.pick("Usage tracé (audit)", "Use is traced (audit)")}>
                    { icons::eye() }<span class="sr-only">{ lang.pick("tracé", "traced") }</span>
                </span>
            }
            <span class="sr-only">{ format!(" ({state})") }</span>
        </button>
    }
}
