// @ts-check
import { defineConfig } from 'astro/config';

// Sub-path hosting: set BASE_PATH=/news/ at build time; SITE_URL enables absolute URLs and the sitemap.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
