//! The change requests to send (P7, D9), written by the engine in French: copy, download as text or
//! JSON, or open a prefilled e-mail to the organisation's support contact.

use secretariat_core::{ChangeRequest, Lang, Recipient};
use yew::prelude::*;

use crate::browser;
use crate::components::icons;
use crate::hooks::use_lang;

/// The requests to show.
#[derive(Properties, PartialEq)]
pub struct ChangeRequestsProps {
    /// From the simulation.
    pub requests: Vec<ChangeRequest>,
}

/// All requests as one text file.
pub fn as_text(requests: &[ChangeRequest]) -> String {
    let mut out = String::new();
    for (i, r) in requests.iter().enumerate() {
        if i > 0 {
            out.push_str("\n----------------------------------------\n\n");
        }
        if let Some(to) = &r.to {
            out.push_str(&format!("À : {to}\n"));
        }
        out.push_str(&format!("Objet : {}\n\n{}\n", r.subject, r.body));
    }
    out
}

fn recipient_label(r: Recipient, lang: Lang) -> &'static str {
    match r {
        Recipient::Practice => {
            lang.pick("Éditeur du logiciel de cabinet", "Practice software vendor")
        }
        Recipient::Network => lang.pick("Réseau de cancérologie (3C)", "Cancer network (3C)"),
    }
}

/// The change requests.
#[component]
pub fn ChangeRequests(props: &ChangeRequestsProps) -> Html {
    let lang = use_lang();
    if props.requests.is_empty() {
        return html! {
            <p class="muted" data-testid="no-requests">{ lang.pick(
                "Aucune demande à envoyer : les modifications ne changent rien que l'éditeur ou le réseau doive faire.",
                "No request to send: the edits change nothing the vendor or the network has to do.",
            ) }</p>
        };
    }
    let ontext = {
        let text = as_text(&props.requests);
        Callback::from(move |_: MouseEvent| {
            browser::download(
                "demandes-de-modification.txt",
                "text/plain;charset=utf-8",
                &text,
            )
        })
    };
    let onjson = {
        let json = serde_json::to_string_pretty(&props.requests).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            browser::download("demandes-de-modification.json", "application/json", &json)
        })
    };
    html! {
        <div class="requests" data-testid="requests">
            <div class="toolbar">
                <button type="button" class="btn" onclick={ontext} data-testid="requests-txt">{ icons::download() }{ lang.pick("Télécharger (.txt)", "Download (.txt)") }</button>
                <button type="button" class="btn" onclick={onjson} data-testid="requests-json">{ icons::download() }{ lang.pick("Télécharger (JSON)", "Download (JSON)") }</button>
            </div>
            if lang == Lang::En {
                <p class="muted small">{ "Requests are written in French, as the vendor's and the network's support read them." }</p>
            }
            { for props.requests.iter().map(|r| {
                let text = format!("Objet : {}\n\n{}", r.subject, r.body);
                let oncopy = {
                    let text = text.clone();
                    Callback::from(move |_: MouseEvent| browser::copy(&text))
                };
                html! {
                    <article class="request" data-kind={r.kind}>
                        <header class="request-head">
                            <span class={classes!("pill", if r.recipient == Recipient::Practice { "pill-practice" } else { "pill-network" })}>
                                { recipient_label(r.recipient, lang) }
                            </span>
                            <span class="request-to">
                                { r.to.clone().unwrap_or_else(|| lang.pick("aucun contact support dans l'organisation", "no support contact in the organisation").to_owned()) }
                            </span>
                        </header>
                        <h4 class="request-subject" lang="fr">{ r.subject.clone() }</h4>
                        <pre class="request-body" lang="fr" tabindex="0">{ r.body.clone() }</pre>
                        <div class="toolbar">
                            <button type="button" class="btn btn-small" onclick={oncopy}>{ icons::copy() }{ lang.pick("Copier", "Copy") }</button>
                            if let Some(mailto) = r.mailto.clone() {
                                <a class="btn btn-small" href={mailto} data-testid="mailto">{ icons::mail() }{ lang.pick("Écrire au support", "E-mail support") }</a>
                            }
                        </div>
                    </article>
                }
            }) }
        </div>
    }
}
