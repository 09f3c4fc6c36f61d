import type { Basis, Severity } from '../packs/model.js';

/** Where a finding's evidence is, in the original text (1-based; columns in UTF-16 code units). */
export interface Evidence {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  quote: string;
  /** Why this quote matters when it is not plain support (e.g. it sits in the plan). */
  note?: string;
  /** Where it is in the original file, for Word, PDF and web pages. */
  page?: number;
  pageLine?: number;
  paragraph?: number;
}

export type Status = 'pass' | 'fail' | 'not-applicable';

export interface Finding {
  ruleId: string;
  title: string;
  status: Status;
  severity: Severity;
  area: string;
  weight: number;
  basis: Basis;
  message: string;
  clause: string;
  fix: string;
  evidence: Evidence[];
  /** A known finding listed in the baseline: reported, but it does not fail the gate. */
  suppressed?: boolean;
}
