/**
 * A "newsroom" page on another origin (another port), for the embed tests: it frames our embeds
 * with the real pym.js, with the embed code copied from the built gallery (Datawrapper's height
 * message), as an AMP or @newswire/frames page and as WordPress's wp-embed.js listen, with a forger that
 * posts fake height messages; and any page of ours in a plain iframe (/frame.html?path=/data/), for
 * the framing tests against a server that sends our headers (tests/nginx/).
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';


const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The embed code exactly as the gallery offers it to be copied, with only its origin pointed at the
 * server under test (the build writes the public SITE_URL; tests may serve it on another port).
 */
export function copiedEmbedCode(chartId: string, siteOrigin: string): string {
  const html = readFileSync('dist/charts/index.html', 'utf8');
  const m = new RegExp(`<textarea id="code-${chartId}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m) throw new Error(`no embed code for ${chartId} in dist/charts/index.html`);
  const code = unescape(m[1]!);
  const built = /src="(https?:\/\/[^/"]+)\//.exec(code)?.[1];
  if (!built) throw new Error(`embed code for ${chartId} has no absolute src`);
  return code.split(built).join(siteOrigin);
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><style>body{margin:0;padding:8px;font-family:sans-serif}</style></head><body><h1>A newsroom article</h1><p>Some text before the chart.</p>${body}<p>Some text after the chart.</p></body></html>`;

/**
 * A host page framing `src` that sizes the frame from its messages as a newsroom's script does:
 * from the frame's own window only, when `accept` (JavaScript over the message `d`) holds, to the
 * height `height` (JavaScript over `d`) gives.
 */
const listening = (src: string, accept: string, height: string) =>
  page(
    `<iframe id="c" title="chart" src="${src}" width="100%" height="150" style="border:0;width:100%"></iframe><script>
      var f = document.getElementById('c');
      addEventListener('message', function (e) {
        var d = e.data;
        if (e.source !== f.contentWindow || !d || !(${accept})) return;
        f.style.height = ${height} + 'px';
      });
    </script>`,
  );

/** Starts the host on a free port (one per test worker); resolves with the server and its origin. */
export function startHost(siteOrigin: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/frame.html') {
      const path = url.searchParams.get('path') ?? '';
      // A frame of a given size (a phone's width, say), 600 × 400 unless asked.
      const width = Number(url.searchParams.get('width') ?? 600);
      const height = Number(url.searchParams.get('height') ?? 400);
      if (!/^\/[a-z0-9/._-]*$/.test(path) || !Number.isInteger(width) || !Number.isInteger(height)) {
        res.writeHead(400).end('bad path');
        return;
      }
      // The iframe's load event fires for a page and for a blocked frame alike: the test waits on it.
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(page(`<iframe id="framed" title="framed" src="${siteOrigin}${path}" width="${width}" height="${height}" onload="document.body.dataset.framed = 'loaded'"></iframe>`));
      return;
    }
    const chart = url.searchParams.get('chart') ?? '';
    if (!/^[a-z0-9-]+$/.test(chart) && url.pathname !== '/pym.v1.min.js') {
      res.writeHead(400).end('bad chart');
      return;
    }
    if (url.pathname === '/pym.v1.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync('node_modules/pym.js/dist/pym.v1.min.js'));
    } else if (url.pathname === '/pym.html') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          page(
            `<div id="c"></div><script src="/pym.v1.min.js"></script><script>window.pymParent = new pym.Parent('c', ${JSON.stringify(`${siteOrigin}/embed/${chart}/`)}, {title: 'chart'});</script>`,
          ),
        );
    } else if (url.pathname === '/amp.html') {
      // As @newswire/frames' Framer and AMP's amp-iframe listen: {sentinel: 'amp', type: 'embed-size', height}.
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(listening(`${siteOrigin}/embed/${chart}/`, "d.sentinel === 'amp' && d.type === 'embed-size'", 'Math.ceil(Number(d.height))'));
    } else if (url.pathname === '/wp.html') {
      // As WordPress's wp-embed.js listens to an oEmbed iframe given #?secret=: {secret, message: 'height', value}.
      // (wp-embed.js also clamps the height to 200–1000 px; that is WordPress's policy, not the embed's.)
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(listening(`${siteOrigin}/embed/${chart}/#?secret=Ab3dE6gH9k`, "d.secret === 'Ab3dE6gH9k' && d.message === 'height'", 'parseInt(d.value, 10)'));
    } else if (url.pathname === '/code.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(copiedEmbedCode(chart, siteOrigin)));
    } else if (url.pathname === '/forger.html') {
      // Framed by the host page: pretends to be the embed and asks the host to resize it.
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(
        `<!doctype html><title>forger</title><script>
          var forged = [{'datawrapper-height': {${JSON.stringify(chart)}: 5}}, {'datawrapper-height': {${JSON.stringify(chart)}: 99999}}, {sentinel: 'amp', type: 'embed-size', height: 7}, 'pymxPYMxcxPYMxheightxPYMx9'];
          forged.forEach(function (m) { parent.postMessage(m, '*'); });
          document.title = 'sent';
        </script>`,
      );
    } else if (url.pathname === '/code-forged.html') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(page(`${copiedEmbedCode(chart, siteOrigin)}<iframe id="forger" src="/forger.html?chart=${chart}" width="10" height="10"></iframe>`));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}
