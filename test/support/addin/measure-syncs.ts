import { nationalRegistry } from '../../../src/core/units/national-registry';
import { checkOpenWorkbook } from '../../../src/addin/operations/check-workbook';
import { computeInPlace } from '../../../src/addin/operations/compute-in-place';
import type { FakeStats } from './fake-excel';
import { FakeExcelHost, type FakeHostOptions } from './fake-excel';
import { communeSubmission, gridOfBook } from './sample-books';

/** Round trips and payload of one task pane action on the stand-in host. */
export interface ActionCost {
  readonly syncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
}

function cost(s: FakeStats): ActionCost {
  return { syncs: s.syncs, requestBytes: s.requestBytes, responseBytes: s.responseBytes, maxRequestBytes: s.maxRequestBytes, maxResponseBytes: s.maxResponseBytes };
}

/**
 * What "Kiểm tra" (validate, clean sheet and with one faulty row) and
 * "Tính toán" (compute in place) cost on a commune sheet of `rows` village
 * rows, counted by the stand-in host with Excel on the web's 5 MB limit
 * enforced. For the benchmark and the add-in's tests.
 */
export async function measureAddinSyncs(rows: number, options: FakeHostOptions = {}): Promise<{ rows: number; validate: ActionCost; validateFaulty: ActionCost; compute: ActionCost }> {
  const registry = nationalRegistry();
  const grid = gridOfBook(communeSubmission(rows));
  const host = new FakeExcelHost(options);
  host.loadGrid(grid);
  const ctx = (): Excel.RequestContext => host.newContext() as unknown as Excel.RequestContext;
  await checkOpenWorkbook(ctx(), { registry });
  const validate = cost(host.stats);
  host.resetStats();
  host.sheet('SoLieu').setValue(3, 4, '1.234');
  await checkOpenWorkbook(ctx(), { registry });
  const validateFaulty = cost(host.stats);
  host.sheet('SoLieu').setValue(3, 4, 10);
  host.resetStats();
  await computeInPlace(ctx(), { registry });
  return { rows, validate, validateFaulty, compute: cost(host.stats) };
}
