import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'log-lines.ts');

function start(mode: 'exit' | 'stay') {
  return spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('the logger', () => {
  it('writes every line before the process exits, batched or not', async () => {
    const child = start('exit');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; msg: string });
    expect(lines.map((line) => line.line)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(lines[0]!.msg).toBe('phản ánh đã tiếp nhận');
  });

  it('shows a quiet server’s line while it keeps running', async () => {
    const child = start('stay');
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')));
        child.once('exit', () => reject(new Error('exited before its line was written')));
      });
      expect(JSON.parse(line)).toMatchObject({ msg: 'đang chạy', service: 'tinhso' });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
