import type { BriefContent } from '../../src/brief/brief-schema.js';
import type { FakeChatResponse } from '../fakes/fake-openai-server.js';

/** A brief such as a good model writes for the paper of `makePaperPdf`: every number is in the paper. */
export function makeGroundedBriefContent(overrides: Partial<BriefContent> = {}): BriefContent {
  return {
    tldr: 'Reading the full paper and checking its numbers leaves no invented numbers in 120 machine-written briefs.',
    summary: {
      topicAndDomain: 'Automatic summarization of research papers for newsletters.',
      previousResearchAndNewIdeas: 'Existing tools read only the abstract; this work reads the full text and checks numbers.',
      problem: 'Summaries that invent numbers cannot be trusted by readers.',
      methods: 'A pipeline extracts and cleans the PDF text and asks a language model for a schema-checked brief.',
      resultsAndEvaluation: 'On 120 papers no invented numbers remained, against 14 percent for the baseline; quiz answers were correct in 91.5% of cases.',
    },
    critique: {
      strengths: ['Reads the whole paper.', 'Checks every number against the text.'],
      limitations: ['Evaluated on a small set of papers.'],
      implications: 'Newsletters can publish machine briefs with fewer errors.',
    },
    quiz: [
      { question: 'What does the pipeline check?', options: ['Numbers against the paper', 'Author names', 'Citation counts'], answerIndex: 0, explanation: 'Numbers are checked against the paper text.' },
      { question: 'What do existing tools read?', options: ['The full text', 'Only the abstract', 'The figures'], answerIndex: 1, explanation: 'They read only the abstract.' },
      { question: 'How is the brief validated?', options: ['By hand', 'Not at all', 'Against a schema'], answerIndex: 2, explanation: 'It is validated against a schema and repaired.' },
    ],
    flowchart: {
      nodes: [
        { id: 'pdf', label: 'Download PDF', stage: 'Input' },
        { id: 'clean', label: 'Extract and clean text', stage: 'Input' },
        { id: 'brief', label: 'Structured brief', stage: 'Model' },
        { id: 'check', label: 'Check numbers', stage: 'Evaluation' },
      ],
      edges: [
        { from: 'pdf', to: 'clean', label: '' },
        { from: 'clean', to: 'brief', label: 'full text' },
        { from: 'brief', to: 'check', label: '' },
      ],
    },
    ...overrides,
  };
}

/** The fake OpenAI server's responder: briefs for brief requests, plain notes for map-reduce requests. */
export function groundedBriefResponder(body: FakeRequestBody): FakeChatResponse {
  if (!body.response_format) return { content: 'Notes: the part describes the pipeline and its results on 120 papers.' };
  if (body.response_format.json_schema?.name === 'issue_introduction') return { content: { introduction: fillerProse(4, 'This issue gathers papers that check machine summaries against the papers they summarize.') } };
  // The other styles ask with their own schema name (src/styles/), or name their fields in the paper's one schema.
  return respondAsAsked(body, (schemaName) => makeGroundedContent(schemaName, body));
}

/** What a good model writes for a style, by the style's own schema name. */
export function makeGroundedContent(schemaName: string | undefined, body: FakeRequestBody): object {
  if (schemaName === 'podcast_segment') return makePodcastSegment(readHosts(body.messages ?? []));
  if (schemaName === 'paper_blurb') return makeGroundedBlurbContent();
  if (schemaName === 'paper_commentary') return makeGroundedCommentaryContent();
  return makeGroundedBriefContent();
}

type FakeRequestBody = { response_format?: any; messages?: Array<{ content?: unknown }> };

// Each style's own schema name, which a call sends when it is the paper's only style.
const STYLE_SCHEMA_NAMES: Record<string, string> = { brief: 'paper_brief', blurb: 'paper_blurb', commentary: 'paper_commentary', podcast: 'podcast_segment' };

/**
 * The styles a call asks for with the paper's one schema (src/prompt/build-paper-schema.ts): the fields its last
 * instructions name (`Answer in the field "blurb"`, `Answer in the fields "blurb" and "commentary"`); a repair of one
 * field names that field alone.
 */
export function readAskedStyles(body: FakeRequestBody): string[] {
  if (body.response_format?.json_schema?.name !== 'paper_texts') return [];
  const prompt = (body.messages ?? []).map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
  const named = [...prompt.matchAll(/Answer in the fields? ((?:"\w+"(?:, | and )?)+) of the JSON object/g)].at(-1)?.[1];
  return named ? [...named.matchAll(/"(\w+)"/g)].map((match) => match[1]!) : [];
}

