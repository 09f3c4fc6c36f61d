/**
 * Heading markers as real reports write them: 一、 （一） 一是 第一部分 1. （1） ① and Markdown #.
 * Two readers share this home, with the differences they have always had:
 *
 * - `outlineMarker` (document stage) reads a normalised line ((一) for （一）, . for ．) and
 *   gives the outline level. Chinese numbers: 一 to 十 only, at most three characters;
 *   第…部分 is the only 第 form; 1. and 1、 are one kind; ① to ⑳.
 * - `headingMarker` (PDF paragraph joining) reads the raw line (full-width forms accepted) and
 *   gives the marker's kind and ordinal, to tell a new heading from a wrapped line. Chinese
 *   numbers also take 百 零 〇 and any length; 第一章 第一节 第一条 第一篇 第一， as well; 1、 1. 1)
 *   are separate kinds; ⑴ ⒈ ❶ and 【 too; no Markdown.
 */
import { headingOrdinal } from './numerals.js';

/** The Chinese digits every marker reader accepts (一 … 十). */
const HAN_ORDINAL = '一二三四五六七八九十';

// ─── outline levels (normalised text) ──────────────────────────────────────

export type OutlineLevel = 1 | 2 | 3 | 4;

const HAN_NUM = `[${HAN_ORDINAL}]{1,3}`;
const CIRCLED_1_20 = '\u2460-\u2473'; // ① … ⑳

const OUTLINE_MARKERS: Array<{ level: OutlineLevel; re: RegExp }> = [
  // Markdown ATX headings (# …, ## …): the number of # is the level.
  { level: 1, re: /^(#(?!#))/ },
  { level: 2, re: /^(##(?!#))/ },
  { level: 3, re: /^(###(?!#))/ },
  { level: 4, re: /^(#{4,6})/ },
  { level: 1, re: new RegExp(`^(${HAN_NUM}[、.])`) },
  { level: 1, re: new RegExp(`^(第${HAN_NUM}部分[、.:]?)`) },
  { level: 2, re: new RegExp(`^(\\(${HAN_NUM}\\)[、.]?)`) },
  { level: 3, re: new RegExp(`^(${HAN_NUM}是[:,]?)`) },
  { level: 4, re: /^(\d{1,2}[、.](?!\d))/ },
  { level: 4, re: /^(\(\d{1,2}\)[、.]?)/ },
  { level: 4, re: new RegExp(`^([${CIRCLED_1_20}])`) },
];
/** The markers after the Markdown ones. */
const NUMBERED_MARKERS = OUTLINE_MARKERS.slice(4);

export interface OutlineMarker {
  level: OutlineLevel;
  /** The marker as written at the start of the line (# included). */
  marker: string;
}

/**
 * The heading marker a normalised line starts with and its outline level (一、 1, （一） 2,
 * 一是 3, 1. （1） ① 4). After Markdown #, a numbered marker gives the level instead of the #
 * count: "## 一、主要举措和成效" is level 1 with marker "## 一、" (the space is already gone).
 */
export function outlineMarker(normLine: string): OutlineMarker | null {
  for (const { level, re } of OUTLINE_MARKERS) {
    const m = re.exec(normLine);
    if (!m) continue;
    const marker = m[1] as string;
    if (!marker.startsWith('#')) return { level, marker };
    const after = normLine.slice(marker.length);
    for (const inner of NUMBERED_MARKERS) {
      const n = inner.re.exec(after);
      if (n) return { level: inner.level, marker: marker + (n[1] as string) };
    }
    return { level, marker };
  }
  return null;
}

// ─── kinds and ordinals (raw text) ──────────────────────────────────────────

/** A heading marker: its kind (一、 and （一） are different kinds) and its ordinal (0 when none). */
export interface HeadingMarker {
  kind: string;
  value: number;
}

const CN_NUM = `[${HAN_ORDINAL}百零〇]+`;

const MARKERS: Array<[kind: string, re: RegExp]> = [
  ['cn、', new RegExp(`^(${CN_NUM})[、.．]`, 'u')], // 一、
  ['(cn)', new RegExp(`^[（(](${CN_NUM})[）)]`, 'u')], // （一） (一)
  ['cn是', new RegExp(`^([${HAN_ORDINAL}]+)是`, 'u')], // 一是
  ['第cn', new RegExp(`^第(${CN_NUM})[章节条部分篇，,、]`, 'u')], // 第一章 第一，
  ['n、', /^([0-9０-９]{1,2})、/u], // 1、
  ['n.', /^([0-9０-９]{1,2})[.．](?![0-9０-９])/u], // 1. (not 1.5)
  ['(n)', /^[（(]([0-9０-９]{1,2})[）)]/u], // （1） (1)
  ['n)', /^([0-9０-９]{1,2})[）)]/u], // 1）
  ['①', /^([\u2460-\u2473])/u],
  ['⑴', /^([\u2474-\u2487])/u],
  ['⒈', /^([\u2488-\u249B])/u],
  ['❶', /^([\u2776-\u277F])/u],
  ['【', /^[【〖]/u], // 【标题】
];

/** The heading marker a raw line starts with (一、 （一） 一是 第一章 1. 1、 （1） ① …), if any. */
export function headingMarker(text: string): HeadingMarker | null {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[1] ?? '';
    let value: number;
    if (/^[0-9０-９]+$/u.test(raw)) value = Number(raw.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)));
    else if (/^[\u2460-\u249B\u2776-\u277F]$/u.test(raw)) {
      const cp = raw.codePointAt(0)!;
      value = cp - (cp >= 0x2776 ? 0x2776 : cp >= 0x2488 ? 0x2488 : cp >= 0x2474 ? 0x2474 : 0x2460) + 1;
    } else value = headingOrdinal(raw); // 0 for 【, which has no numeral
    return { kind, value };
  }
  return null;
}
