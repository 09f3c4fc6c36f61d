import type { Finding } from '../engine/model.js';
import type { AreaDef, GradeBand } from '../packs/model.js';

export interface AreaScore {
  id: string;
  title: string;
  score: number;
  max: number;
}

export interface Deduction {
  ruleId: string;
  points: number;
}

export interface Score {
  total: number;
  grade: string;
  areas: AreaScore[];
  /** Points each failed rule cost, largest first. */
  deductions: Deduction[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Weighted score: each area is worth its weight; within an area, applicable rules
 * share it by rule weight. Areas with no applicable rule drop out and the rest are
 * scaled to 100, so a not-applicable rule never costs points. Info findings are notes
 * for the reader (common practice, nice to have): they are never scored.
 */
export function computeScore(findings: Finding[], areas: Map<string, AreaDef>, grades: GradeBand[]): Score {
  const byArea = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.status === 'not-applicable' || f.weight <= 0 || f.severity === 'info') continue;
    if (!byArea.has(f.area)) byArea.set(f.area, []);
    (byArea.get(f.area) as Finding[]).push(f);
  }
  const scoredWeight = [...byArea.keys()].reduce((sum, id) => sum + (areas.get(id)?.weight ?? 0), 0);
  const scale = scoredWeight > 0 ? 100 / scoredWeight : 0;

  const areaScores: AreaScore[] = [];
  const deductions: Deduction[] = [];
  let total = 0;
  for (const area of areas.values()) {
    const list = byArea.get(area.id);
    if (!list) continue;
    const ruleWeight = list.reduce((s, f) => s + f.weight, 0);
    const earned = list.filter((f) => f.status === 'pass').reduce((s, f) => s + f.weight, 0);
    const max = area.weight * scale;
    const score = ruleWeight > 0 ? (max * earned) / ruleWeight : max;
    total += score;
    areaScores.push({ id: area.id, title: area.title, score: round1(score), max: round1(max) });
    for (const f of list)
      if (f.status === 'fail') deductions.push({ ruleId: f.ruleId, points: round1((max * f.weight) / ruleWeight) });
  }
  // Code-unit order, not localeCompare: the same on every machine, and no ICU collator to load.
  deductions.sort((a, b) => b.points - a.points || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const totalRounded = scoredWeight > 0 ? round1(total) : 100;
  const grade = grades.find((g) => totalRounded >= g.min)?.name ?? grades[grades.length - 1]?.name ?? '';
  return { total: totalRounded, grade, areas: areaScores, deductions };
}
