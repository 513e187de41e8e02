// Declarative gating for host pages: every element under `root` that carries
// `data-requires="ACTION [RESOURCE]"` is shown, hidden, disabled or ghosted according to the loaded
// policy and the current secretary. No rule lives here: each element is compiled once into a
// handle (`policy.gate`), and each run checks it with `policy.allows` — numbers only, the engine's
// hot path; the reason shown in a `title` is the engine's own (`policy.decide`).
//
// Re-run it after any change (another secretary, another doctor, a new organisation, another
// `now`): it restores what it changed on elements that have become allowed, and changes nothing
// twice, so running it again with the same inputs leaves the page as it is.

/** What gate() changed on an element, to restore it when the element becomes allowed. */
const saved = new WeakMap();

/** Each element's compiled gate: `{policy, requires, handle}`, recompiled when either changes. */
const compiled = new WeakMap();

function handleFor(element, policy, requires, action, resource) {
  const known = compiled.get(element);
  if (known !== undefined && known.policy === policy && known.requires === requires) {
    return known.handle;
  }
  const handle = policy.gate(action, resource);
  compiled.set(element, { policy, requires, handle });
  return handle;
}

const MODES = ['hide', 'disable', 'ghost'];

/**
 * Gates every `[data-requires]` element under `root` (and `root` itself).
 * @param {ParentNode} root
 * @param {{can: Function, decide: Function}} policy a loaded `Policy`
 * @param {string | null | undefined} secretary the current secretary's id; none denies everything
 * @param {{now?: string | null, mode?: 'hide' | 'disable' | 'ghost', explain?: boolean, lang?: 'fr' | 'en'}} [options]
 * @returns {{checked: number, allowed: number, denied: number, errors: number, items: object[]}}
 */
export function gate(root, policy, secretary, options = {}) {
  const now = options.now ?? null;
  const mode = MODES.includes(options.mode) ? options.mode : 'hide';
  const explain = options.explain === true;
  const lang = options.lang ?? null;
  const elements = Array.from(root.querySelectorAll('[data-requires]'));
  if (typeof root.matches === 'function' && root.matches('[data-requires]')) {
    elements.unshift(root);
  }
  const summary = { checked: 0, allowed: 0, denied: 0, errors: 0, items: [] };
  // Resolved once per run: who, and when.
  let principal = null;
  let seconds;
  let runError;
  if (secretary == null || secretary === '') {
    runError = 'no current secretary';
  } else {
    try {
      principal = policy.principal(secretary);
      seconds = now == null ? undefined : policy.seconds(now);
    } catch (e) {
      runError = e instanceof Error ? e.message : String(e);
    }
  }
  for (const element of elements) {
    const requires = element.getAttribute('data-requires').trim();
    const [action = '', resource = null] = requires.split(/\s+/);
    const asked = element.getAttribute('data-gate-mode');
    const elementMode = MODES.includes(asked) ? asked : mode;
    const item = { element, action, resource, mode: elementMode, allowed: false };
    if (runError !== undefined) {
      item.error = runError;
    } else {
      try {
        item.allowed = policy.allows(principal, handleFor(element, policy, requires, action, resource), seconds);
      } catch (e) {
        // Fail closed: an element whose request cannot be decided is not shown.
        item.error = e instanceof Error ? e.message : String(e);
      }
    }
    const needReason = explain || (!item.allowed && elementMode === 'disable');
    if (needReason) {
      item.reasons = item.error !== undefined
        ? [item.error]
        : policy.decide({ principal: secretary, action, resource, now, lang }).reasons;
    }
    apply(element, item);
    summary.checked += 1;
    if (item.allowed) summary.allowed += 1;
    else summary.denied += 1;
    if (item.error !== undefined) summary.errors += 1;
    summary.items.push(item);
  }
  return summary;
}

/** Shows an allowed element as the host wrote it; hides, disables or ghosts a denied one. */
function apply(element, item) {
  const before = saved.get(element);
  if (before !== undefined && (item.allowed || before.mode !== item.mode)) {
    restore(element, before);
    saved.delete(element);
  }
  if (item.allowed) {
    element.setAttribute('data-gate', 'allowed');
    return;
  }
  if (!saved.has(element)) {
    saved.set(element, {
      mode: item.mode,
      hidden: element.hidden,
      disabled: 'disabled' in element ? element.disabled : undefined,
      title: element.getAttribute('title'),
      ariaDisabled: element.getAttribute('aria-disabled'),
      tabindex: element.getAttribute('tabindex'),
      display: [element.style.getPropertyValue('display'), element.style.getPropertyPriority('display')],
      visibility: element.style.visibility,
      inert: element.inert === true,
    });
  }
  if (item.mode === 'hide') {
    element.hidden = true;
    // `hidden` alone loses to any author `display` rule (`.menu a { display: flex }`).
    element.style.setProperty('display', 'none', 'important');
    element.setAttribute('data-gate', 'hidden');
  } else if (item.mode === 'disable') {
    if ('disabled' in element) element.disabled = true;
    element.setAttribute('aria-disabled', 'true');
    element.setAttribute('tabindex', '-1');
    element.setAttribute('title', (item.reasons ?? []).join(' '));
    element.setAttribute('data-gate', 'disabled');
    blockClicks(element);
  } else {
    element.style.visibility = 'hidden';
    element.inert = true;
    element.setAttribute('data-gate', 'ghost');
  }
}

function restore(element, before) {
  element.hidden = before.hidden;
  if (before.disabled !== undefined) element.disabled = before.disabled;
  setOrRemove(element, 'title', before.title);
  setOrRemove(element, 'aria-disabled', before.ariaDisabled);
  setOrRemove(element, 'tabindex', before.tabindex);
  element.style.setProperty('display', before.display[0], before.display[1]);
  element.style.visibility = before.visibility;
  element.inert = before.inert;
}

function setOrRemove(element, name, value) {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** Links and other non-form elements have no `disabled`: stop their clicks while disabled. */
const blocking = new WeakSet();
function blockClicks(element) {
  if (blocking.has(element)) return;
  blocking.add(element);
  element.addEventListener('click', (event) => {
    if (element.getAttribute('data-gate') === 'disabled') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
}
