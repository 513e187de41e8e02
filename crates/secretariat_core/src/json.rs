//! A small JSON reader, written for the three documents the engine reads on its hot edge: the
//! organisation file, a scope, and a decision request. No serde on this path: serde_json's
//! deserializer, monomorphised once per file type, was a quarter of the npm gate module.
//!
//! It reads the text once, straight into the typed values (`file.rs`, `scope.rs`, `Request`), with
//! serde_json's grammar, messages and positions (`missing field `x``, `unknown field `x`, expected
//! one of …`, `invalid type: …, expected …`, `EOF while parsing a list at line L column C`), so the
//! answers are those of every earlier version. A data error also carries its JSON path
//! (`network.rcps[1]`), built on the way out of the readers that failed, so success costs nothing.
//!
//! Bounded: the typed readers nest only as deep as the types do; a value that is skipped (an
//! unknown field of a request) is skipped without recursion, however deep it is.

use std::borrow::Cow;

/// A JSON error: a syntax error (not JSON) or a data error (JSON of the wrong shape), with the
/// position serde_json would give, and for a data error its JSON path.
#[derive(Debug)]
pub(crate) struct Error {
    /// Not JSON at all (no path then).
    pub syntax: bool,
    /// serde_json's wording, without the position.
    pub message: String,
    /// 1-based line and 0-based byte column, as serde_json counts them.
    pub line: usize,
    pub column: usize,
    /// Innermost segment first.
    path: Vec<Segment>,
}

#[derive(Debug)]
enum Segment {
    Key(Box<str>),
    Index(usize),
}

impl Error {
    fn at_key(mut self: Box<Self>, key: &str) -> Box<Error> {
        if !self.syntax {
            self.path.push(Segment::Key(key.into()));
        }
        self
    }

    fn at_index(mut self: Box<Self>, i: usize) -> Box<Error> {
        if !self.syntax {
            self.path.push(Segment::Index(i));
        }
        self
    }

    /// The JSON path of a data error (`people[0].category`), empty for the whole document.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        path
    }
}

/// serde_json's `Display`: the message, then where.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// Boxed: a small `Result` keeps every reader's code small.
pub(crate) type Result<T> = std::result::Result<T, Box<Error>>;

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::from("nothing"),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let mut out = String::from("one of ");
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('`');
                out.push_str(n);
                out.push('`');
            }
            out
        }
    }
}

/// The fields of one object type: names in declaration order (serde's order for "missing field"
/// and "expected one of"), which of them are required, and whether other keys are refused.
pub(crate) struct Fields {
    /// What serde calls the type in "invalid type: …, expected …".
    pub expecting: &'static str,
    pub names: &'static [&'static str],
    /// Bit `i` set: `names[i]` must be present.
    pub required: u32,
    /// `deny_unknown_fields`: an unknown key is an error (else its value is skipped).
    pub deny_unknown: bool,
}

/// What reads one item of an array or object (`each(reader, index)`): the readers take it as a
/// trait object of this one-method trait rather than `dyn FnMut`, whose vtable would also hold an
/// unused `FnOnce::call_once` shim for every closure (69 of them in the gate module).
trait Each<'a> {
    fn each(&mut self, r: &mut Reader<'a>, i: usize) -> Result<()>;
}

impl<'a, F: FnMut(&mut Reader<'a>, usize) -> Result<()>> Each<'a> for F {
    fn each(&mut self, r: &mut Reader<'a>, i: usize) -> Result<()> {
        self(r, i)
    }
}

