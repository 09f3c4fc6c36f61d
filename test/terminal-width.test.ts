/**
 * Issue 16: on a terminal, stylish output wraps to the terminal's width (CJK characters take
 * two columns); in a pipe, a file or CI it is written unwrapped, exactly as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config/load.js';
import { shownQuote, stylishFormatter } from '../src/formatters/stylish.js';
import { renderTable } from '../src/formatters/table.js';
import { units, wrapSpans, wrapText } from '../src/formatters/wrap.js';
import { loadPackSet } from '../src/packs/load.js';
import { Checker } from '../src/report/checker.js';
import type { RunResult } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';
import { ROOT } from './helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/**
 * Two sample reports made harder for a layout (a long file name and title, escapes, rare
 * characters and emoji in quotes, Latin text, a failure, skipped files, a baseline), and what
 * stylish printed for it before wrapping existed (with and without colour).
 */
const hard = (): RunResult => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'stylish-run.json'), 'utf8')) as RunResult;
const BEFORE = fs.readFileSync(path.join(FIXTURES, 'stylish-unwrapped.txt'), 'utf8');
const BEFORE_COLOR = fs.readFileSync(path.join(FIXTURES, 'stylish-unwrapped-color.txt'), 'utf8');

const OPTIONS = { verbose: false, exitCode: 2, failOn: 'error' as const };
const ANSI = /\u001b\[[0-9;]*m/g;
const lines = (text: string) => text.replace(ANSI, '').split('\n');
/** The text with the breaks a hanging indent of `indent` columns inserted taken out again. */
const rejoin = (text: string, indent: number) =>
  text
    .replace(ANSI, '')
    .split(`\n${' '.repeat(indent)}`)
    .join('');
const count = (text: string, part: string) => text.split(part).length - 1;

let samples: RunResult;
beforeAll(async () => {
  samples = await runCheck(['reports/'], new Checker(loadPackSet(), emptyConfig(ROOT)), { jobs: 1 });
  expect(samples.reports.length).toBeGreaterThanOrEqual(5);
});

const runs = () =>
  [
    ['the sample reports', samples],
    ['the hard fixture', hard()],
  ] as const;

describe.each([80, 120])('stylish at %i columns', (columns) => {
  it.each([false, true])('no line is wider than the terminal (colour %s)', (color) => {
    for (const [name, run] of runs()) {
      const out = stylishFormatter(run, { ...OPTIONS, color, columns });
      const wide = lines(out).filter((l) => stringWidth(l) > columns);
      expect(wide, name).toEqual([]);
      // Something did wrap: the unwrapped output has wider lines.
      expect(lines(stylishFormatter(run, { ...OPTIONS, color })).some((l) => stringWidth(l) > columns)).toBe(true);
    }
  });

  it('every rule id stays whole on one line, as often as unwrapped', () => {
    for (const [name, run] of runs()) {
      const wrapped = lines(stylishFormatter(run, { ...OPTIONS, color: false, columns }));
      const flat = stylishFormatter(run, { ...OPTIONS, color: false });
      const ids = new Set(
        run.reports.flatMap((r) => r.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId)),
      );
      expect(ids.size, name).toBeGreaterThan(3);
      for (const id of ids) {
        const shown = count(flat, `  ${id}`);
        expect(shown, id).toBeGreaterThan(0);
        expect(
          wrapped.reduce((n, l) => n + count(l, id), 0),
          `${name}: ${id}`,
        ).toBe(count(flat, id));
      }
    }
  });

  it('every quote is given back exactly when the wrapped pieces are joined', () => {
    for (const [name, run] of runs()) {
      const wrapped = stylishFormatter(run, { ...OPTIONS, color: true, columns });
      const joined = rejoin(wrapped, 10);
      const flat = stylishFormatter(run, { ...OPTIONS, color: false });
      let quotes = 0;
      for (const r of run.reports)
        for (const f of r.findings)
          for (const e of f.evidence) {
            if (f.status !== 'fail') continue;
            const quote = `“${shownQuote(e.quote)}”`;
            expect(flat, name).toContain(quote);
            expect(joined, `${name}: ${quote}`).toContain(quote);
            quotes++;
          }
      expect(quotes).toBeGreaterThan(3);
    }
    // The hard quotes did break (else this proves nothing) and kept their runs of spaces.
    if (columns > 100) return;
    const hardOut = stylishFormatter(hard(), { ...OPTIONS, color: false, columns });
    expect(hardOut).not.toContain('“The township   held 12 public legal lectures, with  double  spaces ke…”');
    expect(rejoin(hardOut, 10)).toContain('“The township   held 12 public legal lectures, with  double  spaces ke…”');
  });

  it('never breaks an escape, a surrogate pair or an emoji', () => {
    const out = stylishFormatter(hard(), { ...OPTIONS, color: false, columns });
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    for (const piece of ['\\u202e', '\\x1b', '𠀀', '👩‍👩‍👧', '🇨🇳'])
      expect(
        lines(out).some((l) => l.includes(piece)),
        piece,
      ).toBe(true);
  });

  it('the score banner wraps between its items only', () => {
    for (const [name, run] of runs()) {
      const wrapped = lines(stylishFormatter(run, { ...OPTIONS, color: false, columns }));
      for (const r of run.reports) {
        const start = wrapped.findIndex((l) =>
          l.startsWith(`  得分 ${r.score.total.toFixed(1)} / 100  ${r.score.grade}`),
        );
        expect(start, name).toBeGreaterThan(0);
        const banner = wrapped.slice(start).join('\n').split('\n\n')[0] as string;
        for (const a of r.score.areas)
          expect(banner.split('\n').some((l) => l.includes(`${a.title} ${a.score}/${a.max}`))).toBe(true);
        // Lines start with an item or end with one: no separator is left dangling.
        for (const l of banner.split('\n')) expect(l).not.toMatch(/^\s*·|·\s*$/);
      }
    }
  });

  it('tables keep their columns aligned and their cells whole', () => {
    const out = stylishFormatter(hard(), { ...OPTIONS, color: false, columns });
    const table = out.slice(out.indexOf('排名\n')).split('\n\n')[0]?.split('\n').slice(1) ?? [];
    const header = table[0] as string;
    const at = (line: string, cell: string) => stringWidth(line.slice(0, line.indexOf(cell)));
    for (const row of table.slice(2).filter((l) => /^\d/.test(l))) {
      expect(at(row, '2024') >= 0 || at(row, '2025') >= 0).toBe(true);
      const year = row.includes('2024') ? '2024' : '2025';
      expect(at(row, year)).toBe(at(header, '年度'));
      expect(at(row, '政府职能')).toBe(at(header, '最弱领域'));
    }
    // The long town names wrapped under their own column.
    if (columns < 100) expect(table.some((l) => /^ {3}\S/.test(l))).toBe(true);
  });
});

