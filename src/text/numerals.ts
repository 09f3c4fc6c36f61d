/**
 * Chinese numerals, both ways: reading them (counts in prose, ordinals in heading markers)
 * and writing them (Word list labels). Pure and free of Node APIs: the browser bundle uses it.
 */

// ─── reading ────────────────────────────────────────────────────────────────

/** Digits in counting (两 is 2 in 两万, 〇 is 0 in 二〇二四). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
export const CN_SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** Decimal exponents of multipliers that may follow a number core. */
export const MULT_EXP: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/** Exact decimal scaling: ('2','95',4) → 29500 without float error. */
export function scaleDecimal(intStr: string, fracStr: string, exp: number): number {
  const digits = intStr + fracStr;
  const point = intStr.length + exp;
  if (point >= digits.length) return Number(digits + '0'.repeat(point - digits.length));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** Integer part of a Chinese numeral (no 点). */
function parseChineseInteger(s: string): number | null {
  if (s === '') return null;
  let allDigits = true;
  for (const ch of s) if (!(ch in CN_DIGITS)) allDigits = false;
  if (allDigits) {
    if (s.length === 1) return CN_DIGITS[s] ?? null;
    // Positional form (二〇二四); two digits (三四, 一一) are ranges/typos, not numbers.
    if (s.length < 3 || s.includes('两')) return null;
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGITS[ch] ?? 0);
    return v;
  }

  let yi = 0; // value of the 亿 section, already multiplied
  let wan = 0; // value of the 万 section, already multiplied
  let cur = 0; // below 万
  let pending: number | null = null;
  let lastSmall = Infinity; // enforces 千 > 百 > 十 inside a section
  let lastUnit = 1; // for the colloquial tail: 三千五 = 3500
  let zero = false; // 一百零五: digit after 零 is units, not abbreviated
  let seenWan = false;
  let seenYi = false;
  let consumed = false;

  for (const ch of s) {
    const d = CN_DIGITS[ch];
    const m = CN_SMALL[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (pending !== null) return null;
        zero = true;
      } else {
        if (pending !== null) return null;
        pending = d;
      }
    } else if (m !== undefined) {
      if (m >= lastSmall) return null;
      cur += (pending ?? 1) * m; // implicit 一 in 十二, 百
      pending = null;
      lastSmall = m;
      lastUnit = m;
      zero = false;
    } else if (ch === '万') {
      if (seenWan) return null;
      let sec = cur + (pending ?? 0);
      if (sec === 0) {
        if (consumed) return null;
        sec = 1; // bare 万
      }
      wan = sec * 10000;
      seenWan = true;
      cur = 0;
      pending = null;
      lastSmall = Infinity;
      lastUnit = 10000;
      zero = false;
    } else if (ch === '亿') {
      if (seenYi) return null;
      let sec = wan + cur + (pending ?? 0);
      if (sec === 0) {
        if (consumed) return null;
        sec = 1;
      }
      yi = sec * 1e8;
      seenYi = true;
      seenWan = false;
      wan = 0;
      cur = 0;
      pending = null;
      lastSmall = Infinity;
      lastUnit = 1e8;
      zero = false;
    } else {
      return null;
    }
    consumed = true;
  }
  let tail = 0;
  if (pending !== null) tail = !zero && lastUnit > 1 ? (pending * lastUnit) / 10 : pending;
  return yi + wan + cur + tail;
}

/**
 * '十二'→12, '两'→2, '一百零五'→105, '九十八点五'→98.5, '〇'→0, '百'→100,
 * '三千五'→3500, '一点五万'→15000, '二〇二四'→2024; anything else → null.
 */
export function parseChineseNumeral(s: string): number | null {
  const dot = s.indexOf('点');
  if (dot < 0) return parseChineseInteger(s);
  const intVal = parseChineseInteger(s.slice(0, dot));
  if (intVal === null) return null;
  let frac = s.slice(dot + 1);
  let exp = 0;
  const last = frac.slice(-1);
  const e = MULT_EXP[last];
  if (e !== undefined) {
    exp = e;
    frac = frac.slice(0, -1);
  }
  if (frac === '') return null;
  let fracDigits = '';
  for (const ch of frac) {
    const d = CN_DIGITS[ch];
    if (d === undefined || ch === '两') return null;
    fracDigits += String(d);
  }
  return scaleDecimal(String(intVal), fracDigits, exp);
}

const ORDINAL_DIGITS = '〇一二三四五六七八九';

/**
 * The ordinal of a heading marker's numeral (一 十二 二十 一百零五), for checking that
 * markers run in sequence. Lenient where parseChineseNumeral is strict: an unreadable
 * part counts as 0 (一一 → 0, 十十 → 10, 二〇二四 → 0), and the result is never null.
 */
export function headingOrdinal(text: string): number {
  const digit = (ch: string | undefined): number => (ch === undefined ? 0 : Math.max(0, ORDINAL_DIGITS.indexOf(ch)));
  const hundred = text.indexOf('百');
  if (hundred >= 0) return (digit(text[hundred - 1]) || 1) * 100 + headingOrdinal(text.slice(hundred + 1));
  const ten = text.indexOf('十');
  if (ten >= 0) return (ten === 0 ? 1 : digit(text[ten - 1])) * 10 + digit(text[ten + 1]);
  return digit(text.replace(/^[零〇]/u, ''));
}

// ─── writing ────────────────────────────────────────────────────────────────

/** 1 → 一, 12 → 十二, 99 → 九十九; from 100 on digit by digit (一〇〇), as Word's chineseCounting. */
export function formatChineseCounting(n: number): string {
  if (n < 10) return ORDINAL_DIGITS[n] as string;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return (tens > 1 ? ORDINAL_DIGITS[tens] : '') + '十' + (n % 10 ? ORDINAL_DIGITS[n % 10] : '');
  }
  return formatChineseDigits(n);
}

/** Digit by digit: 2024 → 二〇二四. */
export function formatChineseDigits(n: number): string {
  return [...String(n)].map((d) => ORDINAL_DIGITS[Number(d)]).join('');
}

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

export type GroupedStyle = 'lower' | 'legal' | 'legal-traditional';

const GROUPED: Record<GroupedStyle, Myriad> = {
  lower: MYRIAD_LOWER,
  legal: MYRIAD_LEGAL,
  'legal-traditional': MYRIAD_LEGAL_TRAD,
};

/**
 * Grouped counting for 1–99,999,999: 一百零一, 一千零五 (lower), 壹佰零壹 (legal), 壹仟零貳拾
 * (legal-traditional); null outside that range.
 */
export function formatChineseGrouped(n: number, style: GroupedStyle): string | null {
  return Number.isSafeInteger(n) && n >= 1 && n < 1e8 ? myriad(n, GROUPED[style]) : null;
}
