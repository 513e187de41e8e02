//! Bytes of a CSV file → a header and rows of text, every problem with its row and column. The
//! `csv` crate does the reading; here: the BOM, the separator, UTF-8 per cell.

use crate::{Problem, Sheet};

/// A sheet read: its header cells and its rows (with their 1-based row numbers), empty rows left out.
pub(crate) struct Table {
    pub(crate) name: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// A problem on one cell of this sheet.
    pub(crate) fn problem(&self, row: usize, column: Option<usize>, message: String) -> Problem {
        Problem {
            sheet: self.name.clone(),
            row,
            column: column.map(|c| c + 1),
            header: column
                .and_then(|c| self.header.get(c))
                .filter(|h| !h.is_empty())
                .cloned(),
            message,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell an export guarded against formula injection (`'=…`), as written before the guard.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::words::FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// `;` or `,`: whichever the header line holds more of, outside quotes (`;` on a tie, as French
/// spreadsheet software writes).
fn separator(bytes: &[u8]) -> u8 {
    let (mut semi, mut comma, mut quoted) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b';' if !quoted => semi += 1,
            b',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if comma > semi {
        b','
    } else {
        b';'
    }
}

/// Reads one sheet; `Err` lists every problem found in it.
pub(crate) fn table(sheet: &Sheet<'_>) -> Result<Table, Vec<Problem>> {
    let bytes = sheet.bytes.strip_prefix(BOM).unwrap_or(sheet.bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Table {
        name: sheet.name.to_owned(),
        header: Vec::new(),
        rows: Vec::new(),
    };
    let mut problems = Vec::new();
    for (i, record) in reader.byte_records().enumerate() {
        let row = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e
                    .position()
                    .map_or(row, |p| usize::try_from(p.record()).map_or(row, |r| r + 1));
                problems.push(table.problem(row, None, format!("not a CSV row: {e}")));
                break;
            }
        };
        let mut cells = Vec::with_capacity(record.len());
        for (c, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(text) => cells.push(unguarded(text.trim()).to_owned()),
                Err(_) => {
                    let message = "not UTF-8 text; save the sheet as « CSV UTF-8 »".to_owned();
                    problems.push(table.problem(row, Some(c), message));
                    cells.push(String::new());
                }
            }
        }
        if row == 1 {
            table.header = cells;
        } else if cells.iter().any(|c| !c.is_empty()) {
            table.rows.push((row, cells));
        }
    }
    if table.header.iter().all(String::is_empty) && problems.is_empty() {
        problems.push(table.problem(0, None, "empty sheet: no header row".to_owned()));
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}
