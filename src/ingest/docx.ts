/**
 * Word (.docx) adapter: reads WordprocessingML directly (fflate + htmlparser2) so that
 * Word's automatic list numbering ends up in the text: a heading whose "一、" comes from
 * w:numPr reads "一、主要举措和成效", as the reader sees it.
 *
 * Output: one line per non-empty paragraph (body, tables, content controls, text boxes),
 * in document order. Safe on hostile input: only three parts are inflated, each capped.
 */
import { lazy } from '../shared/lazy.js';

const fflate = lazy<typeof import('fflate')>('fflate');
const htmlparser2 = lazy<typeof import('htmlparser2')>('htmlparser2');
import { InputError } from '../shared/errors.js';
import type { FormatAdapter, SourceText } from './index.js';

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

// ─── zip ────────────────────────────────────────────────────────────────────

class CorruptZip extends Error {}

class PartTooLarge extends Error {
  constructor(readonly part: string) {
    super(part);
  }
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Central directory, keyed by lower-cased part name (OPC part names are case-insensitive). */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => dv.getUint16(o, true);
  const u32 = (o: number): number => dv.getUint32(o, true);
  const u64 = (o: number): number => Number(dv.getBigUint64(o, true));
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CorruptZip();
  let count = u16(eocd + 10);
  let o = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 <= bytes.length && u32(z) === 0x06064b50) {
      count = u64(z + 32);
      o = u64(z + 48);
    }
  }
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(o) !== 0x02014b50) throw new CorruptZip();
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const entry: ZipEntry = {
      method: u16(o + 10),
      compressedSize: u32(o + 20),
      size: u32(o + 24),
      offset: u32(o + 42),
    };
    const nameEnd = o + 46 + nameLength;
    if (nameEnd > bytes.length) throw new CorruptZip();
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) {
      readZip64Extra(dv, nameEnd, nameEnd + extraLength, entry);
    }
    const name = names
      .decode(bytes.subarray(o + 46, nameEnd))
      .replace(/\\/g, '/')
      .toLowerCase();
    entries.set(name, entry);
    o = nameEnd + extraLength + u16(o + 32);
  }
  return entries;
}

function readZip64Extra(dv: DataView, start: number, end: number, entry: ZipEntry): void {
  for (let p = start; p + 4 <= end; p += 4 + dv.getUint16(p + 2, true)) {
    if (dv.getUint16(p, true) !== 1) continue;
    let q = p + 4;
    const next = (): number => {
      const v = Number(dv.getBigUint64(q, true));
      q += 8;
      return v;
    };
    if (entry.size === 0xffffffff) entry.size = next();
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
    if (entry.offset === 0xffffffff) entry.offset = next();
    return;
  }
}

/** Inflate one entry, never producing more than `limit` bytes (checked as it streams). */
function extractEntry(bytes: Uint8Array, entry: ZipEntry, part: string, limit: number): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = entry.offset;
  if (dv.getUint32(o, true) !== 0x04034b50) throw new CorruptZip();
  const start = o + 30 + dv.getUint16(o + 26, true) + dv.getUint16(o + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new CorruptZip();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > limit) throw new PartTooLarge(part);
    return data;
  }
  if (entry.method !== 8) throw new CorruptZip();
  if (entry.size > limit) throw new PartTooLarge(part);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new (fflate().Inflate)((chunk) => {
    total += chunk.length;
    if (total > limit) throw new PartTooLarge(part);
    chunks.push(chunk);
  });
  // Small steps bound what one push can inflate before the limit is checked (~1000:1 at most).
  const STEP = 16 * 1024;
  let i = 0;
  do {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    i += STEP;
  } while (i < data.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}

