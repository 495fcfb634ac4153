/**
 * Topical sections of a story's body: groups claims by what they are about (the distinctive words,
 * names and figures they share) and heads each group with a key phrase taken from its claims' own
 * words, never an invented one.
 *
 * The method is phrase-first, as in suffix-tree clustering of search results (Zamir & Etzioni,
 * 1998): phrases of one to four content words that several claims share are the candidate topics;
 * the best-supported distinctive phrase takes its claims, the next phrase takes from what is left,
 * and so on. A lone common word ("core", "questions") is a topic only when its claims also share
 * other distinctive words; a phrase or a name needs no such support. A claim that shares no phrase
 * joins the group it shares most distinctive terms with, or a last group of its own. The story's
 * subject (words in a large share of the claims, such as the company every claim names) is never
 * a topic: it says nothing about what sets a group apart. Once the groups stand, each is headed
 * by the phrase most of its claims share.
 */
import { isStopWord } from '../text-features.ts';
import { MONTHS, WEEKDAYS } from '../calendar-words.ts';

/** One claim as the grouping sees it. */
export interface TopicItem {
  id: string;
  /** The claim's text; topics and headings come from its words. */
  text: string;
  /** Independent sources that state it (rewrites of one report count once). */
  independentSources: number;
  /** Mean position in its sources, 0 (first sentence) to 1 (last). */
  position: number;
  /** The id of the claim this one points back at ("This…", "It…"); it is placed right after it, in its group. */
  follows?: string;
}

/** One topical group, in reading order. */
export interface TopicGroup {
  /**
   * The key phrase as its claims write it, first letter raised ("Scaling framework"); undefined
   * for the last group, of claims that share no topic with any other.
   */
  heading: string | undefined;
  /** Claim ids in reading order: by position in the sources, each dependent right after its antecedent. */
  itemIds: string[];
}

/** Options of `groupByTopic`; every field has a default. */
export interface TopicOptions {
  /** Fewest claims a topic needs. Default 3. */
  minGroupSize?: number;
  /** Most topics (the group of claims without one comes on top). Default 8. */
  maxGroups?: number;
  /** A word or phrase in more than this share of the claims is the story's subject, not a topic. Default 0.25. */
  subjectShare?: number;
}

/** Longest phrase considered, in words: long enough for most names ("Advanced AI Scaling Framework"). */
const MAX_PHRASE_WORDS = 4;

/** Shared distinctive words per pair of claims a lone common word needs to be a topic. */
const MIN_COHESION = 0.3;

const DEFAULTS: Required<TopicOptions> = { minGroupSize: 3, maxGroups: 8, subjectShare: 0.25 };

/** Words that say how something was reported or are too general to name a topic on their own. */
const GENERIC = new Set(
  [
    'said', 'says', 'say', 'told', 'tell', 'report', 'reports', 'reported', 'according', 'noted', 'added', 'described',
    'describes', 'called', 'calls', 'company', 'companies', 'firm', 'people', 'year', 'years', 'week', 'weeks', 'day',
    'days', 'time', 'today', 'now', 'also', 'just', 'even', 'more', 'most', 'less', 'much', 'many', 'some', 'other',
    'make', 'makes', 'made', 'like', 'get', 'gets', 'use', 'used', 'using', 'new', 'own', 'part', 'set', 'first',
    'blog', 'post', 'statement', 'announcement', 'interview', 'release', 'step', 'billion', 'million', 'percent',
    'toward', 'towards', 'amid', 'despite', 'via', 'per', 'mark', 'marks', 'question', 'questions', 'task', 'tasks',
    'thing', 'things', 'way', 'ways', 'move', 'moves', 'effort', 'efforts', 'issue', 'issues', 'point', 'points', 'fact',
    'case', 'number', 'lot', 'kind', 'type',
    // Kinds of place ("the county", "across the state") say where, not what about.
    'county', 'counties', 'city', 'cities', 'state', 'states', 'area', 'areas', 'region', 'regions', 'district',
    'districts', 'province', 'provinces', 'country', 'countries',
  ].map((word) => keyOf(word)),
);

/**
 * A word's key: lowercase, a plain plural folded ("benchmarks" → "benchmark"). Not a Porter stem:
 * that would make "scaling" and "Scale", or "developers" and "developing", one topic.
 */
