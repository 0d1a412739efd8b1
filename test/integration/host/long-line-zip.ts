import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * Writes a .zip holding one CSV entry that inflates to `mebibytes` MiB of "a" with no newline
 * (2048 MiB fits in ~2 MB), streamed: one MiB is deflated once with a full flush, which makes
 * its compressed bytes independent of what came before, and those bytes are written again and
 * again. Nothing big is committed to the repository or held in memory.
 */
export async function writeLongLineZip(file: string, entryName: string, mebibytes: number): Promise<{ uncompressed: number }> {
  const block = Buffer.alloc(1024 * 1024, 0x61);
  const piece = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const finalBlock = Buffer.from([0x03, 0x00]); // an empty last block (fixed Huffman)
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = zlib.crc32(block, crc);
  const uncompressed = mebibytes * block.length;
  const compressed = mebibytes * piece.length + finalBlock.length;
  const name = Buffer.from(entryName);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0, 6); // flags
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 10); // time, date
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(compressed, 18);
  local.writeUInt32LE(uncompressed >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(uncompressed >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  // extra, comment, disk, attributes, offset of the local header: all 0
  const centralOffset = local.length + name.length + compressed;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);

  const out = fs.createWriteStream(file);
  const write = async (b: Buffer): Promise<void> => {
    if (!out.write(b)) await once(out, 'drain');
  };
  await write(Buffer.concat([local, name]));
  for (let i = 0; i < mebibytes; i++) await write(piece);
  await write(finalBlock);
  await write(Buffer.concat([central, name, end]));
  out.end();
  await once(out, 'finish');
  return { uncompressed };
}
