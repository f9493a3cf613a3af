/**
 * Writes dist/_headers from public/_headers: each page's Content-Security-Policy (its <meta> policy
 * plus frame-ancestors) as a header, every path under the deploy base (BASE_PATH).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metaPolicy, pagePath, parseHeaders, rebase, withPagePolicies, type PagePolicy } from '../lib/headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

export function headersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const path = join(root, '_headers');
        const pages: PagePolicy[] = htmlFiles(root).map((file) => {
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          if (!policy) throw new Error(`${relative(root, file)}: no Content-Security-Policy <meta>`);
          return { path: pagePath(relative(root, file)), policy };
        });
        const text = rebase(withPagePolicies(readFileSync(path, 'utf8'), pages), base);
        parseHeaders(text); // fail the build on a malformed file
        writeFileSync(path, text);
        logger.info(`_headers written for base ${base}, with the policies of ${pages.length} pages`);
      },
    },
  };
}
