import { blurbStyle } from './blurb-style.js';
import { commentaryStyle } from './commentary-style.js';
import type { StyleDefinition } from './style-definition.js';
import type { ProseStyleName } from '../brief/style-names.js';

/** The registry: a new style is one file under src/styles/ and one line here. */
export const PROSE_STYLES: Record<ProseStyleName, StyleDefinition<any>> = {
  blurb: blurbStyle,
  commentary: commentaryStyle,
};
