//! The playground's state: plain data, the [`Action`]s that change it, and a pure reducer.
//!
//! Nothing here touches the browser: the clock, the storage, the URL and the files a user drops are
//! handed in as data by the components, so the whole reducer runs (and is tested) natively.
//!
//! Every edit is a [`Change`] of `secretariat-changes/1`, kept in a list applied to the base file:
//! undo pops the last one, redo pushes it back, and "before/after" is simply the base organisation
//! against the base plus the list — which is what [`Organisation::simulate`] compares.

use std::rc::Rc;

use secretariat_core::file::OrgFile;
use secretariat_core::{
    ApplyError, Change, JsonError, JsonReader, Lang, Organisation, Problem, Request, DEMO_ORG,
};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::model;
use crate::scenarios::Trainer;
use crate::share::{Link, LinkError, Sharing};

/// Format tag of what the playground saves (local storage, shared links).
pub const SAVED_FORMAT: &str = "secretariat-playground/1";

/// The screens of the playground.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    /// What the selected secretary sees in both products.
    #[default]
    Sees,
    /// The edit panel with its before/after diff, findings and change requests.
    Simulate,
    /// Build an organisation: a blank one, a new secretary's arrival, forms, spreadsheets.
    Build,
    /// Guided scenarios on the demo organisation.
    Trainer,
    /// The "secretaries of a doctor" report.
    Report,
    /// Import, export, reset, share, findings and history.
    Organisation,
}

impl Screen {
    /// Every screen, in the navigation's order.
    pub const ALL: [Screen; 6] = [
        Screen::Sees,
        Screen::Simulate,
        Screen::Build,
        Screen::Trainer,
        Screen::Report,
        Screen::Organisation,
    ];

    /// The navigation label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Screen::Sees => lang.pick("Ce qu'elle voit", "What she sees"),
            Screen::Simulate => lang.pick("Simuler un changement", "Simulate a change"),
            Screen::Build => lang.pick("Construire", "Build"),
            Screen::Trainer => lang.pick("Mode formateur", "Trainer mode"),
            Screen::Report => lang.pick("Rapport", "Report"),
            Screen::Organisation => lang.pick("Organisation", "Organisation"),
        }
    }

    /// A screen as serde names it (its [`Screen::id`]).
    pub fn read(r: &mut JsonReader<'_, '_>) -> Result<Screen, JsonError> {
        let i = r.variant(&Screen::ALL.map(Screen::id))?;
        Ok(Screen::ALL.get(i).copied().unwrap_or_default())
    }

    /// Stable id, used in element ids and tests.
    pub fn id(self) -> &'static str {
        match self {
            Screen::Sees => "sees",
            Screen::Simulate => "simulate",
            Screen::Build => "build",
            Screen::Trainer => "trainer",
            Screen::Report => "report",
            Screen::Organisation => "organisation",
        }
    }
}

/// Which organisation an explanation is asked of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgSource {
    /// The working organisation (base plus edits).
    Current,
    /// The organisation before the edits.
    Base,
    /// The built-in demo.
    Demo,
    /// The organisation of trainer mode's scenario file.
    Trainer,
}

/// The explanation dialog, when open.
#[derive(Clone, Debug, PartialEq)]
pub struct Explaining {
    /// The decision request explained (with its `now`).
    pub request: Request,
    /// Of which organisation.
    pub source: OrgSource,
}

/// What the last import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ImportStatus {
    /// Nothing imported in this session.
    #[default]
    Idle,
    /// A file was loaded and is now the base.
    Loaded {
        /// File name as the browser gave it.
        name: String,
    },
    /// A file was refused; the working organisation is untouched.
    Failed {
        /// File name as the browser gave it.
        name: String,
        /// Every problem, each with its JSON path.
        problems: Vec<Problem>,
    },
}

