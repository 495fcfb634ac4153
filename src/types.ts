/**
 * The data model: the contract between the pipeline stages, the site and the tests.
 *
 * Flow: `ArticleFile` → ingest → `Article` → normalize → `NormalizedArticle`
 * → sentences → `SegmentedArticle` → cluster → `StoryCluster` → align → `AlignedClaims`
 * → merge → `Story` → timeline → `TimelineEvent` → `Digest`.
 *
 * Every stage is a pure function from one of these types to the next; only the CLI scripts
 * and the Astro loader read or write files.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A file as read from disk, before anything is parsed. The input of the ingest stage. */
export interface ArticleFile {
  /** Repo-relative path, with forward slashes (e.g. `content/articles/orland-ridgeback.md`). */
  path: string;
  /** The raw bytes of the file. Decoding (UTF-8, or a legacy 8-bit encoding) is ingest's job. */
  bytes: Uint8Array;
}

/** Front matter of a content article, after validation (see `src/pipeline/article-schema.ts`). */
export interface ArticleMeta {
  /** The article's headline as the outlet published it. */
  title: string;
  /** Who published this copy (e.g. "Harbor Gazette"), or `"unknown"` when the text does not say. */
  outlet: string;
  /** Publication date, or `"unknown"` when the text does not state it. Never guessed. */
  published: IsoDate | 'unknown';
  /** Where the article can be read; http(s) only. */
  url?: string;
  /** Byline, when stated. */
  author?: string;
  /** Whose reporting this is when it is not the outlet's own (e.g. "Harbor Wire" for a rewrite). */
  credit?: string;
  /** Repo-relative path of the raw file the article was imported from, or of the content file itself. */
  origin: string;
  /** BCP 47 language tag of the text (e.g. "en"). */
  language: string;
}

/** One parsed article: validated front matter plus its body text. Output of ingest. */
export interface Article {
  /** Stable id, the content file's slug (file name without `.md`). */
  id: string;
  /** Repo-relative path of the content file. */
  file: string;
  meta: ArticleMeta;
  /** The Markdown body as written in the content file. */
  body: string;
  /** SHA-256 (hex) of the file's bytes: the cache key for per-article work. */
  contentHash: string;
}

/** Why normalization took something out of an article. */
export type RemovalReason =
  | 'page-chrome'
  | 'summary-block'
  | 'credit-line'
  | 'byline'
  | 'faq-block'
  | 'blank-lines'
  | 'truncated-sentence'
  | 'duplicate-headline'
  | 'markup';

/** A piece of text normalization removed, with the reason the site shows to readers. */
export interface Removal {
  /** The text removed, as it stood after character repair. */
  text: string;
  reason: RemovalReason;
  /** Plain-language explanation (e.g. "a video promo label from the publisher's page"). */
  detail: string;
  /** 1-based line in the body where the removed text started. */
  line: number;
}

/** A character repair (mojibake and the like), recorded so the site can say what was changed. */
export interface Repair {
  /** The damaged text found. */
  found: string;
  /** What it was replaced with. */
  replacement: string;
  /** How many times this repair was applied in the article. */
  count: number;
  /** The rule that fired (e.g. "UTF-8 read as Windows-1252"). */
  rule: string;
}

/** An article after normalization: clean paragraphs and the record of what was changed. */
export interface NormalizedArticle extends Article {
  /** Reporting text only: NFC, repaired, chrome removed; paragraphs separated by one blank line. */
  text: string;
  removed: Removal[];
  repairs: Repair[];
}

/** What kind of text unit a segment is; only `sentence` and `list-item` carry claims. */
export type SentenceKind = 'sentence' | 'heading' | 'list-item';

/** One sentence (or heading, or list item) of an article. */
export interface Sentence {
  /** `<articleId>#<index>`: stable within a build. */
  id: string;
  articleId: string;
  /** 0-based position among the article's segments. */
  index: number;
  /** 0-based paragraph number in the normalized text. */
  paragraph: number;
  text: string;
  kind: SentenceKind;
}

/** An article split into sentences. Output of the sentence stage. */
export interface SegmentedArticle extends NormalizedArticle {
  sentences: Sentence[];
}

/** A group of articles that report the same event. Output of the cluster stage. */
export interface StoryCluster {
  /** Article ids, sorted. */
  articleIds: string[];
}

/** What the clusterer did, in unit-free terms, for tests and benchmarks. */
export interface ClusterStats {
  articles: number;
  /** Pairs of articles whose similarity was actually scored. */
  candidatePairs: number;
  /** n·(n−1)/2: what an all-pairs clusterer would score. */
  allPairs: number;
}