describe('unwrapped when the width is unknown (a pipe, a file, CI)', () => {
  it('is byte for byte what stylish printed before wrapping existed', () => {
    expect(stylishFormatter(hard(), { ...OPTIONS, color: false })).toBe(BEFORE);
    expect(stylishFormatter(hard(), { ...OPTIONS, color: true })).toBe(BEFORE_COLOR);
  });

  it('is what an unboundedly wide terminal shows', () => {
    for (const color of [false, true])
      expect(stylishFormatter(samples, { ...OPTIONS, color, columns: Number.MAX_SAFE_INTEGER })).toBe(
        stylishFormatter(samples, { ...OPTIONS, color }),
      );
  });
});

describe('renderTable', () => {
  const rows = [
    [
      'mediation/success-rate',
      'warning',
      '矛盾纠纷化解',
      '矛盾纠纷调解成功率不低于规定比例，并写明受理和成功调解的件数',
    ],
    [
      'digital/platform',
      'info',
      'Digital government',
      'Reports use of the online platform for administrative services',
    ],
    ['study/xi-thought', 'warning', '学习贯彻习近平法治思想', '学习习近平法治思想'],
  ];
  const header = ['rule 规则', 'severity', 'area 领域', 'title 标题'];

  it.each([undefined, 70, 80, 120])('aligns CJK and Latin cells at %s columns', (columns) => {
    const out = renderTable(header, rows, columns === undefined ? {} : { columns });
    const table = out.split('\n');
    if (columns !== undefined) expect(table.filter((l) => stringWidth(l) > columns)).toEqual([]);
    const starts = (line: string) => {
      const out: number[] = [];
      let col = 0;
      let gap = 0;
      for (const u of units(line)) {
        if (u === ' ') gap++;
        else {
          if (col === 0 || gap >= 2) out.push(col + gap);
          col += gap + stringWidth(u);
          gap = 0;
        }
      }
      return out;
    };
    const columnsAt = starts(table[0] as string);
    for (const row of rows) {
      const line = table.find((l) => l.startsWith(row[0] as string)) as string;
      // Every row's cells start where the header's do (display columns, CJK counted twice).
      expect(starts(line).slice(0, 3), line).toEqual(columnsAt.slice(0, 3));
      expect(line).toContain(row[0]);
    }
    // Continuation lines of a wrapped cell start under its column.
    for (const l of table.filter((l) => l.startsWith(' '))) expect(starts(l)[0]).toBe(columnsAt[3]);
    // Rejoined, each wrapped title is its text (CJK broken at characters, Latin at spaces).
    const text = table.slice(2).join('\n');
    expect(text.replace(/\n {2,}/g, ' ').replace(/([^\x00-\x7f]) (?=[^\x00-\x7f])/g, '$1')).toContain(
      '矛盾纠纷调解成功率不低于规定比例，并写明受理和成功调解的件数',
    );
  });

  it('on a terminal too narrow for the free text beside the ids, puts it on its own lines', () => {
    const out = renderTable(header, rows, { columns: 44, wrap: [2, 3] });
    expect(out.split('\n').filter((l) => stringWidth(l) > 44)).toEqual([]);
    expect(out).toContain('mediation/success-rate  warning');
    expect(out).toMatch(/\n {4}矛盾纠纷化解 · 矛盾纠纷调解成功率/);
  });
});

