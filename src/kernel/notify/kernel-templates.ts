/** The messages the kernel itself sends: account life cycle and general notices. */
import { defineTemplate } from './templates';

/** A staff account was created; the link lets its owner choose a password, once. */
export const accountCreatedTemplate = defineTemplate('account_created', {
  vi: {
    subject: 'Tài khoản Tỉnh số của bạn đã được tạo',
    text:
      'Xin chào {{name}},\n\n' +
      'Tài khoản cán bộ của bạn trên hệ thống Tỉnh số đã được tạo với tên đăng nhập {{username}}.\n\n' +
      'Để đặt mật khẩu và kích hoạt tài khoản, vui lòng mở liên kết sau trong vòng {{expiresHours}} giờ ' +
      '(liên kết chỉ dùng được một lần):\n{{link}}\n\n' +
      'Nếu bạn không đề nghị cấp tài khoản này, hãy bỏ qua thư này.\n\n' +
      'Trân trọng,\nTỉnh số',
    html:
      '<p>Xin chào {{name}},</p>' +
      '<p>Tài khoản cán bộ của bạn trên hệ thống Tỉnh số đã được tạo với tên đăng nhập <strong>{{username}}</strong>.</p>' +
      '<p>Để đặt mật khẩu và kích hoạt tài khoản, vui lòng mở liên kết sau trong vòng {{expiresHours}} giờ ' +
      '(liên kết chỉ dùng được một lần):</p><p><a href="{{link}}">{{link}}</a></p>' +
      '<p>Nếu bạn không đề nghị cấp tài khoản này, hãy bỏ qua thư này.</p><p>Trân trọng,<br>Tỉnh số</p>',
  },
  en: {
    subject: 'Your Tỉnh số account has been created',
    text:
      'Hello {{name}},\n\n' +
      'Your staff account on Tỉnh số has been created with the user name {{username}}.\n\n' +
      'To choose a password and activate the account, open this link within {{expiresHours}} hours ' +
      '(it works only once):\n{{link}}\n\n' +
      'If you did not ask for this account, ignore this message.\n\n' +
      'Regards,\nTỉnh số',
    html:
      '<p>Hello {{name}},</p>' +
      '<p>Your staff account on Tỉnh số has been created with the user name <strong>{{username}}</strong>.</p>' +
      '<p>To choose a password and activate the account, open this link within {{expiresHours}} hours ' +
      '(it works only once):</p><p><a href="{{link}}">{{link}}</a></p>' +
      '<p>If you did not ask for this account, ignore this message.</p><p>Regards,<br>Tỉnh số</p>',
  },
});

export const passwordChangedTemplate = defineTemplate('password_changed', {
  vi: {
    subject: 'Mật khẩu tài khoản Tỉnh số đã được thay đổi',
    text:
      'Xin chào {{name}},\n\n' +
      'Mật khẩu tài khoản Tỉnh số của bạn đã được thay đổi lúc {{changedAt}}.\n\n' +
      'Nếu không phải bạn thực hiện, hãy liên hệ ngay với quản trị viên của cơ quan để khóa tài khoản ' +
      'và đặt lại mật khẩu.\n\n' +
      'Trân trọng,\nTỉnh số',
  },
  en: {
    subject: 'Your Tỉnh số password was changed',
    text:
      'Hello {{name}},\n\n' +
      'The password of your Tỉnh số account was changed at {{changedAt}}.\n\n' +
      'If this was not you, contact your agency administrator at once to lock the account ' +
      'and reset the password.\n\n' +
      'Regards,\nTỉnh số',
  },
});

export const mfaEnrolledTemplate = defineTemplate('mfa_enrolled', {
  vi: {
    subject: 'Xác thực hai lớp đã được bật cho tài khoản Tỉnh số',
    text:
      'Xin chào {{name}},\n\n' +
      'Xác thực hai lớp (mã dùng một lần từ ứng dụng xác thực) đã được bật cho tài khoản của bạn lúc {{enrolledAt}}.\n\n' +
      'Hãy cất giữ các mã khôi phục ở nơi an toàn. Nếu không phải bạn thực hiện, hãy liên hệ ngay ' +
      'với quản trị viên của cơ quan.\n\n' +
      'Trân trọng,\nTỉnh số',
  },
  en: {
    subject: 'Two-factor authentication is on for your Tỉnh số account',
    text:
      'Hello {{name}},\n\n' +
      'Two-factor authentication (one-time codes from an authenticator app) was turned on for your account at {{enrolledAt}}.\n\n' +
      'Keep your recovery codes somewhere safe. If this was not you, contact your agency ' +
      'administrator at once.\n\n' +
      'Regards,\nTỉnh số',
  },
});

/** Free-form notice: the caller supplies the title and the message in the recipient's language. */
export const genericNoticeTemplate = defineTemplate('generic_notice', {
  vi: {
    subject: '{{title}}',
    text: '{{message}}\n\n--\nTỉnh số',
    html: '<p><strong>{{title}}</strong></p><p>{{message}}</p><p>--<br>Tỉnh số</p>',
  },
  en: {
    subject: '{{title}}',
    text: '{{message}}\n\n--\nTỉnh số',
    html: '<p><strong>{{title}}</strong></p><p>{{message}}</p><p>--<br>Tỉnh số</p>',
  },
});
