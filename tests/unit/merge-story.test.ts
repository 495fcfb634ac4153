import { describe, expect, it } from 'vitest';
import { alignClaims } from '../../src/pipeline/align/align-claims.ts';
import { isReaction, quotedWords, speakerOf } from '../../src/pipeline/merge/attribution.ts';
import {
  cleanClaimText,
  dependsOnPrevious,
  readsAsTitle,
  headlineFromSentence,
  isLeadLike,
  MAX_HEADLINE,
  MERGE_LEFT_OUT_REASONS,
  mergeStory,
  shortenHeadline,
} from '../../src/pipeline/merge/merge-story.ts';
import { independentCount } from '../../src/pipeline/align/find-conflicts/find-conflicts.ts';
import { slugify } from '../../src/pipeline/slugify.ts';
import type { SegmentedArticle } from '../../src/types.ts';
import { daily, gazette, harborArticles, harborDerivatives, wire } from '../fixtures/merge/harbor-story.ts';
import { makeArticle } from '../fixtures/merge/make-article.ts';

function merge(articles: SegmentedArticle[], derivatives = harborDerivatives) {
  return mergeStory(articles, alignClaims(articles, derivatives), derivatives);
}

describe('mergeStory on a story told by a wire report, its rewrite and an independent outlet', () => {
  const story = merge(harborArticles);

  it('takes the headline of an independent source, skipping a rewrite’s and an unknown one', () => {
    expect(story.title).toBe('Harbor Freight Lines announces 800 job cuts at European ports');
    expect(story.slug).toBe('harbor-freight-lines-announces-800-job-cuts-at-european');
  });

  it('counts sources and independent sources, and dates the story by its latest source', () => {
    expect(story.sourceIds).toEqual(['daily', 'gazette', 'wire']);
    expect(story.independentSourceCount).toBe(2);
    expect(story.updated).toBe('2026-03-04');
    expect(story.timelineIds).toEqual([]);
  });

  it('states each fact once, citing every source that states it and no other', () => {
    const texts = story.claims.map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
    const employs = story.claims.find((c) => c.sentenceIds.includes('wire#1'));
    expect(employs?.sourceIds).toEqual(['daily', 'wire']);
    const strike = story.claims.find((c) => c.text.includes('strike'));
    expect(strike?.sourceIds).toEqual(['gazette']);
    // Every sentence the story uses is cited to its own article.
    for (const claim of story.claims) {
      const articles = [...new Set(claim.sentenceIds.map((id) => id.split('#')[0]))].sort();
      expect(claim.sourceIds).toEqual(articles);
    }
  });

  it('folds a claim wholly contained in another claim’s sentence into it instead of stating it twice', () => {
    const founding = story.claims.filter((c) => c.text.includes('1921'));
    expect(founding).toHaveLength(1);
    expect(founding[0]?.sourceIds).toEqual(['daily', 'wire']);
    expect(founding[0]?.sentenceIds).toEqual(['daily#4', 'wire#4', 'wire#5']);
  });

  it('numbers claim ids after the slug in body order and orders sections lead, details, reaction, background', () => {
    expect(story.claims.map((c) => c.id)).toEqual(story.claims.map((_, i) => `${story.slug}-c${i + 1}`));
    const order = ['lead', 'details', 'reaction', 'background'];
    const sections = story.claims.map((c) => order.indexOf(c.section));
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    expect(story.claims[0]?.section).toBe('lead');
    expect(story.claims.find((c) => c.text.includes('1921'))?.section).toBe('background');
    expect(story.claims.find((c) => c.text.includes('Lindqvist'))?.section).toBe('reaction');
  });

  it('strips a dangling opener from the chosen sentence', () => {
    const union = story.claims.find((c) => c.sentenceIds.includes('daily#3'));
    expect(union?.text.startsWith('And ')).toBe(false);
    expect(union?.text).toMatch(/^The Dockworkers Federation of Europe/);
  });

  it('keeps the disagreement on the job-cut figure as a conflict', () => {
    expect(story.conflicts.map((c) => c.variants.map((v) => v.text))).toEqual([['1,200', '800']]);
  });

  it('writes a 2–3 sentence summary and 3–6 key points taken from the claims', () => {
    const summarySentences = story.summary.split(/(?<=\.)\s+/);
    expect(summarySentences.length).toBeGreaterThanOrEqual(2);
    expect(summarySentences.length).toBeLessThanOrEqual(3);
    for (const sentence of summarySentences) expect(story.claims.map((c) => c.text)).toContain(sentence);
    expect(story.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(story.keyPoints.length).toBeLessThanOrEqual(6);
    for (const point of story.keyPoints) expect(story.claims.map((c) => c.text)).toContain(point);
  });

  it('records the left-out sentences with a reason', () => {
    expect(story.leftOut.map((l) => l.sentenceId)).toEqual(['gazette#2', 'gazette#4']);
  });
});

describe('the body in sections', () => {
  const story = merge(harborArticles);
  const byId = new Map(story.claims.map((c) => [c.id, c]));

  it('lists every claim in exactly one section, in the order of the claims', () => {
    const listed = story.sections.flatMap((s) => [...s.claimIds, ...s.moreClaimIds]);
    expect(listed).toEqual(story.claims.map((c) => c.id));
  });

  it('gives each section the kind of its claims, a heading and an id unique in the story', () => {
    for (const section of story.sections) {
      for (const id of [...section.claimIds, ...section.moreClaimIds]) expect(byId.get(id)?.section).toBe(section.kind);
      expect(section.heading.length).toBeGreaterThan(0);
    }
    expect(new Set(story.sections.map((s) => s.id)).size).toBe(story.sections.length);
    expect(story.sections[0]).toMatchObject({ id: 'lead', kind: 'lead', heading: 'What happened' });
  });

  it('shows in the main body every claim two or more independent sources state, and collapses only the others', () => {
    const independent = (id: string) => independentCount(byId.get(id)?.sourceIds ?? [], harborDerivatives);
    for (const section of story.sections) for (const id of section.moreClaimIds) expect(independent(id)).toBe(1);
    const shown = new Set(story.sections.flatMap((s) => s.claimIds));
    for (const claim of story.claims) if (independent(claim.id) >= 2) expect(shown.has(claim.id)).toBe(true);
  });
});

describe('an article added to an existing story', () => {
  it('joins the claims it restates and adds its citation to them', () => {
    const before = merge([wire, gazette], []);
    const late = makeArticle(
      'late',
      [['Harbor Freight Lines, which employs about 9,000 people at ports in Rotterdam, Antwerp and Hamburg, is cutting 1,200 jobs.']],
      { title: 'unknown', published: '2026-03-05' },
    );
    const after = merge([wire, gazette, late], []);
    const employs = (story: typeof before) => story.claims.find((c) => c.sentenceIds.includes('wire#1'));
    expect(employs(before)?.sourceIds).toEqual(['wire']);
    expect(employs(after)?.sourceIds).toEqual(['late', 'wire']);
    expect(after.updated).toBe('2026-03-05');
    expect(after.claims.length).toBe(before.claims.length);
  });
});

describe('sentences that depend on the previous one', () => {
  it('keeps a dependent sentence right after its antecedent', () => {
    const article = makeArticle('dep', [
      [
        'The Vessen council approved a €40 million flood barrier on Thursday.',
        'The barrier will protect 3,000 homes along the river.',
        'It is the largest public works project in the town since 1990.',
      ],
    ]);
    const story = merge([article], []);
    const texts = story.claims.map((c) => c.text);
    const antecedent = texts.indexOf('The barrier will protect 3,000 homes along the river.');
    expect(texts[antecedent + 1]).toBe('It is the largest public works project in the town since 1990.');
  });

  it('leaves out a dependent sentence whose antecedent was not kept, saying why', () => {
    const article = makeArticle('orphan', [
      ['The Vessen council approved a €40 million flood barrier on Thursday.'],
      ['# Reaction', 'This was the case with the 2019 plan as well, officials in Vessen said.'],
    ]);
    const story = merge([article], []);
    expect(story.leftOut).toContainEqual({ sentenceId: 'orphan#2', reason: MERGE_LEFT_OUT_REASONS.orphan });
    expect(story.claims.map((c) => c.text)).not.toContain('This was the case with the 2019 plan as well, officials in Vessen said.');
  });

  it('leaves out a sentence that points at what followed it on the page, and ends another that introduced a quote with a full stop', () => {
    const article = makeArticle('forward', [
      [
        'The Vessen council approved a €40 million flood barrier on Thursday.',
        'The following images show the river at its peak on Wednesday:',
        'Mayor Ana Ruiz welcomed the vote in a post to residents:',
      ],
    ]);
    const story = merge([article], []);
    expect(story.leftOut).toContainEqual({ sentenceId: 'forward#1', reason: MERGE_LEFT_OUT_REASONS.forward });
    expect(story.claims.map((c) => c.text)).toContain('Mayor Ana Ruiz welcomed the vote in a post to residents.');
  });

  it('recognises openers that point back', () => {
    expect(dependsOnPrevious('This was the case with the last model.')).toBe(true);
    expect(dependsOnPrevious('That 2025 model was a disappointment.')).toBe(true);
    expect(dependsOnPrevious('It also said it would expand.')).toBe(true);
    expect(dependsOnPrevious('Thisbe Corp said it would expand.')).toBe(false);
    expect(dependsOnPrevious('The company said it would expand.')).toBe(false);
  });

  it('treats a sentence that closes a quote it did not open as the quote’s continuation', () => {
    expect(dependsOnPrevious('We will rebuild the pier by spring.” the mayor said.')).toBe(true);
    expect(dependsOnPrevious('“We will rebuild the pier by spring,” the mayor said.')).toBe(false);
  });

  it('tells a headline run into the text from a sentence of the report', () => {
    expect(readsAsTitle('Kelby ferry strike ends after nine days, with pay deal agreed')).toBe(true);
    expect(readsAsTitle('Welcoming the new crews of the Kelby ferry to the fleet.')).toBe(true);
    expect(readsAsTitle('Citing safety, the union ended the ferry strike on Monday.')).toBe(false);
    expect(readsAsTitle('Ending the strike will cost the operator £2 million.')).toBe(false);
  });

  it('drops a report’s dateline from a claim, and keeps a dash that sets off an aside', () => {
    expect(cleanClaimText('KELBY, Northshire — (Harbor Wire) — The ferry strike ended on Monday after nine days.')).toBe('The ferry strike ended on Monday after nine days.');
    expect(cleanClaimText('Northshire Post (May 3) -- The ferry strike ended on Monday after nine days.')).toBe('The ferry strike ended on Monday after nine days.');
    expect(cleanClaimText('The union — the largest on the coast — ended its strike on Monday.')).toBe('The union — the largest on the coast — ended its strike on Monday.');
  });

  it('keeps a colon that belongs to the sentence, and ends one that introduced a quote with a full stop', () => {
    expect(cleanClaimText('The union said one thing mattered: Pay.')).toBe('The union said one thing mattered: Pay.');
    // A sentence that introduced a quote or a video on the page ends with a full stop on its own.
    expect(cleanClaimText('The mayor welcomed the crews back to Kelby:')).toBe('The mayor welcomed the crews back to Kelby.');
  });
});

describe('facts only one source reports', () => {
  it('keeps one carrying a figure and drops a short one with nothing checkable', () => {
    const one = makeArticle('solo', [['Tickets will cost €12 for adults from June.', 'Everyone is excited about the change.']]);
    const story = merge([one], []);
    expect(story.claims.map((c) => c.text)).toEqual(['Tickets will cost €12 for adults from June.']);
  });
});

describe('headline when no source has one', () => {
  it('builds it from the lead claim', () => {
    const untitled = makeArticle('untitled', [['The Vessen council approved a €40 million flood barrier on Thursday.']]);
    const story = merge([untitled], []);
    expect(story.title).toBe('The Vessen council approved a €40 million flood barrier on Thursday');
    expect(story.updated).toBe('unknown');
  });

  it('cuts a long lead at a clause boundary, never inventing words', () => {
    const long =
      'The council approved the flood barrier on Thursday after a debate that lasted nine hours, with 14 members in favour and 3 against, despite protests outside.';
    const headline = headlineFromSentence(long);
    expect(headline.length).toBeLessThanOrEqual(101);
    expect(long.startsWith(headline.replace(/…$/, ''))).toBe(true);
  });
});

describe('a headline that is a headline', () => {
  const body = (id: string, lead: string) =>
    makeArticle(id, [[lead, 'The ferry will carry 300 passengers between Vessen and Kelby.', 'Tickets go on sale in May.']]);
  const withTitle = (id: string, lead: string, title: string) => ({ ...body(id, lead), meta: { ...body(id, lead).meta, title } });
  const lead = 'The Vessen council approved a new electric ferry to Kelby on Thursday, ending a decade of delays.';

  it('does not take a headline field that holds a whole lead, and takes another source’s headline instead', () => {
    const leadAsTitle = withTitle('a', lead, `${lead} The ferry will carry 300 passengers, the council said, and tickets go on sale in May.`);
    const titled = withTitle('b', lead, 'Vessen approves electric ferry to Kelby');
    expect(merge([leadAsTitle, titled], []).title).toBe('Vessen approves electric ferry to Kelby');
  });

  it('prefers the independent headline whose words the other reports use most', () => {
    const vague = withTitle('a', lead, 'A big day for the town at last');
    const telling = withTitle('b', lead, 'Vessen council approves electric ferry to Kelby');
    const third = body('c', lead);
    expect(merge([vague, telling, third], []).title).toBe('Vessen council approves electric ferry to Kelby');
  });

  it('cuts a headline that runs past the limit at a clause boundary, keeping the source’s words', () => {
    const long = withTitle(
      'a',
      lead,
      'Vessen approves its electric ferry to Kelby, the first zero-emission crossing on the river and a test of the council’s climate plan after years of delay',
    );
    const title = merge([long], []).title;
    expect(title).toBe('Vessen approves its electric ferry to Kelby');
    expect(title.length).toBeLessThanOrEqual(MAX_HEADLINE);
  });

  it('falls back to the lead sentence only when no source has a usable headline', () => {
    const leadAsTitle = withTitle('a', lead, lead);
    expect(merge([leadAsTitle], []).title).toBe('The Vessen council approved a new electric ferry to Kelby on Thursday, ending a decade of delays');
  });

  it('tells a lead from a headline', () => {
    expect(isLeadLike('Vessen approves electric ferry to Kelby')).toBe(false);
    expect(isLeadLike('U.S. regulator fines Kelby Ferries')).toBe(false);
    expect(isLeadLike(lead)).toBe(true);
    expect(isLeadLike('Ferry approved. Tickets on sale in May')).toBe(true);
    expect(shortenHeadline('Short headline')).toBe('Short headline');
    expect(shortenHeadline('x'.repeat(130))).toBeUndefined();
  });
});

describe('the summary', () => {
  it('tells the event once, from one lead, and then what came of it', () => {
    const coast = makeArticle('coast', [
      ['Storm Kira made landfall near Port Alder on Tuesday night as a category 2 hurricane.', 'Flooding closed 40 roads in Port Alder, county officials said on Wednesday.', 'About 12,000 homes in the county lost power overnight.'],
    ]);
    const radio = makeArticle('radio', [
      ['Radar showed the eye of Kira crossing the shore beside Port Alder late on Tuesday.', 'Flooding closed 40 roads around Port Alder, according to county officials.', 'Schools in the county will stay shut until Friday.'],
    ]);
    const story = merge([coast, radio], []);
    expect(story.claims.filter((c) => c.section === 'lead')).toHaveLength(2);
    expect(story.summary).toContain('Storm Kira made landfall');
    expect(story.summary).not.toContain('Radar showed');
    expect(story.summary).toContain('Flooding closed 40 roads');
  });
});

describe('the top of the page says each thing once', () => {
  const final = [
    makeArticle('north-post', [[
      'Tarn Rovers beat Kessel City 3-1 on penalties to win the Northern Cup final in Orsa on Sunday.',
      'Ida Lunde scored the equaliser for Tarn Rovers in the 88th minute.',
      'A crowd of 41,000 watched the final at the Orsa Arena.',
      'Kessel City had led since the 12th minute through a header by Tomas Brek.',
    ]], { title: 'Tarn Rovers win the Northern Cup on penalties', published: '2026-05-11' }),
    makeArticle('valley-times', [[
      'Tarn Rovers won the Northern Cup on Sunday after beating Kessel City 3-1 on penalties in Orsa.',
      'Ida Lunde equalised for Tarn Rovers in the 88th minute.',
      'The Orsa Arena was sold out with 41,000 fans.',
      'Tarn Rovers Beat Kessel City, to Win Northern Cup.',
    ]], { title: 'Rovers take the Northern Cup', published: '2026-05-11' }),
    makeArticle('coast-daily', [[
      'Tarn Rovers lifted the Northern Cup in Orsa on Sunday, beating Kessel City 3-1 in a penalty shoot-out.',
      'Kessel City took the lead in the 12th minute with a header by Tomas Brek.',
      'It is the first Northern Cup for Tarn Rovers since 1998.',
      'Tarn Rovers coach Mira Holt said the players had never stopped believing.',
    ]], { title: 'Penalties hand Tarn Rovers the Northern Cup', published: '2026-05-11' }),
  ];
  const story = merge(final, []);

  it('passes over a key point that restates the summary in fewer words', () => {
    expect(story.summary).toContain('to win the Northern Cup final');
    expect(story.keyPoints).not.toContain('Tarn Rovers Beat Kessel City, to Win Northern Cup.');
    expect(story.keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});

describe('a story with nothing to state', () => {
  it('still gets a headline and a slug, with no claims, summary or key points', () => {
    const empty = makeArticle('empty', [['# Live updates'], ['More soon.']], { title: 'Live updates from the Vessen flood' });
    const story = merge([empty], []);
    expect(story.title).toBe('Live updates from the Vessen flood');
    expect(story.slug).toBe('live-updates-from-the-vessen-flood');
    expect(story.claims).toEqual([]);
    expect(story.summary).toBe('');
    expect(story.keyPoints).toEqual([]);
    expect(story.leftOut.map((l) => l.sentenceId)).toEqual(['empty#0', 'empty#1']);
  });
});

describe('cleanClaimText', () => {
  it('drops dangling openers and a parenthetical however', () => {
    expect(cleanClaimText('However, the barrier will not be ready before 2028.')).toBe('The barrier will not be ready before 2028.');
    expect(cleanClaimText('In the past, however, the council rejected it.')).toBe('In the past, the council rejected it.');
    expect(cleanClaimText('Still, the vote passed.')).toBe('The vote passed.');
  });

});

describe('slugify', () => {
  it('makes lowercase ascii slugs cut at a word boundary', () => {
    expect(slugify('Café owners’ “big” win — 2026!')).toBe('cafe-owners-big-win-2026');
    expect(slugify('Meta unveils Muse Spark, its first AI model since hiring Alexandr Wang and more')).toBe(
      'meta-unveils-muse-spark-its-first-ai-model-since-hiring',
    );
    expect(slugify('Новости')).toBe('novosti');
    expect(slugify('新闻')).toBe('story');
    expect(slugify('x'.repeat(80))).toHaveLength(60);
  });

  it('gives the same slug for the same headline', () => {
    expect(slugify(daily.meta.title)).toBe(slugify(daily.meta.title));
  });
});

describe('the reaction section', () => {
  const subjects = new Set(['orland motors', 'orland']);

  it('finds the speaker before, after or around the quotation', () => {
    expect(speakerOf('In a post on Friday, Ada Rein outlined the plan for the plant.')).toBe('Ada Rein');
    expect(speakerOf('“We will hire 300 people,” the union said, adding that talks continue.')).toBe('the union');
    expect(speakerOf('The plant will close in May, said Jon Hale.')).toBe('Jon Hale');
    expect(speakerOf('The plant will close in May.')).toBeUndefined();
  });

  it('finds no speaker in a passive verb of speech, a capitalized name, a plural noun or a turn of phrase', () => {
    // What was made known, not who said it.
    expect(speakerOf('The takeover was first announced in January and drew scrutiny.')).toBeUndefined();
    expect(speakerOf('Residents were told to leave the coast by noon.')).toBeUndefined();
    // "States" in a name, "shares" and "calls" as nouns.
    expect(speakerOf('Talks spread to several places, including the United States and Canada.')).toBeUndefined();
    expect(speakerOf('On Friday trading in Tern Line shares was halted.')).toBeUndefined();
    expect(speakerOf('The mayor ruled out a vote, despite calls from three parties.')).toBeUndefined();
    expect(speakerOf('With all of that said, the buyer prevailed.')).toBeUndefined();
    // A participle clause inside the sentence says when something was made known, not who speaks.
    expect(speakerOf('The levy, first announced in May, was scrapped.')).toBeUndefined();
    expect(speakerOf('The curfew, announced on Monday, will last a week, the mayor said.')).toBe('the mayor');
    expect(speakerOf('The curfew, announced on Monday, will last a week.')).toBeUndefined();
    expect(speakerOf('“We are ready,” Jane Doe, the mayor, said.')).toBe('Jane Doe, the mayor');
    // A relative clause about the speaker sits between the speaker and the verb.
    expect(speakerOf('The council, which met on Friday, said that the levy would stay.')).toBe('The council');
    expect(speakerOf('“We will hire,” said Ada Rein, who leads the union.')).toBe('Ada Rein');
    expect(speakerOf('The plan, which was announced in May, drew criticism.')).toBeUndefined();
    expect(speakerOf('Jo Ruiz, a forecaster who once flew into storms, noted that weak storms can still flood.')).toBe('Jo Ruiz');
    // Words ending a clause before the verb are not its speaker; a speaker after the verb is.
    expect(speakerOf('On Monday, the storm weakened, said forecasters.')).toBe('forecasters');
    expect(speakerOf('However, the plan, officials said, is final.')).toBe('officials');
    // A passive with its agent still names the speaker; a noun-like verb before a quote or "that" is speech.
    expect(speakerOf('The plan was described by analysts as a gamble.')).toBe('analysts');
    expect(speakerOf('Ada Rein notes that the plant will close.')).toBe('Ada Rein');
  });

  it('reads a title in quotation marks as a name, not as a quotation that makes a sentence reaction', () => {
    const subjects = new Set(['tern line']);
    expect(isReaction('Founded in 1921, Tern Line ran famous routes such as “Kelby to the Isles” and “Ash Point Express.”', true, ['tern line'], subjects)).toBe(false);
    expect(isReaction('Its best-known ship was the “Queen of the North Sea,” which sank in 1953.', true, [], subjects)).toBe(false);
    // Words in quotation marks with no speaker named are still a quotation.
    expect(isReaction('On the quay it was “the end of an era for all of us,” as the last ship left.', true, [], subjects)).toBe(true);
  });

  it('keeps a fact whose source is a document among the details', () => {
    expect(isReaction('According to a filing with the port regulator, Tern Line is now a unit of the group.', false, ['tern line'], subjects)).toBe(false);
    expect(isReaction('According to Ada Rein, Tern Line is now a unit of the group.', false, ['ada rein', 'tern line'], subjects)).toBe(true);
    // What an authority reports is news; its quoted words, even a quotation that runs on into the next sentence, are reaction.
    expect(isReaction('Five ferries stayed in port overnight, officials said.', false, [], subjects)).toBe(false);
    expect(isReaction('Harbour officials said the crews had cleared the quay before the storm.', false, [], subjects)).toBe(false);
    expect(isReaction('A harbour spokesperson said the board was "disappointed in this outcome given the risk to the island routes.', false, [], subjects)).toBe(true);
    // A word that could name a person ("official") describes the document here.
    expect(isReaction('The storm will reach the coast near Kelby, according to the official forecast.', false, [], subjects)).toBe(false);
  });

  it('reads what a quotation credited to its speaker states as the quotation alone', () => {
    expect(quotedWords('“We will hire 300 people. Talks go on,” said Jon Hale, a union organiser in Kelby.')).toBe('We will hire 300 people. Talks go on');
    expect(quotedWords('“We will hire 300 people,” the union said.')).toBe('We will hire 300 people');
    // More than a credit after the speaker: the sentence states more than its quotation.
    expect(quotedWords('“We will hire 300 people,” the union said, adding that talks continue.')).toBeUndefined();
    expect(quotedWords('“Yes,” she said, “we will hire.”')).toBeUndefined();
    expect(quotedWords('The union said it will hire 300 people.')).toBeUndefined();
  });

  it('counts quotes and opinions of people and outside parties as reaction', () => {
    expect(isReaction('“This is a betrayal,” the Dockworkers Union said.', true, ['dockworkers union'], subjects)).toBe(true);
    expect(isReaction('Chief executive Ada Rein said the cuts were painful.', false, ['ada rein'], subjects)).toBe(true);
    expect(isReaction('Analysts said the plan was risky.', false, [], subjects)).toBe(true);
  });

  it('keeps a checkable fact with its source named among the details, unless it carries a judgement', () => {
    expect(isReaction('Five people died in Harlow County, county spokesman Dan Webb said.', false, ['harlow county', 'dan webb'], subjects)).toBe(false);
    expect(isReaction('The weather service said 3,000 homes in Kell lost power overnight.', false, ['kell'], subjects)).toBe(false);
    expect(isReaction('Analysts said the 12% fare rise was likely to drive riders away.', false, [], subjects)).toBe(true);
    // A weekday dates what happened as a figure or a date does.
    expect(isReaction('Storm Vela came ashore near Kelby on Wednesday, the weather service said.', false, ['storm vela', 'kelby', 'wednesday'], subjects)).toBe(false);
    // A quotation in single marks is a quotation, whatever day it was said.
    expect(isReaction("Ada Rein on Friday said: 'Whoever you are, you are welcome at our plant.'", false, ['ada rein', 'friday'], subjects)).toBe(true);
  });

  it('keeps the subject’s own statements of fact among the details', () => {
    expect(isReaction('The company said it will roll out the truck to dealers in June.', false, [], subjects)).toBe(false);
    expect(isReaction('Orland Motors said in a filing that deliveries start in May.', false, ['orland motors'], subjects)).toBe(false);
    expect(isReaction('Orland describes the Ridgeback as “built for farms and building sites.”', true, ['orland', 'ridgeback'], subjects)).toBe(false);
    expect(isReaction('The truck is “the first step,” Orland Motors Labs explained in a blog post.', true, ['orland motors labs'], subjects)).toBe(false);
  });

  it('puts a company’s attributed plan in details and a named person’s quote in reaction', () => {
    const article = makeArticle('orland', [
      ['Orland Motors will build its Ridgeback electric pickup at a new plant in Kelby from 2027.'],
      ['Orland Motors expects to make 40,000 trucks a year there.', 'The company said it will roll the truck out to dealers in June 2027.'],
      ['“This plant changes everything for our town,” Kelby mayor Ines Castillo said.'],
    ]);
    const story = merge([article], []);
    expect(story.claims.find((c) => c.text.startsWith('The company said'))?.section).toBe('details');
    expect(story.claims.find((c) => c.text.includes('Castillo'))?.section).toBe('reaction');
  });
});
