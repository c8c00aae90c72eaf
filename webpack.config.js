/* Builds the Excel add-in into dist/: taskpane.html (the shared runtime:
 * task pane and custom functions in one page), functions.js, taskpane.js,
 * read-worker.js (the Web Worker the pane reads files in),
 * functions.json (generated from the JSDoc of the PHU.* functions),
 * manifest.xml and assets. `--mode production` rewrites every dev URL of
 * the manifest to PHU_ADDIN_URL. A second build makes the standalone web
 * page in dist/web/ (index.html, its scripts, the reading worker, styles):
 * PHU without Office.js, self-contained so dist/web/ can be hosted alone. */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_URL = 'https://localhost:3000/';
/** Where dist/ is served from in production; set PHU_ADDIN_URL when building for a real host. */
const PROD_URL = withSlash(process.env.PHU_ADDIN_URL || 'https://addin.phu.example/');
const FUNCTIONS_ENTRY = './src/addin/functions/functions.ts';

function withSlash(u) {
  return u.endsWith('/') ? u : `${u}/`;
}

/** Every dev URL of a manifest (with or without the trailing slash) to `prod`. */
function rewriteUrls(xml, prod = PROD_URL) {
  const origin = new URL(prod).origin;
  return xml.split(DEV_URL).join(prod).split(DEV_URL.slice(0, -1)).join(origin);
}

/**
 * The dev server's certificate from office-addin-dev-certs, which also
 * installs its CA so Office trusts https://localhost:3000. Where the CA
 * cannot be installed (no admin rights, a container), the generated
 * certificate is still served and the reason printed: Office will not
 * trust it until the CA is installed (`npx office-addin-dev-certs install`).
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    const fs = require('fs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const file = (name) => path.join(dir, name);
    if (!['ca.crt', 'localhost.crt', 'localhost.key'].every((n) => fs.existsSync(file(n)))) throw e;
    console.warn(`PHU dev server: the developer CA is not installed (${e.message.split('\n')[0]}); serving the generated certificate anyway.`);
    return { ca: fs.readFileSync(file('ca.crt')), cert: fs.readFileSync(file('localhost.crt')), key: fs.readFileSync(file('localhost.key')) };
  }
}

/**
 * functions.json's helpUrl points at the dev server as the manifest does;
 * a production build rewrites it the same way.
 */
class RewriteFunctionsJson {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PhuRewriteFunctionsJson', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PhuRewriteFunctionsJson', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, (assets) => {
        const asset = assets['functions.json'];
        if (asset) compilation.updateAsset('functions.json', new webpack.sources.RawSource(rewriteUrls(asset.source().toString())));
      });
    });
  }
}

/** The resolution and plugins both builds need to run src/xlsx in a browser. */
function browserResolve() {
  return {
    extensions: ['.ts', '.js', '.json'],
    // The xlsx adapter's few Node needs, met in the browser (see src/addin/browser/).
    alias: {
      'node:zlib': path.resolve(__dirname, 'src/addin/browser/zlib-browser.ts'),
      zlib: path.resolve(__dirname, 'src/addin/browser/zlib-browser.ts'),
    },
    fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
  };
}

function tsRule() {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
  };
}

/**
 * The standalone page (dist/web/): the same engine as the pane, no
 * Office.js, nothing from another origin. The reading worker is its own
 * entry, loading any chunk with importScripts.
 */
function webConfig(dev) {
  return {
    name: 'web',
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      web: './src/web/web-entry.ts',
      'read-worker': { import: './src/browser-read/read-worker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: path.resolve(__dirname, 'dist', 'web'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: browserResolve(),
    module: { rules: [tsRule()] },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:zlib$/, path.resolve(__dirname, 'src/addin/browser/zlib-browser.ts')),
      new webpack.ProvidePlugin({ Buffer: [path.resolve(__dirname, 'src/addin/browser/buffer-browser.ts'), 'Buffer'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/web/index.html', chunks: ['web'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/web/web.css', to: 'web.css' },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addin = await addinConfig(dev, serving);
  // The dev server serves the add-in alone; `npm run build` makes both.
  return serving ? addin : [addin, webConfig(dev)];
};

async function addinConfig(dev, serving) {
  return {
    name: 'addin',
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: './src/addin/taskpane/taskpane.ts',
      'auth-redirect': './src/addin/auth/auth-redirect-entry.ts',
      // The pane reads every file in this worker (src/browser-read), the page's own reading worker.
      'read-worker': { import: './src/browser-read/read-worker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/web/ is the web page's build, made beside this one.
      clean: { keep: /^web[\\/]/ },
    },
    resolve: browserResolve(),
    // Types are checked by `npm run typecheck`; ES modules let webpack split ExcelJS into its own chunk.
    module: { rules: [tsRule()] },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:zlib$/, path.resolve(__dirname, 'src/addin/browser/zlib-browser.ts')),
      new webpack.ProvidePlugin({ Buffer: [path.resolve(__dirname, 'src/addin/browser/buffer-browser.ts'), 'Buffer'] }),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_ENTRY, output: 'functions.json' }),
      ...(dev ? [] : [new RewriteFunctionsJson()]),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      // The fallback sign-in popup's redirect page (serve it without a Cross-Origin-Opener-Policy header).
      new HtmlWebpackPlugin({ filename: 'auth-redirect.html', template: './src/addin/auth/auth-redirect.html', chunks: ['auth-redirect'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/addin/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : Buffer.from(rewriteUrls(content.toString()))),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
      server: serving ? { type: 'https', options: await httpsOptions() } : 'https',
    },
  };
}

module.exports.rewriteUrls = rewriteUrls;
module.exports.DEV_URL = DEV_URL;
