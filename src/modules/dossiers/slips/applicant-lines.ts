/**
 * Who submitted, as the forms of the desk state it before anything else: `Tiếp nhận hồ sơ
 * của:` and the name, then the address, the phone number and the email where they are known.
 */
import type { PageFlow } from './page-flow';
import { drawLabelled, drawParagraph, type BodyStyles } from './paragraph';
import type { SlipApplicant } from './slip-types';
import type { Run } from './text-wrap';

export function drawApplicant(
  flow: PageFlow,
  styles: BodyStyles,
  applicant: SlipApplicant,
  label = 'Tiếp nhận hồ sơ của',
): void {
  drawLabelled(flow, styles, label, applicant.name);
  drawLabelled(flow, styles, 'Địa chỉ', applicant.address);
  const contact: Run[] = [
    ...(applicant.phone?.trim()
      ? [
          { text: 'Số điện thoại: ', style: styles.regular },
          { text: applicant.phone.trim(), style: styles.bold },
        ]
      : []),
    ...(applicant.email?.trim()
      ? [
          { text: `${applicant.phone?.trim() ? '; ' : ''}Email: `, style: styles.regular },
          { text: applicant.email.trim(), style: styles.bold },
        ]
      : []),
  ];
  if (contact.length > 0) drawParagraph(flow, contact);
}
