//! The screens' navigation.

use yew::prelude::*;

use crate::hooks::use_app;
use crate::state::{Action, Screen};

/// The navigation takes everything from the shared state.
#[derive(Properties, PartialEq)]
pub struct NavTabsProps {}

/// One button per screen; the current one is marked `aria-current`.
#[component]
pub fn NavTabs(_props: &NavTabsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    html! {
        <nav class="nav" aria-label={lang.pick("Écrans", "Screens")}>
            { for Screen::ALL.iter().map(|&s| {
                let onclick = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| app.dispatch(Action::Go(s)))
                };
                let current = app.screen == s;
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
