/**
 * A lone telling of a happening others tell: a statement only one article makes, in words no other
 * statement of its date shares ("won final approval on Friday"), joins the one happening of its
 * date that several sources tell with the same kind of act ("the regulator approved the deal on
 * Friday"). A story's coverage rarely tells two approvals, two landfalls or two resignations on
 * one day without naming who or where; when it names a party the others do not, or when two
 * happenings of that kind share the date, the telling stays an entry of its own.
 */
import { entities } from '../text-features.ts';
import type { Report } from './dated-reports.ts';
import { actsInText, eventTerms, mainActs, withoutWhoTold } from './same-happening.ts';
import type { Vocabulary } from './story-vocabulary.ts';

/**
 * Acts a story often tells several of on one day, each somewhere else: a storm and its tornadoes
 * strike many places, teams win many matches, firms launch and hire more than once. A lone telling
 * of one of these may be any of them, so it never joins another telling for its act alone (the
 * decisions of a regulator, a court or a board come one a day).
 */
const MANY_A_DAY = new Set(['hit', 'win', 'launch', 'hire', 'begin', 'downgrade'].map((word) => actsInText(word)[0] ?? word));

/** Words naming an early stage of an act ("the preliminary approval"): another happening than the act itself. */
const EARLY_STAGE = new Set(['preliminary', 'provisional', 'provisionally', 'initial', 'initially', 'interim', 'tentative', 'tentatively', 'conditional', 'conditionally']);

/** Words of a text, with their punctuation left out. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
}

/**
 * True when the text tells `act` (a canonical act term) at an early stage: an early-stage word
 * just before one of its words for that act ("provisional approval", "initially approved") or just
 * after ("approved provisionally"). A stage word by another act qualifies that act ("initially
 * blocked …, but that obstacle was cleared" tells no early approval).
 */
export function earlyStage(text: string, act: string): boolean {
  const list = words(text);
  return list.some((word, i) => {
    if (!actsInText(word).includes(act)) return false;
    const near = [list[i - 2], list[i - 1], list[i + 1]].filter((w): w is string => w !== undefined);
    return near.some((w) => EARLY_STAGE.has(w.toLowerCase()));
  });
}

/** The initials of a many-word name, capitals only ("United Kingdom" → "UK"), or undefined for one word. */
function initials(name: string): string | undefined {
  const parts = name.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w));
  return parts.length >= 2 ? parts.map((w) => w[0]).join('') : undefined;
}

/** A word without the stops of its initials and without a possessive ("U.K.’s" → "UK"). */
function bareWord(word: string): string {
  return word.replace(/[’']s$/u, '').replace(/\./gu, '');
}

/**
 * True when `texts` name `name`: written out (case aside), as its initials when it is a name of
 * several capitalized words ("UK", "U.K." for "United Kingdom"), or written out when it is the
 * initials ("Pell Port Authority" for "PPA").
 */
function named(name: string, texts: string[]): boolean {
  const lower = name.toLowerCase();
  const short = initials(name);
  return texts.some((text) => {
    if (text.toLowerCase().includes(lower)) return true;
    if (short !== undefined) return (text.match(/[\p{L}.’']+/gu) ?? []).some((word) => bareWord(word) === short);
    if (!/^\p{Lu}{2,}$/u.test(name)) return false;
    return entitiesAsWritten(text).some((other) => initials(other) === name);
  });
}

/** The names of a text as it writes them (`entities` gives them lowercased). */
function entitiesAsWritten(text: string): string[] {
  const lower = text.toLowerCase();
  return entities(text).map((name) => {
    const at = lower.indexOf(name);
    return at < 0 ? name : text.slice(at, at + name.length);
  });
}

/** The names a telling gives that few of the story's sentences use: who or where, beyond the story's subject. */
function ownParties(report: Report, vocabulary: Vocabulary): string[] {
  // Who reported it ("According to CNN, …", "…, CNN reported") is no party of what happened.
  return entitiesAsWritten(withoutWhoTold(report.text)).filter((name) => {
    const terms = [...eventTerms(name)];
    // A date word ("Friday") or a word every report uses ("Microsoft") names nobody in particular.
    if (terms.length === 0) return false;
    return name.includes(' ') ? vocabulary.distinctiveName(name.toLowerCase()) : terms.every((t) => vocabulary.rareTerm(t));
  });
}

/**
 * True when the statements of `others` name every uncommon party the statements of `reports` name
 * (written out or as initials): nothing says `reports` tell of someone else ("Harlow Maritime Board
 * approved a rival bid" beside "the port authority approved the takeover").
 */
function namesEveryParty(reports: Report[], others: Report[], vocabulary: Vocabulary): boolean {
  const texts = others.map((r) => r.text);
  return reports.flatMap((r) => ownParties(r, vocabulary)).every((party) => named(party, texts));
}

/**
 * True when `group` tells an act `reports` mainly tell, one a story does not tell many of a day
 * (`mainActs`, not `MANY_A_DAY`), at the same stage (early: "preliminary", "provisional"; or not),
 * and names every uncommon party they name: nothing says `reports` tell of another happening of
 * that kind. Takes two lists of reports and the story's vocabulary. The test a lone telling passes
 * to join a group, and a vaguer dating to be listed under the one precise entry of its act.
 */
export function tellsTheSameAct(reports: Report[], group: Report[], vocabulary: Vocabulary): boolean {
  const acts = new Set(reports.flatMap((r) => mainActs(r.telling)).filter((act) => !MANY_A_DAY.has(act)));
  if (acts.size === 0) return false;
  const same = group.some((r) =>
    mainActs(r.telling).some((act) => acts.has(act) && earlyStage(r.text, act) === reports.some((own) => earlyStage(own.text, act))),
  );
  return same && namesEveryParty(reports, group, vocabulary);
}

/**
 * Joins each lone telling to the one group of its date it tells the same happening as. Takes the
 * groups of one date's reports (`groupReports`), the story's vocabulary and `familyOf` (a rewrite
 * to the report it rewrites); returns the groups with each joined lone telling moved into its
 * group, in the same order otherwise.
 *
 * A lone telling is a group whose reports all come from one article and name a main act
 * (`mainActs`). It joins a group of the same date range when that group is told by two or more
 * independent sources, none of them the lone telling's article; some statement of it names the
 * same main act at the same stage (early: "preliminary", "provisional"; or not: a plain or "final"
 * approval); and its statements name every party the lone telling names (written out or as its
 * initials). It joins only when exactly one group fits: two approvals told the same day stay apart
 * from a telling that does not say whose.
 */
export function joinLoneTellings(groups: Report[][], vocabulary: Vocabulary, familyOf: (articleId: string) => string): Report[][] {
  const rangeKey = (group: Report[]) => `${group[0]?.range.start}|${group[0]?.range.end}`;
  const joined = new Map<number, number>();
  groups.forEach((lone, l) => {
    const articles = new Set(lone.map((r) => r.articleId));
    if (articles.size !== 1) return;
    const fits = groups.flatMap((group, g) => {
      if (g === l || rangeKey(group) !== rangeKey(lone)) return [];
      if (new Set(group.map((r) => familyOf(r.articleId))).size < 2) return [];
      if (group.some((r) => articles.has(r.articleId))) return [];
      return tellsTheSameAct(lone, group, vocabulary) ? [g] : [];
    });
    if (fits.length === 1) joined.set(l, fits[0] as number);
  });
  if (joined.size === 0) return groups;
  const merged = groups.map((group) => [...group]);
  for (const [l, g] of joined) merged[g]?.push(...(groups[l] ?? []));
  return merged.filter((_, i) => !joined.has(i));
}
