//! Trainers' scenarios (`secretariat-scenarios/1`): a title, the organisation they run on (embedded,
//! or named by content hash), and steps — a question (decision requests, possibly after changes to
//! simulate), the answers the trainer expects, and a commentary. [`ScenarioFile::check`] runs every
//! step on the engine and says where an expected answer disagrees, before the class does.

use serde::{Deserialize, Serialize};

use crate::change::Change;
use crate::change_requests::{ChangeRequest, Recipient};
use crate::decision::Effect;
use crate::file::OrgFile;
use crate::json::{self, Fields, Reader};
use crate::lang::Lang;
use crate::org::Organisation;
use crate::read::strict;
use crate::request::Request;
use crate::simulate::{Entitlement, Simulation};
use crate::time::Instant;

/// The only scenarios format this version reads.
pub const SCENARIOS_FORMAT: &str = "secretariat-scenarios/1";

/// A scenario file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Always `secretariat-scenarios/1`.
    pub format: String,
    /// Title of the whole file.
    pub title: Bilingual,
    /// The organisation the steps run on.
    pub organisation: OrgSource,
    /// The date the scenarios are told at (RFC 3339): every decision and view is taken then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// The steps, in teaching order.
    pub steps: Vec<ScenarioStep>,
}

/// A text in French and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// French (what the class reads).
    pub fr: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Where the organisation comes from: `{"embedded": {…organisation file…}}` or
/// `{"sha256": "…"}`, the [`Organisation::content_hash`] of one the reader already has (the
/// built-in demo, a file given beside).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgSource {
    /// The organisation file itself.
    Embedded(Box<OrgFile>),
    /// The content hash of an organisation: SHA-256 of its compact JSON, in hex.
    Sha256(String),
}

/// Which part of the live view answers a step (the playground shows it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    /// The practice application.
    Practice,
    /// The DCC.
    Dcc,
    /// Both products.
    #[default]
    Both,
    /// The "secretaries of a doctor" report.
    Report,
}

/// One step: a question, what the trainer expects the engine to answer, and a commentary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioStep {
    /// Stable id (element ids, messages).
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// The question as the trainer asks it.
    pub question: Bilingual,
    /// Whose view answers it (the default principal of its decisions).
    pub secretary: String,
    /// Which part of her view to show.
    #[serde(default)]
    pub focus: Focus,
    /// Changes simulated first: the decisions are then asked of the organisation after them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// The answers the trainer expects.
    pub expect: Expect,
    /// The trainer's commentary: the short answer told to the class.
    pub commentary: Bilingual,
}

/// The answers a step expects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Decisions: a request and its expected effect.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<ExpectedDecision>,
    /// Change requests the simulation must write.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<ExpectedRequest>,
    /// What a secretary must gain in the simulation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gained: Vec<ExpectedItem>,
    /// What a secretary must lose in the simulation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost: Vec<ExpectedItem>,
}

/// A decision request with the effect the trainer expects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDecision {
    /// The principal; the step's secretary when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
    /// Canonical action.
    pub action: String,
    /// Resource (`kind:id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// `allow` or `deny`.
    pub decision: Effect,
}

/// A change request the simulation must write: its kind, and optionally who, whom, and words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedRequest {
    /// `departure`, `add_access`, `account_opening`… (see [`ChangeRequest::kind`]).
    pub kind: String,
    /// Vendor or network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// The secretary (or group) concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// The doctor concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doctor: Option<String>,
    /// Departure: whether it says `login_as_doctor` was enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_as_doctor_enabled: Option<bool>,
    /// Words its subject or body must contain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub says: Vec<String>,
}

/// Something a secretary gains or loses in the simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedItem {
    /// The secretary; the step's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// The action, e.g. `practice.agenda`, `dcc.session.view`.
    pub action: String,
    /// Its resource, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

