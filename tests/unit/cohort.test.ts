import { describe, expect, test } from 'vitest';
import { cohortFromSearch, DEFAULT_COHORT, parseCohort, urlWithCohort } from '../../src/lib/cohort-url';

describe('cohort URL state', () => {
  test.each([
    ['full-time', 'full-time'],
    ['freelancers', 'freelancers'],
    ['all', 'all'],
  ])('accepts %s', (input, expected) => expect(parseCohort(input)).toBe(expected));

  test.each([
    null,
    undefined,
    '',
    'Freelancers',
    'freelancers ',
    '__proto__',
    'constructor',
    'toString',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'full-time;freelancers',
    'x'.repeat(10_000),
  ])('falls back to the default for %j', (input) => {
    expect(parseCohort(input)).toBe(DEFAULT_COHORT);
  });

  test('reads ?cohort= from a query string, tolerating junk', () => {
    expect(cohortFromSearch('?cohort=freelancers')).toBe('freelancers');
    expect(cohortFromSearch('?cohort=freelancers&cohort=all')).toBe('freelancers');
    expect(cohortFromSearch('?cohort=%E0%A4%A')).toBe(DEFAULT_COHORT);
    expect(cohortFromSearch('?cohort=%3Cb%3E')).toBe(DEFAULT_COHORT);
    expect(cohortFromSearch('')).toBe(DEFAULT_COHORT);
  });

  test('writes the cohort into the URL, keeping the rest, and drops it for the default', () => {
    expect(urlWithCohort('https://x.test/base/?a=1#trust', 'freelancers')).toBe('https://x.test/base/?a=1&cohort=freelancers#trust');
    expect(urlWithCohort('https://x.test/?cohort=freelancers#trust', 'full-time')).toBe('https://x.test/#trust');
    expect(urlWithCohort('https://x.test/?cohort=evil', 'all')).toBe('https://x.test/?cohort=all');
  });
});
