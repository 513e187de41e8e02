//! # Allowed? — the one question, asked three ways
//!
//! "May this person do this action on this resource, at this instant?" Every front end asks it
//! here and only here: the command line, the npm package, the playground and the host example.
//! The rules that answer live beside it — delegation of a doctor's account in `practice.rs`
//! (P1–P5), the cancer network in `network.rs` (D1–D7), the report in `report.rs` (D8); this
//! module turns the question into ids, sends it to the rule that owns it, and gives the caller the
//! answer in the form it needs. Read it first.
//!
//! | use | ask with | what it costs |
//! |---|---|---|
//! | **gating** a page, many checks (the hot path) | [`Organisation::principal`] and [`Organisation::gate`] once — handles — then [`Organisation::allows`]`(principal, gate, now)` | index look-ups: no string, no allocation |
//! | **one question from strings** | [`Organisation::is_allowed`]`(&Request)`; [`Organisation::is_allowed_at`] when many requests share one `now`, parsed once | the strings resolved, then the same check |
//! | **with reasons** | [`Organisation::decide`] (or [`Organisation::decide_in`] a language), [`Organisation::explain`] with every condition checked, [`Organisation::decide_line`] for a JSON-lines batch | the verdict rendered in French or English |
//!
//! All three go the same way: a [`Request`] of strings is **resolved** into a `Query` of interned
//! ids (`resolve`; the handles are its two halves, resolved apart); the query is **checked** by
//! `verdict`, which routes it to the rule module and returns a `Verdict` — allow or deny and the
//! facts that decided, ids only, no allocation; the verdict is **rendered** into a [`Decision`]
//! with sentences only when reasons are asked for. A request that names nothing known (an unknown
//! action or id, a missing or wrong resource, a malformed `now`, another principal than a scope's)
//! is a [`RequestError`], never a silent deny.

use crate::decision::{
    Answer, AuditEvent, Decision, Explanation, NoTrace, Step, Trace, Verdict, Why,
};
use crate::lang::Lang;
use crate::org::{Organisation, PersonId};
use crate::request::{Action, Query, Request, RequestError, ResourceKind, Target};
use crate::time::Instant;
use crate::{network, practice, reason, report};

// The gate's hot path: handles resolved once, checked many times.
impl Organisation {
    /// Resolves a principal once, for many gate checks ([`Organisation::allows`]).
    #[inline]
    pub fn principal(&self, id: &str) -> Result<Principal, RequestError> {
        if let Some(scope_for) = self.scope_for().filter(|&f| f != id) {
            return Err(RequestError::OtherPrincipal {
                scope_for: scope_for.to_owned(),
                principal: id.to_owned(),
            });
        }
        let person = self.person_id(id).ok_or_else(|| RequestError::UnknownId {
            kind: "person",
            id: id.to_owned(),
        })?;
        Ok(Principal {
            stamp: self.stamp,
            id: person,
        })
    }

    /// Resolves an action on a resource once — one gated element of a page — for many checks.
    pub fn gate(&self, action: &str, resource: Option<&str>) -> Result<Gate, RequestError> {
        self.gate_for(Action::parse(action)?, action, resource)
    }

    /// The gate's hot path: is `principal` allowed through `gate` at `now`? Index look-ups only, no
    /// allocation, no strings. Handles resolved on another organisation are denied.
    #[inline]
    pub fn allows(&self, principal: Principal, gate: Gate, now: Option<Instant>) -> bool {
        if principal.stamp != self.stamp || gate.stamp != self.stamp {
            return false;
        }
        self.check(&Query {
            principal: principal.id,
            action: gate.action,
            target: gate.target,
            now,
        })
    }
}

/// A principal resolved against one organisation ([`Organisation::principal`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Principal {
    stamp: u32,
    id: PersonId,
}

impl Principal {
    /// The person it resolved to.
    pub(crate) fn person(self) -> PersonId {
        self.id
    }
}

/// An action on a resource resolved against one organisation ([`Organisation::gate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate {
    stamp: u32,
    action: Action,
    target: Target,
}

impl Gate {
    /// The action gated.
    pub fn action(&self) -> Action {
        self.action
    }
}

// From strings, and with reasons.
impl Organisation {
    /// The gate from strings: resolves and checks, without building reasons.
    pub fn is_allowed(&self, request: &Request) -> Result<bool, RequestError> {
        Ok(self.check(&self.resolve(request)?))
    }

