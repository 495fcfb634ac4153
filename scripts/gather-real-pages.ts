/**
 * `npm run fixtures:real-pages -- --from <project>=<git dir> …`
 *
 * Copies the real saved news pages that the import measurements use (the real-page test and
 * `npm run bench:import`) out of the two extraction projects whose test fixtures they are, at the
 * commits `tests/fixtures/import/real-pages/pages.json` names, with each project's license files,
 * and writes each page's expected article text beside it. The pages are third-party files and stay
 * out of this repository (the folder is git-ignored); the manifest says where each came from.
 *
 * A git dir is a clone (`git clone https://github.com/adbar/trafilatura`) or a bare repository;
 * it must hold the manifest's commit.
 */
import { GATHER_COMMAND, gatherRealPages } from '../src/bench/real-pages-fs.ts';

function main(argv: string[]): number {
  const gitDirs: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = arg.startsWith('--from=') ? arg.slice('--from='.length) : arg === '--from' ? argv[(i += 1)] : undefined;
    const [project, dir] = value?.split(/=(.*)/s) ?? [];
    if (project === undefined || project === '' || dir === undefined || dir === '') {
      console.error(`npm run fixtures:real-pages: ${JSON.stringify(arg)} is not --from <project>=<git dir>\n  usage: ${GATHER_COMMAND}`);
      return 2;
    }
    gitDirs[project] = dir;
  }
  if (Object.keys(gitDirs).length === 0) {
    console.error(`npm run fixtures:real-pages: give the git directory of each project\n  usage: ${GATHER_COMMAND}`);
    return 2;
  }
  try {
    const written = gatherRealPages(gitDirs);
    console.log(`wrote ${written.length} files:\n${written.map((file) => `  ${file}`).join('\n')}`);
    return 0;
  } catch (error) {
    console.error(`npm run fixtures:real-pages: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
