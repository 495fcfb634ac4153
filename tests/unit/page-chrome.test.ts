import { describe, expect, it } from 'vitest';
import { isChromeSentence, isDateText, pageLabelDetail, pageLabelLength } from '../../src/pipeline/normalize/page-chrome.ts';

describe('isDateText', () => {
  it('reads a date stamp with its time zone, and not a short line of words that holds a date', () => {
    expect(isDateText('Tue April 8, 2026 7:24 pm EDT')).toBe(true);
    expect(isDateText('2 hours ago')).toBe(true);
    // A capitalized word of four letters is no time zone.
    expect(isDateText('Kell 8 May')).toBe(false);
  });
});

describe('isChromeSentence', () => {
  it('reads a link’s title with a section label as chrome, and a sentence of the writer’s own in lowercase as text', () => {
    expect(isChromeSentence('Storm Tracker: Venith leaves the coast after hitting Kelby')).toBe(true);
    expect(isChromeSentence('LIVE UPDATES: Ferries resume sailing to Kelby')).toBe(true);
    expect(isChromeSentence('the storm tracker: it follows the coast after hitting Kelby')).toBe(false);
  });

  it('reads a wire photo’s caption in the present with the full date it was taken as chrome, and a dated report or plan as text', () => {
    expect(isChromeSentence('A ferry ticket is displayed on a counter in Kelby, Maine, on Wednesday, Jan. 19, 2022.')).toBe(true);
    expect(isChromeSentence('The ferry is expected to sail on Wednesday, Jan. 19, 2022.')).toBe(false);
    expect(isChromeSentence('KELBY, MAINE - MAY 31: The ferry chief holds a press conference after the verdict on May 31, 2026 in Kelby.')).toBe(true);
    expect(isChromeSentence('KELBY, Maine — The ferry chief held a press conference after the verdict on Friday.')).toBe(false);
    expect(isChromeSentence('The union said the ferries would sail again on Wednesday, Jan. 19, 2022.')).toBe(false);
  });

  it('reads a wire photo’s caption that closes with a country and the full date as chrome, and a dated report as text', () => {
    expect(isChromeSentence('The ferry chief’s parents arrive for her trial at the court in Kelby, Maine, U.S., October 26, 2023.')).toBe(true);
    expect(isChromeSentence('The ferry line filed for bankruptcy in Delaware, U.S., November 11, 2022.')).toBe(false);
  });

  it('reads a headline alone in square brackets as a link to another article, and an editor’s note as text', () => {
    expect(isChromeSentence('[ Judge revokes the ferry chief’s bail ]')).toBe(true);
    expect(isChromeSentence('[Updated at 5 p.m. with the ruling.]')).toBe(false);
  });

  it('reads a clip’s title after its kind as a link, stop or not, and a sentence that mentions a video as text', () => {
    expect(isChromeSentence('Newscast: This week’s biggest headlines from the ferry strike.')).toBe(true);
    expect(isChromeSentence('Watch: The last ferry leaves Kelby.')).toBe(true);
    expect(isChromeSentence('The port posted a video: the last ferry leaving Kelby.')).toBe(false);
  });

  it('reads a wire photo’s credit in brackets, and a caption closed by a picture agency’s credit after a dash, as chrome', () => {
    expect(pageLabelDetail('(AP Photo/Jane Doe, File)')).toBe('a picture credit');
    expect(pageLabelDetail('(Jane Doe via AP)')).toBe('a picture credit');
    expect(pageLabelDetail('(Jane Doe, the ferry chief’s lawyer)')).toBeUndefined();
    const caption =
      'The ferry chief speaks at a hearing before the harbour committee at the town hall in Kelby on a rainy morning, Dec. 8, 2021, in Kelby, Maine. - Jane Doe/Getty Images North America/TNS';
    expect(pageLabelDetail(caption)).toBe('a photo caption with its credit');
    // A line that holds the article's own sentences before the caption is not removed whole.
    expect(pageLabelDetail(`The ferry line closed on Friday. ${caption}`)).toBeUndefined();
  });

  it('reads a blog’s “Previously:” link to an earlier post as chrome, whatever its headline ends with', () => {
    expect(isChromeSentence('Previously: Ferry chief offers to repay the harbour fund Oops!')).toBe(true);
    expect(isChromeSentence('Previously, the ferry chief had offered to repay the fund.')).toBe(false);
    expect(isChromeSentence('Earlier: the ferry chief had offered to repay the fund.')).toBe(false);
  });

  it('reads a page header run into the first sentence through a “Comments Off on” notice as chrome, and a sentence about comments as text', () => {
    expect(isChromeSentence('Ferries Strike ends at Kelby June 3, 2026 Jane Doe, Harbor Post Comments Off on Strike ends at Kelby The union voted to return.')).toBe(true);
    expect(isChromeSentence('The council switched comments off on its website after the vote.')).toBe(false);
  });
});

describe('pageLabelLength', () => {
  it('measures a label before a capital, whatever the label’s case, and none before the writer’s own lowercase words', () => {
    expect(pageLabelLength('Original Title: Ferry strike ends')).toBe('Original Title: '.length);
    expect(pageLabelLength('WHY IT MATTERS: Fares will rise')).toBe('WHY IT MATTERS: '.length);
    expect(pageLabelLength('Bottom line: fares will not rise')).toBe(0);
    expect(pageLabelLength('The union said one thing mattered: Pay.')).toBe(0);
  });
});

describe('pageLabelDetail', () => {
  it('reads a blog post’s categories and tags, a comment count, a row of sharing buttons and an author’s note as chrome', () => {
    expect(pageLabelDetail('Posted in Ferries, Harbours | Tagged Kelby, strikes')).toBe('the categories and tags of the post');
    expect(pageLabelDetail('Tags: Kelby, ferry strike')).toBe('the categories and tags of the post');
    expect(pageLabelDetail('12 Comments')).toBe('a comment count');
    expect(pageLabelDetail('Share on Facebook Share on X Copy link')).toBe('a sharing button label');
    expect(pageLabelDetail('About the author: Jane Doe covers the harbour for the site.')).toBe('a note about the author, not reporting');
  });

  it('keeps a sentence that opens with the same words as reporting', () => {
    expect(pageLabelDetail('Published in a port journal on Monday, the study found the ferries were late.')).toBeUndefined();
    expect(pageLabelDetail('Share prices rose 4 percent on Wednesday.')).toBeUndefined();
    expect(pageLabelDetail('Twelve comments from residents were read at the meeting.')).toBeUndefined();
    expect(pageLabelDetail('Tagged crates were loaded onto the ferry at dawn.')).toBeUndefined();
  });
});
