import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../src/arxiv/parse-arxiv-id.js';
import { UsageError } from '../../src/errors/brief-error.js';

describe('parseArxivId', () => {
  it.each([
    ['2509.08721', '2509.08721', null],
    ['2509.08721v2', '2509.08721', 2],
    ['arXiv:2509.08721', '2509.08721', null],
    ['ARXIV:2509.08721v3', '2509.08721', 3],
    ['  2509.08721\n', '2509.08721', null],
    ['hep-th/9108004', 'hep-th/9108004', null],
    ['hep-th/9108004v1', 'hep-th/9108004', 1],
    ['math.GT/0309136', 'math/0309136', null],
    ['https://arxiv.org/abs/2509.08721', '2509.08721', null],
    ['http://arxiv.org/pdf/2509.08721v1', '2509.08721', 1],
    ['https://arxiv.org/pdf/2509.08721v1.pdf', '2509.08721', 1],
    ['https://export.arxiv.org/abs/2509.08721v4', '2509.08721', 4],
    ['export.arxiv.org/abs/hep-th/9108004v1', 'hep-th/9108004', 1],
    ['arxiv.org/abs/2509.08721/', '2509.08721', null],
    ['https://arxiv.org/abs/2509.08721?context=cs', '2509.08721', null],
    ['0807.3577', '0807.3577', null],
    ['1412.9999v1', '1412.9999', 1],
  ])('reads %j', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each([
    'foo',
    '',
    '../../etc/passwd',
    '2509.08721/../x',
    '2509.08721v0',
    '2509.0872',
    '0807.35771', // five digits before 2015
    '1501.0001', // four digits from 2015 on
    '2513.08721', // month 13
    'hep-th/910800',
    'https://example.com/abs/2509.08721',
    'https://arxiv.org/abs/../../etc/passwd',
    '2509.08721 2509.08722',
  ])('rejects %j with a message saying what an ID looks like', (input) => {
    expect(() => parseArxivId(input)).toThrow(UsageError);
    expect(() => parseArxivId(input)).toThrow(
      `${JSON.stringify(input)} is not an arXiv ID: expected e.g. 2509.08721, 2509.08721v2, hep-th/9108004 or https://arxiv.org/abs/2509.08721`,
    );
  });
});
