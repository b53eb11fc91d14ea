/** Every style a paper can be written in; `brief` is the five-point brief the edition is built from, and always made. */
export const STYLE_NAMES = ['brief', 'blurb', 'commentary', 'podcast'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** The styles written as prose next to the brief in the paper's own run, each defined in its own file under src/styles/. */
export type ProseStyleName = Exclude<StyleName, 'brief' | 'podcast'>;

export const PROSE_STYLE_NAMES = STYLE_NAMES.filter((name): name is ProseStyleName => name !== 'brief' && name !== 'podcast');

export function isProseStyle(name: StyleName): name is ProseStyleName {
  return (PROSE_STYLE_NAMES as readonly string[]).includes(name);
}
