//! The seed's danger or warning text on a permission (P6), as the core words it.

use secretariat_core::{Permission, Recommendation, Severity};
use yew::prelude::*;

use crate::components::icons;
use crate::hooks::use_lang;

/// Which permission.
#[derive(Properties, PartialEq)]
pub struct PermissionWarningProps {
    /// The permission whose warning to show (nothing when it has none).
    pub permission: Permission,
}

/// The warning paragraph, from [`Permission::warning`].
#[component]
pub fn PermissionWarning(props: &PermissionWarningProps) -> Html {
    let lang = use_lang();
    let Some((severity, text)) = props.permission.warning(lang) else {
        return html! {};
    };
    let (class, word) = match severity {
        Severity::Danger => ("warn-danger", lang.pick("Danger", "Danger")),
        Severity::Warning => ("warn-warning", lang.pick("Avertissement", "Warning")),
        Severity::Info => ("warn-info", lang.pick("À savoir", "Note")),
    };
    html! {
        <p class={classes!("perm-warning", class)} data-testid={format!("warning-{}", props.permission.id())}>
            { icons::warning() }<strong>{ word }{ " — " }</strong>{ text }
        </p>
    }
}

/// The CSS class of a recommendation level's tag.
pub fn rec_class(level: Recommendation) -> &'static str {
    match level {
        Recommendation::Recommended => "rec-ok",
        Recommendation::AsNeeded => "rec-need",
        Recommendation::NotRecommended => "rec-not",
        Recommendation::Sensitive => "rec-sensitive",
    }
}
