/**
 * Cuts the clause that says what happened out of a sentence that dates it: the text half of the
 * timeline stage. Extractive: every word comes from the sentence, in its order; the only marks
 * added are an ellipsis where words between a subject and its clause were left out, and a capital
 * on the first letter.
 *
 * Clause boundaries are found with plain punctuation and function words (no parser): semicolons,
 * colons, dashes, brackets, a comma before "which"/"who"/"but"/"-ing", and subordinators such as
 * "since" or "because". Commas inside a list ("Alibaba, DeepSeek, and Zhipu AI") or inside a date
 * ("April 8, 2026") are not boundaries.
 */

/** A span of the sentence that must not be cut (a date expression). */
export interface Span {
  index: number;
  length: number;
}

const IRREGULAR_VERBS = new Set(
  ('was were is are has had have rose fell grew made took went came became began brought bought built sold spent ' +
    'won lost led left met paid put ran said saw set told wrote held kept got gave hit cut drew threw shut struck ' +
    'sought fought taught caught hired unveiled').split(' '),
);

/** Words that open a clause after a comma (including participles: ", opened in 2016,", ", ending …"). */
const CLAUSE_AFTER_COMMA = /^(?:which|who|whom|whose|where|while|whereas|although|though|but|because|since|so|yet|as|when|after|before|and\s+(?:it|its|they|their|he|his|she|her|we|our|the|this|that|there|these|those|a|an)|or\s+(?:it|they|the))\b|^\p{Ll}+(?:ing|ed)\b/u;

/** Subordinators that open a clause without a comma. */
const SUBORDINATOR = /^(?:since|because|although|whereas|while|when|after|before)\s/;

/** Words in -ed that are no verb's past ("speed", "hundred", "seabed"); "offered" and "robbed" are. */
const NOT_VERBS_IN_ED = /(?:need|seed|speed|feed|breed|steed|seabed|riverbed|hotbed|sickbed|flowerbed|hundred|kindred|sacred|naked|wicked|rugged|ragged|jagged|crooked|wretched)$/u;

/**
 * True for a word that reads as a finite or participial verb ("launched", "was", "grew", "re-elected").
 * A compound in -ed is an adjective ("stock-based awards", "state-owned port"), unless its first
 * part is a verb's prefix (re-, co-, pre-, de-, un-, over-, under-, out-).
 */
export function looksLikeVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_VERBS.has(lower)) return true;
  if (!/^\p{Ll}[\p{Ll}-]{2,}ed$/u.test(word) || NOT_VERBS_IN_ED.test(lower)) return false;
  return !lower.includes('-') || /^(?:re|co|pre|de|un|over|under|out)-/u.test(lower);
}

/** Verbs that report speech: a clause whose only verbs are these tells that someone spoke, not what happened. */
const SPEECH_VERBS = /^(?:said|says|told|tells|wrote|writes|added|adds|noted|notes|stated|states)$/iu;
const MODALS = /^(?:will|would|could|can|may|might|should|must|shall)$/iu;

/**
 * True when a clause tells only that someone spoke ("the chief executive said", "he said in a
 * telephone interview early Thursday"): it has a verb of speech and no other verb, so what was said
 * lies outside it. Takes an event clause; such a clause dates no happening of its own.
 */
