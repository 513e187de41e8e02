//! Text from a file is data, never markup or control: what an id and a name may be, how much of a
//! bad value a message quotes, and the inert form of text that leaves the engine (CSV, letters,
//! terminals, `mailto:` links).

use std::borrow::Cow;

/// Longest id accepted (person, group, centre, RCP, dossier, patient, RPPS), in bytes.
pub const MAX_ID_BYTES: usize = 128;
/// Longest name accepted (people, groups, centres, RCPs, the organisation), in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Most characters of a bad value an error message quotes.
pub(crate) const MAX_QUOTED_CHARS: usize = 100;

/// Characters that change how text around them is shown without being seen: control characters
/// (newline, ESC, NUL…), the bidirectional controls (U+202A–U+202E, U+2066–U+2069, marks) and the
/// zero-width ones. Two ids that differ only by them cannot be told apart on screen.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{061C}'
                | '\u{FEFF}'
        )
}

/// What is wrong with an id, if anything: empty, too long, or holding an invisible character.
pub(crate) fn id_problem(kind: &str, id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some(format!("empty {kind} id"));
    }
    if id.len() > MAX_ID_BYTES {
        return Some(format!(
            "{kind} id `{}` is {} bytes; the limit is {MAX_ID_BYTES}",
            clip(id),
            id.len()
        ));
    }
    invisible_problem(kind, " id", id)
}

/// What is wrong with a name, if anything: too long, or holding an invisible character.
pub(crate) fn name_problem(name: &str) -> Option<String> {
    // A name of at most that many bytes has at most that many characters: no need to count them.
    if name.len() > MAX_NAME_CHARS {
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Some(format!(
                "name `{}` is {chars} characters; the limit is {MAX_NAME_CHARS}",
                clip(name)
            ));
        }
    }
    invisible_problem("name", "", name)
}

/// `what` and `suffix` (« person » and « id ») are joined only for the message: every id of a file
/// is checked, and the check itself allocates nothing.
fn invisible_problem(what: &str, suffix: &str, text: &str) -> Option<String> {
    // Printable ASCII, nearly every id and name, holds no invisible character: no decoding.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return None;
    }
    let c = text.chars().find(|&c| is_invisible(c))?;
    Some(format!(
        "{what}{suffix} `{}` holds the invisible character U+{:04X}; ids and names are printable text",
        clip(text),
        u32::from(c)
    ))
}

/// A value as a message quotes it: at most [`MAX_QUOTED_CHARS`] characters, with `…` when cut, and
/// inert (a newline in a bad id must not forge a line in a log).
pub(crate) fn clip(s: &str) -> Cow<'_, str> {
    let cut = match s.char_indices().nth(MAX_QUOTED_CHARS) {
        None => Cow::Borrowed(s),
        Some((end, _)) => Cow::Owned(format!("{}…", s.get(..end).unwrap_or_default())),
    };
    match inert(&cut) {
        Cow::Borrowed(_) => cut,
        Cow::Owned(clean) => Cow::Owned(clean),
    }
}

/// A message whose every backtick-quoted value is clipped to [`MAX_QUOTED_CHARS`] characters (for
/// messages written by others, such as serde_json's, that quote the input whole).
pub(crate) fn clip_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1_000));
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(&clip(part));
        } else {
            out.push_str(&clip_long(part));
        }
    }
    out
}

/// Unquoted text is the message's own words: only an absurd length is cut.
fn clip_long(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(3 * MAX_QUOTED_CHARS) {
        None => Cow::Borrowed(s),
        Some((end, _)) => Cow::Owned(format!("{}…", s.get(..end).unwrap_or_default())),
    }
}

