import type { Heading } from './model.js';

/**
 * Heading markers as real reports write them (on the normalised line: （一） is already (一)).
 * Level numbers give the nesting; a report may skip levels (一、 then 1.).
 */
const HAN_NUM = '[一二三四五六七八九十]{1,3}';
const MARKERS: Array<{ level: Heading['level']; re: RegExp }> = [
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
  { level: 4, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/ },
];

/** Longest heading text kept when the heading runs into its paragraph. */
const MAX_TITLE = 60;

export interface HeadingMatch {
  level: Heading['level'];
  marker: string;
  /** Normalised offsets of the title within the normalised line. */
  titleStart: number;
  titleEnd: number;
}

/**
 * Recognise a heading at the start of a normalised line. The title stops at the
 * first full stop, colon or semicolon: many reports run the heading into the text
 * ("二、加强法治政府建设，推动党政主要负责人履行……。古尔图镇……").
 */
export function matchHeading(normLine: string): HeadingMatch | null {
  for (const marker of MARKERS) {
    const m = marker.re.exec(normLine);
    if (!m) continue;
    let text = m[1] as string;
    let level = marker.level;
    // "## 一、主要举措和成效": the Chinese numbering, not the Markdown depth, gives the level.
    if (text.startsWith('#')) {
      const inner = MARKERS.slice(4).find(({ re }) => re.test(normLine.slice(text.length)));
      if (inner) {
        text += (inner.re.exec(normLine.slice(text.length)) as RegExpExecArray)[1] as string;
        level = inner.level;
      }
    }
    const markerText = text;
    const rest = normLine.slice(markerText.length);
    if (rest.length === 0) return null;
    const stop = rest.search(/[。:;!?]/);
    let titleLen = stop === -1 ? rest.length : stop;
    if (titleLen > MAX_TITLE) titleLen = MAX_TITLE;
    return { level, marker: markerText, titleStart: markerText.length, titleEnd: markerText.length + titleLen };
  }
  return null;
}
