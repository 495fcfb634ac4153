/** robots.txt: everything may be crawled; the sitemap is named when SITE_URL gives its address. */
import type { APIContext } from 'astro';

/** Builds `/robots.txt`. */
export function GET(context: APIContext): Response {
  const lines = ['User-agent: *', 'Allow: /'];
  if (context.site) lines.push(`Sitemap: ${new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, context.site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
