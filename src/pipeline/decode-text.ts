/**
 * Bytes → text for one article file: the only place that decides what encoding a file is in.
 *
 * UTF-8 (with or without a byte-order mark) is the norm. Text that is not valid UTF-8 is almost
 * always a legacy Windows file, so it is decoded as Windows-1252 (a superset of Latin-1's printable
 * characters) and a warning asks the editor to re-save it. UTF-16 with a byte-order mark (what some
 * Windows editors save) is decoded too, with the same warning. Bytes that are not text at all
 * (NUL bytes, many control characters: an image or a PDF renamed `.md`) are refused.
 */
import iconv from 'iconv-lite';
import { ArticleFileError } from '../errors.ts';

/** The encodings this module recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What `decodeText` made of a file's bytes. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncoding; warnings: ArticleFileError[] }
  | { ok: false; problem: ArticleFileError };

/**
 * Share of control characters (other than tab, newline, carriage return and form feed) above
 * which bytes are taken for a binary file. Real text has none or a stray one; binary formats are
 * full of them.
 */
const MAX_CONTROL_SHARE = 0.01;

const REWRITE_FIX = 're-save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), then build again';

/**
 * Decodes `bytes` of `file` (a repo-relative path, used in messages) to text without a byte-order
 * mark. Returns the text with any encoding warnings, or the problem when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return {
      ok: true,
      text,
      encoding,
      warnings: [
        new ArticleFileError('the file is UTF-16, not UTF-8; it was decoded as UTF-16', {
          file,
          found: `a ${encoding.toUpperCase()} byte-order mark`,
          fix: REWRITE_FIX,
        }),
      ],
    };
  }

  const binary = binaryEvidence(bytes);
  if (binary !== undefined) {
    return {
      ok: false,
      problem: new ArticleFileError('the file is binary, not text', {
        file,
        found: binary,
        fix: 'content files must be Markdown text; remove this file, or import the article\'s text with `npm run add`',
      }),
    };
  }

  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const invalidAt = firstInvalidUtf8(body);
  if (invalidAt === -1) {
    return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', warnings: [] };
  }

  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'windows-1252');
  const line = lineAt(body, invalidAt);
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    warnings: [
      new ArticleFileError('the file is not UTF-8; it was decoded as Windows-1252 (Latin-1)', {
        file,
        line,
        found: `byte 0x${(body[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at line ${line}, which is not valid UTF-8`,
        fix: REWRITE_FIX,
      }),
    ],
  };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Why `bytes` look binary, or undefined when they look like text. */
function binaryEvidence(bytes: Uint8Array): string | undefined {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return `a NUL byte at byte ${i + 1}`;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls++;
  }
  if (controls > 0 && controls > bytes.length * MAX_CONTROL_SHARE) {
    return `${controls} control characters in ${bytes.length} bytes`;
  }
  return undefined;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF), or -1 when all of `bytes` is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, min, cp] = [1, 0x80, b0 & 0x1f];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, min, cp] = [2, 0x800, b0 & 0x0f];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, min, cp] = [3, 0x10000, b0 & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
