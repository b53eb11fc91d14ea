import { STYLE_NAMES, type StyleName } from '../brief/style-names.js';
import { PROSE_STYLES } from '../styles/prose-styles.js';

/** The styles a run may write for a paper, in one fixed order: the brief always, then those asked for. */
export function listPaperStyles(styles: readonly StyleName[]): StyleName[] {
  return STYLE_NAMES.filter((name) => name === 'brief' || styles.includes(name));
}

/** True when one of the styles shows the paper's figures, so the paper is given with its list of figures. */
export function needsFigures(styles: readonly StyleName[]): boolean {
  return styles.some((name) => name !== 'brief' && name !== 'podcast' && PROSE_STYLES[name].showsFigures === true);
}
