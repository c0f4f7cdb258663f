/**
 * Writes examples/csv/ from test/io/examples.ts with the library's own exporter: the four files
 * (labourers, employers, posts, groups) in UTF-8 with BOM and Chinese headers, and
 * labourers.gbk.csv, the same labourers in GBK.
 *
 * Run: npx tsx test/io/write-examples.ts
 */
import { writeFileSync } from 'node:fs';
import { exportDatasetCsv } from '../../src/io/index.js';
import { EXAMPLE_INPUT } from './examples.js';

const dir = new URL('../../examples/csv/', import.meta.url);
const utf8 = exportDatasetCsv(EXAMPLE_INPUT, { headers: 'zh' });
const gbk = exportDatasetCsv(EXAMPLE_INPUT, { headers: 'zh', encoding: 'gb18030' });
writeFileSync(new URL('labourers.csv', dir), utf8.labourers);
writeFileSync(new URL('employers.csv', dir), utf8.employers);
writeFileSync(new URL('posts.csv', dir), utf8.posts);
writeFileSync(new URL('groups.csv', dir), utf8.groups);
writeFileSync(new URL('labourers.gbk.csv', dir), gbk.labourers);
