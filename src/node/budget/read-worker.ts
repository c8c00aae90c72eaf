/**
 * Worker thread entry of BudgetedReader: reads one workbook's bytes with the
 * xlsx reader and answers with what it read (the grid and the findings).
 */
import type { WorkbookRead } from '../../app/workbook-reader';
import { readWorkbook } from '../../xlsx/read-workbook';
import type { ReadLimits } from '../../xlsx/read-limits';
import { servePoolRequests } from '../workers/serve-pool-requests';

/** One file to read, its bytes moved to the worker. */
export interface ReadRequest {
  readonly bytes: Uint8Array;
  readonly limits?: Partial<ReadLimits>;
}

servePoolRequests<ReadRequest, WorkbookRead>(async (req) => ({ response: await readWorkbook(req.bytes, req.limits ? { limits: req.limits } : {}) }));
