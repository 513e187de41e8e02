//! A list of things she holds or not, each with its validity window when held: her « secrétaire
//! médecin » profiles per centre, the doctors attached to her directly.

use yew::prelude::*;

use crate::browser;
use crate::components::window_fields::WindowFields;
use crate::model::{Choice, Window};

/// One line: what, whether she holds it, and its window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The centre or doctor.
    pub what: Choice,
    /// She holds it.
    pub held: bool,
    /// Its window, as written.
    pub window: Window,
}

/// The list: `onchange` is called with an id and what she now holds — `None` when unticked, its
/// window when ticked (unbounded) or when a date changes; test ids are `{testid}-{id}`. A function
/// of the card that shows it, not a component: it holds no state, and a component costs the
/// `.wasm` its own copy of Yew's lifecycle.
pub fn held_list(
    items: &[Held],
    onchange: &Callback<(String, Option<Window>)>,
    testid: &str,
) -> Html {
    html! {
        <ul class="plain">
            { for items.iter().map(|h| {
                let id = h.what.id.clone();
                let ontoggle = {
                    let id = id.clone();
                    onchange.reform(move |e: Event| {
                        (id.clone(), browser::checked(&e).then(Window::default))
                    })
                };
                let onwindow = {
                    let id = id.clone();
                    onchange.reform(move |w: Window| (id.clone(), Some(w)))
                };
                html! {
                    <li class="row-edit">
                        <label class="check">
                            <input type="checkbox" checked={h.held} onchange={ontoggle} data-testid={format!("{testid}-{id}")} />
                            <span>{ h.what.name.clone() }</span>
                        </label>
                        if h.held {
                            <WindowFields window={h.window.clone()} onchange={onwindow} what={h.what.name.clone()} />
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
