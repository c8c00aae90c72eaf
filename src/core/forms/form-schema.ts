import { z } from 'zod';

// A regex's message is the example a finding shows (`form_field_format`).
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'cccd_done');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '2026-11-30');
const severity = z.enum(['error', 'warning']);

/**
 * A column of a table, located by its key in the key row, never by position.
 * `kind` says how its cells are read and checked: `count` is a whole
 * number >= 0, `enum` one of `values`, `computed` is written by PHU.
 */
export const columnSchema = z.strictObject({
  key,
  label: z.string(),
  group: z.string().optional(),
  kind: z.enum(['index', 'code', 'name', 'count', 'text', 'enum', 'computed']),
  values: z.array(z.string()).optional(),
  width: z.number().positive().optional(),
  numFmt: z.string().optional(),
  /** Counts that are targets: assigned from above, locked in templates. */
  target: z.boolean().optional(),
});

/** A fixed row of an item table (a reason, a public service). */
export const itemSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  /** Columns the item applies to; others must stay blank. All when absent. */
  only: z.array(key).optional(),
});

/**
 * A sheet laid out as a table: label, key and optional group header rows,
 * then data rows and exactly one total row. `units` tables have one row per
 * child unit; `items` tables have the form's fixed rows.
 */
export const tableSchema = z.strictObject({
  sheet: z.string(),
  rows: z.enum(['units', 'items']),
  groupRow: z.number().int().positive().optional(),
  labelRow: z.number().int().positive(),
  keyRow: z.number().int().positive(),
  firstDataRow: z.number().int().positive(),
  keyColumn: key,
  nameColumn: key,
  total: z.strictObject({ code: z.string(), name: z.string() }),
  columns: z.array(columnSchema).min(1),
  computed: z.array(columnSchema).default([]),
  items: z.array(itemSchema).optional(),
});

/** An achieved/target indicator of a units table. */
export const indicatorSchema = z.strictObject({
  key,
  label: z.string(),
  labelEn: z.string(),
  table: z.string(),
  done: key,
  target: key,
  /** Other outcomes that with `done` account for every case of the target. */
  accountedBy: z.array(key).default([]),
  mayExceed: z.boolean(),
  /**
   * The rate at which a unit has reached its target (1 = 100%). The notice
   * calls a unit "tốt" at or above it, or at or above the whole's rate, and
   * "chưa tốt" only below both.
   */
  goal: z.number().positive().default(1),
  /** A rate above this is a plausibility warning. */
  plausibleMaxRate: z.number().positive().optional(),
  rateColumn: key,
  rankColumn: key.optional(),
  narrative: z.strictObject({
    /** `{done}`, `{target}`, `{rate}` are replaced: the total sentence. */
    total: z.string(),
    high: z.string(),
    low: z.string(),
  }),
});

/** A row-wise rule between columns of a table, checked on every row. */
export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lte'), table: z.string(), left: key, right: key, severity: severity.default('error') }),
  z.strictObject({ kind: z.literal('sumEquals'), table: z.string(), parts: z.array(key).min(1), total: key, severity: severity.default('error') }),
  /** A column total of one table equals a column of another table's total row. */
  z.strictObject({
    kind: z.literal('crossTotal'),
    table: z.string(),
    column: key,
    otherTable: z.string(),
    otherColumn: key,
    severity: severity.default('error'),
  }),
]);

export const periodSchema = z.strictObject({ id: z.string().min(1), label: z.string(), from: isoDate, to: isoDate, due: isoDate });

/**
 * Periods that repeat: every month (ids `2026-11`), quarter (`2026-Q4`) or
 * year (`2026`) from `first` to `last` (open-ended without it). Figures are
 * counted from the start of each period, or from `countFrom` for every
 * period of a cumulative campaign; a report is due `dueDays` days after its
 * period ends.
 */
export const calendarSchema = z.strictObject({
  repeat: z.enum(['monthly', 'quarterly', 'yearly']),
  first: z.string(),
  last: z.string().optional(),
  countFrom: isoDate.optional(),
  dueDays: z.number().int().nonnegative(),
});

export const infoKeySchema = z.strictObject({
  key,
  label: z.string(),
  kind: z.enum(['text', 'date', 'code']),
  required: z.boolean().default(true),
});

/**
 * A campaign form, as data. A new form is a new value of this schema: no
 * code changes elsewhere.
 */
export const formSchema = z.strictObject({
  /** An editor's pointer to form.schema.json; ignored by PHU. */
  $schema: z.string().optional(),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '4PHU-2024'),
  version: z.string(),
  title: z.string(),
  titleEn: z.string(),
  info: z.strictObject({ sheet: z.string(), keyColumn: z.number().int().nonnegative(), labelColumn: z.number().int().nonnegative(), valueColumn: z.number().int().nonnegative(), headerRow: z.number().int().positive(), keys: z.array(infoKeySchema) }),
  /** The table whose rows are units and whose total row the parent consolidates. */
  mainTable: z.string(),
  tables: z.array(tableSchema).min(1),
  indicators: z.array(indicatorSchema),
  rules: z.array(ruleSchema).default([]),
  /** Periods listed one by one; a form has these, a `calendar`, or both. */
  periods: z.array(periodSchema).default([]),
  calendar: calendarSchema.optional(),
  /** Computed columns added by consolidation (after the form's computed ones). */
  statusColumn: columnSchema.optional(),
});

export type ColumnDef = z.infer<typeof columnSchema>;
export type ItemDef = z.infer<typeof itemSchema>;
export type TableDef = z.infer<typeof tableSchema>;
export type IndicatorDef = z.infer<typeof indicatorSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type PeriodDef = z.infer<typeof periodSchema>;
export type CalendarDef = z.infer<typeof calendarSchema>;
export type FormDef = z.infer<typeof formSchema>;
export type FormInput = z.input<typeof formSchema>;

