import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock asks office-addin-manifest only for the host names; the
// manifest package pulls in an ES-module-only dependency that Jest's
// CommonJS runtime cannot load on Node 20, so the names are supplied here.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { selectCell } from '../operations/select-cell';
import { queueSheetRead, sheetGridOf } from './read-sheets';

/** A mock workbook with one sheet whose used range starts at B3. */
function mockContext(syncFails = false): { context: Excel.RequestContext; calls: string[] } {
  const calls: string[] = [];
  const data = {
    workbook: {
      worksheets: {
        sheet: {
          used: { values: [['Thôn 1', 12, '#REF!'], ['', true, '1.234']], rowIndex: 2, columnIndex: 1 },
          cell: {
            select(): void {
              calls.push('select');
            },
          },
          activate(): void {
            calls.push('activate');
          },
          getUsedRangeOrNullObject(valuesOnly: boolean): unknown {
            calls.push(`usedRange(${String(valuesOnly)})`);
            return (this as unknown as { used: unknown }).used;
          },
          getRange(address: string): unknown {
            calls.push(`getRange(${address})`);
            return (this as unknown as { cell: unknown }).cell;
          },
        },
        getItem(name: string): unknown {
          calls.push(`getItem(${name})`);
          return (this as unknown as { sheet: unknown }).sheet;
        },
      },
    },
    ...(syncFails
      ? {
          sync: (): Promise<void> => Promise.reject(new Error('ItemNotFound')),
        }
      : {}),
  };
  const mock = new OfficeMockObject(data) as unknown as Excel.RequestContext;
  return { context: mock, calls };
}

describe('Excel adapter with office-addin-mock', () => {
  it('reads a used range that does not start at A1 into sheet positions, values only', async () => {
    const { context, calls } = mockContext();
    const read = queueSheetRead(context, 'SoLieu');
    await context.sync();
    const grid = sheetGridOf(read);
    expect(calls).toEqual(['getItem(SoLieu)', 'usedRange(true)']);
    expect(grid.rows[0]).toBeUndefined();
    expect(grid.rows[2]).toEqual([null, 'Thôn 1', 12, { error: '#REF!' }]);
    expect(grid.rows[3]).toEqual([null, null, true, '1.234']);
  });

  it('shows a finding’s cell: activates its sheet and selects the cell', async () => {
    const { context, calls } = mockContext();
    await expect(selectCell(context, 'SoLieu', 'E4')).resolves.toBe(true);
    expect(calls).toEqual(['getItem(SoLieu)', 'activate', 'getRange(E4)', 'select']);
  });

  it('says so when the cell can no longer be shown', async () => {
    const { context } = mockContext(true);
    await expect(selectCell(context, 'Đã xóa', 'A1')).resolves.toBe(false);
  });
});
