import { groupedExcelRun, type ExcelRun } from './grouped-excel-run';

function recorder(fail?: unknown): { run: ExcelRun; calls: Array<boolean | undefined> } {
  const calls: Array<boolean | undefined> = [];
  const run: ExcelRun = async (options, batch) => {
    calls.push(options?.mergeUndoGroup);
    if (fail !== undefined && options?.mergeUndoGroup) throw fail;
    return batch({} as Excel.RequestContext);
  };
  return { run, calls };
}

describe('groupedExcelRun', () => {
  it('asks for one undo group where Excel has ExcelApi 1.20, and not elsewhere', async () => {
    const grouped = recorder();
    await expect(groupedExcelRun(grouped.run, true)(() => Promise.resolve(7))).resolves.toBe(7);
    expect(grouped.calls).toEqual([true]);
    const plain = recorder();
    await groupedExcelRun(plain.run, false)(() => Promise.resolve(1));
    expect(plain.calls).toEqual([undefined]);
  });

  it('runs again ungrouped when Excel says the batch cannot be grouped; other failures stay failures', async () => {
    const refused = recorder({ code: 'UndoNotSupported', message: 'x' });
    await expect(groupedExcelRun(refused.run, true)(() => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(refused.calls).toEqual([true, undefined]);
    const broken = recorder({ code: 'InvalidArgument' });
    await expect(groupedExcelRun(broken.run, true)(() => Promise.resolve('ok'))).rejects.toEqual({ code: 'InvalidArgument' });
    expect(broken.calls).toEqual([true]);
  });
});
