import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { MAX_SLUG_LENGTH, slugify } from '../../src/pipeline/slugify.ts';

describe('slugify options', () => {
  it('cuts at 60 characters by default and at maxLength when one is given', () => {
    const headline = 'word '.repeat(40);
    // Four-letter words and hyphens: 12 words fit in 60 characters (59), 16 in 80 (79).
    expect(slugify(headline)).toBe(Array.from({ length: 12 }, () => 'word').join('-'));
    expect(slugify(headline)).toHaveLength(59);
    expect(MAX_SLUG_LENGTH).toBe(60);
    expect(slugify(headline, { maxLength: 80 })).toHaveLength(79);
    expect(slugify(headline, { maxLength: 4 })).toBe('word');
  });

  it('keeps dangling function words unless asked to trim them', () => {
    // The cut at 60 falls inside "reservoir", leaving "…-and-the".
    const headline = `${'x'.repeat(50)} and the reservoir`;
    expect(slugify(headline)).toBe(`${'x'.repeat(50)}-and-the`);
    expect(slugify(headline, { trimDanglingWords: true })).toBe('x'.repeat(50));
  });

  it('never trims a slug down to nothing: a lone function word stays', () => {
    expect(slugify(`the ${'x'.repeat(70)}`, { maxLength: 10, trimDanglingWords: true })).toBe('the');
  });

  it('cuts mid-word when the last hyphen would keep no more than a quarter of the limit', () => {
    expect(slugify(`a ${'b'.repeat(70)}`)).toBe(`a-${'b'.repeat(58)}`);
    expect(slugify(`${'a'.repeat(20)} ${'b'.repeat(70)}`)).toBe('a'.repeat(20));
  });

  it('spells Greek and Cyrillic headlines in Latin letters, and leaves Latin letters as before', () => {
    expect(slugify('Νέα γέφυρα στην Πάτρα')).toBe('nea-gefyra-stin-patra');
    expect(slugify('Паром в Архангельск')).toBe('parom-v-arkhangelsk');
    expect(slugify('Η Pellam Ferries ανοίγει')).toBe('i-pellam-ferries-anoigei');
    expect(slugify('Müller wins')).toBe('muller-wins');
  });

  it('spells Latin letters that have no accent to drop, and leaves symbols to the hyphens', () => {
    expect(slugify('Straße in Kelby')).toBe('strasse-in-kelby');
    expect(slugify('Øresund ferries')).toBe('oresund-ferries');
    expect(slugify('Łódź harbour')).toBe('lodz-harbour');
    expect(slugify('€5bn deal — “done”')).toBe('5bn-deal-done');
  });

  it('returns the fallback when no ASCII is left', () => {
    expect(slugify('東京')).toBe('story');
    expect(slugify('東京', { fallback: '' })).toBe('');
    expect(slugify('Tōkyō', { fallback: '' })).toBe('tokyo');
  });

  it.each([0, 121, 60.5, Number.NaN])('refuses maxLength %s with an OptionError naming the option', (maxLength) => {
    expect(() => slugify('a headline', { maxLength })).toThrow(OptionError);
    expect(() => slugify('a headline', { maxLength })).toThrow(/maxLength/);
  });
});
