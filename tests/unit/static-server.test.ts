/**
 * The plain static server that `npm run audit` and the end-to-end tests serve a built site with,
 * run against a tiny site in a temp folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  root = path.join(parent, 'dist');
  mkdirSync(path.join(root, 'stories', 'harbor'), { recursive: true });
  writeFileSync(path.join(parent, 'secret.txt'), 'outside the site');
  writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
  writeFileSync(path.join(root, '404.html'), '<p>custom not found</p>');
  writeFileSync(path.join(root, 'stories', 'harbor', 'index.html'), '<p>harbor story</p>');
  writeFileSync(path.join(root, 'site.css'), 'p { color: black }');
  server = await serveStatic(root, 'news');
});

afterAll(async () => {
  await server?.close();
  if (root) rmSync(path.dirname(root), { recursive: true, force: true });
});

/** A raw GET of `rawPath` (sent as written, not normalized by a URL parser). */
function get(rawPath: string): Promise<{ status: number; type: string; location: string; body: string }> {
  const { host, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: host.split(':')[0], port, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), location: String(response.headers.location), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic', () => {
  it('gives its URL with the base path and a trailing slash', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
  });

  it('serves a directory URL from its index.html, and files with their content type', async () => {
    expect(await get('/news/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>home</p>' });
    expect(await get('/news/stories/harbor/')).toMatchObject({ status: 200, body: '<p>harbor story</p>' });
    expect(await get('/news/site.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  });

  it('redirects a directory URL without its slash to the slash URL, keeping the query', async () => {
    expect(await get('/news/stories/harbor?x=1')).toMatchObject({ status: 301, location: '/news/stories/harbor/?x=1' });
  });

  it('answers a miss, a path outside the base, an escape from the root bad escapes and a path the URL parser refuses with 404.html and status 404', async () => {
    for (const miss of ['/news/nothing-here/', '/stories/harbor/', '/news/..%2fsecret.txt', '/news/%E0%A4%A', '//']) {
      expect(await get(miss), miss).toMatchObject({ status: 404, type: 'text/html; charset=utf-8', body: '<p>custom not found</p>' });
    }
  });
});
