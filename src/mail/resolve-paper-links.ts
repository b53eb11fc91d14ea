import { toPublicBaseUrl } from '../output/to-public-base-url.js';
import { formatArxivId } from '../arxiv/format-arxiv-id.js';
import { toFileStem } from '../arxiv/to-file-stem.js';
import type { Brief } from '../brief/brief-schema.js';
import { ARXIV_HOSTS, safeUrl } from '../text/safe-url.js';
import { getBriefFileStem } from '../output/brief-store.js';

/** Where a paper of the email edition points. */
export interface PaperLinks {
  /** The paper's page in the web archive when there is a public URL; else its arXiv abstract page. */
  title: string;
  /** The paper's page (full brief, flowchart and quiz); absent without a public https URL. */
  page?: string;
  /** The flowchart PNG beside the page; absent without a public https URL (it then goes as a CID attachment). */
  image?: string;
  abstract: string;
  pdf?: string;
  /** The code repository and the project page, from Hugging Face (https only). */
  code?: string;
  project?: string;
}

// Absolute https links only: a mail client has no base to resolve anything else against.
export function resolvePaperLinks(brief: Brief, publicUrl: string | undefined): PaperLinks {
  const stem = toFileStem(brief.paper.id, brief.paper.version);
  const abstract = safeUrl(brief.paper.absUrl, ARXIV_HOSTS) ?? `https://arxiv.org/abs/${formatArxivId(brief.paper)}`;
  const pdf = safeUrl(brief.paper.pdfUrl, ARXIV_HOSTS) ?? undefined;
  const code = brief.paper.githubRepo === undefined ? null : safeUrl(brief.paper.githubRepo, 'any');
  const project = brief.paper.projectPage === undefined ? null : safeUrl(brief.paper.projectPage, 'any');
  const external = { ...(pdf ? { pdf } : {}), ...(code ? { code } : {}), ...(project ? { project } : {}) };
  const base = toHttpsBase(publicUrl);
  if (base === undefined) return { title: abstract, abstract, ...external };
  const page = `${base}/papers/${encodeURIComponent(stem)}.html`;
  const image = `${base}/papers/${encodeURIComponent(getBriefFileStem(brief.paper.id, brief.paper.version, brief.generation.language))}.flowchart.png`;
  return { title: page, page, image, abstract, ...external };
}

/** The public URL without trailing slash, if it is https (mail links must be); else undefined. */
export function toHttpsBase(publicUrl: string | undefined): string | undefined {
  if (publicUrl === undefined) return undefined;
  // The host's login is the publisher's secret: links go to the URL without it.
  const safe = safeUrl(toPublicBaseUrl(publicUrl)!, 'any');
  return safe === null ? undefined : safe.replace(/\/+$/, '');
}
