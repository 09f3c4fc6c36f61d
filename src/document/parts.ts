import type { PartId } from './model.js';

/**
 * How headings name the five statutory parts (normalised text). This is parser
 * knowledge of the genre, not a requirement: rules only ask whether a part exists.
 */
const PART_HEADING_PATTERNS: Array<[PartId, RegExp]> = [
  [
    'measures',
    /主要举措|举措(和|及|与)成效|主要做法|工作开展情况|主要工作(及|和|与)?成效|工作成效|取得的成效|主要成效/,
  ],
  [
    'shortcomings',
    /存在的?(主要)?(问题|不足|困难|短板)|不足(和|及|与)原因|问题(和|及|与)(原因|不足)|短板(和|及)?弱项|差距(和|及)?不足|困难和问题/,
  ],
  ['first-responsible', /第一责任人|党政主要负责人履行|主要负责人履行.{0,10}职责/],
  ['next-year', /下一年度|下一步|下步|(工作|主要)(安排|计划|打算|思路)|明年|今后(的)?工作|努力方向/],
  ['other', /其他需要报告|^其他(有关|相关)?(事项|情况)/],
];

/**
 * Parts named by a heading title. Sub-headings are judged on their first clause
 * only, since run-in headings carry unrelated words further on.
 */
export function classifyHeading(normTitle: string, level: number, reportYear: number | null): PartId[] {
  const text = level > 1 ? (normTitle.split(/[,、]/)[0] ?? normTitle) : normTitle;
  const parts: PartId[] = [];
  for (const [id, re] of PART_HEADING_PATTERNS) if (re.test(text)) parts.push(id);
  // "2026年工作安排" in a 2025 report names the next year's plan even without 下一步.
  if (reportYear !== null && !parts.includes('next-year') && text.includes(`${reportYear + 1}年`))
    parts.push('next-year');
  return parts;
}
