//! Where in a JSON text a data error lies, as a JSON path (`people[0].category`).
//!
//! serde_json reports where it stopped reading (line and column), not what it was reading. Loading
//! only needs the path when a file is refused, so instead of tracking it during every load, the text
//! is scanned once more, on error only, up to that point: the objects and arrays still open there,
//! with each object's current key and each array's current index, are the path.

/// The JSON path of the value serde_json was reading when it stopped at `line`/`column` (as
/// reported by `serde_json::Error`), with `message` the error's message. Empty for the whole
/// document.
///
/// serde_json stops right after what it last consumed: after a bad value (or at its first byte for
/// an object or array of the wrong type), after a bad key, after the `}` of an object missing a
/// field. Each of those is "the value being read", except a key that is not an unknown field (a
/// duplicate field, an unknown enum variant written `{"variant": …}`): that is the object's
/// problem, at the object's path.
pub(crate) fn path_at(text: &str, line: usize, column: usize, message: &str) -> String {
    let end = offset(text, line, column);
    let mut stack = open_containers(text, end);
    if let Some(Container::Object { key, at_key: true }) = stack.last_mut() {
        if !message.starts_with("unknown field") {
            *key = None;
        }
    }
    let mut path = String::new();
    for container in &stack {
        match container {
            Container::Object { key: None, .. } => {}
            Container::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Container::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// An object or array open at the offset.
enum Container {
    /// Its current key: `None` before the first key and right after a `,` (a key is expected).
    /// `at_key`: the key was just read, its `:` not yet.
    Object { key: Option<String>, at_key: bool },
    /// The index of its current (or next) element.
    Array { index: usize },
}

/// The byte offset of a 1-based line and a 0-based byte column, within the text.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line.checked_sub(2) {
        None => 0,
        Some(newlines) => text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(newlines)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    start.saturating_add(column).min(text.len())
}

/// The containers open after reading `bytes[..end]`, outermost first. The prefix is valid JSON as
/// far as it goes (serde_json read it); anything else just ends the scan.
fn open_containers(text: &str, end: usize) -> Vec<Container> {
    let bytes = text.as_bytes();
    let mut stack = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' => stack.push(Container::Object {
                key: None,
                at_key: false,
            }),
            b'[' => stack.push(Container::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Container::Array { index }) => *index += 1,
                Some(Container::Object { key, .. }) => *key = None,
                None => {}
            },
            b':' => {
                if let Some(Container::Object { at_key, .. }) = stack.last_mut() {
                    *at_key = false;
                }
            }
            b'"' => {
                let Some(close) = string_end(bytes, i) else {
                    break;
                };
                if close >= end {
                    break;
                }
                if let Some(Container::Object {
                    key: key @ None,
                    at_key,
                }) = stack.last_mut()
                {
                    *key = Some(string_at(text, i, close));
                    *at_key = true;
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// The index of the `"` closing the string that opens at `open`.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
}

/// The string between the quotes at `open` and `close`, unescaped.
fn string_at(text: &str, open: usize, close: usize) -> String {
    match text.get(open + 1..close) {
        Some(inner) if !inner.contains('\\') => inner.to_owned(),
        _ => text
            .get(open..=close)
            .and_then(|quoted| serde_json::from_str(quoted).ok())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's own error position leads to, for a file read as `T`.
    fn check<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str, expected: &str) {
        let path = serde_json::from_str::<T>(text)
            .err()
            .map(|e| path_at(text, e.line(), e.column(), &e.to_string()));
        assert_eq!(path.as_deref(), Some(expected), "{text}");
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "read by serde only")]
    struct Outer {
        a: Vec<Inner>,
        #[serde(default)]
        b: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "read by serde only")]
    struct Inner {
        x: String,
        #[serde(default)]
        y: Vec<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[expect(dead_code, reason = "read by serde only")]
    struct Kind {
        k: Variant,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Variant {
        One,
    }

    #[test]
    fn paths() {
        check::<Outer>(r#"{"a": [], "zz": 1}"#, "zz");
        check::<Outer>(r#"{"a": [{"x": "1"}, {"x": 2}]}"#, "a[1].x");
        check::<Outer>(
            "{\"a\": [{\"x\": \"1\"},\n {\"x\": \"2\", \"y\": [1, \"q\"]}]}",
            "a[1].y[1]",
        );
        check::<Outer>(r#"{"a": [{"x": "1"}, {}]}"#, "a[1]");
        check::<Outer>(r#"{"a": [{"x": "1", "x": "2"}]}"#, "a[0]");
        check::<Outer>(r#"{"a": [{"x": "1", "w\"\u00e9": "2"}]}"#, "a[0].w\"é");
        check::<Outer>(r#"{"a": [], "b": {"x": {}}}"#, "b.x");
        check::<Outer>(r#"{"a": [[]]}"#, "a[0]");
        check::<Outer>(r#"{"a": {}}"#, "a");
        check::<Outer>(r#"{"a": [ {"x": "1"} , "s" ]}"#, "a[1]");
        check::<Outer>(r#"{"b": {"x": "1"}}"#, "");
        check::<Outer>(r#"[]"#, "");
        check::<Kind>(r#"{"k": "nope"}"#, "k");
        check::<Kind>(r#"{"k": {"nope": 1}}"#, "k");
        check::<Kind>(r#"{"k": {"one": 1}}"#, "k.one");
    }
}
