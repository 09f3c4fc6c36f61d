import type { Document, PartId } from './document/model.js';
import type { Finding } from './engine/model.js';
import type { Score } from './score/score.js';

export interface ReportMetric {
  id: string;
  value: number;
  unit: string;
  part: PartId | null;
  line: number;
  column: number;
  quote: string;
  /** A next-year target, not the year's result. */
  target: boolean;
  derived: boolean;
}

/** The outcome for one report: what every formatter renders. */
export interface ReportResult {
  file: string;
  format: string;
  encoding: string | null;
  document: Document;
  metrics: ReportMetric[];
  findings: Finding[];
  score: Score;
}

/** An input that could not be checked (exit code 2), reported beside the others. */
export interface InputFailure {
  file: string;
  message: string;
}

export interface RunResult {
  tool: { name: string; version: string };
  packs: Array<{ id: string; version: string }>;
  /** Score areas of the pack set, in pack order. */
  areas: Array<{ id: string; title: string; weight: number }>;
  reports: ReportResult[];
  failures: InputFailure[];
  /** Files a folder or glob matched that no format adapter reads. */
  skipped: string[];
}
