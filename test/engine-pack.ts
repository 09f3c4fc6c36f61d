import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileRuleSet, type ParamOverrides, type RuleSet } from '../src/engine/compile.js';
import type { Finding } from '../src/engine/model.js';
import { loadPackSet } from '../src/packs/load.js';
import { checkText } from '../src/report/text.js';

/**
 * Small packs written in the test itself (for the engine-*.test.ts files): a rule is a check in
 * YAML flow style plus the fields it needs, the other required fields filled with placeholders.
 */
let dir: string | null = null;
let count = 0;

export interface RuleFields {
  message?: string;
  fix?: string;
  title?: string;
  /** Raw YAML lines added to the rule as written (messages:, params:, when:). */
  extra?: string;
}

export function rule(id: string, check: string, fields: RuleFields = {}): string {
  const lines = [
    `  ${id}:`,
    `    title: ${JSON.stringify(fields.title ?? '规则')}`,
    '    area: t',
    '    clause: c',
    '    basis: practice',
    '    severity: error',
    '    weight: 1',
    `    check: ${check}`,
    `    message: ${JSON.stringify(fields.message ?? '未通过')}`,
    `    fix: ${JSON.stringify(fields.fix ?? '修改')}`,
  ];
  if (fields.extra) lines.push(...fields.extra.split('\n').map((l) => `    ${l}`));
  return `${lines.join('\n')}\n`;
}

/** The pack's text: areas, optional metrics (raw YAML lines under metrics:), the rules. */
export function packText(rules: string[], metrics = ''): string {
  const metricBlock = metrics ? `metrics:\n${metrics.replace(/^/gm, '  ')}\n` : '';
  return `id: engine-test\nversion: 1.0.0\ntitle: Engine test\nareas:\n  t: { title: 测试, weight: 100 }\n${metricBlock}rules:\n${rules.join('')}`;
}

/** Write the pack to a temporary file and load it as a user pack would be. */
export function writePack(text: string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-engine-'));
  const file = path.join(dir, `pack-${process.pid}-${count++}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

export function compilePack(rules: string[], metrics = '', overrides?: ParamOverrides): RuleSet {
  return compileRuleSet(loadPackSet([writePack(packText(rules, metrics))]), overrides);
}

/** The error compiling (or loading) a pack throws; fails when it compiles. */
export function packError(rules: string[], metrics = '', overrides?: ParamOverrides): Error {
  try {
    compilePack(rules, metrics, overrides);
  } catch (e) {
    return e as Error;
  }
  throw new Error('the pack compiled');
}

export async function findings(rules: RuleSet, text: string): Promise<Map<string, Finding>> {
  const result = await checkText(text, rules);
  return new Map(result.findings.map((f) => [f.ruleId, f]));
}

export async function findingOf(rules: RuleSet, text: string, ruleId: string): Promise<Finding> {
  const f = (await findings(rules, text)).get(ruleId);
  if (!f) throw new Error(`no finding for ${ruleId}`);
  return f;
}

/** A report of 2025 with the four parts a report has, each given its body lines. */
export function report(parts: { measures?: string; shortcomings?: string; plan?: string; title?: string }): string {
  return [
    parts.title ?? '白沙乡2025年法治政府建设工作报告',
    '一、主要举措和成效',
    parts.measures ?? '全年工作有序开展。',
    '二、存在的问题',
    parts.shortcomings ?? '仍有差距。',
    '三、下一步工作计划',
    parts.plan ?? '继续努力。',
  ].join('\n');
}
