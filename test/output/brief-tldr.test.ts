import { describe, expect, it } from 'vitest';
import { BriefContentSchema, BriefSchema } from '../../src/brief/brief-schema.js';
import { findUngroundedNumbers } from '../../src/brief/checks/find-ungrounded-numbers.js';
import { briefTldr } from '../../src/output/brief-tldr.js';
import { makeBriefContent } from '../brief/checks/make-brief-content.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

describe('the brief’s one-line TLDR', () => {
  it('is what the model must write, in at most 30 words', () => {
    const { tldr: _tldr, ...withoutTldr } = makeBriefContent();
    expect(BriefContentSchema.safeParse(withoutTldr).success).toBe(false);
    const long = { ...makeBriefContent(), tldr: Array.from({ length: 31 }, () => 'word').join(' ') };
    const result = BriefContentSchema.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the tldr must be one sentence of at most 30 words');
    expect(BriefContentSchema.safeParse({ ...long, tldr: Array.from({ length: 30 }, () => 'word').join(' ') }).success).toBe(true);
  });

  it('is shown when present, and a brief stored before TLDRs existed still validates and shows its first point', () => {
    const brief = makeSampleBrief();
    expect(briefTldr(brief)).toBe(brief.tldr);
    const { tldr: _tldr, ...older } = JSON.parse(JSON.stringify(brief)) as typeof brief;
    const parsed = BriefSchema.parse(older);
    expect(briefTldr(parsed)).toBe(brief.summary.topicAndDomain);
  });

  it('is checked for numbers the paper does not contain, like the rest of the brief', () => {
    const content = { ...makeBriefContent(), tldr: 'Fine-tuned summarizers win on 97 legal cases.' };
    expect(findUngroundedNumbers(content, 'The paper text without that count.')).toEqual(['97']);
  });
});
