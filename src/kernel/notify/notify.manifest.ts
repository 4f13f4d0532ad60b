/**
 * Notifications: the queue of e-mails, SMS and Zalo messages, its sender job, and the
 * templates the kernel uses (account created, password changed, two-factor enrolled,
 * general notice).
 */
import type { Manifest } from '../manifest';
import * as createNotification from './migrations/20261121005100_notify_create_notification';
import { purgeOldNotifications, sendQueuedNotifications } from './notify.service';
import './kernel-templates';

export const notifyManifest: Manifest = {
  name: 'notify',
  migrations: { '20261121005100_notify_create_notification': createNotification },
  jobs: [
    {
      name: 'notify.send_queued',
      everySeconds: 5,
      run: async (ctx) => void (await sendQueuedNotifications(ctx)),
    },
    {
      name: 'notify.purge_old',
      everySeconds: 24 * 60 * 60,
      run: async (ctx) => void (await purgeOldNotifications(ctx)),
    },
  ],
};
