/** Site-wide constants shown in page chrome, feeds and metadata. */

/** The site's name, in the header, titles, feeds and Open Graph tags. */
export const SITE_TITLE = 'News Digest';

/** One line on what the site is, for the home page, the feed and meta descriptions. */
export const SITE_DESCRIPTION =
  'One story per event, written from what every source reports, with each statement cited to the sources that state it.';
