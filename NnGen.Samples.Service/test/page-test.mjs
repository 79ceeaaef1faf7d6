// The page test: node page-test.mjs <base url> <64 comma-separated pixel values of a test-set digit> [screenshot folder]
// Opens GET / in headless Chromium, draws with mouse events on the 8x8 canvas and asserts that the page shows the
// class the API gives for the same 64 values. Draws (1) a '1' by one vertical drag, (2) a test-set digit by clicking
// every cell whose pixel is 8 or more (the page sets a touched cell to 16). Exits 1 on any failure.
import { chromium } from "playwright-core";

const [base, digitArg, shots] = process.argv.slice(2);
const digit = digitArg.split(",").map(Number);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  page.on("pageerror", e => { console.error("page error:", e.message); failed = true; });
  await page.goto(base + "/");
  const box = await page.locator("#grid").boundingBox();
  const center = (row, col) => [box.x + (col + 0.5) * box.width / 8, box.y + (row + 0.5) * box.height / 8];
  const done = async () => Number(await page.locator("#class").getAttribute("data-done") ?? 0);

  async function check(name, expectedPixels, predictions) {
    await page.waitForFunction(n => Number(document.getElementById("class").dataset.done ?? 0) >= n, predictions, { timeout: 10000 });
    const shown = (await page.locator("#class").textContent()).trim();
    const sent = JSON.parse(await page.locator("#values").textContent());
    if (JSON.stringify(sent) !== JSON.stringify(expectedPixels)) {
      console.error(`${name}: the page sent ${JSON.stringify(sent)}, expected ${JSON.stringify(expectedPixels)}`);
      failed = true;
    }
    const response = await fetch(base + "/predict", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ samples: [expectedPixels] }),
    });
    const api = (await response.json()).predictions[0];
    const ok = response.status === 200 && shown === String(api.class);
    if (!ok) failed = true;
    console.log(`${name}: page shows ${shown}, API says ${api.class} (p = ${api.probabilities[api.class].toFixed(4)}) -> ${ok ? "same" : "DIFFERENT"}`);
    if (shots) await page.screenshot({ path: `${shots}/page-${name.replace(/\W+/g, "-")}.png` });
  }

  // (1) a '1': one drag down column 4, rows 1 to 6.
  const one = new Array(64).fill(0);
  for (let row = 1; row <= 6; row++) one[row * 8 + 4] = 16;
  await page.mouse.move(...center(1, 4));
  await page.mouse.down();
  await page.mouse.move(...center(6, 4), { steps: 25 });
  await page.mouse.up();
  await check("drawn 1", one, 1);

  // (2) the test-set digit, binarized: a click on every cell of 8 or more, then the Predict button.
  await page.click("#clear");
  const before = await done();
  const drawn = digit.map(v => (v >= 8 ? 16 : 0));
  let clicks = 0;
  for (let i = 0; i < 64; i++) {
    if (drawn[i] === 0) continue;
    await page.mouse.click(...center(Math.floor(i / 8), i % 8));
    clicks++;
  }
  await page.click("#predict");
  await check("drawn test digit", drawn, before + clicks + 1);
} catch (e) {
  console.error("page test error:", e);
  failed = true;
} finally {
  await browser.close();
}
console.log(failed ? "page test: FAILED" : "page test: passed");
process.exit(failed ? 1 : 0);
