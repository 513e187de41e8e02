//! The one error converter: every failure that reaches JavaScript becomes a thrown `Error` whose
//! `message` is the engine's own, plus a `problems` array (`{path, message}`) when a file or a set of
//! changes has problems.

use secretariat_core::{LoadError, Problem, RequestError};
use wasm_bindgen::{JsCast, JsValue};

/// Bad input, as thrown to JavaScript. A decision is never one of these.
#[derive(Debug)]
pub struct Failure {
    message: String,
    problems: Vec<Problem>,
}

impl Failure {
    /// A failure the engine has no type for (wrong JS type, unknown language…).
    pub(crate) fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// Changes that do not apply, each problem with its path.
    pub(crate) fn changes(problems: Vec<Problem>) -> Failure {
        let n = problems.len();
        let mut message = format!(
            "the changes have {n} problem{}",
            if n == 1 { "" } else { "s" }
        );
        for p in &problems {
            message.push_str("\n  ");
            message.push_str(&p.to_string());
        }
        Failure { message, problems }
    }

    /// An exception thrown by JavaScript itself while converting a value (e.g. a cyclic object).
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
            message: e.to_string(),
            problems: e.problems().to_vec(),
        }
    }
}

impl From<RequestError> for Failure {
    fn from(e: RequestError) -> Failure {
        Failure::input(e.to_string())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let error = js_sys::Error::new(&failure.message);
        if !failure.problems.is_empty() {
            let problems: js_sys::Array = failure
                .problems
                .iter()
                .map(|p| {
                    let o = js_sys::Object::new();
                    // Setting a fresh plain object's own property cannot fail.
                    let _ = js_sys::Reflect::set(&o, &"path".into(), &p.path.as_str().into());
                    let _ = js_sys::Reflect::set(&o, &"message".into(), &p.message.as_str().into());
                    JsValue::from(o)
                })
                .collect();
            let _ = js_sys::Reflect::set(&error, &"problems".into(), &problems);
        }
        error.into()
    }
}
