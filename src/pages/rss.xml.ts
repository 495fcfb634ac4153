/**
 * RSS feed of the stories, newest first. Feed readers need absolute links, so item links are
 * resolved against SITE_URL when it is set and against the site's base path otherwise.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import type { Story } from '../types';
import { compareStoriesNewestFirst } from '../site/digest-views';
import { storyHref } from '../site/paths';

/** Builds `/rss.xml` from the stories collection. */
export async function GET(context: APIContext): Promise<Response> {
  const stories = (await getCollection('stories')).map((entry) => entry.data as Story).sort(compareStoriesNewestFirst);
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    // The channel links to the home page, which lives under the base path.
    site: new URL(import.meta.env.BASE_URL, context.site ?? 'http://localhost'),
    trailingSlash: true,
    items: stories.map((story) => ({
      title: story.title,
      description: story.summary,
      link: storyHref(story.slug),
      ...(story.updated === 'unknown' ? {} : { pubDate: new Date(`${story.updated}T00:00:00Z`) }),
      categories: [`${story.sourceIds.length} sources`, `${story.independentSourceCount} independent`],
    })),
  });
}
