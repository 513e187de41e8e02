// Declarative gating for host pages: every element under `root` that carries
// `data-requires="ACTION [RESOURCE]"` is shown, hidden, disabled or ghosted according to the loaded
// policy and the current secretary. No rule lives here: each request is compiled once into a
// handle (`policy.gate`), and each run checks it with `policy.allows` — numbers only, the engine's
// hot path; the reason shown in a `title` is the engine's own (`policy.decide`).
//
// It fails closed. Options are checked before any element is decided; a bad one denies every
// element and throws. An element is shown only when its own decision allowed it: a malformed
// `data-requires`, an unknown action or id, or anything that throws denies it and is reported.
// With `gate.css`, an element no run has marked yet — the `.wasm` still loading, or
// blocked — stays hidden too. `watch()` keeps it true as the page changes.

/** How a denied element is treated. */
import { SecretariatError } from './policy.js';

const MODES = ['hide', 'disable', 'ghost'];
const LANGS = ['fr', 'en'];
/** The attributes gating reads: a change to one of them re-gates (see `watch`). */
const GATED_ATTRIBUTES = ['data-requires', 'data-resource', 'data-gate-mode'];
const GATE_OPTIONS = ['now', 'mode', 'explain', 'lang', 'onError'];
const WATCH_OPTIONS = ['policy', 'principal', ...GATE_OPTIONS, 'onGate'];
const NO_SECRETARY = { fr: 'Aucune secrétaire n’est connectée.', en: 'No secretary is signed in.' };

/** A bad argument: thrown before any element is decided, as the package's other errors. */
function badArgument(message) {
  return new SecretariatError('bad_argument', message);
}

const messageOf = (e) => (e instanceof Error ? e.message : String(e));
const shown = (value) => `\`${String(value)}\``;

function checkRoot(root) {
  if (root == null || typeof root.querySelectorAll !== 'function') {
    throw badArgument('the gate root must be an element or a document');
  }
}

/** Checks options against `known` names and their types; returns them (never `null`). */
function checkOptions(options, known) {
  if (options == null) return {};
  if (typeof options !== 'object') throw badArgument('gate options must be an object');
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw badArgument(`unknown gate option ${shown(key)}`);
  }
  const { mode, lang, explain, now, onError, onGate } = options;
  if (mode != null && !MODES.includes(mode)) {
    throw badArgument(`gate option \`mode\` must be \`hide\`, \`disable\` or \`ghost\`, not ${shown(mode)}`);
  }
  if (lang != null && !LANGS.includes(lang)) {
    throw badArgument(`gate option \`lang\` must be \`fr\` or \`en\`, not ${shown(lang)}`);
  }
  if (explain != null && typeof explain !== 'boolean') {
    throw badArgument(`gate option \`explain\` must be a boolean, not ${shown(explain)}`);
  }
  if (now != null && typeof now !== 'string') {
    throw badArgument(`gate option \`now\` must be an RFC 3339 date-time string, not ${shown(now)}`);
  }
  for (const [name, f] of [['onError', onError], ['onGate', onGate]]) {
    if (f != null && typeof f !== 'function') throw badArgument(`gate option \`${name}\` must be a function`);
  }
  return options;
}

function checkPolicy(policy) {
  const needs = ['principal', 'gate', 'allows', 'seconds', 'decide'];
  if (policy == null || needs.some((name) => typeof policy[name] !== 'function')) {
    throw badArgument('the gate needs a loaded policy (`principal`, `gate`, `allows`, `seconds`, `decide`)');
  }
}

/**
 * Everything a run needs, resolved once: the principal's handle, `now` in seconds, the options.
 * Throws a bad argument on a bad policy or option; an unknown principal is not thrown but makes
 * every decision of the run an error (reported, denied).
 */
