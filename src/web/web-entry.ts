/*
 * The standalone page's entry: PHU without Excel. Reading happens in a
 * worker under a per-file deadline (`?deadline=<seconds>` overrides it).
 */
import { preloadWriter } from './engine';
import { mountWebPage } from './web-page';
import { readDeadlineMs } from '../browser-read/read-deadline';
import { WorkerReader } from '../browser-read/worker-reader';

const reader = new WorkerReader(() => new Worker('read-worker.js'), readDeadlineMs(globalThis.location.search));
const root = document.getElementById('app');
if (root) mountWebPage(root, reader);
// Everything the page will need is fetched now, so it keeps working offline.
reader.warmUp();
void preloadWriter();
globalThis.addEventListener('pagehide', () => reader.dispose());
