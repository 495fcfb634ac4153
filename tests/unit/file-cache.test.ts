import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../src/io/file-cache.ts';

const root = mkdtempSync(path.join(tmpdir(), 'pipeline-version-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pipelineVersion', () => {
  it('changes when a module inside a stage folder changes, not only a top-level stage', () => {
    mkdirSync(path.join(root, 'src', 'pipeline', 'stage'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'pipeline', 'top.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'src', 'pipeline', 'stage', 'helper.ts'), 'export const b = 1;\n');
    const before = pipelineVersion(root);
    expect(pipelineVersion(root)).toBe(before);
    writeFileSync(path.join(root, 'src', 'pipeline', 'stage', 'helper.ts'), 'export const b = 2;\n');
    expect(pipelineVersion(root)).not.toBe(before);
  });
});