/// Why a scenario file could not be read or run as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not JSON, or not the shape of a scenario file (serde_json's message, line and column).
    Malformed(String),
    /// A `format` other than `secretariat-scenarios/1`.
    UnsupportedFormat(String),
    /// The embedded organisation does not load: every problem, with its path.
    Organisation(Vec<crate::load::Problem>),
    /// No organisation given has this content hash.
    UnknownOrganisation(String),
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Malformed(e) => write!(f, "not a scenario file: {e}"),
            ScenarioError::UnsupportedFormat(found) => write!(
                f,
                "format: unsupported format `{found}`; this version reads `{SCENARIOS_FORMAT}`"
            ),
            ScenarioError::Organisation(problems) => {
                write!(f, "organisation.embedded: the organisation does not load:")?;
                for p in problems {
                    write!(f, "\n  organisation.embedded.{p}")?;
                }
                Ok(())
            }
            ScenarioError::UnknownOrganisation(hash) => write!(
                f,
                "organisation.sha256: no organisation given has content hash `{hash}`; give its file"
            ),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Where a step's expected answer and the engine disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// The step's id.
    pub step: String,
    /// Which expectation, as a JSON path in the file (`steps[2].expect.decisions[0]`).
    pub path: String,
    /// What was expected and what the engine says, in the language asked.
    pub message: String,
}

/// The result of checking a scenario file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ScenarioReport {
    /// Steps run.
    pub steps: usize,
    /// Expected answers compared.
    pub expectations: usize,
    /// Every disagreement, in file order; empty when the file tells what the engine decides.
    pub disagreements: Vec<Disagreement>,
}

impl ScenarioFile {
    /// Reads a scenario file, with the core's reader (serde_json's messages, line and column): the
    /// embedded organisation by the organisation file's own reader, in place, so the playground
    /// holds one reader of each document.
    pub fn parse(text: &str) -> Result<ScenarioFile, ScenarioError> {
        let file = crate::read::document(text, scenario_file)
            .map_err(|e| ScenarioError::Malformed(e.to_string()))?;
        if file.format != SCENARIOS_FORMAT {
            return Err(ScenarioError::UnsupportedFormat(file.format));
        }
        Ok(file)
    }

    /// The organisation the steps run on: the embedded one, or among `known` the one with the
    /// file's content hash.
    pub fn organisation(&self, known: &[&Organisation]) -> Result<Organisation, ScenarioError> {
        match &self.organisation {
            OrgSource::Embedded(file) => Organisation::from_file((**file).clone())
                .map_err(|e| ScenarioError::Organisation(e.problems().to_vec())),
            OrgSource::Sha256(hash) => known
                .iter()
                .find(|o| o.content_hash() == *hash)
                .map(|o| (*o).clone())
                .ok_or_else(|| ScenarioError::UnknownOrganisation(hash.clone())),
        }
    }

    /// Runs every step on `org` and compares each expected answer with the engine's.
    pub fn check(&self, org: &Organisation, lang: Lang) -> ScenarioReport {
        let mut report = ScenarioReport::default();
        for (i, step) in self.steps.iter().enumerate() {
            report.steps += 1;
            let mut run = StepRun {
                file: self,
                step,
                base: format!("steps[{i}]"),
                lang,
                report: &mut report,
            };
            run.check(org);
        }
        report
    }
}

/// One step being checked.
struct StepRun<'a> {
    file: &'a ScenarioFile,
    step: &'a ScenarioStep,
    base: String,
    lang: Lang,
    report: &'a mut ScenarioReport,
}

