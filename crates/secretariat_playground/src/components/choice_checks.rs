//! A list of checkboxes over people, groups or centres of the organisation (members of a group, a
//! new secretary's doctors, her 3C…).

use yew::prelude::*;

use crate::browser;
use crate::model::Choice;

/// What can be chosen and what is.
#[derive(Properties, PartialEq)]
pub struct ChoiceChecksProps {
    /// The legend of the group of boxes.
    pub legend: AttrValue,
    /// Everything that can be chosen, in file order.
    pub choices: Vec<Choice>,
    /// The ids chosen.
    pub chosen: Vec<String>,
    /// Called with an id and whether it is now chosen.
    pub ontoggle: Callback<(String, bool)>,
    /// Test ids are `{testid}-{id}`.
    pub testid: AttrValue,
    /// Said when there is nothing to choose from.
    pub empty: AttrValue,
}

/// A fieldset of checkboxes.
#[component]
pub fn ChoiceChecks(props: &ChoiceChecksProps) -> Html {
    html! {
        <fieldset class="choice-checks">
            <legend>{ props.legend.clone() }</legend>
            if props.choices.is_empty() {
                <p class="muted small">{ props.empty.clone() }</p>
            }
            <ul class="inline-checks">
                { for props.choices.iter().map(|c| {
                    let onchange = {
                        let ontoggle = props.ontoggle.clone();
                        let id = c.id.clone();
                        Callback::from(move |e: Event| {
                            ontoggle.emit((id.clone(), browser::checked(&e)))
                        })
                    };
                    html! {
                        <li><label class="check">
                            <input type="checkbox" checked={props.chosen.contains(&c.id)} onchange={onchange}
                                data-testid={format!("{}-{}", props.testid, c.id)} />
                            <span>{ c.name.clone() }</span>
                        </label></li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
