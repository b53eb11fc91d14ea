import { BriefSchema, type Brief, type PaperMetadata } from '../../src/brief/brief-schema.js';
import { FlowchartSchema, type Flowchart } from '../../src/brief/flowchart-schema.js';

export type SampleBrief = Brief & { flowchart: Flowchart };

export type SampleBriefOverrides = Partial<Omit<SampleBrief, 'paper'>> & { paper?: Partial<PaperMetadata> };

const BASE: SampleBrief = {
  schemaVersion: 1,
  paper: {
    id: '2501.01234',
    version: 2,
    title: 'Sparse Experts for Long-Context Retrieval',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
    published: '2025-01-03T18:00:00Z',
    updated: '2025-01-20T09:30:00Z',
    primaryCategory: 'cs.CL',
    categories: ['cs.CL', 'cs.LG', 'cs.IR'],
    abstract: 'We route long documents through sparse experts and retrieve with a contrastive head.',
    absUrl: 'https://arxiv.org/abs/2501.01234v2',
    pdfUrl: 'https://arxiv.org/pdf/2501.01234v2',
  },
  tldr: 'Routing long documents through 16 sparse experts raises LongBench recall@10 from 61.2 to 68.9 at equal compute.',
  summary: {
    topicAndDomain: 'Retrieval over very long documents (100k+ tokens) in natural language processing.',
    previousResearchAndNewIdeas:
      'Dense retrievers degrade beyond a few thousand tokens; the authors route chunks to sparse experts so each expert specializes in one kind of passage.',
    problem: 'How to keep retrieval accuracy on long inputs without quadratic attention cost.',
    methods:
      'A mixture-of-experts encoder with 16 experts and top-2 routing, trained contrastively with an InfoNCE loss on 12k arXiv papers.',
    resultsAndEvaluation:
      'On LongBench the model improves recall@10 from 61.2 to 68.9 at equal compute; ablations show 8 experts already capture most of the gain.',
  },
  critique: {
    strengths: ['Clear ablations over the number of experts.', 'Compute-matched baselines make the comparison fair.'],
    limitations: ['Evaluated on English only.', 'No analysis of routing collapse during training.'],
    implications: 'Sparse routing may be a cheap way to extend existing retrievers to book-length inputs.',
  },
  quiz: [
    {
      question: 'What problem does the paper address?',
      options: ['Image captioning speed', 'Retrieval accuracy on long inputs', 'Speech recognition in noise'],
      answerIndex: 1,
      explanation: 'The paper targets retrieval over documents with 100k+ tokens.',
    },
    {
      question: 'Which loss trains the retrieval head?',
      options: ['InfoNCE', 'Mean squared error', 'Hinge loss'],
      answerIndex: 0,
      explanation: 'The encoder is trained contrastively with an InfoNCE loss.',
    },
    {
      question: 'How many experts capture most of the gain in the ablation?',
      options: ['2', '32', '8'],
      answerIndex: 2,
      explanation: 'The ablation shows that 8 experts already capture most of the improvement.',
    },
  ],
  checks: { ungroundedNumbers: [], warnings: [] },
  generation: {
    model: 'gpt-4.1-mini',
    promptVersion: '1',
    generatedAt: '2025-01-21T06:00:00.000Z',
    durationMs: 12_345,
    attempts: 1,
    usage: { inputTokens: 18_000, outputTokens: 900, cachedInputTokens: 0 },
    costUsd: 0.0081,
    source: { kind: 'pdf', pages: 14, chars: 61_000, tokens: 15_200, truncated: false, referencesRemoved: true, dropped: [], mapReduce: false },
  },
  flowchart: {
    nodes: [
      { id: 'n1', label: 'Collect 12k arXiv papers', stage: 'Input' },
      { id: 'n2', label: 'Split into 512-token chunks', stage: 'Input' },
      { id: 'n3', label: 'Sparse mixture-of-experts encoder', stage: 'Model' },
      { id: 'n4', label: 'Contrastive retrieval head', stage: 'Model' },
      { id: 'n5', label: 'InfoNCE training', stage: 'Training' },
      { id: 'n6', label: 'LongBench recall@10', stage: 'Evaluation' },
      { id: 'n7', label: 'Ablate expert count', stage: 'Evaluation' },
    ],
    edges: [
      { from: 'n1', to: 'n2', label: '' },
      { from: 'n2', to: 'n3', label: 'chunks' },
      { from: 'n3', to: 'n4', label: 'embeddings' },
      { from: 'n4', to: 'n5', label: '' },
      { from: 'n5', to: 'n6', label: '' },
      { from: 'n5', to: 'n7', label: '' },
    ],
  },
};

/** A valid brief with a flowchart; `overrides` replace top-level fields, `paper` is merged field by field. */
export function makeSampleBrief(overrides: SampleBriefOverrides = {}): SampleBrief {
  const { paper, ...rest } = overrides;
  const candidate = { ...structuredClone(BASE), ...rest, paper: { ...structuredClone(BASE.paper), ...paper } };
  BriefSchema.parse(candidate);
  FlowchartSchema.parse(candidate.flowchart);
  return candidate;
}

