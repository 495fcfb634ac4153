/**
 * A small static file server for a built site, as a plain host would serve it: files under an
 * optional base path, `index.html` for directories, a redirect (301) to add the slash when a
 * directory is asked for without one, the root `404.html` (with status 404) for anything missing,
 * no rewrites. Used by `npm run audit` and the end-to-end tests; listens on a free port on 127.0.0.1.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running server: its origin plus base path, and how to stop it. */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/news/`, always ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `basePath` (default `/`) on a free port. Requests outside the base path or the
 * root folder, and paths that are not valid percent-encoding, get the 404 page; the server never
 * lists directories.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<StaticServer> {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const rootDir = path.resolve(root);
  const server: Server = createServer((request, response) => {
    // A request path the URL parser refuses ("//", say) is answered with the 404 page, not a crash.
    const url = URL.parse(request.url ?? '/', 'http://localhost');
    const pathname = url === null ? undefined : decodePath(url.pathname);
    const file = pathname?.startsWith(base) ? resolveFile(rootDir, pathname.slice(base.length)) : undefined;
    if (file === ADD_SLASH) {
      // Relative links on the page resolve against its URL, so it must be served at the slash URL.
      response.writeHead(301, { location: `${url?.pathname}/${url?.search}` });
      response.end();
      return;
    }
    if (file === undefined) {
      const notFound = path.join(rootDir, '404.html');
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] as string });
      if (isFile(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What `resolveFile` returns for a directory asked for without its trailing slash. */
const ADD_SLASH = Symbol('add slash');

/**
 * The file a request path maps to, `ADD_SLASH` for a directory named without its trailing slash,
 * or undefined when there is none or it lies outside `root`.
 */
function resolveFile(root: string, relative: string): string | typeof ADD_SLASH | undefined {
  const candidate = path.resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(`${root}${path.sep}`)) return undefined;
  if (isFile(candidate)) return candidate;
  const index = path.join(candidate, 'index.html');
  if (!isFile(index)) return undefined;
  return relative === '' || relative.endsWith('/') ? index : ADD_SLASH;
}

/** A URL path with its percent-escapes decoded, or undefined when they are malformed (`%E0%A4%A`). */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
