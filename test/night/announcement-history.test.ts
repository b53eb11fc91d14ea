import { describe, expect, it } from 'vitest';
import { findStaleFeed } from '../../src/night/announcement-history.js';

const history = { schemaVersion: 1 as const, editions: [{ date: '2025-09-10', ids: ['2509.1', '2509.2'] }, { date: '2025-09-11', ids: ['2509.3', '2509.4'] }] };

describe('findStaleFeed', () => {
  it('takes a newer announcement with new papers as fresh', () => {
    expect(findStaleFeed(history, '2025-09-12', ['2509.5', '2509.3'])).toBeUndefined();
  });

  it('calls a feed dated no later than the newest edition from it stale', () => {
    expect(findStaleFeed(history, '2025-09-11', ['2509.9'])).toBe('the feed is dated 2025-09-11, not newer than the edition of 2025-09-11 made from it');
    expect(findStaleFeed(history, '2025-09-10', ['2509.9'])).toMatch(/not newer/);
  });

  it('calls a feed whose papers were all in earlier editions stale, whatever its date says', () => {
    expect(findStaleFeed(history, '2025-09-15', ['2509.1', '2509.4'])).toBe('all 2 of its papers were in earlier editions (2025-09-10, 2025-09-11)');
  });

  it('takes any feed as fresh when no edition was made from it yet', () => {
    expect(findStaleFeed({ schemaVersion: 1, editions: [] }, '2025-09-10', ['2509.1'])).toBeUndefined();
  });
});
