// What a picture in docs/images/ is checked against: the SHA-256 of its model, line endings as LF.
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function modelHash(xml) {
  return createHash('sha256').update(xml.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

export function pictureOf(model) {
  return join(root, 'docs/images', basename(model).replace(/\.bpmn$/, '.svg'));
}
