import { toOriginalSpan } from '../text/normalize.js';
import { matchHeading } from './headings.js';
import type { DocLine, DocumentMeta } from './model.js';

const TITLE_MAX = 60;

/** A short line with no sentence punctuation: part of a title block. */
function isTitleish(norm: string): boolean {
  return (
    norm.length > 0 && norm.length <= TITLE_MAX && !/[。;:,]$/.test(norm) && !/[。;]/.test(norm) && !/^现将/.test(norm)
  );
}

/**
 * The title is the first one to three short lines before the body, joined (portals
 * and Word often break it: "乌苏市古尔图镇2024年法治政府" / "建设工作报告").
 */
function findTitle(lines: DocLine[]): { title: string; line: number; lines: number[] } | null {
  const candidates: DocLine[] = [];
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'chrome') {
      if (candidates.length > 0 && line.kind === 'blank') break;
      continue;
    }
    // A Markdown "# 标题" line is a title candidate; a numbered heading (一、…) ends the title block.
    const markdownTitle = /^#(?!#)/.test(line.norm.text) && !matchHeading(line.norm.text.replace(/^#+/, ''));
    if (!markdownTitle && (line.kind === 'heading' || matchHeading(line.norm.text) || !isTitleish(line.norm.text)))
      break;
    candidates.push(line);
    if (candidates.length === 3) break;
  }
  if (candidates.length === 0) return null;
  const joined = candidates.map((l) => l.norm.text).join('');
  if (!/报告|法治政府|法治建设/.test(joined)) return null;
  return {
    title: candidates.map((l) => l.original.trim().replace(/^#\s*/, '')).join(''),
    line: (candidates[0] as DocLine).number,
    lines: candidates.map((l) => l.number),
  };
}

const GENERIC_BODIES = new Set([
  '乡镇',
  '城乡',
  '全镇',
  '我镇',
  '本镇',
  '各镇',
  '该镇',
  '全乡',
  '我乡',
  '本乡',
  '各乡',
  '该乡',
  '集镇',
  '城镇',
  '村镇',
  '街道',
  '各街道',
  '本街道',
  '我街道',
]);

/**
 * The issuing township: the last few Han characters before 镇/乡/街道/苏木, with any
 * county or city prefix (乌苏市古尔图镇 → 古尔图镇) and function words cut off.
 */
export function findBody(text: string): string | null {
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2,12}?(?:镇|乡|街道|苏木)(?![村镇政级里长])/g)) {
    let name = m[0];
    // Keep only what follows the last administrative prefix or function word.
    const cut = Math.max(
      ...['省', '市', '县', '区', '旗', '州', '盟', '的', '在', '于', '将', '对'].map((c) =>
        name.lastIndexOf(c, name.length - 2),
      ),
    );
    if (cut >= 0) name = name.slice(cut + 1);
    if (name.length < 2 || GENERIC_BODIES.has(name) || /(城乡|乡镇|城镇|村镇)$/.test(name)) continue;
    const suffix = /(街道|苏木|镇|乡)$/.exec(name)?.[0] ?? '';
    if (name.length - suffix.length < 1) continue;
    return name;
  }
  return null;
}

/** The year under report: from the title, else the first paragraph (现将2024年度…). */
export function findYear(text: string): number | null {
  const m = /(20\d\d)\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * A name read from the matching form, in the characters the report writes it with (三張鎮 for a
 * traditional mirror, not the simplified form the rules matched).
 */
function asWritten(name: string | null, lines: DocLine[]): string | null {
  if (!name) return null;
  for (const line of lines) {
    const at = line.norm.text.indexOf(name);
    if (at < 0) continue;
    const [start, end] = toOriginalSpan(line.norm, at, at + name.length);
    const written = line.original.slice(start, end);
    return written.length === name.length ? written : name;
  }
  return name;
}

export function extractMeta(
  lines: DocLine[],
): Pick<DocumentMeta, 'title' | 'body' | 'year' | 'titleLine'> & { titleLines: number[] } {
  const title = findTitle(lines);
  const paragraphs = lines.filter((l) => l.kind === 'body' && !title?.lines.includes(l.number)).slice(0, 2);
  const firstParagraph = paragraphs[0]?.norm.text ?? '';
  const secondParagraph = paragraphs[1]?.norm.text ?? '';
  // The title's matching form (simplified, whitespace out): body and year are read from it.
  const titleLines = lines.filter((l) => title?.lines.includes(l.number));
  const titleNorm = titleLines.map((l) => l.norm.text).join('');
  const opening = `${firstParagraph}${secondParagraph}`;
  return {
    title: title?.title ?? null,
    titleLine: title?.line ?? null,
    titleLines: title?.lines ?? [],
    body: asWritten(findBody(titleNorm), titleLines) ?? asWritten(findBody(opening), paragraphs),
    year: findYear(titleNorm) ?? findYear(opening),
  };
}
