/**
 * Whether two dated statements tell of one happening, for the timeline stage: the same act in the
 * same or equivalent words ("formed", "set up", "created" the lab), about the same parties. Used
 * both for statements with the same date and for a vaguer date that holds a more precise one
 * ("in 2025" / "in early 2025" / "in April 2025"), which the timeline lists as one entry.
 */
import { nameKey, rivalNames, shorterForm } from '../align/find-conflicts/name-roles.ts';
import { factClauses } from '../align/claim-support.ts';
import { contentTerms, entities } from '../text-features.ts';
import { MONTHS, WEEKDAYS } from '../calendar-words.ts';

/**
 * News verbs that report the same kind of act, mapped to one term so "unveiled" meets "launched".
 * Creating a unit is part of reorganising one, so "formed the lab" and "restructured its AI work"
 * are one kind of act; whether they are one happening still takes shared words or a shared name.
 */
const EVENT_SYNONYMS: string[][] = [
  ['launch', 'unveil', 'release', 'debut', 'introduce', 'announce', 'roll'],
  [
    'restructure', 'reorganize', 'reorganise', 'overhaul', 'reshuffle', 'rebuild', 'rebuilt', 'revamp',
    'create', 'form', 'establish', 'assemble', 'organize', 'organise',
  ],
  ['acquire', 'buy', 'bought', 'purchase', 'invest', 'stake'],
  ['hire', 'recruit', 'appoint', 'install', 'poach', 'bring', 'brought'],
  ['sue', 'lawsuit', 'suit'],
  // A storm (or a blow) reaching a place; "struck the coast" / "hit the coast" / "slammed into it" / "tore through it" / "made landfall".
  ['hit', 'strike', 'struck', 'slam', 'batter', 'lash', 'pound', 'landfall', 'tore', 'tear'],
  // A storm (or a rating) losing strength: not the landfall it may come with.
  ['downgrade', 'weaken'],
  // A win in a match, a race or an election: "won the final" / "their third victory" / "the triumph".
  ['win', 'won', 'victory', 'triumph'],
  // A regulator's or a court's no: "blocked the deal" / "vetoed it" / "prohibited it".
  ['block', 'veto', 'prohibit'],
  // A court's decision: "the judge ruled" / "the ruling"; not a regulator's yes or no.
  ['rule', 'ruling'],
  // Someone leaving a post: "his departure" / "resigned" / "quit".
  ['depart', 'departure', 'resign', 'resignation', 'quit'],
  // A regulator's or a board's yes: "approved the deal" / "signed off on it" ("cleared" is left out: obstacles are cleared too).
  ['approve', 'approval', 'sign'],
  // The end of a deal: "completed the takeover" / "closed the purchase" / "sealed the deal".
  ['complete', 'completion', 'close', 'seal', 'conclude'],
  // A court's verdict against someone: "convicted" / "found guilty" / "the guilty verdict".
  ['convict', 'conviction', 'guilty', 'verdict'],
  // A court's penalty: "sentenced to 25 years" / "his sentencing".
  ['sentence', 'sentencing'],
  // Someone taken into custody: "arrested" / "his arrest" / "detained".
  ['arrest', 'detain', 'detention'],
  // Formal accusations: "charged with fraud" / "indicted" / "the indictment".
  ['charge', 'indict', 'indictment'],
  // A firm going under in court: "filed for bankruptcy" / "went bankrupt".
  ['bankruptcy', 'bankrupt', 'insolvency', 'insolvent'],
  // Something getting under way: "the trial started" / "began" / "commenced".
  ['begin', 'began', 'begun', 'start', 'commence'],
];

const CANONICAL: Map<string, string> = new Map(
  EVENT_SYNONYMS.flatMap((group) => group.map((word) => [contentTerms(word)[0] ?? word, contentTerms(group[0] ?? '')[0] ?? ''] as const)),
);

/** The canonical terms of the act groups: a statement holding one of them says what kind of act happened. */
const ACTS = new Set(CANONICAL.values());

