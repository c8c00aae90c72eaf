/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
import { measureAddinSyncs, type ActionCost } from '../test/support/addin/measure-syncs';

/** Part 3: round trips and payload of the task pane's actions on a sheet of `rows` rows. */
export interface ExcelActionRow {
  readonly rows: number;
  readonly validate: ActionCost;
  /** Validate with one faulty cell (a number typed as text), so findings are highlighted. */
  readonly validateFaulty: ActionCost;
  readonly compute: ActionCost;
}

export interface ExcelBenchResult {
  readonly sizes: readonly ExcelActionRow[];
  /** The same sync count at every size, for each action. */
  readonly constantSyncs: boolean;
  /** The largest request or response of any sync, in bytes. */
  readonly maxPayloadBytes: number;
}

/** Counts syncs and bytes through the stand-in Excel host, with Excel on the web's 5 MB limit enforced. */
export async function excelBench(sizes: readonly number[]): Promise<ExcelBenchResult> {
  const out: ExcelActionRow[] = [];
  for (const rows of sizes) out.push(await measureAddinSyncs(rows));
  const same = (pick: (r: ExcelActionRow) => number): boolean => new Set(out.map(pick)).size <= 1;
  const constantSyncs = same((r) => r.validate.syncs) && same((r) => r.validateFaulty.syncs) && same((r) => r.compute.syncs);
  const maxPayloadBytes = Math.max(0, ...out.flatMap((r) => [r.validate, r.validateFaulty, r.compute]).flatMap((c) => [c.maxRequestBytes, c.maxResponseBytes]));
  return { sizes: out, constantSyncs, maxPayloadBytes };
}
