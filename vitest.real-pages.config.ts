import { defineConfig } from 'vitest/config';

/** `npm run test:real-pages`: the import measured on real saved pages, which are not in the repository. */
export default defineConfig({
  test: {
    include: ['tests/real-pages/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
