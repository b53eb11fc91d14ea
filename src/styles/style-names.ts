/** Every style a paper can be written in; `brief` is the five-point brief the edition is built from. */
export const STYLE_NAMES = ['brief', 'blurb', 'commentary'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** The styles written as prose next to the brief, each defined in its own file under src/styles/. */
export type ProseStyleName = Exclude<StyleName, 'brief'>;

export const PROSE_STYLE_NAMES = STYLE_NAMES.filter((name): name is ProseStyleName => name !== 'brief');
