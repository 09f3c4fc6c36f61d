import { InputError } from '../shared/errors.js';
import type { FormatAdapter } from './index.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return OLE.every((b, i) => bytes[i] === b);
}

function isRtf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '{\\rtf';
}

/**
 * Formats we recognise in order to say what to do with them: legacy Word/WPS binaries
 * (an OLE container, also what password-protected .docx files are) and RTF.
 */
export const legacyAdapter: FormatAdapter = {
  name: 'legacy',
  // Recognised by content only: a .doc that is really HTML or text is read as such.
  extensions: [],
  sniff: (bytes) => isOle(bytes) || isRtf(bytes),
  read(bytes, file) {
    if (isRtf(bytes)) throw new InputError('RTF 格式不受支持，请另存为 .docx 或文本', file, 'input-unsupported');
    if (isOle(bytes)) {
      throw new InputError(
        '旧版 Word（.doc/.wps）或加密的 Office 文件不受支持，请另存为 .docx（未加密）；安装 LibreOffice 后可自动转换 .doc/.wps',
        file,
        'input-unsupported',
      );
    }
    throw new InputError('旧版 Word（.doc）格式不受支持，请另存为 .docx', file, 'input-unsupported');
  },
};
