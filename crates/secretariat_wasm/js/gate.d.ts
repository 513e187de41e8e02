import type { Action, DateTime, Decision, DecisionRequest, Lang, Resource } from "./secretariat.js";

/** How a denied element is treated. */
export type GateMode =
  /** Removed from view (`hidden`, and `display: none` whatever the page's CSS), as the products do with a denied menu entry. The default. */
  | "hide"
  /** Visible but unusable (`disabled`, `aria-disabled`, link `href` removed, clicks, middle clicks and Enter/Space stopped), with the reason as `title`. */
  | "disable"
  /** Keeps its place in the layout but invisible and inert (`visibility: hidden`, `inert`). */
  | "ghost";

/** The mark a run leaves on each gated element, as `data-gate`, for styling and for `gate.css`. */
export type GateMark = "allowed" | "hidden" | "disabled" | "ghost" | "error";

/** What `gate` needs of a policy: handles, the hot-path check and, for reasons, a decision. */
export interface GatePolicy {
  principal(principal: string): number;
  gate(action: Action, resource?: Resource | null): number;
  allows(principal: number, gate: number, now?: number | null): boolean;
  seconds(now: DateTime): number;
  decide(request: DecisionRequest): Decision;
}

/** An element (or, from `decider`, a request) that could not be decided: it is denied. */
export interface GateProblem {
  /** The element; `null` for a request asked through `decider`. */
  element: Element | null;
  /** Its `data-requires` as written (or the request, `ACTION [RESOURCE]`). */
  requires: string | null;
  /** What is wrong: a malformed `data-requires` or `data-gate-mode`, an unknown action or id… */
  message: string;
}

export interface GateOptions {
  /** The instant decisions are made at (RFC 3339). A malformed one throws. */
  now?: DateTime | null;
  /** For elements without a `data-gate-mode` attribute; `hide` when absent. */
  mode?: GateMode;
  /** Put the engine's reasons on every item of the summary, allowed ones too. */
  explain?: boolean;
  /** Language of the reasons; French when absent. */
  lang?: Lang | null;
  /** Called for each element that could not be decided (denied, hidden); `console.warn` when absent. */
  onError?: (problem: GateProblem) => void;
}

/** One gated element. */
export interface GateResult {
  element: Element;
  action: string;
  resource: string | null;
  /** How it is treated; an element that could not be decided is always hidden. */
  mode: GateMode;
  allowed: boolean;
  /** The engine's reasons: on denied `disable` elements, and on every item with `explain`. */
  reasons?: string[];
  /** Why the element's request could not be decided (it is then denied and hidden). */
  error?: string;
}

export interface GateSummary {
  checked: number;
  allowed: number;
  denied: number;
  /** Elements whose request could not be decided (malformed, unknown action or id…); denied. */
  errors: number;
  items: GateResult[];
}

/**
 * Shows, hides, disables or ghosts every element under `root` (and `root` itself) carrying
 * `data-requires="ACTION [RESOURCE]"`, for `principal` under `policy`. Without a resource in the
 * attribute, the nearest `data-resource` (on the element or an ancestor) gives it. An element's
 * own `data-gate-mode` attribute overrides `options.mode`; each gated element gets `data-gate`
 * (a `GateMark`). An element is shown only when its own decision allowed it: one that cannot be
 * decided is hidden and reported to `options.onError`. A bad policy or option hides every element
 * and throws a `SecretariatError` (`code: "bad_argument"`). No principal denies everything. Re-run it
 * after any change, or use `watch`: elements that become allowed are restored as written.
 */
export function gate(
  root: ParentNode,
  policy: GatePolicy,
  principal: string | null | undefined,
  options?: GateOptions,
): GateSummary;

export interface WatchOptions extends GateOptions {
  policy: GatePolicy;
  /** The current secretary's id; none denies everything. */
  principal: string | null | undefined;
  /** Called after every run: the whole page at first and on `update`, then what changed. */
  onGate?: (summary: GateSummary) => void;
}

/** A running `watch`. */
export interface Watcher {
  /** The summary of the last full run (the first, or the last `update`). */
  readonly summary: GateSummary;
  /** New options (another secretary, policy, `now`…), merged into the current ones; re-gates everything. A bad one hides everything and throws. */
  update(changes: Partial<WatchOptions>): GateSummary;
  /** Stops watching; every element stays as last gated. */
  stop(): void;
}

/**
 * Gates `root` as `gate` does, then keeps it true as the page changes: elements added under it
 * and changes of `data-requires`, `data-resource` or `data-gate-mode` are gated before the next
 * paint (MutationObserver). Throws, hiding everything, on a bad policy or option.
 */
export function watch(root: ParentNode, options: WatchOptions): Watcher;

/**
 * The gate's decision as a function, for code that renders its own markup (React, Vue, Angular):
 * `true` only when the engine allowed the request; one that cannot be decided is `false` and
 * reported to `onError`. Throws on a bad policy or option.
 */
export function decider(
  policy: GatePolicy,
  principal: string | null | undefined,
  options?: Pick<GateOptions, "now" | "onError">,
): (action: Action, resource?: Resource | null) => boolean;
