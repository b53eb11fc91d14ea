import juice from 'juice';

const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Inlined into each element: Gmail's app and Outlook desktop read only inline styles. */
export const EMAIL_INLINE_CSS = `
a { color: #1d4ed8; }
.page { background-color: #f3f4f6; margin: 0; padding: 0; }
.container { width: 100%; max-width: 600px; }
.card { background-color: #ffffff; color: #1f2937; padding: 12px 16px; font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.4; border: 1px solid #e5e7eb; word-break: break-word; overflow-wrap: anywhere; }
.gap { height: 8px; font-size: 8px; line-height: 8px; }
.masthead { font-size: 24px; line-height: 1.25; margin: 0 0 4px 0; font-weight: 700; color: #111827; }
.kicker { font-size: 13px; color: #4b5563; margin: 0 0 4px 0; }
.title { font-size: 17px; line-height: 1.25; margin: 0 0 2px 0; font-weight: 700; }
.title a { color: #1d4ed8; text-decoration: none; }
.reason { font-size: 12px; color: #6b7280; font-style: italic; margin: 0 0 2px 0; }
.meta { font-size: 12px; color: #4b5563; margin: 0 0 4px 0; }
.meta a { color: #1d4ed8; }
.points { font-size: 13px; line-height: 1.35; margin: 0; }
.tldr { font-size: 14px; line-height: 1.3; font-weight: 700; margin: 0 0 4px 0; }
.links { font-size: 12px; margin: 4px 0 0 0; }
.thumbnail { border: 1px solid #e5e7eb; margin: 0 0 8px 12px; height: auto; }
.contents-heading { font-size: 17px; margin: 12px 0 6px 0; font-weight: 700; }
.contents { margin: 0; padding: 0 0 0 22px; font-size: 12px; line-height: 1.3; }
.overflow-list { margin: 0; padding: 0 0 0 24px; }
.overflow-heading { font-size: 18px; margin: 0 0 8px 0; font-weight: 700; }
.footer { font-family: ${FONT_STACK}; font-size: 12px; line-height: 1.5; color: #6b7280; padding: 12px 24px; }
.footer a { color: #4b5563; }
`;

/** Kept in <head>: dark mode and small screens need media queries, which cannot be inlined. */
export const EMAIL_HEAD_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (max-width: 620px) {
  .card { padding: 16px !important; }
  .title { font-size: 18px !important; }
}
@media (prefers-color-scheme: dark) {
  .page { background-color: #111827 !important; }
  .card { background-color: #1f2937 !important; color: #f3f4f6 !important; border-color: #374151 !important; }
  .masthead { color: #f9fafb !important; }
  .kicker, .meta, .reason, .footer, .footer a { color: #d1d5db !important; }
  .title a, .meta a, .overflow a, .links a, .contents a, .points a { color: #93c5fd !important; }
}
`;

// Styles written once as classes, carried onto every element by juice (the well-kept inliner mail tools use).
export function inlineEmailCss(html: string): string {
  const cached = INLINED.get(html);
  if (cached !== undefined) return cached;
  const inlined = juice.inlineContent(html, EMAIL_INLINE_CSS, { applyWidthAttributes: false, applyHeightAttributes: false });
  if (INLINED.size >= INLINED_MAX_ENTRIES) INLINED.delete(INLINED.keys().next().value!);
  INLINED.set(html, inlined);
  return inlined;
}

// --- internal ---

// Readers' own copies repeat the same cards and frame: juice (most of a copy's time) runs once per distinct piece.
const INLINED = new Map<string, string>();
// A few editions' cards at a few kilobytes each: a bounded memory, oldest dropped first.
const INLINED_MAX_ENTRIES = 2_000;
