/** Writes dist/_headers from public/_headers with its paths under the deploy base (BASE_PATH). */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHeaders, rebase } from '../lib/headers';

export function headersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const path = fileURLToPath(new URL('_headers', dir));
        const text = rebase(readFileSync(path, 'utf8'), base);
        parseHeaders(text); // fail the build on a malformed file
        writeFileSync(path, text);
        logger.info(`_headers written for base ${base}`);
      },
    },
  };
}
