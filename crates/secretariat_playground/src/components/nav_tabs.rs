//! The screens' navigation.

use yew::prelude::*;

use crate::hooks::use_lang;
use crate::state::Screen;

/// The screen shown, and where a click goes.
#[derive(Properties, PartialEq)]
pub struct NavTabsProps {
    /// The current screen.
    pub screen: Screen,
    /// Called with the screen clicked.
    pub ongo: Callback<Screen>,
}

/// One button per screen; the current one is marked `aria-current`.
#[component]
pub fn NavTabs(props: &NavTabsProps) -> Html {
    let lang = use_lang();
    html! {
        <nav class="nav" aria-label={lang.pick("Écrans", "Screens")}>
            { for Screen::ALL.iter().map(|&s| {
                let onclick = props.ongo.reform(move |_: MouseEvent| s);
                let current = props.screen == s;
                html! {
                    <button type="button" class={classes!("nav-item", current.then_some("is-current"))}
                        aria-current={current.then_some("page")} onclick={onclick}
                        data-testid={format!("nav-{}", s.id())}>
                        { s.label(lang) }
                    </button>
                }
            }) }
        </nav>
    }
}
