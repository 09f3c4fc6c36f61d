/**
 * Number tokenizer for normalised Chinese report text (half-width digits and
 * ASCII punctuation, no spaces). Pure, dependency-free, linear-time hand scanner.
 */
import { CN_DIGITS, CN_SMALL, MULT_EXP, parseChineseNumeral, scaleDecimal } from '../text/numerals.js';
import { unitSet } from '../text/unit-set.js';

export interface NumberToken {
  value: number; // 万/亿 applied; percentages as percent value (98.5 for 98.5%)
  unit: string; // '%' for percentages, the measure word after the number, '元' for 万元/亿元, '' if none
  approx: boolean; // 余/多 after, or 近/约/超/逾 before the number, or 左右 after the unit
  start: number; // UTF-16 offset of the number itself (or of 百分之)
  end: number; // exclusive offset after unit (or after number/万/余 when no unit)
  raw: string; // text.slice(start, end)
}

/** Measure words; matched longest-first so 人次 beats 人 and 个月 beats 个. */
const UNITS: ReadonlySet<string> = new Set([
  '个工作日',
  '个百分点',
  '工作日',
  '百分点',
  '平方米',
  '人次',
  '场次',
  '件次',
  '家次',
  '户次',
  '批次',
  '期次',
  '车次',
  '班次',
  '条次',
  '课时',
  '学时',
  '小时',
  '分钟',
  '个月',
  '季度',
  '公里',
  '公顷',
  '件',
  '次',
  '场',
  '个',
  '名',
  '项',
  '份',
  '批',
  '期',
  '家',
  '户',
  '类',
  '条',
  '篇',
  '起',
  '所',
  '村',
  '天',
  '日',
  '月',
  '年',
  '周',
  '元',
  '人',
  '届',
  '轮',
  '本',
  '册',
  '张',
  '套',
  '台',
  '处',
  '座',
  '支',
  '队',
  '组',
  '宗',
  '卷',
  '封',
  '堂',
  '幅',
  '块',
  '辆',
  '米',
  '亩',
  '岁',
]);
const MAX_UNIT_LEN = 4;

/** Arabic digits also take 千 (3千余份); a Chinese run already contains it. */
const ARABIC_MULT_EXP: Readonly<Record<string, number>> = { 千: 3, 万: 4, 亿: 8 };

/** Longer digit runs (ID-card numbers etc.) are identifiers: no token, value stays finite. */
const MAX_INT_DIGITS = 15;

/** Chinese numeral runs longer than this are skipped (keeps suffix retries bounded). */
const MAX_CN_RUN = 24;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The char code at i, or 0 outside the text (where charCodeAt gives NaN): the scanner reads one
 * past a number's end and one before its start, and an optimised function reading out of bounds is
 * thrown away and compiled again. 0 (NUL) is no digit, numeral, unit or mark, as NaN was none.
 */
const codeAt = (text: string, i: number): number => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);

// A flag per UTF-16 code unit: this test runs on every character of every report.
const CN_NUMERAL = unitSet(...Object.keys(CN_DIGITS), ...Object.keys(CN_SMALL), '万', '亿');
const CN_DIGIT = unitSet(...Object.keys(CN_DIGITS));
const DIAN = '点'.charCodeAt(0);
const BAI = '百'.charCodeAt(0);
/** A scanned Chinese numeral must start like a count (not 零件, 千家万户, 百姓). */
const CN_LEAD = unitSet(...Object.keys(CN_DIGITS).filter((ch) => CN_DIGITS[ch] !== 0), '十');
/** 百, 千, 万: alone they count only as 百余/千余/万余. */
const BARE_WITH_YU = unitSet('百千万');
const DI = '第'.charCodeAt(0);
const YI = '一'.charCodeAt(0);
const isCjk = (ch: string | undefined): boolean => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';

/** v × 10^exp, exact for integers and rounded to 15 digits otherwise. */
function applyExp(v: number, exp: number): number {
  if (exp === 0) return v;
  const r = v * 10 ** exp;
  return Number.isInteger(v) ? r : Number(r.toPrecision(15));
}

/** The units matchUnit can return, under their first code unit, longest first. */
const UNITS_AT = new Map<number, string[]>();
for (const unit of [...UNITS].filter((u) => u.length <= MAX_UNIT_LEN).sort((a, b) => b.length - a.length)) {
  const first = unit.charCodeAt(0);
  const list = UNITS_AT.get(first);
  if (list) list.push(unit);
  else UNITS_AT.set(first, [unit]);
}

