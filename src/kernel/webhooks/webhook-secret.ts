/**
 * Signing secrets of webhook subscriptions: 256 random bits shown once to the administrator
 * who creates or rotates them, kept encrypted with the field cipher and bound to their row,
 * so a ciphertext copied onto another subscription does not decrypt.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';
import { fieldCipher } from '../auth/field-crypto';

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

type CipherConfig = Pick<Config, 'env' | 'dataDir' | 'fieldEncryptionKey'>;
type Slot = 'secret' | 'previous_secret';

export function encryptWebhookSecret(
  config: CipherConfig,
  subscriptionId: string,
  secret: string,
  slot: Slot = 'secret',
): string {
  return fieldCipher(config).encrypt(
    Buffer.from(secret, 'utf8'),
    `webhook_subscription.${slot}:${subscriptionId}`,
  );
}

export function decryptWebhookSecret(
  config: CipherConfig,
  subscriptionId: string,
  stored: string,
  slot: Slot = 'secret',
): string {
  return fieldCipher(config)
    .decrypt(stored, `webhook_subscription.${slot}:${subscriptionId}`)
    .toString('utf8');
}
