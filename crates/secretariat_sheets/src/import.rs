//! Sheets → core changes. People first (the other sheets name them), then practice accesses, then
//! the network's report as affiliations. Names are matched without case, accents, titles or word
//! order; an `Id` cell always wins.

use secretariat_core::file::{Category, OrgFile, PermissionEntry};
use secretariat_core::{rpps_is_well_formed, Change, Lang, Organisation, Permission};

use crate::read::{table, Table};
use crate::words::{category, fold, header_key, name_key, slug, yes_no};
use crate::{ImportError, Problem, Sheet, SheetKind};

/// The changes that bring `base` in line with `sheets` (people added or updated, accesses added or
/// their permissions granted and revoked, affiliations added). Every problem of every sheet, or the
/// changes: never part of them.
pub fn import(base: &OrgFile, sheets: &[Sheet<'_>]) -> Result<Vec<Change>, ImportError> {
    let mut problems = Vec::new();
    let mut tables: Vec<(SheetKind, Table)> = Vec::new();
    for sheet in sheets {
        match table(sheet) {
            Ok(t) => match kind(&t) {
                Some(k) => tables.push((k, t)),
                None => problems.push(t.problem(
                    1,
                    None,
                    "unrecognised sheet: expected the headers of people (Nom, Catégorie, RPPS, Externe), of practice accesses (Secrétaire, Médecin, then one column per permission) or of the report of a doctor's secretaries (Secrétaire, Médecin, RPPS Médecin)".to_owned(),
                )),
            },
            Err(p) => problems.extend(p),
        }
    }
    let mut import = Import {
        base,
        directory: Directory::of(base),
        changes: Vec::new(),
        problems,
    };
    // In `SheetKind::ALL`'s order, each kind's sheets in the order given (a stable sort by kind,
    // without a sort in the `.wasm`).
    let in_order = SheetKind::ALL
        .iter()
        .flat_map(|kind| tables.iter().filter(move |(k, _)| k == kind));
    for (k, t) in in_order {
        match k {
            SheetKind::People => import.people(t),
            SheetKind::Accesses => import.accesses(t),
            SheetKind::Secretaries => import.secretaries(t),
        }
    }
    if import.problems.is_empty() {
        Ok(import.changes)
    } else {
        Err(ImportError {
            problems: import.problems,
        })
    }
}

/// `base` with the sheets imported, checked as a whole like any organisation file.
pub fn import_into(base: OrgFile, sheets: &[Sheet<'_>]) -> Result<OrgFile, ImportError> {
    let changes = import(&base, sheets)?;
    let whole = |message: String| Problem {
        sheet: "organisation".to_owned(),
        row: 0,
        column: None,
        header: None,
        message,
    };
    let mut file = base;
    Change::apply_all(&changes, &mut file).map_err(|e| ImportError {
        problems: e.problems().iter().map(|p| whole(p.to_string())).collect(),
    })?;
    Organisation::from_file(file)
        .map(|org| org.file().clone())
        .map_err(|e| ImportError {
            problems: e.problems().iter().map(|p| whole(p.to_string())).collect(),
        })
}

/// The kind of a sheet, from its header row.
fn kind(t: &Table) -> Option<SheetKind> {
    let has = |h: &str| t.header.iter().any(|x| header_key(x) == h);
    if has("rpps medecin") {
        Some(SheetKind::Secretaries)
    } else if has("nom") {
        Some(SheetKind::People)
    } else if has("secretaire") && has("medecin") {
        Some(SheetKind::Accesses)
    } else {
        None
    }
}

/// The people an import can name: the base's and those the sheets add.
struct Directory {
    people: Vec<Known>,
}

struct Known {
    id: String,
    key: String,
    rpps: Option<String>,
    category: Category,
    external: Option<bool>,
}

impl Directory {
    fn of(base: &OrgFile) -> Directory {
        Directory {
            people: base
                .people
                .iter()
                .map(|p| Known {
                    id: p.id.clone(),
                    key: name_key(&p.name),
                    rpps: p.rpps.clone(),
                    category: p.category,
                    external: p.external,
                })
                .collect(),
        }
    }

    /// The person a cell names: by id, else by name; an error says why not.
    fn find(&self, cell: &str) -> Result<&Known, String> {
        if let Some(k) = self.people.iter().find(|k| k.id == cell) {
            return Ok(k);
        }
        let key = name_key(cell);
        let mut found = self.people.iter().filter(|k| k.key == key);
        match (found.next(), found.next()) {
            (Some(k), None) => Ok(k),
            (Some(a), Some(b)) => Err(format!(
                "`{cell}` names more than one person (`{}`, `{}`); write the id instead",
                a.id, b.id
            )),
            (None, _) => Err(format!(
                "unknown person `{cell}`; add this person to the people sheet first"
            )),
        }
    }

    /// An id made from `name`, unused so far.
    fn fresh_id(&self, name: &str) -> String {
        secretariat_core::fresh_id(&slug(name), |id| self.people.iter().any(|k| k.id == id))
    }
}

struct Import<'a> {
    base: &'a OrgFile,
    directory: Directory,
    changes: Vec<Change>,
    problems: Vec<Problem>,
}

/// The column headed `name` (compared folded), or a problem on the header row.
fn column(t: &Table, name: &str, shown: &str, problems: &mut Vec<Problem>) -> Option<usize> {
    let found = t.header.iter().position(|h| header_key(h) == name);
    if found.is_none() {
        problems.push(t.problem(1, None, format!("no `{shown}` column")));
    }
    found
}

fn cell(cells: &[String], column: Option<usize>) -> &str {
    column.and_then(|c| cells.get(c)).map_or("", String::as_str)
}

impl Import<'_> {
    fn people(&mut self, t: &Table) {
        let p = &mut self.problems;
        let (name_col, cat_col) = (
            column(t, "nom", "Nom", p),
            column(t, "categorie", "Catégorie", p),
        );
        let find = |h: &str| t.header.iter().position(|x| header_key(x) == h);
        let (id_col, rpps_col, ext_col) = (find("id"), find("rpps"), find("externe"));
        if name_col.is_none() || cat_col.is_none() {
            return;
        }
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (row, cells) in &t.rows {
            let row = *row;
            let name = cell(cells, name_col);
            if name.is_empty() {
                self.problems
                    .push(t.problem(row, name_col, "empty name".to_owned()));
                continue;
            }
            let key = name_key(name);
            let before = self.problems.len();
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                self.problems.push(t.problem(
                    row,
                    name_col,
                    format!("`{name}` is already on row {first}"),
                ));
            }
            seen.push((key, row));
            let cat_cell = cell(cells, cat_col);
            let cat = category(cat_cell);
            if cat.is_none() {
                self.problems.push(t.problem(
                    row,
                    cat_col,
                    format!("`{cat_cell}` is not a category; write `médecin` or `secrétaire`"),
                ));
            }
            let rpps: String = cell(cells, rpps_col)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !rpps.is_empty() && !rpps_is_well_formed(&rpps) {
                self.problems.push(t.problem(
                    row,
                    rpps_col,
                    format!(
                        "`{rpps}` is not an RPPS number (11 digits, the last a Luhn check digit)"
                    ),
                ));
            }
            let ext_cell = cell(cells, ext_col);
            let external = yes_no(ext_cell);
            if external.is_none() {
                self.problems.push(t.problem(
                    row,
                    ext_col,
                    format!("`{ext_cell}` is neither yes nor no; write `oui` or `non`"),
                ));
            }
            let (Some(cat), Some(external)) = (cat, external) else {
                continue;
            };
            if self.problems.len() > before {
                continue;
            }
            let rpps = (!rpps.is_empty()).then_some(rpps);
            let external = (ext_col.is_some() && !ext_cell.is_empty()).then_some(external);
            let id_cell = cell(cells, id_col);
            let existing = if id_cell.is_empty() {
                let key = name_key(name);
                let mut same = self.directory.people.iter().filter(|k| k.key == key);
                match (same.next(), same.next()) {
                    (Some(_), Some(_)) => {
                        self.problems.push(t.problem(
                            row,
                            name_col,
                            format!("`{name}` names more than one person; give their ids in an `Id` column"),
                        ));
                        continue;
                    }
                    (found, _) => found,
                }
            } else {
                self.directory.people.iter().find(|k| k.id == id_cell)
            };
            match existing {
                Some(k) => {
                    if rpps.is_some() && k.rpps != rpps {
                        self.problems.push(t.problem(
                            row,
                            rpps_col,
                            format!(
                                "`{}` has RPPS `{}` in the organisation; correct the sheet or the organisation file",
                                k.id,
                                k.rpps.as_deref().unwrap_or("")
                            ),
                        ));
                        continue;
                    }
                    let person = k.id.clone();
                    if k.category != cat {
                        self.changes.push(Change::SetCategory {
                            person: person.clone(),
                            category: cat,
                        });
                    }
                    if let Some(external) = external.filter(|e| k.external != Some(*e)) {
                        self.changes.push(Change::SetExternal { person, external });
                    }
                }
                None => {
                    let id = if id_cell.is_empty() {
                        self.directory.fresh_id(name)
                    } else {
                        id_cell.to_owned()
                    };
                    self.directory.people.push(Known {
                        id: id.clone(),
                        key: name_key(name),
                        rpps: rpps.clone(),
                        category: cat,
                        external,
                    });
                    self.changes.push(Change::AddPerson {
                        id,
                        name: name.to_owned(),
                        category: cat,
                        rpps,
                        external,
                    });
                }
            }
        }
    }

    /// The person a cell names, or a problem on that cell.
    fn person(
        &mut self,
        t: &Table,
        row: usize,
        col: Option<usize>,
        cells: &[String],
    ) -> Option<String> {
        let text = cell(cells, col);
        if text.is_empty() {
            self.problems
                .push(t.problem(row, col, "empty cell".to_owned()));
            return None;
        }
        match self.directory.find(text) {
            Ok(k) => Some(k.id.clone()),
            Err(message) => {
                self.problems.push(t.problem(row, col, message));
                None
            }
        }
    }

    fn accesses(&mut self, t: &Table) {
        let p = &mut self.problems;
        let (s_col, d_col) = (
            column(t, "secretaire", "Secrétaire", p),
            column(t, "medecin", "Médecin", p),
        );
        let (Some(s_idx), Some(d_idx)) = (s_col, d_col) else {
            return;
        };
        let mut perms: Vec<(usize, Permission)> = Vec::new();
        for (c, h) in t.header.iter().enumerate() {
            if c == s_idx || c == d_idx || h.is_empty() {
                continue;
            }
            let key = header_key(h);
            match Permission::ALL
                .into_iter()
                .find(|p| header_key(p.label(Lang::Fr)) == key || fold(p.id()) == key)
            {
                Some(p) => perms.push((c, p)),
                None => self.problems.push(t.problem(
                    1,
                    Some(c),
                    format!(
                        "`{h}` is not a permission; the headers are the product's labels: {}",
                        Permission::ALL
                            .iter()
                            .map(|p| p.label(Lang::Fr))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
        }
        let mut seen: Vec<(String, String, usize)> = Vec::new();
        for (row, cells) in &t.rows {
            let row = *row;
            let (s, d) = (
                self.person(t, row, s_col, cells),
                self.person(t, row, d_col, cells),
            );
            let mut granted = Vec::new();
            for &(c, p) in &perms {
                let text = cell(cells, Some(c));
                match yes_no(text) {
                    Some(true) => granted.push(p),
                    Some(false) => {}
                    None => self.problems.push(t.problem(
                        row,
                        Some(c),
                        format!(
                            "`{text}` is neither yes nor no; write `oui` or leave the cell empty"
                        ),
                    )),
                }
            }
            let (Some(s), Some(d)) = (s, d) else {
                continue;
            };
            if let Some((_, _, first)) = seen.iter().find(|(a, b, _)| *a == s && *b == d) {
                self.problems.push(t.problem(
                    row,
                    None,
                    format!("the access of `{s}` to `{d}`'s account is already on row {first}"),
                ));
                continue;
            }
            seen.push((s.clone(), d.clone(), row));
            let columns: Vec<Permission> = perms.iter().map(|&(_, p)| p).collect();
            self.access(s, d, &granted, &columns);
        }
    }

    /// Changes that make the access of `s` to `d` hold exactly `granted` among the sheet's
    /// `columns` (windows kept; a permission without a column is left as it is).
    fn access(&mut self, s: String, d: String, granted: &[Permission], columns: &[Permission]) {
        let held = self
            .base
            .practice
            .iter()
            .flat_map(|p| &p.accesses)
            .find(|a| a.secretary == s && a.doctor == d);
        let Some(held) = held else {
            self.changes.push(Change::AddAccess {
                secretary: s,
                doctor: d,
                permissions: granted
                    .iter()
                    .map(|p| PermissionEntry::Id(p.id().to_owned()))
                    .collect(),
                valid_from: None,
                valid_until: None,
            });
            return;
        };
        for p in granted {
            if !held.permissions.iter().any(|x| x.id() == p.id()) {
                self.changes.push(Change::GrantPermission {
                    secretary: s.clone(),
                    doctor: d.clone(),
                    permission: p.id().to_owned(),
                    valid_from: None,
                    valid_until: None,
                });
            }
        }
        for x in &held.permissions {
            let in_sheet = columns.iter().any(|p| p.id() == x.id());
            if in_sheet && !granted.iter().any(|p| p.id() == x.id()) {
                self.changes.push(Change::RevokePermission {
                    secretary: s.clone(),
                    doctor: d.clone(),
                    permission: x.id().to_owned(),
                });
            }
        }
    }

    fn secretaries(&mut self, t: &Table) {
        let p = &mut self.problems;
        let (s_col, d_col, r_col) = (
            column(t, "secretaire", "Secrétaire", p),
            column(t, "medecin", "Médecin", p),
            column(t, "rpps medecin", "RPPS Médecin", p),
        );
        if s_col.is_none() || d_col.is_none() || r_col.is_none() {
            return;
        }
        let mut seen: Vec<(String, String)> = Vec::new();
        for (row, cells) in &t.rows {
            let row = *row;
            let s = self.person(t, row, s_col, cells);
            let rpps: String = cell(cells, r_col)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let d = if rpps.is_empty() {
                self.person(t, row, d_col, cells)
            } else {
                self.doctor_by_rpps(t, row, (d_col, r_col), cells, &rpps)
            };
            let (Some(s), Some(d)) = (s, d) else {
                continue;
            };
            if seen.iter().any(|(a, b)| *a == s && *b == d) || self.affiliated(&s, &d) {
                continue;
            }
            seen.push((s.clone(), d.clone()));
            self.changes.push(Change::AddAffiliation {
                doctor: d,
                secretary: Some(s),
                group: None,
                valid_from: None,
                valid_until: None,
            });
        }
    }

    /// The doctor of a report row, by RPPS; the name, when given, must agree.
    fn doctor_by_rpps(
        &mut self,
        t: &Table,
        row: usize,
        (d_col, r_col): (Option<usize>, Option<usize>),
        cells: &[String],
        rpps: &str,
    ) -> Option<String> {
        let Some(k) = self
            .directory
            .people
            .iter()
            .find(|k| k.rpps.as_deref() == Some(rpps))
        else {
            self.problems.push(t.problem(
                row,
                r_col,
                format!("no doctor has RPPS `{rpps}`; add the doctor to the people sheet first"),
            ));
            return None;
        };
        let name = cell(cells, d_col);
        if !name.is_empty() && self.directory.find(name).map(|x| &x.id) != Ok(&k.id) {
            self.problems.push(t.problem(
                row,
                d_col,
                format!("`{name}` is not the doctor with RPPS `{rpps}` (`{}`)", k.id),
            ));
            return None;
        }
        Some(k.id.clone())
    }

    /// Whether `d` is already attached to `s` in the base, directly or through a group of hers.
    fn affiliated(&self, s: &str, d: &str) -> bool {
        let groups: Vec<&str> = self
            .base
            .groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == s))
            .map(|g| g.id.as_str())
            .collect();
        self.base
            .network
            .iter()
            .flat_map(|n| &n.affiliations)
            .filter(|a| a.doctor == d)
            .any(|a| {
                a.secretary.as_deref() == Some(s)
                    || a.group.as_deref().is_some_and(|g| groups.contains(&g))
            })
    }
}
