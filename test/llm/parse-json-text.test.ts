import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/llm/parse-json-text.js';

describe('parseJsonText', () => {
  it('parses plain JSON', () => {
    expect(parseJsonText(' {"a": 1} ')).toEqual({ success: true, value: { a: 1 } });
  });

  it('strips a markdown fence, with or without a language', () => {
    expect(parseJsonText('```json\n{"a": 1}\n```')).toEqual({ success: true, value: { a: 1 } });
    expect(parseJsonText('```\n{"a": [1, 2]}\n```')).toEqual({ success: true, value: { a: [1, 2] } });
  });

  it('finds one object inside chatter', () => {
    expect(parseJsonText('Sure! Here it is: {"a": {"b": 2}} Hope this helps.')).toEqual({
      success: true,
      value: { a: { b: 2 } },
    });
  });

  it('says why text is not JSON', () => {
    const result = parseJsonText('{"a": 1');
    expect(result.success).toBe(false);
    expect(!result.success && result.error).toMatch(/^not valid JSON: /);
  });

  it('calls an empty answer empty', () => {
    expect(parseJsonText('  ')).toEqual({ success: false, error: 'the answer was empty, expected a JSON object' });
  });
});
