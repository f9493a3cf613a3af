/**
 * The bench's Lighthouse pages and the embed LCP gate (scripts/bench/budgets.mjs), and how the report
 * (scripts/bench/report.mjs) prints each embed's LCP ÷ the text-only page's, on made-up results.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { judgePage, LH_BUDGET, LH_PAGES, REFERENCE } from '../../scripts/bench/budgets.mjs';
import { reportLighthouse } from '../../scripts/bench/report.mjs';

/** A Lighthouse result with what the bench reads: scores, LCP, CLS, TBT, tasks, main-thread time. */
const lhr = (lcp: number) => ({
  lighthouseVersion: '12.0.0',
  environment: { hostUserAgent: 'Chrome/130.0.0.0', benchmarkIndex: 1500 },
  categories: Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [id, { score: 1, auditRefs: [] }])),
  audits: {
    'largest-contentful-paint': { numericValue: lcp },
    'cumulative-layout-shift': { numericValue: 0 },
    'total-blocking-time': { numericValue: 0 },
    'long-tasks': { details: { items: [] } },
    'mainthread-work-breakdown': { numericValue: 500 },
  },
});
/** Three rounds of a page whose LCP is `ratios` times the reference's 1,000 ms, round by round. */
const result = (page: string, ratios: number[]) => {
  const runs = ratios.map((r) => lhr(1000 * r));
  return { page, runs, lhr: runs[1]! };
};
const reference = result(`/${REFERENCE}`, [1, 1, 1]);

afterEach(() => {
  vi.restoreAllMocks();
});

test('Lighthouse loads an embed with no control and the embed with one', () => {
  expect(LH_PAGES).toContain('embed/quit-twice/');
  expect(LH_PAGES).toContain('embed/relative-vs-absolute/');
  expect(LH_PAGES).not.toContain('embed/cohort-comparison/');
  expect(REFERENCE).toBe('404.html');
});

test("an embed's LCP may be at most 1.2× the text-only page's, the median of the rounds", () => {
  expect(LH_BUDGET.lcp('/embed/quit-twice/')).toBe(1.2);
  expect(LH_BUDGET.lcp('/')).toBe(Infinity);
  const judge = (page: string, ratios: number[]) => {
    const r = result(page, ratios);
    return judgePage({ page, lhr: r.lhr, runs: r.runs, refRuns: reference.runs });
  };
  const within = judge('/embed/quit-twice/', [1.5, 1.19, 1.1]);
  expect(within.figures.lcpRatio).toBeCloseTo(1.19);
  expect(within.over).toEqual([]);
  const over = judge('/embed/relative-vs-absolute/', [1.25, 1.1, 1.3]);
  expect(over.over).toEqual(['LCP ÷ text-only page 1.25 > 1.2']);
  expect(judge('/', [2, 2, 2]).over).toEqual([]);
});

test('the report prints each embed’s LCP ÷ text-only page, with its rounds and its gate', () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const ratios: Record<string, number[]> = { '/embed/quit-twice/': [0.9, 0.95, 1], '/embed/relative-vs-absolute/': [1.3, 1.1, 1.25] };
  const pages = LH_PAGES.map((p) => `/${p}`).map((page) => result(page, ratios[page] ?? [1.4, 1.4, 1.4]));
  const ok = reportLighthouse({ reference, pages, seconds: 60 }, 3);
  const ratioLines = lines.filter((l) => /^\S+ +LCP ÷ text-only page /.test(l));
  expect(ratioLines).toEqual([
    expect.stringMatching(/^\/embed\/quit-twice\/ +LCP ÷ text-only page \(\/404\.html\) 0\.95 \(median; rounds 0\.90\/0\.95\/1\.00\) +budget ≤ 1\.2: ok$/),
    expect.stringMatching(/^\/embed\/relative-vs-absolute\/ +LCP ÷ text-only page \(\/404\.html\) 1\.25 \(median; rounds 1\.30\/1\.10\/1\.25\) +budget ≤ 1\.2: over$/),
  ]);
  expect(ok).toBe(false);
});
