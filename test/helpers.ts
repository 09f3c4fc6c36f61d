import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { analyseSource, type Analysis } from '../src/report/pipeline.js';
import { checkText } from '../src/report/text.js';
import { InputError } from '../src/shared/errors.js';
import { compileRuleSet, type ParamOverrides, type RuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import type { ReportResult } from '../src/report/result.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPORTS = path.join(ROOT, 'reports');

let cached: RuleSet | null = null;
/** The built-in packs, compiled once for the whole test file. */
export function builtinRules(overrides?: ParamOverrides): RuleSet {
  if (overrides) return compileRuleSet(loadPackSet(), overrides);
  cached ??= compileRuleSet(loadPackSet());
  return cached;
}

export function readReport(name: string): string {
  return readFileSync(path.join(REPORTS, name), 'utf8');
}

export function checkReport(name: string, rules = builtinRules()): Promise<ReportResult> {
  return checkText(readReport(name), rules, `reports/${name}`);
}

/** Check a sample report and keep the parsed document too (lines, headings). */
export function analyseReport(name: string, rules = builtinRules()): Promise<Analysis> {
  return analyseSource({ file: `reports/${name}`, format: 'text', encoding: null, text: readReport(name) }, rules);
}

export function statusOf(result: ReportResult, ruleId: string): string | undefined {
  return result.findings.find((f) => f.ruleId === ruleId)?.status;
}

export function finding(result: ReportResult, ruleId: string) {
  const f = result.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding for ${ruleId}`);
  return f;
}

/** A minimal valid pack; pack-error tests edit it and assert line:col, so keep its lines as they are. */
export const MINIMAL_PACK = `id: mini
version: 1.0.0
title: Mini pack
areas:
  demo:
    title: 演示
    weight: 10
rules:
  demo/hello:
    title: 报告提到法治
    area: demo
    clause: 测试条款
    basis: official
    severity: error
    weight: 1
    check: { type: mention, match: { phrases: [法治] } }
    message: 未提到法治
    fix: 写上法治
`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (bin/fazhi.js → dist/) from the project root, colour off unless env says otherwise. */
export function runCli(
  args: string[],
  opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): CliResult {
  const env: NodeJS.ProcessEnv = opts.env ?? { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'fazhi.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The error an unreadable input must raise: an InputError naming the file, one line, with this message. */
function assertInputError(caught: unknown, message: string | RegExp, file: string): void {
  expect(caught).toBeInstanceOf(InputError);
  const err = caught as InputError;
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
  expect(err.file).toBe(file);
  expect(err.toLine()).not.toContain('\n');
}

export function expectInputError(fn: () => unknown, message: string | RegExp, file: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assertInputError(caught, message, file);
}

export async function expectInputErrorAsync(fn: () => unknown, message: string | RegExp, file: string): Promise<void> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  assertInputError(caught, message, file);
}
