/**
 * The embedded MQTT broker (aedes), used when no MQTT_URL is configured. The platform's own
 * client connects in-process; devices connect over TCP on MQTT_EMBEDDED_PORT when it is
 * above 0.
 *
 * Who may connect: the platform's in-process clients always; devices through the
 * authenticator a module installs with `setDeviceAuthenticator` (e.g. sensor credentials).
 * Until one is installed, devices are accepted outside production only.
 */
import net from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';
import type { Duplex } from 'node:stream';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { duplexPair } from './stream-pair';

/** Decides whether a device may connect with these credentials. */
export type DeviceAuthenticator = (
  clientId: string,
  username: string | undefined,
  password: Buffer | undefined,
) => Promise<boolean>;

export interface EmbeddedBroker {
  broker: Aedes;
  /** TCP port devices connect to; null when the broker is in-process only. */
  port: number | null;
  /** A new in-process connection for a platform client. */
  connectInternal(): Duplex;
  setDeviceAuthenticator(authenticator: DeviceAuthenticator): void;
  close(): Promise<void>;
}

const NOT_AUTHORIZED = 5;

export async function startEmbeddedBroker(
  config: Pick<Config, 'env' | 'host' | 'mqttEmbeddedPort'>,
  log: Logger,
): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker({ id: 'tinhso-embedded' });
  const internalConnections = new WeakSet<object>();
  let deviceAuthenticator: DeviceAuthenticator | null = null;

  broker.authenticate = (client, username, password, done) => {
    if (internalConnections.has(client.conn)) {
      done(null, true);
      return;
    }
    const decide = deviceAuthenticator
      ? deviceAuthenticator(client.id, username, password)
      : Promise.resolve(config.env !== 'production');
    decide.then(
      (allowed) => {
        if (allowed) {
          done(null, true);
          return;
        }
        log.info({ clientId: client.id }, 'MQTT device refused');
        const error = new Error('not authorized') as AuthenticateError;
        error.returnCode = NOT_AUTHORIZED;
        done(error, false);
      },
      (error: unknown) => {
        log.error({ err: error, clientId: client.id }, 'MQTT device authentication failed');
        const refusal = new Error('authentication unavailable') as AuthenticateError;
        refusal.returnCode = 3;
        done(refusal, false);
      },
    );
  };
  broker.on('clientError', (client, error) => {
    log.debug({ clientId: client.id, err: error }, 'MQTT client error');
  });

  let server: net.Server | null = null;
  let port: number | null = null;
  if (config.mqttEmbeddedPort > 0) {
    const tcp = net.createServer((socket) => broker.handle(socket));
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(config.mqttEmbeddedPort, config.host, () => {
        tcp.off('error', reject);
        resolve();
      });
    });
    server = tcp;
    port = (tcp.address() as net.AddressInfo).port;
    log.info({ port }, 'embedded MQTT broker listening');
  }

  return {
    broker,
    port,
    connectInternal: () => {
      const [clientSide, brokerSide] = duplexPair();
      internalConnections.add(brokerSide);
      broker.handle(brokerSide);
      return clientSide;
    },
    setDeviceAuthenticator: (authenticator) => {
      deviceAuthenticator = authenticator;
    },
    close: async () => {
      // The broker first: it disconnects every client, which lets the TCP server finish.
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
    },
  };
}
