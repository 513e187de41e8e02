//! How admins spell things in a sheet: headers and names without accents or case, yes and no,
//! categories, and the ids made from names.

use secretariat_core::file::Category;

/// `A`, `B`, … `Z`, `AA`: the column as a spreadsheet names it (1-based).
pub(crate) fn column_letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Lowercase without accents: `Catégorie` and `CATEGORIE` read the same.
pub(crate) fn fold(s: &str) -> String {
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

/// A header as compared: folded, inner white space collapsed.
pub(crate) fn header_key(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A person's name as compared: folded words in any order, titles dropped, so that the report's
/// `MARTIN Claire` finds `Dr Claire Martin`.
pub(crate) fn name_key(s: &str) -> String {
    let folded = fold(s);
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !matches!(*w, "dr" | "dr." | "docteur" | "pr" | "pr."))
        .collect();
    words.sort_unstable();
    words.join(" ")
}

/// An id made from a name: `Dr Hélène Roux` → `dr-helene-roux`.
pub(crate) fn slug(name: &str) -> String {
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
    if out.is_empty() {
        out.push_str("personne");
    }
    out
}

/// A cell that says yes or no: `oui`, `x`, `1`, `vrai`, `true`, `✓` / empty, `non`, `0`, `faux`,
/// `false`. `None` for anything else.
pub(crate) fn yes_no(cell: &str) -> Option<bool> {
    match fold(cell).as_str() {
        "oui" | "o" | "x" | "1" | "vrai" | "true" | "yes" | "y" | "✓" | "✔" => Some(true),
        "" | "non" | "n" | "0" | "faux" | "false" | "no" | "-" => Some(false),
        _ => None,
    }
}

/// `médecin` / `secrétaire`, as the directory prints them (or the file's ids).
pub(crate) fn category(cell: &str) -> Option<Category> {
    match fold(cell).as_str() {
        "medecin" => Some(Category::Medecin),
        "secretaire" => Some(Category::Secretaire),
        _ => None,
    }
}

/// `oui` / `non` as an export writes it.
pub(crate) fn yes_no_word(b: bool) -> &'static str {
    if b {
        "oui"
    } else {
        "non"
    }
}

/// What a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, tab, carriage return).
pub(crate) const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A cell as an export writes it: text that a spreadsheet would run as a formula gets a leading
/// `'` (which an import takes off again).
pub(crate) fn guarded(cell: String) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell
    }
}
