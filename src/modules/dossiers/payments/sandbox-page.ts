/**
 * The sandbox's pages: small, self-contained HTML (no script, styles inline, which the
 * platform's Content-Security-Policy allows), Vietnamese first with English, usable with a
 * keyboard and a screen reader. They stand in for a provider's page, so they say plainly
 * that no money moves.
 */
import type { AppError } from '../../../kernel/errors/app-error';
import { PAYMENT_PATHS } from './payment-provider';
import { formatDong } from './money';
import type { CheckoutRequest } from './sandbox-checkout';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `
  body { font-family: system-ui, "Noto Sans", Arial, sans-serif; margin: 0; background: #f3f5f8; color: #1a1a1a; line-height: 1.5; }
  main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; border: 1px solid #c9d1dc; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; }
  .en { display: block; font-size: .9em; color: #404a57; font-weight: normal; }
  .notice { background: #fff4d6; border: 1px solid #a87b00; padding: .75rem; border-radius: 6px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1rem; margin: 1.25rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .actions { display: flex; gap: .75rem; flex-wrap: wrap; }
  button { font: inherit; font-weight: 600; padding: .7rem 1.25rem; border-radius: 6px; cursor: pointer; min-height: 44px; }
  .pay { background: #0b5cad; color: #fff; border: 2px solid #0b5cad; }
  .cancel { background: #fff; color: #8a1c1c; border: 2px solid #8a1c1c; }
  button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** `HH:mm ngày dd/MM/yyyy` of a vnp_ExpireDate, which is already in Vietnam's time. */
function vnpTime(text: string): string {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(text) ?? [];
  return y ? `${h}:${mi} ngày ${d}/${mo}/${y}` : text;
}

export function checkoutPage(request: CheckoutRequest): string {
  const hidden = Object.entries(request.params)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n');
  return page(
    'Thanh toán thử nghiệm — Sandbox payment',
    `<h1>Cổng thanh toán thử nghiệm <span class="en" lang="en">Sandbox payment gateway</span></h1>
<p class="notice">Trang này thay cho cổng thanh toán khi thử nghiệm: không có tiền thật được chuyển.
<span class="en" lang="en">This page stands in for a payment gateway while testing: no real money moves.</span></p>
<dl>
<dt>Số tiền <span class="en" lang="en">Amount</span></dt>
<dd>${escape(formatDong(request.amount))}</dd>
<dt>Nội dung <span class="en" lang="en">Description</span></dt>
<dd>${escape(request.orderInfo)}</dd>
<dt>Mã giao dịch <span class="en" lang="en">Reference</span></dt>
<dd>${escape(request.txnRef)}</dd>
<dt>Hết hạn <span class="en" lang="en">Expires</span></dt>
<dd>${escape(vnpTime(request.params.vnp_ExpireDate ?? ''))}</dd>
</dl>
<form method="post" action="${PAYMENT_PATHS.sandboxCheckout}">
${hidden}
<div class="actions">
<button class="pay" type="submit" name="decision" value="pay">Thanh toán / Pay</button>
<button class="cancel" type="submit" name="decision" value="cancel">Hủy / Cancel</button>
</div>
</form>`,
  );
}

/** A refusal as a page: the browser came here, not a program. */
export function problemPage(error: AppError, messageVi: string): string {
  return page(
    'Không thực hiện được — Could not proceed',
    `<h1>Không thực hiện được <span class="en" lang="en">Could not proceed</span></h1>
<p>${escape(messageVi)}</p>
<p lang="en">${escape(error.message)}</p>
<p><small>Mã lỗi / Error code: <code>${escape(error.code)}</code></small></p>
<p><a href="/">Về trang chủ / Home</a></p>`,
  );
}
