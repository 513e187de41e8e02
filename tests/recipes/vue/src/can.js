// src/can.js
import { computed, inject, provide } from 'vue';
import { decider } from 'secretariat';

const key = Symbol('secretariat');
const denyAll = () => false;

/** In your root component: `provideCan(() => ({ policy, principal, now }))`, read from your store. */
export function provideCan(source) {
  provide(key, computed(() => {
    const { policy, principal, now } = source();
    return policy ? decider(policy, principal, { now }) : denyAll;
  }));
}

/** In any component: `const mayExport = useCan('practice.export_patients', 'doctor:dr-martin')`. */
export function useCan(action, resource) {
  const can = inject(key, computed(() => denyAll));
  return computed(() => can.value(action, resource));
}
