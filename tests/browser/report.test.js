// The HTML report in a real browser: headless Debian chromium driven by playwright-core loads the
// seed call's page from a file:// URL, and checks what a reader relies on.
//
//   node tests/browser/report.test.js BUILD/src/callscope OUTDIR [--update-doc]
//
// Writes OUTDIR/report.html and OUTDIR/report.png; --update-doc also copies the screenshot to
// docs/report.png (the one README shows). Run from the repository root (ctest does).
"use strict";
const { chromium } = require("playwright-core");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const SEED = "corpora/se_final_juniper_q3_2008.txt";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const KINDS = { guidance: "guidance", metric: "metrics", hedge: "hedges", nonanswer: "nonanswers" };

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// The tags the JSON sink reports for the same call: the page must show exactly these.
function tagCounts(bin) {
  const j = JSON.parse(execFileSync(bin, ["analyze", SEED], { maxBuffer: 64 << 20 }).toString());
  const n = {};
  for (const [kind, key] of Object.entries(KINDS)) {
    const list = j[key] ?? (j.tags || {})[key];
    n[kind] = Array.isArray(list) ? list.length : undefined;  // undefined: not in the JSON yet
  }
  return n;
}

// The picture README shows: the top of the page (header, guidance, speakers) above the transcript
// paragraph with the most highlights, under the sticky legend; two real screenshots, stacked.
async function screenshot(browser, page, html, out) {
  await page.setViewportSize({ width: 1280, height: 1240 });
  await page.goto("file://" + html, { waitUntil: "load" });
  const top = await page.screenshot();
  await page.evaluate(() => {
    let best = null, most = -1;
    for (const p of document.querySelectorAll("#tx .turn p")) {
      const n = p.querySelectorAll("mark").length;
      if (n > most) best = p, most = n;
    }
    window.scrollTo(0, best.getBoundingClientRect().top + window.scrollY - 150);
  });
  await page.setViewportSize({ width: 1280, height: 460 });
  const excerpt = await page.screenshot();
  const sheet = await browser.newPage({ viewport: { width: 1280, height: 600 } });
  const img = (b) => `<img alt="" style="display:block" src="data:image/png;base64,${b.toString("base64")}">`;
  await sheet.setContent(`<body style="margin:0;background:#f4f6f8">${img(top)}<div style="height:14px;background:
    repeating-linear-gradient(135deg,#cbd2d9 0 6px,#f4f6f8 6px 12px)"></div>${img(excerpt)}</body>`);
  await sheet.screenshot({ path: out, fullPage: true });
  await sheet.close();
}

async function main() {
  const [bin, outDir] = process.argv.slice(2);
  const updateDoc = process.argv.includes("--update-doc");
  if (!bin || !outDir) throw new Error("usage: report.test.js CALLSCOPE OUTDIR [--update-doc]");
  fs.mkdirSync(outDir, { recursive: true });
  const html = path.resolve(outDir, "report.html");
  execFileSync(bin, ["report", SEED, "--html", html]);
  const tags = tagCounts(bin);

  // launch() starts from a fresh temporary profile (its own --user-data-dir) every time.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [], fetched = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => !r.url().startsWith("file:") && !r.url().startsWith("data:") && fetched.push(r.url()));
    await page.goto("file://" + html, { waitUntil: "load" });

    check((await page.title()).includes("Juniper"), "the title names the company");
    check((await page.locator("header.call h1").textContent()).includes("Juniper Networks"), "the call header");
    const headings = await page.locator("main > section > h2").allTextContents();
    check(headings[0] && headings[0].startsWith("Guidance"), `guidance comes first (sections: ${headings.map((h) => h.split(" ")[0]).join(", ")})`);
    const rows = await page.locator("#guidance tbody tr").count();
    check(rows === (tags.guidance ?? rows), `${rows} guidance rows for ${tags.guidance} guidance items`);
    if (!rows) check(await page.locator("#guidance .empty").count() === 1, "no guidance: the section says so");

    // Every in-page link (table rows to their sentence, exchanges) lands on an element.
    const broken = await page.$$eval("a[href^='#']", (as) =>
      as.map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(id)));
    check(broken.length === 0, `every in-page link has a target${broken.length ? ": missing " + broken.slice(0, 5) : ""}`);

    const marks = {};
    for (const kind of Object.keys(KINDS)) marks[kind] = await page.locator(`#tx mark.hl-${kind}`).count();
    check(Object.values(marks).some((n) => n > 0), `highlights in the transcript: ${JSON.stringify(marks)}`);
    for (const [kind, n] of Object.entries(tags))
      if (n !== undefined) check(n === 0 ? marks[kind] === 0 : marks[kind] > 0, `${kind}: ${n} tags, ${marks[kind]} highlights`);
    check(await page.locator("#tx mark.hl-metric[id]").count() === tags.metric, "one anchor per metric");
    check(await page.locator("svg.chart .ch-row").count() > 0, "the per-speaker chart has rows");
    check(await page.locator("#exchanges tbody tr").count() > 0, "the exchange list has rows");

    // Toggles: keyboard-operable, hide and show their kind of highlight.
    const bg = (kind) => page.$eval(`#tx mark.hl-${kind}`, (m) => getComputedStyle(m).backgroundColor);
    for (const kind of Object.keys(KINDS)) {
      const box = page.locator(`.legend input[data-kind='${kind}']`);
      check(await box.count() === 1 && !!(await box.getAttribute("aria-label")), `${kind} toggle with an aria-label`);
      if (!marks[kind]) continue;
      const on = await bg(kind);
      await box.focus();
      await page.keyboard.press("Space");
      const off = await bg(kind);
      await page.keyboard.press("Space");
      const back = await bg(kind);
      check(on !== "rgba(0, 0, 0, 0)" && off === "rgba(0, 0, 0, 0)" && back === on,
            `${kind} toggle hides and shows highlights (${on} -> ${off} -> ${back})`);
    }

    const shot = path.join(outDir, "report.png");
    await screenshot(browser, page, html, shot);
    check(fs.statSync(shot).size > 10000, `screenshot ${shot}`);
    if (updateDoc) fs.copyFileSync(shot, "docs/report.png");
    check(errors.length === 0, `no console errors${errors.length ? ": " + errors.join(" | ") : ""}`);
    check(fetched.length === 0, `self-contained: nothing fetched${fetched.length ? ": " + fetched.join(" ") : ""}`);
  } finally {
    await browser.close();
  }
  console.log(failures ? `${failures} failed` : "all passed");
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
