import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock, escapeMarkdownInline } from '../../src/output/escape-markdown.js';

describe('escapeMarkdownInline', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript\u200B:alert(1))'],
    ['![x](http://evil/x.png)', '!\\[x\\](http://evil/x.png)'],
    ['<http://evil.example/>', '&lt;http://evil.example/&gt;'],
    ['see JAVASCRIPT:void(0)', 'see JAVASCRIPT\u200B:void(0)'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data\u200B:text/html;base64,PHNjcmlwdD4='],
    ['[ref]: http://evil', '\\[ref\\]: http://evil'],
    ['`rm -rf /`', '\\`rm -rf /\\`'],
    ['&lt;b&gt; already escaped', '&amp;lt;b&amp;gt; already escaped'],
    ['R&D at scale', 'R&amp;D at scale'],
    ['a \\[ backslash', 'a \\\\\\[ backslash'],
    ['*bold* and _italic_ ~~gone~~', '\\*bold\\* and \\_italic\\_ \\~\\~gone\\~\\~'],
    ['a | b table cell', 'a \\| b table cell'],
  ])('neutralizes %j', (hostile, expected) => {
    expect(escapeMarkdownInline(hostile)).toBe(expected);
  });

  it.each([
    ['# Heading', '\\# Heading'],
    ['> quoted', '&gt; quoted'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2024) item', '2024\\) item'],
    ['=====', '\\====='],
    ['   # indented heading', '\\# indented heading'],
  ])('keeps %j from starting a block', (text, expected) => {
    expect(escapeMarkdownInline(text)).toBe(expected);
  });

  it.each([
    'Attention Is All You Need',
    'LoRA: Low-Rank Adaptation of Large Language Models',
    'Scaling Laws (and Their Limits) for 7B-70B Models',
    'Beating GPT-4 on 94.2% of MATH Problems: A Study',
    'Construction of a local K̄N-πΣ-πΛ potential and composition of the Λ(1405)',
    'JavaScript: The Good Parts, revisited',
    "What's in a Name? Free 3.5-bit Models (100% open)",
  ])('leaves the ordinary title %j as it is', (title) => {
    expect(escapeMarkdownInline(title)).toBe(title);
  });

  it('collapses newlines and runs of spaces of a multi-line title into single spaces', () => {
    expect(escapeMarkdownInline('Multi-LexSum: Real-World Summaries of Civil\n  Rights Lawsuits\r\n')).toBe(
      'Multi-LexSum: Real-World Summaries of Civil Rights Lawsuits',
    );
  });

  it('drops NUL, C0 and C1 control characters, even inside a scheme', () => {
    expect(escapeMarkdownInline('Bad\u0000 title\u0001\u001B[31m red\u007F\u0085 java\u0000script:x')).toBe(
      'Bad title\\[31m red javascript\u200B:x',
    );
  });

  it('does not let a newline start a block in the middle of the text', () => {
    expect(escapeMarkdownInline('Title\n# injected heading\n- list')).toBe('Title # injected heading - list');
  });
});

describe('escapeMarkdownBlock', () => {
  it('keeps lines and paragraphs and escapes the start of every line', () => {
    const text = 'First line with <b>html</b>\n# not a heading\n\n\n- not a list\n1. not ordered';
    expect(escapeMarkdownBlock(text)).toBe(
      'First line with &lt;b&gt;html&lt;/b&gt;\n\\# not a heading\n\n\\- not a list\n1\\. not ordered',
    );
  });

  it('removes indentation that would make a code block', () => {
    expect(escapeMarkdownBlock('Intro\n\n    code()\n\tmore')).toBe('Intro\n\ncode()\nmore');
  });

  it('neutralizes links and images on any line', () => {
    expect(escapeMarkdownBlock('ok\n![x](http://evil/x.png)\n[click](javascript:alert(1))')).toBe(
      'ok\n!\\[x\\](http://evil/x.png)\n\\[click\\](javascript\u200B:alert(1))',
    );
  });
});
