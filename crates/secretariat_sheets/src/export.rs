//! An organisation → the sheets [`crate::import`] reads: `;`-separated, UTF-8 with a BOM (what French
//! spreadsheet software opens as is), French headers.

use secretariat_core::file::OrgFile;
use secretariat_core::{Lang, Permission};

use crate::words::{guarded, name_key, yes_no_word};
use crate::SheetKind;

const BOM: &str = "\u{feff}";

/// The sheet `kind` of `file`, as CSV text. People are named by name, or by id where two share a
/// name; the report sheet lists every affiliation, a group's as one row per member.
pub fn export(file: &OrgFile, kind: SheetKind) -> String {
    let rows = match kind {
        SheetKind::People => people(file),
        SheetKind::Accesses => accesses(file),
        SheetKind::Secretaries => secretaries(file),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(Vec::new());
    let mut out = String::from(BOM);
    for row in &rows {
        // Writing to memory fails only on I/O, which a `Vec` never does.
        if writer
            .write_record(row.iter().map(|c| guarded(c.clone())))
            .is_err()
        {
            break;
        }
    }
    match writer.into_inner() {
        Ok(bytes) => out.push_str(&String::from_utf8_lossy(&bytes)),
        Err(_) => out.clear(),
    }
    out
}

fn people(file: &OrgFile) -> Vec<Vec<String>> {
    let mut rows = vec![["Id", "Nom", "Catégorie", "RPPS", "Externe"]
        .map(str::to_owned)
        .to_vec()];
    for p in &file.people {
        rows.push(vec![
            p.id.clone(),
            p.name.clone(),
            p.category.label(Lang::Fr).to_owned(),
            p.rpps.clone().unwrap_or_default(),
            p.external.map_or("", yes_no_word).to_owned(),
        ]);
    }
    rows
}

/// How a sheet names person `id`: her name, or her id when another person has the same name.
fn named(file: &OrgFile, id: &str) -> String {
    let Some(p) = file.people.iter().find(|p| p.id == id) else {
        return id.to_owned();
    };
    let key = name_key(&p.name);
    let twins = file
        .people
        .iter()
        .filter(|x| name_key(&x.name) == key)
        .count();
    if twins > 1 {
        p.id.clone()
    } else {
        p.name.clone()
    }
}

fn accesses(file: &OrgFile) -> Vec<Vec<String>> {
    let mut header = vec!["Secrétaire".to_owned(), "Médecin".to_owned()];
    header.extend(Permission::ALL.iter().map(|p| p.label(Lang::Fr).to_owned()));
    let mut rows = vec![header];
    for a in file.practice.iter().flat_map(|p| &p.accesses) {
        let mut row = vec![named(file, &a.secretary), named(file, &a.doctor)];
        row.extend(Permission::ALL.iter().map(|p| {
            let held = a.permissions.iter().any(|x| x.id() == p.id());
            if held { "oui" } else { "" }.to_owned()
        }));
        rows.push(row);
    }
    rows
}

fn secretaries(file: &OrgFile) -> Vec<Vec<String>> {
    let mut rows = vec![["Secrétaire", "Médecin", "RPPS Médecin"]
        .map(str::to_owned)
        .to_vec()];
    for a in file.network.iter().flat_map(|n| &n.affiliations) {
        let members: Vec<&String> = match (&a.secretary, &a.group) {
            (Some(s), _) => vec![s],
            (None, Some(g)) => file
                .groups
                .iter()
                .filter(|x| x.id == *g)
                .flat_map(|x| &x.members)
                .collect(),
            (None, None) => Vec::new(),
        };
        let rpps = file
            .people
            .iter()
            .find(|p| p.id == a.doctor)
            .and_then(|p| p.rpps.clone())
            .unwrap_or_default();
        for s in members {
            rows.push(vec![named(file, s), named(file, &a.doctor), rpps.clone()]);
        }
    }
    rows
}
