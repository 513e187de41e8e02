//! « Ce que reçoit son navigateur »: the selected secretary's scope (`secretariat-scope/1`,
//! docs/SCOPE.md) — what a host sends to her browser instead of the organisation file — with its
//! size and what it leaves out, so that an admin sees the privacy. The scope is the core's; this
//! file only counts and lays it out.

use std::collections::BTreeSet;

use secretariat_core::{Lang, Organisation};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::state::Shared;

/// Her scope beside the organisation file it was cut from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeSummary {
    /// Her scope, pretty JSON (what the panel shows).
    pub pretty: String,
    /// Her scope as sent: compact JSON, bytes.
    pub bytes: usize,
    /// The organisation file, compact JSON, bytes.
    pub file_bytes: usize,
    /// People of the file not in her scope.
    pub people_left_out: usize,
    /// RPPS numbers of the file (a scope holds none).
    pub rpps_left_out: usize,
    /// Dossiers of the file not in her scope.
    pub dossiers_left_out: usize,
    /// Distinct patient ids of the file (a scope holds none).
    pub patients_left_out: usize,
}

/// Her scope and what it leaves out; `None` when no person has that id.
pub fn summary(org: &Organisation, secretary: &str) -> Option<ScopeSummary> {
    let scope = org.scope(secretary).ok()?;
    let file = org.file();
    let network = file.network.clone().unwrap_or_default();
    // Inserted one by one: collecting into a B-tree sorts first, a sort for this one set.
    let mut patients = BTreeSet::new();
    for patient in network.dossiers.iter().map(|d| d.patient.as_str()) {
        patients.insert(patient);
    }
    for patient in &network.patient_objections {
        patients.insert(patient.as_str());
    }
    Some(ScopeSummary {
        pretty: scope.to_json_pretty(),
        bytes: scope.to_json().len(),
        file_bytes: serde_json::to_string(file).map_or(0, |t| t.len()),
        people_left_out: file.people.len().saturating_sub(scope.people.len()),
        rpps_left_out: file.people.iter().filter(|p| p.rpps.is_some()).count(),
        dossiers_left_out: network.dossiers.len().saturating_sub(scope.dossiers.len()),
        patients_left_out: patients.len(),
    })
}

/// A size in bytes, as people read it.
pub fn size(bytes: usize, lang: Lang) -> String {
    if bytes < 1_024 {
        format!("{bytes} {}", lang.pick("octets", "bytes"))
    } else if bytes < 1_024 * 1_024 {
        format!("{} {}", tenths(bytes, 1_024, lang), lang.pick("Kio", "KiB"))
    } else {
        format!(
            "{} {}",
            tenths(bytes, 1_048_576, lang),
            lang.pick("Mio", "MiB")
        )
    }
}

/// `bytes / unit` to one decimal, rounded as `{:.1}` rounds (half to even), in integers: float
/// formatting would weigh some 5 KB in the `.wasm` for this one line.
/// The decimal separator is the language's (« 1,5 Kio », "1.5 KiB").
fn tenths(bytes: usize, unit: usize, lang: Lang) -> String {
    let scaled = bytes.saturating_mul(10);
    let (mut q, r) = (scaled / unit, scaled % unit);
    if r * 2 > unit || (r * 2 == unit && q % 2 == 1) {
        q += 1;
    }
    format!("{}{}{}", q / 10, lang.pick(",", "."), q % 10)
}

/// Whose scope, cut from which organisation.
#[derive(Properties, PartialEq)]
pub struct ScopePanelProps {
    /// The organisation.
    pub org: Shared<Organisation>,
    /// The secretary.
    pub secretary: Option<String>,
}

/// « Ce que reçoit son navigateur ».
#[component]
pub fn ScopePanel(props: &ScopePanelProps) -> Html {
    let lang = use_lang();
    // Counting serialises the file: once per organisation and secretary, not per render.
    let summary = use_memo((props.org.clone(), props.secretary.clone()), |(org, id)| {
        id.as_deref().and_then(|id| summary(org, id))
    });
    let Some(s) = summary.as_ref() else {
        return html! {};
    };
    let left_out = [
        (s.people_left_out, lang.pick("personnes", "people")),
        (s.rpps_left_out, lang.pick("numéros RPPS", "RPPS numbers")),
        (s.dossiers_left_out, lang.pick("dossiers", "dossiers")),
        (
            s.patients_left_out,
            lang.pick("identifiants patient", "patient ids"),
        ),
    ];
    html! {
        <section class="card scope-panel" data-testid="scope-panel" aria-labelledby="scope-panel-title">
            <h2 id="scope-panel-title">{ lang.pick("Ce que reçoit son navigateur", "What her browser receives") }</h2>
            <p>
                { lang.pick("Son périmètre (", "Her scope (") }<code>{ "secretariat-scope/1" }</code>{ ") : " }
                <strong data-testid="scope-size">{ size(s.bytes, lang) }</strong>
                { lang.pick(", au lieu des ", ", instead of the ") }
                <strong>{ size(s.file_bytes, lang) }</strong>
                { lang.pick(
                    " du fichier de l'organisation. Il suffit à décider toutes ses demandes, à toute date, et rien de plus (RGPD, HDS).",
                    " of the organisation file. It decides all her requests, at any date, and nothing more (RGPD, HDS).",
                ) }
            </p>
            <p>{ lang.pick("Laissés de côté :", "Left out:") }</p>
            <ul class="scope-left-out" data-testid="scope-left-out">
                { for left_out.iter().map(|(n, what)| html! { <li><strong>{ n }</strong>{ " " }{ *what }</li> }) }
            </ul>
            <details>
                <summary>{ lang.pick("Voir le périmètre (JSON)", "Show the scope (JSON)") }</summary>
                <pre class="scope-json">{ s.pretty.clone() }</pre>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sophie_s_scope_leaves_out_the_rest_of_the_demo() -> Result<(), String> {
        let org = Organisation::load(secretariat_core::DEMO_ORG).map_err(|e| e.to_string())?;
        let s = summary(&org, "sophie").ok_or("her scope")?;
        let file = org.file();
        let network = file.network.clone().unwrap_or_default();
        // Her scope names her and two doctors; no RPPS and no patient id at all.
        assert_eq!(s.people_left_out, file.people.len() - 3);
        assert_eq!(
            s.rpps_left_out,
            file.people.iter().filter(|p| p.rpps.is_some()).count()
        );
        assert!(s.rpps_left_out > 0 && s.patients_left_out > 0);
        assert_eq!(s.dossiers_left_out, network.dossiers.len() - 3);
        assert!(s.bytes < s.file_bytes);
        assert!(!s.pretty.contains("\"patient\""));
        assert_eq!(summary(&org, "nobody"), None);
        assert_eq!(size(1_536, Lang::Fr), "1,5 Kio");
        assert_eq!(size(1_536, Lang::En), "1.5 KiB");
        Ok(())
    }

    /// Sizes read as `{:.1}` of the quotient would read them, ties included.
    #[test]
    fn sizes_round_as_float_formatting() -> Result<(), String> {
        for bytes in (1_024..300_000).chain((1_048_576..1_400_000).step_by(7)) {
            let unit = if bytes < 1_048_576 {
                1_024.0
            } else {
                1_048_576.0
            };
            let float = format!("{:.1}", bytes as f64 / unit);
            let ours = size(bytes, Lang::En);
            if !ours.starts_with(&format!("{float} ")) {
                return Err(format!("{bytes}: {ours}, not {float}"));
            }
        }
        Ok(())
    }
}
