/** An MP3's ID3v2 tag as a podcast app's parser reads it: its version and its frames, in order, each with its raw body. */
export function readId3Frames(mp3: Buffer): { version: number; frames: Array<{ id: string; body: Buffer }> } {
  if (mp3.toString('latin1', 0, 3) !== 'ID3') throw new Error('no ID3v2 tag at the start of the file');
  const version = mp3[3]!;
  const tagSize = syncsafe(mp3, 6);
  const frames: Array<{ id: string; body: Buffer }> = [];
  let offset = 10;
  while (offset + 10 <= 10 + tagSize) {
    const id = mp3.toString('latin1', offset, offset + 4);
    if (!/^[A-Z0-9]{4}$/.test(id)) break;
    // ID3v2.3 frame sizes are plain 32-bit numbers; v2.4's are syncsafe.
    const size = version === 4 ? syncsafe(mp3, offset + 4) : mp3.readUInt32BE(offset + 4);
    frames.push({ id, body: mp3.subarray(offset + 10, offset + 10 + size) });
    offset += 10 + size;
  }
  return { version, frames };
}

function syncsafe(buffer: Buffer, offset: number): number {
  return ((buffer[offset]! & 0x7f) << 21) | ((buffer[offset + 1]! & 0x7f) << 14) | ((buffer[offset + 2]! & 0x7f) << 7) | (buffer[offset + 3]! & 0x7f);
}
