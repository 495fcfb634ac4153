/**
 * What every command script does at its edges, written once: a `DigestError` (bad input, a
 * missing file, a bad option) is printed as its message, which names the file, the field and the
 * fix, and the command exits 1; anything else is a bug and is thrown. A script runs its `main`
 * only when node was started with it, so tests can import it.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DigestError } from '../errors.ts';

/** Prints a `DigestError`'s message on `err` and returns the exit code 1; throws anything else. */
export function exitCodeOf(error: unknown, err: (text: string) => void): number {
  if (error instanceof DigestError) {
    err(`${error.message}\n`);
    return 1;
  }
  throw error;
}

/** True when `moduleUrl` (a script's `import.meta.url`) is the script node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href;
}
