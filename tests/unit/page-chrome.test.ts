import { describe, expect, it } from 'vitest';
import { isChromeSentence, isDateText, pageLabelLength } from '../../src/pipeline/normalize/page-chrome.ts';

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
});

describe('pageLabelLength', () => {
  it('measures a label before a capital, whatever the label’s case, and none before the writer’s own lowercase words', () => {
    expect(pageLabelLength('Original Title: Ferry strike ends')).toBe('Original Title: '.length);
    expect(pageLabelLength('WHY IT MATTERS: Fares will rise')).toBe('WHY IT MATTERS: '.length);
    expect(pageLabelLength('Bottom line: fares will not rise')).toBe(0);
    expect(pageLabelLength('The union said one thing mattered: Pay.')).toBe(0);
  });
});
