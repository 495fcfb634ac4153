import { describe, expect, it } from 'vitest';
import { dot, scaleToUnit, type SparseVector } from '../../src/pipeline/derivatives/sparse-vector.ts';

describe('sparse vectors', () => {
  it('scales a vector to unit length and leaves an all-zero one alone', () => {
    const v: SparseVector = new Map([['a', 3], ['b', 4]]);
    scaleToUnit(v);
    expect([...v]).toEqual([['a', 0.6], ['b', 0.8]]);
    const zero: SparseVector = new Map([['a', 0]]);
    scaleToUnit(zero);
    expect([...zero]).toEqual([['a', 0]]);
  });

  it('sums products over shared features only, whichever vector is smaller', () => {
    const a: SparseVector = new Map([['x', 2], ['y', 3]]);
    const b: SparseVector = new Map([['y', 5], ['z', 7], ['w', 1]]);
    expect(dot(a, b)).toBe(15);
    expect(dot(b, a)).toBe(15);
    expect(dot(a, new Map())).toBe(0);
  });

  it('gives 1 for a unit vector with itself: the cosine', () => {
    const v: SparseVector = new Map([['a', 1], ['b', 2], ['c', 2]]);
    scaleToUnit(v);
    expect(dot(v, v)).toBeCloseTo(1, 12);
  });
});
