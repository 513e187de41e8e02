//! A zone to drop files on, with a button to pick them instead: what the organisation import, the
//! spreadsheets and the trainer's scenario files share. It hands the files over; reading them is
//! the caller's.

use yew::prelude::*;

use crate::browser::{self, Files};
use crate::components::icons;

/// What the zone accepts and where the files go.
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Called with the files dropped or picked.
    pub onfiles: Callback<Files>,
    /// The file input's `accept`.
    pub accept: AttrValue,
    /// Several files at once.
    #[prop_or_default]
    pub multiple: bool,
    /// The pick button's words.
    pub pick: AttrValue,
    /// `data-testid` of the zone.
    pub testid: AttrValue,
    /// `data-testid` of the file input.
    pub input_testid: AttrValue,
    /// What to drop, in words.
    pub children: Html,
}

/// The drop zone.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let over = use_state(|| false);
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            onfiles.emit(browser::picked_files(&e));
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let onfiles = props.onfiles.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            onfiles.emit(browser::dropped_files(&e));
        })
    };
    html! {
        <div class={classes!("dropzone", (*over).then_some("is-over"))}
            ondragover={ondragover} ondragenter={Callback::from(|e: DragEvent| e.prevent_default())}
            ondragleave={ondragleave} ondrop={ondrop} data-testid={props.testid.clone()}>
            { icons::upload() }
            { props.children.clone() }
            <label class="btn">
                { props.pick.clone() }
                <input type="file" accept={props.accept.clone()} multiple={props.multiple} class="sr-only"
                    onchange={onchange} data-testid={props.input_testid.clone()} />
            </label>
        </div>
    }
}
