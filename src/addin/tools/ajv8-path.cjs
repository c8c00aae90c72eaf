/*
 * Lets the Office add-in tools load under this install. schema-utils (used
 * by webpack's plugins) and office-addin-manifest need ajv 8, but
 * legacy-peer-deps leaves ajv 6 (eslint's) at the top of node_modules, so
 * their `require('ajv/dist/...')` fails. When that is the case, the ajv 8
 * that schema-utils carries is put on Node's global search path; nothing
 * changes once ajv 8 is installed at the top.
 * Used by webpack.config.js and, with `node -r`, by the start/stop/validate scripts.
 */
const path = require('path');
const Module = require('module');

function topAjvMajor() {
  try {
    return Number(require('ajv/package.json').version.split('.')[0]);
  } catch {
    return 0;
  }
}

if (topAjvMajor() < 8) {
  try {
    const nested = require.resolve('ajv/package.json', { paths: [path.dirname(require.resolve('schema-utils/package.json'))] });
    const dir = path.dirname(path.dirname(nested));
    const current = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean);
    if (!current.includes(dir)) {
      process.env.NODE_PATH = [...current, dir].join(path.delimiter);
      Module._initPaths();
    }
  } catch {
    // No nested ajv 8 either: the tools report their own error.
  }
}