const DATE_WORDS = new Set(
  contentTerms(
    `${MONTHS.join(' ')} ${WEEKDAYS.join(' ')} ` +
      'year years month months week weeks day days ago early late mid ' +
      'coming next previous following quarter half today yesterday tomorrow morning afternoon evening night tonight overnight',
  ),
);

/**
 * "Step down" / "stepped aside" / "will leave the company": leaving a post, read as one word so it
 * meets "resigned" and "departure" ("step" alone is any step, and a storm or a resident leaves a place).
 */
const STEPPING_DOWN =
  /\b(?:st(?:ep|eps|epped|epping)\s+(?:down|aside)|(?:leave|leaves|leaving|left)\s+(?:the|his|her|their|its)\s+(?:\w+\s+)?(?:company|firm|board|post|role|job|position|office|group))\b/giu;

/**
 * "Dropped its objections" / "withdrew its opposition": a regulator or a party saying yes, read as
 * "approved" so it meets "approval" and "signed off" ("dropped" alone is any drop: a price, a plan).
 */
const DROPPING_OBJECTIONS =
  /\b(?:drop|drops|dropped|dropping|withdr[ae]w|withdrawn|withdraws|withdrawing)\s+(?:(?:its|their|his|her|those|these|the|all)\s+)?(?:[\p{L}-]+\s+)?(?:objections?|opposition)\b/giu;

/**
 * "Won final approval" / "received regulatory clearance" / "got the green light": the approval is
 * the act, so the light verb is dropped and what it won read as "approval" ("final approval");
 * "won" alone is a win: a match, an election.
 */
const WINNING_APPROVAL =
  /\b(?:win|wins|won|winning|receive|receives|received|receiving|get|gets|got|gained|gains|secure|secures|secured|securing|obtain|obtains|obtained)\s+((?:(?:the|its|their|his|her|a|an)\s+)?(?:[\p{L}-]+\s+)?)(approval|clearance|go-ahead|green\s+light)\b/giu;

/**
 * "Cleared the last hurdle" / "that obstacle was cleared": a regulator's or a court's yes, in the
 * idiom deal and court coverage uses for it, read as "approved" ("cleared" alone is left out:
 * roads, debris and names are cleared too).
 */
const CLEARING_HURDLE = [
  /\b(?:clear|clears|cleared|clearing|pass|passes|passed|passing|remov(?:e|es|ed|ing))\s+(?:(?:the|that|this|its|their|a|one|another)\s+)?(?:[\p{L}-]+\s+){0,2}(?:hurdle|obstacle|barrier|roadblock)s?\b/giu,
  /\b(?:hurdle|obstacle|barrier|roadblock)s?\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:finally\s+|now\s+)?(?:cleared|removed|lifted)\b/giu,
];

/** "Took over" / "take over" a company or a studio: buying it, read as one word so it meets "purchase" and "acquired". */
const TAKING_OVER = /\b(?:take|takes|took|taken|taking)\s+over\b/giu;

/**
 * A storm or a blow crossing a place: "passed through the state", "swept across the county", read
 * as one word so it meets "struck" and "tore through" ("passed" alone is any passing: a law, a deadline).
 */
const SWEEPING_THROUGH = /\b(?:pass|passes|passed|passing|sweep|sweeps|swept|sweeping|rip|rips|ripped|ripping|plow|plows|plowed|plough|ploughed)\s+(?:through|across)\b/giu;

/**
 * Verbs whose stem is another word's: "authorized" stems as "authority" does and "finalized" as
 * "final", so they are read as "approved" and "completed" before stemming, and a regulator's name
 * ("the Markets Authority") or a "final" ruling names no act.
 */
const STEM_CLASHES: [RegExp, string][] = [
  [/\bauthori[sz](?:e|es|ed|ing|ation)\b/giu, 'approved'],
  [/\bfinali[sz](?:e|es|ed|ing|ation)\b/giu, 'completed'],
];

