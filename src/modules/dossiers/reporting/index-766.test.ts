/**
 * The service-quality index (Decision 766/QĐ-TTg) through the API, on a small province whose
 * figures are worked out by hand below: two communes, a dozen dossiers in October 2026 (some
 * online, some late, some paid online, some digitised, some rated), inserted as rows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { loadQuangNinhAgencies } from '../../../../seed/quang-ninh-agencies';
import { loadProcedureCatalog } from '../../../../seed/procedures';
import { ManualClock } from '../../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../../kernel/auth/testing';
import { dossiersDb, type DossiersDb } from '../dossiers-db';
import type { DossierStatus } from '../dossiers.tables';
import { importProcedures } from '../catalog';
import { parsePeriod } from './period';
import { invalidateIndexCache } from './index-cache';

const PROVINCE = '000.00.00.H49';
/** Commune A: phường Hạ Long. */
const HA_LONG = '000.00.37.H49';
/** Commune B: the next commune's People's Committee. */
const OTHER = '000.00.38.H49';
/** Birth registration: offered fully online (TOAN_TRINH, a TRUC_TUYEN channel). */
const BIRTH = '1.001193';
/** Marriage registration: offered online, in part (MOT_PHAN). */
const MARRIAGE = '1.000894';
/** Certifying a signature: at the desk only (no TRUC_TUYEN channel). */
const SIGNATURE = '2.000884';

type Headers = Record<string, string>;

interface DossierSpec {
  agency: 'A' | 'B';
  procedure: string;
  channel: 'TRUC_TUYEN' | 'TRUC_TIEP';
  status: DossierStatus;
  submittedAt: string;
  receivedAt?: string;
  dueAt?: string;
  finishedAt?: string;
  pausedAt?: string;
  resultFile?: boolean;
  signed?: boolean;
  documents?: Array<'upload' | 'reuse' | 'scan'>;
  fee?: { status: 'paid' | 'due' | 'waived'; provider?: 'vnpay' | 'sandbox' | 'desk' };
  rating?: number;
  /** The statuses written on the dossier's timeline. */
  history?: DossierStatus[];
  apology?: { previousDueAt: string; newDueAt: string };
}

/**
 * October 2026 in Vietnam runs from 2026-09-30T17:00Z to 2026-10-31T17:00Z. "Now" is
 * 22 November 2026, so the end of October is when "still open and late" is judged.
 */
