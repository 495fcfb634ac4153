import { describe, expect, it } from 'vitest';
import { actsOf, eventTerms, mainAct, mainActs, multiWordNames, ownPart, sameHappening, type Telling } from '../../src/pipeline/timeline/same-happening.ts';

/** A telling of one clause, its names read from the clause itself. */
function telling(clause: string): Telling {
  const names = multiWordNames(clause);
  return { terms: eventTerms(clause), names: new Set(names), sentenceNames: names };
}

const noName = () => false;
/** A story in which "company", "hurricane" and "deal" are common words and the rest are rare. */
const rare = (term: string) => !['compani', 'hurrican', 'deal'].includes(term);

describe('sameHappening', () => {
  it('does not take one common word of the story for one happening', () => {
    const departure = telling('including his departure from the company');
    const games = telling('the company said it was putting the studio catalogue on its service');
    expect(sameHappening(departure, games, 0.5, noName, rare)).toBe(false);
    expect(sameHappening(departure, games, 0.5, noName)).toBe(true);
  });

  it('takes one rare shared word, or a shorter telling wholly inside the other, for one happening', () => {
    expect(sameHappening(telling('his departure from the board'), telling('announced his departure in a memo'), 0.5, noName, rare)).toBe(true);
    expect(sameHappening(telling('the hurricane, which made landfall'), telling('the hurricane made landfall near Port Avery'), 0.5, noName, rare)).toBe(true);
  });

  it('does not take a lone common noun for a happening', () => {
    expect(sameHappening(telling('the deal'), telling('a judge ruled the deal would not harm rivals'), 0.5, noName, rare)).toBe(false);
  });

  it('hears "made landfall" as a storm striking, and "stepped down" as resigning', () => {
    expect(sameHappening(telling('Storm Vela made landfall'), telling('Storm Vela struck'), 0.5, noName, rare)).toBe(true);
    expect(sameHappening(telling('the chief executive stepped down'), telling('the chief executive resigned'), 0.5, noName, rare)).toBe(true);
  });

  it('reads an adverb as its adjective ("grew swiftly but failed" meets "a swift failure"), and leaves words that only end like one', () => {
    expect(sameHappening(telling('the ferry line grew swiftly but failed'), telling('the ferry line and its lender saw a swift failure'), 0.5, noName, rare)).toBe(true);
    expect([...eventTerms('quickly sold')]).toEqual(['quick', 'sold']);
    // Words whose stem only looks like an adverb's keep their ending.
    expect([...eventTerms('early family supply')]).not.toContain('fami');
  });

  it('leaves out who told of a happening: "according to …" and a closing ", the Kelby Post reported"', () => {
    const plain = [...eventTerms('the ferry line filed for bankruptcy')];
    expect([...eventTerms('the ferry line filed for bankruptcy, the Kelby Post reported')]).toEqual(plain);
    expect([...eventTerms('according to the port authority, the ferry line filed for bankruptcy')]).toEqual(plain);
    // A saying that is the clause itself stays: it is what happened.
    expect([...eventTerms('the ferry line said')]).toContain('ferri');
  });

  it('keeps a downgrade apart from a landfall, and a ruling apart from a block', () => {
    expect(sameHappening(telling('the storm was downgraded to a weaker category'), telling('the storm made landfall as a strong category'), 0.5, noName)).toBe(false);
    expect(sameHappening(telling('a judge ruled on the merger over competition'), telling('the regulator blocked the merger over competition'), 0.5, noName)).toBe(false);
  });
});

describe('sameHappening on a shared name', () => {
  const filing = telling('the company filed papers saying Orland Motors staff options would convert');
  const purchase = telling('the company completed its purchase of Orland Motors');

  it('takes a shared name and a shared word for one happening only when the name or the word is one few sentences use', () => {
    expect(sameHappening(filing, purchase, 0.5, noName, rare)).toBe(false);
    expect(sameHappening(filing, purchase, 0.5, () => true, rare)).toBe(true);
    expect(sameHappening(filing, purchase, 0.5, noName, () => true)).toBe(true);
  });
});