/// A spreadsheet dropped on the page: its name and bytes as the browser read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetFile {
    /// File name.
    pub name: String,
    /// Contents (UTF-8, with or without BOM, as spreadsheet software writes it).
    pub bytes: Vec<u8>,
}

/// What the last spreadsheet import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SheetsStatus {
    /// None in this session.
    #[default]
    Idle,
    /// Imported: this many changes were added to the edits.
    Imported {
        /// File names.
        names: Vec<String>,
        /// How many changes the sheets made.
        changes: usize,
    },
    /// Refused as a whole: every problem, with its sheet, row and column.
    Failed {
        /// File names.
        names: Vec<String>,
        /// The problems.
        problems: Vec<secretariat_sheets::Problem>,
    },
}

/// What is saved in local storage (`secretariat-playground/1`): JSON written and read by hand
/// ([`Saved::to_json`], [`Saved::from_json`]) as serde would write and read this struct with the
/// attributes `tests/documents.rs` gives it (members in this order, those marked optional left out
/// when empty, unknown ones skipped), which that test holds equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Always [`SAVED_FORMAT`].
    pub format: String,
    /// The base organisation file (`secretariat-org/1`), kept as JSON text and read back by the
    /// core's own loader (the same path as an imported file).
    pub org: OrgJson,
    /// The edits applied to it (optional).
    pub changes: Vec<Change>,
    /// Edits undone, most recent last (redo pops them) (optional).
    pub undone: Vec<Change>,
    /// The secretary shown (optional).
    pub selected: Option<String>,
    /// Language (French when absent).
    pub lang: Lang,
    /// Screen (the first when absent).
    pub screen: Screen,
    /// Hidden elements shown ghosted (no when absent).
    pub ghosts: bool,
}

/// An organisation file as JSON text inside a saved state, written there as the JSON it is (as
/// serde_json writes a `RawValue`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrgJson(String);

impl OrgJson {
    /// The file's JSON text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl Saved {
    /// The fields of [`Saved`], as serde names them, in order.
    const FIELDS: &'static [&'static str] = &[
        "format", "org", "changes", "undone", "selected", "lang", "screen", "ghosts",
    ];

    /// Reads a saved state with the core's JSON reader, as serde reads [`Saved`] (unknown
    /// members skipped; the organisation kept as its JSON text): the playground holds no other
    /// JSON reader.
    pub fn from_json(text: &str) -> Result<Saved, JsonError> {
        let mut saved = Saved {
            format: String::new(),
            org: OrgJson::default(),
            changes: Vec::new(),
            undone: Vec::new(),
            selected: None,
            lang: Lang::default(),
            screen: Screen::default(),
            ghosts: false,
        };
        JsonReader::object(text, "struct Saved", Saved::FIELDS, 0b11, &mut |r, i| {
            match i {
                0 => saved.format = r.string()?,
                1 => saved.org = OrgJson(r.raw()?),
                2 => saved.changes = r.changes()?,
                3 => saved.undone = r.changes()?,
                4 => saved.selected = r.opt_string()?,
                5 => saved.lang = read_lang(r)?,
                6 => saved.screen = Screen::read(r)?,
                _ => saved.ghosts = r.bool()?,
            }
            Ok(())
        })?;
        Ok(saved)
    }

    /// Its JSON text, as serde_json would write [`Saved`] (a test holds them equal), the
    /// organisation written as the JSON it is — without serde_json's `RawValue`, whose reader would
    /// be a second JSON reader in the `.wasm`.
    pub fn to_json(&self) -> String {
        let mut out = format!(
            "{{\"format\":{},\"org\":{}",
            json(&self.format),
            self.org.text()
        );
        let mut member = |key: &str, value: String| {
            out.push_str(&format!(",\"{key}\":{value}"));
        };
        if !self.changes.is_empty() {
            member("changes", json(&self.changes));
        }
        if !self.undone.is_empty() {
            member("undone", json(&self.undone));
        }
        if let Some(selected) = &self.selected {
            member("selected", json(selected));
        }
        member("lang", json(&self.lang));
        member("screen", json(&self.screen));
        member("ghosts", json(&self.ghosts));
        out.push('}');
        out
    }
}

