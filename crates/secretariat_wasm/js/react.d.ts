import type { ReactNode } from "react";
import type { GatePolicy, GateProblem } from "./gate.js";
import type { Action, DateTime, Resource } from "./secretariat.js";

export interface SecretariatProviderProps {
  /** A loaded `Policy` (an organisation or a secretary's scope). */
  policy: GatePolicy;
  /** The current secretary's id; none denies everything. */
  principal: string | null | undefined;
  /** The instant decisions are made at (RFC 3339); without it, time-limited grants are not in force. */
  now?: DateTime | null;
  /** Called for each request that cannot be decided (denied), and for a bad policy or `now`. Keep it stable (`useCallback`): a new one re-renders the consumers. */
  onError?: (problem: GateProblem) => void;
  children?: ReactNode;
}

/** Gives its subtree the policy, principal and `now` that `useCan` and `<Can>` decide with. */
export function SecretariatProvider(props: SecretariatProviderProps): ReactNode;

/** The provider's decision function, `true` only when the engine allowed the request. */
export function useDecider(): (action: Action, resource?: Resource | null) => boolean;

/** May the current secretary do `action` (on `resource`)? `false` outside a provider. */
export function useCan(action: Action, resource?: Resource | null): boolean;

export interface CanProps {
  action: Action;
  resource?: Resource | null;
  /** Rendered when denied; nothing by default. */
  fallback?: ReactNode;
  /** Rendered when allowed, or called with the answer. */
  children?: ReactNode | ((allowed: boolean) => ReactNode);
}

/** Renders `children` when the current secretary may do `action`, `fallback` otherwise. */
export function Can(props: CanProps): ReactNode;
