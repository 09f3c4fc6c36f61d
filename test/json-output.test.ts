import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { jsonFormatter, jsonWriter, reportJson, toJson } from '../src/formatters/json.js';
import { jsonSafe } from '../src/shared/safe-text.js';
import type { Finding } from '../src/engine/model.js';
import type { ReportResult } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';
import { gateVerdict, type Gate } from '../src/formatters/gate.js';
import { summarizeRun } from '../src/report/result.js';
import { main, type CliIO } from '../src/cli/main.js';
import { builtinRules, REPORTS, ROOT, runCli } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/result.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const files = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join('reports', f));

async function runAll(inputs = files) {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return await runCheck(inputs, builtinRules());
  } finally {
    process.chdir(cwd);
  }
}

describe('JSON output', () => {
  it('validates against docs/result.schema.json for every sample report', async () => {
    const json = toJson(await runAll());
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(json.reports).toHaveLength(files.length);
  });

  it('lists every rule once per report, passes included, in pack order', async () => {
    const json = toJson(await runAll());
    const ruleIds = builtinRules().rules.map((r) => r.rule.id);
    for (const report of json.reports) expect(report.findings.map((f) => f.ruleId)).toEqual(ruleIds);
    expect(json.reports.some((r) => r.findings.some((f) => f.status === 'pass'))).toBe(true);
  });

  it('points every evidence quote at the original text (1-based, UTF-16 columns)', async () => {
    const run = await runAll();
    for (const report of run.reports) {
      const lines = readFileSync(path.join(ROOT, report.file), 'utf8').split(/\r\n|\n|\r/);
      for (const f of report.findings) {
        for (const e of f.evidence) {
          expect(lines[e.line - 1]?.slice(e.column - 1, e.endColumn - 1).trim(), `${report.file} ${f.ruleId}`).toBe(
            e.quote,
          );
        }
      }
      for (const m of report.metrics.filter((x) => !x.derived)) {
        expect(lines[m.line - 1]?.includes(m.quote), `${report.file} ${m.id}`).toBe(true);
      }
    }
  });

  it('records unreadable inputs as failures while checking the others', async () => {
    const json = toJson(await runAll(['reports/taojia-2025.txt', 'reports/no-such-file.txt']));
    expect(validate(json)).toBe(true);
    expect(json.reports).toHaveLength(1);
    expect(json.failures).toEqual([
      { file: 'reports/no-such-file.txt', code: 'input-not-found', message: '文件不存在' },
    ]);
    expect(json.summary).toMatchObject({ files: 2, checked: 1, unreadable: 1 });
  });

  it('writes each compact report as JSON.stringify would, findings it has written before included', async () => {
    const run = await runAll();
    const writer = jsonWriter(run, { color: false, verbose: false });
    const expected = (r: ReportResult) => `\n${jsonSafe(JSON.stringify(reportJson(r)))}`;
    const alter = (r: ReportResult, change: (f: Finding, i: number) => Partial<Finding>): ReportResult => ({
      ...r,
      findings: r.findings.map((f, i) => ({ ...f, ...change(f, i) })),
    });
    // Each report, then each field a finding's text is made of changed alone, every time after
    // the report itself: a text made before (a whole finding's, or a rule's fields') must not be
    // taken for it.
    const variants = run.reports.flatMap((r) =>
      [
        ...(['title', 'severity', 'area', 'basis', 'clause', 'fix', 'message'] as const).map((field) =>
          alter(r, (f) => ({ [field]: `${f[field]}·` })),
        ),
        alter(r, (f) => ({ weight: f.weight + 1 })),
        alter(r, (f) => ({ status: f.status === 'pass' ? 'fail' : 'pass' })),
        alter(r, () => ({ suppressed: true })),
        alter(r, () => ({ unknownBasics: ['year'] })),
        // Characters the compact output escapes, in rule text and in what a report says.
        alter(r, (f) => ({ title: `${f.title}\u2028`, message: `\u202e${f.message}\u0085` })),
        alter(r, (f) => ({
          fix: `${f.fix}\u2066`,
          evidence: f.evidence.map((e) => ({ ...e, quote: `${e.quote}\u2029` })),
        })),
      ].flatMap((changed) => [r, changed]),
    );
    // More messages for one rule than a run keeps texts of.
    const many = Array.from({ length: 150 }, (_, n) =>
      alter(run.reports[0] as ReportResult, (_f, i) => (i === 1 ? { message: `第${n % 90}条`, evidence: [] } : {})),
    );
    for (const [i, r] of [...variants, ...many, ...variants].entries()) expect(writer.report(r, i)).toBe(expected(r));
    expect(writer.report(variants[23] as ReportResult, 0)).toContain('\\u2028');
    expect(writer.report(variants[25] as ReportResult, 0)).toContain('\\u2029');
  });

  it('is byte-identical across runs', async () => {
    const a = jsonFormatter(await runAll(), { color: false, verbose: false });
    const b = jsonFormatter(await runAll([...files].reverse().reverse()), { color: false, verbose: false });
    expect(a).toBe(b);
  });

  it('summarises failed findings by severity', async () => {
    const json = toJson(await runAll(['reports/draft-low-mediation.txt']));
    const failed = (severity: string) =>
      json.reports[0]!.findings.filter((f) => f.status === 'fail' && f.severity === severity).length;
    expect(json.summary).toMatchObject({ errors: failed('error'), warnings: failed('warning'), infos: failed('info') });
    expect(json.summary.errors).toBeGreaterThan(0);
  });

  it('fails validation on a field the schema does not document, anywhere', async () => {
    const json = toJson(await runAll(['reports/taojia-2025.txt', 'reports/no-such-file.txt']));
    const report = json.reports[0]!;
    const finding = report.findings.find((f) => f.evidence.length > 0)!;
    const places: Array<[string, Record<string, unknown>]> = [
      ['top level', json as unknown as Record<string, unknown>],
      ['report', report as unknown as Record<string, unknown>],
      ['meta', report.meta],
      ['finding', finding as unknown as Record<string, unknown>],
      ['evidence', finding.evidence[0] as unknown as Record<string, unknown>],
      ['score', report.score as unknown as Record<string, unknown>],
      ['failure', json.failures[0] as unknown as Record<string, unknown>],
      ['summary', json.summary],
      ['gate', json.gate as unknown as Record<string, unknown>],
    ];
    expect(validate(json)).toBe(true);
    for (const [name, place] of places) {
      place.undocumented = 1;
      expect(validate(json), name).toBe(false);
      delete place.undocumented;
    }
    expect(validate(json)).toBe(true);
  });

  it('requires a known code on every failure', async () => {
    const json = toJson(await runAll(['reports/no-such-file.txt']));
    expect(validate(json)).toBe(true);
    (json.failures[0] as { code: string }).code = '文件不存在';
    expect(validate(json)).toBe(false);
  });
});

