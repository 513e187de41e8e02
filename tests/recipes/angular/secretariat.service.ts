// secretariat.service.ts
import { Injectable, computed, signal } from '@angular/core';
import { decider, type Policy } from 'secretariat';

@Injectable({ providedIn: 'root' })
export class Secretariat {
  readonly policy = signal<Policy | null>(null);
  readonly principal = signal<string | null>(null);
  readonly now = signal(new Date().toISOString());
  readonly can = computed(() => {
    const policy = this.policy();
    return policy ? decider(policy, this.principal(), { now: this.now() }) : () => false;
  });
}