/// The reader: the text and where it is.
pub(crate) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.byte() {
            self.pos += 1;
        }
        self.byte()
    }

    #[inline(never)]
    fn error_at(&self, index: usize, syntax: bool, message: String) -> Box<Error> {
        let index = index.min(self.bytes.len());
        let before = self.bytes.get(..index).unwrap_or_default();
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before
            .get(..start_of_line)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Box::new(Error {
            syntax,
            message,
            line,
            column: index - start_of_line,
            path: Vec::new(),
        })
    }

    /// A syntax error at the byte just consumed (serde_json's `error`).
    fn syntax(&self, message: &str) -> Box<Error> {
        self.error_at(self.pos, true, message.to_owned())
    }

    /// A syntax error at the byte looked at (serde_json's `peek_error`).
    fn peek_syntax(&self, message: &str) -> Box<Error> {
        self.error_at(self.pos + 1, true, message.to_owned())
    }

    /// A data error where the reader stands.
    pub fn data(&self, message: String) -> Box<Error> {
        self.error_at(self.pos, false, message)
    }

    /// Fails unless only whitespace is left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            Some(_) => Err(self.peek_syntax("trailing characters")),
            None => Ok(()),
        }
    }

    /// The value that is not of the expected type, read past (serde_json's `peek_invalid_type`):
    /// "invalid type: integer `42`, expected a string".
    fn invalid_type(&mut self, expected: &str) -> Box<Error> {
        let unexpected = match self.peek() {
            None => return self.peek_syntax("EOF while parsing a value"),
            Some(b'[') => String::from("sequence"),
            Some(b'{') => String::from("map"),
            Some(b'"') => {
                self.pos += 1;
                match self.string_body() {
                    Ok(s) => format!("string {}", quoted(&s)),
                    Err(e) => return e,
                }
            }
            Some(b'n' | b't' | b'f' | b'-' | b'0'..=b'9') => match self.scalar() {
                Ok(s) => s.unexpected(),
                Err(e) => return e,
            },
            Some(_) => return self.peek_syntax("expected value"),
        };
        self.data(format!("invalid type: {unexpected}, expected {expected}"))
    }

    /// `null`, `true`, `false` or a number, read.
    fn scalar(&mut self) -> Result<Scalar<'a>> {
        match self.byte() {
            Some(b'n') => self.ident("null").map(|()| Scalar::Null),
            Some(b't') => self.ident("true").map(|()| Scalar::Bool(true)),
            Some(b'f') => self.ident("false").map(|()| Scalar::Bool(false)),
            _ => self.number().map(Scalar::Number),
        }
    }

    fn ident(&mut self, word: &str) -> Result<()> {
        self.pos += 1;
        for &expected in word.as_bytes().get(1..).unwrap_or_default() {
            let b = self.byte();
            self.pos += usize::from(b.is_some());
            match b {
                None => return Err(self.syntax("EOF while parsing a value")),
                Some(b) if b != expected => return Err(self.syntax("expected ident")),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A number's text, checked as serde_json checks it.
    fn number(&mut self) -> Result<&'a str> {
        let start = self.pos;
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        let first = self.byte();
        self.pos += usize::from(first.is_some());
        match first {
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.byte() {
                    return Err(self.peek_syntax("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None if start + 1 == self.pos => return Err(self.syntax("EOF while parsing a value")),
            _ => return Err(self.syntax("invalid number")),
        }
        if self.byte() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.byte(), Some(b'0'..=b'9')) {
                return Err(self.peek_syntax("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.pos += 1;
            }
            let b = self.byte();
            self.pos += usize::from(b.is_some());
            if !matches!(b, Some(b'0'..=b'9')) {
                return Err(self.syntax("invalid number"));
            }
            self.digits();
        }
        Ok(self.text.get(start..self.pos).unwrap_or_default())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.byte() {
            self.pos += 1;
        }
    }

    /// The rest of a string whose opening quote was consumed, unescaped.
    fn string_body(&mut self) -> Result<Cow<'a, str>> {
        let mut owned: Option<String> = None;
        let mut copied = self.pos;
        loop {
            // Up to the next quote, backslash or control character.
            let rest = self.bytes.get(self.pos..).unwrap_or_default();
            let Some(n) = to_escape(rest) else {
                self.pos = self.bytes.len();
                return Err(self.syntax("EOF while parsing a string"));
            };
            self.pos += n + 1;
            // The pieces end at ASCII bytes, so they are slices of the text.
            let piece = self.text.get(copied..self.pos - 1).unwrap_or_default();
            match rest.get(n) {
                Some(b'"') => {
                    return Ok(match owned {
                        None => Cow::Borrowed(piece),
                        Some(mut buf) => {
                            buf.push_str(piece);
                            Cow::Owned(buf)
                        }
                    })
                }
                Some(b'\\') => {
                    let buf = owned.get_or_insert_with(String::new);
                    buf.push_str(piece);
                    self.escape(buf)?;
                    copied = self.pos;
                }
                _ => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
            }
        }
    }

    fn next_in_string(&mut self) -> Result<u8> {
        let b = self.byte();
        self.pos += usize::from(b.is_some());
        b.ok_or_else(|| self.syntax("EOF while parsing a string"))
    }

    /// One escape after its `\`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next_in_string()? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.syntax("invalid escape")),
        };
        out.push(char::from(c));
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return Err(self.syntax("EOF while parsing a string"));
        };
        self.pos += 4;
        let mut n = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.syntax("invalid escape")),
            };
            n = n * 16 + u32::from(v);
        }
        Ok(n)
    }

    fn unicode_escape(&mut self, out: &mut String) -> Result<()> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.syntax("lone leading surrogate in hex escape")),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    let b = self
                        .byte()
                        .ok_or_else(|| self.syntax("EOF while parsing a string"))?;
                    self.pos += 1;
                    if b != expected {
                        return Err(self.syntax("unexpected end of hex escape"));
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.syntax("lone leading surrogate in hex escape"));
                }
                (((n - 0xD800) << 10) | (low - 0xDC00)) + 0x1_0000
            }
            _ => n,
        };
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// Reads past any value without keeping it, without recursion (serde_json's `ignore_value`).
    pub fn skip(&mut self) -> Result<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value.
            let frame = match self.peek() {
                None => return Err(self.peek_syntax("EOF while parsing a value")),
                Some(b'"') => {
                    self.pos += 1;
                    self.string_body()?;
                    None
                }
                Some(b @ (b'[' | b'{')) => {
                    self.pos += 1;
                    Some(b)
                }
                Some(b'n' | b't' | b'f' | b'-' | b'0'..=b'9') => {
                    self.scalar()?;
                    None
                }
                Some(_) => return Err(self.peek_syntax("expected value")),
            };
            let (mut accept_comma, mut frame) = match frame {
                Some(frame) => (false, frame),
                None => match open.pop() {
                    Some(frame) => (true, frame),
                    None => return Ok(()),
                },
            };
            // Closing brackets, until a comma or a new value.
            loop {
                match self.peek() {
                    Some(b',') if accept_comma => {
                        self.pos += 1;
                        break;
                    }
                    Some(b']') if frame == b'[' => {}
                    Some(b'}') if frame == b'{' => {}
                    Some(_) if accept_comma => {
                        return Err(self.peek_syntax(if frame == b'[' {
                            "expected `,` or `]`"
                        } else {
                            "expected `,` or `}`"
                        }))
                    }
                    Some(_) => break,
                    None => {
                        return Err(self.peek_syntax(if frame == b'[' {
                            "EOF while parsing a list"
                        } else {
                            "EOF while parsing an object"
                        }))
                    }
                }
                self.pos += 1;
                frame = match open.pop() {
                    Some(frame) => frame,
                    None => return Ok(()),
                };
                accept_comma = true;
            }
            if frame == b'{' {
                match self.peek() {
                    Some(b'"') => self.pos += 1,
                    Some(_) => return Err(self.peek_syntax("key must be a string")),
                    None => return Err(self.peek_syntax("EOF while parsing an object")),
                }
                self.string_body()?;
                self.colon()?;
            }
            open.push(frame);
        }
    }

    fn colon(&mut self) -> Result<()> {
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_syntax("expected `:`")),
            None => Err(self.peek_syntax("EOF while parsing an object")),
        }
    }

    /// Whether a string comes next.
    pub fn at_string(&mut self) -> bool {
        self.peek() == Some(b'"')
    }

    /// An element past the end of a fixed-length array (serde_json's `end_seq`).
    pub fn trailing(&self) -> Box<Error> {
        self.peek_syntax("trailing characters")
    }

    /// `null` read (for an optional value), or left for the value's reader.
    fn null(&mut self) -> Result<bool> {
        if self.peek() == Some(b'n') {
            self.ident("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// An optional value: `null` is absent.
    pub fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        if self.null()? {
            return Ok(None);
        }
        read(self).map(Some)
    }

    pub fn string(&mut self) -> Result<String> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                self.string_body().map(Cow::into_owned)
            }
            _ => Err(self.invalid_type("a string")),
        }
    }

    pub fn opt_string(&mut self) -> Result<Option<String>> {
        self.option(Self::string)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't' | b'f') => match self.scalar()? {
                Scalar::Bool(b) => Ok(b),
                _ => Ok(false),
            },
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    /// A non-negative integer that fits (`usize`).
    pub fn usize(&mut self) -> Result<usize> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let n = self.number()?;
                match Scalar::Number(n) {
                    s if n.starts_with('-') && s.is_integer() => {
                        Err(self.data(format!("invalid value: {}, expected usize", s.unexpected())))
                    }
                    s => match n.parse::<usize>() {
                        Ok(v) if s.is_integer() => Ok(v),
                        _ => Err(self.data(format!(
                            "invalid {}: {}, expected usize",
                            if s.is_integer() { "value" } else { "type" },
                            s.unexpected()
                        ))),
                    },
                }
            }
            _ => Err(self.invalid_type("usize")),
        }
    }

    /// A unit variant by name: its position in `names`.
    pub fn variant(&mut self, names: &[&str]) -> Result<usize> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                let name = self.string_body()?;
                names.iter().position(|n| *n == name).ok_or_else(|| {
                    self.data(format!(
                        "unknown variant `{name}`, expected {}",
                        one_of(names)
                    ))
                })
            }
            // serde_json reads an enum from a string or a one-key object, and calls anything else
            // not a value, with no path; here an object (`{"medecin": null}`), a number, `null` or
            // a list is an invalid type at its path (docs/DECISIONS.md §31).
            None => Err(self.peek_syntax("EOF while parsing a value")),
            Some(_) => {
                let at = self.pos;
                let e = self.invalid_type(&one_of(names));
                if e.syntax {
                    // Not a value at all: serde_json's words, where it stopped.
                    self.pos = at;
                    return Err(self.peek_syntax("expected value"));
                }
                Err(e)
            }
        }
    }

    /// A list, each element read by `each` (its index in the path of its errors).
    pub fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.elements("a sequence", |r, i| {
            out.push(each(r).map_err(|e| e.at_index(i))?);
            Ok(())
        })?;
        Ok(out)
    }

    /// A list of ids, without the slack a growing vector keeps: a file of many one-doctor RCPs
    /// would otherwise hold four slots for each doctor named (memory stays within ten times the
    /// file).
    pub fn strings(&mut self) -> Result<Vec<String>> {
        let mut list = self.list(Self::string)?;
        list.shrink_to_fit();
        Ok(list)
    }

    /// The opening bracket of an array or object, or the error for what is there instead.
    fn open(&mut self, bracket: u8, expecting: &str) -> Result<()> {
        match self.peek() {
            Some(b) if b == bracket => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.peek_syntax("EOF while parsing a value")),
            Some(_) => Err(self.invalid_type(expecting)),
        }
    }

    /// Between the items of an array or object closed by `close`: `None` at the end (consumed),
    /// else the first byte of the next item (after its comma unless `first`).
    fn next_item(&mut self, first: bool, close: u8) -> Result<Option<u8>> {
        let list = close == b']';
        let next = match self.peek() {
            Some(b) if b == close => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.peek()
            }
            Some(_) if !first => {
                return Err(self.peek_syntax(if list {
                    "expected `,` or `]`"
                } else {
                    "expected `,` or `}`"
                }))
            }
            Some(b) => Some(b),
            None => {
                return Err(self.peek_syntax(if list {
                    "EOF while parsing a list"
                } else {
                    "EOF while parsing an object"
                }))
            }
        };
        match next {
            Some(b) if b == close => Err(self.peek_syntax("trailing comma")),
            Some(b) => Ok(Some(b)),
            None => Err(self.peek_syntax("EOF while parsing a value")),
        }
    }

    /// The elements of an array: `each(reader, index)` reads one.
    #[inline]
    pub fn elements(
        &mut self,
        expecting: &str,
        mut each: impl FnMut(&mut Self, usize) -> Result<()>,
    ) -> Result<()> {
        self.elements_dyn(expecting, &mut each)
    }

    fn elements_dyn(&mut self, expecting: &str, each: &mut dyn Each<'a>) -> Result<()> {
        self.open(b'[', expecting)?;
        let mut i = 0;
        while self.next_item(i == 0, b']')?.is_some() {
            each.each(self, i)?;
            i += 1;
        }
        Ok(())
    }

    /// The members of an object of type `fields`: `each(reader, i)` reads the value of
    /// `fields.names[i]`; unknown keys are refused or skipped, a repeated one refused, and a
    /// missing required one reported after the object, as serde's derive does.
    #[inline]
    pub fn fields(
        &mut self,
        fields: &Fields,
        mut each: impl FnMut(&mut Self, usize) -> Result<()>,
    ) -> Result<()> {
        self.fields_dyn(fields, &mut each)
    }

    fn fields_dyn(&mut self, fields: &Fields, each: &mut dyn Each<'a>) -> Result<()> {
        self.open(b'{', fields.expecting)?;
        let mut seen = 0u32;
        let mut next = 0;
        let mut first = true;
        while let Some(key) = self.key(first)? {
            first = false;
            // Files are mostly written in declaration order: try the field after the last one.
            let found = match fields.names.get(next) {
                Some(n) if *n == key => Some(next),
                _ => fields.names.iter().position(|n| *n == key),
            };
            let Some(i) = found else {
                if fields.deny_unknown {
                    self.peek();
                    let message =
                        format!("unknown field `{key}`, expected {}", one_of(fields.names));
                    return Err(self.data(message).at_key(&key));
                }
                self.colon()?;
                self.skip()?;
                continue;
            };
            let bit = 1u32.checked_shl(i as u32).unwrap_or(0);
            if seen & bit != 0 {
                self.peek();
                return Err(self.data(format!("duplicate field `{key}`")));
            }
            seen |= bit;
            next = i + 1;
            self.colon()?;
            each.each(self, i).map_err(|e| e.at_key(&key))?;
        }
        let missing = fields.required & !seen;
        if missing != 0 {
            let name = fields
                .names
                .get(missing.trailing_zeros() as usize)
                .unwrap_or(&"");
            return Err(self.data(format!("missing field `{name}`")));
        }
        Ok(())
    }

    /// The first member of the top-level object, when it is `key` with a string value: how a
    /// document written by this engine (its `format` first) is known before it is read.
    pub fn first_member(text: &str, key: &str) -> Option<String> {
        let mut r = Reader::new(text);
        r.open(b'{', "").ok()?;
        if r.next_item(true, b'}').ok()?? != b'"' {
            return None;
        }
        r.pos += 1;
        if r.string_body().ok()? != key {
            return None;
        }
        r.colon().ok()?;
        r.string().ok()
    }

    /// The top-level object's `format`, when the whole text is JSON and it is a string: a file of
    /// another version is named by its format before its shapes are read.
    pub fn probe_format(text: &str) -> Option<String> {
        const PROBE: Fields = Fields {
            expecting: "struct Probe",
            names: &["format"],
            required: 0,
            deny_unknown: false,
        };
        let mut r = Reader::new(text);
        let mut found = None;
        r.fields(&PROBE, |r, _| {
            found = r.opt_string()?;
            Ok(())
        })
        .ok()?;
        r.end().ok()?;
        found
    }
}

