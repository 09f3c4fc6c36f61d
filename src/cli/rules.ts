import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSource } from '../report/pipeline.js';
import { checkText } from '../report/text.js';
import { compileRuleSet } from '../engine/compile.js';
import { UsageError } from '../shared/errors.js';
import { readInput } from '../ingest/index.js';
import { renderRule, renderRuleDocs } from '../packs/docs.js';
import { DEFAULT_PACKS, isTrustedPackFile, loadPackSet } from '../packs/load.js';
import { assertSafeRegexes } from '../packs/redos.js';
import { agreement, compare, expectationsYaml, loadExpectations } from './eval.js';
import { refuseOverwrites } from './check.js';
import { writeAtomic } from './output.js';
import type { CliIO } from './main.js';
import { paint } from './color.js';
import { renderTable } from '../formatters/table.js';

/** The pack commands: validate, list, docs, explain, eval. */

/** Example lists of a rule and the status each must produce. */
export const EXAMPLE_KINDS = [
  ['pass', 'pass'],
  ['fail', 'fail'],
  ['notApplicable', 'not-applicable'],
] as const;

/**
 * Load, compile and run every rule's examples: a pack whose examples disagree is not valid.
 * Examples belong to the pack that defines the rule, so each pack's examples run in that
 * pack's own set (a later pack's overrides, e.g. a province's thresholds, do not apply).
 */
export async function validateCommand(packs: string[], io: CliIO): Promise<number> {
  const all = compileRuleSet(loadPackSet(packs));
  await assertSafeRegexes(all.regexes, isTrustedPackFile);
  const problems: string[] = [];
  for (const pack of all.packs.packs) {
    const own = compileRuleSet(loadPackSet([path.resolve(pack.file)]));
    for (const { rule } of own.rules.filter((r) => r.rule.pack === pack.id)) {
      for (const [key, expected] of EXAMPLE_KINDS) {
        for (const [i, text] of (rule.examples?.[key] ?? []).entries()) {
          const report = await checkText(text, own, `${rule.id} examples.${key}[${i}]`);
          const status = report.findings.find((f) => f.ruleId === rule.id)?.status;
          if (status !== expected)
            problems.push(`${rule.file}: rules.${rule.id}.examples.${key}[${i}]: 期望 ${expected}，实际 ${status}`);
        }
      }
    }
  }
  for (const p of problems) io.stderr(`fazhi: ${p}\n`);
  if (problems.length > 0) return 2;
  const files = all.packs.packs.map((p) => p.file).join('、');
  io.stdout(`${paint(io).green('✓')} 规则包有效：${files}（${all.rules.length} 条规则，示例全部符合预期）\n`);
  return 0;
}

export interface PackOptions {
  pack?: string[];
  area?: string;
}

export function listCommand(options: PackOptions & { packId?: string }, io: CliIO): number {
  const set = loadPackSet(options.pack ?? DEFAULT_PACKS);
  const rules = set.rules.filter(
    (r) => (!options.packId || r.pack === options.packId) && (!options.area || r.area === options.area),
  );
  if (rules.length === 0) throw new UsageError('没有符合条件的规则（检查 --pack-id / --area）');
  const rows = rules.map((r) => [
    r.id,
    r.severity,
    r.basis,
    String(r.weight),
    set.areas.get(r.area)?.title ?? r.area,
    r.title,
  ]);
  io.stdout(
    `${renderTable(['rule 规则', 'severity', 'basis', 'weight', 'area 领域', 'title 标题'], rows, { columns: io.columns, wrap: [4, 5] })}\n\n${rules.length} 条规则\n`,
  );
  return 0;
}

export function explainCommand(ruleId: string, options: PackOptions, io: CliIO): number {
  const set = loadPackSet(options.pack ?? DEFAULT_PACKS);
  const rule = set.rules.find((r) => r.id === ruleId);
  if (!rule) {
    const near = set.rules.filter((r) => r.id.includes(ruleId.split('/').pop() ?? ruleId)).map((r) => r.id);
    throw new UsageError(
      `没有规则 ${ruleId}${near.length ? `（是否要找：${near.slice(0, 5).join('、')}）` : '（用 fazhi rules list 查看）'}`,
    );
  }
  io.stdout(`${renderRule(rule, set.areas.get(rule.area), set)}\n`);
  return 0;
}

export function docsCommand(dir: string, options: PackOptions, io: CliIO): number {
  const pages = renderRuleDocs(loadPackSet(options.pack ?? DEFAULT_PACKS));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of pages) writeFileSync(path.join(dir, name), text);
  io.stdout(`${paint(io).green('✓')} 已生成 ${pages.size} 个文档页：${dir}\n`);
  return 0;
}

/** Agreement of the packs with verdicts a person decided by reading each report. */
export async function evalCommand(
  file: string,
  options: PackOptions & { export?: string },
  io: CliIO,
): Promise<number> {
  const expectations = loadExpectations(file);
  if (options.export) {
    refuseOverwrites([options.export], [{ file, what: '期望结果文件' }]);
    writeAtomic(options.export, expectationsYaml(expectations, options.export));
    const count = [...expectations.reports.values()].reduce((n, m) => n + m.size, 0);
    io.stdout(`已导出 ${count} 条期望结果（${expectations.reports.size} 份报告）：${options.export}\n`);
    return 0;
  }
  const ruleSet = compileRuleSet(loadPackSet(options.pack ?? DEFAULT_PACKS));
  const results = [];
  for (const report of expectations.reports.keys()) results.push(await checkSource(await readInput(report), ruleSet));
  const rows = compare(results, expectations);
  const reports = [...expectations.reports.keys()];
  const short = reports.map((r) => path.basename(r).replace(/\.[^.]+$/, ''));
  const mark = (expected: string | null, actual: string | null) =>
    expected === null ? `? ${actual ?? '-'}` : expected === actual ? `✓ ${actual}` : `✗ ${actual ?? '-'}≠${expected}`;
  const ruleIds = [...new Set(rows.map((r) => r.ruleId))];
  const table = ruleIds.map((id) => [
    id,
    ...reports.map((rep) => {
      const row = rows.find((r) => r.report === rep && r.ruleId === id);
      return row ? mark(row.expected, row.actual) : '';
    }),
  ]);
  const { agreed, judged, unjudged } = agreement(rows);
  const pct = judged > 0 ? ((agreed / judged) * 100).toFixed(1) : '0.0';
  const c = paint(io);
  const tone = agreed === judged ? c.green : c.yellow;
  io.stdout(
    `${renderTable(['rule', ...short], table, { columns: io.columns })}\n\n${tone(`一致率 agreement: ${agreed}/${judged} = ${pct}%`)}${unjudged ? `；未判定 ${unjudged} 项` : ''}\n`,
  );
  return agreed === judged && unjudged === 0 ? 0 : 1;
}