function prepare(policy, principal, options) {
  checkPolicy(policy);
  if (principal != null && typeof principal !== 'string') {
    throw badArgument(`the principal must be an id string or null, not ${shown(principal)}`);
  }
  let seconds;
  if (options.now != null) {
    try {
      seconds = policy.seconds(options.now);
    } catch (e) {
      throw badArgument(`gate option \`now\`: ${messageOf(e)}`);
    }
  }
  const run = {
    policy,
    principal: principal || null,
    handle: null,
    failure: undefined,
    seconds,
    now: options.now ?? null,
    mode: options.mode ?? 'hide',
    explain: options.explain === true,
    lang: options.lang ?? null,
    onError: options.onError,
  };
  if (run.principal !== null) {
    try {
      run.handle = policy.principal(run.principal);
    } catch (e) {
      run.failure = messageOf(e);
    }
  }
  return run;
}

/** Per policy, the handle (or the error) of each `ACTION RESOURCE` asked so far. */
const handles = new WeakMap();

function gateHandle(policy, action, resource) {
  let known = handles.get(policy);
  if (known === undefined) {
    known = new Map();
    handles.set(policy, known);
  }
  const key = resource === null ? action : `${action} ${resource}`;
  let entry = known.get(key);
  if (entry === undefined) {
    try {
      entry = { handle: policy.gate(action, resource) };
    } catch (e) {
      entry = { error: messageOf(e) };
    }
    known.set(key, entry);
  }
  if (entry.error !== undefined) throw new Error(entry.error);
  return entry.handle;
}

/** One request of a run: `{allowed}` — `true` only when the engine allowed it — and `error`. */
function decideOne(run, action, resource) {
  if (run.failure !== undefined) return { allowed: false, error: run.failure };
  if (run.handle === null) return { allowed: false };
  try {
    const handle = gateHandle(run.policy, action, resource);
    return { allowed: run.policy.allows(run.handle, handle, run.seconds) === true };
  } catch (e) {
    return { allowed: false, error: messageOf(e) };
  }
}

function reasonsOf(run, action, resource, error) {
  if (error !== undefined) return [error];
  if (run.principal === null) return [NO_SECRETARY[run.lang ?? 'fr']];
  try {
    const request = { principal: run.principal, action, resource, now: run.now, lang: run.lang };
    return run.policy.decide(request).reasons;
  } catch (e) {
    return [messageOf(e)];
  }
}

function report(run, problem) {
  if (run.onError !== undefined) {
    try {
      run.onError(problem);
    } catch {
      // The host's reporter failing must not stop the gating of the other elements.
    }
  } else if (typeof console !== 'undefined') {
    console.warn(`secretariat gate: ${problem.message}`, problem.element);
  }
}

/**
 * Reads an element's request: `data-requires="ACTION [RESOURCE]"`, the resource otherwise from
 * the nearest `data-resource` (on the element or an ancestor; empty means none). Returns
 * `{action, resource, mode}` or `{error}` for a malformed attribute.
 */
function readRequest(element, defaultMode) {
  const requires = (element.getAttribute('data-requires') ?? '').trim();
  const tokens = requires === '' ? [] : requires.split(/\s+/);
  const asked = element.getAttribute('data-gate-mode');
  if (tokens.length === 0) return { action: '', resource: null, error: 'empty `data-requires`' };
  const [action, own] = tokens;
  if (tokens.length > 2) {
    return { action, resource: own, error: `\`data-requires\` takes an action and a resource, not ${shown(requires)}` };
  }
  if (asked !== null && !MODES.includes(asked)) {
    return {
      action, resource: own ?? null,
      error: `\`data-gate-mode\` must be \`hide\`, \`disable\` or \`ghost\`, not ${shown(asked)}`,
    };
  }
  let resource = own ?? null;
  if (resource === null) {
    const scope = element.closest('[data-resource]');
    const inherited = scope?.getAttribute('data-resource').trim() ?? '';
    if (inherited !== '') resource = inherited;
  }
  return { action, resource, mode: asked ?? defaultMode };
}

