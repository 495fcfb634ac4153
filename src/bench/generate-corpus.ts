/**
 * A deterministic generator of news corpora whose true grouping is known, for the benchmark and the
 * clusterer's scale test.
 *
 * Each event is of one kind (a takeover, a storm, a court ruling…) with invented people, firms,
 * places, products and figures; some names recur across events, as they do in real news. An event
 * is told by one to many articles: an original report, rewrites that paraphrase it (synonym swaps,
 * dropped sentences, a swapped pair), syndicated near-copies, and independent reports worded
 * differently, sometimes with a figure that disagrees. Everything follows from the numeric seed.
 */
import type { ArticleFile } from '../types.ts';

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** How many articles to produce (≥ 0). */
  articles: number;
  /** Seed of the pseudo-random generator; the same seed gives the same corpus. */
  seed: number;
}

/** A generated corpus: content files plus the event each article reports. */
export interface GeneratedCorpus {
  /** Markdown content files with front matter, at `content/articles/<id>.md`. */
  files: ArticleFile[];
  /** Article id → event id (`e<n>`): the true grouping. */
  truth: Record<string, string>;
  /** Rewrite or syndicated copy id → id of the report it was made from: the true derivatives. */
  derivatives: Record<string, string>;
}

/** mulberry32: a small, fast, seedable PRNG; enough for test data, not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const SYLLABLES = (
  'ka lo mi ra ven tor bel dra ny os quin sa lu mer fen gal ith cor dal ven zo ar bri tes hol ma rek sun ' +
  'vol tam ces por lin gri mo nad sel vik or fa bre tul han ro ste dun ely par wen kas tho mir ab'
).split(' ');

function inventWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i += 1) word += pick(rng, SYLLABLES);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const ORG_SUFFIX = ['Systems', 'Holdings', 'Labs', 'Group', 'Energy', 'Bank', 'Motors', 'Foods', 'Pharma', 'Networks', 'Airways', 'Mining', 'Robotics', 'Capital'];
const PLACE_SUFFIX = ['', '', ' Bay', ' Springs', ' Falls', 'port', ' Valley', 'ford'];
const OUTLET_FORMS = ['The {w} Times', '{w} Daily', '{w} Wire', 'The {w} Courier', '{w} Post', '{w} Ledger', '{w} Herald', '{w} Report'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The facts of one event, filled into templates. Figures are kept as numbers so reports can disagree. */
interface Slots {
  person: string;
  person2: string;
  org: string;
  org2: string;
  place: string;
  product: string;
  day: string;
  date: string;
  amount: number;
  count: number;
  pct: number;
}

type SlotName = keyof Slots;

/** One fact with three ways to state it: reports that do not copy each other pick different ones. */
type Fact = readonly [string, string, string];

interface EventKind {
  titles: readonly string[];
  facts: readonly Fact[];
  background: readonly string[];
}

