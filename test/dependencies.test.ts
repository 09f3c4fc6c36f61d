import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');
/** The pipeline, lowest first: a folder imports only from folders before it (or itself). */
const LAYERS = [
  'shared',
  // text/ is pure string work (normalisation, numerals, heading markers) that the format readers use too.
  'text',
  'ingest',
  'document',
  'packs',
  'facts',
  'engine',
  'score',
  'config',
  'report',
  'formatters',
  // The annotated Word copy: a report's result written into the draft (CLI and self-check page).
  'annotate',
  // Year over year for one town (fazhi compare): plans against results, copied text.
  'compare',
  'run',
  // The county's batch audit (fazhi audit): dashboard, workbook, feedback, annotated copies.
  'audit',
  'cli',
  'web',
  '(root)',
];
/**
 * The one wrong-way edge, and why: a rule's `check` is typed by the check modules' own schemas
 * (type-only imports, erased at run time). Nothing may be added; a fixed edge must leave the list.
 */
const KNOWN = new Set(['packs/model.ts → engine']);
/** Stages the self-check page bundles: nothing from Node (see test/browser-core.test.ts). */
const BROWSER_CORE = ['text', 'document', 'facts', 'engine', 'score'];

const folderOf = (file: string): string => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : '(root)';
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

/** Wrong-way edges as `file → folder`. */
export function wrongWay(files: ReadonlyArray<{ file: string; imports: string[] }>): string[] {
  const out: string[] = [];
  for (const { file, imports } of files) {
    const from = folderOf(file);
    for (const spec of imports) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(path.resolve(path.dirname(file), spec));
      if (LAYERS.indexOf(to) > LAYERS.indexOf(from))
        out.push(`${path.relative(SRC, file).split(path.sep).join('/')} → ${to}`);
    }
  }
  return [...new Set(out)];
}

const files = sourceFiles(SRC).map((file) => ({ file, imports: importsOf(file) }));

describe('dependencies run one way along the pipeline', () => {
  it('every folder of src/ has a layer', () => {
    const folders = new Set(files.map((f) => folderOf(f.file)));
    expect([...folders].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it('no module imports from a later stage', () => {
    expect(wrongWay(files).filter((e) => !KNOWN.has(e))).toEqual([]);
  });

  it('the known exception is type-only and still there (the list cannot go stale)', () => {
    expect(wrongWay(files).filter((e) => KNOWN.has(e))).toEqual([...KNOWN]);
    const model = fs.readFileSync(path.join(SRC, 'packs/model.ts'), 'utf8');
    const toEngine = model.split('\n').filter((l) => l.includes("'../engine/"));
    expect(toEngine.length).toBeGreaterThan(0);
    expect(toEngine.every((l) => /^(import|export) type /.test(l))).toBe(true);
  });

  it('catches a wrong-way import', () => {
    const fake = [
      { file: path.join(SRC, 'packs/x.ts'), imports: ['../facts/presence.js', './model.js'] },
      { file: path.join(SRC, 'facts/y.ts'), imports: ['../packs/model.js', '../document/model.js'] },
    ];
    expect(wrongWay(fake)).toEqual(['packs/x.ts → facts']);
  });

  it('the core stages import nothing from Node', () => {
    const fromNode = files
      .filter((f) => BROWSER_CORE.includes(folderOf(f.file)))
      .flatMap((f) =>
        f.imports.filter((s) => s.startsWith('node:')).map((s) => `${path.relative(SRC, f.file)} → ${s}`),
      );
    expect(fromNode).toEqual([]);
  });
});
