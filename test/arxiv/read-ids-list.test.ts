import { describe, expect, it } from 'vitest';
import { readIdsList } from '../../src/arxiv/read-ids-list.js';

describe('readIdsList', () => {
  it('reads IDs and URLs, skipping comments and blank lines, reporting bad lines by number', () => {
    const text = [
      '# papers for Friday',
      '2509.08721v2',
      '',
      '   https://arxiv.org/abs/hep-th/9108004  # Witten',
      'not-an-id',
      '2509.08721',
      '../../etc/passwd',
      'arXiv:0807.3577\r',
    ].join('\n');

    expect(readIdsList(text)).toEqual({
      ids: [
        { id: '2509.08721', version: 2 },
        { id: 'hep-th/9108004', version: null },
        { id: '0807.3577', version: null },
      ],
      problems: [
        {
          entry: 'not-an-id',
          message: 'line 5: "not-an-id" is not an arXiv ID: expected e.g. 2509.08721, 2509.08721v2, hep-th/9108004 or https://arxiv.org/abs/2509.08721',
        },
        {
          entry: '../../etc/passwd',
          message: 'line 7: "../../etc/passwd" is not an arXiv ID: expected e.g. 2509.08721, 2509.08721v2, hep-th/9108004 or https://arxiv.org/abs/2509.08721',
        },
      ],
    });
  });

  it('reads an empty or comment-only file as no IDs and no problems', () => {
    expect(readIdsList('')).toEqual({ ids: [], problems: [] });
    expect(readIdsList('# nothing today\n\n')).toEqual({ ids: [], problems: [] });
  });
});
