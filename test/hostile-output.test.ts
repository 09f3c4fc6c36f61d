/**
 * Issue 15, "Terminal and CI output that a report cannot take over": report text (quotes,
 * title, unit, file names, unreadable-input messages) is untrusted. In every format, no raw
 * control character reaches the output and no line starts a GitHub workflow command unless
 * fazhi meant it (the github format's own annotations).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES, loadFormatter, type FormatOptions } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { renderTable } from '../src/formatters/table.js';
import { commandLines, visible } from '../src/shared/safe-text.js';
import type { RunResult } from '../src/report/result.js';
import { checkText } from '../src/report/text.js';
import { builtinRules, readReport } from './helpers.js';
import { runHead } from '../src/run/batch.js';
import { ReportChecker } from '../src/report/checker.js';

const OPTIONS: FormatOptions = { color: false, verbose: true };
// Raw characters no output may carry (CR and LF are the formats' own line ends).
const RAW =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// What the github format writes on purpose: one annotation per line.
const ANNOTATION = /^::(error|warning|notice)( [^:\r\n]*)?::/;

let base: RunResult;

beforeAll(async () => {
  const rules = builtinRules();
  const report = await checkText(readReport('draft-low-mediation.txt'), rules, 'reports/draft-low-mediation.txt');
  base = {
    ...runHead(new ReportChecker(rules), []),
    reports: [report, structuredClone(report)],
    failures: [{ file: 'missing.txt', message: '文件不存在', code: 'input-not-found' }],
    skipped: ['notes.xyz'],
  } as RunResult;
});

/** The run with `text` in every place a report or its file name can put text. */
function hostileRun(text: string): RunResult {
  const run = structuredClone(base);
  run.reports.forEach((r, i) => {
    r.file = `${text}${i}.txt`;
    r.meta.title = text;
    r.meta.body = text;
    r.meta.published = text;
    for (const f of r.findings) {
      for (const e of f.evidence) {
        e.quote = `${text}\n${text}`;
        e.note = text;
      }
    }
  });
  run.failures = [{ file: text, message: `${text}：无法读取`, code: 'input-unreadable' }];
  run.skipped = [text];
  return run;
}

const FRAGMENTS = [
  '::',
  '::error file=README.md,line=1::x',
  '::stop-commands::t',
  '##[error]x',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\x1b[31m',
  '\x1b]0;title\x07',
  '\x9b2J',
  '\x85',
  '\u202e',
  '\u2066',
  '\u200f',
  '\t',
  '\v',
  '%0A',
  '%',
  ',',
  ':',
  ' ',
  '\u3000',
  '报告',
  '<b>',
  '"',
  '|',
  '\\',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `::${s}`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

describe('every format under hostile report text', () => {
  it('never prints a raw control character, nor a line that starts a workflow command it did not mean', async () => {
    const formatters = await Promise.all(FORMAT_NAMES.map(async (n) => [n, await loadFormatter(n)] as const));
    fc.assert(
      fc.property(hostile, (text) => {
        const run = hostileRun(text);
        for (const [name, format] of formatters) {
          const out = format(run, OPTIONS);
          expect(RAW.test(out), `${name}: ${JSON.stringify(text)}`).toBe(false);
          const commands = commandLines(out);
          if (name !== 'github') {
            expect(commands, name).toEqual([]);
            continue;
          }
          // Each command is one annotation fazhi wrote: one per failed finding and unreadable input,
          // then the gate's verdict.
          expect(commands.at(-1)).toMatch(/^::(error|notice) title=fazhi 门禁::[✓✗] /);
          for (const line of commands.slice(0, -1)) expect(line).toMatch(ANNOTATION);
          const failed = run.reports.reduce((n, r) => n + r.findings.filter((f) => f.status === 'fail').length, 0);
          expect(commands).toHaveLength(failed + run.failures.length + 1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the examples from the issue: a title and a file name that are workflow commands', async () => {
    const title = '::error file=README.md,line=1::x';
    const file = '::error file=README.md::pwned.txt';
    for (const name of FORMAT_NAMES) {
      const run = hostileRun(title);
      for (const r of run.reports) r.file = file;
      run.failures = [{ file, message: title, code: 'input-unreadable' }];
      const out = (await loadFormatter(name))(run, OPTIONS);
      const commands = commandLines(out);
      if (name === 'github') for (const line of commands) expect(line).toMatch(ANNOTATION);
      else expect(commands, name).toEqual([]);
      // No annotation names README.md: the file property is the report's own, escaped.
      expect(out).not.toMatch(/^::error file=README\.md/m);
    }
  });
});

describe('stylish and tables', () => {
  it('show controls, CR and bidi overrides visibly in quotes, titles and file names alike', async () => {
    const run = hostileRun('a\x1b[2Jb\rc\u202ed\x9be');
    const out = (await loadFormatter('stylish'))(run, OPTIONS);
    const shown = 'a\\x1b[2Jb\\x0dc\\u202ed\\x9be';
    expect(out).toContain(`${shown}0.txt`); // the file name
    expect(out).toContain(`${shown} · `); // the title
    expect(out).toContain(`“${shown}\\x0a${shown}”`); // a quote
    expect(out).toContain(`（${shown}）`); // a note
    expect(RAW.test(out)).toBe(false);
  });

  it('mark text that would start a command, and escape table cells', () => {
    expect(visible('::error::x')).toBe('\\::error::x');
    expect(visible('  ##[error]x')).toBe('\\  ##[error]x');
    expect(visible('a::b')).toBe('a::b');
    expect(visible(visible('\x1b::'))).toBe('\\x1b::');
    const table = renderTable(['#', 'name'], [['1', '::x\x1b']]);
    expect(table.split('\n')[2]).toBe('1  \\::x\\x1b');
  });

  it('keep colour when asked for it: the only ESC is fazhi’s own', async () => {
    const out = (await loadFormatter('stylish'))(hostileRun('\x1b[8m'), { ...OPTIONS, color: true });
    expect(out).toContain('\\x1b[8m');
    expect(out).not.toContain('\x1b[8m');
  });
});

describe('github', () => {
  it('escapes data and properties exactly as @actions/core does', () => {
    expect(escapeData('50%0A\r\nx')).toBe('50%250A%0D%0Ax');
    expect(escapeProperty('a:b,c%0A\n')).toBe('a%3Ab%2Cc%250A%0A');
  });

  it('writes a %0A inside a quote as %250A and a file name with : and , as properties', async () => {
    const run = hostileRun('x');
    for (const r of run.reports) {
      r.file = 'dir/a:b,c.txt';
      for (const f of r.findings) for (const e of f.evidence) e.quote = '调解%0A成功';
    }
    const out = (await loadFormatter('github'))(run, OPTIONS);
    expect(out).toContain('调解%250A成功');
    expect(out).not.toMatch(/调解%0A/);
    expect(out).toContain('file=dir/a%3Ab%2Cc.txt,');
  });

  it('shows other control characters visibly inside an annotation', async () => {
    const out = (await loadFormatter('github'))(hostileRun('\x1b[31m\u202e'), OPTIONS);
    expect(out).toContain('\\x1b[31m\\u202e');
  });
});