const OCTOBER: Record<string, DossierSpec> = {
  // Commune A.
  A1: {
    agency: 'A',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'returned',
    submittedAt: '2026-10-05T02:00:00Z',
    receivedAt: '2026-10-05T03:00:00Z',
    dueAt: '2026-10-08T10:00:00Z',
    finishedAt: '2026-10-07T08:00:00Z',
    resultFile: true,
    signed: true,
    documents: ['upload', 'upload'],
    fee: { status: 'paid', provider: 'vnpay' },
    rating: 5,
    history: ['submitted', 'returned'],
  },
  A2: {
    agency: 'A',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'resolved',
    submittedAt: '2026-10-06T02:00:00Z',
    receivedAt: '2026-10-06T03:00:00Z',
    dueAt: '2026-10-09T10:00:00Z',
    finishedAt: '2026-10-10T08:00:00Z', // late
    resultFile: true,
    documents: ['upload', 'reuse'],
    history: ['resolved'],
  },
  A3: {
    agency: 'A',
    procedure: MARRIAGE,
    channel: 'TRUC_TIEP',
    status: 'returned',
    submittedAt: '2026-10-07T02:00:00Z',
    receivedAt: '2026-10-07T02:00:00Z',
    dueAt: '2026-10-12T10:00:00Z',
    finishedAt: '2026-10-11T08:00:00Z',
    resultFile: true,
    documents: ['scan', 'scan'],
    fee: { status: 'paid', provider: 'desk' },
    rating: 2,
    history: ['returned'],
  },
  A4: {
    agency: 'A',
    procedure: MARRIAGE,
    channel: 'TRUC_TUYEN',
    status: 'processing',
    submittedAt: '2026-10-20T02:00:00Z',
    receivedAt: '2026-10-20T03:00:00Z',
    dueAt: '2026-10-25T10:00:00Z', // open and late at the end of October
    documents: ['upload'],
    fee: { status: 'paid', provider: 'sandbox' },
    history: ['submitted'],
  },
  A5: {
    agency: 'A',
    procedure: SIGNATURE,
    channel: 'TRUC_TIEP',
    status: 'returned',
    submittedAt: '2026-10-15T02:00:00Z',
    receivedAt: '2026-10-15T02:00:00Z',
    dueAt: '2026-10-15T10:00:00Z',
    finishedAt: '2026-10-15T09:00:00Z',
    fee: { status: 'paid', provider: 'desk' },
    rating: 4,
    history: ['returned'],
  },
  A6: {
    // Submitted on 31 October at 23:30 in Vietnam, finished on 1 November at 00:30.
    agency: 'A',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'returned',
    submittedAt: '2026-10-31T16:30:00Z',
    receivedAt: '2026-10-31T16:40:00Z',
    dueAt: '2026-11-05T10:00:00Z',
    finishedAt: '2026-10-31T17:30:00Z',
    resultFile: true,
    signed: true,
    documents: ['upload'],
    history: ['returned'],
  },
  // Commune B.
  B1: {
    agency: 'B',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'returned',
    submittedAt: '2026-10-02T02:00:00Z',
    receivedAt: '2026-10-02T03:00:00Z',
    dueAt: '2026-10-06T10:00:00Z',
    finishedAt: '2026-10-05T08:00:00Z',
    resultFile: true,
    signed: true,
    documents: ['upload'],
    rating: 5,
    history: ['returned'],
  },
  B2: {
    // Finished before the appointment the apology gave, after the first one: late.
    agency: 'B',
    procedure: MARRIAGE,
    channel: 'TRUC_TIEP',
    status: 'resolved',
    submittedAt: '2026-10-03T02:00:00Z',
    receivedAt: '2026-10-03T02:00:00Z',
    dueAt: '2026-10-10T10:00:00Z',
    finishedAt: '2026-10-09T08:00:00Z',
    apology: { previousDueAt: '2026-10-08T10:00:00Z', newDueAt: '2026-10-10T10:00:00Z' },
    resultFile: true,
    documents: ['scan'],
    fee: { status: 'due' },
    history: ['resolved'],
  },
  B3: {
    // Waiting for the applicant's documents: its clock stands still.
    agency: 'B',
    procedure: MARRIAGE,
    channel: 'TRUC_TUYEN',
    status: 'supplement_requested',
    submittedAt: '2026-10-10T02:00:00Z',
    receivedAt: '2026-10-10T03:00:00Z',
    dueAt: '2026-10-20T10:00:00Z',
    pausedAt: '2026-10-15T03:00:00Z',
    documents: ['upload'],
    history: ['supplement_requested'],
  },
  B4: {
    // Submitted on 30 September at 23:00 in Vietnam (September's), resolved in October.
    agency: 'B',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'returned',
    submittedAt: '2026-09-30T16:00:00Z',
    receivedAt: '2026-09-30T16:30:00Z',
    dueAt: '2026-10-03T10:00:00Z',
    finishedAt: '2026-10-02T08:00:00Z',
    resultFile: true,
    signed: true,
    documents: ['upload'],
    rating: 1,
    history: ['returned'],
  },
  B5: {
    agency: 'B',
    procedure: SIGNATURE,
    channel: 'TRUC_TIEP',
    status: 'processing',
    submittedAt: '2026-10-21T02:00:00Z',
    receivedAt: '2026-10-21T02:00:00Z',
    dueAt: '2026-10-22T10:00:00Z', // open and late
    documents: ['scan'],
    fee: { status: 'waived' },
    history: ['received'],
  },
  // November: due today (22 November in Vietnam) and tomorrow.
  A7: {
    agency: 'A',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'processing',
    submittedAt: '2026-11-18T02:00:00Z',
    receivedAt: '2026-11-18T03:00:00Z',
    dueAt: '2026-11-22T10:00:00Z',
    documents: ['upload'],
    history: ['processing'],
  },
  B6: {
    agency: 'B',
    procedure: BIRTH,
    channel: 'TRUC_TUYEN',
    status: 'processing',
    submittedAt: '2026-11-18T02:00:00Z',
    receivedAt: '2026-11-18T03:00:00Z',
    dueAt: '2026-11-22T17:30:00Z', // 00:30 on 23 November in Vietnam
    documents: ['upload'],
    history: ['processing'],
  },
};

