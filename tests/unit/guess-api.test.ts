/** The build setting GUESS_API (src/lib/guess-api.ts): what it accepts, and the message for what it does not. */
import { describe, expect, test } from 'vitest';
import { apiOrigin, apiPath, guessApi } from '../../src/lib/guess-api';

describe('GUESS_API', () => {
  test('unset or empty: no feature', () => {
    expect(guessApi(undefined)).toBeNull();
    expect(guessApi('')).toBeNull();
    expect(guessApi('  ')).toBeNull();
  });

  test('a path on this origin: proxied by nginx, covered by connect-src self', () => {
    expect(guessApi('/api/')).toBe('/api/');
    expect(guessApi('/ai-at-work/api/')).toBe('/ai-at-work/api/');
    expect(apiPath('/api/')).toBe('/api/');
    expect(apiOrigin('/api/')).toBeNull();
  });

  test('an absolute address: named in connect-src, not proxied', () => {
    expect(guessApi('https://guesses.example.org/api/')).toBe('https://guesses.example.org/api/');
    expect(apiOrigin('https://guesses.example.org/api/')).toBe('https://guesses.example.org');
    expect(apiPath('https://guesses.example.org/api/')).toBeNull();
  });

  test.each([
    ['/api', /a path must look like "\/api\/"/],
    ['/../api/', /a path must look like/],
    ['/a b/', /a path must look like/],
    ['api/', /neither a path like "\/api\/" nor an absolute http\(s\) address/],
    ['ftp://x.org/api/', /must be http or https, not ftp:/],
    ['https://x.org/api', /must end in "\/"/],
    ['https://u:p@x.org/api/', /no user, query or fragment/],
    ['https://x.org/api/?a=1', /no user, query or fragment/],
  ])('%s is refused, naming GUESS_API', (raw, message) => {
    expect(() => guessApi(raw)).toThrow(/^GUESS_API "/);
    expect(() => guessApi(raw)).toThrow(message);
  });
});
