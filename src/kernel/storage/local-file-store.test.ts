import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from './local-file-store';
import { ContentNotFoundError, ContentTooLargeError } from './file-store';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('local file store', () => {
  let root: string;
  let store: LocalFileStore;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-store-'));
    store = new LocalFileStore(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores content under ab/cd/<sha256> and reads it back', async () => {
    const content = 'Biên bản họp Ủy ban nhân dân tỉnh Quảng Ninh';
    const put = await store.put(Readable.from([Buffer.from(content)]));
    expect(put).toEqual({ sha256: sha(content), size: Buffer.byteLength(content) });
    const file = path.join(root, put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(await text(await store.get(put.sha256))).toBe(content);
    expect(await store.has(put.sha256)).toBe(true);
    expect((await store.stat(put.sha256))?.size).toBe(Buffer.byteLength(content));
  });

  it('stores the same bytes once, from a buffer or a stream', async () => {
    const first = await store.put(Buffer.from('cùng nội dung'));
    const second = await store.put(Readable.from([Buffer.from('cùng '), Buffer.from('nội dung')]));
    expect(second.sha256).toBe(first.sha256);
    const dir = path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(fs.readdirSync(dir)).toEqual([first.sha256]);
  });

  it('refuses content over the limit and leaves no file behind', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 10; i += 1) yield Buffer.alloc(1024, i);
      })(),
    );
    await expect(store.put(source, { maxBytes: 4096 })).rejects.toBeInstanceOf(
      ContentTooLargeError,
    );
    expect(source.destroyed).toBe(true);
    const leftovers = fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => fs.statSync(path.join(root, name)).isFile());
    expect(leftovers).toEqual([]);
  });

  it('accepts content exactly at the limit', async () => {
    const put = await store.put(Buffer.alloc(4096, 7), { maxBytes: 4096 });
    expect(put.size).toBe(4096);
  });

  it('reports missing content and deletes idempotently', async () => {
    const { sha256 } = await store.put(Buffer.from('tạm thời'));
    await store.delete(sha256);
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    expect(await store.stat(sha256)).toBeNull();
    await expect(store.get(sha256)).rejects.toBeInstanceOf(ContentNotFoundError);
  });

  it('never turns a malformed address into a path', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    await expect(store.delete('A'.repeat(64))).rejects.toThrow(/SHA-256/);
  });

  it('sweeps temporary files left by an interrupted write', async () => {
    const tempDir = path.join(root, '.tmp');
    fs.mkdirSync(tempDir, { recursive: true });
    const stale = path.join(tempDir, 'old.part');
    fs.writeFileSync(stale, 'half');
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    fs.utimesSync(stale, old, old);
    fs.writeFileSync(path.join(tempDir, 'recent.part'), 'in progress');
    expect(await store.sweep(new Date(Date.now() - 24 * 3600_000))).toBe(1);
    expect(fs.readdirSync(tempDir)).toEqual(['recent.part']);
  });
});