/** Decides and applies each element; returns the summary. Never throws for an element. */
function gateElements(elements, run) {
  const summary = { checked: 0, allowed: 0, denied: 0, errors: 0, items: [] };
  for (const element of elements) {
    const request = readRequest(element, run.mode);
    const decided = request.error === undefined ? decideOne(run, request.action, request.resource) : request;
    const item = {
      element,
      action: request.action,
      resource: request.resource,
      // What cannot be decided is hidden, whatever the mode: never shown, even disabled.
      mode: decided.error === undefined ? request.mode : 'hide',
      allowed: decided.allowed === true,
    };
    if (decided.error !== undefined) item.error = decided.error;
    if (run.explain || (!item.allowed && item.mode === 'disable')) {
      item.reasons = reasonsOf(run, item.action, item.resource, item.error);
    }
    try {
      apply(element, item);
    } catch (e) {
      item.allowed = false;
      item.error ??= messageOf(e);
      forceHidden(element, item.error);
    }
    summary.checked += 1;
    if (item.allowed) summary.allowed += 1;
    else summary.denied += 1;
    if (item.error !== undefined) {
      summary.errors += 1;
      report(run, { element, requires: element.getAttribute('data-requires'), message: item.error });
    }
    summary.items.push(item);
  }
  return summary;
}

/** The gated elements under `root`, `root` included. */
function collect(root) {
  const elements = Array.from(root.querySelectorAll('[data-requires]'));
  if (typeof root.matches === 'function' && root.matches('[data-requires]')) elements.unshift(root);
  return elements;
}

/** A bad option: every element under `root` is denied (hidden, marked `error`), none shown. */
function denyAll(root, error) {
  for (const element of collect(root)) forceHidden(element, messageOf(error));
  return error;
}

/** Hides an element that could not be gated; at the very least it is marked for the stylesheet. */
function forceHidden(element, error) {
  try {
    apply(element, { allowed: false, mode: 'hide', error });
  } catch {
    element.setAttribute('data-gate', 'error');
  }
}

/**
 * Gates every `[data-requires]` element under `root` (and `root` itself) once.
 * @param {ParentNode} root
 * @param {import('./gate.js').GatePolicy} policy a loaded `Policy`
 * @param {string | null | undefined} principal the current secretary's id; none denies everything
 * @param {import('./gate.js').GateOptions} [options]
 * @returns {import('./gate.js').GateSummary}
 */
export function gate(root, policy, principal, options) {
  checkRoot(root);
  let run;
  try {
    run = prepare(policy, principal, checkOptions(options, GATE_OPTIONS));
  } catch (e) {
    throw denyAll(root, e);
  }
  return gateElements(collect(root), run);
}

/**
 * Gates `root` now, then again whenever elements are added under it or one of their gating
 * attributes changes. `update(changes)` re-gates everything with new options (another secretary,
 * policy, `now`); `stop()` stops watching, leaving every element as last gated.
 * @param {ParentNode} root
 * @param {import('./gate.js').WatchOptions} options
 * @returns {import('./gate.js').Watcher}
 */
export function watch(root, options) {
  checkRoot(root);
  let current;
  let run;
  const start = (next) => {
    try {
      const { policy, principal, onGate, ...rest } = checkOptions(next, WATCH_OPTIONS);
      run = prepare(policy, principal, rest);
    } catch (e) {
      // Elements added from now on are denied too, until a good update.
      const onError = typeof next?.onError === 'function' ? next.onError : undefined;
      run = { failure: messageOf(e), mode: 'hide', explain: false, onError };
      throw denyAll(root, e);
    }
    current = next;
  };
  const notify = (summary) => {
    try {
      current.onGate?.(summary);
    } catch {
      // As for `onError`: the host's callback cannot undo the gating.
    }
    return summary;
  };
  start(options);
  let summary = notify(gateElements(collect(root), run));

  const observer = new MutationObserver((records) => {
    const elements = changedElements(records, root);
    if (elements.length > 0) notify(gateElements(elements, run));
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: GATED_ATTRIBUTES });

  return {
    get summary() {
      return summary;
    },
    update(changes) {
      observer.takeRecords(); // the full run below covers them
      start(changes == null ? current : { ...current, ...changes });
      summary = notify(gateElements(collect(root), run));
      return summary;
    },
    stop() {
      observer.disconnect();
    },
  };
}

/** The gated elements a batch of mutations concerns; elements no longer gated are released. */
function changedElements(records, root) {
  const found = new Set();
  const addTree = (node) => {
    if (node.nodeType !== 1) return;
    for (const element of collect(node)) found.add(element);
  };
  for (const record of records) {
    if (record.type === 'childList') {
      record.addedNodes.forEach(addTree);
    } else if (record.attributeName === 'data-resource') {
      addTree(record.target);
    } else if (record.target.hasAttribute('data-requires')) {
      found.add(record.target);
    } else if (record.attributeName === 'data-requires') {
      release(record.target);
    }
  }
  return Array.from(found).filter((e) => root.contains(e) && e.hasAttribute('data-requires'));
}

