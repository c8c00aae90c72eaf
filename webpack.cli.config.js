/* Builds the `phu` command line into build/cli/ (`npm run build:node`):
 * phu.js, the reading worker read-worker.js, and the chunks loaded on
 * demand (Graph, the in-thread reader, ExcelJS's and SheetJS's adapters).
 * One file instead of some 250 compiled modules and zod's 94 spares a cold
 * command most of its module loading (docs/performance.md, part 7). The
 * packages a command loads only on its own paths (ExcelJS, SheetJS, MSAL,
 * the Graph SDK) stay in node_modules and are required from there. Only
 * src/ is bundled: test support is never imported by shipped code (lint). */
const path = require('path');
const webpack = require('webpack');

module.exports = {
  name: 'cli',
  mode: 'production',
  target: 'node20',
  devtool: false,
  entry: { phu: './src/cli/phu.ts', 'read-worker': './src/node/budget/read-worker.ts' },
  output: {
    path: path.resolve(__dirname, 'build', 'cli'),
    filename: '[name].js',
    chunkFilename: '[name].js',
    clean: true,
  },
  // __dirname is the bundle's folder: the budgeted reader finds read-worker.js next to it.
  node: { __dirname: false, __filename: false },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        // Types are checked by `npm run typecheck`; ES modules let the bundler keep only what is used (zod's locales).
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } },
      },
    ],
  },
  externals: {
    exceljs: 'commonjs exceljs',
    '@e965/xlsx': 'commonjs @e965/xlsx',
    '@azure/msal-node': 'commonjs @azure/msal-node',
    '@microsoft/microsoft-graph-client': 'commonjs @microsoft/microsoft-graph-client',
  },
  // Readable stack traces (PHU_DEBUG=1 prints them); minifying saves nothing measurable at start-up.
  optimization: { minimize: false, splitChunks: false, chunkIds: 'named', moduleIds: 'named' },
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, include: 'phu.js' })],
  performance: { hints: false },
};
