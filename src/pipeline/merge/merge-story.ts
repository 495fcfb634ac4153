/**
 * The merge stage: turns one story's aligned claim groups into the canonical `Story` a reader
 * sees — a headline, a 2–3 sentence summary, 3–6 key points and a body in sections (lead, the
 * details split into topics, reaction, background), each claim one source sentence citing every
 * source that states it; what the main body shows is held to a word budget, the rest collapsed.
 *
 * Extractive only: every text is a source sentence or title, at most cleaned of a dangling opener
 * ("However, …"), so the story never states a fact no source stated.
 */
import type { AlignedClaims, Claim, ClaimGroup, ClaimSection, DerivativeLink, LeftOut, SegmentedArticle, Sentence, Story, StorySection } from '../../types.ts';
import { buildIdf, containedIn, sentenceFeatures, termOverlap, withStoryNames, type IdfTable, type SentenceFeatures } from '../align/claim-features.ts';
import { carriesInformation } from '../align/align-claims.ts';
import { claimSupport, clauseCoverage, factClauses, STATED } from '../align/claim-support.ts';
import { isReaction } from './attribution.ts';
import { independentCount } from '../align/find-conflicts/find-conflicts.ts';
import { chooseMainBody, informativeness } from './body-budget.ts';
import { groupByTopic } from './topic-sections.ts';
import { slugify } from '../slugify.ts';
import { contentTerms } from '../text-features.ts';

/** Reasons the merge stage records for groups it does not state. */
export const MERGE_LEFT_OUT_REASONS = {
  singleThin: 'reported by one source only, too short to carry a fact, with no figure, name, date or quote',
  covered: 'reported by one source only and repeats what other claims already state, adding no figure, name, date or quote',
  orphan: 'depends on the previous sentence ("This…", "It…") and its antecedent was not kept',
  forward: 'introduces what followed it on the page ("the following images:"), which is not text the story can show',
} as const;

/** A sentence that points at what comes after it on the page: "The following images show …:", "… are listed below:". */
const POINTS_FORWARD = /\b(?:the following|below)\b[^.!?]*:\s*$/iu;

const SECTION_ORDER: ClaimSection[] = ['lead', 'details', 'reaction', 'background'];

