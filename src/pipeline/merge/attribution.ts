/**
 * Who a sentence attributes its statement to, and whether that makes it reaction.
 *
 * The merge stage puts quotes and opinions of people and outside parties in the story's
 * "reaction" section. A statement the story's own subject makes as an institution ("The company
 * said it will roll out…", "Orland explained in its blog post…") is a reported fact with its
 * source named, not reaction, and stays among the details.
 */

import { spelledCounts } from '../align/find-conflicts/spelled-counts.ts';
import { dateMentions } from '../align/claim-features.ts';
import { CLOCK_TIME, figures } from '../text-features.ts';
import { alternatives, capitalized, MONTHS, WEEKDAYS } from '../calendar-words.ts';

/** Verbs that attribute a statement to a speaker. */
const SPEECH_VERB =
  String.raw`(?:said|says|told|tells|wrote|writes|stated|states|added|adds|noted|notes|argued|argues|warned|warns|called|calls|framed|frames|described|describes|explained|explains|shared|shares|announced|announces|confirmed|confirms|acknowledged|acknowledges|outlined|outlines|claimed|claims|insisted|insists|cautioned|cautions)`;
const LEADING = new RegExp(String.raw`^((?:\S+\s+){0,9}?)(?<verb>${SPEECH_VERB})\b`, 'iud');
// The attribution may trail a participle clause: "…,” the firm said, noting that…".
const CLOSING = new RegExp(String.raw`[,”"]\s+((?:\S+\s+){0,6}?)(?<verb>${SPEECH_VERB})\b(?<after>[^,”"]*)(?:,[^”"]*)?\.?$`, 'iud');
/** Speech verbs that are also plural nouns ("Tern Line shares fell", "the notes"): speech only before a comma, a colon, a quote, "that" or the end. */
const NOUN_LIKE_VERB = /^(?:shares|states|notes|claims|calls|frames|cautions)$/iu;
/** A speaker, a relative clause about it between commas, then the speech verb: "X, which had objected in April, said". */
const RELATIVE_THEN_VERB = new RegExp(String.raw`(?:^|,\s+)((?:[^\s,]+\s+){0,5}?[^\s,]+),\s+(?:which|who)\s[^,]*,\s+(?:${SPEECH_VERB})\b`, 'iu');
/** A sentence opening with a name, a description of it between commas, then the speech verb: "Jo Ruiz, a scientist at the centre, noted". */
const APPOSITION_THEN_VERB = new RegExp(String.raw`^(\p{Lu}[^\s,]*(?:\s+[^\s,]+){0,4}),\s+[^,]{3,100},\s+(?:also\s+|\p{Ll}+ly\s+)?(?:${SPEECH_VERB})\b`, 'u');
/** An opener that is a phrase of time, place or manner, or a connective, not a subject: "On Monday, …", "However, …". */
const NOT_A_SUBJECT = /^(?:on|in|at|after|before|since|during|by|for|with|from|as|when|while|if|although|though|because|however|meanwhile|still|instead|also|then|now|today|yesterday|earlier|later|overall|indeed)\b/iu;
const PASSIVE = new RegExp(String.raw`\b(?:described|called|framed)\s+by\s+([^,.;]+?)\s+as\b`, 'iu');
const ACCORDING = /\baccording to ([^,.;]+)/iu;
/** A form of "be" (and adverbs) right before the verb: the verb is passive ("was first announced"). */
const PASSIVE_AUXILIARY = /\b(?:is|are|was|were|be|been|being)\s+(?:(?:first|already|also|not|just|now|officially|formally|publicly|\p{L}+ly)\s+)*$/iu;

