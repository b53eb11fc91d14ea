import { describe, expect, it } from 'vitest';
import { renderDigestMarkdown } from '../../src/archive/render-digest-markdown.js';
import { renderEditionPage } from '../../src/archive/render-edition-page.js';
import { renderPaperPage } from '../../src/archive/render-paper-page.js';
import { buildEpisodeScript } from '../../src/audio/build-episode-script.js';
import { renderTranscript } from '../../src/audio/render-transcript.js';
import { BriefSchema, type Brief } from '../../src/brief/brief-schema.js';
import { type StyleResult, StyleResultSchema } from '../../src/brief/style-result-schema.js';
import type { Edition, EditionEpisode } from '../../src/edition/edition.js';
import { describePeriodTitle } from '../../src/issue/describe-period-title.js';
import type { Issue } from '../../src/issue/issue.js';
import { parseMonth, parseWeek } from '../../src/issue/period.js';
import { renderIssueEmail } from '../../src/issue/render-issue-email.js';
import { renderIssueMarkdown } from '../../src/issue/render-issue-markdown.js';
import { renderIssuePage } from '../../src/issue/render-issue-page.js';
import { getMessages, MESSAGES } from '../../src/language/messages.js';
import { renderEmailEdition } from '../../src/mail/render-email-edition.js';
import { renderBriefMarkdown } from '../../src/output/render-brief-markdown.js';
import { PodcastScriptSchema } from '../../src/styles/podcast-script.js';
import { renderStyleMarkdown } from '../../src/styles/render-style-markdown.js';
import { LOCALIZED_SENTENCES, makeLocalizedBriefContent } from '../helpers/localized-brief.js';
import { makeSampleBrief } from '../helpers/sample-brief.js';

const SENTENCE = LOCALIZED_SENTENCES.zh;
const DATE = '2025-09-10';
const PUBLIC_URL = 'https://brief.example.org/';
const UNSUBSCRIBE = 'https://brief.example.org/unsubscribe';

// A paper whose own texts (title, authors, abstract, comment) are Chinese too: what is checked is the tool's words, not the authors'.
function makeChineseBrief(index: number): Brief {
  const id = `2509.${30_000 + index}`;
  const base = makeSampleBrief();
  return BriefSchema.parse({
    ...base,
    ...makeLocalizedBriefContent('zh'),
    paper: {
      ...base.paper,
      id,
      version: 1,
      title: `稀疏专家模型第${index + 1}篇`,
      authors: ['张伟', '王芳', '李娜', '刘洋'],
      abstract: SENTENCE,
      comment: '共十五页',
      journalRef: '物理评论',
      doi: '10.1103/PhysRevD.1.1',
      upvotes: 42,
      githubRepo: 'https://github.com/example/repo',
      projectPage: 'https://example.org/project',
      absUrl: `https://arxiv.org/abs/${id}v1`,
      pdfUrl: `https://arxiv.org/pdf/${id}v1`,
    },
    checks: { ungroundedNumbers: [], warnings: ['需要核对的数字'] },
    generation: { ...base.generation, model: 'gpt-5', promptVersion: 'p7', language: 'zh' },
  });
}

function makeStyle(brief: Brief, style: 'blurb' | 'commentary'): StyleResult {
  const content = style === 'blurb' ? { paragraphs: [SENTENCE, SENTENCE] } : { sections: [{ heading: '背景', paragraphs: [SENTENCE] }], figures: [{ number: 2, why: SENTENCE }] };
  return StyleResultSchema.parse({
    schemaVersion: 1,
    style,
    language: 'zh',
    paper: brief.paper,
    content,
    checks: { ungroundedNumbers: [], warnings: ['需要核对'] },
    generation: brief.generation,
    ...(style === 'commentary' ? { figures: { source: 'pdf', shown: [{ number: 2, caption: '召回率与专家数量', file: `${brief.paper.id}v1.figures/figure-2.png` }] } } : {}),
  });
}