/**
 * A stretch of time "completed" or "finished" ("completed four days of testimony": the testimony
 * is what happened, no deal was completed), read as "spent".
 */
const TIME_COMPLETED = /\b(?:complet|finish)(?:e|es|ed|ing)\b(?=\s+(?:(?:his|her|their|its|the|a|an|[\p{L}\d-]+)\s+)?(?:days?|weeks?|months?|years?|hours?)\s+of\b)/giu;

/** A fate "sealed" ("his fall from grace was sealed"), read as "decided": no deal was closed. */
const FATE_SEALED = /\b((?:fate|fall|downfall|doom)\b(?:\s+[\p{L}'’-]+){0,3}\s+(?:was|is|were|are|has\s+been|had\s+been)\s+)sealed\b/giu;

/** A text with its many-word acts read as the one word of their kind ("dropped its objections" → "approved"). */
function actPhrasesRead(text: string): string {
  const read = text
    .replace(TIME_COMPLETED, 'spent')
    .replace(FATE_SEALED, '$1decided')
    // "At the beginning of October", "the start of 2022": a date's words, not something begun.
    .replace(/\b(?:at\s+)?the\s+(?:very\s+)?(?:beginning|start)\s+of\b/giu, ' ')
    .replace(STEPPING_DOWN, 'resigned')
    .replace(DROPPING_OBJECTIONS, 'approved')
    .replace(WINNING_APPROVAL, (_, between: string) => `${between}approval`)
    .replace(TAKING_OVER, 'bought')
    .replace(SWEEPING_THROUGH, 'struck');
  return CLEARING_HURDLE.reduce((t, pattern) => t.replace(pattern, 'approved'), read);
}

/**
 * The stem of an adverb in -ly read as its adjective's ("rapidli" → "rapid"), so "grew rapidly"
 * meets "a rapid collapse". Only a stem of four or more letters ending in a consonant is cut:
 * "earli", "itali" and "famili" keep their ending.
 */
function adjectiveOfAdverb(term: string): string {
  const base = term.slice(0, -2);
  return term.endsWith('li') && /^\p{L}{3,}[^aeiouy\P{L}]$/u.test(base) ? base : term;
}

/**
 * Who told of a happening, which is no part of it: "according to the AP", and a closing ", CNN
 * reported" or ", officials said" (at most four words before the verb of saying).
 */
const WHO_TOLD = [/\baccording\s+to\s+[^,;]+[,;]?/giu, /,\s*(?:[\p{L}.&'’-]+\s+){1,4}(?:reported|reports|said|says|confirmed|told\s+\p{L}+)[\s.]*$/u];

/** A statement without who told of it ("According to CNN, …", "…, officials said"): what happened, and who took part. */
export function withoutWhoTold(text: string): string {
  return WHO_TOLD.reduce((t, pattern) => t.replace(pattern, ' '), text);
}

/** Content terms of an event clause, with synonyms merged, who told it, date words and years left out. */
export function eventTerms(text: string): Set<string> {
  const told = withoutWhoTold(text);
  return new Set(
    contentTerms(STEM_CLASHES.reduce((t, [pattern, word]) => t.replace(pattern, word), actPhrasesRead(told)))
      .map(adjectiveOfAdverb)
      .map((term) => CANONICAL.get(term) ?? term)
      .filter((term) => !DATE_WORDS.has(term) && !/^(?:19|20)\d{2}$/.test(term)),
  );
}

/**
 * The part of an event clause that its own date dates, when the clause holds other dates too: from
 * the date before it to the date after it ("The family — released in 2023 — reached 100 million
 * downloads by Q3": Q3 dates "reached 100 million downloads", not the release; in "the purchases of
 * Harbor Lines in 2016 and Norrvik Ferries in 2021" 2016 dates the part up to it). `expression` is
 * the own date as written; when the clause no longer holds it (a leading date is dropped from the
 * clause), it is taken to open the clause.
 */
export function ownPart(clause: string, expression: string, others: string[]): string {
  const ownAt = clause.indexOf(expression);
  const ownStart = Math.max(0, ownAt);
  const ownEnd = ownAt < 0 ? 0 : ownAt + expression.length;
  let from = 0;
  let to = clause.length;
  for (const other of others) {
    const at = other === '' ? -1 : clause.indexOf(other);
    if (at < 0) continue;
    // An other date written where the own date stands is the own date again: it bounds nothing.
    if (at + other.length <= ownStart) from = Math.max(from, at + other.length);
    else if (at >= ownEnd) to = Math.min(to, at);
  }
  // The next item of a list ("of Harbor Lines in 2016 and Norrvik Ferries in 2021") belongs to the next date.
  if (ownAt >= 0 && to < clause.length && /^\s*,?\s*(?:and|or)\b/iu.test(clause.slice(ownEnd, to))) to = ownEnd;
  // A phrase after the own date that opens with a word of time tells another happening, earlier or
  // later: in "dropped its objections in May ahead of its final approval (on Friday)", May dates
  // the dropped objections, not the approval.
  if (ownAt >= 0) {
    const other = /\s(?:ahead of|before|after|until|prior to|followed by)\s/iu.exec(clause.slice(ownEnd, to));
    if (other !== null) to = ownEnd + other.index;
  }
  return clause.slice(from, to);
}

/** What `sameHappening` compares of one dated statement. */
export interface Telling {
  /** Event terms of the part of the clause its date dates. */
  terms: Set<string>;
  /** Multi-word names in the clause, lowercased. */
  names: Set<string>;
  /** Multi-word names anywhere in the sentence, lowercased (the clause may leave out who acted). */
  sentenceNames: string[];
}

/** The kinds of act a statement's terms name (canonical terms of the synonym groups). */
function actsIn(terms: Set<string>): string[] {
  return [...terms].filter((term) => ACTS.has(term));
}

/** The kinds of act a text names (canonical terms of the synonym groups), for a part of a clause that is not a telling of its own. */
export function actsInText(text: string): string[] {
  return actsIn(eventTerms(text));
}

/**
 * The kind of act a sentence's main verb tells (a canonical term of the act groups: "approve",
 * "complete", "launch"…), or undefined when its main clause names none. The main clause is the
 * first fact clause up to a subordinate one, and its first act word is taken as its verb:
 * "unveiled its first pickup, built by the unit it formed last year" tells an unveiling, and
 * "closed the purchase after regulators approved it" a completion.
 */
export function mainAct(text: string): string | undefined {
  const main = (factClauses(text)[0] ?? text).split(/\s(?:since|after|before|because|as|while|when|which|who|whose|following)\s/iu)[0] ?? text;
  for (const word of main.split(/\s+/u)) {
    const act = actsInText(word)[0];
    if (act !== undefined) return act;
  }
  return undefined;
}

/** The kinds of act one dated statement tells ("approve", "complete"): none when it names no act of the synonym groups. */
export function actsOf(telling: Telling): string[] {
  return actsIn(telling.terms);
}

/**
 * Acts that often only frame another: a deal is "announced", and an acquisition is what gets
 * approved, blocked or completed ("announced the completion of its acquisition").
 */
const FRAMING_ACTS = new Set(['launch', 'acquire'].map((word) => CANONICAL.get(contentTerms(word)[0] ?? word)));

/**
 * The acts a dated statement mainly tells: its acts (`actsOf`) without those that only frame
 * another ("completed its purchase" tells a completion, "agreed to buy" a purchase). Takes a
 * telling; returns its main acts, none when it names no act. Used where a purchase agreed and the
 * same purchase completed must stay two happenings.
 */
export function mainActs(telling: Telling): string[] {
  const acts = actsOf(telling);
  const main = acts.filter((act) => !FRAMING_ACTS.has(act));
  return main.length > 0 ? main : acts;
}

/** True when two names can be one: the same key, one a shorter form of the other, or one respelled. */
function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  return ka === kb || shorterForm(ka, kb) || shorterForm(kb, ka) || rivalNames(a, b) === 'spelling';
}

/**
 * Two statements tell of one happening when the shorter one's words, names aside, are mostly
 * (`overlap`) in the other (when that is one word of two or more, a word `rareTerm` says few of
 * the story's sentences use: "departure", not "company"); or when both clauses name the same person or organization (a
 * multi-word name), share a word besides the names (or a second name: "Storm Vela struck Kelby
 * Bay" / "winds lashed Kelby Bay as Storm Vela made landfall"), and share at least half that share
 * of all their words; or when their sentences name the same uncommon party (`distinctive`: not the
 * story's subject, which most sentences name) and they tell the same kind of act ("formed" the
 * lab / "restructured" the division the other names). Sharing only a name is not enough: one
 * company opening a terminal and its chief executive resigning on the same day are two happenings;
 * nor are many shared words when each tells another kind of act (approved / completed the takeover).
 */
export function sameHappening(
  a: Telling,
  b: Telling,
  overlap: number,
  distinctive: (name: string) => boolean,
  rareTerm: (term: string) => boolean = () => true,
): boolean {
  const smallest = Math.min(a.terms.size, b.terms.size);
  if (smallest === 0) return false;
  // Two kinds of act, none shared, are two happenings, whatever else they share: a regulator
  // approving a takeover and the buyer completing it the same day are told in many common words.
  const acts = actsIn(a.terms);
  const otherActs = actsIn(b.terms);
  if (acts.length > 0 && otherActs.length > 0 && !otherActs.some((act) => acts.includes(act))) return false;
  const left = withoutNames(a);
  const right = withoutNames(b);
  const shared = [...left].filter((t) => right.has(t));
  const own = shared.length;
  // One shared word of the story's own vocabulary ("the company", "the hurricane") is no sign of
  // one happening between two statements that each say more: the word has to be one few use.
  // Unless the shorter statement says nothing the other does not ("the hurricane, which made
  // landfall"), or is that one word and it names an act ("landfall came at dusk"); a lone noun
  // ("the deal, in April") tells no happening of its own.
  const one = shared[0] ?? '';
  const oneCommonWord =
    own === 1 && !rareTerm(one) && (Math.min(left.size, right.size) > 1 ? !within(a.terms, b.terms) : !ACTS.has(one));
  if (!oneCommonWord && own / Math.min(left.size, right.size) >= overlap) return true;
  const all = [...a.terms].filter((t) => b.terms.has(t)).length;
  const sharedNames = [...a.names].filter((n) => b.names.has(n));
  const names = sharedNames.length;
  // The story's subject and its common words together say nothing of which happening: a shared
  // name counts with a shared word when either is one few of the story's sentences use, or the word names an act.
  const telling = sharedNames.some(distinctive) || shared.some((t) => rareTerm(t) || ACTS.has(t));
  if ((own > 0 ? names >= 1 && telling : names >= 2) && all / smallest >= overlap / 2) return true;
  if (!otherActs.some((act) => acts.includes(act))) return false;
  const mine = a.sentenceNames.filter(distinctive);
  const theirs = b.sentenceNames.filter(distinctive);
  return mine.some((x) => theirs.some((y) => sameName(x, y)));
}

/** True when every term of the smaller set is in the larger. */
function within(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((term) => large.has(term));
}

/** A statement's terms without the words of the names in its clause, or all its terms when only names are left. */
function withoutNames(telling: Telling): Set<string> {
  const nameWords = new Set([...telling.names].flatMap((name) => contentTerms(name)));
  const rest = new Set([...telling.terms].filter((term) => !nameWords.has(term)));
  return rest.size > 0 ? rest : telling.terms;
}

/** Multi-word names of a text, lowercased: single capitalized words are too common to tell happenings apart. */
export function multiWordNames(text: string): string[] {
  return entities(text).filter((name) => name.includes(' '));
}