/** The schema names of what a call asks for: its own, or those of the styles whose fields it names in the paper's one schema. */
export function askedSchemaNames(body: FakeRequestBody): string[] {
  const styles = readAskedStyles(body);
  return styles.length === 0 ? [body.response_format?.json_schema?.name] : styles.map((style) => STYLE_SCHEMA_NAMES[style]!);
}

/** The same as one name: `paper_blurb`, or `paper_blurb+paper_commentary` for a call that asks for both. */
export function askedSchemaName(body: FakeRequestBody): string | undefined {
  return askedSchemaNames(body).join('+') || undefined;
}

/**
 * An answer with `content` (or, by schema name, each asked style's), in the fields the call asks for when it sends the
 * paper's one schema (the others null).
 */
export function respondAsAsked(body: FakeRequestBody, content: object | ((schemaName: string | undefined) => object)): FakeChatResponse {
  const contentFor = typeof content === 'function' ? content : () => content;
  const styles = readAskedStyles(body);
  if (styles.length === 0) return { content: contentFor(body.response_format?.json_schema?.name) };
  const fields = Object.keys(body.response_format.json_schema.schema.properties ?? {});
  return { content: { ...Object.fromEntries(fields.map((field) => [field, null])), ...Object.fromEntries(styles.map((style) => [style, contentFor(STYLE_SCHEMA_NAMES[style])])) } };
}

/** A podcast segment such as a good model writes: about 700 words, spoken text only, every number in the paper. */
export function makePodcastSegment(hosts: readonly string[] = ['Alex']): { turns: Array<{ speaker: string; text: string }> } {
  const lines = [
    'Hello and welcome. Today we look at a paper about summaries of research papers that readers can trust.',
    'Why does this matter? Because a summary that invents a number is worse than no summary at all.',
    'Think of it like a friend who retells a film: you want the plot, not a scene they made up.',
    'The authors built a pipeline that reads the whole paper, not only the abstract, and checks every number it writes.',
    'They tested it on 120 papers and compared it with a baseline that reads the abstract alone.',
    'The result: no invented numbers remained, against 14 percent for the baseline, and quiz answers were right in 91.5% of cases.',
    'The limits are clear too. The set of papers is small, and it covers only a few fields.',
    'So here are questions to think about. Would you trust a machine summary more if it showed its checks? And what should a summary leave out?',
  ];
  const turns = Array.from({ length: 40 }, (_, index) => ({ speaker: hosts[index % hosts.length]!, text: lines[index % lines.length]! }));
  return { turns };
}

function readHosts(messages: Array<{ content?: unknown }>): string[] {
  const prompt = messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
  const match = /^Hosts: (.+?)\./m.exec(prompt);
  return match ? match[1]!.split(' and ') : ['Alex'];
}

// Plain sentences without numbers, to reach a style's word count; each about 20 words.
const FILLER = [
  'The pipeline reads the whole paper rather than the abstract, which lets the summary reflect the methods and the evaluation in detail.',
  'Every number in the text is checked against the paper, so a reader can trust the figures that the newsletter repeats.',
  'The approach matters for editors who publish machine summaries and need to know which claims were verified before sending them out.',
  'Compared with earlier tools that only paraphrase abstracts, this design treats the paper text as evidence and the model output as a claim.',
];

/** `count` sentences of plain prose, cycling through FILLER. */
function fillerProse(count: number, first = ''): string {
  return [first, ...Array.from({ length: count }, (_, index) => FILLER[index % FILLER.length])].filter(Boolean).join(' ');
}

/** A blurb as a good model writes it for the paper of `makePaperPdf`: about 200 words, numbers from the paper. */
export function makeGroundedBlurbContent(): { paragraphs: string[] } {
  return {
    paragraphs: [
      fillerProse(3, 'This paper turns research papers into newsletter briefs whose numbers are checked.'),
      fillerProse(3, 'On 120 papers the grounded briefs contained no invented numbers, against 14 percent for the baseline.'),
      fillerProse(2, 'Readers rated the briefs 4.2 out of 5.'),
    ],
  };
}

/** A commentary of about 800 words in four sections, picking the given figures. */
export function makeGroundedCommentaryContent(figures: Array<{ number: number; why: string }> = []) {
  return {
    sections: [
      { heading: 'Where it sits', paragraphs: [fillerProse(8, 'Earlier summarizers read only the abstract.'), fillerProse(2)] },
      { heading: 'What convinces', paragraphs: [fillerProse(8, 'On 120 papers no invented numbers remained, against 14 percent for the baseline.')] },
      { heading: 'What does not', paragraphs: [fillerProse(8, 'The evaluation covers a small set of papers.')] },
      { heading: 'Open questions', paragraphs: [fillerProse(8, 'Readers rated the briefs 4.2 out of 5, but for how long?')] },
    ],
    figures,
  };
}
