// secretariat/react: the gate for React. A provider holds the policy, the current secretary and
// `now`; `useCan` and `<Can>` ask it. Plain JavaScript with `React.createElement` (no JSX build),
// React a peer dependency. Decisions are the gate's own (`decider`): `true` only when the engine
// allowed the request; anything that cannot be decided is `false` and reported.
import { createContext, createElement, useContext, useMemo } from 'react';
import { decider } from './gate.js';

/** The current decision function; `null` outside a provider (everything denied). */
const SecretariatContext = createContext(null);
SecretariatContext.displayName = 'Secretariat';

const denyAll = () => false;

/**
 * Gives its subtree the policy, the principal and `now`. A new policy (another organisation or
 * scope), principal or `now` re-renders every `useCan` and `<Can>` under it; nothing else does.
 * A bad policy or `now` denies everything and is reported to `onError` (`console.error` without).
 */
export function SecretariatProvider({ policy, principal, now = null, onError, children }) {
  const can = useMemo(() => {
    try {
      return decider(policy, principal, { now, onError });
    } catch (e) {
      const problem = { element: null, requires: null, message: e instanceof Error ? e.message : String(e) };
      if (onError) onError(problem);
      else console.error(`secretariat/react: ${problem.message}`);
      return denyAll;
    }
  }, [policy, principal, now, onError]);
  return createElement(SecretariatContext.Provider, { value: can }, children);
}

/** The provider's decision function, `(action, resource?) => boolean`, for lists and filters. */
export function useDecider() {
  return useContext(SecretariatContext) ?? denyAll;
}

/** May the current secretary do `action` (on `resource`)? `false` outside a provider. */
export function useCan(action, resource = null) {
  const can = useDecider();
  return useMemo(() => can(action, resource ?? null), [can, action, resource]);
}

/**
 * Renders `children` when the current secretary may do `action` (on `resource`), `fallback`
 * (nothing by default) otherwise; with a function as child, calls it with the answer.
 */
export function Can({ action, resource = null, fallback = null, children = null }) {
  const allowed = useCan(action, resource);
  if (typeof children === 'function') return children(allowed);
  return allowed ? children : fallback;
}
