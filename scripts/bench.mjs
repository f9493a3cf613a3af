#!/usr/bin/env node
/**
 * Page-weight, build-time and Lighthouse benchmark. Builds the site (unless --no-build), then prints,
 * for every HTML page in dist/, the bytes of its HTML, CSS and JavaScript (raw and gzip), counting
 * every script the page can load: module scripts, island components and renderers, and their static
 * imports, each file once; the woff2 files it loads (preloaded, or named by an @font-face of its CSS
 * whose unicode-range its text uses), raw since woff2 is compressed already; and the page's total
 * transfer: HTML, CSS and JS gzip plus fonts. Then it serves dist/ with `astro preview` and runs Lighthouse (mobile,
 * simulated throttling) in Debian's Chromium on the story, the data page and one embed. Exits 1 when
 * a page is over a size or Lighthouse budget.
 *
 *   npm run bench                                  build, measure, Lighthouse
 *   npm run bench -- --no-build                    measure an existing dist/ (built with SITE_URL
 *                                                  http://127.0.0.1:$BENCH_PORT)
 *   npm run bench -- --no-build --no-lighthouse    sizes only
 *   npm run bench -- --runs 5                      5 Lighthouse runs per page (CI uses this)
 *
 * With several runs, the category scores are the median run's; LCP is the median of the runs' LCP
 * (simulated throttling computes it from the page's requests, so runs agree); CLS must be 0 in every run; total
 * blocking time is judged on the fastest run, because another process on the machine can only add
 * time to a task, never remove it (the median is printed beside it).
 *
 * BENCH_PORT (default 4351) is the port dist/ is served on while Lighthouse runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const benchStart = performance.now();
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('bench: --runs takes a whole number ≥ 1');
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT || 4351);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LIGHTHOUSE = !args.includes('--no-lighthouse');

const DIST = resolve('dist');
const KB = 1024;
/**
 * Budgets in gzip bytes: JS per page (story 40 KB, embeds 24 KB), CSS per page 15 KB; an embed's
 * total transfer (HTML + CSS + JS gzip, fonts raw) 70 KB.
 */
const BUDGET = {
  js: (page) => (page.startsWith('embed/') ? 24 * KB : 40 * KB),
  css: () => 15 * KB,
  total: (page) => (page.startsWith('embed/') ? 70 * KB : Infinity),
  /** Code fetched only when a reader asks (ON_DEMAND in src/integrations/chart-islands.ts): 30 KB gzip each. */
  onDemand: 30 * KB,
};
/** The loader's on-demand entries (ON_DEMAND in src/integrations/chart-islands.ts). */
const ON_DEMAND = ['Explorer'];
const onDemand = new Map();

let buildSeconds = null;
if (!process.argv.includes('--no-build')) {
  const t0 = performance.now();
  // Absolute URLs (canonical, oEmbed, og:image) point at the server Lighthouse will load.
  execFileSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SITE_URL: ORIGIN },
  });
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

/** A CSS unicode-range value as [from, to] pairs. */
const parseRange = (value) =>
  value.split(',').map((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'F'), 16)];
    const [lo, hi = lo] = p.split('-');
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });

/**
 * The woff2 files a page loads: those it preloads, and those an @font-face of its CSS names when
 * the page's text has a character in that face's unicode-range (the browser fetches no other).
 */
function pageFonts(page, text, css) {
  const fonts = new Set();
  for (const m of text.matchAll(/<link[^>]+rel="preload"[^>]*>/g)) {
    const href = /href="([^"]+\.woff2)"/.exec(m[0])?.[1];
    if (href) fonts.add(fileFor(href, page));
  }
  const cps = new Set([...text].map((c) => c.codePointAt(0)));
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const url = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(m[1])?.[1];
    if (!url) continue;
    const range = /unicode-range:\s*([^;}]+)/.exec(m[1])?.[1];
    const ranges = range ? parseRange(range) : null;
    if (!ranges || [...cps].some((cp) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi))) fonts.add(fileFor(url, page));
  }
  return [...fonts].filter((f) => existsSync(f));
}

/**
 * A JS file and everything it imports statically, and what it imports dynamically by a literal path.
 * (The island loader imports each island by its chunk's URL: see islandChunks.)
 */
