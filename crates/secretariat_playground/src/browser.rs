//! The browser edge: clock, local storage, URL fragment, downloads, clipboard, a performance mark,
//! files dropped or picked, form fields read from their events, focus, and the page's listeners.
//! Only this file names `web_sys`, `gloo`, `js_sys` or `wasm_bindgen` (`tests/edges.rs` checks it);
//! components handle Yew's events and call these functions, so everything else in the crate is
//! plain Rust.

use wasm_bindgen::JsCast as _;
use yew::prelude::{DragEvent, Event, KeyboardEvent, NodeRef, TargetCast as _};

use crate::state::Saved;

/// Local storage key of the working state, written only with consent (`State::share.keep`).
pub const STORAGE_KEY: &str = "secretariat-playground/2";

/// The key of the first versions, which kept the working file without asking: removed on start.
const LEGACY_KEY: &str = "secretariat-playground";

/// The browser's clock as RFC 3339 UTC, to the second (the core never reads a clock).
pub fn now() -> Option<String> {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // `2026-11-23T15:04:05.123Z` → `2026-11-23T15:04:05Z`
    iso.get(..19).map(|s| format!("{s}Z"))
}

/// The page's local storage, when the browser gives one (not in a sandboxed frame, nor when
/// storage is blocked: then nothing is kept, and nothing fails).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The working state kept with consent, if any and readable. A state kept without consent by an
/// earlier version is deleted, unread.
pub fn load() -> Option<Saved> {
    let storage = storage()?;
    let _ = storage.remove_item(LEGACY_KEY);
    let text = storage.get_item(STORAGE_KEY).ok().flatten()?;
    Saved::from_json(&text).ok()
}

/// Keeps the working state (silently skipped when the storage is full or disabled). Call only with
/// the user's consent.
pub fn save(saved: &Saved) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &saved.to_json());
    }
}

/// Deletes the kept working state ("Oublier cette organisation", or consent withdrawn).
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
        let _ = storage.remove_item(LEGACY_KEY);
    }
}

/// The URL's fragment, with its `#` (empty when none).
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// This page's address without fragment.
fn page_url() -> String {
    let loc = gloo::utils::window().location();
    format!(
        "{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}

/// Removes the fragment from the address bar, without reloading.
pub fn clear_fragment() {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_url()));
    }
}

/// The full link for a fragment made by [`crate::share::encode`].
pub fn link(fragment: &str) -> String {
    format!("{}{fragment}", page_url())
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    // `url` is revoked when dropped; the click has already started the download.
}

/// A fresh secret key (128 bits from the browser's cryptographic generator, hex), for a
/// pseudonymised copy; `None` when the browser has no generator.
pub fn random_key() -> Option<String> {
    let mut bytes = [0_u8; 16];
    let crypto = gloo::utils::window().crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Copies `text` to the clipboard (best effort: the text stays selectable on the page anyway).
pub fn copy(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

/// Marks the first render of a secretary's view (`performance.mark`), for the end-to-end timing.
pub fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// Sets the page's language (`<html lang>`), for screen readers and hyphenation.
pub fn set_lang(code: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// Opens the browser's print dialog (a trainer's scenario as a handout).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Files dropped on a zone or picked, handed over unread (taken from the input or the drop at
/// once: the browser's list empties when the input is reset).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Files(Vec<web_sys::File>);

impl Files {
    fn of(list: Option<web_sys::FileList>) -> Files {
        let list = list.map_or_else(Vec::new, |l| {
            (0..l.length()).filter_map(|i| l.get(i)).collect()
        });
        Files(list)
    }
}

/// A listener on the page; dropping it removes it.
pub type Listener = gloo::events::EventListener;

/// Whether the checkbox or radio button behind `e` is checked.
pub fn checked(e: &Event) -> bool {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

/// The value of the input, select or text area behind `e`.
pub fn value(e: &Event) -> String {
    if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}

/// The position of the option chosen in the select behind `e` (0 when none).
pub fn selected_index(e: &Event) -> usize {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .and_then(|s| usize::try_from(s.selected_index()).ok())
        .unwrap_or(0)
}

/// Selects the whole text of the field behind `e` (a link to copy).
pub fn select_text(e: &Event) {
    if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
        i.select();
    }
}

/// The files picked in the file input behind `e`; the input is emptied, so picking the same file
/// again is seen.
pub fn picked_files(e: &Event) -> Files {
    let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
        return Files::default();
    };
    let files = Files::of(input.files());
    input.set_value("");
    files
}

/// The files dropped by `e`.
pub fn dropped_files(e: &DragEvent) -> Files {
    Files::of(e.data_transfer().and_then(|d| d.files()))
}

/// The first of `files`: its name and its text, or why it could not be read.
pub async fn first_text(files: Files) -> Option<(String, Result<String, String>)> {
    let file = gloo::file::File::from(files.0.into_iter().next()?);
    let text = gloo::file::futures::read_as_text(&file).await;
    Some((file.name(), text.map_err(unreadable)))
}

/// Why a file could not be read, in words.
fn unreadable(e: gloo::file::FileReadError) -> String {
    format!("the file could not be read: {e}")
}

/// Every one of `files`, in order: its name and its bytes, or why it could not be read.
pub async fn all_bytes(files: Files) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut out = Vec::new();
    for file in files.0 {
        let file = gloo::file::File::from(file);
        let bytes = gloo::file::futures::read_as_bytes(&file).await;
        out.push((file.name(), bytes.map_err(unreadable)));
    }
    out
}

/// The element that has the focus, to give it back later ([`Focus::restore`]).
pub struct Focus(Option<web_sys::HtmlElement>);

impl Focus {
    /// Remembers the focused element.
    pub fn current() -> Focus {
        Focus(
            gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        )
    }

    /// Gives the focus back to it.
    pub fn restore(self) {
        if let Some(el) = self.0 {
            let _ = el.focus();
        }
    }
}

/// Moves the focus to the element behind `node`.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Keeps Tab inside the dialog behind `dialog`: from its last focusable element Tab goes to the
/// first, and Shift+Tab from the first to the last. True when it moved the focus (the caller then
/// prevents the browser's own move).
pub fn trap_tab(dialog: &NodeRef, backwards: bool) -> bool {
    let Some(dialog) = dialog.cast::<web_sys::Element>() else {
        return false;
    };
    let Ok(list) =
        dialog.query_selector_all("button, summary, [href], [tabindex]:not([tabindex='-1'])")
    else {
        return false;
    };
    let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1)))
    else {
        return false;
    };
    let active = gloo::utils::document()
        .active_element()
        .map(web_sys::Node::from);
    let wrap_to = if backwards && active.as_ref() == Some(&first) {
        Some(last)
    } else if !backwards && active.as_ref() == Some(&last) {
        Some(first)
    } else {
        None
    };
    match wrap_to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
    }
}

/// Calls `f` whenever the URL's fragment changes (a link pasted into the address bar of the open
/// page).
pub fn on_hash_change(mut f: impl FnMut() + 'static) -> Listener {
    Listener::new(&gloo::utils::window(), "hashchange", move |_| f())
}

/// Calls `f` with every key pressed on the page.
pub fn on_key_down(f: impl Fn(&KeyboardEvent) + 'static) -> Listener {
    // Not passive (gloo's default): a shortcut the page handles stops the browser's own
    // (`prevent_default`), which a passive listener may not do.
    Listener::new_with_options(
        &gloo::utils::document(),
        "keydown",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                f(e);
            }
        },
    )
}

/// Whether the user is typing in a field (keyboard shortcuts then leave the keys to it).
pub fn typing() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