/// A value's compact JSON (`Serialize` of plain data, which does not fail).
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A language as serde names it (`"fr"`, `"en"`).
fn read_lang(r: &mut JsonReader<'_, '_>) -> Result<Lang, JsonError> {
    Ok(match r.variant(&["fr", "en"])? {
        0 => Lang::Fr,
        _ => Lang::En,
    })
}

/// The whole state of the playground, in parts; each part, and the whole, derive `PartialEq`, so
/// a field added anywhere takes part in the comparison that decides a re-render.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The organisation worked on: base, edits, and the result.
    pub work: Work,
    /// The built-in demo, for trainer mode and "back to the demo".
    pub demo: Shared<Organisation>,
    /// What is shown and how: secretary, language, screen, ghosts, date.
    pub ui: Ui,
    /// What the last imports did.
    pub imports: Imports,
    /// The explanation dialog.
    pub explaining: Option<Explaining>,
    /// Trainer mode.
    pub trainer: TrainerMode,
    /// The report screen's choices.
    pub report: ReportChoice,
    /// Shared links (pending, undo) and the consent to keep the work in this browser.
    pub share: Sharing,
}

/// The organisation worked on: the base file, the edits over it, and the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    /// The organisation as imported (or the demo): "before".
    pub base: Shared<Organisation>,
    /// The base with every edit applied: "after", and what the screens show.
    pub current: Shared<Organisation>,
    /// Edits applied to the base, in order.
    pub changes: Vec<Change>,
    /// Edits undone, most recent last.
    pub undone: Vec<Change>,
    /// Bumped whenever `base` or `changes` change (memo key for derived data).
    pub rev: u64,
    /// Why the last edit was refused, if it was.
    pub edit_error: Option<Vec<Problem>>,
}

/// What is shown and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Ui {
    /// The secretary shown.
    pub selected: Option<String>,
    /// Language of labels, reasons and requests.
    pub lang: Lang,
    /// Current screen.
    pub screen: Screen,
    /// Show hidden elements ghosted, with a lock.
    pub ghosts: bool,
    /// The date decisions are made at (RFC 3339), from the browser's clock unless changed.
    pub now: Option<String>,
}

impl Ui {
    /// The decision date as the core takes it.
    pub fn instant(&self) -> Option<secretariat_core::Instant> {
        self.now
            .as_deref()
            .and_then(secretariat_core::Instant::parse)
    }
}

/// What the last imports did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imports {
    /// The last organisation file.
    pub file: ImportStatus,
    /// The last spreadsheets.
    pub sheets: SheetsStatus,
}

/// Trainer mode: the scenario file open, why the last one could not be, and the scenario shown.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainerMode {
    /// The scenario file (built-in unless a trainer opened one).
    pub scenarios: Trainer,
    /// Why the last scenario file could not be opened.
    pub error: Option<String>,
    /// The scenario shown.
    pub scenario: usize,
}

/// The report screen's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportChoice {
    /// The doctor chosen.
    pub doctor: Option<String>,
    /// Who reads it (`None`: the administrator's view).
    pub reader: Option<String>,
}