function jsClosure(file, seen) {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:import|export)\s*(?:[^'"`]*?from\s*)?["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    jsClosure(join(dirname(file), m[1] ?? m[2]), seen);
  }
}

/**
 * The island loader's table (src/lib/islands.ts, `virtual:islands`) as built: island name → its
 * chunk, read from the loader's code (inlined in the page, or a file it loads),
 * `Name:()=>import("/_astro/Name.hash.js")`.
 */
function islandChunks(codes, page) {
  const table = new Map();
  for (const code of codes) {
    for (const m of code.matchAll(/([A-Za-z]+):\(\)=>import\("([^"]+\.js)"\)/g)) table.set(m[1], fileFor(m[2], page));
  }
  return table;
}

const rows = [];
let failed = false;
for (const page of walk(DIST).filter((f) => f.endsWith('.html')).sort()) {
  const html = readFileSync(page);
  const text = html.toString('utf8');
  const name = relative(DIST, page).replace(/index\.html$/, '') || '/';
  const css = { raw: 0, gz: 0 };
  let cssText = '';
  for (const m of text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const f = fileFor(m[1], page);
    if (existsSync(f)) {
      const b = readFileSync(f);
      css.raw += b.length;
      css.gz += gz(b);
      cssText += b.toString('utf8');
    }
  }
  for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    css.raw += Buffer.byteLength(m[1]);
    css.gz += gz(Buffer.from(m[1]));
    cssText += m[1];
  }
  // Font files relative to the stylesheet resolve like root-relative ones here: Astro writes /_astro/… URLs.
  const fonts = pageFonts(page, text, cssText).reduce((n, f) => n + statSync(f).size, 0);
  const files = new Set();
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) jsClosure(fileFor(m[1], page), files);
  for (const m of text.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) jsClosure(fileFor(m[1], page), files);
  // Each island on the page: its chunk from the loader's table, and what that chunk imports.
  const islands = [...new Set([...text.matchAll(/\sdata-island="([A-Za-z]+)"/g)].map((m) => m[1]))];
  const table = islandChunks([text, ...[...files].map((f) => readFileSync(f, 'utf8'))], page);
  // On-demand code is not counted in the page: what it adds to what the page has loaded, once per chunk.
  for (const name of ON_DEMAND) {
    if (!table.has(name) || onDemand.has(name)) continue;
    const extra = new Set();
    jsClosure(table.get(name), extra);
    onDemand.set(name, [...extra].filter((f) => !files.has(f)));
  }
  for (const name of islands) {
    if (!table.has(name)) {
      console.error(`bench: ${relative(DIST, page)}: island "${name}" is not in the loader's table`);
      process.exit(2);
    }
    jsClosure(table.get(name), files);
  }
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
  const totalTransfer = gz(html) + css.gz + js.gz + fonts;
  const over = [];
  if (js.gz > BUDGET.js(name)) over.push(`JS over ${BUDGET.js(name) / KB} KB`);
  if (css.gz > BUDGET.css(name)) over.push(`CSS over ${BUDGET.css(name) / KB} KB`);
  if (totalTransfer > BUDGET.total(name)) over.push(`total over ${BUDGET.total(name) / KB} KB`);
  if (over.length) failed = true;
  rows.push({
    page: name,
    html: [html.length, gz(html)],
    css: [css.raw, css.gz],
    js: [js.raw, js.gz],
    fonts,
    total: totalTransfer,
    status: over.join('; ') || 'ok',
  });
}

