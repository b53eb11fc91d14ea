import { describe, expect, it } from 'vitest';
import { describeNetworkError, findNetworkErrorCode } from '../../src/http/describe-network-error.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('describeNetworkError', () => {
  it('finds the code deep in the causes and says it in words', () => {
    const fetchError = new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') });
    expect(describeNetworkError(fetchError)).toBe('connection refused (ECONNREFUSED)');
  });

  it('looks inside the AggregateError of happy-eyeballs connects', () => {
    const aggregate = new AggregateError([withCode('connect ENETUNREACH ::1', 'ENETUNREACH')], 'connect failed');
    expect(findNetworkErrorCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ENETUNREACH');
    expect(describeNetworkError(new TypeError('fetch failed', { cause: aggregate }))).toBe('no route to the host (ENETUNREACH)');
  });

  it('keeps the innermost message, with its code, when the code has no words', () => {
    expect(describeNetworkError(new TypeError('fetch failed', { cause: withCode('bad port', 'ERR_SOCKET_BAD_PORT') }))).toBe('bad port (ERR_SOCKET_BAD_PORT)');
    expect(describeNetworkError('plain text')).toBe('plain text');
  });
});