const briefs = Array.from({ length: 30 }, (_, index) => makeChineseBrief(index));
// The chapters as the episode is built: its intro and outro are named by the tool.
const script = buildEpisodeScript({ date: DATE, showTitle: 'arXiv Brief', hosts: ['Alex'], papers: briefs.slice(0, 2).map((brief) => ({ paperId: brief.paper.id, title: brief.paper.title, turns: [{ speaker: 'Alex', text: SENTENCE }] })), language: 'zh' });
const episode: EditionEpisode = {
  mp3: `audio/${DATE}.mp3`,
  durationMs: 300_000,
  chapters: script.segments.map((segment, index) => ({ title: segment.title, startMs: index * 1000, endMs: (index + 1) * 1000, paperId: segment.paperId })),
};
const repeats = briefs.slice(20).map((brief) => ({ id: brief.paper.id, version: 1, title: brief.paper.title, firstShown: '2025-09-01' }));
const edition: Edition = { date: DATE, papers: briefs.slice(0, 20).map((brief) => ({ brief, reason: '符合兴趣' })), repeats, episode };
const styledEdition: Edition = { ...edition, style: 'commentary', papers: edition.papers.map((paper) => ({ ...paper, styled: makeStyle(paper.brief, 'commentary') })) };
const podcast = PodcastScriptSchema.parse({
  schemaVersion: 1,
  style: 'podcast',
  paperId: briefs[0]!.paper.id,
  version: 1,
  title: briefs[0]!.paper.title,
  hosts: ['Alex'],
  language: 'zh',
  turns: [{ speaker: 'Alex', text: SENTENCE }],
  checks: { ungroundedNumbers: [], warnings: [] },
  generation: briefs[0]!.generation,
});

function makeIssue(count: number, kind: 'month' | 'week'): Issue {
  const period = kind === 'month' ? parseMonth('2025-09') : parseWeek('2025-W37');
  const chosen = briefs.slice(0, count);
  const introduction = { text: SENTENCE, checks: { ungroundedNumbers: [], warnings: [] }, model: 'gpt-5', promptVersion: 'p7', generatedAt: '2025-10-01T06:00:00.000Z', usage: briefs[0]!.generation.usage, costUsd: 0.001 };
  return {
    record: {
      schemaVersion: 1,
      period: period.key,
      title: describePeriodTitle(period, 'zh'),
      style: 'commentary',
      language: 'zh',
      papers: chosen.map(({ paper }) => ({ stem: `${paper.id}v1`, id: paper.id, version: 1, title: paper.title })),
      introduction: { ...introduction, model: 'gpt-5-nano' },
    },
    // Long commentaries, so the email has to list the last papers by title ("More in this issue").
    papers: chosen.map((brief) => {
      const text = makeStyle(brief, 'commentary');
      return { brief, text: { ...text, content: { ...text.content, sections: [{ heading: '背景', paragraphs: Array.from({ length: 30 }, () => SENTENCE) }] } } as StyleResult };
    }),
  };
}

/** Every page, email and markdown the tool writes for a Chinese edition, a Chinese paper and a Chinese issue. */
function renderEveryKind(): Array<[string, string]> {
  const small = renderEmailEdition(edition, { publicUrl: PUBLIC_URL, unsubscribe: UNSUBSCRIBE, maxHtmlBytes: 8_000 });
  const withoutUrl = renderEmailEdition({ ...edition, papers: edition.papers.slice(0, 2) }, { unsubscribe: UNSUBSCRIBE });
  const styledEmail = renderEmailEdition(styledEdition, { publicUrl: PUBLIC_URL });
  const issueEmail = renderIssueEmail(makeIssue(30, 'month'), { publicUrl: PUBLIC_URL, unsubscribe: UNSUBSCRIBE });
  const messages = getMessages('zh');
  return [
    ['web edition', renderEditionPage(edition)],
    ['web edition in a style', renderEditionPage(styledEdition)],
    ['empty web edition', renderEditionPage({ date: DATE, papers: [], episode, language: 'zh' })],
    ['paper page', renderPaperPage(briefs[0]!, { editions: ['2025-09-10', '2025-09-01'], hasFlowchartImage: true, episode, podcast, styles: [makeStyle(briefs[0]!, 'blurb'), makeStyle(briefs[0]!, 'commentary')] })],
    ['email edition', small.html],
    ['email edition, text', small.text],
    ['email edition without a public URL', withoutUrl.html],
    ['email edition without a public URL, text', withoutUrl.text],
    ['email edition in a style', styledEmail.html],
    ['email subject', messages.editionSubject(DATE, 20)],
    ['digest markdown', renderDigestMarkdown(edition)],
    ['digest markdown in a style', renderDigestMarkdown(styledEdition)],
    ['brief markdown', renderBriefMarkdown(briefs[0]!)],
    ['commentary markdown', renderStyleMarkdown(makeStyle(briefs[0]!, 'commentary'))],
    ['issue page', renderIssuePage(makeIssue(3, 'week'))],
    ['issue markdown', renderIssueMarkdown(makeIssue(3, 'week'))],
    ['issue email', issueEmail.html],
    ['issue email, text', issueEmail.text],
    ['issue subject', messages.editionSubject(makeIssue(3, 'week').record.title, 3)],
    ['episode transcript', renderTranscript(script)],
  ];
}