const points = (body: any) =>
  Object.fromEntries(
    body.groups.flatMap((group: any) =>
      group.indicators.map((indicator: any) => [indicator.code, indicator.points]),
    ),
  );
const indicator = (body: any, code: string) =>
  body.groups.flatMap((group: any) => group.indicators).find((i: any) => i.code === code);
const group = (body: any, code: string) => body.groups.find((g: any) => g.code === code);

describe('the service-quality index of Decision 766/QĐ-TTg', () => {
  // Sunday 22 November 2026, 09:50 in Vietnam.
  const clock = new ManualClock(new Date('2026-11-22T02:50:00Z'));
  let t: TestApp;
  let db: DossiersDb;
  let agencies: Map<string, string>;
  let province: Headers;
  let haLongLeader: Headers;
  let desk: Headers;
  let fileId: string;
  let sequence = 0;

  async function insertDossier(spec: DossierSpec): Promise<string> {
    const id = randomUUID();
    const agencyCode = spec.agency === 'A' ? HA_LONG : OTHER;
    const agencyId = agencies.get(agencyCode)!;
    const procedure = await db
      .selectFrom('procedure')
      .select(['id', 'code', 'revision'])
      .where('code', '=', spec.procedure)
      .executeTakeFirstOrThrow();
    sequence += 1;
    await db
      .insertInto('dossier')
      .values({
        id,
        code: `${agencyCode}-261001-${String(sequence).padStart(4, '0')}`,
        procedureId: procedure.id,
        procedureCode: procedure.code,
        procedureRevision: procedure.revision,
        receivingAgencyId: agencyId,
        communeCode: null,
        channel: spec.channel,
        applicantType: 'CONG_DAN',
        applicantName: 'Nguyễn Văn Thử',
        applicantIdNumber: 'sealed',
        formValues: 'sealed',
        status: spec.status,
        submittedAt: new Date(spec.submittedAt),
        receivedAt: spec.receivedAt ? new Date(spec.receivedAt) : null,
        dueAt: spec.dueAt ? new Date(spec.dueAt) : null,
        finishedAt: spec.finishedAt ? new Date(spec.finishedAt) : null,
        returnedAt: null,
        pausedAt: spec.pausedAt ? new Date(spec.pausedAt) : null,
        resultFileId: spec.resultFile ? fileId : null,
        resultSigned: spec.signed ?? false,
        trackingWindowStart: null,
        currentStep: null,
        pausedFromStatus: null,
        refusalReason: null,
        resultName: null,
        resultSignedAt: null,
        applicantUserId: null,
        applicantPhone: null,
        applicantEmail: null,
      })
      .execute();
    for (const [slot, origin] of (spec.documents ?? []).entries()) {
      await db
        .insertInto('dossierDocument')
        .values({
          dossierId: id,
          slot: `GT${slot}`,
          storedFileId: fileId,
          name: 'giấy tờ.pdf',
          mediaType: 'application/pdf',
          size: 1000,
          origin,
          addedAt: new Date(spec.submittedAt),
        })
        .execute();
    }
    if (spec.fee) {
      const paid = spec.fee.status === 'paid';
      const paymentId = paid ? randomUUID() : null;
      if (paid) {
        await db
          .insertInto('dossierPayment')
          .values({
            id: paymentId!,
            dossierId: id,
            provider: spec.fee.provider!,
            method: spec.fee.provider === 'desk' ? 'cash' : 'online',
            agencyId,
            txnRef: `T${sequence}`,
            amount: 8000,
            status: 'paid',
            createdAt: new Date(spec.submittedAt),
            expiresAt: null,
            paidAt: new Date(spec.submittedAt),
            providerTransaction: null,
            bankCode: null,
            receiptNumber: null,
            receiptYear: null,
            receiptSeq: null,
            takenBy: null,
          })
          .execute();
      }
      await db
        .insertInto('dossierFee')
        .values({
          dossierId: id,
          scheduleIndex: 0,
          kind: 'LE_PHI',
          description: 'Lệ phí',
          unitAmount: 8000,
          amount: 8000,
          status: spec.fee.status,
          assessedAt: new Date(spec.submittedAt),
          assessedBy: null,
          paidAt: paid ? new Date(spec.submittedAt) : null,
          paymentId,
        })
        .execute();
    }
    if (spec.rating !== undefined) {
      await db
        .insertInto('dossierSurvey')
        .values({
          dossierId: id,
          answeredAt: new Date(spec.finishedAt!),
          rating: spec.rating,
          comment: null,
        })
        .execute();
    }
    for (const status of spec.history ?? []) {
      await db
        .insertInto('dossierHistory')
        .values({
          dossierId: id,
          at: new Date(spec.submittedAt),
          action: status,
          status,
          agencyId,
          actorId: null,
          actorName: null,
          note: null,
        })
        .execute();
    }
    if (spec.apology) {
      await db
        .insertInto('dossierApology')
        .values({
          dossierId: id,
          agencyId,
          issuedAt: new Date(spec.apology.previousDueAt),
          previousDueAt: new Date(spec.apology.previousDueAt),
          newDueAt: new Date(spec.apology.newDueAt),
          reason: 'Cần xác minh thêm thông tin',
          storedFileId: null,
          issuedBy: null,
        })
        .execute();
    }
    return id;
  }

  const get = (headers: Headers, url: string) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    db = dossiersDb(t.ctx);
    agencies = await loadQuangNinhAgencies(t.ctx.db);
    await importProcedures(t.ctx, loadProcedureCatalog(), {
      type: 'system',
      id: null,
      ip: null,
      requestId: null,
    });
    fileId = (
      await db
        .insertInto('storedFile')
        .values({
          sha256: 'a'.repeat(64),
          size: 1000,
          mediaType: 'application/pdf',
          originalName: 'giấy tờ.pdf',
          ownerType: 'dossier',
          ownerId: 'test',
          agencyId: null,
          uploadedBy: 'test',
          deletedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const spec of Object.values(OCTOBER)) await insertDossier(spec);

    const staff = async (email: string, code: string, role: string) =>
      browser(
        t.ctx,
        await signInStaff(
          t.app,
          t.ctx,
          clock,
          await createTestUser(t.ctx, { email, agencyId: agencies.get(code)!, roles: [role] }),
        ),
      );
    province = await staff('vanhanh.ioc@example.vn', PROVINCE, 'operator');
    haLongLeader = await staff('chutich.halong@example.vn', HA_LONG, 'leader');
    desk = await staff('motcua.halong@example.vn', HA_LONG, 'desk_officer');
  });
  afterAll(async () => t?.close());

  it('scores the province for October 2026 exactly as worked out by hand', async () => {
    const res = await get(province, '/api/dossiers/index?period=2026-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({
      key: '2026-10',
      kind: 'month',
      from: '2026-09-30T17:00:00.000Z',
      to: '2026-10-31T17:00:00.000Z',
    });
    expect(body.scope).toEqual({
      kind: 'province',
      agency: { code: PROVINCE, name: 'UBND tỉnh Quảng Ninh' },
      agencies: 2,
    });

    // October's intake (submitted 1–31 October, Vietnam time): A1–A6, B1, B2, B3, B5 = 10
    // (B4 came in on 30 September, A7 and B6 in November).
    // Resolved in October: A1, A2, A3, A5, B1, B2, B4 = 7 (A6 finished on 1 November).
    // Open and late on 31 October at midnight: A4, B5 = 2 (B3 waits for documents).
    expect(indicator(body, 'progress_published')).toMatchObject({
      // Current status on the timeline: all but A4 (processing; timeline says submitted)
      // and B5 (processing; timeline says received) → 8 / 10 = 0.8 → 14 × 0.8 = 11.2.
      status: 'measured',
      numerator: 8,
      denominator: 10,
      value: 0.8,
      points: 11.2,
      max: 14,
    });
    expect(indicator(body, 'procedures_published_on_time')).toMatchObject({
      status: 'not_measured',
      value: null,
      points: null,
      max: 4,
    });
    expect(indicator(body, 'on_time')).toMatchObject({
      // On time: A1, A3, A5, B1, B4 = 5; late: A2, and B2 (finished after its first
      // appointment, before the apology's). 5 / (7 + 2) = 0.5556 → 20 × 5/9 = 11.11.
      numerator: 5,
      denominator: 9,
      value: 0.5556,
      points: 11.11,
      max: 20,
    });
    // Procedures with intake, once per commune: A has birth, marriage, signature; B too → 6.
    // Fully online: birth in each → 2 / 6 → 2 × 1/3 = 0.67.
    // Offered online: birth and marriage in each → 4; each had an online dossier (A1, A4,
    // B1, B3) → 4 / 4 → 4 points.
    // Online dossiers: A1, A2, A4, A6, B1, B3 = 6 of the 8 for online procedures (A3, B2
    // came to the desk; A5, B5 are desk-only procedures) → 6 × 0.75 = 4.5.
    expect(points(body)).toMatchObject({
      procedures_fully_online: 0.67,
      procedures_with_online_dossiers: 4,
      online_dossiers: 4.5,
    });
    expect(indicator(body, 'online_dossiers')).toMatchObject({ numerator: 6, denominator: 8 });
    // 0.6667 + 4 + 4.5 = 9.1667 → 9.17.
    expect(group(body, 'online')).toMatchObject({ points: 9.17, max: 12, measuredMax: 12 });

    // Owing fees: A1, A3, A4, A5 (paid) and B2 (due); B5's was waived → 5 dossiers.
    // Their procedures: A birth, marriage, signature; B marriage → 4; offered online: 3
    // (not signature) → 2 × 3/4 = 1.5; with an online payment: A birth (A1, VNPay),
    // A marriage (A4, sandbox) → 2 × 2/4 = 1. Dossiers paid online: A1, A4 → 6 × 2/5 = 2.4.
    expect(points(body)).toMatchObject({
      fee_procedures_payable_online: 1.5,
      fee_procedures_paid_online: 1,
      dossiers_paid_online: 2.4,
    });
    expect(group(body, 'payment')).toMatchObject({ points: 4.9, max: 10 });

    // Digitised: the six online ones, and A3, B2, B5 whose papers were scanned at the desk;
    // not A5 (nothing on file) → 6 × 9/10 = 5.4.
    // Results on file: all resolved but A5 → 6 × 6/7 = 5.142857 → 5.14.
    // Signed results: A1, B1, B4 → 6 × 3/7 = 2.571429 → 2.57.
    // Reused documents: A2 → 4 × 1/10 = 0.4. Group: 13.514286 → 13.51.
    expect(points(body)).toMatchObject({
      dossiers_digitised: 5.4,
      results_digitised: 5.14,
      results_electronic: 2.57,
      data_reused: 0.4,
    });
    expect(group(body, 'digitisation')).toMatchObject({ points: 13.51, measuredMax: 22 });

    // Satisfaction: of the 7 resolved, dissatisfied or late: A2 (late), A3 (rated 2),
    // B2 (late), B4 (rated 1) → (7 − 4) / 7 = 0.4286; full points from 95% in 2026:
    // 6 × 0.428571 / 0.95 = 2.706767 → 2.71. The two complaint indicators are not measured.
    expect(indicator(body, 'procedures_satisfied')).toMatchObject({
      numerator: 3,
      denominator: 7,
      value: 0.4286,
      target: 0.95,
      points: 2.71,
    });
    expect(group(body, 'satisfaction')).toMatchObject({ points: 2.71, max: 18, measuredMax: 6 });

    // Total: 11.2 + 11.111111 + 9.166667 + 4.9 + 13.514286 + 2.706767 = 52.598831 → 52.6,
    // out of the 84 points measured (100 − 4 − 6 − 6): 52.598831 × 100 / 84 = 62.62.
    expect(body).toMatchObject({ points: 52.6, max: 100, measuredMax: 84, score: 62.62 });

    // Each commune's own score (worked out in the next test for A; B likewise).
    expect(body.agencies.map((a: any) => a.agency.code)).toEqual([HA_LONG, OTHER]);
    expect(body.agencies[0]).toMatchObject({ score: 63.84, onTimeRate: 0.6 });
  });

  it('shows a commune leader their commune only', async () => {
    const res = await get(haLongLeader, '/api/dossiers/index?period=2026-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.scope).toMatchObject({ kind: 'reach', agency: { code: HA_LONG }, agencies: 1 });
    expect(body.agencies.map((a: any) => a.agency.code)).toEqual([HA_LONG]);
    // A: intake A1–A6 = 6, resolved A1, A2, A3, A5 = 4, open late A4 = 1.
    expect(points(body)).toEqual({
      procedures_published_on_time: null,
      progress_published: 11.67, // 14 × 5/6 = 11.666667
      on_time: 12, // 20 × 3 / (4 + 1)
      procedures_fully_online: 0.67, // 2 × 1/3
      procedures_with_online_dossiers: 4, // 4 × 2/2
      online_dossiers: 4.8, // 6 × 4/5
      fee_procedures_payable_online: 1.33, // 2 × 2/3
      fee_procedures_paid_online: 1.33, // 2 × 2/3
      dossiers_paid_online: 3, // 6 × 2/4
      dossiers_digitised: 5, // 6 × 5/6
      results_digitised: 4.5, // 6 × 3/4
      results_electronic: 1.5, // 6 × 1/4
      data_reused: 0.67, // 4 × 1/6
      complaints_on_time: null,
      complaints_satisfied: null,
      procedures_satisfied: 3.16, // 6 × (2/4) / 0.95 = 3.157895
    });
    // 11.666667 + 12 + 9.466667 + 5.666667 + 11.666667 + 3.157895 = 53.624561 → 53.62;
    // × 100 / 84 = 63.84.
    expect(body).toMatchObject({ points: 53.62, measuredMax: 84, score: 63.84 });

    const other = await get(haLongLeader, `/api/dossiers/index?period=2026-10&agency=${OTHER}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REPORTING_AGENCY_NOT_FOUND');
  });

  it('lets the province narrow the figures to one agency', async () => {
    const res = await get(province, `/api/dossiers/index?period=2026-10&agency=${HA_LONG}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      scope: { kind: 'agency', agency: { code: HA_LONG }, agencies: 1 },
      points: 53.62,
      score: 63.84,
    });
  });

  it('refuses people without dossiers.report and anonymous callers', async () => {
    const forbidden = await get(desk, '/api/dossiers/index?period=2026-10');
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await get(browser(t.ctx), '/api/dossiers/ops?period=2026-10');
    expect(anonymous.statusCode).toBe(401);
  });

  it('counts a dossier finished at 2026-10-31T17:30Z in November, Vietnam time', async () => {
    const body = (await get(province, '/api/dossiers/index?period=2026-11')).json();
    // Resolved in November: A6 only, on time; open and late now: A4, B5 → 1 / (1 + 2).
    expect(indicator(body, 'on_time')).toMatchObject({ numerator: 1, denominator: 3 });
    // November's intake: A7 and B6.
    expect(indicator(body, 'progress_published')).toMatchObject({ denominator: 2 });

    const quarter = (await get(province, '/api/dossiers/index?period=2026-Q4')).json();
    expect(quarter.period).toMatchObject({
      kind: 'quarter',
      from: '2026-09-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    // October and November: A1, A2, A3, A5, B1, B2, B4 and A6 resolved; open late: A4, B5.
    expect(indicator(quarter, 'on_time')).toMatchObject({ numerator: 6, denominator: 10 });

    const september = (await get(province, '/api/dossiers/index?period=2026-09')).json();
    // B4, submitted at 23:00 on 30 September in Vietnam, is September's intake.
    expect(indicator(september, 'progress_published')).toMatchObject({ denominator: 1 });
  });

  it('answers a period that is not one, or has not begun, with 400', async () => {
    for (const period of ['2026-13', '2026-Q5', '26', '2026-1', 'october']) {
      const res = await get(province, `/api/dossiers/index?period=${period}`);
      expect(res.statusCode, period).toBe(400);
      expect(res.json().error.code).toBe('REPORTING_PERIOD_INVALID');
    }
    const future = await get(province, '/api/dossiers/index?period=2027');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('REPORTING_PERIOD_NOT_STARTED');
  });

  it('parses periods on the Vietnamese calendar', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    expect(parsePeriod('2026-11', tz)).toMatchObject({
      from: new Date('2026-10-31T17:00:00Z'),
      to: new Date('2026-11-30T17:00:00Z'),
    });
    expect(parsePeriod('2026-12', tz)?.to).toEqual(new Date('2026-12-31T17:00:00Z'));
    expect(parsePeriod('2026-q3', tz)).toMatchObject({
      key: '2026-Q3',
      from: new Date('2026-06-30T17:00:00Z'),
      to: new Date('2026-09-30T17:00:00Z'),
    });
    expect(parsePeriod('2026', tz)).toMatchObject({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
    expect(parsePeriod('2026-00', tz)).toBeNull();
  });

  it('gives the operations center on-time rates, today’s appointments, late dossiers and the trend', async () => {
    const res = await get(province, '/api/dossiers/ops?period=2026-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // A: 3 / (4 + 1) = 0.6; B: 2 / (3 + 1) = 0.5 (B1, B4 on time; B2 late; B5 open late).
    expect(body.onTime).toEqual([
      {
        agency: { code: OTHER, name: expect.any(String) },
        resolved: 3,
        resolvedOnTime: 2,
        openLate: 1,
        rate: 0.5,
      },
      {
        agency: { code: HA_LONG, name: 'UBND phường Hạ Long' },
        resolved: 4,
        resolvedOnTime: 3,
        openLate: 1,
        rate: 0.6,
      },
    ]);
    // Due on 22 November in Vietnam: A7 (17:00); B6 is due at 00:30 on the 23rd.
    expect(body.dueToday.date).toBe('2026-11-22');
    expect(body.dueToday.total).toBe(1);
    expect(body.dueToday.items).toEqual([
      expect.objectContaining({
        procedureCode: BIRTH,
        agency: expect.objectContaining({ code: HA_LONG }),
        dueAt: '2026-11-22T10:00:00.000Z',
        status: 'processing',
      }),
    ]);
    // Late now: A4 and B5.
    expect(body.lateOpen.total).toBe(2);
    expect(body.lateOpen.byAgency.map((row: any) => row.count)).toEqual([1, 1]);
    // Twelve months, November 2025 to October 2026.
    expect(body.trend.map((month: any) => month.period)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(body.trend[0]).toMatchObject({ score: null, onTimeRate: null });
    // September: B4 alone came in, nothing resolved: publicity 14 × 1/1, online 2 + 4 + 6,
    // digitised 6 × 1/1, reused 4 × 0/1 → 32 of 36 measured → 88.89.
    expect(body.trend[10]).toMatchObject({
      points: 32,
      measuredMax: 36,
      score: 88.89,
      onTimeRate: null,
    });
    expect(body.trend[11]).toMatchObject({ score: 62.62, onTimeRate: 0.5556 });

    const commune = (await get(haLongLeader, '/api/dossiers/ops?period=2026-10')).json();
    expect(commune.onTime.map((row: any) => row.agency.code)).toEqual([HA_LONG]);
    expect(commune.lateOpen.total).toBe(1);
    expect(commune.dueToday.total).toBe(1);
  });

  it('serves a second request from the cache and sees a change once one is recorded', async () => {
    const first = (await get(province, '/api/dossiers/index?period=2026-10')).json();

    // A dossier resolved on time in October, written without a line in its history.
    const late = await insertDossier({
      agency: 'B',
      procedure: BIRTH,
      channel: 'TRUC_TUYEN',
      status: 'returned',
      submittedAt: '2026-10-12T02:00:00Z',
      receivedAt: '2026-10-12T03:00:00Z',
      dueAt: '2026-10-16T10:00:00Z',
      finishedAt: '2026-10-14T08:00:00Z',
    });
    clock.advance(20_000);
    const second = (await get(province, '/api/dossiers/index?period=2026-10')).json();
    expect(second.computedAt).toBe(first.computedAt);
    expect(indicator(second, 'on_time')).toMatchObject({ numerator: 5, denominator: 9 });

    // The history line every writer appends moves the change mark.
    await db
      .insertInto('dossierHistory')
      .values({
        dossierId: late,
        at: clock.now(),
        action: 'returned',
        status: 'returned',
        agencyId: agencies.get(OTHER)!,
        actorId: null,
        actorName: null,
        note: null,
      })
      .execute();
    clock.advance(1_000);
    const third = (await get(province, '/api/dossiers/index?period=2026-10')).json();
    expect(third.computedAt).not.toBe(first.computedAt);
    expect(indicator(third, 'on_time')).toMatchObject({ numerator: 6, denominator: 10 });

    // A writer in this process may drop the cache at once.
    await db.updateTable('dossier').set({ resultSigned: true }).where('id', '=', late).execute();
    invalidateIndexCache(t.ctx);
    const fourth = (await get(province, '/api/dossiers/index?period=2026-10')).json();
    expect(indicator(fourth, 'results_electronic')).toMatchObject({ numerator: 4, denominator: 8 });
  });
});
