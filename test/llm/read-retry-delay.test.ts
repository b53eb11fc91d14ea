import { describe, expect, it } from 'vitest';
import { readRetryDelay } from '../../src/llm/read-retry-delay.js';

const now = Date.parse('2025-10-01T12:00:00Z');

describe('readRetryDelay', () => {
  it('prefers retry-after-ms', () => {
    expect(readRetryDelay(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }), now)).toBe(250);
  });

  it('reads seconds, fractions included', () => {
    expect(readRetryDelay(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(readRetryDelay(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
  });

  it('reads an HTTP date, and a past one as no wait', () => {
    expect(readRetryDelay(new Headers({ 'retry-after': 'Wed, 01 Oct 2025 12:01:00 GMT' }), now)).toBe(60_000);
    expect(readRetryDelay(new Headers({ 'retry-after': 'Wed, 01 Oct 2025 11:00:00 GMT' }), now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(readRetryDelay(new Headers(), now)).toBeUndefined();
    expect(readRetryDelay(undefined, now)).toBeUndefined();
    expect(readRetryDelay(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});
