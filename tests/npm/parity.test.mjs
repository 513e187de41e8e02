// Parity: the whole decision corpus (tests/fixtures/*/, tests/generated/*/, tests/npm/lines.jsonl and ../shared/spec/examples)
// answered by the npm package in Node is byte for byte what the native `secretariat decide` prints, in French and in
// English, from the gate module and from the admin module; and the object API (`decide`,
// `decideBatch`, `can`, the handles) gives the same JSON and the same answer for every request.
// The binary is target/release/secretariat (scripts/test-npm builds it), or $SECRETARIAT_BIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Policy } from 'secretariat';
import { ROOT } from '../lib/browser.mjs';

const BIN = process.env.SECRETARIAT_BIN ?? join(ROOT, 'target/release/secretariat');

/** Every (org, decisions) pair of the corpus. */
function corpus() {
  const pairs = [];
  const fixtures = join(ROOT, 'tests/fixtures');
  for (const dir of readdirSync(fixtures).sort()) {
    const org = join(fixtures, dir, 'org.json');
    const decisions = join(fixtures, dir, 'decisions.jsonl');
    if (existsSync(org) && existsSync(decisions)) pairs.push({ name: dir, org, decisions });
  }
  // Generated organisations (docs/RELIABILITY.md): scripts/test-npm writes them with gen-corpus.
  const generated = join(ROOT, 'tests/generated');
  if (existsSync(generated)) {
    for (const dir of readdirSync(generated).sort()) {
      const org = join(generated, dir, 'org.json');
      const decisions = join(generated, dir, 'decisions.jsonl');
      if (existsSync(org) && existsSync(decisions)) pairs.push({ name: `generated/${dir}`, org, decisions });
    }
  }
  // Lines as a file may hold them: CRLF, `\r\r\n` after a truncated request (the error's column
  // counts what was kept), blank lines of tabs and no-break spaces, a last line ending in `\r`.
  pairs.push({ name: 'awkward lines', org: join(fixtures, 'demo/org.json'), decisions: join(ROOT, 'tests/npm/lines.jsonl') });
  const shared = join(ROOT, '../shared/spec/examples');
  if (existsSync(join(shared, 'demo-org.json'))) {
    pairs.push({ name: 'shared/spec/examples', org: join(shared, 'demo-org.json'), decisions: join(shared, 'demo-decisions.jsonl') });
  }
  return pairs;
}

function native(pair, lang) {
  return execFileSync(BIN, ['decide', '--org', pair.org, '--requests', pair.decisions, '--lang', lang], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const pairs = corpus();

test('the corpus is there, and so is the native binary', () => {
  assert.ok(pairs.length >= 2, JSON.stringify(pairs));
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release --bin secretariat`);
});

for (const pair of pairs) {
  test(`parity: ${pair.name}`, async () => {
    const policy = Policy.load(readFileSync(pair.org, 'utf8'));
    const admin = await policy.admin();
    const requests = readFileSync(pair.decisions, 'utf8');
    for (const lang of ['fr', 'en']) {
      const expected = native(pair, lang);
      assert.ok(expected.length > 0);
      // JSON lines in, JSON lines out: the command line's own batch, from both modules.
      assert.equal(policy.decideLines(requests, lang), expected, `${pair.name}, --lang ${lang}`);
      assert.equal(admin.decideLines(requests, lang), expected, `${pair.name}, --lang ${lang}, admin module`);
    }
    admin.free();
    // Objects in, objects out: every request that parses as JSON, one by one and as one batch.
    const answers = native(pair, 'fr').split('\n').filter((l) => l !== '');
    const lines = requests.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.length, answers.length);
    const objects = [];
    lines.forEach((line, i) => {
      let request;
      try {
        request = JSON.parse(line);
      } catch {
        return; // not JSON: only the text batch above can carry it
      }
      objects.push({ request, expected: answers[i] });
    });
    const batch = policy.decideBatch(objects.map((o) => o.request));
    objects.forEach(({ request, expected }, i) => {
      const got = JSON.stringify(batch[i]);
      if (expected.startsWith('{"error":"malformed request')) {
        // serde's message quotes a line and column of the text it read; the object has none.
        assert.match(got, /^\{"error":"malformed request: /, `${pair.name}: ${JSON.stringify(request)}`);
        return;
      }
      assert.equal(got, expected, `${pair.name}: ${JSON.stringify(request)}`);
      if (expected.startsWith('{"error"')) {
        assert.throws(() => policy.decide(request), (e) => e instanceof Error && JSON.stringify({ error: e.message }) === expected);
      } else {
        assert.equal(JSON.stringify(policy.decide(request)), expected);
        const allow = JSON.parse(expected).decision === 'allow';
        assert.equal(policy.can(request.principal, request.action, request.resource, request.now), allow);
        // The handle path (what gate() uses) answers the same.
        const seconds = request.now == null ? undefined : policy.seconds(request.now);
        const handles = [policy.principal(request.principal), policy.gate(request.action, request.resource)];
        assert.equal(policy.allows(handles[0], handles[1], seconds), allow, `allows: ${JSON.stringify(request)}`);
      }
    });
  });
}