function keyOf(lower: string): string {
  return /^\p{L}{4,}s$/u.test(lower) && !/(?:ss|us|is)$/u.test(lower) ? lower.slice(0, -1) : lower;
}

/** Days, months and parts of a day ("Wednesday night", "early Thursday"): when something happened, never a topic. */
const CALENDAR = new Set(
  [...WEEKDAYS, ...MONTHS, ...'morning afternoon evening night overnight early late'.split(' ')],
);

/** Small words that join the words of one name ("Bank of England", "Procter and Gamble"). */
const JOINS_NAME = new Set(['of', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'for', '&']);

/** A phrase candidate: its key (stems joined by spaces) and its words as written. */
interface Phrase {
  key: string;
  surface: string;
  length: number;
  /** Written capitalized, and not only as a sentence's first word: a name. */
  named: boolean;
}

/**
 * Groups `items` into topics and orders them: topics by weight (the most independent sources any
 * of its claims has, then the earliest position in the sources, then size), the group of claims
 * without a topic last; claims within a group by position, each dependent right after the claim
 * it points back at. Pure and deterministic: the same items give the same groups.
 */
export function groupByTopic(items: TopicItem[], options: TopicOptions = {}): TopicGroup[] {
  const { minGroupSize, maxGroups, subjectShare } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError(`minGroupSize must be a whole number of at least 1, got ${minGroupSize}`);
  if (!Number.isInteger(maxGroups) || maxGroups < 0) throw new RangeError(`maxGroups must be a whole number of at least 0, got ${maxGroups}`);
  if (!(subjectShare > 0 && subjectShare <= 1)) throw new RangeError(`subjectShare must be above 0 and at most 1, got ${subjectShare}`);

  const byId = new Map(items.map((item) => [item.id, item]));
  // A dependent goes wherever its antecedent goes; only the others are grouped.
  const rootOf = (item: TopicItem): TopicItem => {
    let current = item;
    const seen = new Set<string>();
    while (current.follows !== undefined && byId.has(current.follows) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.follows) as TopicItem;
    }
    return current;
  };
  const roots = items.filter((item) => rootOf(item) === item);

  const phrasesOf = withSpelledOutAcronyms(new Map(roots.map((item) => [item.id, phrases(item.text)])));
  const termsOf = new Map(roots.map((item) => [item.id, new Set([...(phrasesOf.get(item.id)?.keys() ?? [])].filter((key) => !key.includes(' ')))]));
  const df = new Map<string, number>();
  for (const found of phrasesOf.values()) for (const key of found.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const subjectLimit = Math.max(minGroupSize, Math.floor(roots.length * subjectShare));
  // Names: phrases most claims that use them write capitalized past a sentence's first word.
  const capitalized = new Map<string, number>();
  for (const found of phrasesOf.values()) for (const phrase of found.values()) if (phrase.named) capitalized.set(phrase.key, (capitalized.get(phrase.key) ?? 0) + 1);
  const named = new Set([...capitalized].filter(([key, count]) => count * 2 > (df.get(key) ?? 0)).map(([key]) => key));
  // The subject: words in more claims than the limit, and the other word of a two-part name of it
  // when mostly written in that name ("Ferries", nearly always in "Pellam Ferries").
  const commonWords = new Set([...df].filter(([key, count]) => !key.includes(' ') && count > subjectLimit).map(([key]) => key));
  const subjectWords = new Set(commonWords);
  // Only a name of its own counts, not a piece of a longer one ("AI Scaling" in "Advanced AI
  // Scaling Framework", which names something else), and only against the common words: one
  // name's words made the subject must not make the next name's words the subject in turn.
  const pieceOfLongerName = (key: string): boolean =>
    [...named].some((longer) => longer !== key && ` ${longer} `.includes(` ${key} `) && (df.get(longer) ?? 0) >= (df.get(key) ?? 0));
  for (const key of named) {
    const parts = key.split(' ');
    const others = parts.filter((part) => !commonWords.has(part) && !JOINS_NAME.has(part));
    if (parts.length < 2 || others.length !== 1 || others.length === parts.length || pieceOfLongerName(key)) continue;
    const [other] = others as [string];
    if ((df.get(key) ?? 0) * 2 >= (df.get(other) ?? 0)) subjectWords.add(other);
  }
  const subject = (key: string): boolean => subjectWords.has(key) || (df.get(key) ?? 0) > subjectLimit;
  // Short words some claim writes in capitals only: acronyms.
  const acronyms = new Set<string>();
  for (const found of phrasesOf.values()) for (const phrase of found.values()) if (phrase.length === 1 && /^\p{Lu}{2,}$/u.test(phrase.surface)) acronyms.add(phrase.key);
  // Per key, the claims that write it only inside longer names.
  const insideNames = new Map<string, number>();
  for (const root of roots) {
    const tokens = tokensOf(root.text);
    for (const [key, phrase] of phrasesOf.get(root.id) ?? []) {
      if (insideNamesIn(tokens, phrase.surface)) insideNames.set(key, (insideNames.get(key) ?? 0) + 1);
    }
  }
  const distinctive = (key: string): boolean => {
    const count = df.get(key) ?? 0;
    if (count < 2 || subject(key) || /^[\d.,%$€£ ]+$/u.test(key)) return false;
    const parts = key.split(' ');
    // The subject's word with one more ("Storm Kira", "Pellam Ferries" in stories about
    // them) names the subject too, only less often; a longer name that holds it ("Advanced AI
    // Scaling Framework") names something of its own.
    if (parts.length > 1 && parts.some(subject) && parts.filter((part) => !subject(part) && !JOINS_NAME.has(part)).length <= 1) return false;
    // A name keeps its words ("Bank of England"); elsewhere a generic first or last word makes a phrase generic.
    if (!named.has(key) && (GENERIC.has(parts[0] ?? '') || GENERIC.has(parts.at(-1) ?? ''))) return false;
    // A day or month dates a fact; it is not what the fact is about.
    if (parts.every((part) => CALENDAR.has(part))) return false;
    // Two letters name a topic only as an acronym ("UK", "EU"), not as an abbreviation ("St").
    if (parts.length === 1 && key.length <= 2 && !acronyms.has(key)) return false;
    // Words most claims write only inside a longer name name a kind of thing ("County" in "Pell
    // County" and "Ash County"; "Category 3") or a piece of a name that is a topic itself
    // ("Markets Authority" in "Competition and Markets Authority"): not a topic on their own.
    if ((insideNames.get(key) ?? 0) * 3 >= count * 2) return false;
    // A lone lowercase verb or adverb form ("leading", "offered", "really") names no topic.
    return key.includes(' ') || named.has(key) || !/(?:ing|ed|ly)$/u.test(key);
  };
  const weight = (key: string): number => Math.log(1 + roots.length / (df.get(key) ?? 1));

  /** Mean number of distinctive words each pair of the claims shares besides the key's own. */
  const cohesion = (ids: string[], key: string): number => {
    const own = new Set(key.split(' '));
    let shared = 0;
    let pairs = 0;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const b = termsOf.get(ids[j] ?? '') ?? new Set<string>();
        for (const term of termsOf.get(ids[i] ?? '') ?? []) if (b.has(term) && !own.has(term) && distinctive(term)) shared += 1;
        pairs += 1;
      }
    }
    return pairs === 0 ? 0 : shared / pairs;
  };

  // Greedy: the phrase that best covers the unassigned claims takes them.
  const unassigned = new Set(roots.map((item) => item.id));
  const topics: { key: string; ids: string[] }[] = [];
  while (topics.length < maxGroups) {
    let best: { key: string; ids: string[]; score: number } | undefined;
    for (const key of [...df.keys()].sort()) {
      if (!distinctive(key)) continue;
      const ids = roots.filter((item) => unassigned.has(item.id) && phrasesOf.get(item.id)?.has(key)).map((item) => item.id);
      if (ids.length < minGroupSize) continue;
      // A topic's claims share more than the phrase itself: other distinctive words, names, figures.
      const together = cohesion(ids, key);
      const specific = key.includes(' ') || named.has(key);
      // A lone common word ("core") heads a topic only when its claims also agree on other words.
      if (!specific && together < MIN_COHESION) continue;
      // Longer shared phrases and names say more about a topic than a single shared word.
      const score = ids.length * weight(key) * (1 + 0.5 * (key.split(' ').length - 1)) * (named.has(key) ? 1.5 : 1) * (specific ? 1 : 0.5) * (1 + together);
      if (best === undefined || score > best.score) best = { key, ids, score };
    }
    if (best === undefined) break;
    topics.push({ key: best.key, ids: best.ids });
    for (const id of best.ids) unassigned.delete(id);
  }

  // A claim with no topic phrase joins the topic it shares most distinctive terms with.
  const rest: string[] = [];
  for (const id of [...unassigned].sort()) {
    const own = termsOf.get(id) ?? new Set<string>();
    let best: { topic: (typeof topics)[number]; score: number } | undefined;
    for (const topic of topics) {
      const shared = new Set<string>();
      for (const other of topic.ids) for (const term of termsOf.get(other) ?? []) if (own.has(term) && distinctive(term)) shared.add(term);
      const score = [...shared].reduce((sum, term) => sum + weight(term), 0) / Math.sqrt(topic.ids.length);
      if (shared.size >= 2 && (best === undefined || score > best.score)) best = { topic, score };
    }
    if (best === undefined) rest.push(id);
    else best.topic.ids.push(id);
  }

  // A heading never takes another topic's key or a word of it: two sections headed "Power" and
  // "Power outages" would read as one topic told twice.
  const headingOf = (topic: (typeof topics)[number]) => {
    const others = topics.filter((other) => other !== topic);
    const usable = (key: string) => distinctive(key) && !others.some((other) => other.key === key || (!key.includes(' ') && other.key.split(' ').includes(key)));
    return heading(topic.key, topic.ids, phrasesOf, usable, named);
  };
  const groups: { heading: string | undefined; ids: string[] }[] = topics.map((topic) => ({ heading: headingOf(topic), ids: topic.ids }));
  const strength = (ids: string[]) => {
    const members = ids.map((id) => byId.get(id) as TopicItem);
    return {
      sources: Math.max(...members.map((m) => m.independentSources)),
      position: Math.min(...members.map((m) => m.position)),
    };
  };
  groups.sort((a, b) => {
    const sa = strength(a.ids);
    const sb = strength(b.ids);
    return sb.sources - sa.sources || sa.position - sb.position || b.ids.length - a.ids.length || (a.heading ?? '').localeCompare(b.heading ?? '');
  });
  if (rest.length > 0) groups.push({ heading: undefined, ids: rest });

  const dependents = new Map<string, TopicItem[]>();
  for (const item of items) {
    if (rootOf(item) === item || item.follows === undefined) continue;
    const antecedent = byId.has(item.follows) ? item.follows : rootOf(item).id;
    dependents.set(antecedent, [...(dependents.get(antecedent) ?? []), item]);
  }
  return groups.map((group) => ({ heading: group.heading, itemIds: readingOrder(group.ids, byId, dependents) }));
}

