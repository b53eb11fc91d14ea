import { describe, expect, it } from 'vitest';
import { renderDigestMarkdown } from '../../src/archive/render-digest-markdown.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

describe('renderDigestMarkdown', () => {
  it("lists the papers shown in full before after the day's papers, each linking its brief and the edition that showed it", () => {
    const repeats = [{ id: 'hep-th/9108004', version: 1, title: 'A [linked] *title*', firstShown: '2025-01-20' }];
    const markdown = renderDigestMarkdown({ date: '2025-01-21', papers: [{ brief: makeSampleBrief() }], repeats });
    expect(markdown).toContain(
      "## Also on today's list\n\nShown in full in an earlier edition:\n\n- [A \\[linked\\] \\*title\\*](../papers/hep-th_9108004v1.md), first shown in the edition of [2025-01-20](2025-01-20.md)\n",
    );
    expect(markdown.indexOf('## Paper 1')).toBeLessThan(markdown.indexOf("## Also on today's list"));
  });

  it('has no such section on a day without repeats', () => {
    expect(renderDigestMarkdown({ date: '2025-01-21', papers: [{ brief: makeSampleBrief() }] })).not.toContain('Also on');
  });
});
