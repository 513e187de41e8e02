//! Private sharing: a link carries the **edits** over an organisation named by its content hash
//! (its fingerprint), never the organisation itself — so never its patients. The recipient opens it
//! on the demo or on the same file she already has (imported, or kept in her browser). A whole file
//! is shared as a download, pseudonymised first ([`pseudonymised`]).
//!
//! The link is compact JSON, base64url in the URL's fragment — which browsers never send to a
//! server. Opening one asks first and can be undone ([`Sharing`], driven by the reducer).

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use secretariat_core::{Change, ChangeSet, JsonError, JsonReader, Lang, Organisation};
use serde::{Deserialize, Serialize};

use crate::state::{Screen, Shared, State, Ui, Work};

/// The fragment's prefix: `#l=…`.
pub const PREFIX: &str = "#l=";

/// The prefix of the first links, which carried the whole file (patients included): refused.
const OLD_PREFIX: &str = "#s=";

/// Format tag of a link.
pub const LINK_FORMAT: &str = "secretariat-link/1";

/// The longest fragment read (64 KiB): edits are small; anything longer is refused before decoding.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// What a link carries: the edits and where to look, over an organisation named by fingerprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Always [`LINK_FORMAT`].
    pub format: String,
    /// The [`fingerprint`] of the organisation the edits apply to.
    pub base: String,
    /// Its name, to tell the recipient which file she needs.
    pub name: String,
    /// The edits, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// The secretary shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    /// The screen shown.
    #[serde(default)]
    pub screen: Screen,
}

impl Link {
    /// Reads a link's JSON with the core's JSON reader, as serde reads [`Link`] (serde_json's
    /// messages, line and column): the playground holds no other JSON reader.
    pub fn from_json(text: &str) -> Result<Link, JsonError> {
        let mut link = Link {
            format: String::new(),
            base: String::new(),
            name: String::new(),
            changes: Vec::new(),
            selected: None,
            screen: Screen::default(),
        };
        let names = &["format", "base", "name", "changes", "selected", "screen"];
        JsonReader::object(text, "struct Link", names, 0b111, &mut |r, i| {
            match i {
                0 => link.format = r.string()?,
                1 => link.base = r.string()?,
                2 => link.name = r.string()?,
                3 => link.changes = r.changes()?,
                4 => link.selected = r.opt_string()?,
                _ => link.screen = Screen::read(r)?,
            }
            Ok(())
        })?;
        Ok(link)
    }
}

/// Why a link could not be read or opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Not base64url, UTF-8 or a link's JSON.
    Damaged(String),
    /// Longer than [`MAX_FRAGMENT`].
    TooLong(usize),
    /// A first-generation link (`#s=`), which carried the whole file.
    OldFormat,
    /// The edits do not apply to the organisation (or break it).
    Refused(String),
}

impl LinkError {
    /// The reason, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            LinkError::Damaged(why) => format!("{} ({why})", lang.pick("le lien est abîmé", "the link is damaged")),
            LinkError::TooLong(n) => format!(
                "{} ({n} {}, max {MAX_FRAGMENT})",
                lang.pick("le lien est trop long", "the link is too long"),
                lang.pick("octets", "bytes"),
            ),
            LinkError::OldFormat => lang
                .pick(
                    "ce lien est de l'ancien format, qui contenait l'organisation entière ; demandez un nouveau lien",
                    "this link is of the old format, which held the whole organisation; ask for a new link",
                )
                .to_owned(),
            LinkError::Refused(why) => format!(
                "{} {why}",
                lang.pick("les modifications ne s'appliquent pas :", "the edits do not apply:")
            ),
        }
    }
}

/// The organisation's fingerprint: the core's content hash (SHA-256, hex, of its file as the engine
/// writes it — the hash that also names it in scopes and scenario files), so the same organisation
/// has the same fingerprint in every browser whatever the spacing of the file read.
/// Derived, never stored: the core computes it once per organisation.
pub fn fingerprint(org: &Organisation) -> &str {
    org.content_hash()
}

/// The first 12 characters of a fingerprint, as shown to people.
pub fn short(fingerprint: &str) -> &str {
    fingerprint.get(..12).unwrap_or(fingerprint)
}

