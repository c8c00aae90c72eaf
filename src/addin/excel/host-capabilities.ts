/** What the running Excel can do, by the requirement sets it reports. */
export interface HostCapabilities {
  /** ExcelApi 1.7: reading and writing sheets as PHU does (used ranges, ranges by index, protection). */
  readonly core: boolean;
  /** ExcelApi 1.6: rate colour scales and data bars. */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.8: whole-number validation of input cells; opening a new workbook. */
  readonly dataValidation: boolean;
  readonly createWorkbook: boolean;
  /** ExcelApi 1.7: charts with a second series drawn as another type (the goal line over the rate bars). */
  readonly charts: boolean;
  /** ExcelApi 1.9: finding highlights (several cells per rule) and autofilters. */
  readonly highlights: boolean;
  readonly autoFilter: boolean;
  /** ExcelApi 1.20: an operation's syncs merged into one undo step (`mergeUndoGroup`). */
  readonly undoGroup?: boolean;
}

/** The minimum requirement set of the task pane. */
export const MIN_EXCEL_API = '1.7';

type Requirements = { isSetSupported(name: string, version?: string): boolean };

/** Asks the host (never assumes): each feature is used only where its requirement set is supported. */
export function hostCapabilities(requirements: Requirements | undefined = officeRequirements()): HostCapabilities {
  const has = (v: string): boolean => requirements?.isSetSupported('ExcelApi', v) ?? false;
  return {
    core: has(MIN_EXCEL_API),
    conditionalFormats: has('1.6'),
    dataValidation: has('1.8'),
    createWorkbook: has('1.8'),
    charts: has('1.7'),
    highlights: has('1.9'),
    autoFilter: has('1.9'),
    undoGroup: has('1.20'),
  };
}

/** Every capability, for tests and the stand-in host. */
export const ALL_CAPABILITIES: HostCapabilities = { core: true, conditionalFormats: true, dataValidation: true, createWorkbook: true, charts: true, highlights: true, autoFilter: true, undoGroup: true };

function officeRequirements(): Requirements | undefined {
  return typeof Office === 'undefined' ? undefined : Office.context?.requirements;
}
