/**
 * PHU's application layer: the use cases every face (the `phu` command,
 * the Excel task pane, the web page) runs, written once over small ports.
 * Runtime-neutral: no Node.js, no Office.js, no DOM; the faces turn their
 * inputs (a folder, picked files, a SharePoint folder) into InputFiles,
 * give a WorkbookReader (the xlsx reader, in the calling thread or in a
 * budgeted worker), and render what comes back. Findings carry codes and
 * parameters; wording is picked by language at the edge.
 *
 * Data flow of one file: InputFile (adapter) -> ignoreReason -> read with
 * the size limit -> sha256Hex -> WorkbookReader -> validateSubmission ->
 * ChildReport -> consolidate -> OutputBook (written by the face).
 */
export { WORKBOOK_EXTENSIONS, ignoreReason } from './ignore-reason';
export { inputFromDriveItem, inputFromPicked, inputsFromDrive, type InputFile, type PickedFile } from './input-file';
export type { WorkbookRead, WorkbookReader } from './workbook-reader';
export { sha256Hex } from './sha256-hex';
export { readReport, readReports, statusOf, type FileState, type ReadReportsOptions, type ReportRequest } from './read-reports';
export { consolidateFiles, consolidateReports, type ConsolidateRequest, type ConsolidatedBook } from './consolidate-files';
export { readPreviousFile, readPreviousFiles, readTargetsFile, type NamedBytes } from './campaign-inputs';
export { checkFile, formOfBook, type CheckedWorkbook } from './check-file';
export { carriedFormOf } from './carried-form-of';
export { TemplateError, childTemplates, unitTemplate, type UnitTemplate } from './make-templates';
export { conventionFileName, pushTarget, type PushTarget } from './push-target';
export { pushRefusalText, pushWorkbook, type NameFromWorkbook, type PushRefusal, type PushRequest, type PushResult } from './push-workbook';
export { IGNORE_REASONS, ignoreReasonText, type IgnoreReason } from '../core/findings/ignore-reasons';
export { compareFileNames } from '../core/text/compare-file-names';
export { DEFAULT_READ_LIMITS, READ_LIMIT_ENV, readLimitsFromEnv, resolveReadLimits, type ReadLimits } from '../xlsx/read-limits';
export { FAILURE_CODES, failure, type Failure, type FailureCode } from '../core/failures/failure-codes';
export { errorText, failureText } from '../core/failures/failure-text';
