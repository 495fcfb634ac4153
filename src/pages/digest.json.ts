/**
 * `digest.json`: the site's machine-readable output, rebuilt from the same collections the pages
 * render, in the pipeline's order, so the file and the pages cannot disagree.
 */
import { getCollection } from 'astro:content';
import type { Digest, DigestSource, Story, TimelineEvent } from '../types';
import { compareEvents, compareSources, compareStories } from '../site/digest-views';

/** Emits the whole digest as pretty-printed JSON. */
export async function GET(): Promise<Response> {
  const digest: Digest = {
    schemaVersion: 1,
    sources: (await getCollection('sources')).map((entry) => entry.data as DigestSource).sort(compareSources),
    stories: (await getCollection('stories')).map((entry) => entry.data as Story).sort(compareStories),
    timeline: (await getCollection('timeline')).map((entry) => entry.data as TimelineEvent).sort(compareEvents),
  };
  return new Response(`${JSON.stringify(digest, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