impl StepRun<'_> {
    fn disagree(&mut self, path: String, message: String) {
        self.report.disagreements.push(Disagreement {
            step: self.step.id.clone(),
            path,
            message,
        });
    }

    fn check(&mut self, org: &Organisation) {
        let e = &self.step.expect;
        self.report.expectations +=
            e.decisions.len() + e.requests.len() + e.gained.len() + e.lost.len();
        let now = self.file.now.as_deref().and_then(Instant::parse);
        let mut sim = None;
        let changed;
        let after = if self.step.changes.is_empty() {
            org
        } else {
            let applied = org.with_changes(&self.step.changes).and_then(|after| {
                org.simulate(&self.step.changes, now, self.lang)
                    .map(|s| (after, s))
            });
            match applied {
                Ok((after, simulation)) => {
                    sim = Some(simulation);
                    changed = after;
                    &changed
                }
                Err(e) => {
                    let lines: Vec<String> = e.problems().iter().map(|p| p.to_string()).collect();
                    let message = self.words(
                        "les changements ne s'appliquent pas : ",
                        "the changes cannot be applied: ",
                    ) + &lines.join("; ");
                    self.disagree(format!("{}.changes", self.base), message);
                    return;
                }
            }
        };
        if after.person_id(&self.step.secretary).is_none() {
            let message = self.words("personne inconnue : ", "unknown person: ")
                + &format!("`{}`", self.step.secretary);
            self.disagree(format!("{}.secretary", self.base), message);
        }
        let expect = &self.step.expect;
        for (j, d) in expect.decisions.iter().enumerate() {
            self.decision(after, d, format!("{}.expect.decisions[{j}]", self.base));
        }
        let no_sim = self.words(
            "aucun changement à simuler dans cette étape",
            "this step simulates no change",
        );
        for (j, r) in expect.requests.iter().enumerate() {
            let path = format!("{}.expect.requests[{j}]", self.base);
            match &sim {
                Some(sim) => self.request(sim, r, path),
                None => self.disagree(path, no_sim.clone()),
            }
        }
        for (list, items, gained) in [
            ("gained", &expect.gained, true),
            ("lost", &expect.lost, false),
        ] {
            for (j, item) in items.iter().enumerate() {
                let path = format!("{}.expect.{list}[{j}]", self.base);
                match &sim {
                    Some(sim) => self.item(sim, item, gained, path),
                    None => self.disagree(path, no_sim.clone()),
                }
            }
        }
    }

    fn words(&self, fr: &str, en: &str) -> String {
        self.lang.pick(fr, en).to_owned()
    }

    /// ` : ` in French, `: ` in English.
    fn colon(&self) -> &'static str {
        self.lang.pick(" : ", ": ")
    }

    /// « words » in French, “words” in English.
    fn quote(&self, words: &str) -> String {
        match self.lang {
            Lang::Fr => format!("« {words} »"),
            Lang::En => format!("“{words}”"),
        }
    }

    fn decision(&mut self, org: &Organisation, d: &ExpectedDecision, path: String) {
        let request = Request {
            principal: d
                .principal
                .clone()
                .unwrap_or_else(|| self.step.secretary.clone()),
            action: d.action.clone(),
            resource: d.resource.clone(),
            now: self.file.now.clone(),
            lang: Some(self.lang),
        };
        let asked = format!(
            "`{}` `{}`{}",
            request.principal,
            request.action,
            request
                .resource
                .as_deref()
                .map_or_else(String::new, |r| format!(" `{r}`"))
        );
        match org.decide_in(&request, self.lang) {
            Ok(got) if got.decision == d.decision => {}
            Ok(got) => {
                let message = format!(
                    "{asked}{}{} `{}`, {} `{}` — {}",
                    self.colon(),
                    self.words("attendu", "expected"),
                    d.decision.id(),
                    self.words("le moteur décide", "the engine decides"),
                    got.decision.id(),
                    got.reasons.join(self.lang.pick(" ; ", "; "))
                );
                self.disagree(path, message);
            }
            Err(e) => self.disagree(path, format!("{asked}: {e}")),
        }
    }

    fn request(&mut self, sim: &Simulation, r: &ExpectedRequest, path: String) {
        let fits = |c: &&ChangeRequest| {
            c.kind == r.kind
                && r.recipient.is_none_or(|x| x == c.recipient)
                && r.secretary.as_ref().is_none_or(|s| *s == c.secretary)
                && r.doctor
                    .as_ref()
                    .is_none_or(|d| c.doctor.as_ref() == Some(d))
        };
        let Some(found) = sim.requests.iter().find(fits) else {
            let kinds: Vec<&str> = sim.requests.iter().map(|c| c.kind).collect();
            let message = format!(
                "{} `{}` {}{}{}{}{}",
                self.words("aucune demande", "no request"),
                r.kind,
                self.words(
                    "de ce destinataire et pour ces personnes",
                    "to that recipient for those people"
                ),
                self.lang.pick(" ; ", "; "),
                self.words("demandes écrites", "requests written"),
                self.colon(),
                if kinds.is_empty() {
                    "—".to_owned()
                } else {
                    kinds.join(", ")
                }
            );
            self.disagree(path, message);
            return;
        };
        if let Some(flag) = r
            .login_as_doctor_enabled
            .filter(|f| found.login_as_doctor_enabled != Some(*f))
        {
            let message = format!(
                "`{}`{}login_as_doctor_enabled {} `{flag}`, {} `{:?}`",
                r.kind,
                self.colon(),
                self.words("attendu", "expected"),
                self.words("la demande dit", "the request says"),
                found.login_as_doctor_enabled
            );
            self.disagree(path.clone(), message);
        }
        for words in &r.says {
            if !found.subject.contains(words.as_str()) && !found.body.contains(words.as_str()) {
                let message = format!(
                    "`{}`{}{} {}",
                    r.kind,
                    self.colon(),
                    self.words("la demande ne dit pas", "the request does not say"),
                    self.quote(words)
                );
                self.disagree(path.clone(), message);
            }
        }
    }

    fn item(&mut self, sim: &Simulation, item: &ExpectedItem, gained: bool, path: String) {
        let who = item.secretary.as_ref().unwrap_or(&self.step.secretary);
        let list: &[Entitlement] = sim
            .affected
            .iter()
            .find(|a| a.secretary.id == *who)
            .map_or(&[], |a| if gained { &a.gained } else { &a.lost });
        let hit = list
            .iter()
            .any(|e| e.action == item.action && e.resource == item.resource);
        if !hit {
            let message = format!(
                "`{who}` {} `{}`{}",
                if gained {
                    self.words("ne gagne pas", "does not gain")
                } else {
                    self.words("ne perd pas", "does not lose")
                },
                item.action,
                item.resource
                    .as_deref()
                    .map_or_else(String::new, |r| format!(" `{r}`"))
            );
            self.disagree(path, message);
        }
    }
}

