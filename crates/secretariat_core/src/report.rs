//! The "secretaries of a doctor" report (RULES.md D8, seed 001 §3.2): who may read it, and its rows.

use serde::Serialize;

use crate::decision::{Trace, Verdict, Why};
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

pub(crate) fn rows_for(
    org: &Organisation,
    doctor: PersonId,
    now: Option<Instant>,
) -> Vec<ReportRow> {
    let d = org.person(doctor);
    let mut rows: Vec<ReportRow> = Vec::new();
    for link in d.secretaries.iter().filter(|l| l.window.holds(now)) {
        let s = org.person(link.secretary);
        if rows.iter().any(|r| r.secretary_id == s.id) {
            continue;
        }
        rows.push(ReportRow {
            secretary: s.name.clone(),
            secretary_id: s.id.clone(),
            doctor: d.name.clone(),
            doctor_id: d.id.clone(),
            rpps: d.rpps.clone().unwrap_or_default(),
            via_group: link.via.map(|g| org.group(g).id.clone()),
        });
    }
    rows
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
    // RFC 4180 quoting, and a leading quote mark against formula injection in spreadsheets.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The report could not be produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// No such person.
    UnknownPerson(String),
    /// The reader may not read the report for this doctor (D8); the reason in words.
    Denied(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::UnknownPerson(id) => {
                write!(f, "unknown person `{id}` in this organisation")
            }
            ReportError::Denied(why) => write!(f, "not allowed to read this report: {why}"),
        }
    }
}

impl std::error::Error for ReportError {}

impl Organisation {
    /// The "secretaries of a doctor" report: for one doctor, or for every doctor with secretaries.
    /// With a `reader`, D8 applies: one doctor she may not read is an error; over all doctors, only
    /// the ones she may read are listed.
    pub fn report(
        &self,
        reader: Option<&str>,
        doctor: Option<&str>,
        now: Option<Instant>,
    ) -> Result<Vec<ReportRow>, ReportError> {
        let find = |id: &str| {
            self.person_id(id)
                .ok_or_else(|| ReportError::UnknownPerson(id.to_owned()))
        };
        let reader = reader.map(find).transpose()?;
        let doctors: Vec<PersonId> = match doctor {
            Some(d) => vec![find(d)?],
            None => self
                .person_ids()
                .filter(|&p| !self.person(p).secretaries.is_empty())
                .collect(),
        };
        let mut rows = Vec::new();
        for d in doctors {
            if let Some(r) = reader {
                let v = may_read(self, r, d, &mut crate::decision::NoTrace);
                if !v.is_allow() {
                    if doctor.is_some() {
                        let mut words = Vec::new();
                        crate::reason::sentences(self, v.why, crate::Lang::En, &mut words);
                        return Err(ReportError::Denied(words.join("; ")));
                    }
                    continue;
                }
            }
            rows.extend(rows_for(self, d, now));
        }
        Ok(rows)
    }
}
