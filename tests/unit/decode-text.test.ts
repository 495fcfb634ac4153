import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleFileError } from '../../src/errors.ts';
import { decodeText, firstInvalidUtf8 } from '../../src/pipeline/decode-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

function decodedText(input: Uint8Array) {
  const result = decodeText(input, 'a.md');
  if (!result.ok) throw new Error(`expected text, got: ${result.problem.message}`);
  return result;
}

describe('decodeText', () => {
  it('decodes UTF-8 without a warning', () => {
    const result = decodedText(utf8('Zürich — “quoted” 東京 🚀\n'));
    expect(result.text).toBe('Zürich — “quoted” 東京 🚀\n');
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark and keeps the rest', () => {
    const result = decodedText(bytes(0xef, 0xbb, 0xbf, ...utf8('---\ntitle: x\n')));
    expect(result.text).toBe('---\ntitle: x\n');
    expect(result.warnings).toEqual([]);
  });

  it('decodes an empty file as empty text', () => {
    expect(decodedText(bytes()).text).toBe('');
  });

  it('decodes bytes that are not UTF-8 as Windows-1252 and warns with the line and the fix', () => {
    // "café" with é as 0xE9, then “€5” in Windows-1252: 0x93 0x80 0x35 0x94.
    const result = decodedText(bytes(...utf8('first line\ncaf'), 0xe9, 0x0a, 0x93, 0x80, 0x35, 0x94));
    expect(result.text).toBe('first line\ncafé\n“€5”');
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning).toBeInstanceOf(ArticleFileError);
    expect(warning?.file).toBe('a.md');
    expect(warning?.line).toBe(2);
    expect(warning?.found).toContain('0xE9');
    expect(warning?.fix).toMatch(/re-save the file as UTF-8/);
  });

  it('decodes UTF-16 with a byte-order mark, little- and big-endian, and asks for UTF-8', () => {
    const le = decodedText(bytes(0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00));
    expect(le.text).toBe('Hé');
    expect(le.encoding).toBe('utf-16le');
    const be = decodedText(bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9));
    expect(be.text).toBe('Hé');
    expect(be.encoding).toBe('utf-16be');
    expect(be.warnings[0]?.fix).toMatch(/UTF-8/);
  });

  it('refuses a file with a NUL byte as binary, naming where it is', () => {
    const result = decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01), 'picture.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBeInstanceOf(ArticleFileError);
    expect(result.problem.file).toBe('picture.md');
    expect(result.problem.found).toBe('a NUL byte at byte 5');
  });

  it('refuses text full of control characters as binary', () => {
    const noisy = bytes(...Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x61)));
    expect(decodeText(noisy, 'a.md').ok).toBe(false);
  });

  it('accepts a long text with one stray control character', () => {
    const text = `${'A sentence of ordinary reporting. '.repeat(20)}\u000b${'More text. '.repeat(5)}`;
    expect(decodeText(utf8(text), 'a.md').ok).toBe(true);
  });
});

describe('firstInvalidUtf8', () => {
  it('returns -1 for valid UTF-8 of every length', () => {
    expect(firstInvalidUtf8(utf8('a é € 🚀'))).toBe(-1);
  });

  it('finds overlong encodings, surrogates, stray continuation bytes and cut-off sequences', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2);
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });

  it('agrees with the platform decoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) === -1).toBe(valid);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