describe('the acts a statement tells', () => {
  it('reads a regulator called an Authority and a "final" word as no act, and "authorized" and "finalized" as approving and completing', () => {
    expect(actsOf(telling('the Pell Port Authority met the ferry owners'))).toEqual([]);
    expect(actsOf(telling('the final hearing of the inquiry'))).toEqual([]);
    expect(actsOf(telling('the board authorized the sale'))).toEqual(actsOf(telling('approved')));
    expect(actsOf(telling('the buyer finalized the sale'))).toEqual(actsOf(telling('completed')));
  });

  it('hears "their third victory" and "a win" as one kind of act, so two tellings of one final that share only the story\'s common words meet', () => {
    expect(actsOf(telling('the team took home their third victory'))).toEqual(actsOf(telling('a nervy win')));
    const common = ['corlan', 'pellmarsh', 'vestri', 'final'];
    const victory = telling('Corlan took home their third Harbour Cup victory in Pellmarsh');
    const win = telling('Battling to a nervy penalty win over Vestry in the final of the Harbour Cup in Pellmarsh');
    expect(sameHappening(victory, win, 0.5, (name) => name !== 'harbour cup', (term) => !common.includes(term))).toBe(true);
  });

  it('hears "took over" a company as buying it', () => {
    expect(actsOf(telling('it took over another ferry operator'))).toEqual(actsOf(telling('it bought')));
  });

  it('hears "tore through" a place as a storm striking it', () => {
    expect(actsOf(telling('Storm Orla tore through Pell Harbor late Tuesday'))).toEqual(actsOf(telling('it struck')));
  });

  it('hears "passed through" or "swept across" a place as a storm striking it, but not a law that passed', () => {
    expect(actsOf(telling('the storm passed through the county late on Tuesday'))).toEqual(actsOf(telling('it struck')));
    expect(actsOf(telling('Storm Orla swept across Pell Harbor'))).toEqual(actsOf(telling('it struck')));
    expect(actsOf(telling('the council passed the harbour bill on Tuesday'))).toEqual([]);
  });

  it('hears "will leave the company" as stepping down, but not a storm leaving a coast', () => {
    expect(actsOf(telling('the chief executive will leave the combined company on 1 January'))).toEqual(actsOf(telling('she resigned')));
    expect(actsOf(telling('the storm will leave the coast by Friday'))).toEqual([]);
  });

  it('takes a completion, not the purchase it completes, as the main act, and keeps a purchase alone as one', () => {
    expect(mainActs(telling('the buyer announced the completion of its purchase'))).toEqual(actsOf(telling('it closed')));
    expect(mainActs(telling('the buyer agreed to buy the ferry line'))).toEqual(actsOf(telling('a purchase')));
    expect(mainActs(telling('the maker unveiled its new phone'))).toEqual(actsOf(telling('launched')));
  });
});

describe('ownPart', () => {
  it('ends the part a date dates at the next item of a list, which the next date dates', () => {
    expect(ownPart('the purchases of Harbor Lines in 2016 and Norrvik Ferries in 2021', '2016', ['2021'])).toBe('the purchases of Harbor Lines in 2016');
  });

  it('leaves out a phrase of time after the date (“ahead of”, “before”, “after”), which tells another happening, dated or not', () => {
    expect(ownPart('It dropped those objections in May ahead of its formal approval on Friday', 'May', ['Friday'])).toBe('It dropped those objections in May');
    expect(ownPart('The tornadoes struck on Wednesday, before the storm made landfall', 'Wednesday', [])).toBe('The tornadoes struck on Wednesday,');
    expect(ownPart('The tornadoes struck on Wednesday', 'Wednesday', [])).toBe('The tornadoes struck on Wednesday');
  });
});

describe('eventTerms', () => {
  it('reads “dropped its objections” and “withdrew their opposition” as approving, and a bare “dropped” as no act', () => {
    expect(actsOf(telling('The regulator dropped its objections'))).toEqual(actsOf(telling('The regulator approved it')));
    expect(actsOf(telling('The board withdrew their opposition'))).toEqual(actsOf(telling('The board approved it')));
    expect(actsOf(telling('Shares dropped sharply'))).toEqual([]);
  });

  it('reads “won final approval” and “received clearance” as approving, not winning, and a won final as a win', () => {
    const approving = actsOf(telling('The board approved it'));
    expect(actsOf(telling('The ferry merger won final approval on Friday'))).toEqual(approving);
    expect(actsOf(telling('Tern Line received regulatory clearance'))).toEqual(approving);
    expect(eventTerms('The ferry merger won final approval').has('final')).toBe(true);
    expect(actsOf(telling('The Harriers won the final'))).toEqual(actsOf(telling('The Harriers won')));
    expect(actsOf(telling('The Harriers won the final'))).not.toEqual(approving);
  });

  it('reads a trial that started or began as one act, and "the beginning of October" as a date, not an act', () => {
    expect(actsOf(telling('The trial started in early October'))).toEqual(actsOf(telling('His trial began last month')));
    expect(actsOf(telling('The trial started in early October'))).not.toEqual([]);
    expect(actsOf(telling('At the beginning of October the chief wrote to the board'))).toEqual([]);
  });

  it('reads a hurdle or an obstacle cleared as approving, and cleared roads as no act', () => {
    const approving = actsOf(telling('The board approved it'));
    expect(actsOf(telling('The takeover cleared its last regulatory hurdle'))).toEqual(approving);
    expect(actsOf(telling('The port had objected, but that obstacle was cleared early Friday'))).toEqual(approving);
    expect(actsOf(telling('Crews cleared the roads by noon'))).toEqual([]);
  });
});

describe('mainAct', () => {
  it('reads the act of the main verb, not of a clause that hangs on it', () => {
    expect(mainAct('Brenna Shipping closed its purchase of Tern Line after regulators approved it.')).toBe(mainAct('Brenna Shipping completed the takeover.'));
    expect(mainAct('Brenna Shipping has concluded its takeover of Tern Line.')).toBe(mainAct('Brenna Shipping completed the takeover.'));
    expect(mainAct('The regulator approved the takeover on Friday, clearing the way for the closing.')).toBe(mainAct('The board approved it.'));
    expect(mainAct('Orland Motors unveiled the Ridgeback, built by the unit it formed last year.')).toBe(mainAct('Orland Motors launched a truck.'));
    expect(mainAct('Tern Line is now part of Brenna Shipping.')).toBeUndefined();
  });
});