/// What the readers of edits (`change.rs`), scenario files (`scenario.rs`) and a host's own
/// documents ([`crate::JsonReader`]) need besides the typed reads above: an object whose keys are
/// known only as it is read, serde's custom errors where serde_json places them, an enum written
/// as a one-key object, a value kept as its text.
impl<'a> Reader<'a> {
    /// The members of an object whose keys are known only as it is read (an edit: its `op` says
    /// which keys it has): `each(reader, key)` is called after each key, before its colon
    /// ([`Reader::colon_next`]), and reads its value.
    pub fn members(
        &mut self,
        expecting: &str,
        each: &mut dyn FnMut(&mut Self, &str) -> Result<()>,
    ) -> Result<()> {
        self.open(b'{', expecting)?;
        let mut first = true;
        while let Some(key) = self.key(first)? {
            first = false;
            each(self, &key)?;
        }
        Ok(())
    }

    /// The next key of an object whose `{` is read (after its comma unless `first`), or `None` at
    /// its end (`}` read).
    fn key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>> {
        match self.next_item(first, b'}')? {
            None => Ok(None),
            Some(b'"') => {
                self.pos += 1;
                self.string_body().map(Some)
            }
            Some(_) => Err(self.peek_syntax("key must be a string")),
        }
    }

    /// The colon between a key read by [`Reader::members`] and its value.
    pub fn colon_next(&mut self) -> Result<()> {
        self.colon()
    }