/** Three different briefs for an edition that looks like a real day's digest. */
export function makeSampleBriefs(): SampleBrief[] {
  return [
    makeSampleBrief(),
    makeSampleBrief({
      paper: {
        id: '2501.05678',
        version: 1,
        title: 'Calibrated Uncertainty for Weather Nowcasting with Diffusion Ensembles',
        authors: ['Emmy Noether', 'John von Neumann'],
        published: '2025-01-09T12:00:00Z',
        updated: '2025-01-09T12:00:00Z',
        primaryCategory: 'physics.ao-ph',
        categories: ['physics.ao-ph', 'cs.LG'],
        absUrl: 'https://arxiv.org/abs/2501.05678v1',
        pdfUrl: 'https://arxiv.org/pdf/2501.05678v1',
      },
      tldr: 'A diffusion ensemble of 32 radar nowcasts, recalibrated, improves CRPS by 11% over optical flow.',
      summary: {
        topicAndDomain: 'Short-term precipitation forecasting (nowcasting) from radar in atmospheric science.',
        previousResearchAndNewIdeas: 'Deterministic nowcasts blur heavy rain; the authors sample an ensemble from a diffusion model and recalibrate it.',
        problem: 'Produce sharp nowcasts whose stated uncertainty matches observed error.',
        methods: 'A latent diffusion model conditioned on the last 4 radar frames, sampled 32 times, followed by isotonic recalibration.',
        resultsAndEvaluation: 'CRPS improves by 11% over an optical-flow baseline and reliability diagrams are close to the diagonal up to 90 minutes.',
      },
      checks: { ungroundedNumbers: ['90'], warnings: ['The number 90 does not appear in the paper text; check it before publishing.'] },
      flowchart: {
        nodes: [
          { id: 'radar', label: 'Last 4 radar frames', stage: 'Input' },
          { id: 'encode', label: 'Latent encoder', stage: 'Model' },
          { id: 'diffuse', label: 'Diffusion sampler (32 members)', stage: 'Model' },
          { id: 'calibrate', label: 'Isotonic recalibration', stage: 'Post-processing' },
          { id: 'score', label: 'CRPS and reliability', stage: 'Evaluation' },
        ],
        edges: [
          { from: 'radar', to: 'encode', label: '' },
          { from: 'encode', to: 'diffuse', label: 'latents' },
          { from: 'diffuse', to: 'calibrate', label: 'ensemble' },
          { from: 'calibrate', to: 'score', label: '' },
          { from: 'radar', to: 'score', label: 'ground truth' },
        ],
      },
    }),
    makeSampleBrief({
      paper: {
        id: 'hep-th/9108004',
        version: 1,
        title: 'A Toy Model of Boundary Entanglement',
        authors: ['Paul Dirac'],
        published: '1991-08-12T00:00:00Z',
        updated: '1991-08-12T00:00:00Z',
        primaryCategory: 'hep-th',
        categories: ['hep-th'],
        absUrl: 'https://arxiv.org/abs/hep-th/9108004v1',
        pdfUrl: 'https://arxiv.org/pdf/hep-th/9108004v1',
      },
      // Written before briefs had a TLDR: readers see its first point instead.
      tldr: undefined,
      summary: {
        topicAndDomain: 'Entanglement entropy of boundary degrees of freedom in a lattice toy model (high-energy theory).',
        previousResearchAndNewIdeas: 'Earlier work computed bulk entanglement only; the author isolates the boundary contribution in a solvable model.',
        problem: 'Does boundary entanglement follow an area law in this model?',
        methods: 'Exact diagonalization of a free-fermion lattice and the reduced density matrix of the boundary sites.',
        resultsAndEvaluation: 'The entropy grows linearly with boundary length, consistent with an area law, with a logarithmic correction at criticality.',
      },
      critique: {
        strengths: ['Exactly solvable, so every step can be checked.'],
        limitations: ['Free fermions only; interactions may change the picture.'],
        implications: 'A clean baseline for studying boundary terms in interacting models.',
      },
      quiz: [
        {
          question: 'Which law does the boundary entropy follow?',
          options: ['A volume law', 'An area law', 'No scaling at all'],
          answerIndex: 1,
          explanation: 'The entropy grows with boundary length, as an area law predicts.',
        },
        {
          question: 'How is the model solved?',
          options: ['Monte Carlo sampling', 'Perturbation theory', 'Exact diagonalization'],
          answerIndex: 2,
          explanation: 'Free fermions on a lattice allow exact diagonalization.',
        },
        {
          question: 'What appears at criticality?',
          options: ['A logarithmic correction', 'A phase transition to a volume law', 'Vanishing entropy'],
          answerIndex: 0,
          explanation: 'At criticality the area law picks up a logarithmic correction.',
        },
      ],
      flowchart: {
        nodes: [
          { id: 'a', label: 'Lattice boundary model', stage: 'Setup' },
          { id: 'b', label: 'Compute reduced density matrix', stage: 'Analysis' },
          { id: 'c', label: 'Compare with area law', stage: 'Analysis' },
        ],
        edges: [
          { from: 'a', to: 'b', label: '' },
          { from: 'b', to: 'c', label: 'entropy' },
        ],
      },
    }),
  ];
}
