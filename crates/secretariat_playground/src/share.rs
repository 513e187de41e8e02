//! Shareable links: the saved state (organisation, edits, selection) as compact JSON, base64url in
//! the URL's fragment — which browsers never send to a server.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::state::Saved;

/// The fragment's prefix: `#s=…`.
pub const PREFIX: &str = "#s=";

/// The fragment (with its `#`) that restores `saved`.
pub fn encode(saved: &Saved) -> String {
    let json = serde_json::to_string(saved).unwrap_or_default();
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(json))
}

/// Reads a fragment made by [`encode`]. `Ok(None)` when the fragment is not a shared state at all;
/// an error in words when it is one but cannot be read.
pub fn decode(fragment: &str) -> Result<Option<Saved>, String> {
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|e| format!("the link is damaged (base64: {e})"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("the link is damaged (utf-8: {e})"))?;
    // `from_str`, as local storage reads it: one deserializer in the binary, not two.
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| format!("the link is damaged (json: {e})"))
}
