//! The root: state, persistence, layout and the current screen.

use secretariat_core::Lang;
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
use crate::hooks::{use_persist, use_shared_links, use_undo_shortcuts};
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

/// The whole playground: the state lives here, as in Yew's `function_todomvc`; each screen gets
/// the parts it shows and `onaction`, the reducer's dispatcher (a stable callback).
#[component]
pub fn App() -> Html {
    let app = use_reducer(initial_state);
    let onaction: Callback<Action> = app.dispatcher().into();
    use_persist(&app);
    use_shared_links(onaction.clone());
    use_undo_shortcuts(onaction.clone());
    let lang = app.ui.lang;
    use_effect_with(lang, move |lang| browser::set_lang(lang.pick("fr", "en")));
    let (work, ui) = (&app.work, &app.ui);
    let screen = match ui.screen {
        Screen::Sees => {
            html! { <SeesScreen work={work.clone()} ui={ui.clone()} onaction={onaction.clone()} /> }
        }
        Screen::Simulate => {
            html! { <SimulateScreen work={work.clone()} ui={ui.clone()} onaction={onaction.clone()} /> }
        }
        Screen::Build => html! {
            <BuildScreen work={work.clone()} ui={ui.clone()} sheets={app.imports.sheets.clone()} onaction={onaction.clone()} />
        },
        Screen::Trainer => {
            html! { <TrainerScreen trainer={app.trainer.clone()} onaction={onaction.clone()} /> }
        }
        Screen::Report => html! {
            <ReportScreen work={work.clone()} ui={ui.clone()} report={app.report.clone()} onaction={onaction.clone()} />
        },
        Screen::Organisation => html! {
            <OrganisationScreen work={work.clone()} ui={ui.clone()} demo={app.demo.clone()} import={app.imports.file.clone()}
                keep={app.share.keep} onaction={onaction.clone()} />
        },
    };
    let onundo = onaction.reform(|()| Action::Undo);
    let onredo = onaction.reform(|()| Action::Redo);
    html! {
        <ContextProvider<Lang> context={lang}>
            <div class="shell">
                <a class="skip-link" href="#main">{ lang.pick("Aller au contenu", "Skip to content") }</a>
                <Header name={work.current.name().to_owned()} edits={work.changes.len()} can_redo={!work.undone.is_empty()}
                    now={ui.now.clone()} onundo={onundo} onredo={onredo}
                    onnow={onaction.reform(Action::SetNow)} onlang={onaction.reform(Action::SetLang)} />
                <NavTabs screen={ui.screen} ongo={onaction.reform(Action::Go)} />
                <LinkBanner share={app.share.clone()} work={work.clone()} demo={app.demo.clone()} onaction={onaction.clone()} />
                <main id="main" class={classes!("screen", format!("screen-{}", ui.screen.id()))}>
                    { screen }
                </main>
                <footer class="footer">
                    { lang.pick(
                        "Bac à sable local : rien ne quitte ce navigateur. Les décisions viennent du moteur secretariat.",
                        "Local sandbox: nothing leaves this browser. Every decision comes from the secretariat engine.",
                    ) }
                </footer>
                if let Some(explaining) = app.explaining.clone() {
                    <ExplainDialog org={app.org_of(explaining.source).clone()} request={explaining.request}
                        onclose={onaction.reform(|()| Action::CloseExplain)} />
                }
            </div>
        </ContextProvider<Lang>>
    }
}
