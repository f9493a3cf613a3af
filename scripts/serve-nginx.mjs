#!/usr/bin/env node
/**
 * Serves the built dist/ through nginx (Debian's /usr/sbin/nginx, or NGINX), with the include the
 * build wrote (dist/_nginx/site.conf): the same headers as dist/_headers, the cache policy,
 * compression and the 404 page. One process in the foreground, on 127.0.0.1:$PORT (default 8080);
 * its configuration, pid file, temp and log paths live in a fresh temporary folder, removed on exit.
 * No root-owned path is read or written besides the nginx binary.
 *
 *   npm run build && npm run serve:nginx          http://127.0.0.1:8080/
 *   PORT=9000 npm run serve:nginx
 *   npm run serve:nginx -- --dist /tmp/out/dist   another build output
 *
 * A build with GUESS_API=/api/ has its include proxy that path to the upstream `guess_service`:
 * defined here as GUESS_SERVICE (host:port, default 127.0.0.1:4322), where `npm run serve` with
 * TRUST_PROXY=1 answers; with nothing there, the include answers the service's own JSON 503.
 *
 * The site is served under the base it was built for (BASE_PATH, read from the include); if
 * BASE_PATH is set now and differs, it stops with an error. Prints "serve-nginx: ready <url>" once
 * nginx answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const fail = (message) => {
  console.error(`serve-nginx: ${message}`);
  process.exit(1);
};

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const DIST = resolve(distArg >= 0 ? (args[distArg + 1] ?? fail('--dist needs a folder')) : 'dist');
const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const PORT = Number(process.env.PORT || 8080);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`PORT must be a port number, got "${process.env.PORT}"`);

const include = join(DIST, '_nginx', 'site.conf');
if (!existsSync(join(DIST, 'index.html')) || !existsSync(include)) {
  fail(`${DIST} holds no built site with its nginx include (${include}): run \`npm run build\` first`);
}
if (!existsSync(NGINX)) {
  fail(`nginx is not installed at ${NGINX}: \`apt-get install -y nginx\` (Debian), or set NGINX to its path`);
}
const base = /^# base: (\S+)$/m.exec(readFileSync(include, 'utf8'))?.[1];
if (!base) fail(`${include} names no base: rebuild with \`npm run build\``);
if (process.env.BASE_PATH) {
  const wanted = `/${process.env.BASE_PATH.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (wanted !== base) fail(`dist/ was built for the base ${base}, but BASE_PATH is ${process.env.BASE_PATH}: rebuild with this BASE_PATH, or unset it`);
}

const api = /^# api: (\S+)$/m.exec(readFileSync(include, 'utf8'))?.[1];
const service = process.env.GUESS_SERVICE || '127.0.0.1:4322';
if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(service)) fail(`GUESS_SERVICE must be host:port, got "${service}"`);

const tmp = mkdtempSync(join(tmpdir(), 'serve-nginx-'));
let cleaned = false;
const cleanup = () => {
  if (cleaned) return;
  cleaned = true;
  rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);

// The document root holds the site under its base: <root>/ai-at-work/ → dist/.
let root = DIST;
if (base !== '/') {
  root = join(tmp, 'root');
  const at = join(root, base.slice(1, -1));
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(DIST, at, 'dir');
}
for (const d of ['logs', 'client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(tmp, d));

const conf = `# Written by scripts/serve-nginx.mjs for one run; removed on exit.
daemon off;
# One process: no workers to switch user, nothing left behind when it stops.
master_process off;
pid ${join(tmp, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path ${join(tmp, 'client_body')};
    proxy_temp_path ${join(tmp, 'proxy')};
    fastcgi_temp_path ${join(tmp, 'fastcgi')};
    uwsgi_temp_path ${join(tmp, 'uwsgi')};
    scgi_temp_path ${join(tmp, 'scgi')};
    sendfile on;${api ? `
    upstream guess_service { server ${service}; keepalive 8; }` : ''}
    server {
        listen 127.0.0.1:${PORT};
        server_name localhost;
        root ${root};
        include ${include};${base === '/' ? '' : `\n        # Outside the base: nothing.\n        location / { return 404; }`}
    }
}
`;
writeFileSync(join(tmp, 'nginx.conf'), conf);

const test = spawnSync(NGINX, ['-t', '-q', '-p', `${tmp}/`, '-c', join(tmp, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
if (test.status !== 0) {
  cleanup();
  fail(`nginx rejects the configuration:\n${test.stderr}`);
}

const nginx = spawn(NGINX, ['-p', `${tmp}/`, '-c', join(tmp, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
nginx.on('error', (e) => {
  cleanup();
  fail(`could not start ${NGINX}: ${e.message}`);
});
nginx.on('exit', (code, signal) => {
  cleanup();
  process.exit(stopping ? 0 : code ?? (signal ? 1 : 0));
});

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopping = true;
    // nginx stops at once on TERM; its exit removes the folder.
    nginx.kill('SIGTERM');
  });
}

const url = `http://127.0.0.1:${PORT}${base}`;
/** Resolves once nginx answers the base with 200. */
const ready = () =>
  new Promise((ok) => {
    const req = request(url, { method: 'HEAD' }, (res) => {
      res.resume();
      ok(res.statusCode === 200);
    });
    req.on('error', () => ok(false));
    req.end();
  });
for (;;) {
  if (nginx.exitCode !== null || cleaned) break;
  if (await ready()) {
    console.log(`serve-nginx: ready ${url} (dist: ${DIST}, base ${base}, config ${join(tmp, 'nginx.conf')})`);
    break;
  }
  await new Promise((r) => setTimeout(r, 20));
}