/// A value shared by `Rc` and compared by identity: a new value is always a new `Rc`, so equal
/// pointers mean the same value, and comparing costs nothing (organisations, scenario files, the
/// state before a link was opened).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show this secretary.
    Select(String),
    /// Switch language.
    SetLang(Lang),
    /// Go to a screen.
    Go(Screen),
    /// Show or hide hidden elements as ghosts.
    SetGhosts(bool),
    /// Decide at this date (RFC 3339), or without a date.
    SetNow(Option<String>),
    /// Apply one edit (refused, with the problems, when it does not apply or breaks the file).
    Edit(Change),
    /// Apply several edits at once (a form's list of changes): all of them, or none with the
    /// problems.
    EditAll(Vec<Change>),
    /// Start from a blank organisation (made by [`crate::forms::blank`]): it becomes the base.
    NewOrganisation(Box<OrgFile>),
    /// The working organisation becomes the base: the edits so far are taken as done, so the next
    /// simulation shows only what comes after.
    Adopt,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Drop every edit (back to the base).
    DiscardEdits,
    /// Import a file: on success it becomes the base; on failure nothing changes but the report.
    Import {
        /// File name.
        name: String,
        /// File contents.
        text: String,
    },
    /// A file that could not even be read as text.
    ImportUnreadable {
        /// File name.
        name: String,
        /// Why, in words.
        message: String,
    },
    /// Spreadsheets (people, practice accesses, the network's report) read by the core's import:
    /// their changes are added to the edits, or every problem is reported and nothing changes.
    ImportSheets(Vec<SheetFile>),
    /// Forget the import report.
    DismissImport,
    /// Back to the demo organisation, without edits.
    ResetDemo,
    /// Open the explanation of a decision.
    Explain(Request, OrgSource),
    /// Close the explanation.
    CloseExplain,
    /// Trainer mode: show a scenario.
    OpenScenario(usize),
    /// Trainer mode: open a scenario file (`secretariat-scenarios/1`); its organisation is embedded
    /// or one of the demo, the base and the working organisation, named by content hash.
    OpenScenarios {
        /// File name.
        name: String,
        /// File contents.
        text: String,
    },
    /// Trainer mode: back to the built-in scenarios.
    BuiltinScenarios,
    /// A spreadsheet or a scenario file that could not even be read as bytes or text.
    Unreadable {
        /// Trainer mode's scenario file (else a spreadsheet).
        scenarios: bool,
        /// File name.
        name: String,
        /// Why, in words.
        message: String,
    },
    /// Report screen: choose the doctor.
    ReportDoctor(Option<String>),
    /// Report screen: choose the reader.
    ReportReader(Option<String>),
    /// Note that a shared link could not be read.
    LinkError(LinkError),
    /// A shared link was opened: ask before it replaces the working organisation.
    OfferLink(Box<Link>),
    /// Open the pending link (when this browser has its organisation); undoable.
    AcceptLink,
    /// Back to the working state from before the last link opened.
    UndoLink,
    /// Close the link banner (pending link, error, undo offer).
    DismissLink,
    /// Consent (or not) to keep the working organisation in this browser.
    SetKeep(bool),
    /// Forget the working organisation: back to the demo, nothing kept in this browser.
    Forget,
}

#[expect(
    clippy::expect_used,
    reason = "the built-in demo is a constant that the core's tests load"
)]
fn demo() -> Shared<Organisation> {
    Shared::new(Organisation::load(DEMO_ORG).expect("the built-in demo organisation loads"))
}

impl State {
    /// The demo organisation, no edits, first secretary selected, decided at `now`.
    pub fn new(now: Option<String>) -> State {
        let demo = demo();
        let selected = model::secretaries(&demo).first().map(|p| p.id.clone());
        State {
            trainer: TrainerMode {
                scenarios: Trainer::builtin(&demo),
                error: None,
                scenario: 0,
            },
            work: Work {
                base: demo.clone(),
                current: demo.clone(),
                changes: Vec::new(),
                undone: Vec::new(),
                rev: 0,
                edit_error: None,
            },
            demo,
            ui: Ui {
                selected,
                lang: Lang::Fr,
                screen: Screen::Sees,
                ghosts: false,
                now,
            },
            imports: Imports::default(),
            explaining: None,
            report: ReportChoice::default(),
            share: Sharing::default(),
        }
    }

