/**
 * Serializes structured data for a `<script type="application/ld+json">` element safely.
 *
 * JSON.stringify alone is not enough inside HTML: a string containing `</script>` would end the
 * element and let article text become markup. Escaping `<`, `>` and `&` as JSON unicode escapes
 * keeps the JSON identical for parsers while the HTML parser never sees a tag.
 */

/** Returns `value` as JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
