/*
 * The stand-in for Office.js in the task pane's browser test: the test page
 * loads this bundle where the real page loads Office.js from its CDN, so
 * the built task pane and functions run against an in-memory workbook.
 * Like Office, it brokers sign-in (nested app authentication 1.1): the
 * test says who is signed in through `window.__phuFakeAuth`. The test
 * drives the workbook through `window.__phuFake`.
 */
import { FakeExcelHost } from './fake-excel';
import { FakeNestedAppAuthBridge } from './fake-nested-auth';

const host = new FakeExcelHost({ platform: 'OfficeOnline', requirementSets: { ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4', NestedAppAuth: '1.1' } });
host.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
host.install(window as unknown as Record<string, unknown>);
const auth = new FakeNestedAppAuthBridge();
const win = window as unknown as { __phuFake: FakeExcelHost; __phuFakeAuth: FakeNestedAppAuthBridge; nestedAppAuthBridge: FakeNestedAppAuthBridge };
win.__phuFake = host;
win.__phuFakeAuth = auth;
win.nestedAppAuthBridge = auth;
