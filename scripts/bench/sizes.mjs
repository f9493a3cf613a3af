/**
 * Size accounting: for every HTML page in dist/, the bytes of its HTML, CSS and JavaScript (raw and
 * gzip), counting every script the page can load (module scripts, island components and renderers,
 * and their static imports, each file once); the woff2 files it loads (preloaded, or named by an
 * @font-face of its CSS whose unicode-range its text uses), raw since woff2 is compressed already;
 * and the page's total transfer: HTML, CSS and JS gzip plus fonts. Bytes do not depend on the
 * machine: these are hard budgets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ON_DEMAND, SIZE_BUDGET } from './budgets.mjs';
import { KB, k, pad, padL } from './format.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
/** The on-demand entry of "How readers guessed" (its chunk's name). */
export const CROWD = 'Crowd';
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** A CSS unicode-range value as [from, to] pairs. */
const parseRange = (value) =>
  value.split(',').map((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'F'), 16)];
    const [lo, hi = lo] = p.split('-');
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });

/**
 * Measures every page of dist/. Returns { rows, onDemand, distTotal, failed }: a row per page
 * (bytes and its budget status), the on-demand entries (name → the files they add), the size of
 * dist/ without the precompressed copies, and whether any size budget failed.
 * Exits 2 when the build is inconsistent (an island missing from the loader's table).
 */
/**
 * The code of a page's inline scripts. A data block (application/json, ld+json) is not code: it is
 * told by its own tag, never by what a script says (the island loader's code names
 * type="application/json", and the loader was once left out of every page's count for it).
 */
export function inlineCode(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]))
    .map((m) => m[2]);
}

/**
 * Whether a page's HTML has an island: an element whose opening tag carries a data-island attribute
 * (`<div class="island" data-island="Name">`, components/Island.astro). Text inside a script or a
 * comment is not an element (the loader's code names `[data-island]`), and `data-island-props`, the
 * props' data block, is another attribute.
 */
export function hasIsland(html) {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  return /<[A-Za-z][\w-]*\s(?:[^<>]*\s)?data-island\s*=/.test(markup);
}

