import { describe, expect, it } from 'vitest';
import { findUngroundedNumbers } from '../../../src/brief/checks/find-ungrounded-numbers.js';
import { makeBriefContent, makeQuestion } from './make-brief-content.js';

const ungroundedIn = (claim: string, paperText: string) =>
  findUngroundedNumbers(makeBriefContent({ resultsAndEvaluation: claim }), paperText);

describe('findUngroundedNumbers', () => {
  it.each([
    ['94%', 'accuracy of 94%'],
    ['94%', 'accuracy of 94 %'],
    ['94%', 'accuracy of 94.0%'],
    ['94%', 'accuracy of 0.94'],
    ['94.0%', 'accuracy of 94'],
    ['94.2%', 'Ours 91.3 94.2 88.0'],
    ['94.2%', 'accuracy 0.942'],
    ['0.94', 'accuracy of 94%'],
    ['.94', 'accuracy of 0.940'],
    ['94%', 'rounded from 93.8 in Table 3'],
    ['3,000', 'we use 3000 prompts'],
    ['3000', 'we use 3,000 prompts'],
    ['3000', 'we use 3 000 prompts'],
    ['3000', 'we use 3\u2009000 prompts'],
    ['3k', 'we use 3,000 prompts'],
    ['3,000', 'we use 3K prompts'],
    ['12k', 'a set of 12,000 items'],
    ['1.5x', 'a 1.5× speed-up'],
    ['1.5×', 'a 1.5x speed-up'],
    ['1.5×', 'speed-up of 1.5'],
    ['7B', 'a 7 B model'],
    ['7B', 'a 7 billion parameter model'],
    ['7 billion', 'LLaMA-7B'],
    ['1.2M', 'about 1,200,000 images'],
    ['175B', 'GPT-3 175B'],
    ['10^6', 'trained for 1,000,000 steps'],
    ['10^6', 'trained for 106 steps'],
    ['1M', 'trained for 10^6 steps'],
    ['−0.35', 'a change of -0.35'],
    ['-0.35', 'a change of −0.35'],
    ['0.35', 'a change of −0.35'],
    ['3e-5', 'learning rate 3 × 10^-5'],
    ['1e-4', 'a learning rate of 10\u22124 with Adam'],
    ['10^-4', 'a learning rate of 10\u22124.'],
    ['0.0001', 'a learning rate of 10\u22124'],
    ['1.2e-3', 'where \u03b4 = 1.2 \u00d7 10\u22123 and'],
    ['4.98 × 10^5', 'tLS = 4.98 \u00d7 105 y'],
    ['94.2%', 'accuracyof94.2on the test set'],
    ['9,280', 'a collection of 9,280 summaries'],
    ['2019', 'Devlin et al. (2019)'],
    ['12', 'a 12-layer encoder'],
  ])('grounds %j in %j', (claim, paperText) => {
    expect(ungroundedIn(`The result is ${claim} overall.`, paperText)).toEqual([]);
  });

  it.each([
    ['97.3%', 'accuracy of 94.2%'],
    ['94.2%', 'accuracy of 94%'],
    ['94.25%', 'accuracy of 94.2%'],
    ['12k', 'a set of 1,200 items'],
    ['7B', 'a 7M parameter model'],
    ['7B', 'model 7 is best'],
    ['3,000', 'we use 30 prompts'],
    ['2.5×', 'a 1.5× speed-up'],
    ['1,024', 'batch size 1,000'],
    ['2021', 'Devlin et al. (2019)'],
    ['0.91', 'accuracy of 0.94'],
    ['1e-5', 'a learning rate of 10\u22124'],
    ['2.2e-3', 'where \u03b4 = 1.2 \u00d7 10\u22123 and'],
  ])('flags %j against %j', (claim, paperText) => {
    expect(ungroundedIn(`The result is ${claim} overall.`, paperText)).toEqual([claim]);
  });

  it('returns the numbers as the brief wrote them, once each, in order', () => {
    const content = makeBriefContent({
      resultsAndEvaluation: 'Accuracy rises to 97.3% on 12k prompts, 94.2% on the rest.',
      strengths: ['Strong gains (97.3%).', 'Runs 4.5× faster.'],
    });
    expect(findUngroundedNumbers(content, 'accuracy of 94.2 on 3,000 prompts')).toEqual(['97.3%', '12k', '4.5×']);
  });

  it('ignores counts, names and references the paper does not contain', () => {
    const claim = 'Three datasets, 2 stages and 10 annotators; GPT-4 and ResNet-50 (Section 4.3, Eq. (12), Table 11) [27].';
    expect(ungroundedIn(claim, 'nothing numeric here')).toEqual([]);
  });

  it('checks every field of the brief, including the correct quiz option and the explanation', () => {
    const content = makeBriefContent({
      quiz: [
        makeQuestion(0, { question: 'What accuracy on 11.5k items?' }),
        makeQuestion(1, { options: ['41.2%', '53.7%', '66.1%'], explanation: 'The paper reports 53.7%.' }),
        makeQuestion(2, { explanation: 'The gain is 8.8 points.' }),
      ],
    });
    expect(findUngroundedNumbers(content, 'no numbers')).toEqual(['11.5k', '53.7%', '8.8']);
  });

  it('checks the flowchart labels too', () => {
    const content = makeBriefContent({
      flowchart: {
        nodes: [
          { id: 'n1', label: 'Retrieve top-5 passages', stage: 'Input' },
          { id: 'n2', label: 'Fine-tune 13B model', stage: 'Model' },
          { id: 'n3', label: 'Score 2,500 outputs', stage: 'Evaluation' },
        ],
        edges: [
          { from: 'n1', to: 'n2', label: '512 tokens' },
          { from: 'n2', to: 'n3', label: '' },
        ],
      },
    });
    expect(findUngroundedNumbers(content, 'we score 2500 outputs')).toEqual(['13B', '512']);
  });

  it('skips wrong quiz options and explanations that repeat them: distractors are false on purpose', () => {
    const content = makeBriefContent({
      quiz: [
        makeQuestion(0, {
          options: ['94.2%', '81.0%', '99.9%'],
          explanation: 'It is 94.2%, not 81% and not 99.9%.',
        }),
        makeQuestion(1),
        makeQuestion(2),
      ],
    });
    expect(findUngroundedNumbers(content, 'accuracy 94.2')).toEqual([]);
  });

  it('finds nothing to flag in a brief without numbers', () => {
    expect(findUngroundedNumbers(makeBriefContent(), '')).toEqual([]);
  });
});
