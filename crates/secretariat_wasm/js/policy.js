// The package's API over the WebAssembly modules, written once for every platform: `index.js`
// (browsers and bundlers) and `node.js` (Node, CommonJS and ESM, server bundles) give it their way
// of instantiating the modules, and export what `define` returns. No rule lives here: it turns the
// engine's errors into `SecretariatError`s, caches handles so that `can` with strings crosses the
// boundary as numbers, and fetches the admin module only when `admin()` is first called.

/** What every call of the package throws on bad input; `code` is stable, `message` may change. */
export class SecretariatError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{path: string, message: string}[] | undefined} [problems]
   * @param {{cause?: unknown}} [options]
   */
  constructor(code, message, problems, options) {
    super(message, options);
    this.name = 'SecretariatError';
    this.code = code;
    if (problems !== undefined) this.problems = problems;
  }

  /** Any copy of this class is this class: a bundle that carries `secretariat` and
   * `secretariat/gate` separately (CommonJS) still answers `instanceof SecretariatError`. */
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === 'SecretariatError' && typeof value.code === 'string';
  }
}

/** The engine's thrown `Error` (with its `code`) as a `SecretariatError`; anything else — a trap,
 * an exception of the glue — is the engine's fault, reported as `internal`, never as bad input. */
function convert(e) {
  if (e instanceof SecretariatError) return e;
  if (e instanceof Error && typeof e.code === 'string' && !(e instanceof WebAssembly.RuntimeError)) {
    return new SecretariatError(e.code, e.message, Array.isArray(e.problems) ? e.problems : undefined);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new SecretariatError('internal', `internal error: ${detail}`, undefined, { cause: e });
}

function call(f) {
  try {
    return f();
  } catch (e) {
    throw convert(e);
  }
}

/**
 * The codes of the engine's own failures, which a batch throws; anything else a request got wrong,
 * which the batch answers as `{error}` and goes on (a code the engine adds for requests one day is a
 * refusal without a change here).
 */
const FAILURES = new Set(['internal', 'freed', 'not_initialised', 'init_failed']);
const refused = (e) => e instanceof SecretariatError && !FAILURES.has(e.code);
/** A line that Rust's `str::trim` empties: only Unicode `White_Space`. */
const RUST_BLANK = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** What any use of a freed policy throws. */
const freed = () => new SecretariatError('freed', 'this policy was freed; load it again');

/** Stands for a policy's engine once `free()` has been called: every use throws. */
const FREED = new Proxy({}, {
  get() {
    throw freed();
  },
});

/** `now` before `can` has seen one. */
const UNSET = Symbol('unset');

/** The map under `key` in `map`, made empty when absent. */
function table(map, key) {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/** A policy's engine object, for the admin methods (not a property users see). */
let inner;

/** Only `load` constructs policies. */
const TOKEN = Symbol('secretariat.policy');

/** Beyond this many cached principals, gates and answers, `can` asks the engine directly (no new
 * handle, nothing kept), so a server deciding on millions of resources does not grow without bound. */
const CACHE_LIMIT = 10_000;

/** What the gate and the admin policies share: the decisions, and `can` over cached handles. */
class Engine {
  #inner;
  /** principal id → handle */
  #principals = new Map();
  /** action → (resource or null → handle) */
  #gates = new Map();
  /** Handles and answers cached, against `CACHE_LIMIT`; of which answers. */
  #cached = 0;
  #answered = 0;
  /** The `now` of the answers below (`null`: none given), and its seconds. */
  #now = UNSET;
  #seconds;
  /** For `#now`: principal → action → resource or null → the answer. An organisation never
   * changes, so an answer holds until `now` does; a new `now` starts an empty table. */
  #answers = new Map();

  constructor(token, inner) {
    if (token !== TOKEN) throw new TypeError('use `await load(text)` or `Policy.load(text)`');
    this.#inner = inner;
  }

  static {
    inner = (engine) => engine.#inner;
  }

  get name() {
    return call(() => this.#inner.name);
  }

  can(principal, action, resource, now) {
    const at = now ?? null;
    if (at !== this.#now) this.#at(at);
    const byAction = this.#answers.get(principal);
    if (byAction !== undefined) {
      const byResource = byAction.get(action);
      if (byResource !== undefined) {
        const known = byResource.get(resource ?? null);
        if (known !== undefined) return known;
      }
    }
    return this.#ask(principal, action, resource, now);
  }

  /** A new `now` for `can`: its seconds (throws when malformed, before anything changes). */
  #at(now) {
    const seconds = now === null ? undefined : this.seconds(now);
    this.#now = now;
    this.#seconds = seconds;
    this.#cached -= this.#answered;
    this.#answered = 0;
    this.#answers = new Map();
  }

  /** `can` without a remembered answer: through the handles (strings cross once), then kept. */
  #ask(principal, action, resource, now) {
    if (this.#cached >= CACHE_LIMIT) {
      return call(() => this.#inner.can(principal, action, resource, now));
    }
    const p = this.#principals.get(principal) ?? this.#principal(principal);
    const g = this.#gates.get(action)?.get(resource ?? null) ?? this.#gate(action, resource);
    const allowed = this.#inner.allows(p, g, this.#seconds);
    table(table(this.#answers, principal), action).set(resource ?? null, allowed);
    this.#cached += 1;
    this.#answered += 1;
    return allowed;
  }

  #principal(principal) {
    const handle = this.principal(principal);
    this.#principals.set(principal, handle);
    this.#cached += 1;
    return handle;
  }

  #gate(action, resource) {
    const handle = this.gate(action, resource);
    table(this.#gates, action).set(resource ?? null, handle);
    this.#cached += 1;
    return handle;
  }

  principal(principal) {
    return call(() => this.#inner.principal(principal));
  }

  gate(action, resource) {
    return call(() => this.#inner.gate(action, resource));
  }

  allows(principal, gate, now) {
    return this.#inner.allows(principal, gate, now);
  }

  seconds(now) {
    return call(() => this.#inner.seconds(now));
  }

  decide(request) {
    const inner = this.#inner;
    return call(() => JSON.parse(inner.decideText(request, false)));
  }

  /** The engine; `freed` thrown once `free()` was called, even by a call with nothing to decide. */
  #live() {
    if (this.#inner === FREED) throw freed();
    return this.#inner;
  }

  /** Each request's decision, or `{error}` for a bad one: the batch goes on. */
  decideBatch(requests) {
    this.#live();
    if (!Array.isArray(requests)) throw new SecretariatError('bad_argument', 'expected an array of decision requests');
    const answers = [];
    for (let i = 0; i < requests.length; i++) {
      try {
        answers.push(this.decide(requests[i]));
      } catch (e) {
        // What the request got wrong is its answer; the engine's own failures still throw.
        if (!refused(e)) throw e;
        answers.push({ error: e.message });
      }
    }
    return answers;
  }

  /**
   * `secretariat decide` on JSON lines, cut as the command line cuts them: at `\n`, every `\r`
   * ending a line dropped, the lines blank by Rust's `trim` skipped; one answer line each — the
   * decision, or `{"error"}` for a bad line, written as the command line writes it.
   */
  decideLines(lines, lang) {
    const inner = this.#live();
    // The arguments first, checked by the engine with its messages: a bad one throws before any
    // line is read (this call's own answer is not used).
    if (typeof lines !== 'string' || !(lang == null || lang === 'fr' || lang === 'en')) {
      call(() => inner.decideText(lines, true, lang));
    }
    const pieces = lines.split('\n');
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      const line = pieces[i].replace(/\r+$/, '');
      if (RUST_BLANK.test(line)) continue;
      try {
        out += call(() => inner.decideText(line, true, lang));
      } catch (e) {
        if (!refused(e)) throw e;
        out += JSON.stringify({ error: e.message }); // serde_json's text for a string, byte for byte
      }
      out += '\n';
    }
    return out;
  }

  view(secretary, now, lang) {
    const inner = this.#inner;
    // The module answers with the command line's JSON text, parsed here: one text for every
    // front end keeps the `.wasm` small and the shapes equal.
    return call(() => JSON.parse(inner.view(secretary, now, lang)));
  }

  free() {
    const inner = this.#inner;
    this.#inner = FREED;
    this.#principals.clear();
    this.#gates.clear();
    this.#answers = new Map();
    if (inner !== FREED) inner.free();
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

/** A policy of the admin module: everything the gate policy answers, and the administration. */
export class AdminPolicy extends Engine {
  explain(request, lang) {
    return call(() => inner(this).explain(request, lang));
  }

  findings(now, lang) {
    return call(() => inner(this).findings(now, lang));
  }

  simulate(changes, now, lang) {
    return call(() => inner(this).simulate(changes, now, lang));
  }

  withChanges(changes) {
    return new AdminPolicy(TOKEN, call(() => inner(this).withChanges(changes)));
  }

  report(reader, doctor, now, lang) {
    return call(() => inner(this).report(reader, doctor, now, lang));
  }

  reportCsv(reader, doctor, now, lang) {
    return call(() => inner(this).reportCsv(reader, doctor, now, lang));
  }

  reportEveryRow(doctor, now) {
    return call(() => inner(this).reportEveryRow(doctor, now));
  }

  reportEveryRowCsv(doctor, now) {
    return call(() => inner(this).reportEveryRowCsv(doctor, now));
  }

  scope(secretary) {
    return call(() => inner(this).scope(secretary));
  }

  toJSON() {
    return call(() => inner(this).toJSON());
  }

  export() {
    return call(() => inner(this).export());
  }
}

/**
 * The package's API over one platform's way to instantiate the modules:
 * - `instantiate(source)`: a promise, once the gate module is ready (`source` as `init` takes it);
 * - `instantiateSync(source)`: the same, synchronously; throws where it cannot without bytes;
 * - `Gate`: the gate module's `Policy` class;
 * - `admin()`: a promise of the admin module's `Policy` class, instantiated.
 */
export function define(platform) {
  let ready = false;
  let pending;
  let adminClass;

  async function init(source) {
    if (ready) return;
    if (source !== undefined) {
      await platform.instantiate(source);
      ready = true;
      return;
    }
    pending ??= platform.instantiate(undefined).then(
      () => {
        ready = true;
      },
      (e) => {
        pending = undefined;
        throw new SecretariatError(
          'init_failed',
          `the WebAssembly module could not be instantiated: ${e instanceof Error ? e.message : String(e)}`
            + ' (with the Vite dev server, add `optimizeDeps: { exclude: ["secretariat"] }`)',
          undefined,
          { cause: e },
        );
      },
    );
    await pending;
  }

  function initSync(source) {
    if (ready) return;
    call(() => platform.instantiateSync(source));
    ready = true;
  }

  class Policy extends Engine {
    #text;
    #admin;

    constructor(token, inner, text) {
      super(token, inner);
      this.#text = text;
    }

    static load(text) {
      if (!ready) initSync(undefined);
      return new Policy(TOKEN, call(() => platform.Gate.load(text)), text);
    }

    admin() {
      // Freed: no text left to load (and not the cached promise: every later call throws `freed`).
      if (this.#text === undefined) return Promise.reject(freed());
      this.#admin ??= (async () => {
        adminClass ??= platform.admin();
        let Admin;
        try {
          Admin = await adminClass;
        } catch (e) {
          adminClass = undefined;
          throw convert(e);
        }
        return new AdminPolicy(TOKEN, call(() => Admin.load(this.#text)));
      })();
      return this.#admin;
    }

    free() {
      super.free();
      this.#text = undefined;
    }
  }

  async function load(text) {
    await init();
    return Policy.load(text);
  }

  return { init, initSync, load, Policy };
}
