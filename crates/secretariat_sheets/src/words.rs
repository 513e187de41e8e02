//! How admins spell things in a sheet: headers and names without accents or case, yes and no,
//! categories, and the ids made from names.

use secretariat_core::file::Category;
pub(crate) use secretariat_core::fold;

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

/// An id made from a name: `Dr Hélène Roux` → `dr-helene-roux` ([`secretariat_core::slug`]),
/// `personne` for a name without a letter or digit.
pub(crate) fn slug(name: &str) -> String {
    match secretariat_core::slug(name) {
        s if s.is_empty() => "personne".to_owned(),
        s => s,
    }
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
