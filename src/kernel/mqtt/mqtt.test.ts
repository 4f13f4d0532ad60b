import net from 'node:net';
import pino from 'pino';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { startMqtt, type MqttConnection } from './mqtt';

const log = pino({ level: 'silent' });
const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

function configFor(env: Record<string, string>) {
  return loadConfig({ NODE_ENV: 'test', ...env });
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MQTT connection', () => {
  const open: MqttConnection[] = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.close();
  });

  it('round-trips a message through the embedded broker, in-process', async () => {
    const connection = await startMqtt(configFor({ MQTT_EMBEDDED_PORT: '0' }), log);
    open.push(connection);
    expect(connection.broker).not.toBeNull();
    expect(connection.broker!.port).toBeNull();
    await expect(connection.probe.check()).resolves.toBeUndefined();

    const topic = 'tinhso/test/quan-trac/nhiet-do';
    let resolve!: (value: [string, string]) => void;
    const received = new Promise<[string, string]>((r) => (resolve = r));
    await connection.subscribe('tinhso/test/+/nhiet-do', (t, payload) =>
      resolve([t, payload.toString('utf8')]),
    );
    await connection.publish(topic, JSON.stringify({ giaTri: 28.5, donVi: '°C' }));
    expect(await received).toEqual([topic, '{"giaTri":28.5,"donVi":"°C"}']);
  });

  it('lets devices connect over TCP to the embedded broker', async () => {
    const port = await freePort();
    const connection = await startMqtt(
      configFor({ MQTT_EMBEDDED_PORT: String(port), HOST: '127.0.0.1' }),
      log,
    );
    open.push(connection);
    expect(connection.broker!.port).toBe(port);

    let resolve!: (value: string) => void;
    const received = new Promise<string>((r) => (resolve = r));
    await connection.subscribe('tinhso/devices/+/up', (_topic, payload) =>
      resolve(payload.toString('utf8')),
    );
    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      clientId: 'tram-quan-trac-01',
      reconnectPeriod: 0,
    });
    await device.publishAsync('tinhso/devices/tram-01/up', 'mực nước 1,25 m', { qos: 1 });
    expect(await received).toBe('mực nước 1,25 m');
    await device.endAsync();
  });

  it('refuses devices the installed authenticator rejects', async () => {
    const port = await freePort();
    const connection = await startMqtt(
      configFor({ MQTT_EMBEDDED_PORT: String(port), HOST: '127.0.0.1' }),
      log,
    );
    open.push(connection);
    connection.broker!.setDeviceAuthenticator(
      async (_clientId, username, password) =>
        username === 'tram-01' && password?.toString() === 'mat-khau-dung',
    );
    const refused = mqtt.connectAsync(
      `mqtt://127.0.0.1:${port}`,
      { username: 'tram-01', password: 'sai', reconnectPeriod: 0 },
      false,
    );
    await expect(refused).rejects.toThrow(/Not authorized/i);
    const accepted = await mqtt.connectAsync(
      `mqtt://127.0.0.1:${port}`,
      { username: 'tram-01', password: 'mat-khau-dung', reconnectPeriod: 0 },
      false,
    );
    expect(accepted.connected).toBe(true);
    await accepted.endAsync();
    // The platform's own client is never asked for credentials.
    await expect(connection.probe.check()).resolves.toBeUndefined();
  });

  it('round-trips a message through an external broker (Mosquitto)', async () => {
    const publisher = await startMqtt(configFor({ MQTT_URL: MOSQUITTO_URL }), log);
    const subscriber = await startMqtt(configFor({ MQTT_URL: MOSQUITTO_URL }), log);
    open.push(publisher, subscriber);
    expect(publisher.broker).toBeNull();
    await expect(publisher.probe.check()).resolves.toBeUndefined();

    const topic = `tinhso/test/${process.pid}/${Date.now()}/canh-bao`;
    let resolve!: (value: string) => void;
    const received = new Promise<string>((r) => (resolve = r));
    const unsubscribe = await subscriber.subscribe(topic, (_t, payload) =>
      resolve(payload.toString('utf8')),
    );
    await publisher.publish(topic, 'Cảnh báo triều cường tại Vân Đồn');
    expect(await received).toBe('Cảnh báo triều cường tại Vân Đồn');
    await unsubscribe();
  });

  it('reports not ready while the broker is unreachable', async () => {
    const port = await freePort();
    const connection = await startMqtt(configFor({ MQTT_URL: `mqtt://127.0.0.1:${port}` }), log, {
      firstConnectWaitMs: 200,
    });
    open.push(connection);
    await expect(connection.probe.check()).rejects.toThrow(/not connected/);
  });
});
