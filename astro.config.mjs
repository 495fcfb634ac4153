// @ts-check
/**
 * Astro configuration for the digest site.
 *
 * Build-time settings come from the environment so one build script serves every host:
 * - BASE_PATH: sub-path the site is served from (e.g. `/news/`); default `/`.
 * - SITE_URL: absolute origin (e.g. `https://example.org`); enables absolute URLs and the sitemap.
 * - ASTRO_CACHE_DIR: where Astro keeps its content-layer cache; tests give each build its own
 *   so parallel builds do not share one store.
 */
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

const site = process.env.SITE_URL || undefined;

export default defineConfig({
  site,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // build.concurrency stays at Astro's default of 1: 4 rendered 1,000 articles 1–2 s faster (the
  // render waits on file writes), but Astro's page log then interleaves into misleading lines.
  build: { format: 'directory', inlineStylesheets: 'never' },
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // The sitemap needs absolute URLs, so it only makes sense when the site's origin is known.
  integrations: site ? [sitemap()] : [],
  // Article text is never rendered as Markdown code, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  prefetch: false,
  security: {
    // Astro writes a CSP <meta> on every page with hashes of what it emitted itself; article text
    // can therefore never run as script, even if something slipped past escaping.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
