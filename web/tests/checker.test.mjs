// Browser tests of web/dist/checker.html in Debian's headless Chromium (scripts/test-web.sh).
//
// The page is opened from file://. Each posting of corpora/ goes through the page twice: typed
// into the form (the level and findings shown, the "Copy JSON" text), and through
// window.rung.analyze, which must equal `rung check FILE --format json` (and, for the JSONL
// corpora, `rung audit FILE --format jsonl`), parsed as JSON. The CLI's id is the file's path:
// the tests pass that same path as the page's `id` option, so the objects compare whole. Only
// where a posting goes through the form with no id (the default "posting") or is opened as a
// file (the id is then the file's name) does the comparison leave the id aside.
//
// The CLI is $RUNG_BIN (scripts/test-web.sh sets it), else target/release/rung.
// Artifacts (screenshots at 1280 and 390 px, light and dark; timing.json) go to
// web/test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pagePath = join(root, "web", "dist", "checker.html");
const pageUrl = pathToFileURL(pagePath).href;
const rungBin = process.env.RUNG_BIN || join(root, "target", "release", "rung");
const artifacts = join(root, "web", "test-artifacts");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(artifacts, { recursive: true });

// Flags for Chromium as root on a machine with no network (see the env notes): no sandbox,
// no background connections of its own.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions"];

/** `rung ARGS` run from the repository root: its stdout (exit 1 only means findings). */
function rung(...args) {
  return rungWith(undefined, ...args);
}

