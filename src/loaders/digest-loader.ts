/**
 * Astro content loader that fills one collection (stories, sources or timeline) from the digest.
 *
 * It is the site's only I/O edge: the loader asks `loadDigest` for the pipeline's output and
 * stores each entry; pages read the entries with `getCollection` and never touch files.
 */
import type { Loader } from 'astro/loaders';
import { contentDirFromEnv, loadDigest } from '../io/load-digest.ts';

/** Which part of the digest a collection holds. */
export type DigestPart = 'stories' | 'sources' | 'timeline';

/**
 * Returns a loader for one part of the digest. Entry ids are the story slug, source id or event id;
 * each entry's data is validated against the collection's schema before it is stored.
 */
export function digestLoader(part: DigestPart): Loader {
  return {
    name: `digest-${part}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const digest = await loadDigest(contentDirFromEnv());
      const entries: [string, Record<string, unknown>][] =
        part === 'stories'
          ? digest.stories.map((story) => [story.slug, { ...story }])
          : part === 'sources'
            ? digest.sources.map((source) => [source.id, { ...source }])
            : digest.timeline.map((event) => [event.id, { ...event }]);
      store.clear();
      for (const [id, raw] of entries) {
        const data = await parseData({ id, data: raw });
        store.set({ id, data, digest: generateDigest(data) });
      }
      logger.info(`${entries.length} ${part} loaded`);
    },
  };
}