function unzipParts(bytes: Uint8Array, file: string): DocxParts {
  try {
    const dir = readZipDirectory(bytes);
    const part = (name: string): string | undefined => {
      const entry = dir.get(name);
      return entry && decodeXml(extractEntry(bytes, entry, name, MAX_PART_BYTES));
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

/** Deeper XML than any real document: refused, since htmlparser2's tag stack costs O(depth) per tag. */
const MAX_XML_DEPTH = 256;

class TooDeep extends Error {}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

// ─── XML walking ────────────────────────────────────────────────────────────

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

type Attr = (local: string) => string | undefined;

interface XmlHandler {
  /** `path` ends with the element itself; names use the canonical prefixes w: and mc:. */
  open(name: string, attr: Attr, path: readonly string[]): void;
  close?(name: string, path: readonly string[]): void;
  text?(data: string, path: readonly string[]): void;
}

/**
 * SAX walk with element names mapped to canonical w:/mc: prefixes (declarations are
 * taken globally, which is how Word and every other writer use them).
 */
function walkXml(xml: string, handler: XmlHandler): void {
  const prefixes = new Map<string, string>([
    ['w', 'w'],
    ['mc', 'mc'],
  ]);
  let defaultPrefix = '';
  let wAttr = 'w:';
  const canonical = (name: string): string => {
    const i = name.indexOf(':');
    if (i < 0) return defaultPrefix ? `${defaultPrefix}:${name}` : name;
    const p = prefixes.get(name.slice(0, i));
    return p === undefined ? name : p + name.slice(i);
  };
  const path: string[] = [];
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(raw, attribs) {
        for (const key in attribs) {
          if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
          const ns = NAMESPACES[attribs[key] ?? ''];
          if (key === 'xmlns') defaultPrefix = ns ?? '';
          else prefixes.set(key.slice(6), ns ?? `?${key.slice(6)}`);
          if (ns === 'w' && key !== 'xmlns') wAttr = `${key.slice(6)}:`;
        }
        const name = canonical(raw);
        if (path.push(name) > MAX_XML_DEPTH) throw new TooDeep();
        handler.open(name, (local) => attribs[wAttr + local] ?? attribs[local], path);
      },
      onclosetag() {
        const name = path[path.length - 1];
        if (name === undefined) return;
        handler.close?.(name, path);
        path.pop();
      },
      ontext(data) {
        handler.text?.(data, path);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
}

function toInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
}

/** On/off properties (w:vanish, w:isLgl …): present means on unless val says otherwise. */
function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off)$/i.test(value);
}

// ─── number formats ─────────────────────────────────────────────────────────

const CN_DIGITS = '〇一二三四五六七八九';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

interface Myriad {
  digits: string;
  units: [string, string, string, string];
  /** 十一 rather than 一十一 for 10–19. */
  bareTen: boolean;
}
const MYRIAD_LOWER: Myriad = { digits: '零一二三四五六七八九', units: ['十', '百', '千', '万'], bareTen: true };
const MYRIAD_LEGAL: Myriad = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['拾', '佰', '仟', '万'], bareTen: false };
const MYRIAD_LEGAL_TRAD: Myriad = { digits: '零壹貳參肆伍陸柒捌玖', units: ['拾', '佰', '仟', '萬'], bareTen: false };

