//! The playground's own documents — the state kept in the browser and a link's payload — are read
//! with the core's JSON reader and the saved state written by hand: both as serde reads and writes
//! them (`Link`'s derives, and `SavedAsSerde` below for the saved state), values, messages, lines
//! and columns.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod common;

use secretariat_core::{Change, Lang};
use secretariat_playground::share::{self, Link};
use secretariat_playground::state::{Action, Saved, Screen, State};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use common::{allowed, NOW};

/// States worth saving: the demo as it opens, and one with edits, an undo, a choice of secretary,
/// language, screen and ghosts.
fn states() -> Vec<State> {
    let grant = |p: &str| {
        Action::Edit(Change::GrantPermission {
            secretary: "sophie".into(),
            doctor: "dr-martin".into(),
            permission: p.into(),
            valid_from: Some("2026-11-01T00:00:00Z".into()),
            valid_until: None,
        })
    };
    let edited = [
        grant("export_patients"),
        grant("pid_billing"),
        Action::Undo,
        Action::Edit(Change::AddAccess {
            secretary: "lea".into(),
            doctor: "dr-martin".into(),
            permissions: Vec::new(),
            valid_from: None,
            valid_until: None,
        }),
        Action::Select("lea".into()),
        Action::SetLang(Lang::En),
        Action::Go(Screen::Organisation),
        Action::SetGhosts(true),
    ]
    .into_iter()
    .fold(State::new(Some(NOW.to_owned())), State::reduce_owned);
    vec![State::new(Some(NOW.to_owned())), edited]
}

/// Every `step`-th single-byte deletion of `text`, and insertions at every third of those.
fn damaged(text: &str, step: usize) -> Vec<String> {
    let mut out = vec![text.to_owned()];
    for (k, (i, c)) in text.char_indices().enumerate().step_by(step) {
        let (head, rest) = (&text[..i], &text[i + c.len_utf8()..]);
        out.push(format!("{head}{rest}"));
        if k % (3 * step) == 0 {
            out.extend(
                [
                    "1", "\"", "null", "[", "{}", ",", "-", "\"op\":", "\"x\":1,",
                ]
                .map(|insert| format!("{head}{insert}{rest}")),
            );
        }
    }
    out
}

/// `Saved` as serde writes and reads it: the reference for the hand-written [`Saved::to_json`]
/// and [`Saved::from_json`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(expecting = "struct Saved")]
struct SavedAsSerde {
    format: String,
    org: Box<RawValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    changes: Vec<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    undone: Vec<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    selected: Option<String>,
    #[serde(default)]
    lang: Lang,
    #[serde(default)]
    screen: Screen,
    #[serde(default)]
    ghosts: bool,
}

impl SavedAsSerde {
    fn of(saved: &Saved) -> SavedAsSerde {
        SavedAsSerde {
            format: saved.format.clone(),
            org: RawValue::from_string(saved.org.text().to_owned()).unwrap(),
            changes: saved.changes.clone(),
            undone: saved.undone.clone(),
            selected: saved.selected.clone(),
            lang: saved.lang,
            screen: saved.screen,
            ghosts: saved.ghosts,
        }
    }
}

/// The core's reader (`ours`) and serde_json (`U`) on one text: the same value (`same` compares
/// them), or the same message at the same line and column — but where the readers differ by design
/// (docs/DECISIONS.md §31: a windowed permission written as an array, an enum written as an object,
/// a float's text). Whether errors were compared.
fn agree<T, U: serde::de::DeserializeOwned>(
    text: &str,
    ours: Result<T, secretariat_core::JsonError>,
    same: impl FnOnce(&T, &U),
) -> bool {
    match (ours, serde_json::from_str::<U>(text)) {
        (Ok(a), Ok(b)) => same(&a, &b),
        (Err(a), Err(b)) => {
            let (a, b) = (a.to_string(), b.to_string());
            if !secretariat_core::JsonError::differs_by_design(&a, &b) {
                assert_eq!(a, b, "{text}");
                return true;
            }
        }
        (Ok(_), Err(b)) => panic!("{text}: serde_json refuses ({b}), the core's reader reads"),
        (Err(a), Ok(_)) => assert!(
            secretariat_core::JsonError::differs_by_design(&a.to_string(), ""),
            "{text}: {a}"
        ),
    }
    false
}

#[test]
fn the_saved_state_is_written_as_serde_writes_it() {
    for state in states() {
        let saved = state.saved();
        let serde = serde_json::to_string(&SavedAsSerde::of(&saved)).unwrap();
        assert_eq!(saved.to_json(), serde);
    }
}

#[test]
fn the_saved_state_reads_as_serde_reads_it() {
    let mut compared = 0;
    for state in states() {
        let text = state.saved().to_json();
        let back = Saved::from_json(&text).unwrap();
        assert_eq!(back, state.saved());
        // Restored, it answers as the state saved (the edit granted stands).
        let restored = State::restore(back, Some(NOW.to_owned())).unwrap();
        let export =
            |s: &State| allowed(s, "sophie", "practice.export_patients", "doctor:dr-martin");
        assert_eq!(export(&restored), export(&state));
        for t in damaged(&text, 3) {
            compared += usize::from(agree(&t, Saved::from_json(&t), |a, b: &SavedAsSerde| {
                assert_eq!(
                    format!("{:?}", SavedAsSerde::of(a)),
                    format!("{b:?}"),
                    "{t}"
                );
            }));
        }
    }
    assert!(compared > 2_000, "{compared} errors compared");
}

#[test]
fn links_read_as_serde_reads_them() {
    let mut compared = 0;
    for state in states() {
        let link = share::link_of(&state.work, &state.ui);
        let text = serde_json::to_string(&link).unwrap();
        assert_eq!(Link::from_json(&text).unwrap(), link);
        assert_eq!(share::decode(&share::encode(&link)), Ok(Some(link)));
        for t in damaged(&text, 1) {
            compared += usize::from(agree(&t, Link::from_json(&t), |a, b: &Link| {
                assert_eq!(a, b, "{t}");
            }));
        }
    }
    assert!(compared > 1_000, "{compared} errors compared");
}
