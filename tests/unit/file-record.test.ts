import { copyFileSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRecord } from '../../src/lib/file-record.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'file-record-'));
  folders.push(dir);
  const page = path.join(dir, 'index.html');
  writeFileSync(page, '<h1>Nguyễn Văn An</h1>');
  return { dir, page, recordFile: path.join(dir, 'cache', 'record.json'), key: () => FileRecord.key('index.html', statSync(page, { bigint: true })) };
}

describe('the record of output files kept for the next build', () => {
  it('gives back what was kept for a file left as it was, under the same rules', () => {
    const { recordFile, key } = setup();
    const first = FileRecord.load<string | null>(recordFile, 'rules-1');
    expect(first.known(key())).toBeUndefined();
    first.keep(key(), 'hash-a');
    first.save();
    expect(FileRecord.load<string | null>(recordFile, 'rules-1').known(key())).toBe('hash-a');
    expect(FileRecord.load<string | null>(recordFile, 'rules-2').known(key())).toBeUndefined();
  });

  it('no longer knows a file written again with the same text, or replaced by a copy', () => {
    const { dir, page, recordFile, key } = setup();
    const before = key();
    const record = FileRecord.load<true>(recordFile, 'rules');
    record.keep(before, true);
    record.save();
    writeFileSync(page, '<h1>Nguyễn Văn An</h1>');
    utimesSync(page, new Date(), new Date(Date.now() + 5_000));
    expect(FileRecord.load<true>(recordFile, 'rules').known(key())).toBeUndefined();
    copyFileSync(page, path.join(dir, 'copy.html'));
    const written = statSync(page, { bigint: true });
    renameSync(path.join(dir, 'copy.html'), page);
    utimesSync(page, written.atime, written.mtime);
    expect(statSync(page, { bigint: true }).ino).not.toBe(written.ino);
    expect(key()).not.toBe(FileRecord.key('index.html', written));
  });

  it('keeps only what this build recorded, and reads a damaged record as empty', () => {
    const { recordFile, key } = setup();
    const first = FileRecord.load<true>(recordFile, 'rules');
    first.keep(key(), true);
    first.keep('a-file-since-deleted', true);
    first.save();
    const second = FileRecord.load<true>(recordFile, 'rules');
    expect(second.known('a-file-since-deleted')).toBe(true);
    second.keep(key(), true);
    second.save();
    expect(FileRecord.load<true>(recordFile, 'rules').known('a-file-since-deleted')).toBeUndefined();
    writeFileSync(recordFile, '{"rules": "rules", "entries": [');
    expect(FileRecord.load<true>(recordFile, 'rules').known(key())).toBeUndefined();
  });

  it('keeps nothing without a file to keep it in', () => {
    const record = FileRecord.load<true>(undefined, 'rules');
    record.keep('x', true);
    expect(() => record.save()).not.toThrow();
  });
});
