/**
 * The default FileStore: content on the local disk under `storageDir/ab/cd/<sha256>`, the
 * two levels of fan-out keeping directories small. A write goes to a temporary file in the
 * same file system, is flushed to disk, then renamed over its final name: a reader sees
 * either nothing or the whole content, never a half-written file, even after a crash.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertSha256,
  ContentNotFoundError,
  ContentTooLargeError,
  type ContentStat,
  type FileStore,
  type PutOptions,
  type PutResult,
} from './file-store';

const TEMP_DIR = '.tmp';

/** Hashes and counts the bytes flowing through, failing as soon as the limit is passed. */
class DigestingLimiter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new ContentTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable | Buffer, options: PutOptions = {}): Promise<PutResult> {
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const tempDir = path.join(this.root, TEMP_DIR);
    await fsp.mkdir(tempDir, { recursive: true });
    const temp = path.join(tempDir, `${randomBytes(16).toString('hex')}.part`);
    const digest = new DigestingLimiter(options.maxBytes ?? Number.POSITIVE_INFINITY);
    try {
      // `flush` fsyncs the data before the file is closed, so the rename below never
      // publishes content that is still only in the page cache.
      await pipeline(
        source,
        digest,
        fs.createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }),
      );
      const sha256 = digest.hash.digest('hex');
      const target = this.pathOf(sha256);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // Renaming over identical content is harmless, and it refreshes the modification time
      // the clean-up job reads, which closes the race with a concurrent removal.
      await fsp.rename(temp, target);
      await syncDirectory(path.dirname(target));
      return { sha256, size: digest.size };
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const handle = await fsp.open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new ContentNotFoundError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<ContentStat | null> {
    try {
      const stat = await fsp.stat(this.pathOf(sha256));
      return { size: stat.size, lastWrittenAt: stat.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }

  async sweep(before: Date): Promise<number> {
    const tempDir = path.join(this.root, TEMP_DIR);
    let names: string[];
    try {
      names = await fsp.readdir(tempDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(tempDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.mtime < before) {
        await fsp.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
