import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { translate } from '../../shared/i18n/translate';
import { draftBody, draftProblems, emptyDraft, replyDraft } from './draft-form';
import type { IncomingView } from './documents-api';

const SIGNER = '0b9a4c0e-5d0c-4f8e-9a53-3c1f1f3f2a10';
const vi = {
  locale: 'vi' as const,
  t: (key: Parameters<typeof translate>[1]) => translate('vi', key),
};

describe('the draft form', () => {
  it('sends a công văn with its drafting unit, trimmed text and places line by line', () => {
    const body = draftBody({
      ...emptyDraft(SIGNER),
      draftingUnit: ' VP ',
      subject: ' Báo cáo ',
      body: 'Một.\n\nHai.\n',
      toPlaces: '- Như trên;\n\n - Lưu: VT, VP.',
      signerPosition: 'CHỦ TỊCH',
      recipients: [
        { organId: '000.00.00.H49', organName: 'UBND tỉnh Quảng Ninh', external: false },
      ],
    });
    expect(body).toMatchObject({
      typeAbbreviation: null,
      draftingUnit: 'VP',
      subject: 'Báo cáo',
      greeting: null,
      body: 'Một.\n\nHai.',
      toPlaces: ['- Như trên;', '- Lưu: VT, VP.'],
      replyDueOn: null,
      signerCompetence: null,
      recipients: [{ organId: '000.00.00.H49', organName: 'UBND tỉnh Quảng Ninh' }],
      attachmentFileIds: [],
    });
    // A kind with an abbreviation has no drafting unit in its notation.
    expect(draftBody({ ...emptyDraft(SIGNER), kind: 'QĐ', draftingUnit: 'VP' })).not.toHaveProperty(
      'draftingUnit',
    );
  });

  it('starts a reply addressed to the sender of the document it answers', () => {
    const answered = {
      id: '7d7f2c9e-1a2b-4c3d-8e9f-001122334455',
      senderName: 'UBND tỉnh Quảng Ninh',
      senderOrganId: '000.00.00.H49',
    } as IncomingView;
    expect(replyDraft(answered, SIGNER)).toMatchObject({
      greeting: 'UBND tỉnh Quảng Ninh',
      recipients: [{ organId: '000.00.00.H49', organName: 'UBND tỉnh Quảng Ninh' }],
      responseForId: answered.id,
      signerUserId: SIGNER,
    });
  });

  it('puts the server’s problems beside their fields, an emptied one as required', () => {
    const form = { ...emptyDraft(), subject: 'Báo cáo', body: 'Nội dung' };
    const invalid = new ApiError('VALIDATION_FAILED', 400, 'invalid', [
      { field: 'body.signerPosition', message: 'must NOT have fewer than 1 characters' },
      { field: 'body.signerUserId', message: 'must match format "uuid"' },
      { field: 'body.recipients.0.organId', message: 'must match pattern' },
    ]);
    expect(draftProblems(invalid, form, vi).fields).toEqual({
      signerPosition: 'Vui lòng nhập trường này.',
      signerUserId: 'Vui lòng nhập trường này.',
      recipients: 'Giá trị không hợp lệ.',
    });
    const recipients = new ApiError('RECIPIENT_INVALID', 422, 'bad', {
      recipients: [{ organId: '000.00.37.H49', problem: 'self' }],
    });
    const problems = draftProblems(recipients, form, vi);
    expect(problems.recipients).toEqual({
      '000.00.37.H49': 'Không gửi văn bản cho chính cơ quan mình.',
    });
    expect(problems.fields.recipients).toBe('Có mã cơ quan nhận không hợp lệ; xem chi tiết.');
  });
});
