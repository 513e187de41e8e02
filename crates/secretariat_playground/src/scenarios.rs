//! Trainer mode's scenarios: a `secretariat-scenarios/1` file (the built-in one, or one a trainer
//! opens) and the organisation it runs on. The core reads the file and checks every expected answer
//! ([`ScenarioFile::check`]); the playground shows the steps and flags where the engine disagrees.

use secretariat_core::{Lang, Organisation, ScenarioFile, ScenarioReport};

use crate::state::Shared;

/// The built-in scenarios (the eight guided ones on the demo, and a new secretary's arrival),
/// named by the demo's content hash.
pub const BUILTIN: &str = include_str!("../../../tests/fixtures/demo/scenarios.json");

/// A scenario file opened in trainer mode, with the organisation it runs on.
#[derive(Clone, Debug, PartialEq)]
pub struct Trainer {
    /// The file name, `None` for the built-in scenarios.
    pub name: Option<String>,
    /// The scenarios.
    pub file: Shared<ScenarioFile>,
    /// The organisation they run on (embedded, or the one with their content hash).
    pub org: Shared<Organisation>,
}

impl Trainer {
    /// Reads a scenario file and finds its organisation: embedded, or among `known` by content hash.
    /// The error is the core's message (what and where).
    pub fn open(
        name: Option<String>,
        text: &str,
        known: &[&Organisation],
    ) -> Result<Trainer, String> {
        let file = ScenarioFile::parse(text).map_err(|e| e.to_string())?;
        let org = file.organisation(known).map_err(|e| e.to_string())?;
        Ok(Trainer {
            name,
            file: Shared::new(file),
            org: Shared::new(org),
        })
    }

    /// The built-in scenarios on the demo.
    #[expect(
        clippy::expect_used,
        reason = "the built-in scenarios are a constant checked by the tests against the demo"
    )]
    pub fn builtin(demo: &Organisation) -> Trainer {
        Trainer::open(None, BUILTIN, &[demo]).expect("the built-in scenarios open on the demo")
    }

    /// Every expected answer checked by the engine, in `lang`.
    pub fn check(&self, lang: Lang) -> ScenarioReport {
        self.file.check(&self.org, lang)
    }
}
