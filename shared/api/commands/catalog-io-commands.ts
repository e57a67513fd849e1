/**
 * The catalog as a CSV file, in and out (managers). An import is a job: the screen starts it, sends the file's text
 * in chunks (in order), and finishes it to get the check of every row; then it commits (the whole file, only when
 * it is clean, or only its good rows) or cancels. Writing pushes `catalogImport.progress` to the screen that
 * started it. The export is read a chunk at a time, like the sales CSV.
 */
import { z } from 'zod';
import { command, entityId, noInput } from '../command-spec';
import type { CsvChunk } from './reports-commands';

/** Characters of file text per chunk: at most 1 MB as UTF-8, and as JSON (quotes and line breaks escaped). */
export const IMPORT_CHUNK_CHARS = 256 * 1024;
/** The largest file an import takes (a 100,000-product catalog is about 15 MB). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** Bad rows listed in a report (all are counted). */
export const SHOWN_PROBLEMS = 500;

export const IMPORT_STATES = ['receiving', 'checked', 'writing', 'done', 'cancelled', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
export type ImportMode = 'clean' | 'goodRows';

export interface ImportProblem {
  /** The physical line of the file where the row starts (the header is line 1). */
  line: number;
  message: string;
}

export interface ImportReport {
  jobId: string;
  fileName: string;
  state: ImportState;
  /** ',' ';' or 'tab'; '' before the header line arrived. */
  separator: string;
  /** Data rows read (blank lines are not counted). */
  rows: number;
  /** Rows that make a product as they are: `newProducts` new ones and `updates` of products the catalog has. */
  good: number;
  newProducts: number;
  updates: number;
  /** Rows with at least one problem. */
  bad: number;
  /** The first SHOWN_PROBLEMS problems by line; `problemCount` counts them all. */
  problems: ImportProblem[];
  problemCount: number;
  /** What keeps the whole file from being imported (columns missing, broken quotes); empty when none. */
  fileProblems: string[];
  /** Columns of the file this import does not know: ignored. */
  unknownColumns: string[];
  /** Products written so far: whole products only, in batches. */
  written: number;
  /** When writing ended: what the catalog got. */
  result: { created: number; updated: number; unchanged: number } | null;
  /** Why writing stopped early ('' when it did not). */
  stopReason: string;
}

/** While writing: products written of those to write. */
export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
}

const jobInput = z.object({ jobId: entityId }).strict();

export const catalogIoCommands = {
  /** A new import (a job not yet writing is dropped: one import at a time). */
  'catalogImport.start': command<{ jobId: string }>()(
    z.object({ fileName: z.string().trim().max(200).regex(/^[^\p{Cc}]*$/u, 'File name: no control characters') }).strict(),
    'manager', 'job',
  ),
  /** The next piece of the file's text; `seq` counts from 0 so a piece is never taken twice or out of order. */
  'catalogImport.chunk': command<{ rows: number; chars: number }>()(
    z.object({ jobId: entityId, seq: z.number().int().min(0), text: z.string().max(IMPORT_CHUNK_CHARS) }).strict(),
    'manager', 'job',
    { maxRequestBytes: 2 * 1024 * 1024 },
  ),
  /** The file is complete: every row checked; the report says what a commit would do. Nothing is written. */
  'catalogImport.finish': command<ImportReport>()(jobInput, 'manager', 'job'),
  /**
   * Writes the checked rows: 'clean' only when no row has a problem, 'goodRows' skips the bad ones. Answers when
   * writing ends (done, cancelled or failed), with how many products were written.
   */
  'catalogImport.commit': command<ImportReport>()(z.object({ jobId: entityId, mode: z.enum(['clean', 'goodRows']) }).strict(), 'manager', 'job'),
  /** Before writing: drops the job, nothing written. While writing: stops after the current batch (whole products). */
  'catalogImport.cancel': command<ImportReport>()(jobInput, 'manager', 'job'),
  /** The import job of this till, if any (a screen opened again finds it). */
  'catalogImport.current': command<ImportReport | null>()(noInput, 'manager', 'reads'),
  /** A chunk of the catalog as CSV, in id order; the first chunk starts with the BOM and the header row. */
  'catalogExport.csv': command<CsvChunk>()(z.object({ after: entityId.optional() }).strict(), 'manager', 'reads'),
} as const;

export interface CatalogIoEvents {
  'catalogImport.progress': ImportProgress;
}
