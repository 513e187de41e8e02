import type { Action, DateTime, Decision, DecisionRequest, Lang, Resource } from "./secretariat.js";

/** How a denied element is treated. */
export type GateMode =
  /** Removed from view (`hidden`, and `display: none` whatever the page's CSS), as the products do with a denied menu entry. The default. */
  | "hide"
  /** Visible but unusable (`disabled`, `aria-disabled`, clicks stopped), with the reason as `title`. */
  | "disable"
  /** Keeps its place in the layout but invisible and inert (`visibility: hidden`, `inert`). */
  | "ghost";

/** What `gate` needs of a policy: handles, the hot-path check and, for reasons, a decision. */
export interface GatePolicy {
  principal(principal: string): number;
  gate(action: Action, resource?: Resource | null): number;
  allows(principal: number, gate: number, now?: number | null): boolean;
  seconds(now: DateTime): number;
  decide(request: DecisionRequest): Decision;
}

export interface GateOptions {
  /** The instant decisions are made at (RFC 3339). */
  now?: DateTime | null;
  /** For elements without a `data-gate-mode` attribute; `hide` when absent. */
  mode?: GateMode;
  /** Put the engine's reasons on every item of the summary, allowed ones too. */
  explain?: boolean;
  /** Language of the reasons; French when absent. */
  lang?: Lang | null;
}

/** One gated element. */
export interface GateResult {
  element: Element;
  action: string;
  resource: string | null;
  mode: GateMode;
  allowed: boolean;
  /** The engine's reasons: on denied `disable` elements, and on every item with `explain`. */
  reasons?: string[];
  /** Why the element's request could not be decided (it is then denied). */
  error?: string;
}

export interface GateSummary {
  checked: number;
  allowed: number;
  denied: number;
  /** Elements whose `data-requires` could not be decided (unknown action or id…); they are denied. */
  errors: number;
  items: GateResult[];
}

/**
 * Shows, hides, disables or ghosts every element under `root` (and `root` itself) carrying
 * `data-requires="ACTION [RESOURCE]"`, for `secretary` under `policy`. An element's own
 * `data-gate-mode` attribute overrides `options.mode`; each gated element gets
 * `data-gate="allowed" | "hidden" | "disabled" | "ghost"` for styling. Re-run it after any change:
 * elements that become allowed are restored as the host wrote them. No secretary denies everything.
 */
export function gate(
  root: ParentNode,
  policy: GatePolicy,
  secretary: string | null | undefined,
  options?: GateOptions,
): GateSummary;