    /// A data error that a map's reader raises once a key or value is read (serde's custom errors:
    /// an unknown or repeated key, a name that is no variant), where serde_json reports it: past
    /// the white space that follows, and past the object's closing brace when it comes next.
    pub fn member_error(&mut self, message: String) -> Box<Error> {
        if self.peek() == Some(b'}') {
            self.pos += 1;
        }
        self.data(message)
    }

    /// An enum whose variants each hold a value, written as serde writes it (`{"name": value}`):
    /// `each(reader, i)` reads the value of `names[i]`. Its name alone (`"name"`) is refused as
    /// serde refuses it, a unit variant where a value was expected.
    pub fn newtype_variant<T>(
        &mut self,
        names: &[&str],
        each: impl FnOnce(&mut Self, usize) -> Result<T>,
    ) -> Result<T> {
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                let i = match self.peek() {
                    Some(b'"') => self.variant(names)?,
                    Some(b'}') => return Err(self.peek_syntax("expected value")),
                    Some(_) => return Err(self.peek_syntax("key must be a string")),
                    None => return Err(self.peek_syntax("EOF while parsing an object")),
                };
                self.colon()?;
                let value = each(self, i)?;
                match self.peek() {
                    Some(b'}') => {
                        self.pos += 1;
                        Ok(value)
                    }
                    Some(_) => Err(self.syntax("expected value")),
                    None => Err(self.syntax("EOF while parsing an object")),
                }
            }
            Some(b'"') => {
                self.variant(names)?;
                let message = "invalid type: unit variant, expected newtype variant";
                Err(self.member_error(message.to_owned()))
            }
            None => Err(self.peek_syntax("EOF while parsing a value")),
            Some(_) => Err(self.peek_syntax("expected value")),
        }
    }

    /// The text of the value that comes next, checked as JSON and read past (serde_json's
    /// `RawValue`: from its first byte to its last).
    pub fn raw(&mut self) -> Result<&'a str> {
        self.peek();
        let start = self.pos;
        self.skip()?;
        Ok(self.text.get(start..self.pos).unwrap_or_default())
    }
}

