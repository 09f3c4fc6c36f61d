/** Word list counters (w:numFmt) rendered as text; the Chinese numerals come from text/numerals. */
import { formatChineseCounting, formatChineseDigits, formatChineseGrouped } from '../../text/numerals.js';

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

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
      return formatChineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return formatChineseDigits(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return formatChineseGrouped(n, 'lower') ?? String(n);
    case 'chineseLegalSimplified':
      return formatChineseGrouped(n, 'legal') ?? String(n);
    case 'ideographLegalTraditional':
      return formatChineseGrouped(n, 'legal-traditional') ?? String(n);
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
