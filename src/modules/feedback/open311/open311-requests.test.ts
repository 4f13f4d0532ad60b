import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors/app-error';
import type { ReportStatus } from '../feedback.tables';
import { open311SchemaProblems } from './open311-schemas';
import {
  parseStatusFilter,
  splitListParameter,
  toServiceRequest,
  type ReportForOpen311,
} from './open311-requests';
import { toServiceRequestUpdate } from './open311-updates';

const report: ReportForOpen311 = {
  trackingCode: 'PA-261121-7KX9Q',
  categoryCode: 'den_duong',
  categoryName: 'Đèn đường hỏng',
  categoryNameEn: 'Broken street light',
  status: 'in_progress',
  description: 'Đèn trước số 12 Trần Hưng Đạo không sáng. Liên hệ chị Lan 0912 345 678.',
  publicDescription: 'Đèn trước số 12 Trần Hưng Đạo không sáng.',
  address: '12 Trần Hưng Đạo, Hồng Gai, Quảng Ninh',
  lat: 20.9516,
  lon: 107.0809,
  submittedAt: new Date('2026-11-21T07:05:00Z'),
  updatedAt: new Date('2026-11-21T17:30:00Z'),
  closedAt: null,
  deadlineAt: new Date('2026-11-24T10:00:00Z'),
  agencyName: 'UBND phường Hồng Gai',
  statusNotes: 'Đã giao đội điện chiếu sáng.',
  mediaUrls: ['https://tinhso.example.vn/media/1.jpg', 'https://tinhso.example.vn/media/2.jpg'],
  history: [
    { at: new Date('2026-11-21T07:05:00Z'), action: 'submitted', message: '' },
    { at: new Date('2026-11-21T17:30:00Z'), action: 'assigned', message: '  ' },
    { at: new Date('2026-11-21T17:31:00Z'), action: 'answered', message: 'Đã giao đội điện.' },
  ],
};