describe('JSON gate', () => {
  const gate = (extra: Partial<Gate> = {}): Gate => ({ failOn: 'error', minScore: null, maxWarnings: null, ...extra });
  const verdict = async (inputs: string[], g: Gate) => gateVerdict(summarizeRun(await runAll(inputs)), g);
  const TAOJIA = 'reports/taojia-2025.txt'; // warnings only, score 76.3
  const DRAFT = 'reports/draft-low-mediation.txt'; // one error

  const table: Array<[string, string[], Partial<Gate>, string[]]> = [
    ['default gate, warnings only', [TAOJIA], {}, []],
    ['fail-on warning', [TAOJIA], { failOn: 'warning' }, ['fail-on']],
    ['fail-on never with an error', [DRAFT], { failOn: 'never' }, []],
    ['an error at the default gate', [DRAFT], {}, ['fail-on']],
    ['min-score above the score', [TAOJIA], { minScore: 80 }, ['min-score']],
    ['min-score at the score', [TAOJIA], { minScore: 76.3 }, []],
    ['max-warnings below the count', [TAOJIA], { maxWarnings: 3 }, ['max-warnings']],
    [
      'an unreadable input, an error and a low score',
      [DRAFT, 'nope.txt'],
      { minScore: 99 },
      ['unreadable', 'fail-on', 'min-score'],
    ],
  ];
  it.each(table)('%s → reasons %j', async (_name, inputs, extra, reasons) => {
    const v = await verdict(inputs, gate(extra));
    expect(v.reasons).toEqual(reasons);
    expect(v.passed).toBe(reasons.length === 0);
  });

  it('holds each limit beside its count', async () => {
    const run = await runAll([TAOJIA, DRAFT]);
    const json = toJson(run, gate({ failOn: 'warning', minScore: 60, maxWarnings: 1000 }));
    expect(validate(json)).toBe(true);
    const scores = json.reports.map((r) => r.score.total);
    expect(json.gate).toEqual({
      passed: false,
      reasons: ['fail-on', 'min-score'],
      unreadable: 0,
      failOn: 'warning',
      failing: json.summary.errors + json.summary.warnings,
      minScore: 60,
      lowestScore: Math.min(...scores),
      belowMinScore: scores.filter((s) => s < 60).length,
      maxWarnings: 1000,
      warnings: json.summary.warnings,
      message: `✗ 未通过：${json.summary.errors + json.summary.warnings} 个警告及以上问题（--fail-on warning）；得分 ${Math.min(...scores).toFixed(1)} 低于 --min-score 60`,
    });
    expect(json.gate.belowMinScore).toBe(1);
  });

  it('the CLI writes the gate it applies, and its verdict agrees with the exit code', () => {
    for (const [args, code] of [
      [['--fail-on', 'never'], 0],
      [['--min-score', '90'], 1],
      [['--max-warnings', '0', '--fail-on', 'never'], 1],
    ] as const) {
      const r = runCli(['check', TAOJIA, '-f', 'json', ...args]);
      expect(r.code).toBe(code);
      const out = JSON.parse(r.stdout) as {
        gate: { passed: boolean; minScore: number | null; maxWarnings: number | null };
      };
      expect(out.gate.passed).toBe(code === 0);
      expect(out.gate.minScore).toBe(args[0] === '--min-score' ? 90 : null);
      expect(out.gate.maxWarnings).toBe(args[0] === '--max-warnings' ? 0 : null);
    }
  });

  describe('layout: compact to a file or a pipe, indented on a terminal', () => {
    /** main() in-process, standard output a terminal or not. */
    async function checkTo(isTTY: boolean, inputs: string[]) {
      let stdout = '';
      const io: CliIO = { stdout: (t) => void (stdout += t), stderr: () => {}, env: {}, isTTY, stderrIsTTY: false };
      const cwd = process.cwd();
      process.chdir(ROOT);
      try {
        await main(['check', ...inputs, '--no-config', '--no-shared', '--fail-on', 'never', '-f', 'json'], io);
      } finally {
        process.chdir(cwd);
      }
      return stdout;
    }

    it('writes one report a line between a head line and a tail line when not on a terminal', async () => {
      const out = await checkTo(false, files);
      const lines = out.split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines).toHaveLength(files.length + 3);
      expect(lines[0]).toMatch(/^\{"schemaVersion":1,"tool":.*,"reports":\[$/);
      expect(lines.at(-2)).toMatch(/^\],"failures":\[\],.*"gate":\{.*\}\}$/);
      const reports = lines.slice(1, -2).map((l, i) => JSON.parse(i < files.length - 1 ? l.replace(/,$/, '') : l));
      expect(reports.map((r: { file: string }) => r.file)).toEqual(files);
      const value = JSON.parse(out) as ReturnType<typeof toJson>;
      expect(validate(value)).toBe(true);
      expect(JSON.stringify(value)).toBe(out.replace(/\n/g, ''));
    });

    it('indents on a terminal exactly as JSON.stringify(…, null, 2), the same value', async () => {
      const pretty = await checkTo(true, files);
      const value = JSON.parse(pretty) as unknown;
      expect(pretty).toBe(`${JSON.stringify(value, null, 2)}\n`);
      expect(value).toEqual(JSON.parse(await checkTo(false, files)));
      expect(JSON.parse(await checkTo(false, [TAOJIA]))).toEqual(JSON.parse(await checkTo(true, [TAOJIA])));
    });

    it('keeps the compact layout valid with no report at all', async () => {
      const out = await checkTo(false, ['reports/none-such.txt']);
      expect(out.split('\n')).toHaveLength(2);
      const value = JSON.parse(out) as ReturnType<typeof toJson>;
      expect(value.reports).toEqual([]);
      expect(value.failures.map((f) => f.file)).toEqual(['reports/none-such.txt']);
    });
  });
});
