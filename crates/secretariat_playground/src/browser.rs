//! The browser edge: clock, local storage, URL fragment, downloads, clipboard and a performance
//! mark. Everything else in the crate is plain Rust; these calls only make sense in a page.

use wasm_bindgen::JsCast as _;

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
    serde_json::from_str(&text).ok()
}

/// Keeps the working state (silently skipped when the storage is full or disabled). Call only with
/// the user's consent.
pub fn save(saved: &Saved) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(saved)) {
        let _ = storage.set_item(STORAGE_KEY, &text);
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