const KINDS: readonly EventKind[] = [
  {
    titles: ['{org} agrees to buy {org2} for {amount}', '{org2} sold to {org} in {amount} deal', '{org} takeover of {org2} set to reshape the market'],
    facts: [
      ['{org} agreed on {day} to buy {org2} for {amount}, the two companies said.', '{org2} will be taken over by {org} in a deal valued at {amount}, according to a joint statement.', 'In a {amount} transaction announced {day}, {org} is acquiring its rival {org2}.'],
      ['The offer values each {org2} share at a premium of {pct} to its last closing price.', 'Shareholders of {org2} will receive {pct} more than the stock was worth before the news.', 'The price represents a {pct} premium for investors in {org2}.'],
      ['{person}, chief executive of {org}, said the purchase would double its reach in {place}.', 'The deal gives {org} a far larger footprint in {place}, its chief executive {person} said.', '"This doubles our presence in {place}," {person}, who runs {org}, told reporters.'],
      ['The combined company will employ about {count} people.', 'Together the two firms have roughly {count} staff.', 'Around {count} workers will be on the payroll of the merged group.'],
      ['Regulators in {place} must still approve the transaction, which is expected to close by {date}.', 'The takeover needs clearance from competition authorities and should complete by {date}.', 'Approval from the {place} competition watchdog is required; closing is planned for {date}.'],
      ['{person2}, who founded {org2}, will stay on as an adviser.', '{org2} founder {person2} is to remain with the business in an advisory role.', 'The founder of {org2}, {person2}, agreed to advise the new owner.'],
      ['Shares of {org} fell {pct} in early trading after the announcement.', 'Investors sent {org} stock down {pct} once the deal was disclosed.', '{org} shares dropped {pct} as markets opened.'],
    ],
    background: ['Deal activity in the sector has picked up after a quiet year.', 'Bankers expect more consolidation among mid-sized firms.'],
  },
  {
    titles: ['Storm {product} batters {place}', '{place} counts the cost after Storm {product}', 'Thousands without power as {product} hits {place}'],
    facts: [
      ['Storm {product} struck {place} on {day}, bringing winds of up to {count} kilometres per hour.', 'Winds reaching {count} km/h lashed {place} as Storm {product} made landfall on {day}.', 'On {day}, gusts of {count} kilometres an hour hit {place} when {product} arrived.'],
      ['At least {count} homes were left without electricity, the utility {org} said.', '{org}, the local power company, reported {count} households cut off.', 'Power was lost to {count} homes, according to {org}.'],
      ['Mayor {person} declared a state of emergency and opened {count} shelters.', 'A state of emergency was declared by {person}, the mayor, who also opened shelters.', '{person}, mayor of {place}, announced emergency measures and public shelters.'],
      ['Rainfall in the city was {pct} above the monthly average in a single day.', 'In one day the city received {pct} more rain than it usually does in a month.', 'Forecasters said a day of rain exceeded the monthly norm by {pct}.'],
      ['Damage is provisionally estimated at {amount}.', 'Early estimates put the cost of the damage at {amount}.', 'Insurers expect claims of around {amount}.'],
      ['Schools across the region will stay closed until {date}.', 'Classes are cancelled in the area until {date}.', 'Pupils will not return to school before {date}.'],
      ['{person2} of the national weather office warned that a second front could arrive within days.', 'Another front may follow soon, forecaster {person2} cautioned.', 'The weather office, through its spokesperson {person2}, said more rain was possible.'],
    ],
    background: ['Storms of this strength have become more frequent along the coast.', 'Residents were urged to avoid travel.'],
  },
  {
    titles: ['Court rules against {org} in {place} privacy case', '{org} loses landmark case brought by {person}', 'Judge orders {org} to pay {amount}'],
    facts: [
      ['A court in {place} ruled on {day} that {org} had broken privacy law.', 'Judges in {place} found on {day} that {org} violated data protection rules.', '{org} breached privacy legislation, a {place} court decided on {day}.'],
      ['The company was ordered to pay {amount} in damages.', 'Damages of {amount} were awarded against {org}.', 'It must pay {amount} to the claimants, the ruling said.'],
      ['The case was brought by {person}, a former customer, on behalf of {count} users.', '{person}, who once used the service, led a claim joined by {count} people.', 'About {count} users backed the lawsuit filed by {person}.'],
      ['Judge {person2} said the firm had kept personal records for years without consent.', 'According to judge {person2}, {org} stored user files without permission for years.', 'The judgment, written by {person2}, found records were held without consent.'],
      ['{org} said it would appeal the decision.', 'The company plans to challenge the ruling on appeal.', 'Lawyers for {org} announced an appeal.'],
      ['Legal experts said the verdict could affect up to {pct} of online services operating in {place}.', 'The ruling may touch {pct} of digital services in the region, lawyers said.', 'As many as {pct} of online businesses in {place} could be affected, experts estimated.'],
      ['A hearing on the appeal is expected by {date}.', 'The appeal could be heard by {date}.', 'The higher court may take the case by {date}.'],
    ],
    background: ['Privacy regulators have stepped up enforcement in recent years.', 'Consumer groups welcomed the judgment.'],
  },
  {
    titles: ['{org} unveils {product}', '{org} launches {product} to take on rivals', 'First look at {product}, the new device from {org}'],
    facts: [
      ['{org} unveiled {product} on {day}, its first new device in three years.', 'On {day}, {org} introduced {product}, the company\'s first new hardware since three years ago.', 'The {product} launched by {org} on {day} is the firm\'s first device in three years.'],
      ['It will go on sale on {date} at a price of {amount}.', 'Buyers can order it from {date} for {amount}.', 'Priced at {amount}, it reaches shops on {date}.'],
      ['{person}, the head of product, said the battery lasts {pct} longer than the previous model.', 'Battery life improves by {pct} over its predecessor, according to product chief {person}.', 'The new battery runs {pct} longer, {person} told the launch event.'],
      ['The device was developed at the company\'s lab in {place} by a team of {count} engineers.', 'A team of {count} engineers in {place} built it.', 'Some {count} engineers based in {place} worked on the project.'],
      ['Analyst {person2} said the price could limit sales outside wealthy markets.', 'The cost may hold back demand in poorer markets, analyst {person2} warned.', '{person2}, an analyst, doubted it would sell widely at that price.'],
      ['{org} expects to ship {count} units in the first year.', 'The company forecasts first-year shipments of {count} units.', 'First-year sales of {count} units are the target.'],
      ['Rival {org2} is expected to answer with its own device later this year.', '{org2}, its main competitor, is preparing a rival product.', 'Competitor {org2} plans a response before the end of the year.'],
    ],
    background: ['The market for such devices has slowed since its peak.', 'Reviews are due in the coming weeks.'],
  },
  {
    titles: ['{person} wins {place} mayoral race', '{place} elects {person} as mayor', 'Upset in {place} as {person} takes city hall'],
    facts: [
      ['{person} won the mayoral election in {place} on {day} with {pct} of the vote.', 'Voters in {place} elected {person} as mayor on {day}, giving her {pct} of ballots.', 'With {pct} support, {person} took the {place} mayoralty on {day}.'],
      ['The incumbent, {person2}, conceded defeat late in the evening.', '{person2}, the outgoing mayor, accepted the result that night.', 'Late on election night the sitting mayor {person2} admitted defeat.'],
      ['Turnout reached {count} voters, the highest in two decades.', 'Some {count} people voted, a twenty-year record.', 'A record {count} residents cast ballots.'],
      ['{person} campaigned on a promise to build {count} affordable homes.', 'Her platform centred on {count} new affordable homes.', 'Affordable housing, {count} units of it, was the core of her campaign.'],
      ['She will take office on {date}.', 'The new mayor is sworn in on {date}.', '{person} begins her term on {date}.'],
      ['The campaign was backed by donations of {amount}, much of it from {org}.', '{org} was among the main donors to a campaign that raised {amount}.', 'Her campaign raised {amount}, including large gifts from {org}.'],
    ],
    background: ['Local elections across the region saw similar swings.', 'The city council remains divided.'],
  },
  {
    titles: ['Workers at {org} strike over pay', 'Strike halts {org} plants in {place}', '{org} staff walk out in pay dispute'],
    facts: [
      ['About {count} workers at {org} went on strike on {day} over pay.', 'A pay dispute led some {count} {org} employees to walk out on {day}.', 'On {day}, roughly {count} staff at {org} stopped work demanding higher wages.'],
      ['The union is demanding a raise of {pct}.', 'Union leaders want wages to rise by {pct}.', 'A {pct} pay increase is the union\'s demand.'],
      ['Union leader {person} said members had not had a real increase in five years.', '{person}, who leads the union, said wages had stagnated for five years.', 'According to {person} of the union, pay has not kept up for half a decade.'],
      ['Production at the {place} plant has stopped.', 'The factory in {place} is idle.', 'Output at {org}\'s {place} site has halted.'],
      ['{org} said the strike costs it {amount} a day.', 'Each day of the walkout costs the company {amount}, it said.', 'The company put its daily losses at {amount}.'],
      ['Talks are scheduled to resume on {date}, mediated by {person2}.', '{person2} will mediate new talks starting {date}.', 'Negotiations restart on {date} with {person2} as mediator.'],
    ],
    background: ['Labour disputes have risen as living costs climbed.', 'Other unions are watching the outcome closely.'],
  },
  {
    titles: ['Scientists at {org} report {product} breakthrough', '{product}: researchers in {place} find new treatment', 'New study from {org} raises hopes for patients'],
    facts: [
      ['Researchers at {org} in {place} reported on {day} that the compound {product} slowed the disease in a trial.', 'A trial run by {org} found that {product} slowed the illness, scientists in {place} said on {day}.', 'The experimental drug {product} held back the disease, according to results {org} published on {day}.'],
      ['The trial enrolled {count} patients over two years.', 'Some {count} people took part in the two-year study.', 'Over two years, {count} volunteers joined the trial.'],
      ['Symptoms progressed {pct} more slowly than in the placebo group.', 'Compared with placebo, decline was {pct} slower.', 'Patients on the drug worsened {pct} less quickly.'],
      ['Lead author {person} said larger studies were still needed.', '{person}, who led the research, cautioned that bigger trials must follow.', 'More extensive trials are required, said {person}, the study\'s lead author.'],
      ['The research was funded with {amount} from {org2}.', '{org2} paid {amount} toward the work.', 'Funding of {amount} came from {org2}.'],
      ['Regulators could review the drug by {date}.', 'A regulatory filing is planned before {date}.', 'Approval could be sought by {date}.'],
      ['Independent expert {person2} called the results encouraging but modest.', '{person2}, who was not involved, described the effect as modest.', 'The gains are real but small, said outside researcher {person2}.'],
    ],
    background: ['Several similar compounds have failed in late-stage trials.', 'Patient groups have long called for new treatments.'],
  },
  {
    titles: ['{org} to close {count} branches', '{org} cuts jobs and shuts branches in {place}', 'Hundreds of jobs at risk as {org} shrinks'],
    facts: [
      ['{org} said on {day} it would close {count} branches across {place}.', 'On {day}, {org} announced plans to shut {count} of its branches in {place}.', '{count} branches in {place} will close, {org} said {day}.'],
      ['The closures put about {count} jobs at risk.', 'Roughly {count} positions could be lost.', 'As many as {count} employees may lose their jobs.'],
      ['Chief executive {person} blamed a {pct} drop in customer visits.', '{person}, the chief executive, cited a {pct} fall in foot traffic.', 'Visits fell {pct}, said {person}, who runs the firm.'],
      ['The company expects to save {amount} a year.', 'Annual savings of {amount} are expected.', 'The cuts should save {amount} each year, the firm said.'],
      ['The first branches will close on {date}.', 'Closures begin on {date}.', 'The first sites shut their doors on {date}.'],
      ['Consumer advocate {person2} warned that older customers would be hit hardest.', 'Older clients stand to lose most, said {person2}, a consumer advocate.', '{person2}, who campaigns for consumers, said elderly people would suffer.'],
    ],
    background: ['Many firms have moved services online.', 'Local councils have asked for talks.'],
  },
];

