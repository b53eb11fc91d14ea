import type { AvailableFigure } from '../styles/style-definition.js';

/** The figures the model may pick, one line each; an empty list says so, so it invents none. */
export function describeFigures(figures: readonly AvailableFigure[]): string {
  if (figures.length === 0) return '(none: this paper has no figures we could extract)';
  return figures.map((figure) => `Figure ${figure.number}: ${figure.caption}`).join('\n');
}
