import { DEFAULT_READ_DEADLINE_MS } from './worker-reader';

/**
 * The per-file reading deadline, in milliseconds, a page's address asks for
 * (`?deadline=<seconds>`, decimals allowed), or the default (30 s) when it
 * asks for none or for something that is not a positive number. Only whoever
 * serves the page sets its address: the add-in's manifest, the page's host.
 *
 * @example readDeadlineMs('?deadline=2.5') // 2500
 */
export function readDeadlineMs(search: string): number {
  const asked = Number(new URLSearchParams(search).get('deadline') ?? '');
  return Number.isFinite(asked) && asked > 0 ? asked * 1000 : DEFAULT_READ_DEADLINE_MS;
}
