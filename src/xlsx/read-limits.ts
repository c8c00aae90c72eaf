import { envNumbers } from './env-numbers';

/**
 * How much a workbook may cost before it is refused, checked before any
 * parser runs (docs/limits.md explains each figure). A report form is a few
 * hundred kilobytes; the defaults leave a wide margin above that while
 * keeping one hostile file from exhausting a laptop.
 */
export interface ReadLimits {
  /** Largest file, in bytes. */
  readonly maxFileBytes: number;
  /** Largest sum of the entries' uncompressed sizes, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one entry. */
  readonly maxCompressionRatio: number;
  /** Entries smaller than this (uncompressed) are not judged on their ratio: tiny XML compresses very well. */
  readonly ratioGraceBytes: number;
  /**
   * Most cells a sheet may hold: `<c>` elements, rows, cells laid out up to
   * each row's last cell, or cells covered by merged ranges, each counted
   * in what the sheet holds, not in the dimension it declares.
   */
  readonly maxCellsPerSheet: number;
  /** Most cells, laid out and merged, all sheets of a workbook together. */
  readonly maxCellsPerWorkbook: number;
  /** Largest shared strings part, in bytes. */
  readonly maxSharedStringsBytes: number;
  /** Most entries in the zip. */
  readonly maxZipEntries: number;
  /** Deepest XML nesting in the parts that are parsed. */
  readonly maxXmlDepth: number;
}

const MIB = 1024 * 1024;

/** The limits used when nothing else is configured. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * MIB,
  maxUncompressedBytes: 100 * MIB,
  maxCompressionRatio: 200,
  ratioGraceBytes: 1 * MIB,
  maxCellsPerSheet: 2_000_000,
  maxCellsPerWorkbook: 4_000_000,
  maxSharedStringsBytes: 20 * MIB,
  maxZipEntries: 10_000,
  maxXmlDepth: 64,
};

/**
 * The environment variables the command line reads, with the unit each is
 * given in. Sizes are in MiB (decimals allowed) because nobody types byte
 * counts.
 */
export const READ_LIMIT_ENV: { readonly [K in keyof ReadLimits]: { readonly name: string; readonly unit: number } } = {
  maxFileBytes: { name: 'PHU_MAX_FILE_MB', unit: MIB },
  maxUncompressedBytes: { name: 'PHU_MAX_UNCOMPRESSED_MB', unit: MIB },
  maxCompressionRatio: { name: 'PHU_MAX_COMPRESSION_RATIO', unit: 1 },
  ratioGraceBytes: { name: 'PHU_RATIO_GRACE_MB', unit: MIB },
  maxCellsPerSheet: { name: 'PHU_MAX_CELLS_PER_SHEET', unit: 1 },
  maxCellsPerWorkbook: { name: 'PHU_MAX_CELLS_PER_WORKBOOK', unit: 1 },
  maxSharedStringsBytes: { name: 'PHU_MAX_SHARED_STRINGS_MB', unit: MIB },
  maxZipEntries: { name: 'PHU_MAX_ZIP_ENTRIES', unit: 1 },
  maxXmlDepth: { name: 'PHU_MAX_XML_DEPTH', unit: 1 },
};

/** The defaults with `overrides` applied; a non-positive or non-finite override is ignored. */
export function resolveReadLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const out: Record<keyof ReadLimits, number> = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(DEFAULT_READ_LIMITS) as (keyof ReadLimits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

/**
 * The limits set in environment variables (see READ_LIMIT_ENV), and the
 * names of those whose value is not a positive number, so that the caller
 * can say so rather than silently use the default.
 */
export function readLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): { limits: Partial<ReadLimits>; invalid: string[] } {
  const { values, invalid } = envNumbers(READ_LIMIT_ENV, env);
  const limits: Partial<Record<keyof ReadLimits, number>> = {};
  for (const [key, v] of Object.entries(values) as [keyof ReadLimits, number][]) limits[key] = Math.floor(v);
  return { limits, invalid };
}
