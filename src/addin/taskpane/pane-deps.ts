import type { FormDef } from '../../core/forms/form-schema';
import type { UnitRegistry } from '../../core/units/unit-registry';
import type { HostCapabilities } from '../excel/host-capabilities';
import type { WorkbookReader } from '../../app/workbook-reader';
import type { Lang } from './i18n';
import type { SharePointAccess, SharePointSession } from './sharepoint-session';

/** The xlsx writer, loaded on demand into its own chunk (workbooks are read in the reading worker). */
export interface XlsxModule {
  writeWorkbook(book: import('../../core/grid/output-book').OutputBook): Promise<Uint8Array>;
}

/** Reads workbooks off the pane's thread, each under a deadline; `dispose` stops the read under way (Hủy). */
export interface PaneReader extends WorkbookReader {
  dispose(): void;
}

/** What the pane needs from its host: Excel, the catalogue, files. Tests give stand-ins. */
export interface PaneDeps {
  readonly runExcel: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly capabilities: HostCapabilities;
  readonly forms: readonly FormDef[];
  /** The national catalogue, built on first use. */
  readonly registry: () => UnitRegistry;
  readonly loadXlsx: () => Promise<XlsxModule>;
  /** Every workbook the pane reads from a file (children, previous period, target table) goes through it. */
  readonly reader: PaneReader;
  /** Opens a workbook from .xlsx bytes (base64), when the host can. */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  /** Offers bytes as a file download. */
  readonly download: (name: string, bytes: Uint8Array) => void;
  readonly today: () => string;
  /** SharePoint/OneDrive through Microsoft Graph, or why it is unavailable. */
  readonly sharePoint: SharePointAccess;
}

/** What a panel sees: its dependencies and the current language. */
export interface PanelContext {
  readonly deps: PaneDeps;
  lang(): Lang;
  /** The pane's SharePoint session, shared by the panels. */
  readonly sharePoint: SharePointSession;
  /** Opens another tab (`template` to make a form where sheets are missing). */
  goTo(tab: string): void;
}

/** A tab's content: its element, redrawn on demand (language switch, state change). */
export interface Panel {
  readonly element: HTMLElement;
  render(): void;
}
