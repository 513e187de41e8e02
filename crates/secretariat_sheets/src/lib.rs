//! # secretariat_sheets
//!
//! Spreadsheets in and out, the way admins keep them (issue 13):
//!
//! - **people** — `Nom`, `Catégorie`, `RPPS`, `Externe` (and optionally `Id`);
//! - **practice accesses** — `Secrétaire`, `Médecin`, then one column per permission headed by the
//!   product's French label (`Tableau de bord`, `Agenda`, …), a cell saying whether it is granted;
//! - **the network's report** of a doctor's secretaries — `Secrétaire`, `Médecin`, `RPPS Médecin`
//!   (seed 001, §3.2) — read as affiliations.
//!
//! Reading gives core [`Change`]s (`add_person`, `add_access`, `add_affiliation`…): the CLI applies
//! them to a file, the playground pushes them on its edit history, so an import can be undone and is
//! checked like any edit. Separators `;` and `,`, UTF-8 with or without BOM. Every problem is
//! reported with its sheet, row and column, and nothing is half-imported: one problem and no change
//! comes out. Export writes the same three sheets (`;`, BOM: what French spreadsheet software opens).
//!
//! CSV is read and written by the `csv` crate. Plain Rust: builds for `wasm32-unknown-unknown`.

mod export;
mod import;
mod read;
mod words;

use std::fmt;

pub use export::export;
pub use import::{import, import_into};

#[cfg(doc)]
use secretariat_core::Change;

/// One CSV file handed to [`import`]: its name (for messages) and its bytes as read from disk.
#[derive(Clone, Copy, Debug)]
pub struct Sheet<'a> {
    /// The file name, as problems quote it.
    pub name: &'a str,
    /// The file's bytes (UTF-8, with or without BOM).
    pub bytes: &'a [u8],
}

/// What a sheet holds, told by its header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SheetKind {
    /// Nom, Catégorie, RPPS, Externe.
    People,
    /// Secrétaire, Médecin, then one column per permission.
    Accesses,
    /// Secrétaire, Médecin, RPPS Médecin: the network's report, read as affiliations.
    Secretaries,
}

impl SheetKind {
    /// Every kind, in the order an import applies them (people first: the others name them).
    pub const ALL: [SheetKind; 3] = [
        SheetKind::People,
        SheetKind::Accesses,
        SheetKind::Secretaries,
    ];

    /// `people`, `accesses`, `secretaries` (the CLI's `--sheet`).
    pub fn id(self) -> &'static str {
        match self {
            SheetKind::People => "people",
            SheetKind::Accesses => "accesses",
            SheetKind::Secretaries => "secretaries",
        }
    }

    /// The kind named `id`.
    pub fn parse(id: &str) -> Option<SheetKind> {
        SheetKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// One problem of an import: which sheet, which row and column (1-based, as a spreadsheet shows
/// them; the header is row 1), and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The sheet's name.
    pub sheet: String,
    /// Row, 1-based (0: the sheet as a whole).
    pub row: usize,
    /// Column, 1-based, when one cell is at fault.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub header: Option<String>,
    /// What, lowercase, quoting the sheet's values in backticks.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.sheet)?;
        if self.row > 0 {
            write!(f, ": row {}", self.row)?;
        }
        if let Some(c) = self.column {
            write!(f, ", column {}", words::column_letters(c))?;
            if let Some(h) = &self.header {
                write!(f, " ({h})")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// The sheets could not be imported: every problem found, sheet by sheet, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    problems: Vec<Problem>,
}

impl ImportError {
    /// Every problem, in sheet and row order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the sheets:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}
