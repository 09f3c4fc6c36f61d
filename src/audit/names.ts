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

/**
 * Stems given one at a time, in input order: the town and year when known, else the file name;
 * suffixed -2, -3 … when taken (so an audit can name each report's files as it arrives).
 */
export function stemmer(): (item: { town: string; year: number | null; file: string }) => string {
  const taken = new Set<string>();
  return (item) => {
    const base = safeStem(item.town ? `${item.town}${item.year ?? ''}` : '', item.file);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    return stem;
  };
}

/** Stems for each report, as stemmer() gives them. */
export function uniqueStems(items: ReadonlyArray<{ town: string; year: number | null; file: string }>): string[] {
  return items.map(stemmer());
}