    /// Restores a saved state (local storage or shared link). Refused as a whole, with the problems,
    /// when the file does not load or the edits do not apply.
    pub fn restore(saved: Saved, now: Option<String>) -> Result<State, Vec<Problem>> {
        if saved.format != SAVED_FORMAT {
            return Err(vec![Problem {
                path: "format".to_owned(),
                message: format!(
                    "unsupported format `{}`; expected `{SAVED_FORMAT}`",
                    saved.format
                ),
            }]);
        }
        let base = Organisation::load(saved.org.text()).map_err(|e| e.problems().to_vec())?;
        let current = base
            .with_changes(&saved.changes)
            .map_err(ApplyError::into_problems)?;
        let mut state = State::new(now);
        state.work.base = Shared::new(base);
        state.work.current = Shared::new(current);
        state.work.changes = saved.changes;
        state.work.undone = saved.undone;
        state.ui.lang = saved.lang;
        state.ui.screen = saved.screen;
        state.ui.ghosts = saved.ghosts;
        state.ui.selected = saved.selected;
        state.fix_selection();
        Ok(state)
    }

    /// What to save: the base file, the edits and the selection.
    pub fn saved(&self) -> Saved {
        Saved {
            format: SAVED_FORMAT.to_owned(),
            org: OrgJson(json(self.work.base.file())),
            changes: self.work.changes.clone(),
            undone: self.work.undone.clone(),
            selected: self.ui.selected.clone(),
            lang: self.ui.lang,
            screen: self.ui.screen,
            ghosts: self.ui.ghosts,
        }
    }

    /// The organisation an explanation is asked of.
    pub fn org_of(&self, source: OrgSource) -> &Shared<Organisation> {
        match source {
            OrgSource::Current => &self.work.current,
            OrgSource::Base => &self.work.base,
            OrgSource::Demo => &self.demo,
            OrgSource::Trainer => &self.trainer.scenarios.org,
        }
    }

    /// Keeps the selection on a person of the current organisation (the first secretary otherwise).
    fn fix_selection(&mut self) {
        let file = self.work.current.file();
        let known = self
            .ui
            .selected
            .as_deref()
            .is_some_and(|id| file.people.iter().any(|p| p.id == id));
        if !known {
            self.ui.selected = model::secretaries(&self.work.current)
                .first()
                .map(|p| p.id.clone());
        }
        if let Some(d) = self.report.doctor.as_deref() {
            if !file.people.iter().any(|p| p.id == d) {
                self.report.doctor = None;
            }
        }
        if let Some(r) = self.report.reader.as_deref() {
            if !file.people.iter().any(|p| p.id == r) {
                self.report.reader = None;
            }
        }
    }

    /// Replaces the edit list, rebuilding "after"; refused (state unchanged but the error) when the
    /// edits do not apply.
    fn with_changes(mut self, changes: Vec<Change>, undone: Vec<Change>) -> State {
        match self.work.base.with_changes(&changes) {
            Ok(current) => {
                self.work.current = Shared::new(current);
                self.work.changes = changes;
                self.work.undone = undone;
                self.work.rev += 1;
                self.work.edit_error = None;
                self.fix_selection();
            }
            Err(e) => self.work.edit_error = Some(e.into_problems()),
        }
        self
    }

    fn with_base(mut self, base: Organisation) -> State {
        let base = Shared::new(base);
        self.work.current = base.clone();
        self.work.base = base;
        self.work.changes.clear();
        self.work.undone.clear();
        self.work.rev += 1;
        self.work.edit_error = None;
        self.explaining = None;
        self.fix_selection();
        self
    }

