import { baselineEntries, suppressKnown } from './baseline.js';
import { loadWriter, type FormatOptions } from '../formatters/index.js';
import {
  summarizeReport,
  type BaselineEntry,
  type ReportResult,
  type ReportSummary,
  type RunHead,
} from '../report/result.js';

/**
 * What each report becomes where it was checked (on a worker thread, for many files): the
 * text of every output, its summary and its baseline facts. Only these small pieces travel
 * back and stay, never the whole report.
 */
export interface RenderSetup {
  outputs: Array<{ format: string; options: FormatOptions }>;
  /** Fingerprints of a baseline to apply (null: none). */
  known: string[] | null;
  /** Collect the entries of a new baseline (--update-baseline). */
  record: boolean;
}

export interface Rendered {
  summary: ReportSummary;
  /** One text per output, in the setup's order ('' when a report adds nothing to it). */
  texts: string[];
  /** Baseline fingerprints this report matched. */
  matched: string[];
  /** The report's failed findings as baseline entries (with `record`). */
  entries: BaselineEntry[];
}

export type Renderer = (report: ReportResult, position: number) => Rendered;

export async function createRenderer(setup: RenderSetup, head: RunHead): Promise<Renderer> {
  const writers = await Promise.all(setup.outputs.map(async (o) => (await loadWriter(o.format))(head, o.options)));
  const known = setup.known ? new Set(setup.known) : null;
  return (checked, position) => {
    const { report, matched } = known ? suppressKnown(checked, known) : { report: checked, matched: [] };
    return {
      summary: summarizeReport(report, position),
      texts: writers.map((w) => w.report(report, position)),
      matched,
      entries: setup.record ? baselineEntries(report) : [],
    };
  };
}