    /// The gate from strings at `now`, parsed once by the caller ([`Instant::parse`]): for a
    /// host that decides many requests at the same instant. The request's own `now` is not read.
    pub fn is_allowed_at(
        &self,
        request: &Request,
        now: Option<Instant>,
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
        let mut trace: Vec<(bool, Why)> = Vec::new();
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

    /// Answers one JSON line of a batch (`secretariat decide`, the npm `decideLines`): the
    /// decision, or why the line could not be decided. Never fails, never panics; the caller
    /// writes the answer as JSON (a decision's fields, or `{"error": "…"}`).
    pub fn decide_line(&self, line: &str, lang: Option<Lang>) -> Answer {
        let answer = Request::from_json(line).and_then(|r| match lang {
            Some(lang) => self.decide_in(&r, lang),
            None => self.decide(&r),
        });
        Answer::from(answer)
    }
}

// Resolving: strings to ids, once.
impl Organisation {
    /// Resolves a request against this organisation.
    pub(crate) fn resolve(&self, request: &Request) -> Result<Query, RequestError> {
        // Precedence of errors: the action, then the principal, then the resource, then `now`.
        let q = self.resolve_at(request, None)?;
        let now = match request.now.as_deref() {
            None => None,
            Some(n) => {
                Some(Instant::parse(n).ok_or_else(|| RequestError::MalformedNow(n.to_owned()))?)
            }
        };
        Ok(Query { now, ..q })
    }

    /// Resolves a request at `now`, parsed once by the caller ([`Instant::parse`]) for many
    /// requests: the request's own `now` is not read.
    pub(crate) fn resolve_at(
        &self,
        request: &Request,
        now: Option<Instant>,
    ) -> Result<Query, RequestError> {
        let action = Action::parse(&request.action)?;
        let principal = self.principal(&request.principal)?;
        let gate = self.gate_for(action, &request.action, request.resource.as_deref())?;
        Ok(Query {
            principal: principal.id,
            action: gate.action,
            target: gate.target,
            now,
        })
    }

    #[inline]
    fn gate_for(
        &self,
        parsed: Action,
        action: &str,
        resource: Option<&str>,
    ) -> Result<Gate, RequestError> {
        let (kind, optional) = parsed.resource();
        let target = match resource {
            None | Some("") if optional => Target::None,
            None | Some("") => {
                return Err(RequestError::MissingResource {
                    action: action.to_owned(),
                    expected: kind.prefix(),
                })
            }
            Some(resource) => {
                let wrong = || RequestError::WrongResource {
                    action: action.to_owned(),
                    expected: kind.prefix(),
                    given: resource.to_owned(),
                };
                // `kind:id`, the kind written as the action takes it (no kind holds a `:`).
                let id = resource
                    .strip_prefix(kind.prefix())
                    .and_then(|rest| rest.strip_prefix(':'))
                    .ok_or_else(wrong)?;
                let unknown = |kind: &'static str| RequestError::UnknownId {
                    kind,
                    id: id.to_owned(),
                };
                let found = match kind {
                    ResourceKind::Doctor => self.person_id(id).map(Target::Person),
                    ResourceKind::Centre => self.centre_id(id).map(Target::Centre),
                    ResourceKind::Rcp => self.rcp_id(id).map(Target::Rcp),
                    ResourceKind::Dossier => self.dossier_id(id).map(Target::Dossier),
                };
                match found {
                    Some(target) => target,
                    // A scope does not say who exists: what it does not hold is denied.
                    None if self.scope.is_some() => Target::Outside,
                    None => return Err(unknown(kind.noun())),
                }
            }
        };
        Ok(Gate {
            stamp: self.stamp,
            action: parsed,
            target,
        })
    }
}

// Checking: the query to the rule that owns it; the verdict to words.
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
    pub(crate) fn check(&self, q: &Query) -> bool {
        self.verdict(q, &mut NoTrace).is_allow()
    }

    pub(crate) fn render(&self, q: &Query, v: Verdict, lang: Lang) -> Decision {
        let mut reasons = reason::of_verdict(self, &v, lang);
        if let Some(doctor) = v.on_behalf_of.filter(|_| v.is_allow()) {
            reasons.push(reason::audit_sentence(self, q.principal, doctor, lang));
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
}