// The readers of a scenario file, in the types' declaration order, with serde's field lists and
// defaults (`read.rs` reads the organisation file the same way).

/// `secretariat-scenarios/1`.
fn scenario_file(r: &mut Reader<'_>) -> json::Result<ScenarioFile> {
    const F: Fields = strict(
        "struct ScenarioFile",
        &["format", "title", "organisation", "now", "steps"],
        0b1_0111,
    );
    let mut file = ScenarioFile {
        format: String::new(),
        title: Bilingual::default(),
        organisation: OrgSource::Sha256(String::new()),
        now: None,
        steps: Vec::new(),
    };
    r.fields(&F, |r, i| {
        match i {
            0 => file.format = r.string()?,
            1 => file.title = bilingual(r)?,
            2 => file.organisation = org_source(r)?,
            3 => file.now = r.opt_string()?,
            _ => file.steps = r.list(step)?,
        }
        Ok(())
    })?;
    Ok(file)
}

fn bilingual(r: &mut Reader<'_>) -> json::Result<Bilingual> {
    const F: Fields = strict("struct Bilingual", &["fr", "en"], 0b11);
    let mut text = Bilingual::default();
    r.fields(&F, |r, i| {
        *if i == 0 { &mut text.fr } else { &mut text.en } = r.string()?;
        Ok(())
    })?;
    Ok(text)
}

/// `{"embedded": {…}}`, read by the organisation file's reader, or `{"sha256": "…"}`.
fn org_source(r: &mut Reader<'_>) -> json::Result<OrgSource> {
    r.newtype_variant(&["embedded", "sha256"], |r, i| {
        Ok(if i == 0 {
            OrgSource::Embedded(Box::new(crate::read::org_file(r)?))
        } else {
            OrgSource::Sha256(r.string()?)
        })
    })
}

fn step(r: &mut Reader<'_>) -> json::Result<ScenarioStep> {
    const F: Fields = strict(
        "struct ScenarioStep",
        &[
            "id",
            "title",
            "question",
            "secretary",
            "focus",
            "changes",
            "expect",
            "commentary",
        ],
        0b1100_1111,
    );
    let mut step = ScenarioStep {
        id: String::new(),
        title: Bilingual::default(),
        question: Bilingual::default(),
        secretary: String::new(),
        focus: Focus::default(),
        changes: Vec::new(),
        expect: Expect::default(),
        commentary: Bilingual::default(),
    };
    r.fields(&F, |r, i| {
        match i {
            0 => step.id = r.string()?,
            1 => step.title = bilingual(r)?,
            2 => step.question = bilingual(r)?,
            3 => step.secretary = r.string()?,
            4 => {
                step.focus = match r.variant(&["practice", "dcc", "both", "report"])? {
                    0 => Focus::Practice,
                    1 => Focus::Dcc,
                    2 => Focus::Both,
                    _ => Focus::Report,
                }
            }
            5 => step.changes = crate::change::read_changes(r)?,
            6 => step.expect = expect(r)?,
            _ => step.commentary = bilingual(r)?,
        }
        Ok(())
    })?;
    Ok(step)
}

