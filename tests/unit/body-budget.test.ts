import { describe, expect, it } from 'vitest';
import { chooseMainBody, informativeness, type BudgetItem } from '../../src/pipeline/merge/body-budget.ts';

function claim(id: string, section: number, words: number, sources: number, info: number, extra: Partial<BudgetItem> = {}): BudgetItem {
  return { id, section, words, independentSources: sources, informativeness: info, ...extra };
}

describe('informativeness', () => {
  it('ranks a figure-dense short sentence above a long one with the same facts', () => {
    const short = informativeness({ figures: 2, dates: 1, names: 1, terms: 6, words: 12 });
    const long = informativeness({ figures: 2, dates: 1, names: 1, terms: 6, words: 40 });
    expect(short).toBeGreaterThan(long);
  });
});

describe('chooseMainBody', () => {
  const items = [
    claim('lead', 0, 30, 1, 1, { required: true }),
    claim('shared', 1, 40, 3, 0.5),
    claim('rich', 1, 20, 1, 3),
    claim('thin', 1, 20, 1, 0.2),
    claim('alone', 2, 25, 1, 0.1),
  ];

  it('always shows the lead and what two or more independent sources report, even past the budget', () => {
    expect([...chooseMainBody(items, { budgetWords: 0 })].sort()).toEqual(['lead', 'shared']);
  });

  it('then gives a section without a shown claim its most informative one, then the richest others', () => {
    expect([...chooseMainBody(items, { budgetWords: 115 })].sort()).toEqual(['alone', 'lead', 'rich', 'shared']);
  });

  it('stops adding single-source claims when the budget is spent', () => {
    const main = chooseMainBody(items, { budgetWords: 90 });
    expect(main.has('rich')).toBe(true);
    expect(main.has('thin')).toBe(false);
  });

  it('shows a dependent claim with the claim it points back at, and only then', () => {
    const chain = [claim('a', 0, 10, 1, 2), claim('b', 0, 10, 1, 0.1, { follows: 'a' }), claim('c', 0, 10, 1, 1)];
    expect([...chooseMainBody(chain, { budgetWords: 20 })].sort()).toEqual(['a', 'b']);
    const shared = [claim('a', 0, 10, 1, 0.1), claim('b', 0, 10, 2, 0.1, { follows: 'a' })];
    expect([...chooseMainBody(shared, { budgetWords: 0 })].sort()).toEqual(['a', 'b']);
  });

  it('rejects a budget that is not a number of words', () => {
    expect(() => chooseMainBody(items, { budgetWords: -1 })).toThrow(/budgetWords .* got -1/);
  });
});
