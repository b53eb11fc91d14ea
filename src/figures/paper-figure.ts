import { z } from 'zod';

/** One figure of the paper, web-sized and stored: its number and caption in the paper, its image file. */
export const StoredFigureSchema = z.object({
  number: z.number().int().positive(),
  caption: z.string().min(1),
  /** The image's file name inside the paper's figures folder. */
  file: z.string().regex(/^figure-\d+\.(png|jpg)$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type StoredFigure = z.infer<typeof StoredFigureSchema>;

/** The figures found for one paper version and where they came from ('none': no HTML rendering and nothing extractable from the PDF). */
export const PaperFiguresSchema = z.object({
  /** How the figures were found; a record from an older way of reading PDFs is found again. */
  version: z.number().int().optional(),
  source: z.enum(['html', 'pdf', 'none']),
  figures: z.array(StoredFigureSchema),
});
export type PaperFigures = z.infer<typeof PaperFiguresSchema>;

/** A figure as found, before it is resized and stored. */
export interface FoundFigure {
  number: number;
  caption: string;
  image: Uint8Array;
}