/**
 * Adds to each claim that names a thing another way the name most claims spell out, so all the
 * ways of naming one thing make one topic: an acronym ("KHA") gets the name whose initials it
 * is ("Kell and Harbour Authority"), when two or more claims write that name; a name
 * written without its joining word ("Competition Markets Authority") gets the name with it.
 * Takes and returns the phrases of each claim.
 */
function withSpelledOutAcronyms(phrasesOf: Map<string, Map<string, Phrase>>): Map<string, Map<string, Phrase>> {
  const uses = new Map<string, { phrase: Phrase; count: number }>();
  for (const found of phrasesOf.values()) {
    for (const phrase of found.values()) {
      if (!phrase.named || phrase.length < 2) continue;
      const entry = uses.get(phrase.key) ?? { phrase, count: 0 };
      entry.count += 1;
      uses.set(phrase.key, entry);
    }
  }
  // By initials and by words without joining words, the name most claims write.
  const byInitials = new Map<string, { phrase: Phrase; count: number }>();
  const byWords = new Map<string, { phrase: Phrase; count: number }>();
  for (const entry of [...uses.values()].sort((a, b) => b.count - a.count || a.phrase.key.localeCompare(b.phrase.key))) {
    if (entry.count < 2) continue;
    const initials = initialsOf(entry.phrase);
    if (initials.length >= 2 && !byInitials.has(initials)) byInitials.set(initials, entry);
    const words = wordsOf(entry.phrase);
    if (!byWords.has(words)) byWords.set(words, entry);
  }
  for (const found of phrasesOf.values()) {
    for (const phrase of [...found.values()]) {
      const acronym = phrase.length === 1 && /^\p{Lu}{2,}$/u.test(phrase.surface);
      const name = acronym ? byInitials.get(phrase.surface)?.phrase : phrase.named && phrase.length >= 2 ? byWords.get(wordsOf(phrase))?.phrase : undefined;
      if (name !== undefined && !found.has(name.key)) found.set(name.key, name);
    }
  }
  return phrasesOf;
}