describe('a page or email in Chinese', () => {
  const kinds = renderEveryKind();

  it('says so: <html lang="zh">', () => {
    for (const [kind, output] of kinds.filter(([, text]) => text.startsWith('<!DOCTYPE html>'))) expect(output, kind).toMatch(/^<!DOCTYPE html>\n<html lang="zh">/);
  });

  it('has none of the English words of the message table in what a reader sees', () => {
    const english = listEnglishPhrases();
    const found = kinds.flatMap(([kind, output]) => english.filter((phrase) => containsPhrase(readVisibleText(output), phrase)).map((phrase) => `${kind}: ${JSON.stringify(phrase)}`));
    expect(found).toEqual([]);
    // The branches those words live in were rendered: the lists cut short, the issue's rest, the chapters.
    const all = kinds.map(([, output]) => readVisibleText(output)).join('\n');
    for (const chinese of ['未在此列出', '列于', '本期更多论文', '开场', '结束语', '收听今日节目', '2025 年第 37 周', '由 gpt-5-nano和gpt-5 于 2025-10-01 撰写。']) expect(all).toContain(chinese);
  });

  it('writes its own prose with Chinese punctuation: no ASCII comma', () => {
    const found = kinds.filter(([, output]) => readVisibleText(output).includes(',')).map(([kind, output]) => `${kind}: …${readVisibleText(output).split(',')[0]!.slice(-40)},`);
    expect(found).toEqual([]);
  });
});

// --- internal ---

// Names and brands are the same in every language.
const PROPER_NAMES = ['arXiv Brief', 'Hugging Face', 'arxiv-brief', 'arXiv', 'PDF', 'HTML'];
const PROBE = '\uE001';

// Every English phrase of the message table: its strings, and the words of its sentences around what they are given.
function listEnglishPhrases(): string[] {
  const phrases = new Set<string>();
  const add = (text: string) => {
    for (const fragment of text.split(new RegExp(`${PROBE}|\\d+`))) {
      const phrase = fragment.trim();
      if (/[A-Za-z]{2}/.test(PROPER_NAMES.reduce((rest, name) => rest.replaceAll(name, ''), phrase))) phrases.add(phrase);
    }
  };
  for (const value of Object.values(MESSAGES.en) as unknown[]) {
    if (typeof value === 'string') add(value);
    else if (typeof value === 'function') for (const argument of [1, 7, PROBE]) add((value as (...values: unknown[]) => string)(...Array.from({ length: value.length }, () => argument)));
    else for (const text of Object.values(value as Record<string, string>)) add(text);
  }
  return [...phrases];
}

// The phrase as words of the text, not inside a longer word (`paper` in `papers`).
function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`).test(text);
}

// What a reader sees or hears: the text, the alt and title attributes and the link preview's; not the markup, styles,
// addresses, the mermaid code of a flowchart, or the names every language keeps.
function readVisibleText(output: string): string {
  return removeProperNames(output.startsWith('<!DOCTYPE html>') ? readHtmlText(output) : readMarkdownText(output));
}

function removeProperNames(text: string): string {
  return PROPER_NAMES.reduce((rest, name) => rest.replaceAll(name, ' '), text);
}

function readMarkdownText(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, ' ').replace(/\]\([^)]*\)/g, '] ').replace(/https?:\/\/\S+/g, ' ');
}

function readHtmlText(output: string): string {
  const withoutCode = output.replace(/<(style|script)[\s\S]*?<\/\1>|<!--[\s\S]*?-->/g, ' ');
  const attributes = [
    ...withoutCode.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g),
    ...withoutCode.matchAll(/<meta (?:name|property)="(?:description|og:description|og:title)" content="([^"]*)"/g),
  ].map((match) => match[1]);
  return [withoutCode.replace(/<[^>]+>/g, ' '), ...attributes]
    .join('\n')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
