/**
 * Repairs damaged characters (mojibake) by rule, so the text reads as its author wrote it.
 *
 * Two kinds of damage are undone, each only where the evidence is unambiguous:
 * 1. UTF-8 bytes decoded as Windows-1252 or Latin-1 ("â€™" for "’", "Ã©" for "é"). Every run of
 *    characters that a Windows-1252/Latin-1 decoder can produce is mapped back to its bytes, and
 *    each complete, valid UTF-8 sequence in those bytes is decoded again. Bytes that do not form a
 *    valid sequence are left as they were, so ordinary accented text is never touched.
 * 2. A multi-byte UTF-8 character of which only the lead byte 0xE2 survived, read in a legacy
 *    single-byte code page (Windows-874 shows it as "โ", Windows-1251 as "в"…). 0xE2 opens the
 *    General Punctuation block, so such a letter standing alone between spaces in text written in
 *    another script was a spaced dash far more often than anything else: it becomes " — ".
 * Also removes invisible formatting characters (byte-order marks, zero-width spaces, soft hyphens)
 * that break word matching. Every repair is counted and returned with the rule that made it.
 */
import type { Repair } from '../../types.ts';

/** Result of `repairCharacters`: the repaired text (NFC) and what was changed. */
export interface CharacterRepairResult {
  text: string;
  /** One entry per distinct (found, replacement, rule), sorted by rule then found text. */
  repairs: Repair[];
}

const RULE_CP1252 = 'UTF-8 read as Windows-1252';
const RULE_LATIN1 = 'UTF-8 read as Latin-1 (ISO-8859-1)';
const RULE_INVISIBLE = 'invisible formatting character removed';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Character → byte for what a Windows-1252 or Latin-1 decoder produces from bytes 0x80–0xFF. */
const LEGACY_BYTE = buildLegacyByteMap();

function buildLegacyByteMap(): Map<string, number> {
  const map = new Map<string, number>();
  // Latin-1 maps every byte to the code point of the same value (0x80–0x9F become C1 controls).
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(String.fromCodePoint(byte), byte);
  // Windows-1252 puts typographic characters (€ ‚ ƒ „ … ’ “ ” – — ™ …) at 0x80–0x9F.
  const cp1252 = new TextDecoder('windows-1252');
  for (let byte = 0x80; byte <= 0x9f; byte++) map.set(cp1252.decode(Uint8Array.of(byte)), byte);
  return map;
}

const LEGACY_RUN = new RegExp(`[${[...LEGACY_BYTE.keys()].map(escapeForClass).join('')}]{2,}`, 'gu');

function escapeForClass(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char;
}

/** The UTF-8 lead byte of U+2000–U+2FFF: general punctuation (dashes, quotes), arrows, symbols. */
const PUNCTUATION_LEAD_BYTE = 0xe2;

/**
 * Single-byte code pages of non-Latin scripts, and which letters of the script show that the text
 * really is in it (then a lone letter is a word, not damage).
 */
const LEAD_BYTE_CODE_PAGES = [
  { encoding: 'windows-874', name: 'Windows-874 (Thai)', script: /\p{Script=Thai}/gu },
  { encoding: 'windows-1251', name: 'Windows-1251 (Cyrillic)', script: /\p{Script=Cyrillic}/gu },
  { encoding: 'windows-1253', name: 'Windows-1253 (Greek)', script: /\p{Script=Greek}/gu },
  { encoding: 'windows-1255', name: 'Windows-1255 (Hebrew)', script: /\p{Script=Hebrew}/gu },
].map((page) => {
  const letter = new TextDecoder(page.encoding).decode(Uint8Array.of(PUNCTUATION_LEAD_BYTE));
  // The letter alone between spaces, with words or punctuation on both sides.
  const isolated = new RegExp(`(?<=[\\p{L}\\p{N}\\p{P}] )${letter}(?= [\\p{L}\\p{N}\\p{P}])`, 'gu');
  return { ...page, letter, isolated };
});

