/*
 * The standalone page's entry: PHU without Excel. Reading happens in a
 * worker under a per-file deadline (`?deadline=<seconds>` overrides it).
 */
import { preloadWriter } from './engine';
import { mountWebPage } from './web-page';
import { DEFAULT_READ_DEADLINE_MS, WorkerReader } from '../browser-read/worker-reader';

const asked = Number(new URLSearchParams(globalThis.location.search).get('deadline'));
const deadlineMs = Number.isFinite(asked) && asked > 0 ? asked * 1000 : DEFAULT_READ_DEADLINE_MS;
const reader = new WorkerReader(() => new Worker('read-worker.js'), deadlineMs);
const root = document.getElementById('app');
if (root) mountWebPage(root, reader);
// Everything the page will need is fetched now, so it keeps working offline.
reader.warmUp();
void preloadWriter();
globalThis.addEventListener('pagehide', () => reader.dispose());
