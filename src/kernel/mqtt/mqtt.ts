/**
 * The platform's MQTT connection. Without MQTT_URL the embedded broker is started and the
 * client connects to it in-process; with MQTT_URL the client connects to that broker
 * (Mosquitto, EMQX…). Either way parts see the same `publish`/`subscribe`, and the
 * readiness probe reports whether the connection is up.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { ReadinessProbe } from '../http/health.routes';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { isValidFilter, topicMatches } from './topic-filter';

export type QoS = 0 | 1 | 2;
export type MessageHandler = (topic: string, payload: Buffer) => void | Promise<void>;

export interface PublishOptions {
  qos?: QoS;
  retain?: boolean;
}

export interface MqttConnection {
  client: MqttClient;
  /** The embedded broker, or null when connected to an external one. */
  broker: EmbeddedBroker | null;
  publish(topic: string, payload: string | Buffer, options?: PublishOptions): Promise<void>;
  /** Calls `handler` for every message matching `filter`; resolves to an unsubscribe function. */
  subscribe(
    filter: string,
    handler: MessageHandler,
    options?: { qos?: QoS },
  ): Promise<() => Promise<void>>;
  probe: ReadinessProbe;
  close(): Promise<void>;
}

/** How long start-up waits by default for the first connection. */
const FIRST_CONNECT_WAIT_MS = 10_000;

export interface StartOptions {
  /** How long to wait for the first connection before carrying on (not ready). */
  firstConnectWaitMs?: number;
}

export async function startMqtt(
  config: Pick<Config, 'env' | 'host' | 'mqttUrl' | 'mqttEmbeddedPort'>,
  log: Logger,
  startOptions: StartOptions = {},
): Promise<MqttConnection> {
  const mqttLog = log.child({ component: 'mqtt' });
  const options: IClientOptions = {
    // Unique per process: two processes with one id would keep disconnecting each other.
    clientId: `tinhso-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    clean: true,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    keepalive: 30,
  };

  let broker: EmbeddedBroker | null = null;
  let client: MqttClient;
  if (config.mqttUrl === '') {
    broker = await startEmbeddedBroker(config, mqttLog);
    const embedded = broker;
    client = new mqtt.MqttClient(() => embedded.connectInternal(), options);
  } else {
    client = mqtt.connect(config.mqttUrl, options);
  }

  const handlers = new Map<string, Set<MessageHandler>>();
  client.on('message', (topic, payload) => {
    for (const [filter, set] of handlers) {
      if (!topicMatches(filter, topic)) continue;
      for (const handler of set) {
        Promise.resolve()
          .then(() => handler(topic, payload))
          .catch((error: unknown) => {
            mqttLog.error({ err: error, topic }, 'MQTT message handler failed');
          });
      }
    }
  });
  client.on('error', (error) => mqttLog.warn({ err: error }, 'MQTT connection error'));
  client.on('offline', () => mqttLog.warn('MQTT connection lost; reconnecting'));
  client.on('connect', () => mqttLog.info({ embedded: broker !== null }, 'MQTT connected'));

  await waitForFirstConnection(
    client,
    startOptions.firstConnectWaitMs ?? FIRST_CONNECT_WAIT_MS,
  ).catch((error: unknown) => {
    mqttLog.error({ err: error }, 'MQTT broker not reachable yet; will keep trying');
  });

  return {
    client,
    broker,
    publish: async (topic, payload, publishOptions = {}) => {
      await client.publishAsync(topic, payload, {
        qos: publishOptions.qos ?? 1,
        retain: publishOptions.retain ?? false,
      });
    },
    subscribe: async (filter, handler, subscribeOptions = {}) => {
      if (!isValidFilter(filter)) throw new Error(`invalid MQTT topic filter "${filter}"`);
      let set = handlers.get(filter);
      if (!set) {
        set = new Set();
        handlers.set(filter, set);
        await client.subscribeAsync(filter, { qos: subscribeOptions.qos ?? 1 });
      }
      set.add(handler);
      return async () => {
        const current = handlers.get(filter);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(filter);
        await client.unsubscribeAsync(filter);
      };
    },
    probe: {
      name: 'mqtt',
      check: async () => {
        if (!client.connected) throw new Error('MQTT client is not connected');
      },
    },
    close: async () => {
      // A connected client flushes what it still has to send; one that is not gives up at once.
      await client.endAsync(!client.connected);
      if (broker) await broker.close();
    },
  };
}

function waitForFirstConnection(client: MqttClient, timeoutMs: number): Promise<void> {
  if (client.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('connect', onConnect);
      reject(new Error(`no MQTT connection after ${timeoutMs} ms`));
    }, timeoutMs);
    const onConnect = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('connect', onConnect);
  });
}
