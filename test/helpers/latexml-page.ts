import sharp from 'sharp';

/** A page shaped like arXiv's LaTeXML HTML: each figure a `<figure class="ltx_figure">` with an `<img>` relative to the page and its `<figcaption>`. */
export function makeLatexmlPage(figures: Array<{ number: number; caption: string; file: string }>): string {
  const body = figures
    .map(
      (figure) =>
        `<figure class="ltx_figure" id="S1.F${figure.number}"><img src="${figure.file}" id="S1.F${figure.number}.g1" class="ltx_graphics ltx_centering ltx_img_landscape" width="461" height="230" alt="Refer to caption">\n` +
        `<figcaption class="ltx_caption ltx_centering"><span class="ltx_tag ltx_tag_figure">Figure ${figure.number}: </span>${figure.caption}</figcaption>\n</figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><title>A paper</title></head><body><div class="ltx_page_main"><article class="ltx_document ltx_authors_1line">\n<section class="ltx_section" id="S1"><h2 class="ltx_title ltx_title_section">1 Introduction</h2>\n${body}\n<figure class="ltx_table" id="S1.T1"><figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">Table 1: </span>Not a figure.</figcaption></figure>\n</section></article></div></body></html>`;
}

/** A real PNG of noise (hard to compress), `width` × `height`, so resizing has real work to do. */
export async function makeNoisyPng(width: number, height: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}