const k = (n) => (n / KB).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log(
  `${pad('page', 34)}${padL('HTML raw/gz KB', 16)}${padL('CSS raw/gz KB', 16)}${padL('JS raw/gz KB', 16)}${padL('fonts KB', 10)}${padL('total KB', 10)}  budget`,
);
for (const r of rows) {
  console.log(
    `${pad(r.page, 34)}${padL(`${k(r.html[0])}/${k(r.html[1])}`, 16)}${padL(`${k(r.css[0])}/${k(r.css[1])}`, 16)}${padL(`${k(r.js[0])}/${k(r.js[1])}`, 16)}` +
      `${padL(k(r.fonts), 10)}${padL(k(r.total), 10)}  ${r.status}`,
  );
}
console.log('total: what a first visit transfers, HTML + CSS + JS gzip and fonts (woff2, raw); embeds: at most 70 KB');
for (const name of ON_DEMAND) {
  const extra = onDemand.get(name);
  if (!extra) {
    console.error(`bench: the on-demand "${name}" is in no page's loader table`);
    process.exit(2);
  }
  const raw = extra.reduce((n, f) => n + statSync(f).size, 0);
  const gzip = extra.reduce((n, f) => n + gz(readFileSync(f)), 0);
  const ok = gzip <= BUDGET.onDemand;
  if (!ok) failed = true;
  console.log(
    `on demand, ${name} (loaded on a chart's first focus or Listen): ${k(raw)}/${k(gzip)} KB raw/gzip in ${extra.length} file(s)  ` +
      (ok ? 'ok' : `over ${BUDGET.onDemand / KB} KB`),
  );
}
// The .gz copies the build writes for nginx (gzip_static) are another form of files counted already.
const total = walk(DIST)
  .filter((f) => !f.endsWith('.gz'))
  .reduce((n, f) => n + statSync(f).size, 0);
console.log(`\npages: ${rows.length}   dist/ total: ${k(total)} KB (without the precompressed .gz copies)`);
if (buildSeconds !== null) console.log(`build time: ${buildSeconds.toFixed(1)} s`);

/* ---------------------------------------------------------------------------------------------- */
/* Lighthouse                                                                                     */
/* ---------------------------------------------------------------------------------------------- */

/** Pages Lighthouse loads, relative to the deploy base. Embeds are noindex: SEO is not scored. */
const LH_PAGES = ['', 'data/', 'embed/cohort-comparison/'];
/** Lighthouse budgets: category scores 0–100, CLS unitless, TBT in ms. */
const LH_BUDGET = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  cls: 0.001, // must stay below: 0 up to rounding
  tbt: 50,
  /**
   * Largest contentful paint, ms, median of the runs; embeds only (the story is judged by its score).
   * 1.2 s; the embed reads 1.05 s. (Before the island loader it read 1.06–1.20 s: Astro's island
   * runtime sat inline in the page, and the simulated load counted its scripts.)
   */
  lcp: (page) => (page.startsWith('/embed/') ? 1200 : Infinity),
};
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Serves dist/, runs Lighthouse on LH_PAGES, prints the figures and the failing audits.
 * Returns true when every page is within budget. The server and Chromium are stopped either way.
 */
