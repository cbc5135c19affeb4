// Assembles web/dist/checker.html from the page's template, the HTML report's own CSS
// (src/report/html/style.css, read as it is: the checker's marks, chips and levels look the
// same), the page's CSS and JS, and the engine's WebAssembly as base64.
// Usage: node web/build.mjs ENGINE.wasm OUT.html   (run by scripts/build-web.sh)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [wasmPath, outPath] = process.argv.slice(2);
if (!wasmPath || !outPath) {
  console.error("usage: node web/build.mjs ENGINE.wasm OUT.html");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const read = (...p) => readFileSync(join(here, ...p), "utf8");
const wasm = readFileSync(wasmPath);
WebAssembly.validate(wasm) || (console.error(`${wasmPath}: not WebAssembly`), process.exit(1));

const parts = {
  "/*@REPORT_CSS@*/": read("..", "src", "report", "html", "style.css"),
  "/*@PAGE_CSS@*/": read("page", "checker.css"),
  "/*@PAGE_JS@*/": read("page", "checker.js"),
  "@WASM_BASE64@": wasm.toString("base64"),
};
let html = read("page", "checker.html");
for (const [mark, text] of Object.entries(parts)) {
  if (!html.includes(mark)) throw new Error(`template lacks ${mark}`);
  if (/<\/(style|script)/i.test(text)) throw new Error(`${mark}: text would close its element`);
  html = html.split(mark).join(text);
}
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, html);
console.log(`${outPath}: ${html.length} bytes (engine ${wasm.length} bytes)`);
