import { isProseStyle, type ProseStyleName, type StyleName } from '../brief/style-names.js';

/** The edition keeps the brief unless the styles asked for start with a prose one (`--style blurb`): then that one. */
export function chooseEditionStyle(styles: readonly StyleName[]): ProseStyleName | undefined {
  const first = styles[0];
  return first !== undefined && isProseStyle(first) ? first : undefined;
}
