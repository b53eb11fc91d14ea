// OpenAI's limits on one batch's input file.
export const BATCH_LIMITS = { maxLines: 50_000, maxBytes: 200 * 1024 * 1024 };

/** The JSONL lines cut into input files within the limits, in their order; a line is never split. */
export function splitBatchLines(lines: readonly string[], limits: { maxLines: number; maxBytes: number } = BATCH_LIMITS): string[][] {
  const files: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const lineBytes = Buffer.byteLength(line) + 1;
    if (current.length > 0 && (current.length >= limits.maxLines || bytes + lineBytes > limits.maxBytes)) {
      files.push(current);
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += lineBytes;
  }
  if (current.length > 0) files.push(current);
  return files;
}