/** The longest unit at p, or ''. Most numbers are followed by no unit: one lookup says so, no slice. */
function matchUnit(text: string, p: number): string {
  const candidates = UNITS_AT.get(codeAt(text, p));
  if (candidates) for (const unit of candidates) if (text.startsWith(unit, p)) return unit;
  return '';
}

/** 近/约/超/超过/逾 just before the number, excluding words like 最近, 节约, 签约. */
function hasApproxPrefix(text: string, start: number): boolean {
  const a = text[start - 1];
  const b = text[start - 2];
  if (a === '近') return b !== '最' && b !== '附' && b !== '亲' && b !== '邻';
  if (a === '约') return b === undefined || !'节制签合契预公条违履邀特守婚集'.includes(b);
  if (a === '超' || a === '逾') return true;
  if (a === '过' && b === '超') return true;
  return false;
}

interface Tail {
  end: number;
  exp: number;
  approx: boolean;
  unit: string;
}

// The tail is read after every numeral run (一 starts many words): by char code, since a CJK
// character read as text[p] is a new string, and looking one up as a key hashes it.
const YU = '余'.charCodeAt(0);
const DUO = '多'.charCodeAt(0);
const PERCENT = 37;
const expsAt = (exps: Readonly<Record<string, number>>): ReadonlyMap<number, number> =>
  new Map(Object.entries(exps).map(([ch, exp]) => [ch.charCodeAt(0), exp]));
const MULT_EXP_AT = expsAt(MULT_EXP);
const ARABIC_MULT_EXP_AT = expsAt(ARABIC_MULT_EXP);

/** Reads 余/多, 万/亿, 余/多 and the unit after a number core ending at p. */
function readTail(text: string, p: number, arabic: boolean): Tail {
  let approx = false;
  let exp = 0;
  let c = codeAt(text, p);
  if (c === YU || c === DUO) {
    approx = true;
    c = codeAt(text, ++p);
  }
  const e = (arabic ? ARABIC_MULT_EXP_AT : MULT_EXP_AT).get(c);
  if (e !== undefined) {
    exp = e;
    c = codeAt(text, ++p);
    if (!approx && (c === YU || c === DUO)) {
      approx = true;
      p++;
    }
  }
  let unit: string;
  if (arabic && exp === 0 && codeAt(text, p) === PERCENT) {
    unit = '%';
    p++;
  } else {
    unit = matchUnit(text, p);
    p += unit.length;
  }
  return { end: p, exp, approx, unit };
}

/** 左右 after the unit marks an approximate figure (not included in raw). */
const hasApproxSuffix = (text: string, p: number): boolean => text.startsWith('左右', p);

/** Offset after an optional short "(…)" group, e.g. 一村(社区)一. */
function skipParen(text: string, p: number): number {
  if (text[p] !== '(') return p;
  // Bounded look-ahead (no indexOf) so scanning stays linear.
  for (let q = p + 1; q < text.length && q <= p + 12; q++) if (text[q] === ')') return q + 1;
  return p;
}

/** Word-level false positives for Chinese numerals: 一次性, 一件事, 一条龙, 一村一…, 一起(together). */
function isCnFalsePositive(text: string, value: number, unit: string, end: number): boolean {
  const next = text[end];
  if (unit === '次' && next === '性') return true;
  if (unit === '件' && next === '事') return true;
  if (unit === '人' && (next === '民' || next === '大')) return true;
  if (unit === '条' && next === '龙') return true;
  if (unit === '年' && next === '级') return true;
  if (value === 1) {
    if (text[skipParen(text, end)] === '一') return true;
    if (unit === '起' && isCjk(next) && !'案事纠矛'.includes(next ?? '')) return true;
  }
  return false;
}

interface ArabicCore {
  end: number;
  intStr: string;
  fracStr: string;
}

/** Digits with optional ,ddd thousands groups and .ddd decimals, starting at i. */
function scanArabic(text: string, i: number): ArabicCore {
  let p = i;
  while (p < text.length && isDigit(text.charCodeAt(p))) p++;
  let intStr = text.slice(i, p);
  if (p - i <= 3) {
    // A comma is a thousands mark only before exactly three digits.
    while (
      codeAt(text, p) === 44 &&
      isDigit(codeAt(text, p + 1)) &&
      isDigit(codeAt(text, p + 2)) &&
      isDigit(codeAt(text, p + 3)) &&
      !isDigit(codeAt(text, p + 4))
    ) {
      intStr += text.slice(p + 1, p + 4);
      p += 4;
    }
  }
  let fracStr = '';
  // A '.' is a decimal point only when a digit follows (共5件. is sentence end).
  if (codeAt(text, p) === 46 && isDigit(codeAt(text, p + 1))) {
    let q = p + 1;
    while (q < text.length && isDigit(text.charCodeAt(q))) q++;
    fracStr = text.slice(p + 1, q);
    p = q;
  }
  return { end: p, intStr, fracStr };
}

