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

/** The basics of a report a rule may need: its year, its title, its issuing body (乡镇、街道). */
export type Basic = 'year' | 'title' | 'body';

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
  /**
   * A failed rule that could not be judged: these basics could not be read. It fails (and costs
   * its points) rather than not applying, so a report never scores higher for being less legible.
   */
  unknownBasics?: Basic[];
  /** A known finding listed in the baseline: reported, but it does not fail the gate. */
  suppressed?: boolean;
}
