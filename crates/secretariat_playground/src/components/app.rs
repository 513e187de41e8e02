//! The root: state, persistence, layout and the current screen.

use yew::prelude::*;

use crate::browser;
use crate::components::build_screen::BuildScreen;
use crate::components::explain_dialog::ExplainDialog;
use crate::components::header::Header;
use crate::components::link_banner::LinkBanner;
use crate::components::nav_tabs::NavTabs;
use crate::components::organisation_screen::OrganisationScreen;
use crate::components::report_screen::ReportScreen;
use crate::components::sees_screen::SeesScreen;
use crate::components::simulate_screen::SimulateScreen;
use crate::components::trainer_screen::TrainerScreen;
use crate::hooks::{use_persist, use_shared_links, use_undo_shortcuts, AppHandle};
use crate::share;
use crate::state::{Action, Screen, State};

/// The state a page load starts from: the working state kept with consent, else the demo; a
/// shared link in the address is then offered over it (never opened without asking).
fn initial_state() -> State {
    let now = browser::now();
    let state = browser::load()
        .and_then(|saved| State::restore(saved, now.clone()).ok())
        .map(|mut state| {
            state.share.keep = true;
            state
        })
        .unwrap_or_else(|| State::new(now));
    let fragment = browser::fragment();
    let link = share::decode(&fragment);
    if !matches!(link, Ok(None)) {
        // A shared link is read once: a reload does not offer it again.
        browser::clear_fragment();
    }
    match link {
        Ok(Some(link)) => state.reduce_owned(Action::OfferLink(Box::new(link))),
        Ok(None) => state,
        Err(e) => state.reduce_owned(Action::LinkError(e)),
    }
}

/// The whole playground.
#[component]
pub fn App() -> Html {
    let app = use_reducer(initial_state);
    use_persist(&app);
    use_shared_links(&app);
    use_undo_shortcuts(&app);
    {
        let lang = app.lang;
        use_effect_with(lang, move |lang| browser::set_lang(lang.pick("fr", "en")));
    }
    let lang = app.lang;
    let screen = match app.screen {
        Screen::Sees => html! { <SeesScreen /> },
        Screen::Simulate => html! { <SimulateScreen /> },
        Screen::Build => html! { <BuildScreen /> },
        Screen::Trainer => html! { <TrainerScreen /> },
        Screen::Report => html! { <ReportScreen /> },
        Screen::Organisation => html! { <OrganisationScreen /> },
    };
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
            <div class="shell">
                <a class="skip-link" href="#main">{ lang.pick("Aller au contenu", "Skip to content") }</a>
                <Header />
                <NavTabs />
                <LinkBanner />
                <main id="main" class={classes!("screen", format!("screen-{}", app.screen.id()))}>
                    { screen }
                </main>
                <footer class="footer">
                    { lang.pick(
                        "Bac à sable local : rien ne quitte ce navigateur. Les décisions viennent du moteur secretariat.",
                        "Local sandbox: nothing leaves this browser. Every decision comes from the secretariat engine.",
                    ) }
                </footer>
                if app.explaining.is_some() {
                    <ExplainDialog />
                }
            </div>
        </ContextProvider<AppHandle>>
    }
}