/** Paraphrase pairs a rewrite may swap in; both directions are used. */
const SYNONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['said', 'stated'], ['buy', 'purchase'], ['company', 'firm'], ['about', 'around'], ['expected', 'set'],
  ['announced', 'revealed'], ['warned', 'cautioned'], ['people', 'individuals'], ['workers', 'employees'],
  ['reported', 'disclosed'], ['new', 'fresh'], ['closed', 'shut'], ['began', 'started'], ['large', 'big'],
  ['help', 'assist'], ['roughly', 'approximately'], ['fell', 'dropped'], ['chief executive', 'boss'],
  ['told', 'informed'], ['still', 'yet'], ['plans', 'intends'], ['across', 'throughout'], ['rival', 'competitor'],
];

/** The pairs as whole-word patterns, compiled once. */
const SYNONYMS = SYNONYM_PAIRS.map(([a, b]) => ({ a, b, findA: new RegExp(`\\b${a}\\b`, 'g'), findB: new RegExp(`\\b${b}\\b`, 'g') }));

const FILLER = [
  'The story is developing.',
  'Officials did not respond to requests for comment.',
  'More details are expected later this week.',
  'The news was first reported by local media.',
];

interface EventSpec {
  id: string;
  kind: EventKind;
  slots: Slots;
  /** ISO day of the event. */
  date: string;
  /** Facts to state, by index into the kind. */
  facts: number[];
}

