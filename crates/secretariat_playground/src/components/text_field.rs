//! A labelled text field of the "Construire" forms: it reports every keystroke as a `String`.

use yew::prelude::*;

use crate::browser;

/// The field's label, value and where the typed text goes.
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// What the field is for, in the page's language.
    pub label: AttrValue,
    /// The value as the draft holds it.
    pub value: AttrValue,
    /// Called with the whole text on each keystroke.
    pub oninput: Callback<String>,
    /// `data-testid` of the input.
    pub testid: AttrValue,
    /// Input type (`text` unless said: `email`, `datetime-local`…).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// Shown inside the empty field.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// The field must be filled.
    #[prop_or_default]
    pub required: bool,
    /// Marks the value as wrong (`aria-invalid`).
    #[prop_or_default]
    pub invalid: bool,
    /// A hint or a check under the field.
    #[prop_or_default]
    pub children: Html,
}

/// A labelled input.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let oninput = props.oninput.clone();
        Callback::from(move |e: InputEvent| oninput.emit(browser::value(&e)))
    };
    html! {
        <label class="field">
            <span class="field-label">{ props.label.clone() }</span>
            <input type={props.kind.clone()} value={props.value.clone()} oninput={oninput}
                placeholder={props.placeholder.clone()} required={props.required}
                aria-invalid={props.invalid.then_some("true")} data-testid={props.testid.clone()} />
            { props.children.clone() }
        </label>
    }
}
