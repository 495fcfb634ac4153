import { describe, expect, it } from 'vitest';
import { repairCharacters } from '../../src/pipeline/normalize/repair-characters.ts';

/** What a program shows when it reads UTF-8 bytes as Windows-1252 (bytes it cannot map become C1 controls). */
function misread(text: string): string {
  const cp1252 = new TextDecoder('windows-1252');
  return [...new TextEncoder().encode(text)].map((byte) => cp1252.decode(Uint8Array.of(byte))).join('');
}

describe('repairCharacters', () => {
  it('re-decodes UTF-8 that was read as Windows-1252, whatever the characters', () => {
    const original = 'Ångström’s “naïve” café — 50 € and 3 µg, São Paulo, Kraków, Ελλάδα, 東京.';
    const { text, repairs } = repairCharacters(misread(original));
    expect(text).toBe(original);
    expect(repairs.every((r) => /UTF-8 read as (Windows-1252|Latin-1)/u.test(r.rule))).toBe(true);
  });

  it('counts each distinct repair once with how often it was applied', () => {
    const { repairs } = repairCharacters(misread('It’s the mayor’s plan, and it’s late.'));
    expect(repairs).toEqual([{ found: 'â€™', replacement: '’', count: 3, rule: 'UTF-8 read as Windows-1252' }]);
  });

  it('repairs text that was misread twice', () => {
    const original = 'The café’s owner';
    expect(repairCharacters(misread(misread(original))).text).toBe(original);
  });

  it('repairs UTF-8 read as Latin-1, where typographic characters became control characters', () => {
    const latin1 = [...new TextEncoder().encode('A “quote”')].map((byte) => String.fromCharCode(byte)).join('');
    const { text, repairs } = repairCharacters(latin1);
    expect(text).toBe('A “quote”');
    expect(repairs.some((r) => r.rule === 'UTF-8 read as Latin-1 (ISO-8859-1)')).toBe(true);
  });

  it('leaves correct accented and typographic text alone', () => {
    const correct = 'Zoë, Ærø, «À bientôt», Ça va? Größe: 5 µm; ©2024 ® ™ … – — “ ” ‘ ’ Â Ã é';
    expect(repairCharacters(correct)).toEqual({ text: correct, repairs: [] });
  });

  it('leaves a lead byte alone when the bytes after it do not complete a character', () => {
    expect(repairCharacters('Ã and Ã© mixed: Ãx').text).toBe('Ã and é mixed: Ãx');
  });

  it('restores a spaced dash where only the lead byte of a dash survived, read as Windows-874', () => {
    const { text, repairs } = repairCharacters('The plant reopened on Monday โ a week early โ after repairs to its cooling system were finished.');
    expect(text).toBe('The plant reopened on Monday — a week early — after repairs to its cooling system were finished.');
    expect(repairs).toEqual([
      expect.objectContaining({ found: 'โ', replacement: '—', count: 2, rule: expect.stringMatching(/lead byte 0xE2.*Windows-874/u) }),
    ]);
  });

  it('applies the same rule to other legacy code pages (Windows-1251 shows the lead byte as "в")', () => {
    const { text } = repairCharacters('The plant reopened on Monday в a week early в after repairs to its cooling system were finished.');
    expect(text).toContain('Monday — a week early — after');
  });

  it('does not touch the letter in text that is written in that script', () => {
    const thai = 'ข่าว โ ประจำวัน and some English words to make the text long enough for the rule.';
    expect(repairCharacters(thai).text).toBe(thai);
    const russian = 'Он живёт в Москве, and the English summary of the report goes on at some length here.';
    expect(repairCharacters(russian).text).toBe(russian);
  });

  it('does not touch a lead-byte letter that is not standing alone between spaces', () => {
    const text = 'The brand Xโ and the word โX stay as they are in this fairly long English sentence.';
    expect(repairCharacters(text).text).toBe(text);
  });

  it('removes invisible formatting characters and says which', () => {
    const { text, repairs } = repairCharacters('\uFEFFcoop\u00ADerative zero\u200Bwidth');
    expect(text).toBe('cooperative zerowidth');
    expect(repairs.map((r) => r.found).sort()).toEqual(['U+00AD', 'U+200B', 'U+FEFF']);
  });

  it('composes decomposed characters to NFC', () => {
    expect(repairCharacters('Cafe\u0301').text).toBe('Café');
  });
});
