/**
 * The Lighthouse report: one row per page (the reference page first), then each embed's LCP ÷ the
 * text-only page's (the reference) with its gate, the audits behind anything over budget,
 * Lighthouse's own errors and warnings. Returns whether every gate held.
 */
import { cpus, loadavg } from 'node:os';
import { judgePage, LH_BUDGET, longestTask, LONG_TASK_FLOOR, mainThreadTime } from './budgets.mjs';
import { median, pad, padL } from './format.mjs';

/** Wide enough for the longest page, /embed/relative-vs-absolute/, and a space. */
const PAGE_WIDTH = 30;

/** Warns when the machine is busier than it has cores: timings will read worse. */
export function warnIfBusy() {
  const load = loadavg()[0];
  if (load > cpus().length) {
    console.warn(`bench: load average ${load.toFixed(1)} on ${cpus().length} cores; ` +
      'timings (performance, TBT, longest task) will read worse than on an idle machine (the ratio gates divide it out)');
  }
}

/** Prints the Lighthouse results of runLighthouse; returns true when every gate held. */
export function reportLighthouse({ reference, pages, seconds }, runs) {
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
  const all = [reference, ...pages];
  console.log(
    `\nLighthouse ${reference.lhr.lighthouseVersion}, mobile, simulated throttling, ` +
      `${runs === 1 ? '1 run' : `${runs} rounds (scores: median run; LCP, longest task and ratios: median; CLS: worst; TBT: fastest)`} per page, ` +
      `each round the reference page ${reference.page} first; Chromium ${reference.lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}; ` +
      `CPU benchmark index ${all.map((r) => Math.round(median(r.runs.map((lhr) => lhr.environment.benchmarkIndex)))).join('/')}`,
  );
  console.log(
    `${pad('page', PAGE_WIDTH)}${padL('perf', 5)}${padL('a11y', 5)}${padL('BP', 5)}${padL('SEO', 5)}${padL('LCP s', 7)}${padL('×ref', 6)}` +
      `${padL('CLS', 7)}${padL('TBT ms', 8)}${padL('median', 7)}${padL('longest ms', 11)}${padL('÷ref', 6)}  budget`,
  );
  const refLongest = median(reference.runs.map(longestTask));
  const refLcp = median(reference.runs.map((r) => r.audits['largest-contentful-paint']?.numericValue ?? NaN));
  const refTbt = reference.runs.map((r) => r.audits['total-blocking-time']?.numericValue ?? NaN);
  const fmt = (v) => (v === null ? 'n/a' : v);
  const ms = (v) => (v <= LONG_TASK_FLOOR ? `<${LONG_TASK_FLOOR}` : Math.round(v));
  console.log(
    `${pad(`${reference.page} (reference)`, PAGE_WIDTH)}${padL(fmt(score(reference.lhr, 'performance')), 5)}${padL('', 15)}` +
      `${padL((refLcp / 1000).toFixed(2), 7)}${padL('1', 6)}${padL('', 7)}${padL(Math.round(Math.min(...refTbt)), 8)}${padL(Math.round(median(refTbt)), 7)}` +
      `${padL(ms(refLongest), 11)}${padL('', 6)}  not judged; main-thread time ${Math.round(median(reference.runs.map(mainThreadTime)))} ms`,
  );
  noteErrors(reference.page, reference.lhr);
  /** Each embed's LCP ratio, printed under the table with its gate. */
  const lcpLines = [];
  for (const { page, lhr, runs: pageRuns } of pages) {
    const { figures: f, over, failedCategories, audits } = judgePage({ page, lhr, runs: pageRuns, refRuns: reference.runs });
    if (over.length) ok = false;
    if (Number.isFinite(LH_BUDGET.lcp(page))) {
      const within = f.lcpRatio <= LH_BUDGET.lcp(page);
      lcpLines.push(
        `${pad(page, PAGE_WIDTH)}LCP ÷ text-only page (${reference.page}) ${f.lcpRatio.toFixed(2)}` +
          `${runs > 1 ? ` (median; rounds ${f.lcpRatios.map((r) => r.toFixed(2)).join('/')})` : ''}` +
          `  budget ≤ ${LH_BUDGET.lcp(page)}: ${within ? 'ok' : 'over'}`,
      );
    }
    const lcpRatio = Number.isFinite(LH_BUDGET.lcp(page)) ? `${f.lcpRatio.toFixed(2)}` : '';
    console.log(
      `${pad(page, PAGE_WIDTH)}${padL(fmt(f.scores.performance), 5)}${padL(fmt(f.scores.accessibility), 5)}${padL(fmt(f.scores['best-practices']), 5)}` +
        `${padL(fmt(f.scores.seo), 5)}${padL((f.lcp / 1000).toFixed(2), 7)}${padL(lcpRatio, 6)}${padL(f.cls.toFixed(3), 7)}` +
        `${padL(Math.round(f.tbt), 8)}${padL(Math.round(f.tbtMedian), 7)}${padL(ms(f.longest), 11)}${padL(f.taskRatio.toFixed(2), 6)}  ${over.join('; ') || 'ok'}`,
    );
    noteErrors(page, lhr);
    const ids = failedCategories.flatMap((id) => failingAudits(lhr, id).map((ref) => [ref.id, id, ref.weight]));
    for (const id of audits) ids.push([id]);
    const listed = new Set();
    for (const [id, categoryId, weight] of ids) {
      if (listed.has(id)) continue;
      listed.add(id);
      details.push(...auditLines(page, lhr, id, categoryId, weight));
    }
    for (const warning of lhr.runWarnings ?? []) details.push(`  ${page} Lighthouse warning: ${warning}`);
  }
  for (const line of lcpLines) console.log(line);
  console.log(
    'gates: a11y, BP, SEO scores; CLS; longest task ÷ the reference\'s main-thread time (≤ ' +
      pages.map((p) => `${LH_BUDGET.longestTask(p.page)} ${p.page}`).join(', ') +
      `); each embed's LCP ÷ text-only page (the reference, ×ref; ≤ ${LH_BUDGET.lcp('/embed/')}). Reported only: perf, TBT, LCP s, longest ms.`,
  );
  if (runs > 1) {
    console.log(`longest task per round (ms): ${all.map((r) => `${r.page} ${r.runs.map((lhr) => ms(longestTask(lhr))).join('/')}`).join('; ')}`);
    console.log(`reference main-thread time per round (ms): ${reference.runs.map((lhr) => Math.round(mainThreadTime(lhr))).join('/')}`);
  }
  console.log(`Lighthouse time: ${seconds.toFixed(1)} s (server start, Chromium, ${all.length * runs} runs)`);
  if (all.some((r) => r.lhr.environment.benchmarkIndex < 1000)) {
    console.warn('bench: CPU benchmark index below 1000 (Lighthouse calls that a slow host): ' +
      `performance, TBT and longest task read pessimistic (the ratio gates divide it out)${runs === 1 ? '; --runs 3 or more steadies the ratios' : ''}`);
  }
  if (details.length) console.log(`\nfailing audits:\n${details.join('\n')}`);
  for (const [message, { ids, pages: on }] of lhErrors) {
    console.log(`\nLighthouse could not compute ${[...ids].join(', ')} on ${on.size} page(s) (not scored here): ${message}`);
  }
  return ok;
}

const score = (lhr, id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));

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
  if (item.group) return `${item.groupLabel ?? item.group} ${Math.round(item.duration)} ms`;
  return null;
}
