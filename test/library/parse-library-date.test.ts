import { expect, it } from 'vitest';
import { parseCslDate, parseLibraryDate } from '../../src/library/parse-library-date.js';

it.each([
  ['2024-03-05', '2024-03-05T00:00:00.000Z'],
  ['2024-03-05T10:12:00', '2024-03-05T10:12:00.000Z'],
  ['2024-03-05 10:12:00 +0200', '2024-03-05T08:12:00.000Z'],
  ['2024/03/05/10:12:00', '2024-03-05T10:12:00.000Z'],
  ['2020/07/22/', '2020-07-22T00:00:00.000Z'],
  ['2016/01//', '2016-01-01T00:00:00.000Z'],
  ['2017///', '2017-01-01T00:00:00.000Z'],
  ['2022.06.01', '2022-06-01T00:00:00.000Z'],
  ['March 2024', '2024-03-01T00:00:00.000Z'],
  ['2024-02-31', null],
  ['soon', null],
  ['', null],
])('reads %j as %j', (text, iso) => {
  expect(parseLibraryDate(text)).toBe(iso);
});

it('reads CSL JSON dates as date parts, strings in them too, or raw text', () => {
  expect(parseCslDate({ 'date-parts': [['2024', 5, 2]] })).toBe('2024-05-02T00:00:00.000Z');
  expect(parseCslDate({ 'date-parts': [[1997]] })).toBe('1997-01-01T00:00:00.000Z');
  expect(parseCslDate({ raw: '2020-12-16' })).toBe('2020-12-16T00:00:00.000Z');
  expect(parseCslDate({ literal: 'spring' })).toBeNull();
  expect(parseCslDate(undefined)).toBeNull();
});
