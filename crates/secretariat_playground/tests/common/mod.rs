//! What the reducer's tests share: the date they run at, and one question to the edited organisation.

use secretariat_core::Request;
use secretariat_playground::state::State;

/// The instant every playground test asks at.
pub const NOW: &str = "2026-11-23T10:00:00Z";

/// May `principal` do `action` on `resource` at [`NOW`], in the organisation as edited?
pub fn allowed(state: &State, principal: &str, action: &str, resource: &str) -> bool {
    let mut r = Request::new(principal, action, Some(resource));
    r.now = Some(NOW.to_owned());
    state
        .work
        .current
        .is_allowed(&r)
        .expect("a well-formed request")
}
