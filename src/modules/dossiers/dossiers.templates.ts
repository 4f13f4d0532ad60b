/** E-mails to applicants: each step of their dossier, with its status and what to do. */
import { defineTemplate } from '../../kernel/notify/templates';

export const dossierChangedTemplate = defineTemplate('dossiers_dossier_changed', {
  vi: {
    subject: 'Hồ sơ {{code}}: {{status}}',
    text: 'Hồ sơ {{code}} ({{procedure}}) có cập nhật: {{status}}.\n\n{{message}}\n\nXem chi tiết: {{url}}\n\n--\nTỉnh số',
  },
  en: {
    subject: 'Dossier {{code}}: {{status}}',
    text: 'Dossier {{code}} ({{procedure}}) was updated: {{status}}.\n\n{{message}}\n\nDetails: {{url}}\n\n--\nTỉnh số',
  },
});
