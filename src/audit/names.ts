/**
 * File names from untrusted text (a town's name as the report writes it): only what every file
 * system takes, never a path, unique within one audit (two 城关镇, two years of one town).
 */
import path from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe stem: letters, digits, CJK, - and _; at most 40 characters; never empty or reserved. */
export function safeStem(text: string, fallback: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}_-]+/gu, '_')
      .replace(/^[_.-]+|[_.-]+$/g, '')
      .slice(0, 40);
  const stem = clean(text) || clean(path.basename(fallback, path.extname(fallback))) || '报告';
  return RESERVED.test(stem) ? `${stem}_` : stem;
}

/** Stems for each report: the town and year when known, else the file name; suffixed -2, -3 … when taken. */
export function uniqueStems(items: ReadonlyArray<{ town: string; year: number | null; file: string }>): string[] {
  const taken = new Set<string>();
  return items.map((item) => {
    const base = safeStem(item.town ? `${item.town}${item.year ?? ''}` : '', item.file);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    return stem;
  });
}
