//! The organisation: import (with every problem of a refused file), export, reset to the demo,
//! private sharing (a link with the edits only; a pseudonymised copy of a whole file), keeping the
//! work in this browser (with consent) or forgetting it, the engine's findings on the working
//! organisation, and the edit history.

use secretariat_core::Organisation;
use yew::prelude::*;

use crate::browser;
use crate::components::edit_history::EditHistory;
use crate::components::findings_list::FindingsList;
use crate::components::icons;
use crate::components::import_zone::ImportZone;
use crate::hooks::use_findings;
use crate::share;
use crate::state::{Action, ImportStatus, Shared, Ui, Work};

/// The organisation worked on, the demo, the last import, the consent to keep, and where actions
/// go.
#[derive(Properties, PartialEq)]
pub struct OrganisationScreenProps {
    /// Base, edits and result.
    pub work: Work,
    /// Language, secretary and screen (a share link carries the last two).
    pub ui: Ui,
    /// The demo (a link over it needs no file).
    pub demo: Shared<Organisation>,
    /// What the last import did.
    pub import: ImportStatus,
    /// Consent to keep the work in this browser.
    pub keep: bool,
    /// The reducer's dispatcher.
    pub onaction: Callback<Action>,
}

/// The organisation screen.
#[component]
pub fn OrganisationScreen(props: &OrganisationScreenProps) -> Html {
    let OrganisationScreenProps {
        work,
        ui,
        demo,
        onaction,
        ..
    } = props;
    let lang = ui.lang;
    let link = use_state(|| None::<String>);
    let onexport = {
        let org = work.current.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download("organisation.json", "application/json", &org.to_json());
        })
    };
    let onreset = onaction.reform(|_: MouseEvent| Action::ResetDemo);
    let onshare = {
        let (work, ui) = (work.clone(), ui.clone());
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let url = browser::link(&share::encode(&share::link_of(&work, &ui)));
            browser::copy(&url);
            link.set(Some(url));
        })
    };
    // The pseudonymised copy's key and link, once made.
    let copy = use_state(|| None::<(String, String)>);
    let onpseudonymised = {
        let (work, ui) = (work.clone(), ui.clone());
        let copy = copy.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(key) = browser::random_key() else {
                return;
            };
            if let Some((file, fragment)) = share::pseudonymised(&work, &ui, &key) {
                browser::download("organisation-pseudonymisee.json", "application/json", &file);
                copy.set(Some((key, browser::link(&fragment))));
            }
        })
    };
    let onkeep = onaction.reform(|e: Event| Action::SetKeep(browser::checked(&e)));
    let onforget = onaction.reform(|_: MouseEvent| Action::Forget);
    let on_demo = share::fingerprint(&work.base) == share::fingerprint(demo);
    let ondismiss = onaction.reform(|_: MouseEvent| Action::DismissImport);
    let onimport = onaction.reform(
        |(name, text): (String, Result<String, String>)| match text {
            Ok(text) => Action::Import { name, text },
            Err(e) => Action::ImportUnreadable { name, message: e },
        },
    );
    let import = match &props.import {
        ImportStatus::Idle => html! {},
        ImportStatus::Loaded { name } => html! {
            <div class="banner banner-ok" role="status" data-testid="import-ok">
                { icons::check() }
                { lang.pick("Fichier chargé : ", "File loaded: ") }<strong>{ name.clone() }</strong>
                <button type="button" class="btn btn-small btn-ghost" onclick={ondismiss}>{ lang.pick("OK", "OK") }</button>
            </div>
        },
        ImportStatus::Failed { name, problems } => html! {
            <div class="banner banner-error" role="alert" data-testid="import-errors">
                <p>
                    <strong>{ name.clone() }</strong>
                    { format!(" — {} {}. ", problems.len(), if problems.len() == 1 { lang.pick("problème", "problem") } else { lang.pick("problèmes", "problems") }) }
                    { lang.pick("L'organisation en cours n'a pas changé.", "The current organisation is unchanged.") }
                </p>
                <ul class="problems">
                    { for problems.iter().map(|p| html! {
                        <li>
                            if !p.path.is_empty() { <code class="path">{ p.path.clone() }</code> }
                            <span>{ p.message.clone() }</span>
                        </li>
                    }) }
                </ul>
                <button type="button" class="btn btn-small" onclick={ondismiss}>{ lang.pick("Fermer", "Dismiss") }</button>
            </div>
        },
    };
    let findings = use_findings(work, ui);
    let file = work.current.file();
    let stats = [
        (lang.pick("personnes", "people"), file.people.len()),
        (
            lang.pick("accès", "accesses"),
            file.practice.as_ref().map_or(0, |p| p.accesses.len()),
        ),
        (
            lang.pick("centres", "centres"),
            file.network.as_ref().map_or(0, |n| n.centres.len()),
        ),
        (
            lang.pick("RCP", "RCPs"),
            file.network.as_ref().map_or(0, |n| n.rcps.len()),
        ),
        (
            lang.pick("dossiers", "dossiers"),
            file.network.as_ref().map_or(0, |n| n.dossiers.len()),
        ),
    ];
    html! {
        <>
            <div class="screen-head">
                <h1>{ lang.pick("Organisation", "Organisation") }</h1>
                <p class="lead">
                    <strong>{ work.current.name().to_owned() }</strong>{ " — " }
                    { stats.iter().map(|(w, n)| format!("{n} {w}")).collect::<Vec<_>>().join(" · ") }
                </p>
            </div>
            { import }
            <div class="two-cols">
                <div>
                    <section class="card">
                        <h2>{ lang.pick("Importer", "Import") }</h2>
                        <ImportZone onimport={onimport} />
                        <p class="muted small">{ lang.pick(
                            "Le fichier est lu dans ce navigateur, jamais envoyé. S'il est refusé, l'organisation en cours reste en place.",
                            "The file is read in this browser, never sent. If it is refused, the current organisation stays.",
                        ) }</p>
                    </section>
                    <section class="card">
                        <h2>{ lang.pick("Exporter, réinitialiser, partager", "Export, reset, share") }</h2>
                        <div class="toolbar">
                            <button type="button" class="btn" onclick={onexport} data-testid="export">{ icons::download() }{ lang.pick("Exporter (JSON)", "Export (JSON)") }</button>
                            <button type="button" class="btn" onclick={onshare} data-testid="share">{ icons::link() }{ lang.pick("Lien de partage", "Share link") }</button>
                            <button type="button" class="btn btn-danger" onclick={onreset} data-testid="reset">{ lang.pick("Revenir à la démo", "Back to the demo") }</button>
                        </div>
                        if let Some(url) = (*link).clone() {
                            <label class="field">
                                <span class="field-label">{ lang.pick(
                                    "Lien copié — il contient vos modifications, jamais l'organisation ni ses patients",
                                    "Link copied — it holds your edits, never the organisation nor its patients",
                                ) }</span>
                                <input type="text" readonly=true value={url} data-testid="share-link"
                                    onfocus={Callback::from(|e: FocusEvent| browser::select_text(&e))} />
                            </label>
                        }
                        <p class="muted small" data-testid="share-note">
                            { lang.pick("Le lien s'applique à l'organisation d'empreinte ", "The link applies to the organisation with fingerprint ") }
                            <code>{ share::short(share::fingerprint(&work.base)).to_owned() }</code>
                            if on_demo {
                                { lang.pick(" : la démo, que tout le monde a.", ": the demo, which everyone has.") }
                            } else {
                                { lang.pick(
                                    " : le destinataire doit avoir ce même fichier. Pour le lui envoyer, n'envoyez pas l'original : ",
                                    ": the recipient needs this same file. To send it, do not send the original: ",
                                ) }
                                { lang.pick(
                                    "envoyez une copie pseudonymisée (patients, RPPS, identifiants et noms remplacés ; les décisions restent les mêmes) et le lien fait pour elle.",
                                    "send a pseudonymised copy (patients, RPPS, ids and names replaced; the decisions stay the same) and the link made for it.",
                                ) }
                            }
                        </p>
                        if !on_demo {
                            <button type="button" class="btn" onclick={onpseudonymised} data-testid="pseudonymised">
                                { icons::download() }{ lang.pick("Copie pseudonymisée (JSON) et son lien", "Pseudonymised copy (JSON) and its link") }
                            </button>
                        }
                        if let Some((key, url)) = (*copy).clone() {
                            <label class="field">
                                <span class="field-label">{ lang.pick("Lien à envoyer avec la copie pseudonymisée", "Link to send with the pseudonymised copy") }</span>
                                <input type="text" readonly=true value={url} data-testid="pseudonymised-link" />
                            </label>
                            <p class="muted small">
                                { lang.pick("Clé de cette copie, à garder pour relire une réponse — ne l'envoyez pas : ", "This copy's key, to keep to read an answer back — do not send it: ") }
                                <code data-testid="pseudonymised-key">{ key }</code>
                            </p>
                        }
                    </section>
                    <section class="card" data-testid="storage">
                        <h2>{ lang.pick("Ce navigateur", "This browser") }</h2>
                        <label class="check">
                            <input type="checkbox" checked={props.keep} onchange={onkeep} data-testid="keep" />
                            <span>{ lang.pick(
                                "Garder l'organisation de travail et mes modifications dans ce navigateur",
                                "Keep the working organisation and my edits in this browser",
                            ) }</span>
                        </label>
                        <p class="muted small">{ lang.pick(
                            "Sans votre accord, rien n'est gardé : tout est oublié en fermant la page.",
                            "Without your consent nothing is kept: everything is forgotten when the page closes.",
                        ) }</p>
                        <button type="button" class="btn btn-danger" onclick={onforget} data-testid="forget">
                            { lang.pick("Oublier cette organisation", "Forget this organisation") }
                        </button>
                    </section>
                    <section class="card">
                        <h2>{ lang.pick("Historique des modifications", "Edit history") }</h2>
                        <EditHistory work={work.clone()} onaction={onaction.clone()} />
                    </section>
                </div>
                <section class="card">
                    <h2>{ lang.pick("Constats sur l'organisation", "Findings on the organisation") }{ format!(" ({})", findings.len()) }</h2>
                    <FindingsList findings={(*findings).clone()} empty={lang.pick("Aucun constat.", "No finding.")} />
                </section>
            </div>
        </>
    }
}
