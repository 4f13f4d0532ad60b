import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors/app-error';
import {
  formatOpen311Datetime,
  parseOpen311DateFilter,
  parseW3cDatetime,
  type Open311DateQuery,
} from './open311-datetime';

const DAY = 86_400_000;
const utc = (text: string) => new Date(text);

describe('formatOpen311Datetime', () => {
  it.each([
    ['2026-11-21T07:05:00Z', '2026-11-21T14:05:00+07:00'],
    // Vietnam's midnight is 17:00 UTC the day before.
    ['2026-11-20T17:00:00Z', '2026-11-21T00:00:00+07:00'],
    ['2026-11-20T16:59:59Z', '2026-11-20T23:59:59+07:00'],
    // The last millisecond before midnight stays on its day: seconds are cut, never rounded up.
    ['2026-11-20T16:59:59.999Z', '2026-11-20T23:59:59+07:00'],
    // UTC midnight is 07:00 the same day.
    ['2026-11-21T00:00:00Z', '2026-11-21T07:00:00+07:00'],
    ['2026-12-31T17:00:00Z', '2027-01-01T00:00:00+07:00'],
    ['2028-02-28T17:30:00Z', '2028-02-29T00:30:00+07:00'],
  ])('writes %s as %s', (instant, expected) => {
    expect(formatOpen311Datetime(utc(instant))).toBe(expected);
  });

  it('writes the offset of the zone asked for', () => {
    expect(formatOpen311Datetime(utc('2026-11-21T07:05:00Z'), 'UTC')).toBe(
      '2026-11-21T07:05:00+00:00',
    );
    expect(formatOpen311Datetime(utc('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(
      '2026-01-15T07:00:00-05:00',
    );
  });

  it('reads back to the same second', () => {
    const at = utc('2026-11-20T16:59:59.750Z');
    const text = formatOpen311Datetime(at);
    expect(parseW3cDatetime(text)?.start.toISOString()).toBe('2026-11-20T16:59:59.000Z');
  });

  it('refuses an invalid Date', () => {
    expect(() => formatOpen311Datetime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseW3cDatetime', () => {
  it.each([
    // [text, start (UTC), end (UTC, excluded), precision]
    ['2026', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'year'],
    ['2026-02', '2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z', 'month'],
    ['2026-12', '2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'month'],
    ['2026-11-21', '2026-11-20T17:00:00.000Z', '2026-11-21T17:00:00.000Z', 'day'],
    ['2028-02-29', '2028-02-28T17:00:00.000Z', '2028-02-29T17:00:00.000Z', 'day'],
    ['2026-11-21T10:30Z', '2026-11-21T10:30:00.000Z', '2026-11-21T10:31:00.000Z', 'minute'],
    ['2026-11-21T10:30:15Z', '2026-11-21T10:30:15.000Z', '2026-11-21T10:30:16.000Z', 'second'],
    ['2026-11-21T10:30:15.5Z', '2026-11-21T10:30:15.500Z', '2026-11-21T10:30:15.600Z', 'fraction'],
    [
      '2026-11-21T10:30:15.123456Z',
      '2026-11-21T10:30:15.123Z',
      '2026-11-21T10:30:15.124Z',
      'fraction',
    ],
    ['2026-11-21T00:00:00+07:00', '2026-11-20T17:00:00.000Z', '2026-11-20T17:00:01.000Z', 'second'],
    // What an unencoded + becomes in a query string.
    ['2026-11-21T00:00:00 07:00', '2026-11-20T17:00:00.000Z', '2026-11-20T17:00:01.000Z', 'second'],
    ['2026-11-21T23:30:00-05:00', '2026-11-22T04:30:00.000Z', '2026-11-22T04:30:01.000Z', 'second'],
    ['2026-11-21T05:45:00+05:45', '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:01.000Z', 'second'],
    ['  2026-11-21T10:30:15Z ', '2026-11-21T10:30:15.000Z', '2026-11-21T10:30:16.000Z', 'second'],
  ])('reads %j', (text, start, end, precision) => {
    const period = parseW3cDatetime(text);
    expect(period).not.toBeNull();
    expect(period!.start.toISOString()).toBe(start);
    expect(period!.end.toISOString()).toBe(end);
    expect(period!.precision).toBe(precision);
  });

  it('reads the two examples of the specification as the same instant', () => {
    const eastern = parseW3cDatetime('1994-11-05T08:15:30-05:00')!;
    const universal = parseW3cDatetime('1994-11-05T13:15:30Z')!;
    expect(eastern.start.getTime()).toBe(universal.start.getTime());
  });

  it('reads a calendar date on the clock of the zone asked for', () => {
    expect(parseW3cDatetime('2026-11-21', 'UTC')!.start.toISOString()).toBe(
      '2026-11-21T00:00:00.000Z',
    );
  });

  it.each([
    '',
    'yesterday',
    '21/11/2026',
    '2026-1-5',
    '26-11-21',
    '2026-13-01',
    '2026-00-10',
    '2026-02-29',
    '2026-04-31',
    '2026-11-00',
    '2026-11-21T10:00:00',
    '2026-11-21T10Z',
    '2026-11-21 10:00:00Z',
    '2026-11-21T24:00:00Z',
    '2026-11-21T10:60Z',
    '2026-11-21T10:00:60Z',
    '2026-11-21T10:00:00+7:00',
    '2026-11-21T10:00:00+0700',
    '2026-11-21T10:00:00+24:00',
    '2026-11-21T10:00:00+07:60',
    '2026-11-21T10:00:00.Z',
    '2026-11-21T10:00:00zz',
    '2026-11-21T10:00:00+07:00junk',
    '2026-11-21T10:00:00z',
  ])('refuses %j', (text) => {
    expect(parseW3cDatetime(text)).toBeNull();
  });
});

describe('parseOpen311DateFilter', () => {
  const now = utc('2026-11-21T03:00:00Z');
  const parse = (query: Open311DateQuery) => parseOpen311DateFilter(query, { now });
  const failure = (query: Open311DateQuery): AppError => {
    try {
      parse(query);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected the query to be refused');
  };

  it('defaults to the most recent 90 days when no date is given', () => {
    expect(parse({})).toEqual({
      requested: { from: new Date(now.getTime() - 90 * DAY) },
      updated: {},
    });
  });

  it('treats empty parameters as absent', () => {
    expect(parse({ start_date: '', end_date: '  ', updated_after: null })).toEqual(parse({}));
  });

  it('takes start_date and end_date as given, the end including its whole second', () => {
    const filter = parse({
      start_date: '2026-11-01T00:00:00+07:00',
      end_date: '2026-11-21T10:00:00+07:00',
    });
    expect(filter.requested.from?.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(filter.requested.before?.toISOString()).toBe('2026-11-21T03:00:01.000Z');
    expect(filter.updated).toEqual({});
  });

  it('includes the whole Vietnamese day of a date-only end_date', () => {
    const filter = parse({ start_date: '2026-11-21', end_date: '2026-11-21' });
    expect(filter.requested.from?.toISOString()).toBe('2026-11-20T17:00:00.000Z');
    expect(filter.requested.before?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
  });

  it('puts the missing end of the window 90 days from the given one', () => {
    const fromStart = parse({ start_date: '2026-01-01T00:00:00Z' }).requested;
    expect(fromStart.before!.getTime() - fromStart.from!.getTime()).toBe(90 * DAY);
    const fromEnd = parse({ end_date: '2026-06-01T00:00:00Z' }).requested;
    expect(fromEnd.before?.toISOString()).toBe('2026-06-01T00:00:01.000Z');
    expect(fromEnd.before!.getTime() - fromEnd.from!.getTime()).toBe(90 * DAY);
  });

  it('accepts exactly 90 days and refuses more', () => {
    // 1 January to 31 March 2026 inclusive is 90 days.
    expect(() => parse({ start_date: '2026-01-01', end_date: '2026-03-31' })).not.toThrow();
    const error = failure({ start_date: '2026-01-01', end_date: '2026-04-01' });
    expect(error.code).toBe('OPEN311_DATE_RANGE_INVALID');
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ parameters: ['start_date', 'end_date'], problem: 'too_long' });
  });

  it('refuses an end before the start', () => {
    const error = failure({
      start_date: '2026-11-21T10:00:01+07:00',
      end_date: '2026-11-21T10:00:00+07:00',
    });
    expect(error.code).toBe('OPEN311_DATE_RANGE_INVALID');
    expect(error.details).toEqual({ parameters: ['start_date', 'end_date'], problem: 'reversed' });
    // The same second at both ends is a one-second window, not a reversed one.
    expect(() =>
      parse({ start_date: '2026-11-21T10:00:00+07:00', end_date: '2026-11-21T10:00:00+07:00' }),
    ).not.toThrow();
  });

  it.each(['start_date', 'end_date', 'updated_after', 'updated_before'] as const)(
    'names %s when it is not a W3C datetime',
    (parameter) => {
      const error = failure({ [parameter]: '21/11/2026' });
      expect(error.code).toBe('OPEN311_DATE_INVALID');
      expect(error.status).toBe(400);
      expect(error.details).toEqual({ parameter, value: '21/11/2026' });
    },
  );

  it('filters on the last change without a span limit or a default window', () => {
    const filter = parse({ updated_after: '2020-01-01T00:00:00Z' });
    expect(filter).toEqual({ requested: {}, updated: { from: utc('2020-01-01T00:00:00Z') } });
    const both = parse({ updated_after: '2020-01-01', updated_before: '2026-11-20' });
    expect(both.updated.from?.toISOString()).toBe('2019-12-31T17:00:00.000Z');
    expect(both.updated.before?.toISOString()).toBe('2026-11-20T17:00:00.000Z');
  });

  it('refuses updated_before before updated_after', () => {
    const error = failure({ updated_after: '2026-11-21', updated_before: '2026-11-20' });
    expect(error.details).toEqual({
      parameters: ['updated_after', 'updated_before'],
      problem: 'reversed',
    });
  });
});
