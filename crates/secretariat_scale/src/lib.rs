//! # secretariat_scale
//!
//! Realistic organisations (`secretariat-org/1`) at the sizes the benchmarks need, the same on
//! every machine for a given seed: French names, valid RPPS numbers (Luhn), 3C centres with their
//! tumour boards, secretaries with direct and group affiliations, practice accesses with mostly
//! recommended permissions and a few sensitive ones, validity windows, patient objections, and a
//! few external, suspended or miscategorised accounts. Plus decision requests per action family
//! ([`requests`]) and one change to simulate ([`sample_change`]).
//!
//! (`secretariat_gen`, a different crate, draws small *random* organisations as proptest
//! strategies for the oracle tests; this one draws *large realistic* ones for measurements.)
//!
//! An organisation is a row of **blocks**, one per 3C centre, each drawn from its own stream
//! (`seed`, block number). Block 0 is the home of the focus secretary, [`FOCUS`]; no other block
//! ever links into it. So the district (4 centres), the region (40) and the country (400) hold the
//! very same block 0: her doctors, her RCPs and their dossiers are identical at every scale, and
//! only the rest of the organisation grows — which is how the benchmarks show whether the cost of
//! her view follows what she sees or the size of the country ([`grown`]).
//!
//! ```
//! use secretariat_scale::{generate, Scale, FOCUS};
//! let file = generate(Scale::Practice, 1);
//! let org = secretariat_core::Organisation::from_file(file).unwrap();
//! assert!(org.view(FOCUS, None, secretariat_core::Lang::Fr).is_some());
//! ```

mod dates;
mod generate;
mod names;
mod requests;
mod rng;

pub use generate::Shape;
pub use names::rpps;
pub use requests::{requests, sample_change, Family};
pub use rng::Rng;

use secretariat_core::file::OrgFile;

/// The focus secretary: present at every scale, with the same doctors, RCPs and dossiers.
pub const FOCUS: &str = "sophie";

/// The instant the generated organisations are meant to be looked at (windows, séances).
pub const NOW: &str = "2026-11-23T10:00:00Z";

/// A size of organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// One practice: 5 doctors, 10 secretaries, one centre with 3 RCPs.
    Practice,
    /// A region: 2,000 doctors, 800 secretaries, 40 centres, 600 RCPs, 50,000 dossiers.
    Region,
    /// A country: 20,000 doctors, 8,000 secretaries, 400 centres, 6,000 RCPs, 500,000 dossiers.
    Country,
}

impl Scale {
    /// Every scale, smallest first.
    pub const ALL: [Scale; 3] = [Scale::Practice, Scale::Region, Scale::Country];

    /// `practice`, `region` or `country`.
    pub fn parse(text: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.id() == text)
    }

    /// The id used on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Scale::Practice => "practice",
            Scale::Region => "region",
            Scale::Country => "country",
        }
    }

    /// How many of everything.
    pub fn shape(self) -> Shape {
        match self {
            Scale::Practice => Shape::PRACTICE,
            Scale::Region => Shape::district(10),
            Scale::Country => Shape::district(100),
        }
    }
}

/// A generated organisation at `scale`, deterministic from `seed`.
pub fn generate(scale: Scale, seed: u64) -> OrgFile {
    generate::build(&scale.shape(), seed)
}

/// The district (4 centres: 200 doctors, 80 secretaries, 60 RCPs, 5,000 dossiers) grown `factor`
/// times around [`FOCUS`]: `grown(seed, 10)` is the region, `grown(seed, 100)` the country, and
/// her own block is the same in all of them.
pub fn grown(seed: u64, factor: usize) -> OrgFile {
    generate::build(&Shape::district(factor), seed)
}
