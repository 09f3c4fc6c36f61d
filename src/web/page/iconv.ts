/**
 * The part of iconv-lite the text decoder uses (ingest/decode.ts: `decode(bytes, encoding)`),
 * from the browser's own TextDecoder, which knows GB18030 and UTF-16 (WHATWG Encoding).
 */
export const iconvInBrowser = {
  decode(bytes: Uint8Array, encoding: string): string {
    return new TextDecoder(encoding.toLowerCase(), { ignoreBOM: true }).decode(bytes);
  },
};