/**
 * Repairs mojibake and removes invisible formatting characters in `text`.
 * Returns the text in Unicode NFC and one `Repair` per distinct change, with its count.
 */
export function repairCharacters(text: string): CharacterRepairResult {
  const tally = new Map<string, Repair>();
  const record = (found: string, replacement: string, rule: string): void => {
    const key = `${rule}\u0000${found}\u0000${replacement}`;
    const entry = tally.get(key);
    if (entry) entry.count += 1;
    else tally.set(key, { found, replacement, count: 1, rule });
  };

  let result = text.normalize('NFC');
  // Text damaged twice (encoded, misread, encoded again) needs a second pass; a third is never seen.
  for (let pass = 0; pass < 2; pass++) {
    const before = result;
    result = result.replace(LEGACY_RUN, (run) => redecodeRun(run, record));
    if (result === before) break;
  }
  // After the re-decoding: a soft hyphen or BOM may itself be part of a misread sequence ("Ã­" is "í").
  result = result.replace(/[\uFEFF\u200B\u00AD\u2060]/gu, (char) => {
    record(describeInvisible(char), '', RULE_INVISIBLE);
    return '';
  });
  result = repairLostLeadBytes(result, record);

  const repairs = [...tally.values()].sort(
    (a, b) => a.rule.localeCompare(b.rule) || a.found.localeCompare(b.found) || a.replacement.localeCompare(b.replacement),
  );
  return { text: result.normalize('NFC'), repairs };
}

function describeInvisible(char: string): string {
  const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
  return `U+${code}`;
}

/** Re-decodes each valid UTF-8 sequence hidden in a run of Windows-1252/Latin-1 characters. */
function redecodeRun(run: string, record: (found: string, replacement: string, rule: string) => void): string {
  const chars = [...run];
  const bytes = chars.map((char) => LEGACY_BYTE.get(char) ?? 0);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 1) {
      const decoded = STRICT_UTF8.decode(Uint8Array.from(bytes.slice(i, i + length)));
      const found = chars.slice(i, i + length).join('');
      if (isPlausibleCharacter(decoded)) {
        const usedC1 = [...found].some((char) => /[\u0080-\u009F]/u.test(char));
        record(found, decoded, usedC1 ? RULE_LATIN1 : RULE_CP1252);
        out += decoded;
        i += length;
        continue;
      }
    }
    out += chars[i];
    i += 1;
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence starting at `i` (per RFC 3629), or 0 if there is none. */
function utf8SequenceLength(bytes: number[], i: number): number {
  const lead = bytes[i] ?? 0;
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) secondMin = 0xa0;
    if (lead === 0xed) secondMax = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) secondMin = 0x90;
    if (lead === 0xf4) secondMax = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < secondMin || second > secondMax) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] ?? 0;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** Controls, private-use and unassigned code points are not what an author typed. */
function isPlausibleCharacter(char: string): boolean {
  return !/[\p{Cc}\p{Co}\p{Cn}]/u.test(char);
}

/** Replaces a lone lead-byte letter between spaces with an em dash, when the text is not in its script. */
function repairLostLeadBytes(text: string, record: (found: string, replacement: string, rule: string) => void): string {
  let result = text;
  for (const { letter, isolated, script, name } of LEAD_BYTE_CODE_PAGES) {
    if (!result.includes(letter)) continue;
    const occurrences = result.match(isolated)?.length ?? 0;
    if (occurrences === 0) continue;
    const scriptLetters = result.match(script)?.length ?? 0;
    const latinLetters = result.match(/\p{Script=Latin}/gu)?.length ?? 0;
    // Any other letter of that script means the text is (partly) written in it: leave it alone.
    if (scriptLetters !== occurrences || latinLetters < 20 * occurrences) continue;
    result = result.replace(isolated, () => {
      record(letter, '—', `UTF-8 lead byte 0xE2 of a punctuation mark read as ${name}, rest of the character lost (spaced dash restored)`);
      return '—';
    });
  }
  return result;
}