/// Text with its invisible characters (controls, bidirectional overrides) dropped: what may be
/// written to a terminal, a CSV cell or a letter. Line breaks and tabs are kept only where the
/// caller's own layout puts them, never from a value: call this on values.
pub fn inert(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_invisible) {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if !is_invisible(c) {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Letter text: values made inert, the letter's own line breaks kept.
pub(crate) fn inert_lines(s: &str) -> String {
    s.split('\n').map(inert).collect::<Vec<_>>().join("\n")
}

/// Whether `s` is a plain e-mail address: `local@domain`, at most 254 bytes, no space, control or
/// character that a `mailto:` link or a mail header would read as syntax (`?`, `&`, `,`, `;`,
/// `<`, `>`, `%`, quotes…), a dot in the domain.
pub fn is_email(s: &str) -> bool {
    let plain = |part: &str, extra: &[u8]| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.+".contains(&b) || extra.contains(&b))
    };
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && plain(local, b"")
        && plain(domain, b"")
        && !domain.contains('+')
        && domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
}

/// Percent-encoding for a `mailto:` link: everything but unreserved ASCII is encoded (RFC 3986).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `mailto:` link to a checked address, with subject and body, every part percent-encoded; `None`
/// when the address is not a plain e-mail address.
pub(crate) fn mailto(to: &str, subject: &str, body: &str) -> Option<String> {
    is_email(to).then(|| {
        let (local, domain) = to.split_once('@').unwrap_or((to, ""));
        format!(
            "mailto:{}@{}?subject={}&body={}",
            percent_encode(local),
            percent_encode(domain),
            percent_encode(subject),
            percent_encode(body)
        )
    })
}

/// Text as compared and as ids are made of it: trimmed, lower case, French accents dropped,
/// ligatures spelt out — `Catégorie` and `CATEGORIE` read the same.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

/// A readable id from a name: folded ([`fold`]), letters and digits kept, every other run of
/// characters one `-` (« Dr Émilie Lefèvre » → `dr-emilie-lefevre`). Empty when the name has no
/// letter or digit: the caller says what stands in then.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// `base` if it is free, else the first free of `base-2`, `base-3`…: a new id that `taken` does not
/// already hold.
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_owned();
    let mut n = 2_u32;
    while taken(&id) {
        id = format!("{base}-{n}");
        n = n.saturating_add(1);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_printable_and_short() {
        for bad in [
            "",
            " ",
            "a\nb",
            "a\u{1b}[31m",
            "a\0",
            "sophie\u{202E}",
            "a\u{200B}b",
        ] {
            assert!(id_problem("person", bad).is_some(), "{bad:?}");
        }
        assert!(id_problem("person", &"x".repeat(129)).is_some());
        for good in [
            "sophie",
            "dr-martin",
            "Zoé Müller",
            "x".repeat(128).as_str(),
        ] {
            assert_eq!(id_problem("person", good), None, "{good:?}");
        }
        assert_eq!(
            id_problem("person", "a\u{200B}b").as_deref(),
            Some("person id `ab` holds the invisible character U+200B; ids and names are printable text")
        );
        assert_eq!(
            name_problem("Zoé\u{2066}").as_deref(),
            Some(
                "name `Zoé` holds the invisible character U+2066; ids and names are printable text"
            )
        );
        // Counted in characters, not bytes: 300 two-byte letters are a name, 301 are too many.
        assert_eq!(name_problem(&"é".repeat(300)), None);
        assert!(name_problem(&"é".repeat(301))
            .is_some_and(|m| m.ends_with("` is 301 characters; the limit is 300")));
    }

    #[test]
    fn long_values_are_clipped_in_messages() {
        let long = "y".repeat(1_000_000);
        let m = clip_quoted(&format!("unknown person `{long}` here"));
        assert!(m.len() < 200 && m.starts_with("unknown person `yyy") && m.ends_with("…` here"));
        assert_eq!(
            clip_quoted("unknown person `a\nINFO forged`"),
            "unknown person `aINFO forged`"
        );
    }

    #[test]
    fn only_plain_addresses_make_a_mailto() {
        assert!(is_email("support@dcc-aura.example"));
        for bad in [
            "vendor@x?cc=evil@y.example",
            "a@b.example&bcc=c@d.example",
            "a b@c.example",
            "a@b",
            "@b.example",
            "a@b.example\r\nBcc: c@d.example",
            "a,b@c.example",
        ] {
            assert!(!is_email(bad), "{bad}");
            assert_eq!(mailto(bad, "s", "b"), None);
        }
        assert_eq!(
            mailto("a+b@c.example", "Objet é", "x&y").as_deref(),
            Some("mailto:a%2Bb@c.example?subject=Objet%20%C3%A9&body=x%26y")
        );
    }

    #[test]
    fn inert_text_drops_controls_and_overrides() {
        assert_eq!(inert("a\u{1b}[2Jb\u{202E}c\rd\te"), "a[2Jbcde");
        assert_eq!(inert_lines("Bonjour,\n\nSo\u{7}phie"), "Bonjour,\n\nSophie");
    }
}
