/** Plain-text / Markdown adapter: the report text is the decoded file as is. */
import { decodeText } from './decode.js';
import type { FormatAdapter, SourceText } from './index.js';

export const textAdapter: FormatAdapter = {
  name: 'text',
  // '' covers files without an extension (and stdin).
  extensions: ['.txt', '.md', '.markdown', '.text', ''],
  read(bytes: Uint8Array, file: string): SourceText {
    const { text, encoding } = decodeText(bytes, file);
    return { file, format: 'text', encoding, text };
  },
};
