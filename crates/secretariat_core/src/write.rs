//! A small JSON writer for the answers the gate module returns — a decision, a batch's answer, a
//! view — written byte for byte as serde_json writes them: the same keys in the same order, absent
//! options left out, the same escapes. With it the gate module carries no serializer (serde_json's
//! writer and one `Serialize` impl per type were 8 KB of it). `Serialize` stays on these types for
//! every other front end; the corpus test checks that both write the same text.

use crate::decision::{Answer, AuditEvent, Decision};
use crate::permission::Recommendation;
use crate::read::{CATEGORIES, DOSSIER_STATUSES, STATUSES};
use crate::view::{DossierView, GateItem, PersonRef, RcpView, View};

/// JSON text being written. Every key and every value first calls [`Out::sep`], so commas fall
/// where they belong without any state.
struct Out(String);

impl Out {
    /// A comma, unless this is the first member of an object or array, or the value of a key.
    fn sep(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
    }

    /// Opens an object or an array (`{` or `[`).
    fn open(&mut self, bracket: char) {
        self.sep();
        self.0.push(bracket);
    }

    /// A key, then its value follows.
    fn key(&mut self, key: &str) {
        self.str(key);
        self.0.push(':');
    }

    /// A string value, escaped as serde_json escapes it: `"`, `\` and the control characters
    /// (`\b \t \n \f \r`, the others as `\u00XX`); everything else as it is.
    fn str(&mut self, s: &str) {
        self.sep();
        self.0.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `i` is an ASCII byte's position: a character boundary.
            self.0.push_str(s.get(start..i).unwrap_or_default());
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.0.push_str("\\u00");
                for digit in [b >> 4, b & 0xf] {
                    self.0.push(char::from(
                        HEX.get(usize::from(digit)).copied().unwrap_or(b'0'),
                    ));
                }
            } else {
                self.0.push_str(escape);
            }
            start = i + 1;
        }
        self.0.push_str(s.get(start..).unwrap_or_default());
        self.0.push('"');
    }

    fn bool(&mut self, b: bool) {
        self.sep();
        self.0.push_str(if b { "true" } else { "false" });
    }

    /// `"key":"value"`.
    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        self.str(value);
    }

    /// `"key":"value"`, or nothing when there is no value.
    fn optional(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(key, value);
        }
    }

    /// `"key":true|false`.
    fn flag(&mut self, key: &str, value: bool) {
        self.key(key);
        self.bool(value);
    }

    /// `"key":["…",…]`.
    fn texts(&mut self, key: &str, values: &[String]) {
        self.key(key);
        self.open('[');
        for value in values {
            self.str(value);
        }
        self.0.push(']');
    }

    /// `"key":[…]`, each item written by `item`.
    fn list<T>(&mut self, key: &str, items: &[T], item: fn(&mut Out, &T)) {
        self.key(key);
        self.open('[');
        for x in items {
            item(self, x);
        }
        self.0.push(']');
    }

    /// One of a table's names, by the variant's position (the reader's tables, `read.rs`).
    fn name(&mut self, key: &str, table: &[&str], index: usize) {
        self.text(key, table.get(index).copied().unwrap_or_default());
    }
}

fn decision(o: &mut Out, d: &Decision) {
    o.open('{');
    o.text("decision", d.decision.id());
    o.texts("reasons", &d.reasons);
    o.flag("audit", d.audit);
    if let Some(event) = &d.audit_event {
        o.key("audit_event");
        audit_event(o, event);
    }
    o.0.push('}');
}

fn audit_event(o: &mut Out, e: &AuditEvent) {
    o.open('{');
    o.text("author", &e.author);
    o.text("on_behalf_of", &e.on_behalf_of);
    o.text("action", &e.action);
    o.optional("at", e.at.as_deref());
    o.0.push('}');
}

fn person(o: &mut Out, p: &PersonRef) {
    o.open('{');
    o.text("id", &p.id);
    o.text("name", &p.name);
    o.0.push('}');
}

fn gate_item(o: &mut Out, g: &GateItem) {
    o.open('{');
    o.text("id", &g.id);
    o.text("label", &g.label);
    o.text("action", &g.action);
    o.optional("resource", g.resource.as_deref());
    o.flag("shown", g.shown);
    o.flag("audit", g.audit);
    o.optional("recommendation", g.recommendation.map(Recommendation::id));
    o.texts("reasons", &g.reasons);
    o.0.push('}');
}

