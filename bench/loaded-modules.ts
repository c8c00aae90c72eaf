/**
 * Preloaded (`node -r`) into a measured command: on exit, writes to the
 * file named by PHU_BENCH_MODULES whether ExcelJS was loaded, and how many
 * modules were.
 */
import * as fs from 'node:fs';

const out = process.env.PHU_BENCH_MODULES;
if (out) {
  process.on('exit', () => {
    const loaded = Object.keys(require.cache);
    fs.writeFileSync(out, JSON.stringify({ exceljs: loaded.some((p) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(p)), modules: loaded.length }));
  });
}
