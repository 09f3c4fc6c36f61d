/**
 * Word (.docx) adapter: reads WordprocessingML directly (fflate + htmlparser2) so that
 * Word's automatic list numbering ends up in the text: a heading whose "一、" comes from
 * w:numPr reads "一、主要举措和成效", as the reader sees it.
 *
 * Output: one line per non-empty paragraph (body, tables, content controls, text boxes),
 * in document order. Safe on hostile input: only three parts are inflated, each capped.
 */
import { InputError } from '../../shared/errors.js';
import { decodeXmlPart } from '../decode.js';
import type { FormatAdapter, SourceText } from '../index.js';
import { extractParagraphs, type DocxParts } from './paragraphs.js';
import { TooDeep } from './xml.js';
import { extractEntry, PartTooLarge, readZipDirectory } from './zip.js';

const MSG_CORRUPT = 'Word 文档已损坏或不是 .docx 格式（无法解压）';
const MSG_NO_DOCUMENT = 'Word 文档已损坏或不是 .docx 格式（压缩包中没有 word/document.xml）';
const MSG_NO_TEXT = 'Word 文档中没有文字';
const MSG_TOO_DEEP = 'Word 文档已损坏或不是 .docx 格式（XML 嵌套过深）';

/** Largest uncompressed XML part we inflate; beyond it the file is treated as a zip bomb. */
export const MAX_PART_BYTES = 50 * 1024 * 1024;

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

export const docxAdapter: FormatAdapter = {
  name: 'docx',
  extensions: ['.docx'],
  sniff(bytes) {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return false;
    try {
      return readZipDirectory(bytes).has(DOCUMENT);
    } catch {
      return false;
    }
  },
  read(bytes, file): SourceText {
    const parts = unzipParts(bytes, file);
    let lines: string[];
    try {
      lines = extractParagraphs(parts);
    } catch (err) {
      if (err instanceof TooDeep) throw new InputError(MSG_TOO_DEEP, file, 'input-corrupt');
      throw err;
    }
    if (lines.length === 0) throw new InputError(MSG_NO_TEXT, file, 'input-empty');
    return {
      file,
      format: 'docx',
      encoding: null,
      text: lines.join('\n'),
      place: (line) => ({ paragraph: line }),
    };
  },
};

function unzipParts(bytes: Uint8Array, file: string): DocxParts {
  try {
    const dir = readZipDirectory(bytes);
    const part = (name: string): string | undefined => {
      const entry = dir.get(name);
      return entry && decodeXmlPart(extractEntry(bytes, entry, name, MAX_PART_BYTES));
    };
    const document = part(DOCUMENT);
    if (document === undefined) throw new InputError(MSG_NO_DOCUMENT, file, 'input-corrupt');
    return { document, numbering: part(NUMBERING), styles: part(STYLES) };
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof PartTooLarge) {
      throw new InputError(
        `Word 文档解压后过大（${err.part} 超过 ${MAX_PART_BYTES / 1024 / 1024} MB），疑似压缩炸弹`,
        file,
        'input-too-large',
      );
    }
    throw new InputError(MSG_CORRUPT, file, 'input-corrupt');
  }
}
