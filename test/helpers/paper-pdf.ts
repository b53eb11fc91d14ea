import { makePdf } from './make-pdf.js';

/** A small paper with real sections and numbers, so extraction, cleaning and grounding have something to read. */
export function makePaperPdf(title: string, extra: { hiddenText?: string } = {}): Promise<Uint8Array> {
  const body = [
    'Abstract',
    `We present ${title}, a method for summarizing scientific papers with grounded numbers.`,
    '1 Introduction',
    'Summaries of research papers help readers decide what to read. Existing tools read only the abstract and invent numbers.',
    'We propose to read the full text, to check every number against the paper, and to write a short quiz for readers.',
    '2 Method',
    'Our pipeline downloads the PDF, extracts its text, removes running headers and references, and asks a language model',
    'for a structured brief. The brief is validated against a schema and repaired when it breaks it.',
    '3 Results',
    'On 120 papers the grounded briefs contained no invented numbers, against 14 percent of briefs from the baseline.',
    'Readers rated the briefs 4.2 out of 5 on average, and the quiz answers were correct in 91.5% of cases.',
    '4 Conclusion',
    'Reading the whole paper and checking numbers makes briefs that can be trusted in a newsletter.',
  ].join('\n');
  return makePdf({ title, pages: [body, `${body}\nThis second page repeats the findings for length.`], ...extra });
}
