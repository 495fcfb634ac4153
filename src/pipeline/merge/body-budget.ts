/**
 * Which claims a story's main body shows and which wait, collapsed, under their section: the
 * body a reader finishes holds what several independent sources report plus the most informative
 * single-source claims, up to a word budget; the rest stay on the page, cited, one click away.
 */

/** One claim as the budget sees it, in reading order. */
export interface BudgetItem {
  id: string;
  /** Its section's index; every section gets its most informative claim when the budget allows. */
  section: number;
  /** Words of its text. */
  words: number;
  /** Independent sources that state it. */
  independentSources: number;
  /** How much it tells per word (`informativeness`); ranks the single-source claims. */
  informativeness: number;
  /** Always shown (the lead). */
  required?: boolean;
  /** The claim it points back at: shown only when that one is, and always with it. */
  follows?: string;
}

/** Options of `chooseMainBody`. */
export interface BudgetOptions {
  /** Words the main body aims at; claims several independent sources report are shown past it. Default 750. */
  budgetWords?: number;
}

/** What a claim states, counted. */
export interface ClaimContent {
  figures: number;
  dates: number;
  names: number;
  /** Distinct content terms. */
  terms: number;
  words: number;
}

/**
 * Informativeness of a claim: figures and dates weigh most, then names, then content words, per
 * square root of its length, so a dense sentence beats a long one saying as much.
 */
export function informativeness(content: ClaimContent): number {
  const facts = 2 * (content.figures + content.dates) + content.names + 0.25 * content.terms;
  return facts / Math.sqrt(Math.max(1, content.words));
}

/**
 * The ids of the claims the main body shows. First every required claim and every claim two or
 * more independent sources state; then, for each section that has none yet, its most informative
 * claim; then the most informative others while the budget lasts. A dependent claim is shown
 * exactly when the claim it points back at is, and a shown claim's antecedent is shown too.
 */
export function chooseMainBody(items: BudgetItem[], options: BudgetOptions = {}): Set<string> {
  const budget = options.budgetWords ?? 750;
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`budgetWords must be a number of words, 0 or more, got ${budget}`);
  const byId = new Map(items.map((item) => [item.id, item]));
  const dependents = new Map<string, BudgetItem[]>();
  for (const item of items) if (item.follows !== undefined && byId.has(item.follows)) dependents.set(item.follows, [...(dependents.get(item.follows) ?? []), item]);

  const main = new Set<string>();
  let words = 0;
  // Showing a claim shows its antecedents and its dependents with it.
  const show = (item: BudgetItem): void => {
    if (main.has(item.id)) return;
    main.add(item.id);
    words += item.words;
    const antecedent = item.follows === undefined ? undefined : byId.get(item.follows);
    if (antecedent !== undefined) show(antecedent);
    for (const dependent of dependents.get(item.id) ?? []) show(dependent);
  };
  const wordsWith = (item: BudgetItem): number => {
    let total = item.words;
    for (const dependent of dependents.get(item.id) ?? []) total += wordsWith(dependent);
    return total;
  };

  for (const item of items) if (item.required === true || item.independentSources >= 2) show(item);
  const candidates = items
    .filter((item) => item.follows === undefined || !byId.has(item.follows))
    .sort((a, b) => b.informativeness - a.informativeness || items.indexOf(a) - items.indexOf(b));
  const sections = [...new Set(items.map((item) => item.section))];
  for (const section of sections) {
    if (items.some((item) => item.section === section && main.has(item.id))) continue;
    const best = candidates.find((item) => item.section === section);
    if (best !== undefined && words + wordsWith(best) <= budget) show(best);
  }
  for (const item of candidates) if (!main.has(item.id) && words + wordsWith(item) <= budget) show(item);
  return main;
}
