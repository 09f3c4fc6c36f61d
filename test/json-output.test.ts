import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { jsonFormatter, toJson } from '../src/formatters/json.js';
import { runCheck } from '../src/run/batch.js';
import { builtinRules, REPORTS, ROOT } from './helpers.js';

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
});