/** End of the maximal Chinese numeral run at i; 点 counts only between digits. */
function cnRunEnd(text: string, i: number): number {
  let p = i;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (CN_NUMERAL[c] === 1) p++;
    else if (c === DIAN && p > i && CN_DIGIT[codeAt(text, p + 1)] === 1) p++;
    else break;
  }
  return p;
}

function makeToken(
  text: string,
  start: number,
  end: number,
  value: number,
  unit: string,
  approx: boolean,
): NumberToken {
  return { value, unit, approx, start, end, raw: text.slice(start, end) };
}

/** All numbers in text, sorted by start, non-overlapping. */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Char codes, not text[i]: an ideograph read as a string is a new string, once per character of every report.
    const c = text.charCodeAt(i);

    if (isDigit(c)) {
      // Digits glued to ASCII letters are codes (GB50016, V2.0): skip them.
      if (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) {
        while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
        continue;
      }
      const core = scanArabic(text, i);
      // Ordinals (第3次) are not quantities; over-long digit runs are IDs, not counts.
      if (codeAt(text, i - 1) === DI || core.intStr.length > MAX_INT_DIGITS) {
        i = core.end;
        continue;
      }
      const tail = readTail(text, core.end, true);
      const value = scaleDecimal(core.intStr, core.fracStr, tail.exp);
      const approx = tail.approx || hasApproxPrefix(text, i) || (tail.unit !== '' && hasApproxSuffix(text, tail.end));
      out.push(makeToken(text, i, tail.end, value, tail.unit, approx));
      i = tail.end;
      continue;
    }

    if (c === BAI && text.startsWith('百分之', i)) {
      const p = i + 3;
      let valueEnd = -1;
      let value: number | null = null;
      if (isDigit(codeAt(text, p))) {
        const core = scanArabic(text, p);
        if (core.intStr.length <= MAX_INT_DIGITS) value = scaleDecimal(core.intStr, core.fracStr, 0);
        valueEnd = core.end;
      } else {
        const runEnd = cnRunEnd(text, p);
        if (runEnd > p && runEnd - p <= MAX_CN_RUN) {
          value = parseChineseNumeral(text.slice(p, runEnd));
          valueEnd = runEnd;
        }
      }
      if (value !== null) {
        out.push(makeToken(text, i, valueEnd, value, '%', hasApproxPrefix(text, i)));
        i = valueEnd;
      } else {
        i = p;
      }
      continue;
    }

    if (CN_NUMERAL[c] === 1) {
      const runEnd = cnRunEnd(text, i);
      if (codeAt(text, i - 1) === DI || runEnd - i > MAX_CN_RUN) {
        i = runEnd;
        continue;
      }
      // Chinese numerals count only with a unit, so 一是/统一/一体化 are skipped.
      const tail = readTail(text, runEnd, false);
      let tok: NumberToken | null = null;
      if (tail.unit !== '') {
        // Longest valid suffix wins, but a later start only right after a 一 that
        // ends a word (唯一一次 → 一次); 七五期间/十四五 stay unmatched.
        for (let k = i; k < runEnd; k++) {
          if (k > i && text.charCodeAt(k - 1) !== YI) continue;
          const lead = text.charCodeAt(k);
          // Bare 百/千/万 count only as 百余/千余/万余.
          const bareApprox = runEnd - k === 1 && BARE_WITH_YU[lead] === 1 && codeAt(text, runEnd) === YU;
          if (CN_LEAD[lead] !== 1 && !bareApprox) continue;
          const v = parseChineseNumeral(text.slice(k, runEnd));
          if (v === null) continue;
          const value = applyExp(v, tail.exp);
          if (isCnFalsePositive(text, value, tail.unit, tail.end)) break;
          const approx = tail.approx || (k === i && hasApproxPrefix(text, k)) || hasApproxSuffix(text, tail.end);
          tok = makeToken(text, k, tail.end, value, tail.unit, approx);
          break;
        }
      }
      if (tok !== null) {
        out.push(tok);
        i = tok.end;
      } else {
        i = runEnd;
      }
      continue;
    }

    i++;
  }
  return out;
}