export function measureSizes(DIST) {
  const fileFor = (url, page) => {
    const clean = url.split(/[?#]/)[0];
    const base = process.env.BASE_PATH ?? '/';
    const rel = clean.startsWith(base) ? clean.slice(base.length) : clean.replace(/^\//, '');
    return clean.startsWith('/') ? join(DIST, rel) : join(dirname(page), clean);
  };

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

  /** A JS file and everything it imports statically, each file once. */
  function jsClosure(file, seen) {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s*(?:[^'"`(]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      jsClosure(join(dirname(file), m[1]), seen);
  }
  /**
   * What a JS file imports dynamically, `import("./x.js")` or `import(new URL("x.js", import.meta.url).href)`
   * (the crowd's chunk, src/integrations/guess-api.ts): fetched only when its code asks.
   */
  const dynamicImports = (file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /import\(\s*(?:"(\.{1,2}\/[^"]+\.js)"|new URL\("([^"/]+\.js)",import\.meta\.url\))/g,
      ),
    ].map((m) => join(dirname(file), m[1] ?? m[2]));

  /**
   * The island loader's table as built (src/lib/islands.ts): island name → its chunk, from
   * `"../charts/<id>/island.ts":()=>import("./island.hash.js")` and `Name:()=>import("./Name.hash.js")`.
   */
  function islandChunks(loader) {
    const table = new Map();
    const code = readFileSync(loader, 'utf8');
    for (const m of code.matchAll(
      /(?:"\.\.\/charts\/([\w-]+)\/island\.ts"|([A-Za-z]+)):\(\)=>import\("([^"]+\.js)"\)/g,
    )) {
      table.set(m[1] ?? m[2], join(dirname(loader), m[3]));
    }
    return table;
  }
  /** The loader: the one script that reads islands' props blocks. */
  const isLoader = (file) => readFileSync(file, 'utf8').includes('data-island-props');
  /** An on-demand chunk's name: its file name before the hash ("explore", "Crowd"). */
  const stem = (file) => file.split('/').at(-1).split('.')[0];

  const rows = [];
  const onDemand = new Map();
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
    // Each island on the page: its chunk from the loader's table, what it imports, and the runtime
    // the loader fetches to hydrate it (the loader's other dynamic imports).
    const islands = [...new Set([...text.matchAll(/\sdata-island="([A-Za-z][\w-]*)"/g)].map((m) => m[1]))];
    const loader = [...files].find(isLoader);
    const table = loader ? islandChunks(loader) : new Map();
    if (islands.length && !loader) {
      console.error(`bench: ${relative(DIST, page)}: islands but no island loader`);
      process.exit(2);
    }
    for (const island of islands) {
      if (!table.has(island)) {
        console.error(`bench: ${relative(DIST, page)}: island "${island}" is not in the loader's table`);
        process.exit(2);
      }
      jsClosure(table.get(island), files);
    }
    const tableChunks = new Set(table.values());
    if (islands.length) for (const f of dynamicImports(loader)) if (!tableChunks.has(f)) jsClosure(f, files);
    // Everything else imported dynamically is fetched when a reader asks (the explorer on a chart's
    // first focus, the crowd after a reveal): counted once, as what it adds to the page.
    for (const f of [...files]) {
      for (const d of dynamicImports(f)) {
        if (tableChunks.has(d) || files.has(d) || onDemand.has(stem(d))) continue;
        if (f === loader) continue;
        const extra = new Set();
        jsClosure(d, extra);
        onDemand.set(
          stem(d),
          [...extra].filter((x) => !files.has(x)),
        );
      }
    }
    const js = { raw: 0, gz: 0 };
    for (const f of files) {
      const b = readFileSync(f);
      js.raw += b.length;
      js.gz += gz(b);
    }
    for (const code of inlineCode(text)) {
      js.raw += Buffer.byteLength(code);
      js.gz += gz(Buffer.from(code));
    }
    const totalTransfer = gz(html) + css.gz + js.gz + fonts;
    const over = [];
    const jsBudget = SIZE_BUDGET.js(name, { island: hasIsland(text) });
    if (js.gz > jsBudget) over.push(`JS over ${jsBudget / KB} KB`);
    if (css.gz > SIZE_BUDGET.css(name)) over.push(`CSS over ${SIZE_BUDGET.css(name) / KB} KB`);
    if (totalTransfer > SIZE_BUDGET.total(name)) over.push(`total over ${SIZE_BUDGET.total(name) / KB} KB`);
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
  for (const entry of ON_DEMAND) {
    if (!onDemand.has(entry)) {
      console.error(`bench: the on-demand "${entry}" is imported by no page's code`);
      process.exit(2);
    }
  }
  // The .gz copies the build writes for nginx (gzip_static) are another form of files counted already.
  const distTotal = walk(DIST)
    .filter((f) => !f.endsWith('.gz'))
    .reduce((n, f) => n + statSync(f).size, 0);
  return { rows, onDemand, distTotal, failed };
}

/** Prints the size table and the on-demand lines. Returns false when an on-demand entry is over budget. */
export function printSizes({ rows, onDemand, distTotal }) {
  let ok = true;
  console.log(
    `${pad('page', 34)}${padL('HTML raw/gz KB', 16)}${padL('CSS raw/gz KB', 16)}${padL('JS raw/gz KB', 16)}${padL('fonts KB', 10)}${padL('total KB', 10)}  budget`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.page, 34)}${padL(`${k(r.html[0])}/${k(r.html[1])}`, 16)}${padL(`${k(r.css[0])}/${k(r.css[1])}`, 16)}${padL(`${k(r.js[0])}/${k(r.js[1])}`, 16)}` +
        `${padL(k(r.fonts), 10)}${padL(k(r.total), 10)}  ${r.status}`,
    );
  }
  const jsKB = (page, island = false) => `${SIZE_BUDGET.js(page, { island }) / KB} KB`;
  console.log(
    `JS (gzip): an embed without an island at most ${jsKB('embed/', false)}, with one ${jsKB('embed/', true)}; ` +
      `/ and present/ ${jsKB('/')}; /check/ ${jsKB('check/')}; any other page ${jsKB('data/')}`,
  );
  console.log(
    'total: what a first visit transfers, HTML + CSS + JS gzip and fonts (woff2, raw); embeds: at most 70 KB',
  );
  const entries = [
    ...ON_DEMAND.map((name) => [name, "loaded on a chart's first focus or Listen", SIZE_BUDGET.onDemand]),
    // Only in a build with GUESS_API.
    ...(onDemand.has(CROWD) ? [[CROWD, 'how readers guessed, loaded after a reveal', SIZE_BUDGET.crowd]] : []),
  ];
  for (const [name, when, budget] of entries) {
    const extra = onDemand.get(name);
    const raw = extra.reduce((n, f) => n + statSync(f).size, 0);
    const gzip = extra.reduce((n, f) => n + gz(readFileSync(f)), 0);
    const within = gzip <= budget;
    if (!within) ok = false;
    console.log(`on demand, ${name} (${when}): ${k(raw)}/${k(gzip)} KB raw/gzip in ${extra.length} file(s)  ` + (within ? 'ok' : `over ${budget / KB} KB`));
  }
  console.log(`\npages: ${rows.length}   dist/ total: ${k(distTotal)} KB (without the precompressed .gz copies)`);
  return ok;
}
