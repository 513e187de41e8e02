//! One gated element of a product mock: rendered as the product would (button, menu entry, icon,
//! tab), hidden when the engine says so — or ghosted with a lock when hidden elements are shown.
//! Clicking it, shown or hidden, asks for the engine's explanation.

use std::collections::BTreeMap;

use secretariat_core::{GateItem, Request, View};
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_lang;
use crate::model;
use crate::state::Shared;

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
    let lang = use_lang();
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

/// How a mock draws its gated elements and where their clicks go: her view (whose requests they
/// are), ghosts, the trainer's highlights and the simulation's gains and losses. Shared by the two
/// mocks and their parts; compared by identity (a new view is a new `Shared`).
#[derive(Clone, PartialEq)]
pub struct Gating {
    /// Her view, from the engine.
    pub view: Shared<View>,
    /// Show hidden elements ghosted.
    pub ghosts: bool,
    /// Called with the request of a clicked element.
    pub onexplain: Callback<Request>,
    /// Elements a trainer scenario points at ([`model::gate_key`]).
    pub highlight: Shared<Vec<String>>,
    /// Elements gained (`true`) or lost (`false`) by the simulated edits.
    pub deltas: Shared<BTreeMap<String, bool>>,
}

impl Gating {
    /// The element gated by `action` on `resource`, shown or not.
    pub fn gate(
        &self,
        label: String,
        (action, resource): (&str, Option<&str>),
        shown: bool,
        class: &'static str,
    ) -> Html {
        self.gate_with(label, (action, resource), shown, false, class, None)
    }

    /// One of the view's items, with its audit mark and, if asked, its icon.
    pub fn item(&self, item: &GateItem, class: &'static str, with_icon: bool) -> Html {
        let icon = with_icon.then(|| icons::for_element(&item.id));
        let request = (item.action.as_str(), item.resource.as_deref());
        self.gate_with(
            item.label.clone(),
            request,
            item.shown,
            item.audit,
            class,
            icon,
        )
    }

    fn gate_with(
        &self,
        label: String,
        (action, resource): (&str, Option<&str>),
        shown: bool,
        audit: bool,
        class: &'static str,
        icon: Option<Html>,
    ) -> Html {
        let key = model::gate_key(action, resource);
        html! {
            <Gate label={label} shown={shown} ghosts={self.ghosts} audit={audit}
                request={self.view.request(action, resource)}
                onexplain={self.onexplain.clone()} class={classes!(class)} icon={icon}
                highlight={self.highlight.contains(&key)}
                delta={self.deltas.get(&key).copied()} />
        }
    }

    /// The class of a card gated by `action` on `resource` that the edits gained or lost.
    pub fn delta(&self, action: &str, resource: Option<&str>) -> Option<&'static str> {
        let key = model::gate_key(action, resource);
        self.deltas
            .get(&key)
            .map(|g| if *g { "is-gained" } else { "is-lost" })
    }

    /// The classes that outline a card gated by `action` on `resource`: highlighted, gained, lost.
    pub fn outline(&self, action: &str, resource: Option<&str>) -> Classes {
        let key = model::gate_key(action, resource);
        classes!(
            self.highlight.contains(&key).then_some("is-highlight"),
            self.delta(action, resource),
        )
    }
}