/// serde's message for a key a struct does not have.
pub(crate) fn unknown_field(key: &str, expected: &[&str]) -> String {
    if expected.is_empty() {
        return format!("unknown field `{key}`, there are no fields");
    }
    format!("unknown field `{key}`, expected {}", one_of(expected))
}

/// serde's message for a name that is none of an enum's variants.
pub(crate) fn unknown_variant(name: &str, expected: &[&str]) -> String {
    format!("unknown variant `{name}`, expected {}", one_of(expected))
}

/// The position of the first `"`, `\\` or control character, eight bytes at a time (as serde_json
/// does): most strings of a file are read in a few steps.
fn to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut seen = 0;
    for chunk in chunks {
        let c = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([b' '; 8]));
        let control = c.wrapping_sub(ONES * 0x20) & !c;
        let q = c ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let b = c ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b;
        let found = (control | quote | backslash) & (ONES << 7);
        if found != 0 {
            return Some(seen + found.trailing_zeros() as usize / 8);
        }
        seen += 8;
    }
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| seen + i)
}

/// A string quoted as Rust's `Debug` quotes it (serde's `string "…"`), without its Unicode tables:
/// quotes, backslashes and the usual escapes as `Debug` writes them, and any invisible character
/// (`text.rs`) as `\u{…}`.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if crate::text::is_invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A scalar token, for "invalid type" messages.
enum Scalar<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
}

