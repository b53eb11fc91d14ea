import { editionLanguage, editionMessages } from '../edition/edition-messages.js';
import type { Messages } from '../language/messages.js';
import { getBriefFileStem } from '../output/brief-store.js';
import type { Edition } from '../edition/edition.js';
import { escapeMarkdownInline } from '../output/escape-markdown.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';
import type { StyleResult } from '../brief/style-result-schema.js';
import { renderBriefBody } from '../output/render-brief-markdown.js';

/** The day's digest in the daily-papers format: `<date> Papers`, then `Paper 1`, `Paper 2`, … with why each was picked. */
export function renderDigestMarkdown(edition: Edition): string {
  const messages = editionMessages(edition);
  const parts = [`# ${messages.digestTitle(edition.date)}`, ''];
  if (edition.papers.length === 0) parts.push(messages.noPapersThisDay, '');
  edition.papers.forEach(({ brief, reason, styled }, index) => {
    // In the edition's style: the title, its link and the text; the full brief is the paper's own file.
    const body = styled ? renderStyledPaper(styled, reason, messages) : renderBriefBody(brief, 3, { reason });
    parts.push(`## ${messages.paperNumber(index + 1)}`, '', body, '');
  });
  const repeats = edition.repeats ?? [];
  if (repeats.length > 0) {
    // Links relative to digests/, where the digest lives beside the earlier ones.
    parts.push(`## ${messages.alsoOnTodaysList}`, '', messages.shownBeforeIntro, '');
    for (const repeat of repeats) {
      const brief = `../papers/${getBriefFileStem(repeat.id, repeat.version, editionLanguage(edition))}.md`;
      parts.push(`- [${escapeMarkdownInline(repeat.title)}](${brief})${messages.listSeparator}${messages.firstShownInEdition} [${repeat.firstShown}](${repeat.firstShown}.md)`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

// --- internal ---

function renderStyledPaper(styled: StyleResult, reason: string | undefined, messages: Messages): string {
  const { paper } = styled;
  const link = safeUrl(paper.absUrl, ARXIV_HOSTS);
  const brief = `../papers/${getBriefFileStem(paper.id, paper.version, styled.language)}.md`;
  return [
    `### ${escapeMarkdownInline(paper.title)}`,
    '',
    `${link === null ? '' : `${link} · `}[${messages.theFullBrief}](${brief})${reason === undefined ? '' : ` · ${escapeMarkdownInline(reason)}`}`,
    '',
    PROSE_STYLES[styled.style].renderMarkdown(styled.content, [], styled.language),
  ].join('\n');
}
