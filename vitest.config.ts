import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Real saved pages are third-party files kept out of the repository: `npm run test:real-pages`.
    exclude: [...configDefaults.exclude, 'tests/real-pages/**'],
    testTimeout: 20_000,
  },
});
