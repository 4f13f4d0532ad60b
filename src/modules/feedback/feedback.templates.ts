/** E-mails to reporters and followers: a report was filed, and a report changed. */
import { defineTemplate } from '../../kernel/notify/templates';

export const reportReceivedTemplate = defineTemplate('feedback_report_received', {
  vi: {
    subject: 'Đã nhận phản ánh {{trackingCode}}',
    text: 'Phản ánh "{{category}}" của bạn đã được gửi tới {{agency}}.\nMã theo dõi: {{trackingCode}}\nHạn trả lời: {{deadline}}\nTheo dõi tại: {{url}}\n\n--\nTỉnh số',
  },
  en: {
    subject: 'Report {{trackingCode}} received',
    text: 'Your "{{category}}" report has been sent to {{agency}}.\nTracking code: {{trackingCode}}\nAnswer due by: {{deadline}}\nFollow it at: {{url}}\n\n--\nTỉnh số',
  },
});

export const reportChangedTemplate = defineTemplate('feedback_report_changed', {
  vi: {
    subject: 'Phản ánh {{trackingCode}}: {{status}}',
    text: 'Phản ánh {{trackingCode}} ({{category}}) có cập nhật: {{status}}.\n\n{{message}}\n\nXem chi tiết: {{url}}\n\n--\nTỉnh số',
  },
  en: {
    subject: 'Report {{trackingCode}}: {{status}}',
    text: 'Report {{trackingCode}} ({{category}}) was updated: {{status}}.\n\n{{message}}\n\nDetails: {{url}}\n\n--\nTỉnh số',
  },
});