/** Speakers that report for an authority: officials, police, forecasters, a spokesperson, an agency. */
const AUTHORITY =
  /\b(?:officials?|authorities|police|sheriff|sheriff['’]s office|spokes(?:person|man|woman)|forecasters?|regulators?|(?:the|its|an?)\s+(?:agency|ministry|department|council|court|service|cent(?:er|re)|commission|authority|watchdog))\b/iu;

/** Words that make a speaker a person, even unnamed ("an Orland executive", "the chief executive"). */
const PERSON_WORD =
  /\b(?:ceo|chief|executive|founder|cofounder|co-founder|president|chair(?:man|woman)?|spokes(?:person|man|woman)|director|head|analysts?|officials?|minister|mayor|professor|researchers?|experts?|he|she|i|we|critics?|investors?|engineers?|developers?|economists?|lawyers?|residents?)\b/iu;
/**
 * Words of judgement rather than report: an opinion ("appears to", "is optimistic"), a
 * characterization ("framed it as", "called it"), praise or blame, or a warning of what may come.
 */
const JUDGEMENT =
  /\b(?:appears? to|seems?|likely|unlikely|believes?|thinks?|feels?|hopes?|fears?|optimistic|pessimistic|confident|concerned|worried|argued?|argues|framed?|frames|described|describes|call(?:ed|s)? (?:it|them|the|this|that)|praised?|criticized?|criticised?|hailed?|blamed?|insisted?|claimed?|warned?|warns|cautioned?|should|must|would|could|might|may|best|worst|impressive|disappointing|underwhelming|terrible|great|good|bad)\b/iu;

/** `CLOCK_TIME` without its global flag, so a test keeps no position between calls. */
const CLOCK = new RegExp(CLOCK_TIME.source, 'iu');

/** True when a statement gives something a reader can check: a figure, a count in words, a date or a clock time. */
function checkable(text: string): boolean {
  return figures(text).length > 0 || spelledCounts(text).length > 0 || dateMentions(text).length > 0 || CLOCK.test(text) || WEEKDAY.test(text);
}

/** A weekday or a day named from today: when something happened, which a reader can check. */
const WEEKDAY = new RegExp(String.raw`\b(?:${alternatives(WEEKDAYS)}|yesterday|overnight)\b`, 'iu');

/** A speaker that is a document or a record rather than a person or a body ("a filing with the regulator", "the forecast"). */
const DOCUMENT =
  /^(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\p{L}-]+\s+)?(?:filings?|records?|data|figures|statistics|documents?|(?:press\s+)?releases?|reports?|tally|forecasts?|advisory|advisories|website|tracker)\b/iu;

/** Small words a title keeps in lowercase ("Queen of the Isles", "Tales from the Quay"). */
const TITLE_JOINERS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from']);

/**
 * True when a text quotes somebody's words: a span in quotation marks of three words or more that
 * is not a title in capitals ("“Queen of the Isles”", "“Harbour Lights Saga”" name a ship and a game; they quote
 * nobody).
 */
function quotesWords(text: string): boolean {
  for (const match of text.matchAll(/[“"]([^”"]+)[”"]/gu)) {
    const words = (match[1] ?? '').match(/[\p{L}\p{N}’'-]+/gu) ?? [];
    if (words.length < 3) continue;
    if (!words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && TITLE_JOINERS.has(word.toLowerCase())))) return true;
  }
  return false;
}

/** A speaker that refers back to the story's subject as an institution. */
const SELF_REFERENCE = /^(?:it|its|the company|the company['’]s|company)\b/iu;

/**
 * The words naming who a sentence's statement is attributed to ("Rein", "the firm",
 * "An Orland executive", "Orland"), or undefined when it names no speaker. Looks at an opening
 * attribution ("In a post, Rein outlined…"), one around a relative clause ("The council, which
 * met on Friday, said…"), a closing one ("…,” the firm said.", "…, said Jane Doe.") and
 * "according to X".
 */
export function speakerOf(text: string): string | undefined {
  const trimmed = text.trim();
  // "The deal was first announced in January", "changes are being announced": a passive verb of
  // speech tells what was made known, not who said the sentence ("described by X as" is read below).
  const active = (match: RegExpExecArray | null) => (match !== null && !PASSIVE_AUXILIARY.test(match[1] ?? '') && speechVerbAt(trimmed, match) ? match : null);
  // "Britain's regulator, which had objected in April, said that …", "Jo Ruiz, a scientist at the
  // centre, noted that …": the speaker is before the clause that describes it.
  const described = RELATIVE_THEN_VERB.exec(trimmed) ?? APPOSITION_THEN_VERB.exec(trimmed);
  if (described !== null && !NOT_A_SPEAKER_BEFORE.test(described[1] ?? '') && !NOT_A_SUBJECT.test(described[1] ?? '')) return cleanSpeaker(described[1] ?? '');
  const closing = closingSpeaker(trimmed);
  if (closing !== undefined) return closing;
  // "With all that said, …" / "That said, …" is a turn of phrase, not an attribution.
  const leading = /^(?:with\s+)?(?:all\s+)?(?:of\s+)?(?:that|this)\s+(?:being\s+)?said\b/iu.test(trimmed) ? null : active(LEADING.exec(trimmed));
  if (leading !== null && !/[“"]/u.test(leading[1] ?? '')) {
    // "In a public post, Rein outlined…": the speaker follows the last comma of the opener.
    const opener = (leading[1] ?? '').split(',').pop()?.trim() ?? '';
    if (opener !== '' && !NOT_A_SPEAKER_BEFORE.test(opener)) return cleanSpeaker(opener);
  }
  const passive = PASSIVE.exec(trimmed);
  if (passive !== null) return cleanSpeaker(passive[1] ?? '');
  const according = ACCORDING.exec(trimmed);
  return according === null ? undefined : cleanSpeaker(according[1] ?? '');
}

/** Only adverbs before a speech verb: a participle clause ("The levy, first announced in May, …"), not a speaker. */
const NOT_A_SPEAKER_BEFORE = /^(?:(?:first|already|also|just|now|recently|previously|originally|initially|formally|officially|publicly|\p{Ll}+ly)\s*)+$/u;
/** A speaker written with an apposition ("Jane Doe, the mayor, said") opens with a name or a determiner, unlike a clause ("will last a week, the mayor said"). */
const APPOSITIVE_SPEAKER = /^(?:\p{Lu}|(?:the|a|an|its|his|her|their)\s)/u;
/** Words after a speech verb that say when or how, not who: "…, announced on Monday, …". */
const NOT_A_SPEAKER_AFTER = new RegExp(
  String.raw`^\s*(?:\p{Ll}+ly\b|(?:on|in|at|last|this|that|earlier|later|late|early|today|yesterday|overnight|by|to|for|with|from|during|after|before|since|as|of|${alternatives(capitalized([...WEEKDAYS, ...MONTHS.filter((month) => month !== 'may')]))})\b)`,
  'u',
);

/**
 * The speaker among the words between a comma and a closing speech verb. Words ending in a comma
 * before a verb a speaker follows close a clause ("…, the storm weakened, said forecasters");
 * words with a comma inside are a speaker with an apposition ("Jane Doe, the mayor") when both
 * parts read as names, else the speaker is the last part ("will last a week, the mayor").
 */
function speakerBefore(found: string, speakerAfter: boolean): string {
  if (CLAUSE_END.test(found) && speakerAfter) return '';
  const words = found.replace(CLAUSE_END, '');
  // A closing quotation mark ends the quote, as a comma ends a clause ("…pop culture,” Mr Spencer").
  const parts = words.split(/[,”"»]+\s*/u);
  const last = parts[parts.length - 1] ?? '';
  const speaker = parts.length === 1 || (APPOSITIVE_SPEAKER.test(parts[0] ?? '') && APPOSITIVE_SPEAKER.test(last)) ? words : last;
  // "…, and" or "…, and Nintendo that": a clause joined on, not who spoke.
  return /^(?:and|but|or|nor|then|that)\b/iu.test(speaker) ? '' : speaker;
}

/** Punctuation that closes a clause or a quotation. */
const CLAUSE_END = /[,”"»]+$/u;

/**
 * The speaker a closing speech verb is followed by ("…, said Jane Doe."), or '' when the words
 * after it say when or what instead ("…, announced on Monday, …", "said Friday they were set…",
 * "said 40 deaths have been confirmed"): a speaker there is a short name, not a clause.
 */
function speakerAfterVerb(after: string): string {
  const words = after.replace(/[.!?]+$/u, '').trim();
  if (NOT_A_SPEAKER_AFTER.test(after) || /\b(?:is|are|was|were|be|been|has|have|had|will|would)\b/u.test(words) || words.split(/\s+/u).length > 6) return '';
  return words;
}

/**
 * The speaker of a closing attribution ("…,” the firm said.", "…, said Jane Doe."), trying each
 * comma or quote from the left: a clause inside the sentence ("The curfew, announced on Monday,
 * will last a week, the mayor said.") is passed over when no speaker follows its verb.
 */
function closingSpeaker(text: string): string | undefined {
  for (let from = 0; from < text.length; ) {
    const rest = text.slice(from);
    const match = CLOSING.exec(rest);
    if (match === null) return undefined;
    // "…, said Jane Doe." names the speaker after the verb.
    const after = speakerAfterVerb(match.groups?.after ?? '');
    const before = speakerBefore((match[1] ?? '').trim(), after !== '');
    if (!PASSIVE_AUXILIARY.test(match[1] ?? '') && speechVerbAt(rest, match) && !NOT_A_SPEAKER_BEFORE.test(before)) {
      const speaker = before !== '' ? before : after;
      if (speaker !== '') return cleanSpeaker(speaker);
    }
    from += match.index + 1;
  }
  return undefined;
}

/**
 * True when the speech verb a match found (its `verb` group) is one in `text`: written in lowercase
 * past the sentence's first word ("the United States" names a country), and, for a verb that is
 * also a plural noun ("Tern Line shares fell"), followed by a comma, a colon, a quote, "that" or
 * the end of the sentence.
 */
function speechVerbAt(text: string, match: RegExpExecArray): boolean {
  const [start, end] = match.indices?.groups?.verb ?? [0, 0];
  const verb = text.slice(start, end);
  if (start > 0 && /^\p{Lu}/u.test(verb)) return false;
  return !NOUN_LIKE_VERB.test(verb) || /^\s*(?:[,:“"‘]|that\b|[.!?]?\s*$)/iu.test(text.slice(end));
}

/** A sentence that opens with a quotation and then says who spoke: the quotation, then the rest. */
const QUOTE_THEN_SPEAKER = new RegExp(String.raw`^\s*[“"]([^”"]+)[”"]\s*,?\s+((?:\S+\s+){0,6}?)${SPEECH_VERB}\b`, 'iu');

/**
 * The words of the quotation a sentence opens with, when the rest only says who spoke ("“It was
 * loud. The roof went first,” said Ana Ruiz, a resident of the town." → "It was loud. The roof
 * went first"); undefined for any other sentence. What such a sentence states is the quotation:
 * the speaker's name and description are how it is credited, not a fact of its own.
 */
export function quotedWords(text: string): string | undefined {
  const match = QUOTE_THEN_SPEAKER.exec(text);
  if (match === null || /[“"]/u.test(match[2] ?? '')) return undefined;
  // What follows the speaker must only say who they are: a quotation that goes on ("“Yes,” he
  // said, “we did.”") or a clause of its own (", noting that …", "…, who was hired in May")
  // states more than the quotation.
  const rest = text.slice(match[0].length);
  if (/[“"]/u.test(rest) || /,\s+\p{Ll}+ing\s/u.test(rest) || /\b(?:which|who|whose|that|while|when|after|before|because|and|but)\b/iu.test(rest)) return undefined;
  return (match[1] ?? '').trim().replace(/[,;:]$/u, '');
}

function cleanSpeaker(speaker: string): string {
  return speaker.replace(/[.,;:]+$/u, '').replace(/\s+(?:also|has|had|have|then|later|has since|directly)$/iu, '').trim();
}

/**
 * True when a sentence is reaction: a statement attributed to a person or an outside party, or a
 * quotation whose speaker is not the subject itself. `names` are the sentence's named entities and
 * `subjectNames` the names the story is about (both lowercased): a statement by the subject as an
 * institution is a reported fact, and so is a checkable one with its source named (a figure, a
 * count, a date or a time, and no word of judgement: "five people died, a spokesman said").
 */
export function isReaction(text: string, quoted: boolean, names: string[], subjectNames: Set<string>): boolean {
  const speaker = speakerOf(text);
  // A quotation in single marks after a colon or a comma ("said: 'Whether you play …'") is a
  // quotation too, and so is one still open at the sentence's end (it goes on in the next).
  const quotes = quoted || /[:,]\s*['‘][^'’]{12,}/u.test(text) || /[“"][^”"]*\s[^”"]*\s[^”"]*$/u.test(text);
  // A checkable fact with its source named ("Five people died in the county, a spokesman said";
  // "the weather service said power was out for 3 million homes") is reported, not reacted.
  // So is a plain statement of an authority's ("officials said", "the sheriff's office said"):
  // what officials report is the news, not their reaction to it.
  if (speaker !== undefined && !quotes && (checkable(text) || AUTHORITY.test(speaker)) && !JUDGEMENT.test(text)) return false;
  if (speaker === undefined) {
    if (!quoted || !quotesWords(text)) return false;
    // A quotation with no speaker verb ("Orland describes it as “…”", "Its blog post states “…”").
    const opener = /^[\p{L}’'-]+/u.exec(text.trim())?.[0]?.toLowerCase().replace(/[’']s$/u, '') ?? '';
    return !(SELF_REFERENCE.test(opener) || subjectNames.has(opener));
  }
  const lower = speaker.toLowerCase();
  // A unit of the subject ("Orland Autonomy Labs" in a story about Orland) speaks for it.
  const isSubject = (name: string): boolean => subjectNames.has(name) || [...subjectNames].some((subject) => name.startsWith(`${subject} `));
  // A document as the source ("according to a filing with the regulator", "the official
  // forecast") is a record of a fact, not somebody's reaction, whatever word describes it.
  if (DOCUMENT.test(lower)) return false;
  if (PERSON_WORD.test(lower)) return true;
  if (SELF_REFERENCE.test(lower)) return false;
  const named = names.filter((name) => lower.includes(name));
  if (named.length > 0) return named.some((name) => !isSubject(name));
  // A capitalized word the entity finder missed ("Rein" opening the sentence) is a name.
  if (/^\p{Lu}/u.test(speaker) && !/^(?:The|A|An)\b/u.test(speaker)) {
    const first = lower.split(/\s+/)[0]?.replace(/[’']s$/u, '') ?? '';
    return !isSubject(first);
  }
  // "the firm", "the group": an outside party when the sentence names someone besides the subject.
  return names.some((name) => !isSubject(name));
}