interface Report {
  eventId: string;
  title: string;
  sentences: string[];
  outlet: string;
  credit?: string;
  published: string;
  /** The report this one rewrites or copies. */
  source?: Report;
}

/**
 * Generates `articles` articles spread over many invented events, deterministically from `seed`.
 * Returns the content files (front matter: title, outlet, published, origin, language, sometimes
 * credit) and the true event of every article id.
 */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  if (!Number.isInteger(options.articles) || options.articles < 0) {
    throw new TypeError(`generateCorpus: \`articles\` must be a whole number ≥ 0, got ${String(options.articles)}`);
  }
  if (!Number.isFinite(options.seed)) throw new TypeError(`generateCorpus: \`seed\` must be a number, got ${String(options.seed)}`);
  const rng = seededRandom(options.seed);
  const pools = makePools(rng, options.articles);

  const reports: Report[] = [];
  let eventNumber = 0;
  while (reports.length < options.articles) {
    const event = makeEvent(rng, pools, `e${eventNumber}`);
    eventNumber += 1;
    const size = rng() < 0.3 ? 1 : Math.min(2 + Math.floor(-Math.log(1 - rng()) * 4), 25);
    reports.push(...tellEvent(rng, pools, event, Math.min(size, options.articles - reports.length)));
  }

  // Shuffle so that file order says nothing about the grouping.
  for (let i = reports.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [reports[i], reports[j]] = [reports[j] as Report, reports[i] as Report];
  }

  const files: ArticleFile[] = [];
  const truth: Record<string, string> = {};
  const derivatives: Record<string, string> = {};
  const encoder = new TextEncoder();
  const ids = new Map<Report, string>(reports.map((report, index) => [report, `${String(index).padStart(5, '0')}-${slugify(report.title)}`]));
  for (const report of reports) {
    const id = ids.get(report) as string;
    const path = `content/articles/${id}.md`;
    files.push({ path, bytes: encoder.encode(toMarkdown(report, path)) });
    truth[id] = report.eventId;
    if (report.source !== undefined) derivatives[id] = ids.get(report.source) as string;
  }
  return { files, truth, derivatives };
}

