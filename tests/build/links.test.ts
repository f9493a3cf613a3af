/**
 * The link checker of tests/build/links.ts on tiny inline sites: a clean site passes, and each kind
 * of fault (a missing page, a missing anchor, a missing download, a missing srcset image, a page
 * link without its trailing slash, a link out of the base) is reported with its page and place.
 */
import { describe, expect, test } from 'vitest';
import { checkLinks, extractIds, extractLinks, formatProblem, type LinkOptions } from './links';

const OPTS: LinkOptions = { base: '/', origin: 'http://127.0.0.1:4321' };

const DATA = `<!doctype html><html><body>
<h1 id="top-figures">Figures</h1>
<table><tr id="burnout-share"><td>88%</td></tr></table>
<a name="legacy"></a>
<a href="figures.csv" download>CSV</a>
</body></html>`;

const GOOD = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/site.css">
<link rel="canonical" href="http://127.0.0.1:4321/">
<meta property="og:image" content="http://127.0.0.1:4321/images/chart.png">
</head><body>
<a href="#intro">Skip</a>
<section id="intro"><p>Read the <a href="/data/#burnout-share">figure</a> or the <a href="data/#legacy">old anchor</a>.</p></section>
<img src="/images/chart.png" srcset="/images/chart.png 1x, images/chart@2x.png 2x" alt="">
<video poster="/images/chart.png"></video>
<a href="/data/figures.csv" download>CSV</a>
<a href="/data/?cohort=freelancers&amp;view=all#burnout-share">Freelancers</a>
<a href="https://example.org/report">Report</a> <a href="mailto:someone@example.org">Mail</a>
<script>const broken = '<a href="/nowhere/">';</script>
<!-- <a href="/also-nowhere/"> -->
<textarea><iframe src="/not-a-link/"></iframe></textarea>
</body></html>`;

const FILES = ['index.html', 'data/index.html', 'data/figures.csv', '_astro/site.css', 'images/chart.png', 'images/chart@2x.png'];

/** The site with `index.html` replaced by the good page plus `extra` markup before </body>. */
function siteWith(extra: string, files = FILES) {
  return { files, pages: new Map([['index.html', GOOD.replace('</body>', `${extra}\n</body>`)], ['data/index.html', DATA]]) };
}

describe('checkLinks', () => {
  test('a clean site: no problems, internal and external links told apart, script/comment/textarea text ignored', () => {
    const result = checkLinks(siteWith(''), OPTS);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.external.map((l) => l.url)).toEqual(['https://example.org/report']);
    const urls = result.internal.map((l) => l.url);
    expect(urls).toContain('http://127.0.0.1:4321/');
    expect(urls).toContain('images/chart@2x.png');
    expect(urls).toContain('/data/?cohort=freelancers&view=all#burnout-share');
    expect(urls).toContain('figures.csv');
    expect(urls.some((u) => /nowhere|not-a-link/.test(u))).toBe(false);
    // index.html: css, canonical, og:image, #intro, 2 data links, img src + 2 srcset, poster, csv, query link.
    expect(result.internal.filter((l) => l.page === 'index.html')).toHaveLength(12);
  });

  test('a link to a page that does not exist', () => {
    const { problems } = checkLinks(siteWith('<a href="/charts/">Charts</a>'), OPTS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ page: 'index.html', tag: 'a', attr: 'href', url: '/charts/', reason: 'no file charts/index.html' });
  });

  test('a fragment with no such id, on the same page and on another page', () => {
    const { problems } = checkLinks(siteWith('<a href="#outro">Out</a> <a href="/data/#burnout-shares">Typo</a>'), OPTS);
    expect(problems.map((p) => p.reason)).toEqual(['no id "outro" in index.html', 'no id "burnout-shares" in data/index.html']);
  });

  test('a missing download, relative or absolute on the site origin', () => {
    const files = FILES.filter((f) => f !== 'data/figures.csv');
    const { problems } = checkLinks(siteWith('', files), OPTS);
    expect(problems.map((p) => `${p.page} ${p.url}: ${p.reason}`)).toEqual([
      'index.html /data/figures.csv: no file data/figures.csv',
      'data/index.html figures.csv: no file data/figures.csv',
    ]);
    const abs = checkLinks(siteWith('<a href="http://127.0.0.1:4321/data/figures.json">JSON</a>'), OPTS).problems;
    expect(abs.map((p) => p.reason)).toEqual(['no file data/figures.json']);
  });

  test('a missing image in a srcset, a poster, a stylesheet', () => {
    const extra = '<img src="/images/chart.png" srcset="/images/chart.png 1x, /images/chart@3x.png 3x" alt=""><video poster="/images/p.png"></video><link rel="stylesheet" href="/_astro/gone.css">';
    const { problems } = checkLinks(siteWith(extra), OPTS);
    expect(problems.map((p) => `${p.attr} ${p.url}`)).toEqual(['srcset /images/chart@3x.png', 'poster /images/p.png', 'href /_astro/gone.css']);
  });

  test('a page link without its trailing slash', () => {
    const { problems } = checkLinks(siteWith('<a href="/data">Data</a>'), OPTS);
    expect(problems.map((p) => p.reason)).toEqual(['no trailing slash: the page is data/index.html']);
  });

  test('the place of a problem: line and column of the attribute value', () => {
    const html = '<!doctype html>\n<p>\n  <a class="x" href="/gone/">x</a></p>';
    const [p] = checkLinks({ files: ['index.html'], pages: new Map([['index.html', html]]) }, OPTS).problems;
    expect(formatProblem(p!)).toBe('index.html:3:22 <a href="/gone/">: no file gone/index.html');
  });

  test('under a base path: links must stay under it; other origins are external', () => {
    const opts = { base: '/sub/', origin: 'https://news.example.org' };
    const pages = new Map([
      ['index.html', '<a href="/sub/data/#x">ok</a><a href="/data/">out</a><a href="https://news.example.org/sub/">home</a><a href="http://127.0.0.1:4321/">dev</a>'],
      ['data/index.html', '<p id="x">'],
    ]);
    const result = checkLinks({ files: ['index.html', 'data/index.html'], pages }, opts);
    expect(result.problems.map((p) => p.reason)).toEqual(['points outside the base /sub/: /data/']);
    expect(result.external.map((l) => l.url)).toEqual(['http://127.0.0.1:4321/']);
  });
});

describe('extractLinks and extractIds', () => {
  test('unquoted and single-quoted values, entities decoded, data-* URLs ignored', () => {
    const links = extractLinks('p.html', `<a href=/a/>a</a><a href='/b/?x=1&amp;y=2'>b</a><div data-href="/c/"></div>`);
    expect(links.map((l) => l.url)).toEqual(['/a/', '/b/?x=1&y=2']);
  });

  test('ids of every element and names of <a name>', () => {
    expect([...extractIds('<div id="a"><a name="b"></a><input name="c"><svg><g id="d"/></svg></div>')]).toEqual(['a', 'b', 'd']);
  });
});
