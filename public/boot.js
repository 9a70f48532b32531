// Starts the app. Trunk's default loader is an inline <script>, which the Content-Security-Policy
// in index.html forbids; Trunk.toml's `pattern_script` loads this file instead and passes the
// build's hashed file names as data attributes.
const { js, wasm } = document.querySelector("script[data-js]").dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