describe('toServiceRequest', () => {
  it('shows a report as a service request on Vietnam time, moderated text only', () => {
    const request = toServiceRequest(report);
    expect(request).toEqual({
      service_request_id: 'PA-261121-7KX9Q',
      status: 'open',
      status_notes: 'Đã giao đội điện chiếu sáng.',
      service_name: 'Đèn đường hỏng',
      service_code: 'den_duong',
      description: 'Đèn trước số 12 Trần Hưng Đạo không sáng.',
      agency_responsible: 'UBND phường Hồng Gai',
      service_notice: null,
      requested_datetime: '2026-11-21T14:05:00+07:00',
      // 17:30 UTC is already the next day in Vietnam.
      updated_datetime: '2026-11-22T00:30:00+07:00',
      expected_datetime: '2026-11-24T17:00:00+07:00',
      address: '12 Trần Hưng Đạo, Hồng Gai, Quảng Ninh',
      address_id: null,
      zipcode: null,
      lat: 20.9516,
      long: 107.0809,
      media_url: 'https://tinhso.example.vn/media/1.jpg',
    });
    expect(JSON.stringify(request)).not.toContain('0912');
    expect(open311SchemaProblems('request', request)).toEqual([]);
    expect(open311SchemaProblems('requests', [request])).toEqual([]);
  });

  it('uses the description as submitted when moderation left it alone', () => {
    expect(toServiceRequest({ ...report, publicDescription: null }).description).toBe(
      report.description,
    );
  });

  it.each([
    ['new', 'open', 'open'],
    ['received', 'open', 'investigating'],
    ['in_progress', 'open', 'in_progress'],
    ['resolved', 'closed', 'fixed'],
    ['rejected', 'closed', 'no_further_action'],
    ['duplicate', 'closed', 'duplicate'],
  ] as const)('shows %s as %s, or %s in FixMyStreet statuses', (status, standard, fixMyStreet) => {
    const closedAt = status === 'resolved' || status === 'rejected' || status === 'duplicate';
    const input = { ...report, status, closedAt: closedAt ? report.updatedAt : null };
    expect(toServiceRequest(input).status).toBe(standard);
    expect(toServiceRequest(input, { statuses: 'fixmystreet' }).status).toBe(fixMyStreet);
  });

  it('gives the closing time as updated_datetime of a closed request', () => {
    const closed = toServiceRequest({
      ...report,
      status: 'resolved',
      closedAt: new Date('2026-11-22T02:00:00Z'),
      // A later rating changed the row, not the request's closing.
      updatedAt: new Date('2026-11-25T02:00:00Z'),
    });
    expect(closed.updated_datetime).toBe('2026-11-22T09:00:00+07:00');
    expect(open311SchemaProblems('request', closed)).toEqual([]);
  });

  it('leaves empty what the report does not have', () => {
    const bare = toServiceRequest({
      ...report,
      address: '',
      agencyName: null,
      statusNotes: null,
      mediaUrls: [],
      publicDescription: '',
      description: '',
    });
    expect(bare).toMatchObject({
      address: null,
      agency_responsible: null,
      status_notes: null,
      media_url: null,
      description: null,
    });
    expect(open311SchemaProblems('request', bare)).toEqual([]);
  });

  it('names the service in English for en, falling back to Vietnamese', () => {
    expect(toServiceRequest(report, { locale: 'en' }).service_name).toBe('Broken street light');
    expect(toServiceRequest({ ...report, categoryNameEn: '' }, { locale: 'en' }).service_name).toBe(
      'Đèn đường hỏng',
    );
  });

  it('cuts a description to 4,000 characters without splitting a character', () => {
    const long = `${'a'.repeat(3999)}😀😀tail`;
    const request = toServiceRequest({ ...report, publicDescription: long });
    expect(request.description).toBe(`${'a'.repeat(3999)}😀`);
    expect(open311SchemaProblems('request', request)).toEqual([]);
    // The schema does hold descriptions to 4,000 characters.
    expect(open311SchemaProblems('request', { ...request, description: 'a'.repeat(4001) })).toEqual(
      [
        '/description must NOT have more than 4000 characters',
        '/description must be null',
        '/description must match a schema in anyOf',
      ],
    );
  });

  it('adds the public history as notes only when extensions are asked for', () => {
    expect(toServiceRequest(report)).not.toHaveProperty('notes');
    const extended = toServiceRequest(report, { extensions: true });
    expect(extended.notes).toEqual([
      { datetime: '2026-11-21T14:05:00+07:00', description: 'Đã gửi phản ánh', type: 'submitted' },
      {
        datetime: '2026-11-22T00:30:00+07:00',
        description: 'Đã giao cán bộ xử lý',
        type: 'assigned',
      },
      {
        datetime: '2026-11-22T00:31:00+07:00',
        description: 'Đã giao đội điện.',
        type: 'answered',
      },
    ]);
    expect(toServiceRequest(report, { extensions: true, locale: 'en' }).notes?.[0]).toEqual({
      datetime: '2026-11-21T14:05:00+07:00',
      description: 'Report submitted',
      type: 'submitted',
    });
    // Extensions are extra fields; the standard schema still accepts the request.
    expect(open311SchemaProblems('request', extended)).toEqual([]);
  });

  it('is checked by a schema that refuses FixMyStreet statuses and dates without offset', () => {
    const fixMyStreet = toServiceRequest(
      { ...report, status: 'resolved', closedAt: report.updatedAt },
      { statuses: 'fixmystreet' },
    );
    expect(open311SchemaProblems('request', fixMyStreet)).toEqual([
      '/status must be equal to one of the allowed values',
    ]);
    expect(
      open311SchemaProblems('request', {
        ...toServiceRequest(report),
        requested_datetime: '2026-11-21T14:05:00',
      }),
    ).toEqual(['/requested_datetime must match format "date-time"']);
  });
});

