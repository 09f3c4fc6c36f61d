import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const PACK = `id: local
version: 1.0.0
title: 本地规则
extends: [annual-report]
areas:
  local: { title: 本地, weight: 5 }
rules:
  local/mediation-room:
    title: 设立调解室
    area: local
    clause: 本地要求
    basis: practice
    severity: warning
    weight: 1
    check:
      type: mention
      match: { label: 调解室, regex: "调解(工作)?室" }
    message: 未报告调解室
    fix: 写明调解室
`;

/**
 * fazhi with `recheck` unresolvable, as after `npm install --omit=optional`: a preloaded script
 * makes the module resolver fail for it the way Node does for a package that is not there.
 */
function withoutRecheck(args: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-no-recheck-'));
  const preload = path.join(dir, 'hide-recheck.cjs');
  writeFileSync(
    preload,
    `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'recheck' || request.startsWith('recheck/')) {
    const error = new Error("Cannot find module '" + request + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
`,
  );
  const pack = path.join(dir, 'local.yaml');
  writeFileSync(pack, PACK);
  return spawnSync(process.execPath, ['-r', preload, path.join(ROOT, 'bin/fazhi.js'), ...args, '--pack', pack], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('without the optional ReDoS analyser', () => {
  it('a local pack still loads and runs, and fazhi says once that the static check was skipped', () => {
    const r = withoutRecheck(['check', 'reports/taojia-2025.txt', 'reports/gurtu-2024.txt', '-f', 'json']);
    expect(r.status, r.stderr).not.toBe(2);
    const notices = r.stderr.split('\n').filter((l) => l.includes('recheck'));
    expect(notices).toEqual([
      'fazhi: 未安装可选依赖 recheck，已跳过规则包正则表达式的静态检查（ReDoS）；外部规则包仍在限时的工作线程中运行（--timeout）',
    ]);
    const result = JSON.parse(r.stdout) as { reports: Array<{ findings: Array<{ ruleId: string }> }> };
    expect(result.reports).toHaveLength(2);
    for (const report of result.reports) expect(report.findings.map((f) => f.ruleId)).toContain('local/mediation-room');
  });

  it('the built-in packs, analysed at build time, need no notice', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/fazhi.js'), 'check', 'reports/taojia-2025.txt'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toContain('recheck');
  });
});