/// The link of the working state: its edits over the base, never the base itself.
pub fn link_of(work: &Work, ui: &Ui) -> Link {
    Link {
        format: LINK_FORMAT.to_owned(),
        base: fingerprint(&work.base).to_owned(),
        name: work.base.name().to_owned(),
        changes: work.changes.clone(),
        selected: ui.selected.clone(),
        screen: ui.screen,
    }
}

/// The fragment (with its `#`) that carries `link`.
pub fn encode(link: &Link) -> String {
    let json = serde_json::to_string(link).unwrap_or_default();
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(json))
}

/// Reads a fragment made by [`encode`]. `Ok(None)` when the fragment is not a link at all.
pub fn decode(fragment: &str) -> Result<Option<Link>, LinkError> {
    if fragment.starts_with(OLD_PREFIX) {
        return Err(LinkError::OldFormat);
    }
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong(fragment.len()));
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|e| LinkError::Damaged(format!("base64: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| LinkError::Damaged(format!("utf-8: {e}")))?;
    let link = Link::from_json(&text).map_err(|e| LinkError::Damaged(format!("json: {e}")))?;
    if link.format != LINK_FORMAT {
        return Err(LinkError::Damaged(format!(
            "format `{}`, expected `{LINK_FORMAT}`",
            link.format.chars().take(40).collect::<String>()
        )));
    }
    Ok(Some(link))
}

/// A whole file to send: the base pseudonymised under `key` by the core (patient ids, RPPS, people's
/// ids and names replaced by stable pseudonyms; every decision unchanged), and the fragment of a
/// link carrying the edits over that copy, renamed the same way. `None` when the copy does not load
/// or an edit cannot be renamed.
pub fn pseudonymised(work: &Work, ui: &Ui, key: &str) -> Option<(String, String)> {
    let copy = secretariat_core::pseudonymise(work.base.file(), key, true);
    let org = Organisation::from_file(copy.file).ok()?;
    let names: HashMap<&str, &str> = copy
        .renamed
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    // Read back as a changes text, by the one reader of changes (`from_value` would be a second
    // copy of it in the `.wasm`).
    let mut value = serde_json::to_value(&work.changes).ok()?;
    rename(&mut value, &names);
    let changes = ChangeSet::parse(&value.to_string()).ok()?.changes;
    let selected = ui
        .selected
        .as_deref()
        .map(|s| names.get(s).copied().unwrap_or(s).to_owned());
    let link = Link {
        format: LINK_FORMAT.to_owned(),
        base: fingerprint(&org).to_owned(),
        name: org.name().to_owned(),
        changes,
        selected,
        screen: ui.screen,
    };
    Some((org.to_json(), encode(&link)))
}

/// Renames every string of an edit that the pseudonymisation renamed (ids, as whole values).
fn rename(value: &mut serde_json::Value, names: &HashMap<&str, &str>) {
    match value {
        serde_json::Value::String(s) => {
            if let Some(to) = names.get(s.as_str()) {
                *s = (*to).to_owned();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| rename(v, names)),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(|v| rename(v, names)),
        _ => {}
    }
}

/// The sharing part of the state: the link waiting for an answer, how to undo the last one opened,
/// and whether the working organisation may be kept in this browser.
/// `Default`: nothing pending, nothing kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sharing {
    /// A link opened but not yet accepted.
    pub pending: Option<Link>,
    /// The state before the last link was opened (undo restores it).
    pub before: Option<Shared<State>>,
    /// Consent to keep the working organisation in this browser's local storage.
    pub keep: bool,
    /// Why the last link could not be opened.
    pub error: Option<LinkError>,
}

impl Sharing {
    /// Which organisation this browser has for `link`, if any: the working base or the demo.
    pub fn base_for<'a>(
        link: &Link,
        base: &'a Shared<Organisation>,
        demo: &'a Shared<Organisation>,
    ) -> Option<&'a Shared<Organisation>> {
        [base, demo]
            .into_iter()
            .find(|org| fingerprint(org) == link.base)
    }
}