// `rung ARGS` with `input` on its standard input.
function rungWith(input, ...args) {
  const r = spawnSync(rungBin, args, { cwd: root, encoding: "utf8", maxBuffer: 256 << 20, input });
  if (r.error) throw r.error;
  assert.ok(r.status === 0 || r.status === 1, `rung ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

const files = readdirSync(join(root, "corpora", "en"))
  .filter((f) => /\.(md|txt|html?)$/.test(f)).sort()
  .map((f) => `corpora/${"en"}/${f}`);
const jsonlFiles = readdirSync(join(root, "corpora")).filter((f) => f.endsWith(".jsonl")).sort()
  .map((f) => `corpora/${f}`);

let browser, page;
const requests = [];
const pageErrors = [];

/** A page of its own context (viewport, colour scheme, touch) opened on the checker. Every
 *  request any page makes is recorded, and any that is not the page itself refused: the
 *  last test asserts there were none. */
async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  context.on("request", (r) => requests.push(r.url()));
  await context.route("**/*", (route) =>
    route.request().url() === pageUrl ? route.continue() : route.abort());
  const p = await context.newPage();
  p.on("pageerror", (e) => pageErrors.push(String(e)));
  await p.goto(pageUrl);
  await p.evaluate(() => window.rung.ready.then(() => true));
  return p;
}

before(async () => {
  statSync(pagePath); // built by scripts/build-web.sh
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
  page = await newPage();
});

after(async () => {
  await browser?.close();
});

/** Whether the analysis points at any of the posting's text. */
const hasSpans = (value) => JSON.stringify(value).includes('"start":');

/** Puts a posting in the form and checks it, as a person would (typing is `fill` here). */
async function enter(p, title, description, { declared = "", lang = "" } = {}) {
  await p.fill("#title", title);
  await p.fill("#text", description);
  await p.selectOption("#declared", declared);
  await p.selectOption("#lang", lang);
  await p.click("#check");
  await p.waitForSelector("#out:not([hidden])");
}

async function shown(p) {
  return p.evaluate(() => ({
    implied: document.querySelector("#implied").textContent.trim(),
    findings: [...document.querySelectorAll("#findings li:not(.none) code")].map((c) => c.textContent),
    severities: [...document.querySelectorAll("#findings li:not(.none) .chip")].map((c) => c.textContent),
    marks: document.querySelectorAll("#marked mark, #marked-title mark").length,
    state: document.body.dataset.state,
  }));
}

async function copiedJson(p) {
  await p.click("#copy");
  await p.waitForFunction(() => document.querySelector("#status").textContent === "JSON copied");
  return p.evaluate(() => navigator.clipboard.readText());
}

const withoutId = (text) => text.replace(/^ {2}"id": .*$/m, '  "id": null,');

test("the page loads from file:// with the engine and no error", async () => {
  const version = await page.evaluate(() => window.rung.version);
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.equal(await page.evaluate(() => document.body.dataset.state), "empty");
  // Usable as soon as the document is parsed, without awaiting window.rung.ready.
  const p = await newPage();
  await p.goto(pageUrl, { waitUntil: "domcontentloaded" });
  assert.equal(await p.evaluate(() => window.rung.analyze("Junior Data Analyst", "").title_level), "entry");
  await p.context().close();
  assert.deepEqual(pageErrors, []);
});

test("every corpora/en posting typed into the form shows the CLI's level and findings", async () => {
  for (const file of files.filter((f) => !/\.html?$/.test(f))) {
    const cli = rung("check", file, "--format", "json");
    const expected = JSON.parse(cli);
    const text = readFileSync(join(root, file), "utf8");
    const posting = await page.evaluate(([f, t]) => window.rung.read(f, t), [file, text]);
    assert.equal(posting.title, expected.title, file);
    await enter(page, posting.title, posting.description);
    const s = await shown(page);
    assert.equal(s.implied, expected.implied_level, file);
    assert.deepEqual(s.findings, expected.findings.map((f) => f.code), file);
    assert.deepEqual(s.severities, expected.findings.map((f) => f.severity), file);
    assert.equal(s.marks > 0, hasSpans(expected), `${file}: ${s.marks} marks`);
    // "Copy JSON" gives the very text the CLI prints for the same title and text typed in
    // (`rung check - --title`), but for the id (here the default).
    const copied = await copiedJson(page);
    const typed = rungWith(posting.description, "check", "-", "--title", posting.title, "--format", "json");
    assert.equal(withoutId(copied), withoutId(typed), file);
    assert.equal(JSON.parse(copied).id, "posting");
  }
});

test("an HTML posting opened as a file reads and analyses like `rung check page.html`", async () => {
  for (const file of files.filter((f) => /\.html?$/.test(f))) {
    const expected = JSON.parse(rung("check", file, "--format", "json"));
    await page.setInputFiles("#file", join(root, file));
    await page.waitForFunction((t) => document.querySelector("#title").value === t, expected.title);
    await page.waitForSelector("#out:not([hidden])");
    const s = await shown(page);
    assert.equal(s.implied, expected.implied_level, file);
    assert.deepEqual(s.findings, expected.findings.map((f) => f.code), file);
    const copied = JSON.parse(await copiedJson(page));
    assert.equal(copied.id, file.split("/").pop());
    assert.deepEqual({ ...copied, id: file }, expected, file);
    await page.click("#clear");
  }
});

test("window.rung.analyze equals `rung check FILE --format json` for every corpora/en posting", async () => {
  for (const file of files) {
    const expected = JSON.parse(rung("check", file, "--format", "json"));
    const text = readFileSync(join(root, file), "utf8");
    const got = await page.evaluate(([f, t]) => {
      const p = window.rung.read(f, t);
      return window.rung.analyze(p.title, p.description,
        { id: f, titleAt: p.title_at, descriptionAt: p.description_at });
    }, [file, text]);
    assert.deepEqual(got, expected, file);
  }
});

test("declared level and language: the form's selects and the options equal --declared and --lang", async () => {
  const file = "corpora/en/vp-hands-on.md";
  const cases = [["entry", "en"], ["director", ""], ["", "de"]];
  for (const [declared, lang] of cases) {
    const args = ["check", file, "--format", "json"];
    if (declared) args.push("--declared", declared);
    if (lang) args.push("--lang", lang);
    const cli = rung(...args);
    const expected = JSON.parse(cli);
    const text = readFileSync(join(root, file), "utf8");
    const got = await page.evaluate(([f, t, declared, lang]) => {
      const p = window.rung.read(f, t);
      return window.rung.analyze(p.title, p.description,
        { id: f, declared, lang, titleAt: p.title_at, descriptionAt: p.description_at });
    }, [file, text, declared, lang]);
    assert.deepEqual(got, expected, `${file} ${declared} ${lang}`);
    const posting = await page.evaluate(([f, t]) => window.rung.read(f, t), [file, text]);
    await enter(page, posting.title, posting.description, { declared, lang });
    const typedArgs = ["check", "-", "--title", posting.title, ...args.slice(2)];
    const typed = rungWith(posting.description, ...typedArgs);
    assert.equal(withoutId(await copiedJson(page)), withoutId(typed));
  }
  await assert.rejects(page.evaluate(() => window.rung.analyze("x", "y", { declared: "boss" })),
    /unknown level/);
});

test("window.rung.analyze equals `rung audit --format jsonl` for every JSONL posting", async () => {
  let n = 0;
  for (const file of jsonlFiles) {
    const expected = rung("audit", file, "--format", "jsonl").trim().split("\n").map((l) => JSON.parse(l));
    const rows = readFileSync(join(root, file), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(rows.length, expected.length, file);
    const inputs = rows.map((r, i) => ({
      title: r.title, description: r.description,
      options: { id: r.id, declared: expected[i].declared_level },
    }));
    const got = await page.evaluate((inputs) =>
      inputs.map((x) => window.rung.analyze(x.title, x.description, x.options)), inputs);
    for (let i = 0; i < rows.length; i++) assert.deepEqual(got[i], expected[i], `${file}: ${rows[i].id}`);
    // A few of them through the form as well.
    for (const i of [0, 1, 2, Math.floor(rows.length / 2), rows.length - 1]) {
      await enter(page, rows[i].title, rows[i].description, { declared: expected[i].declared_level || "" });
      const s = await shown(page);
      assert.equal(s.implied, expected[i].implied_level, rows[i].id);
      assert.deepEqual(s.findings, expected[i].findings.map((f) => f.code), rows[i].id);
    }
    n += rows.length;
  }
  assert.ok(n >= 200, `only ${n} JSONL postings`);
});

test("keyboard: tab through the form, type a posting, reach the marks and read why", async () => {
  const p = await newPage();
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.activeElement.id), "title");
  await p.keyboard.type("Junior Data Analyst");
  // Checked as you type, after a short pause; "Copy JSON" is enabled once there is a result.
  await p.waitForSelector("#out:not([hidden])");
  const order = [];
  for (let i = 0; i < 7; i++) {
    await p.keyboard.press("Tab");
    order.push(await p.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  assert.deepEqual(order, ["file-button", "text", "declared", "lang", "check", "copy", "clear"]);
  await p.focus("#text");
  await p.keyboard.type("Requirements:\n- 7+ years of experience in SQL reporting\n");
  await p.waitForFunction(() => document.querySelector("#findings code")?.textContent === "title-below-requirements");
  // From the last button, Tab goes on into the marked text; a focused mark explains itself.
  await p.focus("#clear");
  let tag = "";
  for (let i = 0; i < 10 && tag !== "MARK"; i++) {
    await p.keyboard.press("Tab");
    tag = await p.evaluate(() => document.activeElement.tagName);
  }
  assert.equal(tag, "MARK");
  const tip = await p.evaluate(() => ({ hidden: document.querySelector("#tip").hidden, text: document.querySelector("#tip").textContent }));
  assert.equal(tip.hidden, false);
  assert.ok(tip.text.length > 3, tip.text);
  await p.keyboard.press("Escape");
  assert.equal(await p.evaluate(() => document.querySelector("#tip").hidden), true);
  // Enter in the title field checks at once.
  await p.fill("#title", "Senior Data Analyst");
  await p.focus("#title");
  await p.keyboard.press("Enter");
  await p.waitForFunction(() => document.querySelector("#marked-title").textContent === "Senior Data Analyst");
  await p.context().close();
});

test("a tap on a mark shows why it is marked", async () => {
  const p = await newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await enter(p, "Junior Data Analyst", "Requirements:\n- 7+ years of experience in SQL reporting\n");
  await p.tap("#marked mark.fi");
  const tip = await p.evaluate(() => ({ hidden: document.querySelector("#tip").hidden, text: document.querySelector("#tip").textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /title-below-requirements/);
  await p.context().close();
});

test("screenshots at 1280 and 390 px, light and dark; prefers-color-scheme is respected", async () => {
  const file = "corpora/en/junior-with-seven-years.md";
  const text = readFileSync(join(root, file), "utf8");
  const backgrounds = {};
  for (const scheme of ["light", "dark"]) {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const p = await newPage({ viewport: { width, height }, colorScheme: scheme });
      const posting = await p.evaluate(([f, t]) => window.rung.read(f, t), [file, text]);
      await enter(p, posting.title, posting.description, { declared: "entry" });
      backgrounds[scheme] = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Nothing may stick out sideways on a phone.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width}px ${scheme}: ${overflow}px wider than the screen`);
      await p.screenshot({ path: join(artifacts, `checker-${width}-${scheme}.png`), fullPage: true });
      await p.context().close();
    }
  }
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((s, v) => s + +v, 0) / 3;
  assert.ok(lum(backgrounds.light) > 200, backgrounds.light);
  assert.ok(lum(backgrounds.dark) < 60, backgrounds.dark);
});

