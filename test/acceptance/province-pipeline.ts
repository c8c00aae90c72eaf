import { createHash } from 'node:crypto';
import type { ChildReport, SourceFile } from '../../src/core/consolidate/child-report';
import { consolidate } from '../../src/core/consolidate/consolidate';
import type { Consolidation } from '../../src/core/consolidate/consolidation';
import type { Finding } from '../../src/core/findings/finding';
import type { FormDef } from '../../src/core/forms/form-schema';
import type { OutputBook } from '../../src/core/grid/output-book';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import { renderSubmission } from '../../src/core/render/render-submission';
import type { UnitRegistry } from '../../src/core/units/unit-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import type { ValidationResult } from '../../src/core/validate/validation-context';
import type { GeneratedFile } from '../../src/sample/generate-province';

/** How workbooks become bytes and back, and a checked file becomes a report. */
export interface PipelineIo {
  write(book: OutputBook): Promise<Uint8Array>;
  read(bytes: Uint8Array): Promise<{ readonly book?: WorkbookGrid; readonly findings: readonly Finding[] }>;
  /** The file's small report, from what reading found and the validation. */
  report(source: SourceFile, readFindings: readonly Finding[], validation: ValidationResult): ChildReport;
}

/** One workbook written to bytes, read back and validated. */
export interface FileResult {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The workbook as read from the bytes. */
  readonly grid: WorkbookGrid;
  readonly findings: readonly Finding[];
  readonly validation: ValidationResult;
  readonly report: ChildReport;
}

/** A consolidation and the workbook it became. */
export interface LevelResult {
  readonly code: string;
  readonly consolidation: Consolidation;
  readonly file: FileResult;
}

export interface PipelineResult {
  readonly communes: readonly FileResult[];
  readonly districts: readonly LevelResult[];
  readonly province: LevelResult;
}

export interface PipelineOptions {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  readonly provinceCode: string;
  readonly period: string;
  /** Districts and province report on this day. */
  readonly reportDate: string;
  readonly topN?: number;
}

/** Writes a book to bytes, reads it back and validates it as a submission of `level`. */
export async function roundTrip(io: PipelineIo, name: string, book: OutputBook, opts: PipelineOptions, level: string): Promise<FileResult> {
  const bytes = await io.write(book);
  const read = await io.read(bytes);
  if (!read.book) throw new Error(`${name}: not readable back: ${read.findings.map((f) => f.message_en).join('; ')}`);
  const validation = validateSubmission(read.book, { form: opts.form, registry: opts.registry, file: name, expect: { period: opts.period, level } });
  const findings = [...read.findings, ...validation.findings];
  const source: SourceFile = { file: name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  return { name, bytes, grid: read.book, findings, validation, report: io.report(source, read.findings, validation) };
}

/**
 * The whole chain of the campaign as files: every commune workbook to
 * bytes and back, consolidated into its district; every district workbook
 * to bytes and back as a district submission, consolidated into the
 * province; the province workbook to bytes and back.
 */
export async function runProvince(io: PipelineIo, files: readonly GeneratedFile[], opts: PipelineOptions): Promise<PipelineResult> {
  const { form, registry } = opts;
  const communes: FileResult[] = [];
  for (const f of files) communes.push(await roundTrip(io, f.fileName, renderSubmission(form, f.data), opts, f.unit.level));

  const districts: LevelResult[] = [];
  for (const d of registry.children(opts.provinceCode)) {
    const mine = communes.filter((c, i) => files[i]?.unit.parentCode === d.code).map((c) => c.report);
    const consolidation = consolidate(mine, { form, registry, parentCode: d.code, period: opts.period, reportDate: opts.reportDate, ...(opts.topN !== undefined ? { topN: opts.topN } : {}) });
    const file = await roundTrip(io, `${d.code}_tong_hop.xlsx`, renderConsolidation(form, consolidation), opts, d.level);
    districts.push({ code: d.code, consolidation, file });
  }

  const consolidation = consolidate(
    districts.map((d) => d.file.report),
    { form, registry, parentCode: opts.provinceCode, period: opts.period, reportDate: opts.reportDate, ...(opts.topN !== undefined ? { topN: opts.topN } : {}) },
  );
  const level = registry.get(opts.provinceCode)?.level ?? 'tinh';
  const file = await roundTrip(io, `${opts.provinceCode}_tong_hop.xlsx`, renderConsolidation(form, consolidation), opts, level);
  return { communes, districts, province: { code: opts.provinceCode, consolidation, file } };
}
