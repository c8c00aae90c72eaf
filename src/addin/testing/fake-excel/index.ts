export { FakeExcelHost, dateToSerial, type FakeHostOptions } from './fake-host';
export { FakeOfficeError, type FakeStats } from './fake-client';
export { FakeSheet, FakeWorkbookModel, parseArea, rangeAddress, type FakeValue, type FakeConditionalFormat, type FakeDataValidation } from './fake-model';
export { FakeRequestContext } from './fake-objects';