/** Sentence openers that point back at the previous sentence. */
const DEPENDENT_OPENER = /^(?:(?:and|but|yet|still|also)\s*,?\s+)?(?:this|that|these|those|such|it|its|they|their|he|she)\b(?![-’'])/iu;
/** Connectives that only make sense after another sentence; dropped from a claim's text. */

const DANGLING_OPENER = /^(?:and|but|still|however|yet|also|meanwhile|moreover|furthermore|besides|indeed|plus)\s*,?\s+/iu;
/** Words that place a statement in the past or give context. */
const BACKGROUND_CUE = /\b(previous(?:ly)?|in the past|for years|last year|years? ago|months ago|earlier|history|historically|for context|formerly|until now)\b/iu;

/**
 * True when a sentence opens by pointing back at the previous one ("This was…", "It is…", "That
 * model…"), or closes a quote it did not open (the second sentence of a quoted statement).
 */
export function dependsOnPrevious(text: string): boolean {
  const trimmed = text.trim();
  const close = trimmed.indexOf('”');
  const continuesQuote = close >= 0 && !trimmed.slice(0, close).includes('“');
  return DEPENDENT_OPENER.test(trimmed) || continuesQuote;
}

/**
 * A report's dateline before its first words: places, an agency or outlet in capitals or in
 * brackets, and a date in brackets, each closed by a dash ("PORT ALDER, Maine — (AP) —", "(Reuters) –",
 * "BALTIMORE —", "Asian Tech Press (Oct 16) --"). It says where and from whom, not what happened.
 */
const DATELINE = /^(?:(?:\([\p{L}\d .,']{1,24}\)|[\p{Lu}][\p{L}.'’]*(?:[ ,]+[\p{Lu}][\p{L}.'’]*){0,4},?(?:\s*\([\p{L}\d .,']{1,24}\))?)\s*(?:—|–|--|-)\s+)+(?=[\p{Lu}“"‘])/u;

/**
 * Drops a dateline ("PORT ALDER, Maine — (AP) —"), a dangling opener ("However, …", "And …"), a
 * parenthetical ", however," and a closing colon, so a sentence stands alone.
 */
export function cleanClaimText(text: string): string {
  let cleaned = text.trim().replace(/,\s*however\s*,/iu, ',');
  const dateline = DATELINE.exec(cleaned);
  if (dateline !== null && dateline[0].length <= 60 && cleaned.length > dateline[0].length + 20) cleaned = cleaned.slice(dateline[0].length);
  const opener = DANGLING_OPENER.exec(cleaned);
  if (opener !== null && cleaned.length > opener[0].length + 10) {
    const rest = cleaned.slice(opener[0].length);
    cleaned = rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  // A sentence that introduced what followed it on the page (a quote, a video) ends in a colon;
  // standing alone it ends with a full stop.
  return cleaned.replace(/\s*:$/u, '.');
}

interface Member {
  sentence: Sentence;
  features: SentenceFeatures;
  /** Position in its article, 0 (first) to 1 (last). */
  position: number;
  derivative: boolean;
}

interface Draft {
  group: ClaimGroup;
  members: Member[];
  representative: Member;
  section: ClaimSection;
  position: number;
  /** The draft this one must directly follow (its antecedent), when its text depends on it. */
  follows?: Draft;
}

/**
 * Builds the canonical story of one cluster from its articles, their aligned claims and the
 * derivative links. `timelineIds` is left empty: the orchestrator fills it after the timeline stage.
 */
export function mergeStory(articles: SegmentedArticle[], aligned: AlignedClaims, derivatives: DerivativeLink[]): Story {
  const sentenceById = new Map<string, Sentence>();
  const articleById = new Map(articles.map((article) => [article.id, article]));
  for (const article of articles) for (const sentence of article.sentences) sentenceById.set(sentence.id, sentence);
  const derivativeIds = new Set(derivatives.map((link) => link.articleId));
  const leftOut: LeftOut[] = [...aligned.leftOut];

  // Features as the align stage saw them, story names included, for every claim-bearing sentence.
  const featuresById = new Map(
    withStoryNames(
      articles.flatMap((article) =>
        article.sentences.filter((s) => s.kind !== 'heading').map((s) => sentenceFeatures(s.id, s.articleId, s.text)),
      ),
    ).map((f) => [f.id, f]),
  );
  const memberOf = (id: string): Member | undefined => {
    const sentence = sentenceById.get(id);
    const article = sentence === undefined ? undefined : articleById.get(sentence.articleId);
    if (sentence === undefined || article === undefined) return undefined;
    return {
      sentence,
      features: featuresById.get(id) ?? sentenceFeatures(sentence.id, sentence.articleId, sentence.text),
      position: article.sentences.length <= 1 ? 0 : sentence.index / (article.sentences.length - 1),
      derivative: derivativeIds.has(sentence.articleId),
    };
  };

  // 1. Keep groups several sources state, and single-source ones that carry information.
  let drafts: Draft[] = [];
  const grouped = aligned.groups
    .map((group) => ({ group, members: group.sentenceIds.map(memberOf).filter((m): m is Member => m !== undefined) }))
    .filter((entry) => entry.members.length > 0);
  const idf = buildIdf(grouped.flatMap((entry) => entry.members.map((m) => m.features)));
  // A sentence can back two claims (a long sentence that also contains a shorter claim); it should
  // be the text of the claim it was aligned to, not of the one it merely contains.
  const claimsPerSentence = new Map<string, number>();
  for (const { group } of grouped) for (const id of group.sentenceIds) claimsPerSentence.set(id, (claimsPerSentence.get(id) ?? 0) + 1);
  for (const { group, members } of grouped) {
    if (group.sourceIds.length === 1 && members.every((m) => POINTS_FORWARD.test(m.sentence.text))) {
      for (const m of members) leftOut.push({ sentenceId: m.sentence.id, reason: MERGE_LEFT_OUT_REASONS.forward });
      continue;
    }
    if (group.sourceIds.length === 1 && !members.some((m) => carriesInformation(m.features))) {
      // Without a figure, name, date or quote, one source's sentence is kept only when it is a
      // substantial statement that no other claim already covers.
      const substantial = members.some((m) => m.features.terms.length >= 8);
      const covered = members.some((m) =>
        grouped.some((other) => other.group !== group && other.members.some((o) => termOverlap(m.features, o.features, idf).topical >= 0.5)),
      );
      if (!substantial || covered) {
        const reason = covered ? MERGE_LEFT_OUT_REASONS.covered : MERGE_LEFT_OUT_REASONS.singleThin;
        for (const m of members) leftOut.push({ sentenceId: m.sentence.id, reason });
        continue;
      }
    }
    drafts.push({
      group,
      members,
      // A sentence cited for one of its clauses says more than the claim: never the claim's words.
      representative: chooseRepresentative(
        members.filter((m) => !(group.coveringIds ?? []).includes(m.sentence.id)),
        claimsPerSentence,
      ),
      section: 'details',
      position: members.reduce((sum, m) => sum + m.position, 0) / members.length,
    });
  }

  // 1b. A sentence cited for one of its clauses (`coveringIds`) matched one member of the group,
  // which need not be the sentence whose words the claim uses; it stays only if it plainly states
  // a clause of those words, so no source is credited with a fact the claim's text does not hold.
  for (const draft of drafts) {
    const covering = new Set(draft.group.coveringIds ?? []);
    if (covering.size === 0) continue;
    const facts = factClauses(cleanClaimText(draft.representative.sentence.text));
    const unconfirmed = draft.members.filter(
      (m) => covering.has(m.sentence.id) && Math.max(...facts.map((fact) => clauseCoverage(fact, [m.features], idf))) < STATED,
    );
    if (unconfirmed.length === 0) continue;
    draft.members = draft.members.filter((m) => !unconfirmed.includes(m));
    const sentenceIds = draft.group.sentenceIds.filter((id) => draft.members.some((m) => m.sentence.id === id));
    const kept = [...covering].filter((id) => sentenceIds.includes(id));
    draft.group = {
      sentenceIds,
      sourceIds: [...new Set(draft.members.map((m) => m.sentence.articleId))].sort(),
      ...(kept.length === 0 ? {} : { coveringIds: kept }),
    };
  }

  // 2. A claim whose sentence is wholly inside another claim's sentence, from no other source, is
  // already stated there: fold it in rather than say it twice.
  for (const inner of [...drafts]) {
    const outer = drafts.find(
      (d) =>
        d !== inner &&
        inner.group.sourceIds.every((id) => d.group.sourceIds.includes(id)) &&
        containedIn(inner.representative.features, d.representative.features, idf),
    );
    if (outer === undefined) continue;
    const sentenceIds = [...new Set([...outer.group.sentenceIds, ...inner.group.sentenceIds])].sort((a, b) => compareIds(a, b, sentenceById));
    outer.group = { sentenceIds, sourceIds: outer.group.sourceIds };
    outer.members = [...outer.members, ...inner.members.filter((m) => !outer.members.some((o) => o.sentence.id === m.sentence.id))];
    drafts = drafts.filter((d) => d !== inner);
  }

  // 3. A claim whose text points back needs its antecedent kept; otherwise it goes too (repeat: removals cascade).
  for (let changed = true; changed; ) {
    changed = false;
    const draftOf = new Map<string, Draft>();
    for (const draft of drafts) for (const m of draft.members) draftOf.set(m.sentence.id, draft);
    for (const draft of drafts) {
      delete draft.follows;
      const rep = draft.representative.sentence;
      if (!dependsOnPrevious(rep.text)) continue;
      const previous = articleById.get(rep.articleId)?.sentences.find((s) => s.index === rep.index - 1);
      const antecedent = previous === undefined || previous.kind === 'heading' ? undefined : draftOf.get(previous.id);
      if (antecedent === draft) continue;
      if (antecedent === undefined) {
        for (const m of draft.members) leftOut.push({ sentenceId: m.sentence.id, reason: MERGE_LEFT_OUT_REASONS.orphan });
        drafts = drafts.filter((d) => d !== draft);
        changed = true;
        break;
      }
      draft.follows = antecedent;
    }
  }

  // 4. Sections.
  const referenceYear = latestYear(articles);
  const leadIds = leadDrafts(drafts, articles, derivatives);
  const subjects = subjectNames([...featuresById.values()]);
  for (const draft of drafts) draft.section = sectionOf(draft, leadIds.has(draft), referenceYear, subjects);
  for (const draft of drafts) {
    // A dependent claim stays with its antecedent, in the antecedent's section.
    let anchor = draft.follows;
    const seen = new Set<Draft>();
    while (anchor?.follows !== undefined && !seen.has(anchor)) {
      seen.add(anchor);
      anchor = anchor.follows;
    }
    if (anchor !== undefined) draft.section = anchor.section;
  }

  // 5. Order: section, then where the sources put it; dependents right after their antecedent.
  // The details are then split into topics, and each section into what the body shows and what waits.
  const planned = planSections(orderDrafts(drafts), derivatives);
  const ordered = planned.flatMap((section) => [...section.shown, ...section.more]);

  const title = chooseHeadline(articles, ordered, derivatives);
  const slug = slugify(title);
  const idOf = new Map(ordered.map((draft, index) => [draft, `${slug}-c${index + 1}`]));
  const claims: Claim[] = ordered.map((draft) => {
    const text = cleanClaimText(draft.representative.sentence.text);
    // Each source's cited sentences, to tell a source that states the whole claim from one that states part of it.
    const bySource = new Map(draft.group.sourceIds.map((id) => [id, draft.members.filter((m) => m.sentence.articleId === id).map((m) => m.features)]));
    return {
      id: idOf.get(draft) ?? '',
      text,
      section: draft.section,
      sourceIds: draft.group.sourceIds,
      sentenceIds: draft.group.sentenceIds,
      support: claimSupport(text, bySource, idf),
    };
  });
  let topicNumber = 0;
  const sections: StorySection[] = planned.map((section) => ({
    id: section.kind === 'details' ? `topic-${(topicNumber += 1)}` : section.kind,
    kind: section.kind,
    heading: section.heading,
    claimIds: section.shown.map((draft) => idOf.get(draft) ?? ''),
    moreClaimIds: section.more.map((draft) => idOf.get(draft) ?? ''),
  }));

  const sourceIds = articles.map((article) => article.id).sort();
  const published = articles.map((article) => article.meta.published).filter((date) => date !== 'unknown').sort();
  const { summary, keyPoints } = summarize(ordered, claims, idf);
  return {
    slug,
    title,
    summary,
    keyPoints,
    updated: published[published.length - 1] ?? 'unknown',
    sourceIds,
    independentSourceCount: independentCount(sourceIds, derivatives),
    claims,
    sections,
    conflicts: aligned.conflicts,
    leftOut: dedupeLeftOut(leftOut, sentenceById),
    timelineIds: [],
  };
}

/**
 * The most complete and clearest member: covers the most of the group's terms and anchors, does
 * not depend on a previous sentence, then the shortest, then from an independent source.
 */
function chooseRepresentative(members: Member[], claimsPerSentence: Map<string, number>): Member {
  const score = (m: Member): number => {
    // How much of the claim's vocabulary the sentence carries: its own distinct terms, all of which
    // belong to the members' union by definition (the fullest wording wins, other things equal).
    const covered = m.features.terms.length;
    const anchors = 2 * (m.features.figures.length + m.features.dates.length) + m.features.names.length;
    const words = m.sentence.text.split(/\s+/).length;
    const shared = (claimsPerSentence.get(m.sentence.id) ?? 1) > 1 ? 50 : 0;
    // "Label: text" list entries read badly as body text; a plain sentence saying as much is better.
    const labelled = /^[^:.!?]{1,40}:\s/u.test(m.sentence.text) ? 4 : 0;
    // A sentence that points back ("It was…") cannot stand alone, which matters more than sharing.
    return covered + anchors - shared - labelled - (dependsOnPrevious(m.sentence.text) ? 100 : 0) - (words > 45 ? words - 45 : 0);
  };
  // Scored once per member, not at every comparison of the sort.
  const scores = new Map(members.map((m) => [m, score(m)]));
  const scoreOf = (m: Member): number => scores.get(m) ?? score(m);
  return [...members].sort(
    (a, b) =>
      scoreOf(b) - scoreOf(a) ||
      a.sentence.text.length - b.sentence.text.length ||
      Number(a.derivative) - Number(b.derivative) ||
      a.sentence.id.localeCompare(b.sentence.id),
  )[0] as Member;
}

/** The year the story is told from: its latest publication date, or the latest year any claim mentions. */
function latestYear(articles: SegmentedArticle[]): number | undefined {
  const years = articles.map((a) => a.meta.published).filter((d) => d !== 'unknown').map((d) => Number(d.slice(0, 4)));
  if (years.length > 0) return Math.max(...years);
  const mentioned = articles.flatMap((a) => a.sentences.flatMap((s) => [...s.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]))));
  return mentioned.length > 0 ? Math.max(...mentioned) : undefined;
}

/**
 * The lead: the opening claim of each independent report (rewrites of one report share one),
 * most-cited first, at most three.
 */
function leadDrafts(drafts: Draft[], articles: SegmentedArticle[], derivatives: DerivativeLink[]): Set<Draft> {
  const parent = new Map(derivatives.map((link) => [link.articleId, link.derivativeOf]));
  const rootOf = (id: string): string => {
    let current = id;
    for (let hops = 0; parent.has(current) && hops < articles.length; hops += 1) current = parent.get(current) ?? current;
    return current;
  };
  const openerByFamily = new Map<string, Draft>();
  for (const article of [...articles].sort((a, b) => Number(parent.has(a.id)) - Number(parent.has(b.id)) || a.id.localeCompare(b.id))) {
    const first = drafts
      .filter((d) => d.follows === undefined)
      .flatMap((d) => d.members.filter((m) => m.sentence.articleId === article.id).map((m) => ({ d, index: m.sentence.index })))
      .sort((a, b) => a.index - b.index)[0];
    const family = rootOf(article.id);
    if (first !== undefined && !openerByFamily.has(family)) openerByFamily.set(family, first.d);
  }
  const candidates = [...new Set(openerByFamily.values())].sort(
    (a, b) => b.group.sourceIds.length - a.group.sourceIds.length || a.position - b.position,
  );
  return new Set(candidates.slice(0, 3));
}

/** Share of a story's sentences that must name something for it to be what the story is about. */
const SUBJECT_SHARE = 0.2;

/** The names a story is about: those in at least a fifth of its sentences (and at least three). */
function subjectNames(features: SentenceFeatures[]): Set<string> {
  const counts = new Map<string, number>();
  for (const f of features) for (const name of f.names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const needed = Math.max(3, features.length * SUBJECT_SHARE);
  return new Set([...counts].filter(([, count]) => count >= needed).map(([name]) => name));
}

function sectionOf(draft: Draft, isLead: boolean, referenceYear: number | undefined, subjects: Set<string>): ClaimSection {
  if (isLead) return 'lead';
  const { text } = draft.representative.sentence;
  const { features } = draft.representative;
  // Quotes and opinions of people and outside parties; the subject's own statements are details.
  if (isReaction(text, features.quoted, features.names, subjects)) return 'reaction';
  const pastYear =
    referenceYear !== undefined && draft.representative.features.dates.length > 0 && draft.representative.features.dates.every((d) => d.year < referenceYear);
  if (pastYear || BACKGROUND_CUE.test(text)) return 'background';
  return 'details';
}

function orderDrafts(drafts: Draft[]): Draft[] {
  const roots = drafts
    .filter((d) => d.follows === undefined)
    .sort(
      (a, b) =>
        SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
        (a.section === 'lead' ? b.group.sourceIds.length - a.group.sourceIds.length : 0) ||
        a.position - b.position ||
        b.group.sourceIds.length - a.group.sourceIds.length ||
        a.representative.sentence.id.localeCompare(b.representative.sentence.id),
    );
  const ordered: Draft[] = [];
  const placed = new Set<Draft>();
  const place = (draft: Draft): void => {
    if (placed.has(draft)) return;
    placed.add(draft);
    ordered.push(draft);
    for (const dependent of drafts.filter((d) => d.follows === draft).sort((a, b) => a.position - b.position)) place(dependent);
  };
  for (const root of roots) place(root);
  // Dependents whose chain loops back (two sentences pointing at each other) still appear once.
  for (const draft of drafts) place(draft);
  return ordered;
}

/** Headings of the sections that are not topics. */
export const SECTION_HEADINGS: Record<Exclude<ClaimSection, 'details'>, string> & { otherDetails: string } = {
  lead: 'What happened',
  reaction: 'Reactions',
  background: 'Background',
  otherDetails: 'Other details',
};

/** Words the seeds-sized story's main body aims at (issue 15: 600–900 words). */
export const BODY_BUDGET_WORDS = 750;

interface PlannedSection {
  kind: ClaimSection;
  heading: string;
  shown: Draft[];
  more: Draft[];
}

/**
 * The body's sections from the ordered drafts: the lead, the details split into topics, the
 * reactions and the background; then which claims the main body shows within the word budget
 * and which wait collapsed under their section.
 */
function planSections(ordered: Draft[], derivatives: DerivativeLink[]): PlannedSection[] {
  const independent = new Map(ordered.map((draft) => [draft, independentCount(draft.group.sourceIds, derivatives)]));
  const planned: { kind: ClaimSection; heading: string; drafts: Draft[] }[] = [];
  for (const kind of SECTION_ORDER) {
    const drafts = ordered.filter((draft) => draft.section === kind);
    if (drafts.length === 0) continue;
    if (kind !== 'details') {
      planned.push({ kind, heading: SECTION_HEADINGS[kind], drafts });
      continue;
    }
    const ids = new Map(drafts.map((draft, index) => [draft, `d${index}`]));
    const byId = new Map(drafts.map((draft, index) => [`d${index}`, draft]));
    const topics = groupByTopic(
      drafts.map((draft) => {
        const follows = draft.follows === undefined ? undefined : ids.get(draft.follows);
        return {
          id: ids.get(draft) ?? '',
          // The words a reader sees: a report's dateline ("PORT ALDER, Maine —") is not what a claim is about.
          text: cleanClaimText(draft.representative.sentence.text),
          independentSources: independent.get(draft) ?? 1,
          position: draft.position,
          ...(follows === undefined ? {} : { follows }),
        };
      }),
    );
    for (const topic of topics) {
      planned.push({
        kind,
        heading: topic.heading ?? SECTION_HEADINGS.otherDetails,
        drafts: topic.itemIds.map((id) => byId.get(id)).filter((d): d is Draft => d !== undefined),
      });
    }
  }
  const ids = new Map(ordered.map((draft, index) => [draft, String(index)]));
  const items = planned.flatMap((section, sectionIndex) =>
    section.drafts.map((draft) => {
      const { features } = draft.representative;
      const words = cleanClaimText(draft.representative.sentence.text).split(/\s+/u).length;
      const follows = draft.follows === undefined ? undefined : ids.get(draft.follows);
      return {
        id: ids.get(draft) ?? '',
        section: sectionIndex,
        words,
        independentSources: independent.get(draft) ?? 1,
        informativeness: informativeness({
          figures: features.figures.length,
          dates: features.dates.length,
          names: features.names.length,
          terms: new Set(features.terms).size,
          words,
        }),
        required: draft.section === 'lead',
        ...(follows === undefined ? {} : { follows }),
      };
    }),
  );
  const main = chooseMainBody(items, { budgetWords: BODY_BUDGET_WORDS });
  return planned.map((section) => ({
    kind: section.kind,
    heading: section.heading,
    shown: section.drafts.filter((draft) => main.has(ids.get(draft) ?? '')),
    more: section.drafts.filter((draft) => !main.has(ids.get(draft) ?? '')),
  }));
}

/** Longest source headline used whole; "about 120 characters" is where headlines end and leads begin. */
export const MAX_HEADLINE = 120;
/** Shortest headline worth showing, whole or cut at a clause boundary. */
const MIN_HEADLINE = 20;

/**
 * True when a headline field holds a lead rather than a headline: it ends with a period, holds
 * two sentences, or runs long with several clauses. Such a field is not used as the headline.
 */
export function isLeadLike(title: string): boolean {
  const text = title.trim();
  if (/[^.]\.["”’)]?$/u.test(text) && !/\b(?:\p{Lu}\.)+$/u.test(text)) return true;
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(text)) return true;
  return text.length > MAX_HEADLINE && (text.match(/,\s/gu) ?? []).length >= 3;
}

/**
 * A headline over `MAX_HEADLINE` characters cut at its last clause boundary (comma, colon, dash,
 * semicolon) that leaves a headline of at least `MIN_HEADLINE` characters, or undefined when it has none.
 */
export function shortenHeadline(title: string): string | undefined {
  const text = title.trim();
  if (text.length <= MAX_HEADLINE) return text;
  const cuts = [...text.slice(0, MAX_HEADLINE + 1).matchAll(/\s*(?:,|;|:|\s[—–-])\s/gu)].map((m) => m.index ?? 0).filter((at) => at >= MIN_HEADLINE);
  const at = cuts.at(-1);
  return at === undefined ? undefined : text.slice(0, at).trim();
}

/**
 * The story's headline, always a source's own headline when one is usable (not "unknown", not a
 * lead, at most `MAX_HEADLINE` characters). Candidates are tried in tiers: an independent report's
 * headline whole; then one cut at a clause boundary because it ran long; then a rewrite's
 * headline. Within a tier the most representative wins: the headline whose words the other
 * independent reports use most (summed over its words, so a headline that says more of what they
 * all report beats a vaguer one). Only when no source has a usable headline is the lead claim
 * shortened into one.
 */
function chooseHeadline(articles: SegmentedArticle[], ordered: Draft[], derivatives: DerivativeLink[]): string {
  const parent = new Map(derivatives.map((link) => [link.articleId, link.derivativeOf]));
  const familyOf = (id: string): string => {
    let current = id;
    for (let hops = 0; parent.has(current) && hops < articles.length; hops += 1) current = parent.get(current) ?? current;
    return current;
  };
  // The words each independent report (a family of rewrites counts once) uses anywhere.
  const familyTerms = new Map<string, Set<string>>();
  for (const article of articles) {
    const family = familyOf(article.id);
    const terms = familyTerms.get(family) ?? new Set<string>();
    for (const sentence of article.sentences) for (const term of contentTerms(sentence.text)) terms.add(term);
    familyTerms.set(family, terms);
  }
  const support = (title: string, family: string): number => {
    const others = [...familyTerms].filter(([id]) => id !== family).map(([, terms]) => terms);
    if (others.length === 0) return new Set(contentTerms(title)).size;
    return [...new Set(contentTerms(title))].reduce((sum, term) => sum + others.filter((terms) => terms.has(term)).length / others.length, 0);
  };
  const candidates = articles
    .filter((a) => a.meta.title.trim().toLowerCase() !== 'unknown' && a.meta.title.trim().length >= 10 && !isLeadLike(a.meta.title))
    .flatMap((a) => {
      const independent = !parent.has(a.id);
      const headline = shortenHeadline(a.meta.title);
      if (headline === undefined) return [];
      const whole = headline === a.meta.title.trim();
      const tier = independent ? (whole ? 0 : 1) : 2;
      return [{ headline, tier, score: support(headline, familyOf(a.id)), id: a.id }];
    })
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.headline.length - b.headline.length || a.id.localeCompare(b.id));
  const best = candidates[0];
  if (best !== undefined) return best.headline;
  const lead = ordered[0];
  if (lead === undefined) return 'Untitled story';
  return headlineFromSentence(cleanClaimText(lead.representative.sentence.text));
}

/** A sentence as a headline: no final period, cut at the last clause boundary before ~100 characters. */
export function headlineFromSentence(sentence: string): string {
  const text = sentence.replace(/[.!]+$/u, '').trim();
  if (text.length <= 100) return text;
  const head = text.slice(0, 100);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf(' — '), head.lastIndexOf('; '));
  if (clause >= 40) return head.slice(0, clause);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 40 ? space : 100)}…`;
}

/**
 * True when a sentence reads as a headline rather than a sentence of the report: it has no closing
 * stop ("Storm tornado rips through a retirement community, with multiple deaths"), or it opens
 * with an -ing word and has neither a comma nor a verb that tells ("Welcoming the teams of the
 * studio to the group."). Such a line stays a claim, but does not open the summary or make a key point.
 */
export function readsAsTitle(text: string): boolean {
  const trimmed = text.trim();
  if (!/[.!?…][”"’)]?$|[”"]$/u.test(trimmed)) return true;
  return /^\p{Lu}\p{Ll}+ing\s/u.test(trimmed) && !trimmed.includes(',') && !/\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|\p{Ll}+ed)\b/u.test(trimmed);
}

/**
 * Share of a claim's weighted words another already holds (the overlap side of `termOverlap`) at
 * which the top of the page counts it as the same statement again: "Argentina beat France to win
 * the World Cup" after "Argentina defeated France 4-2 on penalties to win the World Cup". Below it,
 * summary sentences and key points of real stories read as different facts.
 */
const RESTATES = 0.6;

/**
 * Summary: the 2–3 most-cited claims that stand alone, in story order. Key points: the next 3–6
 * most-cited, informative, short claims, in story order; when the story has too few claims,
 * summary claims are reused so there are still three. A claim that restates one already picked
 * (`RESTATES`, on `idf`-weighted words) is passed over: the top of the page says each thing once.
 */
function summarize(ordered: Draft[], claims: Claim[], idf: IdfTable): { summary: string; keyPoints: string[] } {
  const restates = (item: { draft: Draft }, picked: { draft: Draft }[]): boolean =>
    picked.some((other) => termOverlap(item.draft.representative.features, other.draft.representative.features, idf).overlap >= RESTATES);
  const standalone = (d: Draft): boolean => !dependsOnPrevious(d.representative.sentence.text) && !readsAsTitle(d.representative.sentence.text) && d.section !== 'reaction';
  // How many sources back a claim, a source that states only part of it counting half: ten partial
  // citations of a long sentence do not make it the story's main fact.
  const backing = (index: number): number => (claims[index]?.support ?? []).reduce((sum, s) => sum + (s.part === 'full' ? 1 : 0.5), 0);
  const rank = ordered
    .map((draft, index) => ({ draft, index, text: claims[index]?.text ?? '', backing: backing(index) }))
    .sort(
      (a, b) =>
        b.backing - a.backing ||
        SECTION_ORDER.indexOf(a.draft.section) - SECTION_ORDER.indexOf(b.draft.section) ||
        a.index - b.index,
    );
  const summaryPicks: typeof rank = [];
  let length = 0;
  // The story opens with its lead: the most-cited lead claim comes first, then the most-cited others.
  const leadFirst = [...rank].sort((a, b) => Number(b.draft.section === 'lead') - Number(a.draft.section === 'lead'));
  const firstLead = leadFirst[0]?.draft.section === 'lead' ? leadFirst[0] : undefined;
  const summaryOrder = firstLead === undefined ? rank : [firstLead, ...rank.filter((item) => item !== firstLead)];
  for (const item of summaryOrder) {
    if (!standalone(item.draft) || item.text.length > 320) continue;
    // The lead's claims all tell the event: one is enough, and the rest of the summary says what came of it.
    if (item.draft.section === 'lead' && summaryPicks.some((pick) => pick.draft.section === 'lead')) continue;
    if (restates(item, summaryPicks)) continue;
    if (summaryPicks.length >= 2 && (summaryPicks.length >= 3 || length + item.text.length > 480)) break;
    summaryPicks.push(item);
    length += item.text.length;
  }
  if (summaryPicks.length === 0 && rank[0] !== undefined) summaryPicks.push(rank[0]);
  const inSummary = new Set(summaryPicks.map((item) => item.index));

  const anchors = (d: Draft): number =>
    Math.min(3, d.representative.features.figures.length + d.representative.features.dates.length + d.representative.features.names.length);
  const pointRank = rank
    .filter((item) => !inSummary.has(item.index) && !dependsOnPrevious(item.draft.representative.sentence.text) && !readsAsTitle(item.draft.representative.sentence.text))
    .sort(
      (a, b) =>
        Number(a.draft.section === 'reaction') - Number(b.draft.section === 'reaction') ||
        b.backing - a.backing ||
        Number(a.text.length > 220) - Number(b.text.length > 220) ||
        anchors(b.draft) - anchors(a.draft) ||
        a.index - b.index,
    );
  let points: typeof rank = [];
  for (const item of pointRank) {
    if (points.length >= 6) break;
    if (!restates(item, [...summaryPicks, ...points])) points.push(item);
  }
  if (points.length < 3) {
    const others = rank.filter((item) => !points.includes(item));
    points = [...points, ...others].slice(0, Math.min(3, rank.length));
  }
  return {
    summary: summaryPicks.sort((a, b) => a.index - b.index).map((item) => item.text).join(' '),
    keyPoints: points.sort((a, b) => a.index - b.index).map((item) => item.text),
  };
}

/** Article id, then position in the article. */
function compareIds(a: string, b: string, sentenceById: Map<string, Sentence>): number {
  const sa = sentenceById.get(a);
  const sb = sentenceById.get(b);
  if (sa === undefined || sb === undefined) return a.localeCompare(b);
  return sa.articleId.localeCompare(sb.articleId) || sa.index - sb.index;
}

/** One reason per sentence (the first recorded), in article order. */
function dedupeLeftOut(leftOut: LeftOut[], sentenceById: Map<string, Sentence>): LeftOut[] {
  const seen = new Set<string>();
  const unique = leftOut.filter((item) => (seen.has(item.sentenceId) ? false : (seen.add(item.sentenceId), true)));
  return unique.sort((a, b) => {
    const sa = sentenceById.get(a.sentenceId);
    const sb = sentenceById.get(b.sentenceId);
    if (sa === undefined || sb === undefined) return a.sentenceId.localeCompare(b.sentenceId);
    return sa.articleId.localeCompare(sb.articleId) || sa.index - sb.index;
  });
}