describe('parseStatusFilter', () => {
  const sorted = (statuses: ReportStatus[] | undefined) => [...(statuses ?? [])].sort();

  it('has no filter when no status is asked for', () => {
    expect(parseStatusFilter(undefined)).toBeUndefined();
    expect(parseStatusFilter('')).toBeUndefined();
    expect(parseStatusFilter([' ', ','])).toBeUndefined();
  });

  it('reads open and closed, comma-separated or repeated', () => {
    expect(sorted(parseStatusFilter('open'))).toEqual(['in_progress', 'new', 'received']);
    expect(sorted(parseStatusFilter('closed'))).toEqual(['duplicate', 'rejected', 'resolved']);
    const all = ['duplicate', 'in_progress', 'new', 'received', 'rejected', 'resolved'];
    expect(sorted(parseStatusFilter('open,closed'))).toEqual(all);
    expect(sorted(parseStatusFilter(['open', 'CLOSED']))).toEqual(all);
  });

  it('reads FixMyStreet statuses, matching nothing for those tinhso never gives', () => {
    expect(parseStatusFilter('fixed')).toEqual(['resolved']);
    expect(sorted(parseStatusFilter('investigating,no_further_action'))).toEqual([
      'received',
      'rejected',
    ]);
    expect(parseStatusFilter('planned')).toEqual([]);
  });

  it.each(['pending', 'constructor', '__proto__', 'open;closed'])(
    'answers 400 for the status %j',
    (status) => {
      let caught: unknown;
      try {
        parseStatusFilter(status);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('OPEN311_STATUS_INVALID');
      expect((caught as AppError).status).toBe(400);
    },
  );
});

describe('splitListParameter', () => {
  it('splits, trims and removes repeats, keeping the first-seen order', () => {
    expect(splitListParameter('PA-1, PA-2,,PA-1')).toEqual(['PA-1', 'PA-2']);
    expect(splitListParameter(['den_duong', 'o_ga,den_duong'])).toEqual(['den_duong', 'o_ga']);
    expect(splitListParameter(undefined)).toEqual([]);
    expect(splitListParameter(null)).toEqual([]);
  });
});

describe('toServiceRequestUpdate', () => {
  const event = {
    historyId: 4711,
    trackingCode: 'PA-261121-7KX9Q',
    at: new Date('2026-11-22T02:00:00Z'),
    action: 'answered',
    statusAfter: 'resolved' as const,
    message: 'Đã thay bóng đèn.',
    mediaUrl: 'https://tinhso.example.vn/media/3.jpg',
  };

  it('shows a public history row as a FixMyStreet update', () => {
    expect(toServiceRequestUpdate(event)).toEqual({
      update_id: '4711',
      service_request_id: 'PA-261121-7KX9Q',
      status: 'FIXED',
      updated_datetime: '2026-11-22T09:00:00+07:00',
      description: 'Đã thay bóng đèn.',
      media_url: 'https://tinhso.example.vn/media/3.jpg',
    });
  });

  it.each([
    ['new', 'OPEN'],
    ['received', 'INVESTIGATING'],
    ['in_progress', 'IN_PROGRESS'],
    ['resolved', 'FIXED'],
    ['rejected', 'NO_FURTHER_ACTION'],
    ['duplicate', 'DUPLICATE'],
  ] as const)('gives the status %s as %s', (statusAfter, expected) => {
    expect(toServiceRequestUpdate({ ...event, statusAfter }).status).toBe(expected);
  });

  it('marks a reopening as REOPEN', () => {
    expect(
      toServiceRequestUpdate({ ...event, action: 'reopened', statusAfter: 'in_progress' }).status,
    ).toBe('REOPEN');
  });

  it('names the action when the row has no message, and leaves out a missing photo', () => {
    const update = toServiceRequestUpdate(
      { ...event, historyId: '9007199254740993', action: 'received', message: ' ', mediaUrl: null },
      'en',
    );
    expect(update).toEqual({
      update_id: '9007199254740993',
      service_request_id: 'PA-261121-7KX9Q',
      status: 'FIXED',
      updated_datetime: '2026-11-22T09:00:00+07:00',
      description: 'Received by the agency',
    });
    expect(toServiceRequestUpdate({ ...event, action: 'inspected', message: '' }).description).toBe(
      'inspected',
    );
  });
});
