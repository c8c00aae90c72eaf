/*
 * The stand-in for Office.js in the task pane's browser test: the test page
 * loads this bundle where the real page loads Office.js from its CDN, so
 * the built task pane and functions run against an in-memory workbook.
 * The test drives the workbook through `window.__phuFake`.
 */
import { FakeExcelHost } from './fake-excel';

const host = new FakeExcelHost({ platform: 'OfficeOnline' });
host.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
host.install(window as unknown as Record<string, unknown>);
(window as unknown as { __phuFake: FakeExcelHost }).__phuFake = host;
