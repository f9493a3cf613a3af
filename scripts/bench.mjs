#!/usr/bin/env node
/**
 * Page-weight and build-time benchmark. Builds the site (unless --no-build), then prints, for every
 * HTML page in dist/, the bytes of its HTML, CSS and JavaScript (raw and gzip), counting every
 * script the page can load: module scripts, island components and renderers, and their static
 * imports, each file once. Exits 1 when a page is over its budget.
 *
 *   npm run bench             build, then measure
 *   npm run bench -- --no-build   measure an existing dist/
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve('dist');
const KB = 1024;
/** Budgets in gzip bytes: JS per page (story 45 KB, embeds 30 KB), CSS per page 15 KB. */
const BUDGET = {
  js: (page) => (page.startsWith('embed/') ? 30 * KB : 45 * KB),
  css: () => 15 * KB,
};

let buildSeconds = null;
if (!process.argv.includes('--no-build')) {
  const t0 = performance.now();
  execFileSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  buildSeconds = (performance.now() - t0) / 1000;
}
if (!existsSync(DIST)) {
  console.error('bench: dist/ does not exist; run without --no-build');
  process.exit(2);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const fileFor = (url, page) => {
  const clean = url.split(/[?#]/)[0];
  const base = process.env.BASE_PATH ?? '/';
  const rel = clean.startsWith(base) ? clean.slice(base.length) : clean.replace(/^\//, '');
  return clean.startsWith('/') ? join(DIST, rel) : join(dirname(page), clean);
};

/** A JS file and everything it imports statically (dynamic imports count too: islands load them). */
function jsClosure(file, seen) {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:import|export)\s*(?:[^'"`]*?from\s*)?["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    jsClosure(join(dirname(file), m[1] ?? m[2]), seen);
  }
}

const rows = [];
let failed = false;
for (const page of walk(DIST).filter((f) => f.endsWith('.html')).sort()) {
  const html = readFileSync(page);
  const text = html.toString('utf8');
  const name = relative(DIST, page).replace(/index\.html$/, '') || '/';
  const css = { raw: 0, gz: 0 };
  for (const m of text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const f = fileFor(m[1], page);
    if (existsSync(f)) {
      const b = readFileSync(f);
      css.raw += b.length;
      css.gz += gz(b);
    }
  }
  for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    css.raw += Buffer.byteLength(m[1]);
    css.gz += gz(Buffer.from(m[1]));
  }
  const files = new Set();
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) jsClosure(fileFor(m[1], page), files);
  for (const m of text.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) jsClosure(fileFor(m[1], page), files);
  const js = { raw: 0, gz: 0 };
  for (const f of files) {
    const b = readFileSync(f);
    js.raw += b.length;
    js.gz += gz(b);
  }
  for (const m of text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(m[0])) continue;
    js.raw += Buffer.byteLength(m[1]);
    js.gz += gz(Buffer.from(m[1]));
  }
  const over = [];
  if (js.gz > BUDGET.js(name)) over.push(`JS over ${BUDGET.js(name) / KB} KB`);
  if (css.gz > BUDGET.css(name)) over.push(`CSS over ${BUDGET.css(name) / KB} KB`);
  if (over.length) failed = true;
  rows.push({ page: name, html: [html.length, gz(html)], css: [css.raw, css.gz], js: [js.raw, js.gz], status: over.join('; ') || 'ok' });
}

const k = (n) => (n / KB).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log(`${pad('page', 34)}${padL('HTML raw/gz KB', 16)}${padL('CSS raw/gz KB', 16)}${padL('JS raw/gz KB', 16)}  budget`);
for (const r of rows) {
  console.log(
    `${pad(r.page, 34)}${padL(`${k(r.html[0])}/${k(r.html[1])}`, 16)}${padL(`${k(r.css[0])}/${k(r.css[1])}`, 16)}${padL(`${k(r.js[0])}/${k(r.js[1])}`, 16)}  ${r.status}`,
  );
}
const total = walk(DIST).reduce((n, f) => n + statSync(f).size, 0);
console.log(`\npages: ${rows.length}   dist/ total: ${k(total)} KB`);
if (buildSeconds !== null) console.log(`build time: ${buildSeconds.toFixed(1)} s`);
if (failed) {
  console.error('bench: over budget');
  process.exit(1);
}
