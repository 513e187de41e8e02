//! The one error converter: every failure that reaches JavaScript becomes a thrown `Error` whose
//! `message` is the engine's own, with a stable `code` and, when a file or a set of changes has
//! problems, a `problems` array (`{path, message}`). The package's JavaScript turns it into a
//! `SecretariatError` (`js/policy.js`); the codes are listed in `types.d.ts`.

use secretariat_core::{LoadError, Problem, RequestError};
use wasm_bindgen::{JsCast, JsValue};

/// Bad input (or, with code `internal`, a fault of the engine), as thrown to JavaScript. A decision
/// is never one of these.
#[derive(Debug)]
pub struct Failure {
    code: &'static str,
    message: String,
    problems: Vec<Problem>,
}

impl Failure {
    /// A failure with its code (one of those `types.d.ts` lists).
    pub(crate) fn coded(code: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// An argument the engine has no type for (wrong JS type, unknown language…).
    pub(crate) fn input(message: impl Into<String>) -> Failure {
        Failure::coded("bad_argument", message)
    }

    /// A fault of the engine or its glue, never the caller's input. (The gate module has none left
    /// to report from Rust: its answers are text, parsed by `js/policy.js`, whose `internal` is the
    /// same code.)
    #[cfg(feature = "admin")]
    pub(crate) fn internal(message: impl Into<String>) -> Failure {
        Failure::coded("internal", format!("internal error: {}", message.into()))
    }

    /// An exception thrown by JavaScript itself while converting an argument (a cyclic object, a
    /// BigInt): the argument is at fault.
    pub(crate) fn from_js(thrown: JsValue) -> Failure {
        let detail = thrown
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| thrown.as_string())
            .unwrap_or_default();
        Failure::input(format!("not convertible to JSON: {detail}"))
    }

    /// The message, as thrown.
    pub(crate) fn message(&self) -> String {
        self.message.clone()
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        Failure {
            code: "invalid_file",
            message: e.to_string(),
            problems: e.problems().to_vec(),
        }
    }
}

/// Changes that do not apply, each problem with its path.
#[cfg(feature = "admin")]
impl From<secretariat_core::ApplyError> for Failure {
    fn from(e: secretariat_core::ApplyError) -> Failure {
        Failure {
            code: "invalid_changes",
            message: e.to_string(),
            problems: e.into_problems(),
        }
    }
}

impl From<RequestError> for Failure {
    fn from(e: RequestError) -> Failure {
        let code = match e {
            RequestError::Malformed(_) => "bad_argument",
            RequestError::UnknownAction(_) => "unknown_action",
            RequestError::UnknownId { .. } => "unknown_id",
            RequestError::MissingResource { .. } | RequestError::WrongResource { .. } => {
                "bad_resource"
            }
            RequestError::MalformedNow(_) => "bad_now",
            RequestError::OtherPrincipal { .. } => "wrong_principal",
        };
        Failure::coded(code, e.to_string())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let error = js_sys::Error::new(&failure.message);
        // Setting a fresh object's own property cannot fail.
        let _ = js_sys::Reflect::set(&error, &"code".into(), &failure.code.into());
        if !failure.problems.is_empty() {
            let problems = js_sys::Array::new();
            for p in &failure.problems {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"path".into(), &p.path.as_str().into());
                let _ = js_sys::Reflect::set(&o, &"message".into(), &p.message.as_str().into());
                problems.push(&o);
            }
            let _ = js_sys::Reflect::set(&error, &"problems".into(), &problems);
        }
        error.into()
    }
}
