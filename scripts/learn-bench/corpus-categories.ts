/** Far-apart arXiv fields, so a reader's taste is a topic a model can tell; close ones (cs.LG and stat.ML) would blur it. */
export const CORPUS_CATEGORIES = ['cs.CL', 'cs.CV', 'cs.RO', 'cs.CR', 'q-bio.NC', 'astro-ph.GA', 'math.OC', 'cond-mat.str-el'];
