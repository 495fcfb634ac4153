import { describe, expect, it } from 'vitest';
import { findStatedDate, parseStatedDate } from '../../src/pipeline/import/stated-date.ts';

describe('parseStatedDate', () => {
  it.each([
    ['2020-01-20T01:00:08+08:00', '2020-01-20'],
    ['2019-07-03T04:22:07-04:00', '2019-07-03'],
    ['2018-12-22T00:00:00+0100', '2018-12-22'],
    ['2020-01-10 09:00:04', '2020-01-10'],
    ['2020-01-19T12:25:36Z', '2020-01-19'],
    ['2018-10-29T10:15-500', '2018-10-29'],
    ['19.01.2020', '2020-01-19'],
    ['15. 5. 2019, 05:28 Uhr', '2019-05-15'],
    ['14/01/2020', '2020-01-14'],
    ['01/14/2020', '2020-01-14'],
    ['04/05/2020', undefined],
    ['Tue 29 Nov 2016 07.46 EST', '2016-11-29'],
    ['Sept. 19, 2016', '2016-09-19'],
    ['31.02.2020', undefined],
    ['2020-13-01', undefined],
  ])('reads %j as %j, the day as written', (text, expected) => {
    expect(parseStatedDate(text)).toBe(expected);
  });
});

describe('findStatedDate', () => {
  it('finds a date inside a byline', () => {
    expect(findStatedDate('Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 minutes ago')).toBe('2022-10-14');
  });

  it('skips a date that an "Updated" marks as a revision, and takes the published one after it', () => {
    expect(findStatedDate('Updated Dec. 13, 2016 | Published Dec. 12, 2016')).toBe('2016-12-12');
    expect(findStatedDate('Updated 11:22 PM EST, Tue November 29, 2016')).toBeUndefined();
  });

  it('finds nothing in text without a full date', () => {
    expect(findStatedDate('By Ana Ruiz, 9 April')).toBeUndefined();
  });
});
