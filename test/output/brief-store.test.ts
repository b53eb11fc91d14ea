import { expect, it } from 'vitest';
import { getBriefFileStem, parseBriefFileName } from '../../src/output/brief-store.js';

it('reads back the names getBriefFileStem gives, as JSON or page', () => {
  expect(parseBriefFileName(`${getBriefFileStem('2509.08721', 2)}.json`)).toEqual({ paperStem: '2509.08721', version: 2, language: 'en', extension: 'json' });
  expect(parseBriefFileName(`${getBriefFileStem('hep-th/9108004', 1, 'zh')}.json`)).toEqual({ paperStem: 'hep-th_9108004', version: 1, language: 'zh', extension: 'json' });
  expect(parseBriefFileName(`${getBriefFileStem('2509.08721', 3, 'pt-BR')}.html`)).toEqual({ paperStem: '2509.08721', version: 3, language: 'pt-BR', extension: 'html' });
});

it("is not fooled by a paper's other files", () => {
  for (const name of ['2509.08721v2.blurb.json', '2509.08721v2.blurb.de.json', '2509.08721v2.podcast.json', '2509.08721v2.flowchart.svg', '2509.08721v2.md', 'index.html']) {
    expect(parseBriefFileName(name), name).toBeUndefined();
  }
});