    /// Opens the pending link over the organisation it names (kept pending when this browser does
    /// not have it); the state before is kept for [`Action::UndoLink`].
    fn accept_link(mut self) -> State {
        let Some(link) = self.share.pending.take() else {
            return self;
        };
        let Some(base) = Sharing::base_for(&link, &self.work.base, &self.demo).cloned() else {
            self.share.pending = Some(link);
            return self;
        };
        match base.with_changes(&link.changes) {
            Ok(current) => {
                let mut before = self.clone();
                before.share.before = None;
                self.share.before = Some(Shared::new(before));
                self.share.error = None;
                self.work.base = base;
                self.work.current = Shared::new(current);
                self.work.changes = link.changes;
                self.work.undone.clear();
                self.work.rev += 1;
                self.ui.selected = link.selected;
                self.ui.screen = link.screen;
                self.imports.file = ImportStatus::Idle;
                self.work.edit_error = None;
                self.explaining = None;
                self.fix_selection();
            }
            Err(e) => {
                let why = e.problems().iter().map(ToString::to_string);
                self.share.error = Some(LinkError::Refused(why.collect::<Vec<_>>().join("; ")));
            }
        }
        self
    }

    /// Imports spreadsheets onto the working organisation (see [`Action::ImportSheets`]).
    fn import_sheets(mut self, files: Vec<SheetFile>) -> State {
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let sheets: Vec<secretariat_sheets::Sheet<'_>> = files
            .iter()
            .map(|f| secretariat_sheets::Sheet {
                name: &f.name,
                bytes: &f.bytes,
            })
            .collect();
        match secretariat_sheets::import(self.work.current.file(), &sheets) {
            Ok(more) => {
                let count = more.len();
                let mut changes = self.work.changes.clone();
                changes.extend(more);
                let mut s = self.with_changes(changes, Vec::new());
                let refused = s.work.edit_error.clone();
                s.imports.sheets = match refused {
                    None => SheetsStatus::Imported {
                        names,
                        changes: count,
                    },
                    Some(problems) => SheetsStatus::Failed {
                        problems: problems
                            .iter()
                            .map(|p| secretariat_sheets::Problem {
                                sheet: names.join(", "),
                                row: 0,
                                column: None,
                                header: None,
                                message: p.to_string(),
                            })
                            .collect(),
                        names,
                    },
                };
                s
            }
            Err(e) => {
                self.imports.sheets = SheetsStatus::Failed {
                    names,
                    problems: e.problems().to_vec(),
                };
                self
            }
        }
    }