test("time to analyse a 5 KB posting in the page (reported, not asserted)", async () => {
  const rows = readFileSync(join(root, "corpora", "linkedin-muabdalaleam-sample.jsonl"), "utf8")
    .trim().split("\n").map((l) => JSON.parse(l));
  let description = "";
  for (const r of rows) {
    if (description.length >= 5120) break;
    description += r.description + "\n\n";
  }
  description = description.slice(0, 5120);
  const result = await page.evaluate((description) => {
    const times = [];
    window.rung.analyze("Senior Data Analyst", description); // warm
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      window.rung.analyze("Senior Data Analyst", description);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { runs: times.length, median_ms: times[15], min_ms: times[0], max_ms: times[times.length - 1] };
  }, description);
  result.bytes = Buffer.byteLength(description);
  writeFileSync(join(artifacts, "timing.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(`# 5 KB posting: median ${result.median_ms.toFixed(2)} ms over ${result.runs} runs (min ${result.min_ms.toFixed(2)}, max ${result.max_ms.toFixed(2)})`);
});

test("no request left the page", async () => {
  // The page's own policy refuses a request before it is made (nothing reaches the recorder).
  const fetched = await page.evaluate(() =>
    fetch("https://example.com/").then(() => "sent", (e) => "refused: " + e.message));
  assert.match(fetched, /^refused/);
  assert.deepEqual(pageErrors, []);
  const others = requests.filter((u) => u !== pageUrl);
  assert.deepEqual(others, []);
  assert.ok(requests.includes(pageUrl), "the recorder saw not even the page");
});
