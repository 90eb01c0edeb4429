// A small static file server for the demo and the browser tests (no framework).
//   /                    www/ (the demo page)
//   /pages/NAME          tests/e2e/pages/NAME (small test pages)
//   /seed/article.html   ../shared/data/articles/seed/article.html, when present
//   /readability/NAME/source.html  Mozilla Readability's test pages in ../shared, when present
//   /csp/<any of above>  the same file, sent with a strict Content-Security-Policy header
//   /inert/<any of above>  the same file with a CSP under which none of the page's own scripts
//                        runs; only the demo's wasm glue under /pkg/ may load (to compare a
//                        page's static HTML in the browser with the native parser's reading)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_ARTICLE = resolve(ROOT, '../shared/data/articles/seed/article.html');
export const READABILITY_PAGES = resolve(ROOT, '../shared/data/articles/readability');
export const STRICT_CSP = "default-src 'self'; script-src 'self'";
const inertCsp = (origin) => `script-src ${origin}/pkg/ 'wasm-unsafe-eval'`;

const MOUNTS = [
  ['/pages/', join(ROOT, 'tests/e2e/pages')],
  ['/seed/', dirname(SEED_ARTICLE)],
  ['/readability/', READABILITY_PAGES],
  ['/', join(ROOT, 'www')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

// The file a URL path names, or null when it names nothing we serve.
function fileFor(path) {
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

async function handle(request, response) {
  let path;
  try {
    path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('bad request');
    return;
  }
  const headers = { 'Cache-Control': 'no-store' };
  if (path.startsWith('/csp/')) {
    headers['Content-Security-Policy'] = STRICT_CSP;
    path = path.slice('/csp'.length);
  } else if (path.startsWith('/inert/')) {
    headers['Content-Security-Policy'] = inertCsp(`http://127.0.0.1:${request.socket.localPort}`);
    path = path.slice('/inert'.length);
  }
  // Browsers ask for it on every page; answering spares the console a 404 error.
  if (path === '/favicon.ico') {
    response.writeHead(204, headers).end();
    return;
  }
  let file = fileFor(path);
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    headers['Content-Type'] = TYPES[extname(file)] || 'application/octet-stream';
    response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
  }
}

// Starts on 127.0.0.1 at a free port; resolves to {url, close()}.
export function startServer({ port = 0 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer((req, res) => {
      handle(req, res).catch(() => res.writeHead(500).end());
    });
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolvePromise({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

export const hasSeedArticle = () => existsSync(SEED_ARTICLE);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT) || 0 });
  console.log(`Serving www/ at ${url}/ and test pages at ${url}/pages/`);
}
