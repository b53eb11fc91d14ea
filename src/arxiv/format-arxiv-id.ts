import type { ArxivId } from './parse-arxiv-id.js';

/** The paper label everywhere (messages, keys, URLs): `2509.08721v2`, or `2509.08721` when no version was asked for. */
export function formatArxivId(arxivId: ArxivId): string {
  return arxivId.version === null ? arxivId.id : `${arxivId.id}v${arxivId.version}`;
}
