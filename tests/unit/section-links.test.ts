import { describe, expect, test } from 'vitest';
import { sectionUrl } from '../../src/lib/section-links';

describe('section links', () => {
  test('carry the cohort and the section', () => {
    expect(sectionUrl('https://x.test/story/', 'freelancers', 'trust')).toBe('https://x.test/story/?cohort=freelancers#trust');
    expect(sectionUrl('https://x.test/?cohort=all#burnout', 'freelancers', 'trust')).toBe('https://x.test/?cohort=freelancers#trust');
  });
  test('drop the query for the default cohort and keep other parameters', () => {
    expect(sectionUrl('https://x.test/?cohort=freelancers&utm=a#x', 'full-time', 'methodology')).toBe('https://x.test/?utm=a#methodology');
  });
});