interface Pools {
  people: string[];
  orgs: string[];
  places: string[];
  outlets: string[];
  used: Set<string>;
}

/** Recurring names: some events share a firm, a person or a place, as real news does. */
function makePools(rng: Rng, articles: number): Pools {
  const used = new Set<string>();
  const size = Math.max(10, Math.ceil(articles / 40));
  const unique = (make: () => string): string => {
    for (;;) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const outlets = Array.from({ length: 40 }, () => unique(() => pick(rng, OUTLET_FORMS).replace('{w}', inventWord(rng, 2))));
  return {
    people: Array.from({ length: size }, () => unique(() => inventPerson(rng))),
    orgs: Array.from({ length: size }, () => unique(() => inventOrg(rng))),
    places: Array.from({ length: size }, () => unique(() => inventPlace(rng))),
    outlets,
    used,
  };
}

const inventPerson = (rng: Rng) => `${inventWord(rng, 2)} ${inventWord(rng, between(rng, 2, 3))}`;
const inventOrg = (rng: Rng) => `${inventWord(rng, between(rng, 2, 3))} ${pick(rng, ORG_SUFFIX)}`;
const inventPlace = (rng: Rng) => `${inventWord(rng, between(rng, 2, 3))}${pick(rng, PLACE_SUFFIX)}`;

/** A fresh name most of the time, a recurring one sometimes. */
function name(rng: Rng, pools: Pools, pool: string[], invent: (rng: Rng) => string): string {
  if (rng() < 0.2) return pick(rng, pool);
  for (;;) {
    const candidate = invent(rng);
    if (!pools.used.has(candidate)) {
      pools.used.add(candidate);
      return candidate;
    }
  }
}

function makeEvent(rng: Rng, pools: Pools, id: string): EventSpec {
  const kind = pick(rng, KINDS);
  // 2018–2025, all before any build day the far-future check could use (the draw stays the same
  // as for 2019–2026, so the random sequence, and every other choice, is unchanged).
  const year = between(rng, 2019, 2026) - 1;
  const month = between(rng, 1, 12);
  const dayOfMonth = between(rng, 1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const later = between(rng, 1, 28);
  const slots: Slots = {
    person: name(rng, pools, pools.people, inventPerson),
    person2: name(rng, pools, pools.people, inventPerson),
    org: name(rng, pools, pools.orgs, inventOrg),
    org2: name(rng, pools, pools.orgs, inventOrg),
    place: name(rng, pools, pools.places, inventPlace),
    product: inventWord(rng, between(rng, 2, 3)),
    day: WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay() === 0 ? 6 : new Date(`${date}T00:00:00Z`).getUTCDay() - 1] as string,
    date: `${later} ${MONTHS[month % 12]}`,
    amount: between(rng, 2, 950) * 10 ** between(rng, 5, 8),
    count: between(rng, 12, 9800),
    pct: between(rng, 3, 64),
  };
  const facts = kind.facts.map((_, i) => i).filter((i) => i === 0 || rng() < 0.85);
  return { id, kind, slots, date, facts };
}

/** The articles that report one event: an original, then rewrites, copies and independent reports. */
function tellEvent(rng: Rng, pools: Pools, event: EventSpec, count: number): Report[] {
  const reports: Report[] = [];
  if (count <= 0) return reports;
  // One copy per outlet, so a credit line names exactly one report.
  const outlets = new Set<string>();
  const outlet = () => {
    let chosen = pick(rng, pools.outlets);
    while (outlets.has(chosen) && outlets.size < pools.outlets.length) chosen = pick(rng, pools.outlets);
    outlets.add(chosen);
    return chosen;
  };
  const original = independentReport(rng, event, 0, outlet());
  reports.push(original);
  while (reports.length < count) {
    const roll = rng();
    if (roll < 0.35) reports.push(rewrite(rng, original, outlet()));
    else if (roll < 0.5) reports.push(syndicate(original, outlet()));
    else reports.push(independentReport(rng, event, reports.length, outlet()));
  }
  return reports;
}

function independentReport(rng: Rng, event: EventSpec, number: number, outlet: string): Report {
  const slots = { ...event.slots };
  // Independent reports sometimes disagree on a figure.
  if (number > 0 && rng() < 0.25) slots.count = Math.round(slots.count * (1 + (rng() < 0.5 ? -1 : 1) * (0.05 + rng() * 0.2)));
  if (number > 0 && rng() < 0.15) slots.amount = Math.round(slots.amount * (1 + (rng() < 0.5 ? -1 : 1) * 0.1));
  const rest = event.facts.slice(1).filter(() => rng() < 0.85);
  for (let i = rest.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as number, rest[i] as number];
  }
  // The first three reports word every fact differently; later ones mix the wordings fact by fact,
  // so no two independent reports share all their sentences.
  const variant = (f: number) => (number < 3 ? (f + number) % 3 : Math.floor(rng() * 3));
  const sentences = [event.facts[0] as number, ...rest].map((f) => fill((event.kind.facts[f] as Fact)[variant(f)] as string, slots));
  if (rng() < 0.6) sentences.push(pick(rng, event.kind.background));
  if (rng() < 0.3) sentences.push(pick(rng, FILLER));
  return {
    eventId: event.id,
    title: fill(pick(rng, event.kind.titles), slots),
    sentences,
    outlet,
    published: publishedDate(rng, event.date),
  };
}