/** An article that rewrites another article of the same story, rather than reporting independently. */
export interface DerivativeLink {
  articleId: string;
  /** The article it rewrites (the earliest/most complete member of its family). */
  derivativeOf: string;
  /** Why it was judged a rewrite (e.g. "same facts in the same order (0.82); shared credit Harbor Wire"). */
  evidence: string;
}

/** Which section of a story a claim belongs to, in reading order. */
export type ClaimSection = 'lead' | 'details' | 'reaction' | 'background';

/** A set of sentences from different articles that state the same fact. */
export interface ClaimGroup {
  /** Sentence ids, in article order. */
  sentenceIds: string[];
  /** Article ids that state it, sorted. */
  sourceIds: string[];
  /**
   * Those of `sentenceIds` that state the claim inside a longer sentence of another fact (one of
   * their clauses states it): cited, but never chosen as the claim's words. Absent when none.
   */
  coveringIds?: string[];
}

/**
 * Why the values of a conflict differ. `contradiction`: they cannot all be true (8% and 9% for one
 * stock move, 8 and 9 April for one launch, two names for one lab). `rounding`: every value could
 * be the most precise one rounded at its own precision ("$2 billion" / "$2.4 billion"), so the
 * sources may agree; shown as a lighter note. `stance`: the sources state one fact in shared words
 * but one denies it or states it clearly more weakly ("outperforms" / "competitive with, although
 * it does not surpass them"; "will" / "may"; "across the board" / "in some tasks").
 */
export type ConflictKind = 'contradiction' | 'rounding' | 'stance';

/**
 * Sources that disagree on one attribute of one subject: two statements that cannot both be true.
 * Figures are compared only when they measure the same thing (same party, metric and unit), dates
 * only as ranges at their own precision for the same happening ("April 2025" and "early 2025"
 * overlap, so they do not conflict), names only as rival versions of one name.
 */
export interface Conflict {
  /**
   * What is disputed, in the sources' own words: the clause stating the value with the value left
   * out ("Orland’s stock rose … on the day of the launch"), or for a name "The name of" and what
   * the sources call the thing named ("The name of the new research unit").
   */
  topic: string;
  kind: ConflictKind;
  /** Every value reported for the attribute, one variant each, most sources first. */
  variants: ConflictVariant[];
}

/** One value reported for a disputed attribute. */
export interface ConflictVariant {
  /**
   * The value as a source writes it ("6.5%", "April 9, 2026", "Orland Research Lab"); spellings,
   * plurals, possessives and shorter forms of one name are one variant, shown in its most common form.
   */
  text: string;
  /** Article ids that state this variant, sorted. */
  sourceIds: string[];
  /** How many of those are independent (not rewrites of each other). */
  independentSourceCount: number;
  /** A source sentence stating this variant, as written (extractive), to show it in context. */
  example?: string;
  /**
   * The sentences stating this variant, in article order: a claim never cites one of them for
   * another variant's value. Absent when the disagreement was read from the timeline.
   */
  sentenceIds?: string[];
}

/** A sentence not used in a story, and why (shown by `npm run digest` and on source pages). */
export interface LeftOut {
  sentenceId: string;
  reason: string;
}

/** Output of the align stage for one story cluster. */
export interface AlignedClaims {
  groups: ClaimGroup[];
  conflicts: Conflict[];
  leftOut: LeftOut[];
}

/** One statement of a story, cited to every source that states it. */
export interface Claim {
  /** `<storySlug>-c<n>`: stable within a build. */
  id: string;
  /** One source sentence (extractive), lightly cleaned. */
  text: string;
  section: ClaimSection;
  /** Article ids that state it, sorted. */
  sourceIds: string[];
  /** The sentence ids it was aligned from (for source pages: sentence → claim). */
  sentenceIds: string[];
  /** How much of the claim each cited source states, one entry per source id, sorted by source id. */
  support: ClaimSupport[];
}

/** How much of a claim one cited source states. */
export interface ClaimSupport {
  /** The cited article's id (one of the claim's `sourceIds`). */
  sourceId: string;
  /**
   * `full`: the source states the whole claim. `partial`: it states only some of the facts the
   * claim's sentence joins ("not available to download, though it hopes to open later versions").
   */
  part: 'full' | 'partial';
  /** For a partial citation, the part of the claim the source states, in the claim's own words. */
  span?: string;
}

/**
 * One section of a story's body, in reading order. The details are split into topics: claims that
 * share distinctive words, names and figures, headed by a key phrase from their own words.
 */
