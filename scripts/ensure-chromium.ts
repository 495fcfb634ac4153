/**
 * Runs before the tests (`npm test`): the browser tests drive Debian's Chromium at
 * /usr/bin/chromium (Playwright's own browser downloads do not work here). When it is missing and
 * we are root, install it with apt and say so; otherwise explain how, and fail.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests expect Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

function main(): number {
  if (existsSync(CHROMIUM_PATH)) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM_PATH} and it is not installed.\n` +
        '  fix: run `sudo apt-get update && sudo apt-get install -y chromium`, then `npm test` again.',
    );
    return 1;
  }
  console.log(`Chromium is missing at ${CHROMIUM_PATH}; installing Debian's chromium package for the browser tests (about 30 s)…`);
  try {
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error('Installing chromium with apt-get failed (see above).\n  fix: install it by hand (`apt-get install -y chromium`), then run `npm test` again.');
    return 1;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get finished but ${CHROMIUM_PATH} still does not exist.\n  fix: check which package provides it on this system.`);
    return 1;
  }
  console.log(`Chromium installed at ${CHROMIUM_PATH}.`);
  return 0;
}

process.exitCode = main();