    /// The pure reducer.
    pub fn reduce_owned(self, action: Action) -> State {
        let mut s = self;
        match action {
            Action::Select(id) => {
                if s.work.current.file().people.iter().any(|p| p.id == id) {
                    s.ui.selected = Some(id);
                }
            }
            Action::SetLang(lang) => s.ui.lang = lang,
            Action::Go(screen) => {
                s.ui.screen = screen;
                s.explaining = None;
            }
            Action::SetGhosts(on) => s.ui.ghosts = on,
            Action::SetNow(now) => {
                // Keep only what the core can read; an unreadable date leaves the previous one.
                match now {
                    Some(t) if secretariat_core::Instant::parse(&t).is_some() => s.ui.now = Some(t),
                    Some(_) => {}
                    None => s.ui.now = None,
                }
            }
            Action::Edit(change) => {
                let mut changes = s.work.changes.clone();
                changes.push(change);
                return s.with_changes(changes, Vec::new());
            }
            Action::EditAll(more) => {
                let mut changes = s.work.changes.clone();
                changes.extend(more);
                return s.with_changes(changes, Vec::new());
            }
            Action::NewOrganisation(file) => match Organisation::from_file(*file) {
                Ok(org) => {
                    s.imports.file = ImportStatus::Idle;
                    s.ui.selected = None;
                    return s.with_base(org);
                }
                Err(e) => s.work.edit_error = Some(e.problems().to_vec()),
            },
            Action::Adopt => {
                let current = (*s.work.current).clone();
                return s.with_base(current);
            }
            Action::Undo => {
                let mut changes = s.work.changes.clone();
                if let Some(last) = changes.pop() {
                    let mut undone = s.work.undone.clone();
                    undone.push(last);
                    return s.with_changes(changes, undone);
                }
            }
            Action::Redo => {
                let mut undone = s.work.undone.clone();
                if let Some(next) = undone.pop() {
                    let mut changes = s.work.changes.clone();
                    changes.push(next);
                    return s.with_changes(changes, undone);
                }
            }
            Action::DiscardEdits => {
                let mut undone = s.work.undone.clone();
                undone.extend(s.work.changes.iter().rev().cloned());
                return s.with_changes(Vec::new(), undone);
            }
            Action::Import { name, text } => match Organisation::load(&text) {
                Ok(org) => {
                    s.imports.file = ImportStatus::Loaded { name };
                    return s.with_base(org);
                }
                Err(e) => {
                    s.imports.file = ImportStatus::Failed {
                        name,
                        problems: e.problems().to_vec(),
                    };
                }
            },
            Action::ImportUnreadable { name, message } => {
                s.imports.file = ImportStatus::Failed {
                    name,
                    problems: vec![Problem {
                        path: String::new(),
                        message,
                    }],
                };
            }
            Action::ImportSheets(files) => return s.import_sheets(files),
            Action::DismissImport => {
                s.imports.file = ImportStatus::Idle;
                s.imports.sheets = SheetsStatus::Idle;
            }
            Action::ResetDemo => {
                let demo = (*s.demo).clone();
                s.imports.file = ImportStatus::Idle;
                s.ui.selected = None;
                return s.with_base(demo);
            }
            Action::Explain(request, source) => s.explaining = Some(Explaining { request, source }),
            Action::CloseExplain => s.explaining = None,
            Action::OpenScenario(i) => s.trainer.scenario = i,
            Action::OpenScenarios { name, text } => {
                let known = [&*s.demo, &*s.work.base, &*s.work.current];
                match Trainer::open(Some(name.clone()), &text, &known) {
                    Ok(trainer) => {
                        s.trainer.scenarios = trainer;
                        s.trainer.error = None;
                        s.trainer.scenario = 0;
                    }
                    Err(e) => s.trainer.error = Some(format!("{name}: {e}")),
                }
            }
            Action::Unreadable {
                scenarios: true,
                name,
                message,
            } => s.trainer.error = Some(format!("{name}: {message}")),
            Action::Unreadable { name, message, .. } => {
                s.imports.sheets = SheetsStatus::Failed {
                    names: vec![name.clone()],
                    problems: vec![secretariat_sheets::Problem {
                        sheet: name,
                        row: 0,
                        column: None,
                        header: None,
                        message,
                    }],
                }
            }
            Action::BuiltinScenarios => {
                s.trainer.scenarios = Trainer::builtin(&s.demo);
                s.trainer.error = None;
                s.trainer.scenario = 0;
            }
            Action::ReportDoctor(d) => s.report.doctor = d,
            Action::ReportReader(r) => s.report.reader = r,
            Action::LinkError(e) => s.share.error = Some(e),
            Action::OfferLink(link) => {
                s.share.pending = Some(*link);
                s.share.error = None;
            }
            Action::AcceptLink => return s.accept_link(),
            Action::UndoLink => {
                if let Some(before) = s.share.before.take() {
                    let mut before = Rc::unwrap_or_clone(before.0);
                    before.work.rev = s.work.rev + 1;
                    before.share.keep = s.share.keep;
                    return before;
                }
            }
            Action::DismissLink => {
                s.share.pending = None;
                s.share.error = None;
                s.share.before = None;
            }
            Action::SetKeep(on) => s.share.keep = on,
            Action::Forget => {
                let demo = (*s.demo).clone();
                s.imports.file = ImportStatus::Idle;
                s.ui.selected = None;
                s.share.keep = false;
                s.share.before = None;
                return s.with_base(demo);
            }
        }
        s
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).reduce_owned(action))
    }
}
