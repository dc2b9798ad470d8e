// Fails when a picture in docs/images/ is missing or was drawn from another version of its model in
// processes/, or when a picture has no model any more. Needs no browser and no npm package: the build
// runs it in `verify`; tools/bpmn-render/render.sh draws the pictures again.
//   node tools/bpmn-render/check.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { modelHash, pictureOf, root } from './model-hash.mjs';

const models = readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort();
const problems = [];
for (const name of models) {
  const model = join(root, 'processes', name);
  const picture = pictureOf(model);
  const shown = relative(root, picture);
  if (!existsSync(picture)) {
    problems.push(`${shown} is missing`);
    continue;
  }
  const stamp = /model sha256 ([0-9a-f]{64})/.exec(readFileSync(picture, 'utf8'));
  if (!stamp) problems.push(`${shown} records no model hash`);
  else if (stamp[1] !== modelHash(readFileSync(model, 'utf8'))) problems.push(`${shown} was drawn from an older processes/${name}`);
}
const expected = new Set(models.map((m) => m.replace(/\.bpmn$/, '.svg')));
const images = join(root, 'docs/images');
for (const svg of existsSync(images) ? readdirSync(images).filter((f) => f.endsWith('.svg')) : []) {
  if (/rendered by tools\/bpmn-render/.test(readFileSync(join(images, svg), 'utf8')) && !expected.has(svg)) {
    problems.push(`docs/images/${svg} has no model in processes/ any more`);
  }
}
if (problems.length) {
  for (const p of problems) console.error(`bpmn-render: ${p}`);
  console.error('Draw them again with tools/bpmn-render/render.sh and commit docs/images/.');
  process.exit(1);
}
console.log(`bpmn-render: ${models.length} picture(s) match processes/`);