async function runLighthouse() {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');

  const base = process.env.BASE_PATH || '/';
  const canonical = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<link[^>]+rel="canonical"[^>]*href="([^"]+)"/)?.[1];
  if (canonical && !canonical.startsWith(ORIGIN)) {
    console.warn(`bench: dist/ was built for ${new URL(canonical).origin}, not ${ORIGIN}; ` +
      `rebuild with SITE_URL=${ORIGIN} (or run without --no-build) for SEO figures that mean something`);
  }

  const load = loadavg()[0];
  if (load > cpus().length) {
    console.warn(`bench: load average ${load.toFixed(1)} on ${cpus().length} cores; ` +
      'timings (performance, TBT) will read worse than on an idle machine');
  }
  const t0 = performance.now();
  const server = await startPreview();
  let chrome;
  const results = [];
  try {
    chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    for (const page of LH_PAGES) {
      const url = `${ORIGIN}${base}${page}`;
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        if (!result?.lhr) throw new Error(`no result for ${url}`);
        if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      results.push({ page: `/${page}`, lhr: RUNS > 1 ? computeMedianRun(runs) : runs[0], runs });
    }
  } finally {
    if (chrome) await chrome.kill();
    await server.stop();
  }
  const seconds = (performance.now() - t0) / 1000;

  let ok = true;
  const details = [];
  /** Audits Lighthouse itself could not compute, by message: shown once, apart from the site's failures. */
  const lhErrors = new Map();
  const noteErrors = (page, lhr) => {
    for (const [id, audit] of Object.entries(lhr.audits)) {
      if (audit.scoreDisplayMode !== 'error') continue;
      const message = String(audit.errorMessage).replace(/^.*failed with exception: /, '').replace(/^Required \w+ gatherer encountered an error: /, '');
      if (!lhErrors.has(message)) lhErrors.set(message, { ids: new Set(), pages: new Set() });
      lhErrors.get(message).ids.add(id);
      lhErrors.get(message).pages.add(page);
    }
  };
  const score = (lhr, id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  console.log(
    `\nLighthouse ${results[0].lhr.lighthouseVersion}, mobile, simulated throttling, ` +
      `${RUNS === 1 ? '1 run' : `${RUNS} runs (scores: median run; LCP: median; CLS: worst; TBT: fastest)`} per page; Chromium ${results[0].lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}; ` +
      `CPU benchmark index ${results.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join('/')}`,
  );
  console.log(`${pad('page', 34)}${padL('perf', 6)}${padL('a11y', 6)}${padL('BP', 6)}${padL('SEO', 6)}${padL('LCP s', 7)}${padL('CLS', 8)}${padL('TBT ms', 8)}${padL('median', 8)}  budget`);
  for (const { page, lhr, runs } of results) {
    const embed = page.startsWith('/embed/');
    const s = {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      'best-practices': score(lhr, 'best-practices'),
      seo: embed ? null : score(lhr, 'seo'),
    };
    const numeric = (r, id) => r.audits[id]?.numericValue ?? NaN;
    const cls = Math.max(...runs.map((r) => numeric(r, 'cumulative-layout-shift')));
    const tbt = Math.min(...runs.map((r) => numeric(r, 'total-blocking-time')));
    const tbtMedian = numeric(lhr, 'total-blocking-time');
    const lcps = runs.map((r) => numeric(r, 'largest-contentful-paint')).sort((a, b) => a - b);
    const lcp = lcps.length % 2 ? lcps[(lcps.length - 1) / 2] : (lcps[lcps.length / 2 - 1] + lcps[lcps.length / 2]) / 2;
    const over = [];
    const failedCategories = [];
    for (const [id, value] of Object.entries(s)) {
      if (id === 'seo' && embed) continue;
      const min = LH_BUDGET[id];
      if (value === null || value < min) {
        over.push(`${id} ${value ?? 'error'} < ${min}`);
        failedCategories.push(id);
      }
    }
    if (!(cls < LH_BUDGET.cls)) over.push(`CLS ${cls.toFixed(3)} > 0`);
    if (!(tbt <= LH_BUDGET.tbt)) over.push(`TBT ${Math.round(tbt)} ms > ${LH_BUDGET.tbt} ms`);
    if (!(lcp <= LH_BUDGET.lcp(page))) over.push(`LCP ${(lcp / 1000).toFixed(2)} s > ${LH_BUDGET.lcp(page) / 1000} s`);
    if (over.length) ok = false;
    const fmt = (v) => (v === null ? 'n/a' : v);
    console.log(
      `${pad(page, 34)}${padL(fmt(s.performance), 6)}${padL(fmt(s.accessibility), 6)}${padL(fmt(s['best-practices']), 6)}` +
        `${padL(fmt(s.seo), 6)}${padL((lcp / 1000).toFixed(2), 7)}${padL(cls.toFixed(3), 8)}${padL(Math.round(tbt), 8)}${padL(Math.round(tbtMedian), 8)}  ${over.join('; ') || 'ok'}`,
    );
    noteErrors(page, lhr);
    const ids = failedCategories.flatMap((id) => failingAudits(lhr, id).map((ref) => [ref.id, id, ref.weight]));
    if (!(cls < LH_BUDGET.cls)) ids.push(['layout-shifts']);
    if (!(tbt <= LH_BUDGET.tbt)) ids.push(['long-tasks'], ['bootup-time']);
    if (!(lcp <= LH_BUDGET.lcp(page))) ids.push(['largest-contentful-paint-element'], ['network-requests']);
    const listed = new Set();
    for (const [id, categoryId, weight] of ids) {
      if (listed.has(id)) continue;
      listed.add(id);
      details.push(...auditLines(page, lhr, id, categoryId, weight));
    }
    for (const warning of lhr.runWarnings ?? []) details.push(`  ${page} Lighthouse warning: ${warning}`);
  }
  console.log(`Lighthouse time: ${seconds.toFixed(1)} s (server start, Chromium, ${results.length * RUNS} runs)`);
  if (results.some((r) => r.lhr.environment.benchmarkIndex < 1000)) {
    console.warn('bench: CPU benchmark index below 1000 (Lighthouse calls that a slow host): ' +
      `performance and TBT read pessimistic; rerun on a quieter machine${RUNS === 1 ? ' or with --runs 3' : ''}`);
  }
  if (details.length) console.log(`\nfailing audits:\n${details.join('\n')}`);
  for (const [message, { ids, pages }] of lhErrors) {
    console.log(`\nLighthouse could not compute ${[...ids].join(', ')} on ${pages.size} page(s) (not scored here): ${message}`);
  }
  return ok;
}

