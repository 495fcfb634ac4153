/**
 * The site's content collections: stories, sources and timeline events, all filled from one
 * pipeline run by the digest loader. The schemas mirror `src/types.ts` field for field, so a digest
 * that drifts from the contract fails the build here instead of rendering a broken page.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { digestLoader } from './loaders/digest-loader.ts';

/** `YYYY-MM-DD`. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A date, or the honest "unknown" when the text does not state one. */
const maybeDate = z.union([isoDate, z.literal('unknown')]);
/** Links from front matter are http(s) only: a `javascript:` URL can never reach an href. */
const httpUrl = z.url({ protocol: /^https?$/ });

const sentence = z.object({
  id: z.string(),
  articleId: z.string(),
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
  kind: z.enum(['sentence', 'heading', 'list-item']),
});

const removal = z.object({
  text: z.string(),
  reason: z.enum([
    'page-chrome',
    'summary-block',
    'credit-line',
    'byline',
    'faq-block',
    'blank-lines',
    'truncated-sentence',
    'duplicate-headline',
    'markup',
  ]),
  detail: z.string(),
  line: z.number().int(),
});

const repair = z.object({
  found: z.string(),
  replacement: z.string(),
  count: z.number().int().nonnegative(),
  rule: z.string(),
});

const conflict = z.object({
  topic: z.string(),
  kind: z.enum(['contradiction', 'rounding', 'stance']),
  variants: z.array(
    z.object({
      text: z.string(),
      sourceIds: z.array(z.string()),
      independentSourceCount: z.number().int().nonnegative(),
      example: z.string().optional(),
      sentenceIds: z.array(z.string()).optional(),
    }),
  ),
});

/** One canonical story (`Story` in src/types.ts); the entry id is its slug. */
const stories = defineCollection({
  loader: digestLoader('stories'),
  schema: z.object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    keyPoints: z.array(z.string()),
    updated: maybeDate,
    sourceIds: z.array(z.string()),
    independentSourceCount: z.number().int().nonnegative(),
    claims: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        section: z.enum(['lead', 'details', 'reaction', 'background']),
        sourceIds: z.array(z.string()),
        sentenceIds: z.array(z.string()),
        /** How much of the claim each source states (absent in a hand-written digest: read as full). */
        support: z
          .array(
            z.object({
              /** The cited article's id. */
              sourceId: z.string(),
              /** `full`: states the whole claim; `partial`: only some of its facts. */
              part: z.enum(['full', 'partial']),
              /** For a partial citation, the part the source states, in the claim's words. */
              span: z.string().optional(),
            }),
          )
          .optional(),
      }),
    ),
    sections: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['lead', 'details', 'reaction', 'background']),
        heading: z.string(),
        claimIds: z.array(z.string()),
        moreClaimIds: z.array(z.string()),
      }),
    ),
    conflicts: z.array(conflict),
    leftOut: z.array(z.object({ sentenceId: z.string(), reason: z.string() })),
    timelineIds: z.array(z.string()),
  }),
});

/** One source article (`DigestSource`); the entry id is the article id. */
const sources = defineCollection({
  loader: digestLoader('sources'),
  schema: z.object({
    id: z.string(),
    title: z.string(),
    outlet: z.string(),
    published: maybeDate,
    url: httpUrl.optional(),
    author: z.string().optional(),
    credit: z.string().optional(),
    origin: z.string(),
    language: z.string(),
    derivativeOf: z.string().optional(),
    storySlug: z.string(),
    text: z.string(),
    sentences: z.array(sentence),
    removed: z.array(removal),
    repairs: z.array(repair),
  }),
});

/** One dated event (`TimelineEvent`); the entry id is the event id. */
const timeline = defineCollection({
  loader: digestLoader('timeline'),
  schema: z.object({
    id: z.string(),
    start: isoDate,
    end: isoDate,
    label: z.string(),
    text: z.string(),
    upcoming: z.boolean(),
    sourceIds: z.array(z.string()),
    storySlug: z.string(),
    anchorNote: z.string().optional(),
    lessPrecise: z
      .array(z.object({ label: z.string(), start: isoDate, end: isoDate, text: z.string(), sourceIds: z.array(z.string()) }))
      .optional(),
    /** Rival datings of the same happening, shown on the entry ("also reported as May 2023"). */
    otherDates: z
      .array(z.object({ label: z.string(), start: isoDate, end: isoDate, text: z.string(), sourceIds: z.array(z.string()) }))
      .optional(),
  }),
});

export const collections = { stories, sources, timeline };
