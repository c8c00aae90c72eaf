import type { Finding } from '../findings/finding';
import type { FormDef } from '../forms/form-schema';
import type { Submission } from '../submission/submission';
import type { UnitRegistry } from '../units/unit-registry';

/** What a submission is checked against. */
export interface ValidationContext {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  /** The file's name, placed on every finding. */
  readonly file?: string;
  /** What a consolidation expects; checked when given. */
  readonly expect?: { readonly period?: string; readonly level?: string };
  /** Previous period's figures: main-table row code (the total row: `TONG`, else the unit's own code) -> column -> value (cumulative figures must not go down). */
  readonly previous?: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
  /** Assigned targets: row code (unit code; the total row: `TONG`, else the unit's own code) -> target column key -> value. */
  readonly targets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The parsed submission (best effort, even with errors), every finding, and whether none is an error. */
export interface ValidationResult {
  readonly submission: Submission;
  readonly findings: readonly Finding[];
  readonly ok: boolean;
}
