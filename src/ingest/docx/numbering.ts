/** Word's automatic list numbering: numbering.xml and styles.xml definitions plus running counters. */
import { formatNumber } from './number-format.js';
import { isOn, toInt, walkXml } from './xml.js';

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
