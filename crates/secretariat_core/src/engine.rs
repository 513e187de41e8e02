//! The decision API every front end calls: decide, check (the gate's hot path), explain, and the
//! JSON-lines batch shared by the CLI and the npm package.

use serde::Serialize;

use crate::decision::{AuditEvent, Decision, Explanation, NoTrace, Step, Trace, Verdict, Why};
use crate::lang::Lang;
use crate::org::Organisation;
use crate::request::{Action, Query, Request, RequestError, Target};
use crate::{network, practice, reason, report};

impl Organisation {
    /// Decides a resolved query: only index look-ups, no allocation.
    pub(crate) fn verdict<T: Trace>(&self, q: &Query, t: &mut T) -> Verdict {
        match (q.action, q.target) {
            (_, Target::Outside) => {
                t.note(false, Why::OutOfScope);
                Verdict::deny(Why::OutOfScope)
            }
            (Action::Practice(p), Target::Person(doctor)) => {
                practice::decide(self, q.principal, doctor, p, q.now, t)
            }
            (Action::ReportSecretaries, Target::Person(doctor)) => {
                report::may_read(self, q.principal, doctor, t)
            }
            (action, target) => network::decide(self, q.principal, action, target, q.now, t),
        }
    }

    /// The gate: is this resolved query allowed? The hot path — no allocation, no reasons.
    #[inline]
    pub fn check(&self, q: &Query) -> bool {
        self.verdict(q, &mut NoTrace).is_allow()
    }

    /// The gate from strings: resolves and checks, without building reasons.
    pub fn is_allowed(&self, request: &Request) -> Result<bool, RequestError> {
        Ok(self.check(&self.resolve(request)?))
    }

    /// The gate from strings at `now`, parsed once by the caller ([`crate::Instant::parse`]): for a
    /// host that decides many requests at the same instant. The request's own `now` is not read.
    pub fn is_allowed_at(
        &self,
        request: &Request,
        now: Option<crate::Instant>,
    ) -> Result<bool, RequestError> {
        Ok(self.check(&self.resolve_at(request, now)?))
    }

    /// Decides a request, with reasons in the request's language (French by default).
    pub fn decide(&self, request: &Request) -> Result<Decision, RequestError> {
        let q = self.resolve(request)?;
        Ok(self.render(
            &q,
            self.verdict(&q, &mut NoTrace),
            request.lang.unwrap_or_default(),
        ))
    }

    /// Decides a request with reasons in `lang`, whatever the request says.
    pub fn decide_in(&self, request: &Request, lang: Lang) -> Result<Decision, RequestError> {
        let q = self.resolve(request)?;
        Ok(self.render(&q, self.verdict(&q, &mut NoTrace), lang))
    }

    /// A decision with every condition checked on the way (`secretariat explain`).
    pub fn explain(&self, request: &Request, lang: Lang) -> Result<Explanation, RequestError> {
        let q = self.resolve(request)?;
        let mut trace: Vec<(bool, crate::decision::Why)> = Vec::new();
        let verdict = self.verdict(&q, &mut trace);
        let mut derivation = Vec::with_capacity(trace.len());
        for (holds, why) in trace {
            let mut words = Vec::new();
            reason::sentences(self, why, lang, &mut words);
            derivation.push(Step {
                holds,
                fact: words.join(" ; "),
            });
        }
        let mut canonical = request.clone();
        canonical.action = q.action.name();
        canonical.lang = Some(lang);
        Ok(Explanation {
            request: canonical,
            decision: self.render(&q, verdict, lang),
            derivation,
        })
    }

    pub(crate) fn render(&self, q: &Query, v: Verdict, lang: Lang) -> Decision {
        let mut reasons = Vec::new();
        reason::sentences(self, v.why, lang, &mut reasons);
        if let Some(also) = v.also {
            reason::sentences(self, also, lang, &mut reasons);
        }
        if let Some(doctor) = v.on_behalf_of.filter(|_| v.is_allow()) {
            let (s, d) = (&self.person(q.principal).name, &self.person(doctor).name);
            reasons.push(match lang {
                Lang::Fr => format!(
                    "décision tracée : {s} agit pour le compte de {d} (à inscrire au journal des accès)"
                ),
                Lang::En => {
                    format!("audited: {s} acts on behalf of {d} (to be written to the access log)")
                }
            });
        }
        let audit_event = v
            .on_behalf_of
            .filter(|_| v.is_allow())
            .map(|doctor| AuditEvent {
                author: self.person(q.principal).id.clone(),
                on_behalf_of: self.person(doctor).id.clone(),
                action: q.action.name(),
                // Canonical UTC, whatever offset `now` was written with: one instant, one spelling.
                at: q.now.map(|now| now.to_string()),
            });
        Decision {
            decision: v.effect,
            reasons,
            audit: audit_event.is_some(),
            audit_event,
        }
    }

    /// Answers one JSON line of a batch: the decision, or `{"error": "…"}`. Never fails, never panics.
    pub fn decide_line(&self, line: &str, lang: Option<Lang>) -> String {
        #[derive(Serialize)]
        struct ErrorLine<'a> {
            error: &'a str,
        }
        let answer = Request::from_json(line).and_then(|r| match lang {
            Some(lang) => self.decide_in(&r, lang),
            None => self.decide(&r),
        });
        match answer {
            Ok(d) => serde_json::to_string(&d),
            Err(e) => serde_json::to_string(&ErrorLine {
                error: &e.to_string(),
            }),
        }
        .unwrap_or_else(|_| String::from(r#"{"error":"internal: answer not serialisable"}"#))
    }
}