export function onlyTellsASaying(clause: string): boolean {
  // A clause that opens inside a quotation ('Is a good day to play," the chief said on Friday')
  // holds a piece of what was said and then who said it: only the part after the quote is told.
  const tail = afterQuoteTail(clause);
  if (tail !== undefined) return onlyTellsASaying(tail);
  // A whole quotation is what was said: the clause tells it, whatever its verbs look like.
  if (/[“"][^”"]{12,}[”"]/u.test(clause)) return false;
  const words = clause.split(/\s+/u).map((word) => word.replace(/[^\p{L}-]/gu, '')).filter(Boolean);
  const speech = words.filter((word) => SPEECH_VERBS.test(word));
  // A modal ("the storm will continue to move…") is a verb phrase too, though its verb ends in no -ed.
  return speech.length > 0 && !words.some((word) => (!SPEECH_VERBS.test(word) && looksLikeVerb(word)) || MODALS.test(word));
}

/** The text after the quotation a clause opens inside (its closing mark comes before any opening one); none when it does not open inside one. */
function afterQuoteTail(clause: string): string | undefined {
  const close = /[”"]/u.exec(clause);
  if (close === null) return undefined;
  const before = clause.slice(0, close.index);
  if (before.includes('“')) return undefined;
  // A straight quote closes a quotation opened before the clause only when the clause's straight quotes are odd in number.
  if (close[0] === '"' && (clause.match(/"/gu) ?? []).length % 2 === 0) return undefined;
  const after = clause.slice(close.index + 1).replace(/^[\s,.;:]+/u, '');
  return after === '' ? undefined : after;
}

/** True when a clause has no subject of its own: it opens with a relative pronoun or a verb. */
function lacksSubject(clause: string): boolean {
  const first = /^[\p{L}'’-]+/u.exec(clause.trim())?.[0] ?? '';
  return /^(?:which|who|whose|that)$/i.test(first) || looksLikeVerb(first);
}

function inside(position: number, spans: Span[]): boolean {
  return spans.some((s) => position > s.index && position < s.index + s.length);
}

/** Cut points (index where a new clause starts, and where the previous one ends) in the sentence. */
function boundaries(sentence: string, spans: Span[]): { cut: number; resume: number }[] {
  const found: { cut: number; resume: number }[] = [];
  const asides = bracketAsides(sentence, spans);
  for (const match of sentence.matchAll(/\s*[;:—–()[\]]\s*|\s+-\s+|\s*…\s*/gu)) {
    const at = match.index ?? 0;
    const mark = match[0].trim();
    // The colon of a clock time ("at 3:15 p.m.") or a ratio ("2:1") joins figures; it opens no clause.
    if (mark === ':' && match[0] === ':' && /\d$/u.test(sentence.slice(0, at)) && /^\d/u.test(sentence.slice(at + 1))) continue;
    if ((mark === '(' || mark === ')') && asides.some((aside) => at + match[0].indexOf(mark) === aside.open || at + match[0].indexOf(mark) === aside.close)) continue;
    // The mark itself, not the space before it, must lie outside a date: a date's phrase may end at the space.
    if (!inside(at + match[0].indexOf(mark), spans)) found.push({ cut: at, resume: at + match[0].length });
  }
  for (const match of sentence.matchAll(/,\s+/g)) {
    const at = match.index ?? 0;
    const resume = at + match[0].length;
    if (!inside(at, spans) && CLAUSE_AFTER_COMMA.test(sentence.slice(resume))) found.push({ cut: at, resume });
  }
  for (const match of sentence.matchAll(/\s+(?=\S)/g)) {
    const at = match.index ?? 0;
    const resume = at + match[0].length;
    if (sentence.charAt(at - 1) === ',' || inside(at, spans) || inside(resume, spans)) continue;
    if (SUBORDINATOR.test(sentence.slice(resume))) found.push({ cut: at, resume });
  }
  return found.sort((a, b) => a.cut - b.cut);
}

/**
 * Brackets that hold an aside, not a clause: no verb and no date inside ("(£59bn)", "(KHA)"). The
 * clause runs through them: "it blocked the original $69bn (£59bn) deal in April" is one clause.
 */
function bracketAsides(sentence: string, spans: Span[]): { open: number; close: number }[] {
  const asides: { open: number; close: number }[] = [];
  for (const match of sentence.matchAll(/\(([^()]*)\)/gu)) {
    const open = match.index ?? 0;
    const close = open + match[0].length - 1;
    const words = (match[1] ?? '').split(/\s+/u).map((word) => word.replace(/[^\p{L}-]/gu, ''));
    const dated = spans.some((span) => span.index > open && span.index < close);
    if (!dated && !words.some((word) => looksLikeVerb(word))) asides.push({ open, close });
  }
  return asides;
}

/** The segments of a sentence between clause boundaries, as [start, end) offsets. */
function segments(sentence: string, spans: Span[]): [number, number][] {
  const result: [number, number][] = [];
  let start = 0;
  for (const { cut, resume } of boundaries(sentence, spans)) {
    if (cut < start) continue;
    result.push([start, cut]);
    start = resume;
  }
  result.push([start, sentence.length]);
  return result;
}

/** Where a second predicate begins: `cut` before its conjunction, `resume` at its first word. */
interface PredicateCut {
  cut: number;
  resume: number;
}

/**
 * Splits a range of the sentence at " and <verb>", " but <verb>" or ", and <word>" (two
 * predicates, two events: "regained strength on Tuesday but was downgraded by Wednesday") outside
 * the spans.
 */
function predicateCuts(sentence: string, from: number, to: number, spans: Span[]): PredicateCut[] {
  const cuts: PredicateCut[] = [];
  const pattern = /,?\s+(?:and|but)\s+([\p{L}-]+)/gu;
  pattern.lastIndex = from;
  for (let match = pattern.exec(sentence); match !== null && (match.index ?? 0) < to; match = pattern.exec(sentence)) {
    // ", and <lowercase word>" joins two clauses more often than it ends a list of names.
    const clauseJoin = match[0].startsWith(', and') && /^\p{Ll}/u.test(match[1] ?? '');
    const at = match.index ?? 0;
    if ((clauseJoin || looksLikeVerb(match[1] ?? '')) && !inside(at, spans)) cuts.push({ cut: at, resume: at + match[0].length - (match[1] ?? '').length });
  }
  return cuts;
}

const LEADING_CONNECTIVE = /^(?:and|but|or|so|yet|since|because|although|though|whereas|while|when|after|before|as|then|still|however|meanwhile|also|back|even|only|already)\b,?\s*/i;

/** Drops a leading connective and the date phrase when the clause opens with it ("In June 2025, …"). */
function stripLead(text: string, offset: number, date: Span): { text: string; offset: number } {
  let t = text;
  let o = offset;
  const skip = (n: number) => {
    t = t.slice(n);
    o += n;
  };
  const lead = /^\s+/.exec(t);
  if (lead) skip(lead[0].length);
  const connective = LEADING_CONNECTIVE.exec(t);
  if (connective && connective.index === 0 && date.index >= o + connective[0].length) skip(connective[0].length);
  const quote = /^["“‘']\s*/.exec(t);
  const afterQuote = quote ? quote[0].length : 0;
  const prep = /^(?:in|on|by|at|during|from|as\s+of)\s+/i.exec(t.slice(afterQuote));
  const datePos = date.index - o;
  const prepLength = prep ? prep[0].length : 0;
  if (datePos === afterQuote || datePos === afterQuote + prepLength) {
    const rest = t.slice(date.index + date.length - o);
    const sep = /^[\s,]*/.exec(rest)?.[0] ?? '';
    if (rest.length > sep.length) skip(date.index + date.length - o + sep.length);
  }
  return { text: t, offset: o };
}

/** Removes trailing punctuation and unbalanced quotes, capitalizes the first letter. */
function tidy(text: string): string {
  // A clause cut before what a connective leads to ends at the word before it ("won approval on Friday, thus").
  let t = text.trim().replace(/[\s,;:.]+$/u, '').replace(/(?:[\s,]+(?:thus|hence|and|but|or|so|then|while|whereas|which|who|that|when|with))+$/iu, '');
  const opens = (t.match(/[“"]/g) ?? []).length;
  const closes = (t.match(/[”"]/g) ?? []).length;
  if (/^[“"]/.test(t) && opens > closes) t = t.slice(1).trimStart();
  if (/[”"]$/.test(t) && (t.match(/[“]/g) ?? []).length < (t.match(/[”]/g) ?? []).length) t = t.slice(0, -1).trimEnd();
  if (/^[“"]/.test(t) && !/[”"]/.test(t.slice(1))) t = t.slice(1).trimStart();
  // A quotation whose opening was cut off with a leading date: keep the quoted words, not the attribution.
  const strayClose = /[”]/.exec(t);
  if (strayClose !== null && !/[“]/.test(t.slice(0, strayClose.index))) t = t.slice(0, strayClose.index);
  t = t.replace(/[\s,;:.]+$/u, '');
  // A bracket opened in the clause and closed just after it: close it again.
  if ((t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length) t = `${t})`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * True for a short opening phrase that says nothing happened: a preposition, then at most seven
 * words with no verb ("In a further development today", "At a briefing on Friday").
 */
function openingPhrase(piece: string): boolean {
  const words = piece.trim().split(/\s+/u).map((word) => word.replace(/[^\p{L}-]/gu, '').toLowerCase());
  if (words.length > 8 || !/^(?:in|on|at|during|amid|with)$/u.test(words[0] ?? '')) return false;
  return !words.some((word) => looksLikeVerb(word) || /^\p{Ll}{2,}(?:ing|ed)$/u.test(word));
}

/** True when a text ends with "that" and at most a preposition: what follows opens the clause "that" leads. */
function opensThatClause(before: string): boolean {
  return /\bthat\s+(?:(?:by|on|in|at|from|until|before|after|during)\s+)?$/iu.test(before);
}

/** Shortens a clause to `maxLength` at the best boundary that keeps `focus` (an offset in it). */
function shorten(text: string, focus: number, maxLength: number, spans: Span[]): string {
  if (text.length <= maxLength) return text;
  const cuts: number[] = predicateCuts(text, 0, text.length, spans).map((c) => c.cut);
  if (cuts.length === 0) {
    for (const match of text.matchAll(/,\s+/g)) if (!inside(match.index ?? 0, spans)) cuts.push(match.index ?? 0);
  }
  const edges = [0, ...cuts.sort((a, b) => a - b), text.length];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const from = edges[i] ?? 0;
    const to = edges[i + 1] ?? text.length;
    if (focus >= from && focus < to) {
      const piece = text.slice(from, to).replace(/^,?\s+(?:and|but)\s+/u, '').replace(/^,\s*/, '');
      // A date in an opening phrase with no verb ("In a further development today, the chair said …")
      // dates the main clause after it, which says what happened.
      if (from === 0 && to < text.length && openingPhrase(piece)) {
        return shorten(text.slice(to).replace(/^,\s*/u, ''), 0, maxLength, []);
      }
      // "… warned that by Friday morning, residents would …": a "that" clause opened by its date
      // goes on after the comma, so the piece would end before saying anything; cut the text instead.
      if (to < text.length && opensThatClause(text.slice(from, focus))) break;
      if (piece.length <= maxLength) return piece;
      break;
    }
  }
  const hard = text.slice(0, maxLength - 1);
  return `${hard.slice(0, Math.max(hard.lastIndexOf(' '), 1)).replace(/[\s,;:]+$/u, '')}…`;
}

/**
 * The clause of `sentence` that the date expression `date` belongs to, ready to show: leading date
 * phrase dropped (the label carries the date), subject restored for clauses that lack one ("Orbit 2,
 * which launched in March 2024"), at most `maxLength` characters. `others` are the sentence's other
 * date expressions: two dates in one clause split it at " and <verb>". With `followingPhrase`, the
 * dated thing is what follows the expression ("10 months after <X>"), and X is returned.
 */
export function eventClause(
  sentence: string,
  date: Span,
  others: Span[],
  options: { maxLength: number; followingPhrase?: boolean; phrase?: Span },
): string {
  const spans = [date, ...others];
  if (options.phrase !== undefined) {
    const { index, length } = options.phrase;
    return tidy(shorten(sentence.slice(index, index + length), 0, options.maxLength, []));
  }
  const parts = segments(sentence, spans);
  const dateEnd = date.index + date.length;
  if (options.followingPhrase === true) {
    const part = parts.find(([s, e]) => dateEnd >= s && dateEnd <= e) ?? [dateEnd, sentence.length];
    return tidy(shorten(sentence.slice(dateEnd, part[1]).trim(), 0, options.maxLength, spans));
  }
  const at = parts.findIndex(([s, e]) => date.index >= s && date.index < e);
  let [start, end] = parts[at] ?? [0, sentence.length];
  const segmentStart = start;

  // Two dated predicates in one clause ("reached X by Q3 … and accumulated Y by early 2026").
  const otherDateInClause = others.some((o) => o.index >= start && o.index < end);
  const cuts = otherDateInClause ? predicateCuts(sentence, start, end, spans) : [];
  for (const { cut, resume } of cuts) {
    if (cut <= date.index && others.some((o) => o.index >= start && o.index < cut)) start = resume;
    else if (cut > date.index && others.some((o) => o.index > cut && o.index < end)) end = Math.min(end, cut);
  }

  const speaker = quotedAfterColon(sentence, start, end) ? subjectOf(sentence.slice(0, sentence.lastIndexOf(':', start))) : '';
  let { text, offset } = stripLead(sentence.slice(start, end), start, date);
  const resumed = predicateAfterAside(sentence, parts, at, text);
  if (resumed !== undefined) return tidy(shorten(`${text} … ${resumed}`, Math.max(0, date.index - offset), options.maxLength, localSpansAt(spans, offset)));
  if (speaker !== '') {
    // Okafor wrote: “Six weeks ago we closed …” → Okafor: “We closed …”, so "we" has a referent.
    const quoted = tidy(shorten(text, Math.max(0, date.index - offset), options.maxLength - speaker.length - 4, localSpansAt(spans, offset)));
    return `${speaker}: “${quoted}”`;
  }
  // A relative or participle clause ends at its closing comma ("which was released in April 2025,
  // was panned"; "A case, opened in April 2016, is expected …").
  if (/^(?:which|who)\b/i.test(text) || (/^\p{Ll}+ed\b/u.test(text) && /,\s*$/.test(sentence.slice(0, start)))) {
    const close = text.indexOf(', ', dateEnd - offset);
    if (close > 0) text = text.slice(0, close);
  }
  const localSpans = (from: number) => spans.map((s) => ({ index: s.index - from, length: s.length }));
  if (lacksSubject(text) && start > segmentStart) {
    // The second of two predicates ("The app launched in 2021 and reached …"): borrow the subject.
    const head = sentence.slice(segmentStart, start).trim().replace(LEADING_CONNECTIVE, '');
    const words = head.split(/\s+/);
    const verbAt = words.findIndex((w) => looksLikeVerb(w.replace(/[^\p{L}-]/gu, '')));
    // An opening phrase before the subject ("Once a ferry, the boat …") is not lent with it.
    const before = verbAt > 0 ? words.slice(0, verbAt).join(' ') : '';
    const subject = before.slice(before.lastIndexOf(', ') + 1).trim();
    if (subject.length > 0 && subject.length < options.maxLength / 2 && !/\d/.test(subject)) {
      const rest = shorten(text, Math.max(0, date.index - offset), options.maxLength - subject.length - 3, localSpans(offset));
      return tidy(`${subject} … ${rest}`);
    }
  }
  if (lacksSubject(text)) {
    let k = at - 1;
    while (k >= 0 && lacksSubject(sentence.slice(parts[k]?.[0] ?? 0, parts[k]?.[1] ?? 0))) k -= 1;
    const subjectPart = parts[k];
    if (subjectPart !== undefined) {
      const body = sentence.slice(subjectPart[0], subjectPart[1]);
      const comma = body.lastIndexOf(', ');
      const subjectStart = subjectPart[0] + (comma >= 0 ? comma + 2 : 0);
      const subject = sentence.slice(subjectStart, subjectPart[1]).replace(LEADING_CONNECTIVE, '').trim();
      const joined = sentence.slice(subjectStart, offset + text.length).replace(LEADING_CONNECTIVE, '');
      if (subject.length > 0 && joined.length <= options.maxLength) {
        offset = subjectStart;
        text = joined;
      } else if (subject.length > 0 && subject.length < options.maxLength / 2) {
        const rest = shorten(text, Math.max(0, date.index - offset), options.maxLength - subject.length - 3, localSpans(offset));
        return tidy(`${subject} … ${rest}`);
      }
    }
  }
  return tidy(shorten(text, Math.max(0, date.index - offset), options.maxLength, localSpans(offset)));
}

/** A dash between two segments: the edge of an aside. */
const ASIDE_DASH = /^\s*[—–]\s*$|^\s+-\s+$/u;

/**
 * The predicate of a clause that an aside between dashes cut short: "Last March, the chief — with
 * whom the mayor shared a rivalry — was sentenced …" dates "the chief … was sentenced", not "the
 * chief". Takes the sentence, its segments, the date's segment and that segment's text; returns
 * the segment after the aside when the date's segment has no verb, the aside is enclosed in
 * dashes and the segment after it opens with a verb; otherwise undefined.
 */
function predicateAfterAside(sentence: string, parts: [number, number][], at: number, text: string): string | undefined {
  const [own, aside, after] = [parts[at], parts[at + 1], parts[at + 2]];
  if (own === undefined || aside === undefined || after === undefined) return undefined;
  if (text.split(/\s+/u).some((word) => looksLikeVerb(word.replace(/[^\p{L}-]/gu, '')))) return undefined;
  if (!ASIDE_DASH.test(sentence.slice(own[1], aside[0])) || !ASIDE_DASH.test(sentence.slice(aside[1], after[0]))) return undefined;
  const predicate = sentence.slice(after[0], after[1]).trim();
  return lacksSubject(predicate) ? predicate : undefined;
}

/** The clause opens a quotation right after a colon ("… on X: “Nine months ago we …"). */
function quotedAfterColon(sentence: string, start: number, end: number): boolean {
  return /:\s*$/.test(sentence.slice(Math.max(0, start - 3), start)) && /^\s*[“"]/.test(sentence.slice(start, end));
}

/** The words before the first verb of a clause, when they are few: its subject ("Okafor"). */
function subjectOf(clause: string): string {
  const words = clause.trim().split(/\s+/);
  const verbAt = words.findIndex((w) => looksLikeVerb(w.replace(/[^\p{L}-]/gu, '')) || /^(?:says|writes|said|wrote|posted|told)$/i.test(w));
  const subject = verbAt > 0 ? words.slice(0, verbAt).join(' ') : '';
  return subject.length > 0 && subject.length <= 40 && !/[,;]/.test(subject) ? subject : '';
}

function localSpansAt(spans: Span[], from: number): Span[] {
  return spans.map((s) => ({ index: s.index - from, length: s.length }));
}

/** Planned or expected: "will", "plans to", "is expected to", "hopes to" and the like. */
export function soundsPlanned(clause: string): boolean {
  // "announced plans to shut" reports a past announcement; the plan itself carries no date here.
  // That pattern needs "plan" (no letter of which has a non-ASCII case variant), and its
  // `\p{L}+ed` backtracks at every word, so a clause without "plan" skips it unchanged.
  const reported = /plan/i.test(clause) ? clause.replace(/\b(?:\p{L}+ed|said|told|unveiled)\s+(?:its\s+|their\s+|new\s+)?plans?\s+to\b/giu, ' ') : clause;
  return /\b(?:will|won['’]t|shall|plans?\s+to|planned|planning\s+to|(?:is|are|was|were)\s+(?:set|expected|scheduled|due|slated|poised|going)\s+to|(?:is|are|was|were)\s+(?:tentatively\s+|now\s+|currently\s+)?(?:set|scheduled|due|slated)\s+for|(?:is|are)\s+(?:expected|due|scheduled)\b|intends?\s+to|aims?\s+to|hopes?\s+to|expects?\s+to|upcoming)\b/i.test(
    reported,
  );
}

/** Words that put what follows in the future as a forecast: "will", "is expected to", "is forecast to". */
const FORECAST_MARKER = /\b(?:will|(?:is|are)\s+(?:expected|forecast|predicted|likely|due)\s+to)\b/giu;

/** Verbs that tell a saying: a date after one of them dates the saying, not what was foretold. */
const TELLING_VERB = /\b(?:said|says|told|announced|announces|confirmed|stated|added|wrote|reported)\b/iu;

/**
 * True when the date at `dateIndex` of `sentence` is the date of a forecast: a forecast word
 * ("will", "is expected to") stands before it with no verb of saying between ("the storm will
 * reach the coast on Thursday"), rather than the date of the saying ("will shut 80 branches, it
 * said on Sunday"). Takes the sentence and the date's offset in it.
 */
export function datesAForecast(sentence: string, dateIndex: number): boolean {
  const before = sentence.slice(0, dateIndex);
  const markers = [...before.matchAll(FORECAST_MARKER)];
  const last = markers.at(-1);
  if (last === undefined) return false;
  const between = before.slice((last.index ?? 0) + last[0].length);
  return !TELLING_VERB.test(between) && !/[;:]/u.test(between);
}

/** A promise of news later: "more details", "further updates", "more to share", "details will follow". */
const NEWS_PROMISE =
  /\b(?:(?:more|further|additional|fuller)\s+(?:details?|information|news|updates?|announcements?)|(?:more|plenty|lots)\s+to\s+(?:share|say|announce|reveal|tell)|details?\s+(?:will|would|are\s+to)\s+(?:follow|be\s+(?:shared|announced|released|given|provided|revealed)))\b/giu;

/** Words that may stand between a promise of news and its date: "more to share in that regard “over the coming months”". */
const PROMISE_GAP_WORDS = 4;

/**
 * True when the date at `dateIndex` (its text `length` characters long) dates a promise of news
 * later ("will provide more details in the coming months", "In the coming weeks, further updates
 * will be shared"): the promise ends at most a few words before the date, or begins at most a few
 * words after a date that opens its clause. Such a date tells when something will be told, not what happened, so the
 * timeline drops it as it drops a bare saying. Takes the sentence and the date's place in it.
 */
export function datesANewsPromise(sentence: string, dateIndex: number, length: number): boolean {
  const words = (text: string) => text.match(/[\p{L}\p{N}’'-]+/gu)?.length ?? 0;
  for (const match of sentence.matchAll(NEWS_PROMISE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (end <= dateIndex && words(sentence.slice(end, dateIndex)) <= PROMISE_GAP_WORDS && !/[.;:!?]/u.test(sentence.slice(end, dateIndex))) return true;
    // A date after its clause's verb dates that clause ("bringing the games to the service today, planning more details later").
    const opensClause = /(?:^|[,;:—–(])\s*(?:\p{L}+\s+)?$/u.test(sentence.slice(0, dateIndex));
    if (opensClause && start >= dateIndex + length && words(sentence.slice(dateIndex + length, start)) <= PROMISE_GAP_WORDS && !/[.;:!?]/u.test(sentence.slice(dateIndex + length, start))) return true;
  }
  return false;
}
