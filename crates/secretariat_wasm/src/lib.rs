//! # secretariat_wasm
//!
//! The policy engine of [`secretariat_core`] for JavaScript: the class [`Policy`] of the npm package
//! `secretariat` (built by `scripts/build-npm` into `pkg/`).
//!
//! Translation only: JS values in, one core call, JS values out. No rule lives here. An organisation
//! is loaded **once** into a [`Policy`]; every later call sends only its own request. Bad input is a
//! thrown JS `Error` carrying the engine's message and a stable `code` (see [`Failure`], the one
//! error converter); a decision, even a deny, is never thrown. Time is always an input (`now`,
//! RFC 3339): the system clock panics on `wasm32-unknown-unknown` and is never read.
//!
//! Two WebAssembly modules are built from this crate (`scripts/build-npm`): without features, the
//! **gate** module — load, `can`, the handles (`principal`/`gate`/`allows`), `decide`, `view` —
//! small enough to ship to every page; with the `admin` feature (the default, so `cargo test` sees
//! everything), the **admin** module, which adds explanations, findings, simulation, changes,
//! reports and export (`admin.rs`). The package's JavaScript (`js/policy.js`) fetches the admin
//! module only when `policy.admin()` is first called.
//!
//! The TypeScript declarations are written by hand (`types.d.ts` beside this file, shipped as the
//! package's `types.d.ts`); the npm tests type-check them with `tsc` and call every method. The
//! generated glue's own declarations are not shipped: users call the JavaScript wrapper.

#[cfg(feature = "admin")]
mod admin;
mod failure;

use rustc_hash::FxHashMap;
use secretariat_core::{Gate, Instant, Lang, Organisation, Principal, Request, RequestError};
use wasm_bindgen::prelude::*;

pub use failure::Failure;

/// The allocator: talc instead of the standard library's dlmalloc, 2.5 KB gzipped lighter in the
/// gate module. It loads a file somewhat slower (region +10%, country +7%, a 48 MB hostile file
/// +20% CPU, memory +2%; BENCHMARKS.md), a cost the reader's own speed-ups more than pay.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// An organisation, checked and indexed once, answering every query without being sent again.
/// (Not declared for TypeScript: users call the JavaScript wrapper, `js/policy.js`, declared in
/// `js/index.d.ts`.)
#[wasm_bindgen(skip_typescript)]
pub struct Policy {
    org: Organisation,
    /// Handles given to JS by `principal` and `gate`: positions in these tables.
    handles: std::cell::RefCell<Handles>,
}

/// Principals and gates resolved once, for `allows`. Each request's strings cross the boundary only
/// the first time; later checks pass two numbers.
#[derive(Default)]
struct Handles {
    principals: Vec<Principal>,
    principal_ids: FxHashMap<Box<str>, u32>,
    gates: Vec<Gate>,
    /// Keyed by [`gate_key`].
    gate_ids: FxHashMap<Box<str>, u32>,
}

impl Policy {
    fn new(org: Organisation) -> Policy {
        Policy {
            org,
            handles: std::cell::RefCell::default(),
        }
    }
}

#[wasm_bindgen]
impl Policy {
    /// Loads an organisation (`secretariat-org/1`) from its JSON text. Throws an `Error` listing
    /// every problem of the file (and carrying them as `problems`). Text only: an object given by
    /// JavaScript has already lost what `JSON.parse` drops silently (a duplicate key keeps its last
    /// value), which the engine refuses in text — so an object is refused too, never half-checked.
    pub fn load(org: JsValue) -> Result<Policy, Failure> {
        let text = org.as_string().ok_or_else(|| {
            Failure::input(
                "expected the organisation file as JSON text: a parsed object has lost its \
                 duplicate keys",
            )
        })?;
        Ok(Policy::new(Organisation::load(&text)?))
    }

