// @vitest-environment happy-dom
// The README's template, compiled by Angular (JIT, zoneless) and rendered in happy-dom: the button
// is in the page exactly when the engine allows her to export, and follows the policy's signal.
import '@angular/compiler';
import { readFileSync } from 'node:fs';
import { Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { expect, test } from 'vitest';
import { load } from 'secretariat';
import { Secretariat } from './secretariat.service';

@Component({
  selector: 'app-toolbar',
  template: readFileSync('toolbar.component.html', 'utf8'),
})
class Toolbar {
  readonly secretariat = inject(Secretariat);
  readonly doctor = { id: 'dr-martin' };
}

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

test('the template shows « Exporter » only once the engine allows it', async () => {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(Toolbar);
  const secretariat = TestBed.inject(Secretariat);
  const buttons = async () => {
    await fixture.whenStable();
    return fixture.nativeElement.querySelectorAll('button').length;
  };
  secretariat.principal.set('sophie');
  secretariat.now.set('2026-11-23T10:00:00Z');
  expect(await buttons()).toBe(0); // no policy yet: nothing allowed

  const policy = await load(readFileSync('org.json', 'utf8'));
  secretariat.policy.set(policy);
  expect(policy.can('sophie', 'practice.export_patients', 'doctor:dr-martin', '2026-11-23T10:00:00Z')).toBe(false);
  expect(await buttons()).toBe(0);

  const granted = (await policy.admin()).withChanges([
    { op: 'grant_permission', secretary: 'sophie', doctor: 'dr-martin', permission: 'export_patients' },
  ]);
  secretariat.policy.set(granted);
  expect(await buttons()).toBe(1);
  expect(fixture.nativeElement.textContent.trim()).toBe('Exporter');
});
