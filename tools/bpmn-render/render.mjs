// Renders each processes/*.bpmn to docs/images/<name>.svg with the bpmn-js viewer in headless Chromium
// (Debian's /usr/bin/chromium, or $CHROMIUM). Each picture records the SHA-256 of the model it was drawn
// from, so check.mjs can tell a stale picture without a browser.
//   node tools/bpmn-render/render.mjs [processes/x.bpmn ...]
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelHash, pictureOf, root } from './model-hash.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const viewer = join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
const models = process.argv.length > 2
  ? process.argv.slice(2).map((m) => resolve(m))
  : readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort()
      .map((f) => join(root, 'processes', f));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
  await page.addScriptTag({ path: viewer });
  for (const model of models) {
    const xml = readFileSync(model, 'utf8');
    const svg = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const viewer = new BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) throw new Error(warnings.map((w) => w.message).join('; '));
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return svg;
    }, xml);
    const source = relative(root, model);
    // bpmn-js names each arrow-head marker at random; number them so that a re-render of the same
    // model gives the same file.
    const markers = new Map();
    const stable = svg.replace(/marker-[a-z0-9]+/g, (id) => {
      if (!markers.has(id)) markers.set(id, `marker-${markers.size + 1}`);
      return markers.get(id);
    });
    const stamp = `<!-- rendered by tools/bpmn-render from ${source}, model sha256 ${modelHash(xml)} -->`;
    const out = stable
      .replace(/(<\?xml[^>]*\?>\n?)/, `$1${stamp}\n`)
      .replace(/<svg /, '<svg style="background-color:#fff" ');
    const target = pictureOf(model);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.endsWith('\n') ? out : out + '\n');
    console.log(`${source} -> ${relative(root, target)}`);
  }
} finally {
  await browser.close();
}
