/**
 * Reading a PNG without a browser: its size from the IHDR chunk, and a decode that inflates the
 * image data and checks it holds exactly the rows that size promises (one filter byte and the
 * pixels of each row), so a file with a forged or wrong header fails.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (buf.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Samples per pixel of each PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes the image data; throws unless it is exactly width × height pixels. Returns the size. */
export function decodePng(buf: Buffer): { width: number; height: number } {
  const { width, height } = pngSize(buf);
  const depth = buf[24]!;
  const channels = CHANNELS[buf[25]!];
  if (!channels) throw new Error(`PNG: unknown colour type ${buf[25]}`);
  if (buf[28] !== 0) throw new Error('PNG: interlaced images are not read here');
  const data: Buffer[] = [];
  let at = 8;
  let ended = false;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('ascii');
    if (type === 'IDAT') data.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) throw new Error('PNG: no IEND chunk');
  const raw = inflateSync(Buffer.concat(data));
  const stride = Math.ceil((width * channels * depth) / 8);
  if (raw.length !== height * (1 + stride)) {
    throw new Error(`PNG: ${raw.length} bytes of image data, not the ${height * (1 + stride)} that ${width} × ${height} needs`);
  }
  for (let row = 0; row < height; row++) {
    if (raw[row * (1 + stride)]! > 4) throw new Error(`PNG: row ${row} has an unknown filter`);
  }
  return { width, height };
}