/** A name's words without its joining words, lowercased: "Competition (and) Markets Authority" either way. */
function wordsOf(phrase: Phrase): string {
  return phrase.key
    .split(' ')
    .filter((word) => !JOINS_NAME.has(word))
    .join(' ');
}

/** The initials of a name's words, joining words left out ("Bank of England" → "BE"). */
function initialsOf(phrase: Phrase): string {
  return phrase.surface
    .split(/\s+/u)
    .filter((word) => !JOINS_NAME.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/**
 * True when every time `text` writes `phrase` (a phrase of it as written) it is part of a longer
 * name: capitalized next to a capitalized word that does not open the sentence ("Pell County",
 * "Competition and Markets Authority" for "Markets Authority"), or before a number ("Category 3");
 * not a lowercase word after a name ("the Diamond benchmark"). A possessive
 * before it ("Britain's Competition and Markets Authority") names whose it is, not more of the
 * name. False when the text does not write the phrase as given.
 */
export function onlyInsideNames(text: string, phrase: string): boolean {
  return insideNamesIn(tokensOf(text), phrase);
}

/** A text's whitespace tokens as written, bare (edge punctuation off) and plain (also lowercased, possessive off): read once per claim. */
interface Tokens {
  written: string[];
  bare: string[];
  plain: string[];
}

function tokensOf(text: string): Tokens {
  const written = text.split(/\s+/u);
  const bare = written.map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return { written, bare, plain: bare.map((token) => token.replace(/['’]s$/u, '').toLowerCase()) };
}

/** A short abbreviation that opens a name: "St.", "Mt.", "Ft.", "Pt.", or an initial ("J."). */
const NAME_ABBREVIATION = /^(?:St|Mt|Ft|Pt|\p{Lu})\.$/u;

/** `onlyInsideNames` on a text already split into `Tokens`. */
function insideNamesIn({ written, bare, plain }: Tokens, phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/u);
  // A capital after a full stop opens a sentence, unless the stop closes an abbreviation in a name ("St. Ives County").
  const capitalized = (index: number): boolean =>
    index > 0 && /^\p{Lu}/u.test(bare[index] ?? '') && (!/[.!?:]$/u.test(written[index - 1] ?? '') || NAME_ABBREVIATION.test(written[index - 1] ?? ''));
  let seen = 0;
  for (let index = 0; index + words.length <= bare.length; index += 1) {
    if (!words.every((word, k) => plain[index + k] === word)) continue;
    seen += 1;
    const last = index + words.length - 1;
    // Punctuation or a possessive at either edge ends the name there ("in Kelby, …", "Britain's").
    const ends = /[,;:.!?)”"]$|['’]s$/u.test(written[last] ?? '');
    const opens = /[,;:.!?)”"]$|['’]s[,;:.!?)”"]?$/u.test(written[index - 1] ?? '');
    const numbered = !ends && /^\d/u.test(bare[last + 1] ?? '');
    // A lowercase word after a name ("the Diamond benchmark") is no part of it.
    const capital = /^\p{Lu}/u.test(bare[index] ?? '');
    const before = capital && !opens && (capitalized(index - 1) || (JOINS_NAME.has(plain[index - 1] ?? '') && capitalized(index - 2)));
    const after = capital && !ends && (capitalized(last + 1) || (JOINS_NAME.has(plain[last + 1] ?? '') && capitalized(last + 2)));
    if (!before && !after && !numbered) return false;
  }
  return seen > 0;
}

/** Ids by position in the sources (then id), each followed by its dependents, recursively. */
function readingOrder(ids: string[], byId: Map<string, TopicItem>, dependents: Map<string, TopicItem[]>): string[] {
  const byPosition = (a: TopicItem, b: TopicItem) => a.position - b.position || a.id.localeCompare(b.id);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (item: TopicItem): void => {
    if (placed.has(item.id)) return;
    placed.add(item.id);
    ordered.push(item.id);
    for (const dependent of [...(dependents.get(item.id) ?? [])].sort(byPosition)) place(dependent);
  };
  for (const item of ids.map((id) => byId.get(id) as TopicItem).sort(byPosition)) place(item);
  return ordered;
}

/**
 * The heading of a topic: of the distinctive phrases at least two of its claims share, the one
 * that most of them share, longer phrases and names counting for more (its key phrase among the
 * candidates), as the first claim that has it writes it.
 */
function heading(
  key: string,
  ids: string[],
  phrasesOf: Map<string, Map<string, Phrase>>,
  usable: (key: string) => boolean,
  named: Set<string>,
): string {
  const counts = new Map<string, { phrase: Phrase; count: number }>();
  for (const id of ids) {
    for (const phrase of phrasesOf.get(id)?.values() ?? []) {
      if (phrase.key !== key && !usable(phrase.key)) continue;
      const entry = counts.get(phrase.key) ?? { phrase, count: 0 };
      entry.count += 1;
      counts.set(phrase.key, entry);
    }
  }
  const score = (entry: { phrase: Phrase; count: number }) =>
    entry.count * (1 + 0.5 * (entry.phrase.length - 1)) * (named.has(entry.phrase.key) || entry.phrase.length > 1 ? 1.5 : 1);
  const best = [...counts.values()]
    .filter((entry) => entry.count >= 2 || entry.phrase.key === key)
    .sort((a, b) => score(b) - score(a) || b.phrase.length - a.phrase.length || a.phrase.key.localeCompare(b.phrase.key))[0];
  const surface = best?.phrase.surface ?? key;
  return surface.charAt(0).toUpperCase() + surface.slice(1);
}

/**
 * Every phrase of one to four consecutive content words in `text` (no stop word, no punctuation
 * between them), by key; the first way the text writes each is kept. A possessive is dropped
 * ("Meta's" → "Meta"), so "Meta's framework" and "Meta framework" share a key.
 */
export function phrases(text: string): Map<string, Phrase> {
  const found = new Map<string, Phrase>();
  // Punctuation that ends a clause or a quote breaks a phrase; so does a stop word.
  // The full stop of a short abbreviation inside a name ("St. Ives County", "Mt. Ash") does not end it.
  for (const chunk of text.split(/[,;:!?()[\]“”"—–]+|(?<!\b(?:St|Mt|Ft|Pt)|\b\p{Lu})\.(?=\s|$)|(?<=\b(?:St|Mt|Ft|Pt)\.)(?=\s+\p{Ll})|\s-\s/u)) {
    let run: { word: string; stem: string; capital: boolean }[] = [];
    const flush = () => {
      for (let start = 0; start < run.length; start += 1) {
        for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= run.length; length += 1) {
          const part = run.slice(start, start + length);
          // A joining word only joins: no phrase starts or ends with one ("of Duty").
          if (JOINS_NAME.has(part[0]?.stem ?? '') || JOINS_NAME.has(part.at(-1)?.stem ?? '')) continue;
          const key = part.map((w) => w.stem).join(' ');
          const named = part.every((w) => w.capital);
          const known = found.get(key);
          if (known === undefined) found.set(key, { key, surface: part.map((w) => w.word).join(' '), length, named });
          else if (named && !known.named) found.set(key, { ...known, named });
        }
      }
      run = [];
    };
    // An abbreviation keeps its full stop as written ("St. Ives"); its key does not.
    const words = chunk
      .trim()
      .split(/\s+/u)
      .map((raw) => (NAME_ABBREVIATION.test(raw) && raw.length > 2 ? raw : raw.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}%]+$/gu, '').replace(/['’]s$/u, '')));
    for (const [index, word] of words.entries()) {
      const lower = word.replace(/\.$/u, '').toLowerCase();
      // "of", "and", "the" inside a name ("Bank of England", "Kell and Harbour Authority") belong to it.
      const insideName = JOINS_NAME.has(lower) && (run.at(-1)?.capital ?? false) && /^\p{Lu}/u.test(words[index + 1] ?? '');
      if (insideName) {
        run.push({ word, stem: lower, capital: true });
        continue;
      }
      if (word.length < 2 || isStopWord(lower)) {
        flush();
        continue;
      }
      run.push({ word, stem: keyOf(lower), capital: index > 0 && /^\p{Lu}/u.test(word) });
    }
    flush();
  }
  return found;
}
