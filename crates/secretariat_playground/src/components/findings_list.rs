//! Findings from the engine (`findings`): sensitive grants with the seed's words, violations,
//! ineffective grants, categories to rectify, malformed identifiers.

use secretariat_core::{Finding, Severity};
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_lang;

/// The findings to list.
#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    /// From the engine.
    pub findings: Vec<Finding>,
    /// Said when there are none.
    pub empty: AttrValue,
    /// Extra class (`added`, `removed`).
    #[prop_or_default]
    pub class: Classes,
}

/// A list of findings with their severity, rule and place in the file.
#[component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let lang = use_lang();
    if props.findings.is_empty() {
        return html! { <p class="muted small">{ props.empty.clone() }</p> };
    }
    html! {
        <ul class={classes!("findings", props.class.clone())}>
            { for props.findings.iter().map(|f| {
                let (class, word) = match f.severity {
                    Severity::Danger => ("sev-danger", lang.pick("Danger", "Danger")),
                    Severity::Warning => ("sev-warning", lang.pick("Avertissement", "Warning")),
                    Severity::Info => ("sev-info", lang.pick("Info", "Info")),
                };
                html! {
                    <li class={classes!("finding", class)} data-code={f.code}>
                        <span class="finding-sev">{ icons::warning() }{ word }</span>
                        <span class="finding-msg">{ f.message.clone() }</span>
                        <span class="finding-meta"><code>{ f.rule }</code>{ " " }<code>{ f.path.clone() }</code></span>
                    </li>
                }
            }) }
        </ul>
    }
}
