//! The shared-link banner: asks before a link replaces the working organisation, says which file
//! it needs when this browser does not have it, offers to undo the last one opened, and says why a
//! link could not be read.

use secretariat_core::Organisation;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::share::{self, Sharing};
use crate::state::{Action, Shared, Work};

/// The links' state, the organisation they would replace, and where the answer goes.
#[derive(Properties, PartialEq)]
pub struct LinkBannerProps {
    /// Pending link, undo offer, error.
    pub share: Sharing,
    /// The working organisation.
    pub work: Work,
    /// The demo (a link may be over it).
    pub demo: Shared<Organisation>,
    /// Called with `AcceptLink`, `UndoLink` or `DismissLink`.
    pub onaction: Callback<Action>,
}

/// "N modifications" in `lang`.
fn edits(n: usize, lang: secretariat_core::Lang) -> String {
    let word = if n == 1 {
        lang.pick("modification", "edit")
    } else {
        lang.pick("modifications", "edits")
    };
    format!("{n} {word}")
}

/// The banner, when there is something to say.
#[component]
pub fn LinkBanner(props: &LinkBannerProps) -> Html {
    let lang = use_lang();
    let LinkBannerProps {
        share, work, demo, ..
    } = props;
    let on = |action: Action| props.onaction.reform(move |_: MouseEvent| action.clone());
    let dismiss = html! {
        <button type="button" class="btn btn-small btn-ghost" onclick={on(Action::DismissLink)} data-testid="link-dismiss">
            { lang.pick("Ignorer", "Dismiss") }
        </button>
    };
    if let Some(e) = &share.error {
        return html! {
            <div class="banner banner-error" role="alert" data-testid="link-error">
                <p>{ lang.pick("Le lien partagé n'a pas pu être ouvert : ", "The shared link could not be opened: ") }{ e.text(lang) }</p>
                { dismiss }
            </div>
        };
    }
    if let Some(link) = &share.pending {
        let theirs = edits(link.changes.len(), lang);
        return match Sharing::base_for(link, &work.base, demo) {
            Some(_) => html! {
                <section class="banner banner-ask" aria-labelledby="link-ask-title" data-testid="link-offer">
                    <p id="link-ask-title">
                        <strong>{ lang.pick("Ouvrir le lien partagé ? ", "Open the shared link? ") }</strong>
                        { lang.pick("Il propose ", "It holds ") }{ theirs }{ lang.pick(" sur « ", " over “") }
                        <span class="name">{ link.name.clone() }</span>{ lang.pick(" ». ", "”. ") }
                        { lang.pick("Il remplacera votre organisation de travail « ", "It will replace your working organisation “") }
                        <span class="name">{ work.current.name().to_owned() }</span>
                        { lang.pick(" » et ses ", "” and its ") }{ edits(work.changes.len(), lang) }
                        { lang.pick(" ; vous pourrez revenir en arrière.", "; you can go back.") }
                    </p>
                    <div class="toolbar">
                        <button type="button" class="btn btn-primary" onclick={on(Action::AcceptLink)} data-testid="link-accept">
                            { lang.pick("Ouvrir le lien", "Open the link") }
                        </button>
                        { dismiss }
                    </div>
                </section>
            },
            None => html! {
                <section class="banner banner-ask" aria-labelledby="link-ask-title" data-testid="link-missing">
                    <p id="link-ask-title">
                        <strong>{ lang.pick("Lien partagé : ", "Shared link: ") }</strong>
                        { theirs }{ lang.pick(" sur l'organisation « ", " over the organisation “") }
                        <span class="name">{ link.name.clone() }</span>
                        { lang.pick(" » (empreinte ", "” (fingerprint ") }<code>{ share::short(&link.base).to_owned() }</code>
                        { lang.pick(
                            "), que ce navigateur n'a pas. Le lien ne contient jamais l'organisation : importez son fichier (écran Organisation), puis ouvrez le lien.",
                            "), which this browser does not have. A link never holds the organisation: import its file (Organisation screen), then open the link.",
                        ) }
                    </p>
                    { dismiss }
                </section>
            },
        };
    }
    if share.before.is_some() {
        return html! {
            <div class="banner banner-ok" role="status" data-testid="link-opened">
                <p>{ lang.pick("Lien partagé ouvert.", "Shared link opened.") }</p>
                <div class="toolbar">
                    <button type="button" class="btn btn-small" onclick={on(Action::UndoLink)} data-testid="link-undo">
                        { lang.pick("Revenir à mon organisation d'avant", "Back to my previous organisation") }
                    </button>
                    { dismiss }
                </div>
            </div>
        };
    }
    html! {}
}
