/**
 * Worker thread entry of ReportPool: turns a file's bytes into its
 * ChildReport with the same code as the calling thread would.
 */
import { workerData } from 'node:worker_threads';
import type { ChildReport } from '../../core/consolidate/child-report';
import { nationalRegistry } from '../../core/units/national-registry';
import { UnitRegistry } from '../../core/units/unit-registry';
import { fileReport } from './file-report';
import type { ReportRequest, ReportWorkerData } from './report-messages';
import { servePoolRequests } from './serve-pool-requests';

const data = workerData as ReportWorkerData;
const registry = data.registry === 'national' ? nationalRegistry() : new UnitRegistry(data.registry);

servePoolRequests<ReportRequest, ChildReport>(async (req) => {
  const ctx = { ...req.ctx, registry };
  const response = await fileReport(req.bytes, req.facts, ctx, data.limits ? { limits: data.limits } : {});
  return { response };
});
