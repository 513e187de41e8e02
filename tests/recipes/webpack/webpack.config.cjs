// webpack.config.cjs
const path = require('node:path');

module.exports = [
  // The browser bundle: webpack 5 emits secretariat_bg.wasm as an asset, nothing to configure.
  {
    mode: 'production',
    entry: './src/index.js',
    output: { path: path.resolve(__dirname, 'dist'), clean: true },
  },
  // A server bundle (server-side rendering): the .wasm is emitted beside it as well.
  {
    mode: 'production',
    target: 'node',
    entry: './src/server.js',
    output: { path: path.resolve(__dirname, 'dist-server'), filename: 'server.cjs', clean: true },
  },
];
