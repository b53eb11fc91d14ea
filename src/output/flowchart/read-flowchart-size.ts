import { open } from 'node:fs/promises';

export interface FlowchartSize {
  width: number;
  height: number;
}

// The <svg> tag opens the file, so its size is in the first kilobyte.
const HEAD_BYTES = 1024;

/** The width and height of a stored flowchart SVG, from its opening tag; undefined when the file is missing or names none. */
export async function readFlowchartSize(svgPath: string): Promise<FlowchartSize | undefined> {
  const file = await open(svgPath, 'r').catch(() => undefined);
  if (file === undefined) return undefined;
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(HEAD_BYTES), position: 0 });
    const size = /<svg\b[^>]*?\swidth="(\d+)" height="(\d+)"/.exec(buffer.subarray(0, bytesRead).toString('utf8'));
    return size ? { width: Number(size[1]), height: Number(size[2]) } : undefined;
  } finally {
    await file.close();
  }
}
