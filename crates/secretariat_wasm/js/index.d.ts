// The package's API, the same in browsers, bundlers, Node (ESM and CommonJS) and server bundles.
import type {
  Action, Answer, Change, ChangeSet, DateTime, Decision, DecisionRequest, ErrorCode, Explanation,
  Finding, Lang, OrgFile, Problem, ReportRow, Resource, Scope, Simulation, View,
} from "./types.js";

export type * from "./types.js";
export * from "./gate.js";

/** What the package throws on bad input: the engine's message, a stable `code`, and for a refused
 * file or changes every problem with its JSON path. A decision, even a deny, is never thrown. */
export class SecretariatError extends Error {
  constructor(code: ErrorCode, message: string, problems?: Problem[], options?: { cause?: unknown });
  readonly name: "SecretariatError";
  /** Stable; match on it rather than on the message. */
  readonly code: ErrorCode;
  /** Every problem of a refused organisation file or set of changes. */
  readonly problems?: Problem[];
}

/** Where `init` may take the gate module's WebAssembly from; by default beside the package's module. */
export type InitSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads an organisation file (`secretariat-org/1`) from its JSON **text**, instantiating the gate
 * module first if needed (once per page or process). Rejects with a `SecretariatError`
 * (`invalid_file`, with every problem) when the file is refused. Text only: `JSON.parse` has already
 * dropped a duplicate key that the engine refuses; `JSON.stringify` an object you built yourself.
 */
export function load(text: string): Promise<Policy>;

/** Instantiates the gate module (once; later calls return at once). Not needed before `load`. In
 * Node the bytes are in the package and `source` is ignored. */
export function init(source?: InitSource): Promise<void>;

/** Instantiates the gate module synchronously from its bytes or compiled module (a worker, a test).
 * In Node the bytes are in the package: nothing to give, nothing to wait for. */
export function initSync(source?: BufferSource | WebAssembly.Module): void;

/** What the gate and admin policies both answer. */
declare abstract class Engine {
  protected constructor();
  /** The organisation's display name. */
  readonly name: string;
  /**
   * May `principal` do `action` on `resource` at `now`? No reasons, no serialisation: the strings are
   * turned into cached handles the first time, then only numbers cross. Throws on an unknown action
   * or id, a missing resource or a malformed `now`.
   */
  can(principal: string, action: Action, resource?: Resource | null, now?: DateTime | null): boolean;
  /** A handle for a principal, resolved once (the same number each time), for `allows`. */
  principal(principal: string): number;
  /** A handle for one gated element — `action` on `resource` — resolved once, for `allows`. */
  gate(action: Action, resource?: Resource | null): number;
  /** Two handles of this policy and `now` in seconds since the Unix epoch (from `seconds`), or none.
   * An unknown handle is denied, never thrown. */
  allows(principal: number, gate: number, now?: number | null): boolean;
  /** An RFC 3339 date-time in seconds since the Unix epoch, read as the engine reads `now`. */
  seconds(now: DateTime): number;
  /** One decision with its reasons; throws only on a malformed request or an unknown id. */
  decide(request: DecisionRequest): Decision;
  /** Many decisions in order; a bad request answers `{error}` and the batch goes on. */
  decideBatch(requests: DecisionRequest[]): Answer[];
  /** JSON lines in, JSON answer lines out: byte for byte what `secretariat decide` prints. */
  decideLines(lines: string, lang?: Lang | null): string;
  /** Everything one secretary sees; throws when no person has that id. */
  view(secretary: string, now?: DateTime | null, lang?: Lang | null): View;
  /** Frees the engine's memory now rather than at garbage collection; later calls throw `freed`. */
  free(): void;
  [Symbol.dispose](): void;
}

/**
 * An organisation (or a secretary's scope), checked and indexed once by the small gate module,
 * answering every later query without being sent again. `now` is always given by the caller
 * (RFC 3339); without it, dated grants are not in force.
 */
export class Policy extends Engine {
  /** Loads synchronously: in Node at once; in browsers once `init` (or `load`) has resolved, else it
   * throws `not_initialised`. Text only, as `load`. */
  static load(text: string): Policy;
  /** The same organisation in the admin module (explanations, findings, simulation, changes, report,
   * export), fetched and instantiated on the first call, then shared; loaded once per policy. A
   * separate policy: `free` it on its own. */
  admin(): Promise<AdminPolicy>;
}

/** A policy of the admin module, reached by `await policy.admin()`: everything a `Policy` answers,
 * and the administration. Loaded from a scope, what needs the whole organisation (findings,
 * `simulate`, `withChanges`, the reports, `toJSON`, `export`) throws `needs_organisation`. */
export class AdminPolicy extends Engine {
  /** One decision with every condition checked on the way. */
  explain(request: DecisionRequest, lang?: Lang | null): Explanation;
  /** The organisation's findings, most severe first. */
  findings(now?: DateTime | null, lang?: Lang | null): Finding[];
  /** Views before/after, gained/lost, findings added/removed, requests to send; the policy is unchanged. */
  simulate(changes: Change[] | ChangeSet, now?: DateTime | null, lang?: Lang | null): Simulation;
  /** A new policy with the changes applied; throws `invalid_changes` listing every problem. */
  withChanges(changes: Change[] | ChangeSet): AdminPolicy;
  /** The "secretaries of a doctor" report as `reader` may read it (D8), for one doctor or every one
   * she may read; a doctor she may not read throws `denied`, in `lang`. */
  report(reader: string, doctor?: string | null, now?: DateTime | null, lang?: Lang | null): ReportRow[];
  /** The same report as CSV (`Secrétaire,Médecin,RPPS Médecin`). */
  reportCsv(reader: string, doctor?: string | null, now?: DateTime | null, lang?: Lang | null): string;
  /** Every row of the report, read by no one in particular: for the organisation's administrator. */
  reportEveryRow(doctor?: string | null, now?: DateTime | null): ReportRow[];
  /** Every row of the report as CSV. */
  reportEveryRowCsv(doctor?: string | null, now?: DateTime | null): string;
  /** Her scope (`secretariat-scope/1`), for a Node back end to send to her browser instead of the
   * whole organisation; `load` reads it. Throws `unknown_id`, or `wrong_principal` on a loaded scope
   * for someone else. */
  scope(secretary: string): Scope;
  /** The organisation file as loaded (so `JSON.stringify(admin)` gives the file). */
  toJSON(): OrgFile;
  /** The organisation file as pretty JSON text. */
  export(): string;
}

export {};
