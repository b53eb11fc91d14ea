import { BriefError } from '../errors/brief-error.js';

/** Why a PDF gave no usable text; each reason has its own message. */
export type PdfExtractFailure =
  | 'not-pdf'
  | 'encrypted'
  | 'malformed'
  | 'truncated'
  | 'no-text'
  | 'timeout'
  | 'memory'
  | 'crash';

/** The PDF could not be turned into text; the message says what was wrong and what to do. */
export class PdfExtractError extends BriefError {
  constructor(
    readonly reason: PdfExtractFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
