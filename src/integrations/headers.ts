/**
 * The files that tell a server how to serve dist/, written once the rest of the build is done:
 * - dist/_headers (Netlify, Cloudflare Pages) from public/_headers: each page's Content-Security-
 *   Policy (its <meta> policy plus frame-ancestors) as a header, every path under the deploy base;
 * - dist/_nginx/site.conf, an nginx server-block include with the same headers per path, plus the
 *   cache policy, compression and the 404 page (lib/nginx.ts);
 * - a .gz copy of every text file, for nginx's gzip_static (level 9, no name or time in it, and the
 *   original's modification time, so a build writes the same bytes every time).
 * Everything is made and checked in memory first: bad input stops the build with nothing written.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { metaPolicy, pagePath, parseHeaders, rebase, withPagePolicies, type PagePolicy } from '../lib/headers';
import { nginxConfig, PRECOMPRESS } from '../lib/nginx';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * Gives `to` the access and modification times of `from`. From the stat's milliseconds, in seconds:
 * the Date objects a stat gives are rounded to the nearest millisecond, so a time in the last half
 * millisecond of a second (x.9996 s) would pass to the next second, and Last-Modified with it.
 */
export function copyTimes(from: string, to: string): void {
  const { atimeMs, mtimeMs } = statSync(from);
  utimesSync(to, atimeMs / 1000, mtimeMs / 1000);
}

/** The gzip bytes of a file: deterministic (node writes no name and a zero time into the header). */
export const gzip = (buf: Buffer): Buffer => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION });

/**
 * `api`: the guess service's path on this origin (lib/guess-api.ts apiPath), proxied by the nginx include.
 * `pages`: pages only some builds have (class mode's /join/ and /class/, with GUESS_API), added to
 * public/_headers as pages only this site may frame, so a build without them names none of them.
 */
export function headersFile({ api = null, pages: only = [] }: { api?: string | null; pages?: readonly string[] } = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const path = join(root, '_headers');
        const files = filesUnder(root);
        const pages: PagePolicy[] = files
          .filter((f) => f.endsWith('.html'))
          .map((file) => {
            const policy = metaPolicy(readFileSync(file, 'utf8'));
            if (!policy) throw new Error(`${relative(root, file)}: no Content-Security-Policy <meta>`);
            return { path: pagePath(relative(root, file)), policy };
          });
        const own = only.map((p) => `\n${p}*\n  Content-Security-Policy: frame-ancestors 'self'\n  X-Frame-Options: SAMEORIGIN\n`).join('');
        const text = rebase(withPagePolicies(readFileSync(path, 'utf8') + own, pages), base);
        const nginx = nginxConfig({ rules: parseHeaders(text), base, api }); // throws on a malformed file
        const compressed = files
          .filter((f) => PRECOMPRESS.test(f))
          .map((f) => ({ file: f, raw: readFileSync(f) }))
          .map(({ file, raw }) => ({ file, raw, gz: gzip(raw) }))
          .filter(({ raw, gz }) => gz.length < raw.length);

        writeFileSync(path, text);
        mkdirSync(join(root, '_nginx'), { recursive: true });
        writeFileSync(join(root, '_nginx', 'site.conf'), nginx);
        for (const { file, gz } of compressed) {
          writeFileSync(`${file}.gz`, gz);
          copyTimes(file, `${file}.gz`);
        }
        const raw = compressed.reduce((n, c) => n + c.raw.length, 0);
        const gz = compressed.reduce((n, c) => n + c.gz.length, 0);
        logger.info(`_headers and _nginx/site.conf written for base ${base}, with the policies of ${pages.length} pages`);
        logger.info(`${compressed.length} text files precompressed: ${(raw / 1024).toFixed(0)} KB → ${(gz / 1024).toFixed(0)} KB gzip`);
      },
    },
  };
}
