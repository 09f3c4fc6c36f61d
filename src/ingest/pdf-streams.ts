/**
 * How much a PDF's streams inflate to, measured before pdf.js sees the file: a 100 KB stream
 * of zeros can inflate to gigabytes, and pdf.js holds whatever it inflates. Every stream whose
 * filters start with FlateDecode (stacked Flate too) is inflated in small pieces and only
 * counted, so measuring costs little memory, and stops as soon as the budget is spent.
 * Images are left out: text extraction never decodes them. Streams sit at the top level of the
 * file (object streams hold no streams), so a scan for `stream`…`endstream` finds them all,
 * whatever the cross-reference table says.
 */
import { lazy } from '../shared/lazy.js';

// Loaded with the first PDF: other runs never pay for them.
const zlib = lazy<typeof import('node:zlib')>('node:zlib');
const fflate = lazy<typeof import('fflate')>('fflate');
type Unzlib = InstanceType<typeof import('fflate').Unzlib>;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** Input is fed in pieces this large: Flate inflates at most ~1032:1, so each output stays a few MB. */
const PIECE = 4096;
/** How far before `stream` its dictionary is looked for. */
const DICT_LOOKBACK = 4096;

class OverBudget extends Error {}

/** Filters of a stream dictionary, in order (`/Filter /FlateDecode` or `/Filter [/A /B]`). */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  return m ? [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]!) : [];
}

function leadingFlate(filters: string[]): number {
  let n = 0;
  while (n < filters.length && (filters[n] === 'FlateDecode' || filters[n] === 'Fl')) n++;
  return n;
}

/** Feeds `data` through `layers` stacked inflaters, counting what the last one outputs. */
function inflateCounting(data: Uint8Array, layers: number, onBytes: (n: number) => void): void {
  const stages: Unzlib[] = [];
  for (let i = 0; i < layers; i++) stages.push(new (fflate().Unzlib)());
  const feed = (stage: number, chunk: Uint8Array, final: boolean): void => {
    const inflater = stages[stage]!;
    if (chunk.length === 0) return inflater.push(chunk, final);
    for (let at = 0; at < chunk.length; at += PIECE) {
      inflater.push(chunk.subarray(at, at + PIECE), final && at + PIECE >= chunk.length);
    }
  };
  stages.forEach((inflater, i) => {
    inflater.ondata = (out, final) => (i + 1 < layers ? feed(i + 1, out, final) : onBytes(out.length));
  });
  feed(0, data, true);
}

/**
 * What one stream inflates to through `layers` Flate filters, up to just past `room`. Node's
 * zlib first (native, and stops at maxOutputLength); a stream it rejects as corrupt is counted
 * piece by piece, keeping what inflated before the damage as pdf.js does.
 */
function inflatedSize(data: Uint8Array, layers: number, room: number): number {
  let layer = 0;
  try {
    let out: Uint8Array = data;
    for (; layer < layers; layer++) {
      // A middle layer is compressed data, which may be a little larger than what it holds
      // (an empty stream deflates to 8 bytes): only the last layer's size is judged.
      const cap = layer + 1 < layers ? room + Math.ceil(room / 1000) + 1024 : room + 1;
      out = zlib().inflateSync(out, { maxOutputLength: cap, finishFlush: zlib().constants.Z_SYNC_FLUSH });
    }
    return out.length;
  } catch (e) {
    if (e instanceof RangeError && layer + 1 === layers) return room + 1;
  }
  let n = 0;
  try {
    inflateCounting(data, layers, (bytes) => {
      n += bytes;
      if (n > room) throw new OverBudget();
    });
  } catch {
    // Over the budget, or the damage: either way n says how far it got.
  }
  return n;
}

/**
 * The bytes the document's non-image Flate streams inflate to, up to just past `budget`
 * (the scan stops there). A stream that is corrupt counts what inflated before the damage.
 */
export function inflatedBytes(bytes: Uint8Array, budget: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let from = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, from);
    if (at < 0) break;
    from = at + STREAM.length;
    // `endstream` contains `stream`: skip it.
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = from;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const dict = buf.toString('latin1', Math.max(0, at - DICT_LOOKBACK), at);
    const own = dict.slice(Math.max(dict.lastIndexOf(' obj'), dict.lastIndexOf('\nobj'), 0));
    const layers = leadingFlate(filtersOf(own));
    const endAt = buf.indexOf(END_STREAM, start);
    const end = endAt < 0 ? buf.length : endAt;
    from = Math.max(from, end);
    if (layers === 0 || /\/Subtype\s*\/Image\b/.test(own)) continue;
    total += inflatedSize(buf.subarray(start, end), layers, budget - total);
    if (total > budget) break;
  }
  return total;
}