/** The audit references of a category that fail (score < 1) or could not be computed. */
function failingAudits(lhr, categoryId) {
  const refs = [];
  for (const ref of lhr.categories[categoryId]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || ['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) continue;
    if (audit.scoreDisplayMode === 'error' && ref.weight === 0) continue; // listed apart, see lhErrors
    if (audit.scoreDisplayMode !== 'error' && !(audit.score !== null && audit.score < 1)) continue;
    refs.push(ref);
  }
  return refs;
}

/** An audit's title, score and value, then a few of its offending elements or URLs. */
function auditLines(page, lhr, id, categoryId, weight) {
  const audit = lhr.audits[id];
  if (!audit) return [];
  const scoreText = audit.scoreDisplayMode === 'error' ? `error: ${audit.errorMessage}` : `score ${audit.score ?? 'n/a'}`;
  const head =
    `  ${page} ${categoryId ? `[${categoryId}] ` : ''}${id}: ${audit.title} (${scoreText}` +
    `${audit.displayValue ? `, ${audit.displayValue}` : ''}${weight === 0 ? ', weight 0' : ''})`;
  const items = (audit.details?.items ?? []).flatMap((item) => [item, ...(item.subItems?.items ?? [])]);
  const described = [...new Set(items.map(describeItem).filter(Boolean))];
  return [head, ...described.slice(0, 5).map((d) => `      ${d}`), ...(described.length > 5 ? [`      … ${described.length - 5} more`] : [])];
}

/** One table row of an audit as text: its element (selector and snippet), URL or source line. */
function describeItem(item) {
  const node = item.node ?? (item.type === 'node' ? item : null);
  if (node?.snippet || node?.selector) {
    const snippet = (node.snippet ?? '').replace(/\s+/g, ' ').slice(0, 140);
    return `${node.selector ?? ''} ${snippet}`.trim() + (item.explanation ? `: ${String(item.explanation).split('\n')[0]}` : '');
  }
  const url = item.url ?? item.source?.url ?? (typeof item.source === 'string' ? item.source : null);
  const ms = item.duration ?? item.total ?? item.wastedMs;
  if (url) {
    return `${url}${item.source?.line != null ? `:${item.source.line + 1}` : ''}` +
      `${typeof ms === 'number' ? ` ${Math.round(ms)} ms` : ''}${item.startTime != null ? ` at ${Math.round(item.startTime)} ms` : ''}` +
      `${item.description ? ` ${item.description}` : ''}`;
  }
  if (item.description) return String(item.description);
  return null;
}

/** Starts `astro preview` on dist/ and resolves once it answers. stop() kills its process group. */
async function startPreview() {
  const base = process.env.BASE_PATH || '/';
  if (await fetch(`${ORIGIN}${base}`).then(() => true, () => false)) {
    throw new Error(`something already answers on ${ORIGIN}; stop it or set BENCH_PORT`);
  }
  const child = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group: npx, node and astro go together
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  let exited = false;
  child.on('exit', () => (exited = true));
  const kill = (signal) => {
    if (exited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  // Whatever happens next (an exception, Ctrl-C), the server does not outlive the bench.
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);
  const onSignal = (signal) => {
    kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    kill('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    kill('SIGKILL');
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${ORIGIN}${base}`);
      if (res.ok) return { stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`astro preview did not answer on ${ORIGIN} within 30 s${stderr ? `:\n${stderr}` : ''}`);
}

// Last, once every constant above is defined.
if (LIGHTHOUSE) {
  try {
    if (!(await runLighthouse())) failed = true;
  } catch (err) {
    console.error(`bench: Lighthouse did not run: ${err?.stack ?? err}`);
    process.exit(2);
  }
}
console.log(`\nbench time: ${((performance.now() - benchStart) / 1000).toFixed(1)} s`);
if (failed) {
  console.error('bench: over budget');
  process.exit(1);
}
