/**
 * Worker thread entry of ReportPool: turns a file's bytes into its
 * ChildReport with the same code as the calling thread would.
 */
import { workerData } from 'node:worker_threads';
import type { ChildReport } from '../../core/consolidate/child-report';
import { FORMS } from '../../core/forms/form-catalog';
import { nationalRegistry } from '../../core/units/national-registry';
import { registryFor } from '../../core/units/unit-maps';
import { UnitRegistry, type RegistryData } from '../../core/units/unit-registry';
import { fileReport } from './file-report';
import type { ReportRequest, ReportWorkerData } from './report-messages';
import { servePoolRequests } from './serve-pool-requests';

const data = workerData as ReportWorkerData;
const registry = data.registry === 'national' ? nationalRegistry() : 'map' in data.registry && !('units' in data.registry) ? registryFor(data.registry.map) : new UnitRegistry(data.registry as RegistryData);

servePoolRequests<ReportRequest, ChildReport>(async (req) => {
  const form = typeof req.ctx.form === 'number' ? FORMS[req.ctx.form] : req.ctx.form;
  if (!form) throw new Error(`no form ${String(req.ctx.form)} in the catalogue`);
  const ctx = { ...req.ctx, form, registry };
  const response = await fileReport(req.bytes, req.facts, ctx, data.limits ? { limits: data.limits } : {});
  return { response };
});
