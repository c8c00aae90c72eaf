import type { FormDef } from '../../core/forms/form-schema';
import type { MapId } from '../../core/units/unit-maps';
import type { RegistryData } from '../../core/units/unit-registry';
import type { ValidationContext } from '../../core/validate/validation-context';
import type { ReadLimits } from '../../xlsx/read-limits';
import type { FileFacts } from './file-report';

/** Given once to each report worker. */
export interface ReportWorkerData {
  /** `national` rebuilds the shipped catalogue in the worker, `{ map }` a shipped map; otherwise the registry's data. */
  readonly registry: 'national' | { readonly map: MapId } | RegistryData;
  readonly limits?: Partial<ReadLimits>;
}

/**
 * The validation context without the registry, which each worker holds
 * already. A form of the catalogue travels as its index: cloning a whole
 * FormDef into every message cost more than reading a small file.
 */
export type WorkerContext = Omit<ValidationContext, 'registry' | 'file' | 'form'> & { readonly form: FormDef | number };

/** One file to report on. */
export interface ReportRequest {
  readonly bytes: Uint8Array;
  readonly facts: FileFacts;
  readonly ctx: WorkerContext;
}
