import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { load, startServers } from './harness';
const HZ = 100;
function snap() {
  const out = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const t = Number(f[11]) + Number(f[12]);
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const k =
        comm === 'node'
          ? cmd.includes('servers')
            ? 'node-server'
            : 'node-other'
          : comm.startsWith('postgres')
            ? 'postgres'
            : 'other';
      out.set(k, (out.get(k) ?? 0) + t);
    } catch {}
  }
  return out;
}
const CENTRE = { lat: 20.9481, lon: 107.1168 };
function reports(path: string, apiKey: string) {
  let i = 0;
  return () => {
    const n = i++;
    return {
      path,
      body: new URLSearchParams({
        api_key: apiKey,
        service_code: 'streetlight',
        lat: (CENTRE.lat + ((n % 21) - 10) * 0.0002).toFixed(6),
        long: (CENTRE.lon + ((n % 17) - 8) * 0.0002).toFixed(6),
        address_string: 'Đường Trần Hưng Đạo, phường Hạ Long',
        description: `Cột đèn số ${n} không sáng từ tối qua, đoạn đường rất tối.`,
        'attribute[lights_out]': 'one',
        email: `nguoidan${n % 500}@example.vn`,
        first_name: 'Lan',
        last_name: 'Nguyễn Thị',
      }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': randomUUID(),
      },
    };
  };
}
const servers = await startServers<{ platform: number; bare: number; apiKey: string }>(
  'open311.servers.ts',
);
const { platform, bare, apiKey } = servers.ports;
const run = (port: number, path: string, seconds = 5) =>
  load({
    url: `http://127.0.0.1:${port}`,
    method: 'POST',
    connections: 10,
    seconds,
    next: reports(path, apiKey),
    expectStatus: 200,
  });
await run(bare, '/requests', 2);
await run(platform, '/open311/v2/requests.json', 2);
for (let r = 0; r < 2; r++)
  for (const [name, port, path] of [
    ['bare', bare, '/requests'],
    ['platform', platform, '/open311/v2/requests.json'],
  ] as const) {
    const a = snap();
    const res = await run(port, path);
    const b = snap();
    const n = res.requests;
    const per = [...b]
      .map(([k, v]) => `${k}=${((((v - (a.get(k) ?? 0)) / HZ) * 1000) / n).toFixed(3)}ms`)
      .join(' ');
    console.log(name, Math.round(res.rps), 'rps', per);
  }
servers.stop();
