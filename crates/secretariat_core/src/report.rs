//! The "secretaries of a doctor" report (RULES.md D8, seed 001 §3.2): who may read it, and its rows.

use serde::Serialize;

use rustc_hash::FxHashSet;

use crate::decision::{Trace, Verdict, Why};
use crate::lang::Lang;
use crate::org::{Organisation, PersonId};
use crate::time::Instant;

/// D8: coordinators of a centre where the doctor is participant or animateur of an RCP, and the
/// responsables of such an RCP. The "secrétaire médecin" profile never gives it.
pub(crate) fn may_read<T: Trace>(
    org: &Organisation,
    reader: PersonId,
    doctor: PersonId,
    t: &mut T,
) -> Verdict {
    let r = org.person(reader);
    if !r.is_active() {
        t.note(false, Why::NotActive { person: reader });
        return Verdict::deny(Why::NotActive { person: reader });
    }
    t.note(true, Why::Active { person: reader });
    for &rcp in &org.person(doctor).rcps {
        let centre = org.rcp(rcp).centre;
        if r.coordinator_of.contains(&centre) {
            let why = Why::Coordinator {
                reader,
                centre,
                doctor,
                rcp,
            };
            t.note(true, why);
            return Verdict::allow(why);
        }
        if org.rcp(rcp).responsables.contains(&reader) {
            let why = Why::Responsable {
                reader,
                rcp,
                doctor,
            };
            t.note(true, why);
            return Verdict::allow(why);
        }
    }
    t.note(false, Why::NotReader { reader, doctor });
    Verdict::deny(Why::NotReader { reader, doctor })
}

/// One row of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportRow {
    /// Secrétaire (name).
    pub secretary: String,
    /// Secretary's id.
    pub secretary_id: String,
    /// Médecin (name).
    pub doctor: String,
    /// Doctor's id.
    pub doctor_id: String,
    /// RPPS Médecin.
    pub rpps: String,
    /// The group she is attached through, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via_group: Option<String>,
}

/// Most rows one report returns: a file of a few megabytes can name millions of (secretary,
/// doctor) pairs through groups; past this the report is refused rather than built.
pub const MAX_REPORT_ROWS: usize = 250_000;

/// Appends the rows of one doctor: each secretary once (her first link in force), in file order.
fn rows_for(
    org: &Organisation,
    doctor: PersonId,
    now: Option<Instant>,
    rows: &mut Vec<ReportRow>,
) -> Result<(), ReportError> {
    let d = org.person(doctor);
    let mut seen: FxHashSet<PersonId> = FxHashSet::default();
    for link in org.secretary_links(doctor).filter(|l| l.window.holds(now)) {
        if !seen.insert(link.secretary) {
            continue;
        }
        if rows.len() >= MAX_REPORT_ROWS {
            return Err(ReportError::TooManyRows);
        }
        let s = org.person(link.secretary);
        rows.push(ReportRow {
            secretary: s.name.clone(),
            secretary_id: s.id.clone(),
            doctor: d.name.clone(),
            doctor_id: d.id.clone(),
            rpps: d.rpps.clone().unwrap_or_default(),
            via_group: link.via.map(|g| org.group(g).id.clone()),
        });
    }
    Ok(())
}

/// The report as CSV, with the seed's header `Secrétaire,Médecin,RPPS Médecin`.
pub fn to_csv(rows: &[ReportRow]) -> String {
    let mut out = String::from("Secrétaire,Médecin,RPPS Médecin\n");
    for r in rows {
        out.push_str(&csv_field(&r.secretary));
        out.push(',');
        out.push_str(&csv_field(&r.doctor));
        out.push(',');
        out.push_str(&csv_field(&r.rpps));
        out.push('\n');
    }
    out
}