fn expect(r: &mut Reader<'_>) -> json::Result<Expect> {
    const F: Fields = strict(
        "struct Expect",
        &["decisions", "requests", "gained", "lost"],
        0,
    );
    let mut expect = Expect::default();
    r.fields(&F, |r, i| {
        match i {
            0 => expect.decisions = r.list(expected_decision)?,
            1 => expect.requests = r.list(expected_request)?,
            2 => expect.gained = r.list(expected_item)?,
            _ => expect.lost = r.list(expected_item)?,
        }
        Ok(())
    })?;
    Ok(expect)
}

fn expected_decision(r: &mut Reader<'_>) -> json::Result<ExpectedDecision> {
    const F: Fields = strict(
        "struct ExpectedDecision",
        &["principal", "action", "resource", "decision"],
        0b1010,
    );
    let mut d = ExpectedDecision {
        principal: None,
        action: String::new(),
        resource: None,
        decision: Effect::Deny,
    };
    r.fields(&F, |r, i| {
        match i {
            0 => d.principal = r.opt_string()?,
            1 => d.action = r.string()?,
            2 => d.resource = r.opt_string()?,
            _ => {
                d.decision = match r.variant(&Effect::NAMES)? {
                    0 => Effect::Allow,
                    _ => Effect::Deny,
                }
            }
        }
        Ok(())
    })?;
    Ok(d)
}

fn expected_request(r: &mut Reader<'_>) -> json::Result<ExpectedRequest> {
    const F: Fields = strict(
        "struct ExpectedRequest",
        &[
            "kind",
            "recipient",
            "secretary",
            "doctor",
            "login_as_doctor_enabled",
            "says",
        ],
        0b1,
    );
    let mut q = ExpectedRequest {
        kind: String::new(),
        recipient: None,
        secretary: None,
        doctor: None,
        login_as_doctor_enabled: None,
        says: Vec::new(),
    };
    r.fields(&F, |r, i| {
        match i {
            0 => q.kind = r.string()?,
            1 => {
                q.recipient = r.option(|r| {
                    Ok(match r.variant(&["practice", "network"])? {
                        0 => Recipient::Practice,
                        _ => Recipient::Network,
                    })
                })?
            }
            2 => q.secretary = r.opt_string()?,
            3 => q.doctor = r.opt_string()?,
            4 => q.login_as_doctor_enabled = r.option(Reader::bool)?,
            _ => q.says = r.list(Reader::string)?,
        }
        Ok(())
    })?;
    Ok(q)
}

fn expected_item(r: &mut Reader<'_>) -> json::Result<ExpectedItem> {
    const F: Fields = strict(
        "struct ExpectedItem",
        &["secretary", "action", "resource"],
        0b10,
    );
    let mut item = ExpectedItem {
        secretary: None,
        action: String::new(),
        resource: None,
    };
    r.fields(&F, |r, i| {
        match i {
            0 => item.secretary = r.opt_string()?,
            1 => item.action = r.string()?,
            _ => item.resource = r.opt_string()?,
        }
        Ok(())
    })?;
    Ok(item)
}

#[cfg(test)]
mod tests {
    #![expect(clippy::panic, reason = "a test fails loudly")]

    use super::{OrgSource, ScenarioError};

    /// A scenario file as serde alone reads it (the organisation by serde's reader of the file),
    /// under the same names, so that its messages are the ones to give.
    mod serde_alone {
        use super::super::{Bilingual, Deserialize, OrgFile, ScenarioStep};

        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        pub struct ScenarioFile {
            format: String,
            title: Bilingual,
            pub organisation: OrgSource,
            #[serde(default)]
            now: Option<String>,
            steps: Vec<ScenarioStep>,
        }

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum OrgSource {
            Embedded(Box<OrgFile>),
            Sha256(#[allow(dead_code)] String),
        }
    }