    /// The organisation's display name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.org.name().to_owned()
    }

    /// The gate: may `principal` do `action` (on `resource`, at `now`)? The hot path: the strings are
    /// copied in once (the request itself), resolved against the loaded organisation and checked,
    /// without reasons and without any other allocation. Throws on an unknown action or id, a
    /// missing resource or a malformed `now`.
    pub fn can(
        &self,
        principal: JsValue,
        action: JsValue,
        resource: JsValue,
        now: JsValue,
    ) -> Result<bool, Failure> {
        let request = Request {
            principal: string(&principal, "principal")?,
            action: string(&action, "action")?,
            resource: optional_string(&resource, "resource")?,
            now: optional_string(&now, "now")?,
            lang: None,
        };
        Ok(self.org.is_allowed(&request)?)
    }

    /// A handle for `principal`, for [`Policy::allows`]: resolved once, the same number each time.
    /// Throws when no person has that id.
    pub fn principal(&self, principal: JsValue) -> Result<u32, Failure> {
        let id = string(&principal, "principal")?;
        let mut handles = self.handles.borrow_mut();
        if let Some(&handle) = handles.principal_ids.get(id.as_str()) {
            return Ok(handle);
        }
        let resolved = self.org.principal(&id)?;
        let handle = handles.principals.len() as u32;
        handles.principals.push(resolved);
        handles.principal_ids.insert(id.into(), handle);
        Ok(handle)
    }

    /// A handle for one gated element — `action` on `resource` — for [`Policy::allows`]: resolved
    /// once, the same number each time. Throws on an unknown action or id or a missing resource.
    pub fn gate(&self, action: JsValue, resource: JsValue) -> Result<u32, Failure> {
        let action = string(&action, "action")?;
        let resource = optional_string(&resource, "resource")?;
        let key = gate_key(&action, resource.as_deref());
        let mut handles = self.handles.borrow_mut();
        if let Some(&handle) = handles.gate_ids.get(key.as_str()) {
            return Ok(handle);
        }
        let resolved = self.org.gate(&action, resource.as_deref())?;
        let handle = handles.gates.len() as u32;
        handles.gates.push(resolved);
        handles.gate_ids.insert(key.into(), handle);
        Ok(handle)
    }

    /// The gate's fastest path: numbers in, a boolean out, nothing allocated. `principal` and
    /// `gate` are handles from this policy; `now` is in seconds since the Unix epoch (see
    /// [`Policy::seconds`]), or absent. An unknown handle is denied, never thrown.
    pub fn allows(&self, principal: u32, gate: u32, now: Option<f64>) -> bool {
        let handles = self.handles.borrow();
        let (Some(&p), Some(&g)) = (
            handles.principals.get(principal as usize),
            handles.gates.get(gate as usize),
        ) else {
            return false;
        };
        self.org.allows(p, g, now.and_then(from_seconds))
    }

    /// An RFC 3339 date-time as seconds since the Unix epoch, read exactly as the engine reads
    /// `now`. Throws when malformed.
    pub fn seconds(&self, now: JsValue) -> Result<f64, Failure> {
        let text = string(&now, "now")?;
        Instant::parse(&text)
            .map(|i| i.millis() as f64 / 1_000.0)
            .ok_or_else(|| RequestError::MalformedNow(text).into())
    }

    /// One decision with its reasons, as the command line's JSON text (`decide` and `decideLines`
    /// in `js/policy.js` read it). `request` is a request object, read through `JSON.stringify`,
    /// answered in its own `lang` (French by default); or, with `line`, one line of JSON text, as
    /// `secretariat decide` reads it, answered in `lang` when given. Throws when the arguments or
    /// the request are malformed or the request names something unknown; a deny is an answer. One
    /// export for both, and the batches' loops in JavaScript: the gate module's bytes (BENCHMARKS.md).
    #[wasm_bindgen(js_name = decideText)]
    pub fn decide_text(
        &self,
        request: JsValue,
        line: bool,
        lang: JsValue,
    ) -> Result<String, Failure> {
        let text = if line {
            Some(string(&request, "lines")?)
        } else {
            None
        };
        let lang = optional_string(&lang, "lang")?
            .as_deref()
            .map(parse_lang)
            .transpose()?;
        let mut request = match text {
            Some(text) => Request::from_json(&text)?,
            None => read_request(request)?,
        };
        request.lang = lang.or(request.lang);
        Ok(self.org.decide(&request)?.to_json())
    }

    /// Everything one secretary sees at `now`: practice menus and buttons per doctor, DCC icons,
    /// tabs, agenda, déroulement, passages, as JSON text (`view` in `js/policy.js` parses it).
    /// Throws when no person has that id, or, from a scope, for anyone but its secretary.
    pub fn view(&self, secretary: JsValue, now: JsValue, lang: JsValue) -> Result<String, Failure> {
        let secretary = string(&secretary, "secretary")?;
        let (now, lang) = when(&now, &lang)?;
        // The principal's refusal names the cause: unknown, or not the scope's secretary.
        self.org.principal(&secretary)?;
        let view = self
            .org
            .view(&secretary, now, lang)
            .ok_or(RequestError::UnknownId {
                kind: "person",
                id: secretary,
            })?;
        Ok(view.to_json())
    }
}