/** A paraphrase of `original`: synonym swaps, one or two sentences dropped, maybe a pair swapped. */
function rewrite(rng: Rng, original: Report, outlet: string): Report {
  let sentences = original.sentences.map((s) => paraphrase(rng, s));
  const drops = between(rng, 0, Math.min(2, sentences.length - 2));
  for (let d = 0; d < drops; d += 1) sentences.splice(between(rng, 1, sentences.length - 1), 1);
  if (sentences.length > 3 && rng() < 0.4) {
    const i = between(rng, 1, sentences.length - 2);
    sentences = [...sentences.slice(0, i), sentences[i + 1] as string, sentences[i] as string, ...sentences.slice(i + 2)];
  }
  return {
    eventId: original.eventId,
    title: paraphrase(rng, original.title),
    sentences,
    outlet,
    ...(rng() < 0.5 ? { credit: original.outlet } : {}),
    published: rng() < 0.2 ? 'unknown' : original.published,
    source: original,
  };
}

/** A syndicated copy: the same text under another outlet, credited to the original. */
function syndicate(original: Report, outlet: string): Report {
  return {
    ...original,
    outlet,
    credit: original.outlet,
    published: original.published,
    source: original,
  };
}

function paraphrase(rng: Rng, sentence: string): string {
  let out = sentence;
  for (const { a, b, findA, findB } of SYNONYMS) {
    if (rng() < 0.7) out = out.replace(findA, b);
    else if (rng() < 0.3) out = out.replace(findB, a);
  }
  return out;
}

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => formatSlot(slots, key as SlotName));
}