    /// Every single-byte deletion of `text` (of every `step`-th byte), and insertions at every
    /// third of those.
    fn mutations(text: &str, step: usize) -> Vec<String> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut texts = vec![text.to_owned()];
        for (k, &(i, c)) in chars.iter().enumerate().step_by(step) {
            let head = text.get(..i).unwrap_or_default();
            let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
            texts.push(format!("{head}{rest}"));
            if k % (3 * step) == 0 {
                for insert in ["1", "\"", "null", "[", "{}", ",", "-", "\"x\":1,"] {
                    texts.push(format!("{head}{insert}{rest}"));
                }
            }
        }
        texts
    }

    /// `parse`'s answer for `t` against serde's, `theirs` (`same` compares two files read):
    /// serde_json's answer, error and position included, but where the readers of the
    /// organisation file differ by design. Whether an error was compared.
    fn agree<T>(
        t: &str,
        theirs: Result<T, serde_json::Error>,
        same: impl FnOnce(&super::ScenarioFile, &T),
    ) -> bool {
        match (super::ScenarioFile::parse(t), theirs) {
            (Ok(ours), Ok(whole)) => same(&ours, &whole),
            (Err(ScenarioError::Malformed(ours)), Err(theirs)) => {
                let theirs = theirs.to_string();
                if !crate::JsonError::differs_by_design(&ours, &theirs) {
                    assert_eq!(ours, theirs, "{t}");
                    return true;
                }
            }
            (Err(ScenarioError::UnsupportedFormat(_)), Ok(_)) => {}
            (Err(ours), Ok(_)) => assert!(
                crate::JsonError::differs_by_design(&ours.to_string(), ""),
                "{t}: {ours}"
            ),
            (Ok(_), Err(theirs)) => panic!("{t}: serde refuses ({theirs}), parse reads"),
            (Err(ours), Err(theirs)) => panic!("{t}: {ours} / {theirs}"),
        }
        false
    }

    /// Every single-byte deletion, and insertions every third byte, of the trainer's file with an
    /// embedded organisation: `parse` gives serde_json's answer, error and position included,
    /// wherever the error is (before, inside or after the organisation).
    #[test]
    fn parse_answers_as_serde_alone() {
        let text = include_str!("../../../tests/fixtures/scenarios/wrong-answers.json");
        let mut compared = 0;
        for t in &mutations(text, 1) {
            let theirs = serde_json::from_str::<serde_alone::ScenarioFile>(t);
            compared += usize::from(agree(t, theirs, |ours, whole| {
                if let (OrgSource::Embedded(a), serde_alone::OrgSource::Embedded(b)) =
                    (&ours.organisation, &whole.organisation)
                {
                    assert_eq!(a, b, "{t}");
                }
            }));
        }
        assert!(compared > 1_000, "{compared} errors compared");
    }

    /// Every scenario fixture, the built-in one included, and mutations of each (every byte of the
    /// small ones, every seventh of the large): `parse` reads what serde reads (the `Deserialize`
    /// of [`super::ScenarioFile`]), and refuses what it refuses with the same message, line and
    /// column, but where the organisation file's reader differs by design.
    #[test]
    fn every_scenario_fixture_reads_as_serde_reads_it() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut paths = vec![std::path::PathBuf::from(format!(
            "{root}/demo/scenarios.json"
        ))];
        for entry in std::fs::read_dir(format!("{root}/scenarios"))
            .into_iter()
            .flatten()
        {
            paths.extend(entry.ok().map(|e| e.path()));
        }
        let mut compared = 0;
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(!text.is_empty(), "{}", path.display());
            let step = if text.len() < 5_000 { 1 } else { 7 };
            for t in &mutations(&text, step) {
                let theirs = serde_json::from_str::<super::ScenarioFile>(t);
                compared += usize::from(agree(t, theirs, |ours, whole| {
                    assert_eq!(ours, whole, "{t}")
                }));
            }
        }
        assert!(compared > 5_000, "{compared} errors compared");
    }
}