/// One string per (action, resource) pair, so that gates share the principals' map type: the
/// action's length, the action, then the resource after a NUL when there is one. The length makes
/// it unambiguous whatever the strings hold.
fn gate_key(action: &str, resource: Option<&str>) -> String {
    let mut key = action.len().to_string();
    key.push(':');
    key.push_str(action);
    if let Some(resource) = resource {
        key.push('\0');
        key.push_str(resource);
    }
    key
}

/// A decision request from a JS object.
fn read_request(value: JsValue) -> Result<Request, RequestError> {
    let text = json_text(&value).map_err(|e| RequestError::Malformed(e.message()))?;
    Request::from_json(&text)
}

/// A JS value as JSON text (`JSON.stringify`): the one way values come in, read by the core's reader.
fn json_text(value: &JsValue) -> Result<String, Failure> {
    js_sys::JSON::stringify(value)
        .map_err(Failure::from_js)?
        .as_string()
        .ok_or_else(|| Failure::input("expected a JSON value, not `undefined`"))
}

/// Seconds since the Unix epoch as an instant, to the millisecond: rounded when the value is a
/// whole number of milliseconds up to floating-point error (what [`Policy::seconds`] returns), else
/// truncated, as the engine truncates a finer `now`.
fn from_seconds(seconds: f64) -> Option<Instant> {
    if !seconds.is_finite() {
        return None;
    }
    let millis = seconds * 1_000.0;
    let rounded = millis.round();
    let millis = if (millis - rounded).abs() < 1e-3 {
        rounded
    } else {
        millis.floor()
    };
    Some(Instant::from_millis(millis as i64))
}

/// A string argument. Every argument arrives as a JS value and is checked here: a number or an
/// object where a string is expected is an error, not a trap in the generated glue.
pub(crate) fn string(value: &JsValue, name: &str) -> Result<String, Failure> {
    value
        .as_string()
        .ok_or_else(|| Failure::input(format!("`{name}` must be a string")))
}

/// An optional string argument: `undefined` and `null` are absent.
fn optional_string(value: &JsValue, name: &str) -> Result<Option<String>, Failure> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        string(value, name).map(Some)
    }
}

/// `now` and `lang` as given by JS: each absent, or an RFC 3339 date-time and `fr`/`en`.
fn when(now: &JsValue, lang: &JsValue) -> Result<(Option<Instant>, Lang), Failure> {
    let now = match optional_string(now, "now")? {
        None => None,
        Some(text) => match Instant::parse(&text) {
            Some(instant) => Some(instant),
            None => return Err(RequestError::MalformedNow(text).into()),
        },
    };
    let lang = optional_string(lang, "lang")?
        .as_deref()
        .map(parse_lang)
        .transpose()?
        .unwrap_or_default();
    Ok((now, lang))
}

/// `fr` or `en`.
fn parse_lang(code: &str) -> Result<Lang, Failure> {
    Lang::parse(code).ok_or_else(|| {
        Failure::input(format!(
            "unknown language `{code}`; languages are `fr`, `en`"
        ))
    })
}