const CJK = fc.constantFrom(...'法治政府建设年度报告，。、“”（）《》𠀀𠀁𪚥');
const LATIN = fc.constantFrom(...'abcdefghij XYZ-./:%0123');
const EMOJI = fc.constantFrom('😀', '👩‍👩‍👧', '🇨🇳', '1️⃣', '👍🏽', 'é', '\\u202e', '\\x1b');
const TEXT = fc.array(fc.oneof(CJK, LATIN, EMOJI), { maxLength: 300 }).map((a) => a.join(''));

describe('the wrapper (property)', () => {
  it('exact: the pieces rejoin to the text and none is wider than the line', () => {
    fc.assert(
      fc.property(TEXT, fc.integer({ min: 20, max: 120 }), (text, width) => {
        const pieces = wrapText(text, width, 'exact');
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) expect(stringWidth(p)).toBeLessThanOrEqual(width);
        // No piece starts inside a character or an escape: the cut points are unit boundaries.
        const cuts = new Set(units(text).reduce<number[]>((acc, u) => [...acc, (acc.at(-1) ?? 0) + u.length], [0]));
        let at = 0;
        for (const p of pieces) {
          expect(cuts.has(at)).toBe(true);
          at += p.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('words: only spaces at the breaks are dropped and no line is wider than the width', () => {
    fc.assert(
      fc.property(TEXT, fc.integer({ min: 20, max: 120 }), fc.integer({ min: 0, max: 8 }), (text, width, indent) => {
        const out = wrapSpans([{ text: 'label：', mode: 'atom' }, { text }], width, ' '.repeat(indent));
        const pieces = out.split('\n');
        for (const p of pieces) expect(stringWidth(p)).toBeLessThanOrEqual(width);
        const squash = (s: string) => s.replace(/ /g, '');
        expect(squash(pieces.map((p, i) => (i === 0 ? p : p.slice(indent))).join(''))).toBe(squash(`label：${text}`));
      }),
      { numRuns: 300 },
    );
  });
});