/** What gate() changed on an element, to restore it when the element becomes allowed. */
const saved = new WeakMap();

/** An element no longer gated (its `data-requires` removed) is given back as the host wrote it. */
function release(element) {
  const before = saved.get(element);
  if (before !== undefined) {
    restore(element, before);
    saved.delete(element);
  }
  element.removeAttribute('data-gate');
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
      href: element.getAttribute('href'),
      role: element.getAttribute('role'),
      display: [element.style.getPropertyValue('display'), element.style.getPropertyPriority('display')],
      visibility: element.style.visibility,
      inert: element.inert === true,
    });
  }
  // The mark goes first: from here on the stylesheet hides the element if anything below throws.
  const marks = { hide: 'hidden', disable: 'disabled', ghost: 'ghost' };
  element.setAttribute('data-gate', item.error === undefined ? marks[item.mode] : 'error');
  if (item.mode === 'hide') {
    element.hidden = true;
    // `hidden` alone loses to any author `display` rule (`.menu a { display: flex }`).
    element.style.setProperty('display', 'none', 'important');
  } else if (item.mode === 'disable') {
    if ('disabled' in element) element.disabled = true;
    // A link without `href` cannot be followed at all: no click, middle click, keyboard, context
    // menu or drag opens it.
    if (element.hasAttribute('href')) {
      element.removeAttribute('href');
      if (element.getAttribute('role') === null) element.setAttribute('role', 'link');
    }
    element.setAttribute('aria-disabled', 'true');
    element.setAttribute('tabindex', '-1');
    element.setAttribute('title', (item.reasons ?? []).join(' '));
    blockActivation(element);
  } else {
    element.style.visibility = 'hidden';
    element.inert = true;
  }
}

function restore(element, before) {
  element.hidden = before.hidden;
  if (before.disabled !== undefined) element.disabled = before.disabled;
  setOrRemove(element, 'title', before.title);
  setOrRemove(element, 'aria-disabled', before.ariaDisabled);
  setOrRemove(element, 'tabindex', before.tabindex);
  setOrRemove(element, 'href', before.href);
  setOrRemove(element, 'role', before.role);
  element.style.setProperty('display', before.display[0], before.display[1]);
  element.style.visibility = before.visibility;
  element.inert = before.inert;
}

function setOrRemove(element, name, value) {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * While an element is disabled, no way of activating it or anything inside it gets through: left,
 * middle and double clicks, Enter and Space, dragging out a link. Listeners are on the capture
 * phase of the element itself, so they see events aimed at its descendants first.
 */
const blocking = new WeakSet();
const ACTIVATIONS = ['click', 'auxclick', 'dblclick', 'keydown', 'keyup', 'keypress', 'dragstart', 'submit'];
function blockActivation(element) {
  if (blocking.has(element)) return;
  blocking.add(element);
  const stop = (event) => {
    if (element.getAttribute('data-gate') !== 'disabled') return;
    if (event.type.startsWith('key') && !['Enter', ' ', 'Spacebar'].includes(event.key)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of ACTIVATIONS) element.addEventListener(type, stop, true);
}

/**
 * The gate's decision as a function, for renderers that build their own markup (React, Vue,
 * Angular): `decider(policy, principal, {now, onError})` returns `can(action, resource?)`, `true`
 * only when the engine allowed it; anything that cannot be decided is `false` and reported.
 * Throws, like `gate`, on a bad policy or option.
 * @returns {(action: string, resource?: string | null) => boolean}
 */
export function decider(policy, principal, options) {
  const run = prepare(policy, principal, checkOptions(options, ['now', 'onError']));
  return (action, resource = null) => {
    const decided = decideOne(run, action, resource ?? null);
    if (decided.error !== undefined) {
      report(run, { element: null, requires: resource ? `${action} ${resource}` : action, message: decided.error });
    }
    return decided.allowed;
  };
}
