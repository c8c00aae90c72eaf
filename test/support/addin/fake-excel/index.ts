export { FakeExcelHost, dateToSerial, type FakeHostOptions } from './fake-host';
export { FakeOfficeError, type FakeStats } from './fake-client';
export { FakeSheet, FakeWorkbookModel, parseArea, rangeAddress, type FakeValue, type FakeConditionalFormat, type FakeDataValidation, type FakeChart, type FakeChartSeries } from './fake-model';
export { FakeRequestContext } from './fake-request-context';
