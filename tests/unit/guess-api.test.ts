/**
 * The GUESS_API build setting (src/integrations/guess-api.ts) and the crowd panel's sentences
 * (src/components/crowd/crowd.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { connectSrc, guessApi, guessApiOrigin, guessApiPath } from '../../src/integrations/guess-api';
import { CROWD_UNAVAILABLE, crowdDescription, crowdFew, crowdGap, crowdHeading } from '../../src/components/crowd/crowd';

describe('GUESS_API', () => {
  test('unset or empty: off', () => {
    expect(guessApi(undefined)).toBe('');
    expect(guessApi('')).toBe('');
  });
  test.each(['/api/', '/guesses/v1/', 'https://guesses.example.org/api/', 'http://127.0.0.1:4321/api/', 'https://example.org/'])('%s is taken', (v) => {
    expect(guessApi(v)).toBe(v);
  });
  test.each(['/api', 'api/', 'https://example.org/api', '//example.org/api/', 'ftp://example.org/api/', 'https://user:pw@example.org/api/', 'https://example.org/api/?x=1', '/api/../', 'javascript:alert(1)/', ' /api/'])(
    '%s stops the build, naming GUESS_API',
    (v) => {
      expect(() => guessApi(v)).toThrow(/^GUESS_API: /);
    },
  );
  test("connect-src: 'self' for a path; the service's origin added, exactly, for an absolute URL", () => {
    expect(connectSrc('')).toBe("connect-src 'self'");
    expect(connectSrc('/api/')).toBe("connect-src 'self'");
    expect(guessApiOrigin('/api/')).toBeNull();
    expect(connectSrc('https://guesses.example.org:8443/api/')).toBe("connect-src 'self' https://guesses.example.org:8443");
  });
});

describe("the crowd panel's words", () => {
  test('the heading: singular, plural, thousands, and before the answer', () => {
    expect(crowdHeading(null)).toBe('How readers guessed');
    expect(crowdHeading(1)).toBe('How 1 reader guessed');
    expect(crowdHeading(0)).toBe('How 0 readers guessed');
    expect(crowdHeading(1234)).toBe('How 1,234 readers guessed');
  });
  test('the gap between the crowd\'s middle guess and the published figure, with no causal word', () => {
    expect(crowdGap(60, 88)).toBe("Half of readers guessed 60% or less; the published figure is 88%: the crowd's middle guess is 28 points lower.");
    expect(crowdGap(89, 88)).toBe("Half of readers guessed 89% or less; the published figure is 88%: the crowd's middle guess is 1 point higher.");
    expect(crowdGap(57.5, 67)).toBe("Half of readers guessed 57.5% or less; the published figure is 67%: the crowd's middle guess is 9.5 points lower.");
    expect(crowdGap(88, 88)).toBe("Half of readers guessed 88% or less; the published figure is 88%: the crowd's middle guess is the same.");
    expect(crowdFew(3)).toBe('Too few readers have guessed yet to show their spread (3 so far).');
  });
  test('the description names the most common bins and the marks', () => {
    const bins = Array.from({ length: 20 }, (_, i) => (i === 11 || i === 12 ? 10 : 1));
    expect(crowdDescription(bins, 88, null)).toBe(
      "A histogram of readers' guesses in 20 bins of 5 points from 0% to 100%. The most common guesses were 55–60%, 60–65% (10 readers each). A line marks the published figure, 88%.",
    );
    expect(crowdDescription(bins, 88, 40)).toContain('Lines mark the published figure, 88%, and your guess, 40%.');
  });
  test("the widget's own quiet line, for when the crowd's code cannot load, is the panel's", () => {
    expect(readFileSync('src/components/guess-first.ts', 'utf8')).toContain(`line.textContent = ${JSON.stringify(CROWD_UNAVAILABLE)};`);
  });
});

describe('GUESS_API for nginx', () => {
  test('a path on this origin is proxied; an absolute address or no setting is not', () => {
    expect(guessApiPath('/api/')).toBe('/api/');
    expect(guessApiPath('https://guesses.example.org/api/')).toBeNull();
    expect(guessApiPath('')).toBeNull();
  });
});