export interface StorySection {
  /** Anchor id of its heading, unique in the story: `lead`, `topic-<n>`, `reaction`, `background`. */
  id: string;
  /** The part of the story it belongs to; every topic is a `details` section. */
  kind: ClaimSection;
  /**
   * The heading: "What happened", "Reactions" or "Background"; for a topic its key phrase as its
   * claims write it ("Scaling framework"), or "Other details" for claims that share no topic.
   */
  heading: string;
  /** Claim ids the main body shows, in reading order. */
  claimIds: string[];
  /** Claim ids of single-source claims past the body's word budget, shown collapsed under the section, in reading order. */
  moreClaimIds: string[];
}

/** One canonical story: what all sources of one event report, once, with citations. */
export interface Story {
  /** URL slug, stable for the same headline. */
  slug: string;
  title: string;
  /** 2–3 sentences. */
  summary: string;
  /** 3–6 points. */
  keyPoints: string[];
  /** Latest known publication date among its sources, or "unknown". */
  updated: IsoDate | 'unknown';
  /** Article ids, sorted. */
  sourceIds: string[];
  /** Sources that are not rewrites of another source in the story. */
  independentSourceCount: number;
  /** Every claim, in page order: section by section, each section's shown claims, then its collapsed ones. */
  claims: Claim[];
  /** The body's sections, in reading order; together they list every claim once. */
  sections: StorySection[];
  conflicts: Conflict[];
  leftOut: LeftOut[];
  /** Ids of this story's timeline events. */
  timelineIds: string[];
}

/**
 * A source as listed in the digest: the article's front-matter fields, declared once in
 * `ArticleMeta` so the two lists cannot drift apart, plus what the pipeline found.
 */
export interface DigestSource extends ArticleMeta {
  id: string;
  derivativeOf?: string;
  storySlug: string;
  /** Normalized text as shown on the source page. */
  text: string;
  sentences: Sentence[];
  removed: Removal[];
  repairs: Repair[];
}

/** A dated event, at the precision the text gives. */
export interface TimelineEvent {
  id: string;
  /** First day the event may fall on. */
  start: IsoDate;
  /** Last day the event may fall on (equal to start for a day-precise date). */
  end: IsoDate;
  /** Human label at the text's precision ("8 April 2026", "April 2025", "Q3 2023", "Early 2026"). */
  label: string;
  /** The clause that says what happened, from the source. */
  text: string;
  /** True for planned or expected events. */
  upcoming: boolean;
  sourceIds: string[];
  storySlug: string;
  /** How the date was anchored when an article's own date is unknown (absent otherwise). */
  anchorNote?: string;
  /**
   * Vaguer tellings of the same happening, kept under the entry that dates it most precisely
   * ("Early 2025" and "2025" under "April 2025"), each with its label, range, words and sources
   * (which `sourceIds` also cites); absent when there are none.
   */
  lessPrecise?: LessPreciseMention[];
  /**
   * Other datings of the same happening that cannot all be true with the entry's own ("April
   * 2023" for the entry, "May 2023" here): the entry is dated as most independent sources date it,
   * and each other dating is shown on it with its label, range, words and sources (which
   * `sourceIds` also cites), earliest first; absent when the sources agree.
   */
  otherDates?: OtherDating[];
}

/** One dating of a timeline event's happening that rivals the entry's own date. */
export interface OtherDating {
  /** The date this telling gives ("May 2023"). */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The clause that tells it, from the source. */
  text: string;
  /** Article ids that date it this way, sorted. */
  sourceIds: string[];
}

/** One vaguer telling of a timeline event's happening. */
export interface LessPreciseMention {
  /** The date at the precision this telling gives ("Early 2025"). */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The clause that tells it, from the source. */
  text: string;
  /** Article ids that tell it this way, sorted. */
  sourceIds: string[];
}

/** The whole site's data: `dist/digest.json`. */
export interface Digest {
  schemaVersion: 1;
  sources: DigestSource[];
  stories: Story[];
  timeline: TimelineEvent[];
}

/** An input file that is not shown on the site, and why. */
export interface ExcludedFile {
  file: string;
  reason: string;
}

/** What a build did with every input file: `inputFiles === sources + excluded.length`. */
export interface BuildReport {
  inputFiles: number;
  /** Files shown on the site as sources. */
  sources: number;
  excluded: ExcludedFile[];
  /** Problems that did not stop the build (a legacy encoding decoded, a duplicate kept as a copy…). */
  warnings: string[];
  cluster: ClusterStats;
}

/** Result of `buildDigest`: the site's data plus the accounting of the run. */
export interface DigestBuild {
  digest: Digest;
  report: BuildReport;
}