function formatSlot(slots: Slots, key: SlotName): string {
  const value = slots[key];
  if (key === 'amount') return formatAmount(value as number);
  if (key === 'pct') return `${value}%`;
  if (key === 'count') return (value as number).toLocaleString('en-US');
  return String(value);
}

function formatAmount(value: number): string {
  if (value >= 1e9) return `$${Number((value / 1e9).toFixed(2))} billion`;
  if (value >= 1e6) return `$${Number((value / 1e6).toFixed(1))} million`;
  return `$${value.toLocaleString('en-US')}`;
}

/** The event day or up to three days later; unknown now and then, as in real captures. */
function publishedDate(rng: Rng, eventDate: string): string {
  if (rng() < 0.1) return 'unknown';
  const date = new Date(`${eventDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + between(rng, 0, 3));
  return date.toISOString().slice(0, 10);
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

/** Front matter in YAML (strings as JSON, which YAML reads) and the body in paragraphs of two or three sentences. */
function toMarkdown(report: Report, path: string): string {
  const lines = ['---', `title: ${JSON.stringify(report.title)}`, `outlet: ${JSON.stringify(report.outlet)}`, `published: ${report.published}`];
  if (report.credit !== undefined) lines.push(`credit: ${JSON.stringify(report.credit)}`);
  lines.push(`origin: ${path}`, 'language: en', '---', '');
  const paragraphs: string[] = [];
  for (let i = 0; i < report.sentences.length; i += 3) paragraphs.push(report.sentences.slice(i, i + 3).join(' '));
  return `${lines.join('\n')}\n${paragraphs.join('\n\n')}\n`;
}
