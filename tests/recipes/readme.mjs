// What a user copies from the package README runs: every code block of the README whose first line
// names a file (`// src/main.js`, `<!-- index.html -->`) is that file of a recipe app, byte for
// byte, or — when the name is followed by `(excerpt)` — lines found together in it. The recipe is
// the one of the block's section (SECTIONS); every recipe has at least one block. The README also
// names no repository path (it is read on npm, where there is no repository), and the tarball
// carries it and both licences, and the stylesheet whose one-line rule the README quotes.
//
//   node tests/recipes/readme.mjs [TARBALL]     checks (and the tarball's README.md and licences)
//   node tests/recipes/readme.mjs --fix         rewrites each whole-file block from its recipe file
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/browser.mjs';

const README = join(ROOT, 'crates/secretariat_wasm/README.md');
const RECIPES = join(ROOT, 'tests/recipes');

/** The README's `##` sections whose blocks are recipe files, and the recipes they come from. */
const SECTIONS = {
  'A plain page (no bundler)': ['plain-page'],
  Vite: ['vite'],
  'webpack 5': ['webpack'],
  'Next.js (App Router, server rendering)': ['next'],
  'Node: ESM and CommonJS': ['node-esm', 'node-cjs'],
  'Tests: Vitest or Jest': ['vitest', 'jest'],
  'Content Security Policy': ['plain-page'],
  'Memory: `free` and `using`': ['vitest'],
  'Time: why `now` matters': ['vitest'],
  React: ['react'],
  Vue: ['vue'],
  Angular: ['angular'],
};

const MARKER = /^(?:\/\/ (\S+)( \(excerpt\))?|<!-- (\S+)( \(excerpt\))? -->)$/;
/** A path of the repository, which a reader of the package cannot follow. */
const REPOSITORY_PATH = /(?<![\w./-])(tests|crates|scripts|docs|web|pkg|target|schema|bench)\//;

const fix = process.argv[2] === '--fix';
const tarball = fix ? undefined : process.argv[2];
const text = readFileSync(README, 'utf8');
const lines = text.split('\n');
const problems = [];
const covered = new Set();
let section = '';
let fixed = 0;

/** The recipe file a block names, or a problem. */
function locate(name, at) {
  const recipes = SECTIONS[section];
  if (!recipes) {
    problems.push(`line ${at}: \`${name}\` in section \`${section}\`, which is neither a recipe's nor listed as unchecked`);
    return undefined;
  }
  const found = recipes.filter((r) => existsSync(join(RECIPES, r, name)));
  if (found.length !== 1) {
    problems.push(`line ${at}: \`${name}\` is in ${found.length} of the recipes ${recipes.join(', ')} (one expected)`);
    return undefined;
  }
  covered.add(found[0]);
  return join(RECIPES, found[0], name);
}

for (let i = 0; i < lines.length; i += 1) {
  const line = lines[i];
  if (line.startsWith('## ')) section = line.slice(3).trim();
  const match = REPOSITORY_PATH.exec(line);
  if (match) problems.push(`line ${i + 1}: names the repository path \`${match[0]}\``);
  if (!line.startsWith('```')) continue;
  const start = i + 1;
  let end = start;
  while (end < lines.length && !lines[end].startsWith('```')) end += 1;
  const marker = MARKER.exec(lines[start] ?? '');
  if (marker) {
    const name = marker[1] ?? marker[3];
    const excerpt = Boolean(marker[2] ?? marker[4]);
    const path = locate(name, start + 1);
    if (path) {
      const file = readFileSync(path, 'utf8').replace(/\n$/, '');
      const block = lines.slice(excerpt ? start + 1 : start, end).join('\n');
      if (excerpt ? !`\n${file}\n`.includes(`\n${block}\n`) : block !== file) {
        if (fix && !excerpt) {
          lines.splice(start, end - start, ...file.split('\n'));
          end = start + file.split('\n').length;
          fixed += 1;
        } else {
          problems.push(`line ${start + 1}: the block \`${name}\`${excerpt ? ' (excerpt)' : ''} differs from the recipe's ${path.slice(ROOT.length + 1)}`);
        }
      }
    }
  }
  i = end;
}

for (const recipes of Object.values(SECTIONS)) {
  for (const r of recipes) if (!covered.has(r)) problems.push(`no block of the README shows the recipe \`${r}\``);
}

if (!lines[0].startsWith('**Gating in the browser is user experience')) {
  problems.push('the first line must say that gating in the browser is user experience and the server enforces');
}

if (tarball) {
  const entry = (name) => {
    const out = spawnSync('tar', ['-xzOf', tarball, `package/${name}`], { encoding: 'utf8' });
    return out.status === 0 ? out.stdout : undefined;
  };
  if (entry('README.md') !== text) problems.push(`${tarball}: package/README.md is not crates/secretariat_wasm/README.md`);
  // The one-line CSS rule the README offers instead of the stylesheet is the stylesheet's own.
  const css = entry('gate.css') ?? '';
  for (const rule of text.matchAll(/^```css\n([^`]*)```$/gm)) {
    if (!css.includes(rule[1].trim())) problems.push(`the README's CSS \`${rule[1].trim()}\` is not in the package's gate.css`);
  }
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    if (entry(licence) !== readFileSync(join(ROOT, licence), 'utf8')) problems.push(`${tarball}: package/${licence} is not the repository's`);
  }
}

if (fix && fixed) {
  writeFileSync(README, lines.join('\n'));
  console.error(`readme: ${fixed} block(s) rewritten from the recipes`);
}
if (problems.length) {
  console.error(`crates/secretariat_wasm/README.md and the recipes disagree:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`readme: ${covered.size} recipes shown, every named block matches${tarball ? `; ${tarball} carries the README and both licences` : ''}`);