fn csv_field(s: &str) -> String {
    // Control characters dropped; RFC 4180 quoting; a leading quote mark against formula injection
    // in spreadsheets (which also skip a leading TAB or CR before reading `=`).
    let s = crate::text::inert(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.into_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The report could not be produced. The refusal (`Denied`) is for the reader and is worded in the
/// request's language; an unknown id and a report too large are the caller's mistakes, worded in
/// English like every input error of the engine (`RequestError`, `LoadError`, `ChangeError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// No such person.
    UnknownPerson(String),
    /// The reader may not read the report for this doctor (D8): the refusal and its reason, in the
    /// request's language.
    Denied(String),
    /// The report would hold more than [`MAX_REPORT_ROWS`] rows.
    TooManyRows,
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::UnknownPerson(id) => {
                write!(
                    f,
                    "unknown person `{}` in this organisation",
                    crate::text::clip(id)
                )
            }
            ReportError::Denied(words) => f.write_str(words),
            ReportError::TooManyRows => write!(
                f,
                "the report would hold more than {MAX_REPORT_ROWS} rows; ask for one doctor"
            ),
        }
    }
}

impl std::error::Error for ReportError {}

impl Organisation {
    /// The "secretaries of a doctor" report as `reader` may read it (D8): for one doctor she may
    /// read (any other is an error, worded in `lang`), or over every doctor, only those she may
    /// read.
    pub fn report(
        &self,
        reader: &str,
        doctor: Option<&str>,
        now: Option<Instant>,
        lang: Lang,
    ) -> Result<Vec<ReportRow>, ReportError> {
        let reader = self.report_person(reader)?;
        self.report_rows(Some((reader, lang)), doctor, now)
    }

    /// Every row of the report, read by no one in particular: for the organisation's administrator,
    /// who holds the file anyway. A host serving people calls [`Organisation::report`].
    pub fn report_every_row(
        &self,
        doctor: Option<&str>,
        now: Option<Instant>,
    ) -> Result<Vec<ReportRow>, ReportError> {
        self.report_rows(None, doctor, now)
    }

    fn report_person(&self, id: &str) -> Result<PersonId, ReportError> {
        self.person_id(id)
            .ok_or_else(|| ReportError::UnknownPerson(id.to_owned()))
    }

    fn report_rows(
        &self,
        reader: Option<(PersonId, Lang)>,
        doctor: Option<&str>,
        now: Option<Instant>,
    ) -> Result<Vec<ReportRow>, ReportError> {
        let doctors: Vec<PersonId> = match doctor {
            Some(d) => vec![self.report_person(d)?],
            None => self
                .person_ids()
                .filter(|&p| !self.person(p).affiliated.is_empty())
                .collect(),
        };
        let mut rows = Vec::new();
        for d in doctors {
            if let Some((r, lang)) = reader {
                let v = may_read(self, r, d, &mut crate::decision::NoTrace);
                if !v.is_allow() {
                    if doctor.is_some() {
                        let mut words = Vec::new();
                        crate::reason::sentences(self, v.why, lang, &mut words);
                        let refusal = lang.pick(
                            "lecture de ce rapport non autorisée : ",
                            "not allowed to read this report: ",
                        );
                        return Err(ReportError::Denied(format!(
                            "{refusal}{}",
                            words.join("; ")
                        )));
                    }
                    continue;
                }
            }
            rows_for(self, d, now, &mut rows)?;
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_inert() {
        let row = |name: &str| ReportRow {
            secretary: name.to_owned(),
            secretary_id: String::new(),
            doctor: "Dr A".to_owned(),
            doctor_id: String::new(),
            rpps: String::new(),
            via_group: None,
        };
        let csv = to_csv(&[
            row("=1+1"),
            row("\t=1+1"),
            row("\r=1+1"),
            row("a\u{1b}[2Jb"),
        ]);
        // A leading TAB or CR is guarded like `=`, and then dropped with the other controls.
        assert_eq!(
            csv,
            "Secrétaire,Médecin,RPPS Médecin\n'=1+1,Dr A,\n'=1+1,Dr A,\n'=1+1,Dr A,\na[2Jb,Dr A,\n"
        );
    }
}
