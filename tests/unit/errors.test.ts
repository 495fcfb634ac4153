import { describe, expect, it } from 'vitest';
import { ArticleFileError, DigestError, FrontMatterError } from '../../src/errors.ts';

describe('DigestError', () => {
  it('names the file, line and field, what was found and how to fix it', () => {
    const error = new FrontMatterError('the date is not a date', { file: 'content/articles/a.md', line: 4, field: 'published', found: '"soon"', fix: 'write YYYY-MM-DD' });
    expect(error.message).toBe('content/articles/a.md:4 (published): the date is not a date\n  found: "soon"\n  fix: write YYYY-MM-DD');
    expect(error).toBeInstanceOf(DigestError);
    expect(error.name).toBe('FrontMatterError');
    expect([error.file, error.line, error.field]).toEqual(['content/articles/a.md', 4, 'published']);
  });

  it('carries no stack trace, being a report about the input, and leaves other errors theirs', () => {
    const report = new ArticleFileError('the file is empty', { file: 'content/articles/b.md', found: '0 bytes', fix: 'delete it' });
    expect(report.stack).toBe(`ArticleFileError: ${report.message}`);
    expect(new Error('a crash').stack).toMatch(/\n\s+at /);
  });
});