fn rcp(o: &mut Out, r: &RcpView) {
    o.open('{');
    o.text("id", &r.id);
    o.text("name", &r.name);
    o.text("centre", &r.centre);
    o.optional("next_session", r.next_session.as_deref());
    o.list("via", &r.via, person);
    o.flag("can_register_patient", r.can_register_patient);
    o.list("dossiers", &r.dossiers, dossier);
    o.0.push('}');
}

fn dossier(o: &mut Out, d: &DossierView) {
    o.open('{');
    o.text("id", &d.id);
    o.optional(
        "patient",
        Some(d.patient.as_str()).filter(|p| !p.is_empty()),
    );
    o.text("rcp", &d.rcp);
    if let Some(demandeur) = &d.demandeur {
        o.key("demandeur");
        person(o, demandeur);
    }
    o.optional("session", d.session.as_deref());
    o.name("status", DOSSIER_STATUSES, d.status as usize);
    o.key("actions");
    o.open('{');
    let a = d.actions;
    o.flag("add_document", a.add_document);
    o.flag("unregister", a.unregister);
    o.flag("send_report", a.send_report);
    o.flag("validate", a.validate);
    o.0.push_str("}}");
}

fn view(o: &mut Out, v: &View) {
    o.open('{');
    let s = &v.secretary;
    o.key("secretary");
    o.open('{');
    o.text("id", &s.id);
    o.text("name", &s.name);
    o.name("category", CATEGORIES, s.category as usize);
    o.name("status", STATUSES, s.status as usize);
    o.flag("external", s.external);
    o.0.push('}');
    o.optional("now", v.now.as_deref());
    o.list("practice", &v.practice, |o, account| {
        o.open('{');
        o.key("doctor");
        person(o, &account.doctor);
        o.list("menu", &account.menu, gate_item);
        o.list("buttons", &account.buttons, gate_item);
        o.0.push('}');
    });
    let d = &v.dcc;
    o.key("dcc");
    o.open('{');
    o.list("centres", &d.centres, |o, c| {
        o.open('{');
        o.text("id", &c.id);
        o.text("name", &c.name);
        o.flag("profile_applies", c.profile_applies);
        o.0.push('}');
    });
    o.list("icons", &d.icons, gate_item);
    o.list("tabs", &d.tabs, gate_item);
    o.list("agenda", &d.agenda, rcp);
    o.list("session_run", &d.session_run, rcp);
    o.list("passages", &d.passages, dossier);
    o.texts("patient_add", &d.patient_add);
    o.0.push_str("}}");
}

/// Writes with `write`, in a buffer of about the expected size.
fn written<T: ?Sized>(value: &T, capacity: usize, write: fn(&mut Out, &T)) -> String {
    let mut o = Out(String::with_capacity(capacity));
    write(&mut o, value);
    o.0
}

impl Decision {
    /// The decision as JSON text, exactly as serde_json writes it (`{"decision","reasons","audit",
    /// "audit_event"?}`), without a serializer: what the gate module returns.
    pub fn to_json(&self) -> String {
        written(self, 512, decision)
    }
}

impl Answer {
    /// The answer as JSON text, exactly as serde_json writes it: the decision, or `{"error":"…"}`.
    pub fn to_json(&self) -> String {
        written(self, 512, |o, answer| match answer {
            Answer::Decided(d) => decision(o, d),
            Answer::Refused(e) => {
                o.open('{');
                o.text("error", &e.to_string());
                o.0.push('}');
            }
        })
    }
}

impl View {
    /// The view as JSON text, exactly as serde_json writes it, without a serializer: what the gate
    /// module returns.
    pub fn to_json(&self) -> String {
        written(self, 16 * 1024, view)
    }
}

#[cfg(test)]
mod tests {
    use super::Out;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0..=0x7f_u8).map(char::from).collect();
        all.push_str("é « » “ ” \u{2028} \u{1F600} \u{FEFF}");
        let mut o = Out(String::new());
        o.str(&all);
        assert_eq!(o.0, serde_json::to_string(&all).unwrap_or_default());
    }
}