/** 1–99,999,999 in grouped Chinese counting (一百零一, 壹仟零贰拾). */
function myriad(n: number, t: Myriad): string {
  const group = (g: number): string => {
    let out = '';
    let zero = false;
    for (const [place, unit] of [
      [1000, t.units[2]],
      [100, t.units[1]],
      [10, t.units[0]],
      [1, ''],
    ] as const) {
      const d = Math.floor(g / place) % 10;
      if (d === 0) {
        zero ||= out !== '';
        continue;
      }
      if (zero) out += t.digits[0];
      zero = false;
      out += t.digits[d] + unit;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? group(high) + t.units[3] : '';
  if (low) out += (high && low < 1000 ? t.digits[0] : '') + group(low);
  return t.bareTen && n >= 10 && n < 20 ? out.slice(1) : out;
}

function enclosed(n: number, first: number, count: number): string {
  return n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * Render a list counter in a w:numFmt (ECMA-376 ST_NumberFormat). Formats this adapter
 * does not know, and values outside a format's range, fall back to decimal, as Word does.
 * 'none' and 'bullet' render as ''.
 */
export function formatNumber(n: number, numFmt: string): string {
  if (numFmt === 'none' || numFmt === 'bullet') return '';
  if (!Number.isSafeInteger(n) || n < 1) return String(n);
  const digits = (set: string): string => [...String(n)].map((d) => [...set][Number(d)]).join('');
  switch (numFmt) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return digits('０１２３４５６７８９');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'chineseCounting':
    case 'taiwaneseCounting':
      // 十-style below 100, digit by digit from 100 on (一〇〇), as Word renders it.
      if (n < 10) return CN_DIGITS[n] as string;
      if (n < 100) {
        const tens = Math.floor(n / 10);
        return (tens > 1 ? CN_DIGITS[tens] : '') + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
      }
      return digits(CN_DIGITS);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digits(CN_DIGITS);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return n < 1e8 ? myriad(n, MYRIAD_LOWER) : String(n);
    case 'chineseLegalSimplified':
      return n < 1e8 ? myriad(n, MYRIAD_LEGAL) : String(n);
    case 'ideographLegalTraditional':
      return n < 1e8 ? myriad(n, MYRIAD_LEGAL_TRAD) : String(n);
    case 'ideographTraditional':
      return n <= 10 ? (STEMS[n - 1] as string) : String(n);
    case 'ideographZodiac':
      return n <= 12 ? (BRANCHES[n - 1] as string) : String(n);
    case 'ideographZodiacTraditional':
      return n <= 60 ? `${STEMS[(n - 1) % 10]}${BRANCHES[(n - 1) % 12]}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      // a…z, aa…zz, aaa…: the letter repeats (capped so a hostile start cannot blow up).
      if (n > 26 * 10) return String(n);
      const s = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'lowerRoman':
      return n < 4000 ? roman(n).toLowerCase() : String(n);
    case 'upperRoman':
      return n < 4000 ? roman(n) : String(n);
    default:
      return String(n);
  }
}

// ─── numbering definitions ──────────────────────────────────────────────────

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: 1-based level whose use restarts this one; 0 = never; undefined = any higher level. */
  restart?: number;
  isLgl: boolean;
  suffix: string;
  pStyle?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** w:numStyleLink: the definition lives with the numbering style of that name. */
  styleLink?: string;
}

interface NumInstance {
  abstractId?: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface StyleDef {
  basedOn?: string;
  numId?: number;
  ilvl?: number;
}

/** The paragraph properties numbering depends on (w:pPr/w:numPr and w:pStyle). */
export interface ParagraphNumbering {
  numId?: number;
  ilvl?: number;
  styleId?: string;
}

const MAX_LEVEL_TEXT = 64;
const LEVELS = 9;

function newLevel(): Level {
  return { start: 0, numFmt: 'decimal', lvlText: '', isLgl: false, suffix: 'tab' };
}

/**
 * Word's list numbering: definitions from numbering.xml and styles.xml, plus the running
 * counters. `next()` is called for each paragraph in document order.
 */
export class ListNumbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<number, NumInstance>();
  private readonly styles = new Map<string, StyleDef>();
  private defaultStyle: string | undefined;
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(numberingXml = '', stylesXml = '') {
    if (numberingXml) this.parseNumbering(numberingXml);
    if (stylesXml) this.parseStyles(stylesXml);
  }

  private parseNumbering(xml: string): void {
    let abs: AbstractNum | undefined;
    let num: NumInstance | undefined;
    let override: { start?: number; level?: Level } | undefined;
    let lvl: Level | undefined;
    walkXml(xml, {
      open: (name, attr, path) => {
        const parent = path[path.length - 2];
        switch (name) {
          case 'w:abstractNum':
            abs = { levels: new Map() };
            this.abstracts.set(attr('abstractNumId') ?? '', abs);
            break;
          case 'w:numStyleLink':
            if (abs && parent === 'w:abstractNum') abs.styleLink = attr('val');
            break;
          case 'w:num':
            num = { overrides: new Map() };
            this.nums.set(toInt(attr('numId')) ?? -1, num);
            break;
          case 'w:abstractNumId':
            if (num && parent === 'w:num') num.abstractId = attr('val');
            break;
          case 'w:lvlOverride':
            override = {};
            num?.overrides.set(toInt(attr('ilvl')) ?? 0, override);
            break;
          case 'w:startOverride':
            if (override && parent === 'w:lvlOverride') override.start = toInt(attr('val'));
            break;
          case 'w:lvl':
            lvl = newLevel();
            if (parent === 'w:abstractNum') abs?.levels.set(toInt(attr('ilvl')) ?? 0, lvl);
            else if (parent === 'w:lvlOverride' && override) override.level = lvl;
            else lvl = undefined;
            break;
        }
        if (!lvl || parent !== 'w:lvl') return;
        const val = attr('val');
        switch (name) {
          case 'w:start':
            lvl.start = toInt(val) ?? 0;
            break;
          case 'w:numFmt':
            lvl.numFmt = val ?? 'decimal';
            break;
          case 'w:lvlText':
            lvl.lvlText = (val ?? '').slice(0, MAX_LEVEL_TEXT);
            break;
          case 'w:lvlRestart':
            lvl.restart = toInt(val);
            break;
          case 'w:isLgl':
            lvl.isLgl = isOn(val);
            break;
          case 'w:suff':
            lvl.suffix = val ?? 'tab';
            break;
          case 'w:pStyle':
            lvl.pStyle = val;
            break;
        }
      },
    });
  }

  private parseStyles(xml: string): void {
    let style: StyleDef | undefined;
    walkXml(xml, {
      open: (name, attr, path) => {
        const parent = path[path.length - 2];
        if (name === 'w:style') {
          const type = attr('type') ?? 'paragraph';
          const id = attr('styleId');
          style = undefined;
          if ((type !== 'paragraph' && type !== 'numbering') || id === undefined) return;
          style = {};
          this.styles.set(id, style);
          const isDefault = attr('default');
          if (type === 'paragraph' && isDefault !== undefined && isOn(isDefault)) this.defaultStyle = id;
        } else if (style && name === 'w:basedOn' && parent === 'w:style') {
          style.basedOn = attr('val');
        } else if (
          style &&
          parent === 'w:numPr' &&
          path[path.length - 3] === 'w:pPr' &&
          path[path.length - 4] === 'w:style'
        ) {
          if (name === 'w:numId') style.numId = toInt(attr('val'));
          if (name === 'w:ilvl') style.ilvl = toInt(attr('val'));
        }
      },
    });
  }

  /** First value of `key` along the style's basedOn chain. */
  private fromStyle(styleId: string | undefined, key: 'numId' | 'ilvl'): number | undefined {
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id) && seen.size < 32;) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) return undefined;
      if (style[key] !== undefined) return style[key];
      id = style.basedOn;
    }
    return undefined;
  }

  private resolve(numId: number): { key: string; num: NumInstance; abs: AbstractNum } | undefined {
    let num = this.nums.get(numId);
    if (!num) return undefined;
    const own = num;
    let absId = num.abstractId;
    let abs = this.abstracts.get(absId ?? '');
    // A list style's abstractNum only points at the style; its numId leads to the definition.
    for (let hops = 0; abs?.styleLink !== undefined && abs.levels.size === 0 && hops < 4; hops++) {
      const linked = this.nums.get(this.fromStyle(abs.styleLink, 'numId') ?? -1);
      if (!linked) break;
      num = linked;
      absId = linked.abstractId;
      abs = this.abstracts.get(absId ?? '');
    }
    if (!abs) return undefined;
    // Lists sharing an abstractNum continue each other unless an instance restarts (overrides).
    const key = own.overrides.size > 0 ? `n${numId}` : `a${absId}`;
    return { key, num: own.overrides.size > 0 ? own : num, abs };
  }

  /**
   * The label (with its separator) Word shows before the next paragraph with these
   * properties, advancing the counters; '' for unnumbered, bullet and 'none' paragraphs.
   */
  next(p: ParagraphNumbering): string {
    const styleId = p.styleId ?? this.defaultStyle;
    const numId = p.numId ?? this.fromStyle(styleId, 'numId');
    if (numId === undefined || numId === 0) return '';
    const list = this.resolve(numId);
    if (!list) return '';
    const { key, num, abs } = list;
    let ilvl = p.ilvl ?? this.fromStyle(styleId, 'ilvl');
    if (ilvl === undefined) {
      ilvl = 0;
      for (const [l, level] of abs.levels) if (styleId !== undefined && level.pStyle === styleId) ilvl = l;
    }
    if (ilvl < 0 || ilvl >= LEVELS) return '';
    const levelOf = (l: number): Level | undefined => num.overrides.get(l)?.level ?? abs.levels.get(l);
    const startOf = (l: number): number => num.overrides.get(l)?.start ?? levelOf(l)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) return '';

    let values = this.counters.get(key);
    if (!values) this.counters.set(key, (values = new Array<number | undefined>(LEVELS).fill(undefined)));
    const current = values[ilvl];
    values[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let m = ilvl + 1; m < LEVELS; m++) {
      const after = levelOf(m)?.restart ?? m;
      if (ilvl < after) values[m] = undefined;
    }

    if (level.numFmt === 'bullet') return '';
    const label = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = values[l] ?? startOf(l);
      return formatNumber(value, level.isLgl ? 'decimal' : (levelOf(l)?.numFmt ?? 'decimal'));
    });
    if (label === '' || level.suffix === 'nothing') return label;
    // Word puts a tab (or space) after the label; CJK labels (一、 （一）) need no gap in text.
    return label.charCodeAt(label.length - 1) >= 0x2e80 ? label : `${label} `;
  }
}

// ─── document text ──────────────────────────────────────────────────────────

interface Paragraph {
  parts: string[];
  numbering: ParagraphNumbering;
  /** Tracked deletion of the paragraph mark: the text joins the next paragraph. */
  markDeleted: boolean;
}

/**
 * The document's non-empty paragraphs in order, each with its list label. Handles tables,
 * content controls (placeholder text skipped), text boxes (mc:Choice only, never the VML
 * fallback copy), tracked changes (deletions and moved-from text skipped), field codes
 * (result kept), hidden runs, tabs and soft breaks.
 */
export function extractParagraphs(parts: DocxParts): string[] {
  const numbering = new ListNumbering(parts.numbering, parts.styles);
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  const runHidden: boolean[] = [];
  const fields: boolean[] = []; // per open field: still in its instruction part
  let inCode = 0;
  const alternates: boolean[] = []; // per mc:AlternateContent: a branch was taken
  const placeholders: boolean[] = []; // per w:sdt: showing placeholder text
  let skipDepth = 0;
  let carry = '';

  const emit = (s: string): void => {
    const p = paragraphs[paragraphs.length - 1];
    if (p && inCode === 0 && !runHidden[runHidden.length - 1]) p.parts.push(s);
  };
  const finish = (p: Paragraph): void => {
    const text = carry + p.parts.join('');
    if (p.markDeleted) {
      carry = text;
      return;
    }
    carry = '';
    const line = (numbering.next(p.numbering) + text.trim()).replace(/[\r\n\v\f\u0085\u2028\u2029]/g, ' ').trim();
    if (line) lines.push(line);
  };

  walkXml(parts.document, {
    open(name, attr, path) {
      if (skipDepth) return;
      const depth = path.length;
      const parent = path[depth - 2];
      const grand = path[depth - 3];
      const p = paragraphs[paragraphs.length - 1];
      switch (name) {
        case 'w:p':
          paragraphs.push({ parts: [], numbering: {}, markDeleted: false });
          return;
        case 'w:pStyle':
          if (p && parent === 'w:pPr') p.numbering.styleId = attr('val');
          return;
        case 'w:numId':
        case 'w:ilvl':
          if (p && parent === 'w:numPr' && grand === 'w:pPr') {
            p.numbering[name === 'w:numId' ? 'numId' : 'ilvl'] = toInt(attr('val'));
          }
          return;
        case 'w:del':
        case 'w:moveFrom':
          if (parent === 'w:rPr' && grand === 'w:pPr') {
            if (p) p.markDeleted = true;
          } else {
            skipDepth = depth;
          }
          return;
        case 'w:r':
          runHidden.push(false);
          return;
        case 'w:vanish':
          if (parent === 'w:rPr' && grand === 'w:r') runHidden[runHidden.length - 1] = isOn(attr('val'));
          return;
        case 'w:fldChar': {
          const type = attr('fldCharType');
          if (type === 'begin') {
            fields.push(true);
            inCode++;
          } else if (type === 'separate' && fields[fields.length - 1]) {
            fields[fields.length - 1] = false;
            inCode--;
          } else if (type === 'end' && fields.length > 0) {
            if (fields.pop()) inCode--;
          }
          return;
        }
        case 'w:tab':
        case 'w:ptab':
          if (parent === 'w:r') emit('\t');
          return;
        case 'w:br':
        case 'w:cr':
          if (parent === 'w:r') emit(' ');
          return;
        case 'w:noBreakHyphen':
          if (parent === 'w:r') emit('-');
          return;
        case 'mc:AlternateContent':
          alternates.push(false);
          return;
        case 'mc:Choice':
        case 'mc:Fallback':
          if (parent !== 'mc:AlternateContent') return;
          if (alternates[alternates.length - 1]) skipDepth = depth;
          else alternates[alternates.length - 1] = true;
          return;
        case 'w:sdt':
          placeholders.push(false);
          return;
        case 'w:showingPlcHdr':
          if (parent === 'w:sdtPr') placeholders[placeholders.length - 1] = isOn(attr('val'));
          return;
        case 'w:sdtContent':
          if (placeholders[placeholders.length - 1]) skipDepth = depth;
          return;
        default:
          // Tracked property changes (w:pPrChange, w:rPrChange …) hold the old properties.
          if (name.startsWith('w:') && name.endsWith('Change')) skipDepth = depth;
      }
    },
    close(name, path) {
      if (skipDepth) {
        if (path.length === skipDepth) skipDepth = 0;
        return;
      }
      if (name === 'w:p') {
        const p = paragraphs.pop();
        if (p) finish(p);
      } else if (name === 'w:r') runHidden.pop();
      else if (name === 'mc:AlternateContent') alternates.pop();
      else if (name === 'w:sdt') placeholders.pop();
    },
    text(data, path) {
      // Only w:t carries text (w:delText, w:instrText and markup whitespace do not).
      if (!skipDepth && path[path.length - 1] === 'w:t' && path[path.length - 2] === 'w:r') emit(data);
    },
  });
  return lines;
}