impl Scalar<'_> {
    fn is_integer(&self) -> bool {
        match self {
            // serde_json's integers: a `u64`, or a negative `i64` (`-0` is a float). The reader
            // checked the grammar (no leading zero), so comparing the digits as text is comparing
            // the numbers; no integer parser is needed.
            Scalar::Number(n) => {
                let (digits, max) = match n.strip_prefix('-') {
                    Some("0") => return false,
                    Some(digits) => (digits, "9223372036854775808"),
                    None => (*n, "18446744073709551615"),
                };
                digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits.len(), digits) <= (max.len(), max)
            }
            _ => false,
        }
    }

    /// serde's `Unexpected`: `null`, "boolean `true`", "integer `42`", "floating point `1.5`".
    fn unexpected(&self) -> String {
        match self {
            Scalar::Null => String::from("null"),
            Scalar::Bool(b) => format!("boolean `{b}`"),
            Scalar::Number(n) if self.is_integer() => format!("integer `{n}`"),
            Scalar::Number(n) => format!("floating point `{n}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    /// A number is an integer exactly where serde_json reads one (a `u64`, or an `i64` other than
    /// `-0`), at the edges of both ranges.
    #[test]
    fn integers_are_those_serde_json_reads() {
        for n in [
            "0",
            "-0",
            "7",
            "-7",
            "1.5",
            "1e3",
            "-2E-2",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
            "100000000000000000000",
            "9223372036854775807",
            "-9223372036854775808",
            "-9223372036854775809",
            "-10000000000000000000",
            "-999999999999999999",
        ] {
            let serde = n.parse::<u64>().is_ok() || (n.parse::<i64>().is_ok() && n != "-0");
            assert_eq!(super::Scalar::Number(n).is_integer(), serde, "{n}");
        }
    }

    /// `quoted` writes what `Debug` writes, for text and for the invisible characters the engine
    /// refuses in ids and names (it leaves other unprintable marks, such as a combining accent, as
    /// they are: that is where it differs from `Debug`).
    #[test]
    fn strings_are_quoted_as_debug_quotes_them() {
        for s in [
            "",
            "plain",
            "Hélène « Dr » 医生",
            "a\"b\\c",
            "tab\there\nnew\rline\0nul",
            "esc\u{1b}[2J",
            "rlo\u{202e}zw\u{200b}bom\u{feff}",
            "it's",
        ] {
            assert_eq!(super::quoted(s), format!("{s:?}"));
        }
    }
}
