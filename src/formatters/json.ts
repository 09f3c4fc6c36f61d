import { countFailed, type RunResult } from '../result.js';
import type { Formatter } from './types.js';

export const SCHEMA_VERSION = 1;


/** The documented JSON shape (docs/result.schema.json), built field by field so nothing internal leaks. */
export function toJson(run: RunResult) {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: run.tool,
    packs: run.packs,
    reports: run.reports.map((r) => ({
      file: r.file,
      format: r.format,
      meta: {
        title: r.meta.title,
        body: r.meta.body,
        year: r.meta.year,
        published: r.meta.published,
        issuer: r.meta.issuer,
        indexNo: r.meta.indexNo,
      },
      parts: r.parts.map((p) => ({ id: p.id, heading: p.heading, line: p.line, inferred: p.inferred })),
      metrics: r.metrics.map((m) => ({
        id: m.id,
        value: m.value,
        unit: m.unit,
        part: m.part,
        line: m.line,
        column: m.column,
        quote: m.quote,
        target: m.target,
        derived: m.derived,
      })),
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        title: f.title,
        status: f.status,
        severity: f.severity,
        area: f.area,
        weight: f.weight,
        basis: f.basis,
        message: f.message,
        clause: f.clause,
        fix: f.fix,
        ...(f.suppressed ? { suppressed: true } : {}),
        evidence: f.evidence.map((e) => ({
          line: e.line,
          column: e.column,
          endLine: e.endLine,
          endColumn: e.endColumn,
          quote: e.quote,
          ...(e.note ? { note: e.note } : {}),
          ...(e.page !== undefined ? { page: e.page } : {}),
          ...(e.pageLine !== undefined ? { pageLine: e.pageLine } : {}),
          ...(e.paragraph !== undefined ? { paragraph: e.paragraph } : {}),
        })),
      })),
      score: {
        total: r.score.total,
        grade: r.score.grade,
        areas: r.score.areas.map((a) => ({ id: a.id, title: a.title, score: a.score, max: a.max })),
        deductions: r.score.deductions,
      },
    })),
    failures: run.failures,
    skipped: run.skipped,
    ...(run.baseline ? { baseline: run.baseline } : {}),
    summary: {
      files: run.reports.length + run.failures.length,
      checked: run.reports.length,
      unreadable: run.failures.length,
      errors: countFailed(run.reports, 'error'),
      warnings: countFailed(run.reports, 'warning'),
      infos: countFailed(run.reports, 'info'),
      suppressed: run.baseline?.suppressed ?? 0,
    },
  };
}

export const jsonFormatter: Formatter = (run) => `${JSON.stringify(toJson(run), null, 2)}\n`;
