import type { FormDef } from '../../core/forms/form-schema';
import type { UnitRegistry } from '../../core/units/unit-registry';
import type { HostCapabilities } from '../excel/host-capabilities';
import { errorText } from './dom';
import { message } from './i18n';
import type { PanelContext } from './pane-deps';

/** What a panel shows of its workbook operation: the last outcome, whether one runs, the note under it. */
export interface WorkbookOperationState<T> {
  outcome: T | undefined;
  busy: boolean;
  note: string;
}

/** What an operation over the open workbook needs from the pane. */
export interface WorkbookOperationDeps {
  readonly registry: UnitRegistry;
  readonly forms: readonly FormDef[];
  readonly capabilities: HostCapabilities;
}

/**
 * Runs a panel's operation over the open workbook: busy with the note cleared
 * while it runs, then its outcome, or none and the `failed` note. Redraws the
 * panel before and after, so the button shows that it is working.
 */
export async function runWorkbookOperation<T>(
  ctx: PanelContext,
  state: WorkbookOperationState<T>,
  render: () => void,
  operation: (context: Excel.RequestContext, deps: WorkbookOperationDeps) => Promise<T>,
): Promise<void> {
  state.busy = true;
  state.note = '';
  render();
  try {
    state.outcome = await ctx.deps.runExcel((c) => operation(c, { registry: ctx.deps.registry(), forms: ctx.deps.forms, capabilities: ctx.deps.capabilities }));
  } catch (e) {
    state.outcome = undefined;
    state.note = message(ctx.lang(), 'failed', { why: errorText(e) });
  } finally {
    state.busy = false;
    render();
  }
}
