/**
 * The reporter's privacy, checked from the outside: reports are filed with distinctive names,
 * e-mail addresses, phone numbers, a citizen account and camera photos, then handled,
 * answered, hidden and redacted; every GET route an anonymous visitor can call (read from
 * the OpenAPI document, so a new route is swept without editing this test) and every Open311
 * read is called with real codes and ids and with filters that name the reporter, and no
 * answer — body or header, in any format — may carry the reporter's name, contact, account
 * or secret. Photos served to the public must carry no EXIF, XMP or camera.
 */
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/harness';
import { ManualClock } from '../src/kernel/clock';
import {
  browser,
  createTestUser,
  signIn,
  signInStaff,
  type TestAccount,
} from '../src/kernel/auth/testing';
import { generateApiKey, hashApiKey } from '../src/kernel/auth/api-keys';
import { PERMISSIONS } from '../src/kernel/auth';
import { loadQuangNinhAgencies } from '../seed/quang-ninh-agencies';
import { loadFeedbackCategories } from '../seed/feedback-categories';
import {
  CAMERA_MAKE,
  CAMERA_MODEL,
  PHOTO_TAKEN_AT,
  cameraJpeg,
  cameraPngWithAlpha,
  cameraVideo,
  VIDEO_GPS,
} from './fixtures/camera-files';

// The reporter, as she types herself into the portal and an Open311 client.
const NAME = 'Nguyễn Thị Riêngtư';
const EMAIL = 'riengtu.nguyen@example.vn';
const PHONE = '0916482735';
const OPEN311_EMAIL = 'riengtu.open311@example.vn';
const OPEN311_DEVICE = 'thiet-bi-riengtu-7731';
const OPEN311_ACCOUNT = 'tai-khoan-riengtu-5521';
// A citizen who files while signed in, giving no contact in the form.
const ACCOUNT_NAME = 'Phạm Văn Kínđáo';
const ACCOUNT_EMAIL = 'kindao.congdan@example.vn';
const ACCOUNT_PHONE = '0977654321';
// Someone who follows a report by e-mail.
const FOLLOWER_EMAIL = 'theodoi.kindao@example.vn';

// Quảng Ninh's own categories (seed/data/feedback-categories.json): one a ward answers and
// that may be anonymous, one a provincial department answers.
const STREETLIGHT = 'streetlight';
const TOURISM = 'tourism_services';
const HA_LONG_COMMITTEE = '000.00.37.H49';
/** Points inside phường Hạ Long and phường Hồng Gai. */
const HA_LONG_POINT = { lat: 20.9481, lon: 107.1168 };
const HONG_GAI_POINT = { lat: 20.9549, lon: 107.0782 };

const BASE = '/open311/v2';
const MEDIA_URL = /\/api\/feedback\/media\/[0-9a-f-]{36}/g;

/** Lower case, without diacritics: "Riêngtư", "RIÊNGTƯ" and "Riengtu" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The text as a reader would see it: XML character references and %-escapes decoded. */
function readable(text: string): string {
  const entities = text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
  const escapes = entities.replace(/(%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  return `${text}\n${entities}\n${escapes}`;
}

interface Needle {
  label: string;
  value: string;
}

interface Answer {
  url: string;
  route: string;
  status: number;
  contentType: string;
  headers: string;
  body: string;
  json: unknown;
}

/** Where in a JSON answer a needle sits, e.g. `items[0].description`. */
function jsonPaths(value: unknown, needle: string, at = ''): string[] {
  if (typeof value === 'string') return fold(readable(value)).includes(needle) ? [at || '.'] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => jsonPaths(item, needle, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(fold(key).includes(needle) ? [`${at}.${key} (key)`] : []),
      ...jsonPaths(item, needle, at ? `${at}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * Every needle found in an answer, with where it was. An error may echo a value the request
 * itself carried (a code asked for) back to the one who sent it; a successful answer may not.
 */
function leaksIn(answer: Answer, needles: readonly Needle[]): string[] {
  const asked = fold(readable(answer.url));
  const body = fold(readable(answer.body));
  const headers = fold(readable(answer.headers));
  const found: string[] = [];
  for (const needle of needles) {
    const value = fold(needle.value);
    if (answer.status >= 400 && asked.includes(value)) continue;
    if (headers.includes(value)) {
      const names = answer.headers
        .split('\n')
        .filter((line) => fold(readable(line)).includes(value))
        .map((line) => line.slice(0, line.indexOf(':')));
      found.push(`GET ${answer.url} → ${needle.label} in header ${names.join(', ')}`);
    }
    if (body.includes(value)) {
      const where = answer.json === undefined ? [] : jsonPaths(answer.json, value);
      found.push(
        `GET ${answer.url} → ${needle.label} in body${where.length ? ` at ${where.join(', ')}` : ''}`,
      );
    }
  }
  return found;
}

async function spreadsheetText(content: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  }
  return cells.join('\n');
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: {
    type?: string;
    format?: string;
    enum?: unknown[];
    items?: { enum?: unknown[] };
    anyOf?: Array<{ const?: unknown; enum?: unknown[] }>;
  };
}
type OpenApiDocument = {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
};

/** The values a parameter can take, from its schema when the test has none of its own. */
function schemaValues(parameter: OpenApiParameter): string[] {
  const schema = parameter.schema ?? {};
  const listed =
    schema.enum ??
    schema.items?.enum ??
    schema.anyOf?.flatMap((option) => option.enum ?? ('const' in option ? [option.const] : []));
  if (listed && listed.length > 0) return listed.map(String);
  if (schema.type === 'boolean') return ['true', 'false'];
  if (schema.format === 'date-time') return ['2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z'];
  if (schema.format === 'date') return ['2026-03-02'];
  return [];
}

describe('the reporter’s privacy on every public answer', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let officer: Record<string, string>;
  let moderator: Record<string, string>;
  let citizen: TestAccount;
  let citizenHeaders: Record<string, string>;
  let integrationKey: string;
  let backOfficeKey: string;

  interface Filed {
    trackingCode: string;
    secret?: string;
    token?: string;
    hidden?: boolean;
  }
  const filed: Record<string, Filed> = {};
  /** Every media id of every report, as staff see them (hidden ones included). */
  const mediaIds = new Set<string>();
  const hiddenMediaIds = new Set<string>();
  const agencyIds = new Set<string>();
  const communeCodes = new Set<string>();
  let needles: Needle[] = [];
  const anonymousAnswers: Answer[] = [];
  const open311Answers: Answer[] = [];
  let getRoutes: string[] = [];
  let uploadedJpeg: Buffer = Buffer.alloc(0);

  const report = (overrides: Record<string, unknown> = {}) => ({
    categoryCode: STREETLIGHT,
    ...HA_LONG_POINT,
    address: 'Đường Trần Hưng Đạo',
    description: 'Cột đèn số 7 trước chợ không sáng từ tối qua.',
    attributes: { lights_out: 'two_to_five' },
    reporter: { name: NAME, email: EMAIL, phone: PHONE },
    ...overrides,
  });

  /** A report filed from the portal, with photos and a video as multipart/form-data. */
  const fileReport = async (
    body: object,
    files: Array<{ field: 'photo' | 'video'; content: Buffer; name: string; type: string }> = [],
    headers: Record<string, string> = browser(t.ctx),
  ) => {
    let res;
    if (files.length === 0) {
      res = await t.app.inject({
        method: 'POST',
        url: '/api/feedback/reports',
        headers,
        payload: body,
      });
    } else {
      const form = new FormData();
      form.append('report', JSON.stringify(body));
      for (const file of files) {
        form.append(
          file.field,
          new Blob([new Uint8Array(file.content)], { type: file.type }),
          file.name,
        );
      }
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      res = await t.app.inject({
        method: 'POST',
        url: '/api/feedback/reports',
        headers: { ...headers, 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      });
    }
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json();
    return { trackingCode: answer.trackingCode as string, secret: answer.secret as string };
  };

  const act = async (headers: Record<string, string>, code: string, payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${code}/actions`,
      headers,
      payload,
    });
    expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBe(200);
    return res.json();
  };

  const open311Post = async (url: string, form: Record<string, string>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${url}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json()[0];
  };

  const createKey = async (agencyId: string, scopes: string[]) => {
    const { prefix, key } = generateApiKey();
    await t.ctx.db
      .insertInto('apiKey')
      .values({
        prefix,
        secretHash: hashApiKey(key),
        name: `open311 ${prefix}`,
        agencyId,
        scopes,
        createdBy: null,
        createdAt: clock.now(),
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      })
      .execute();
    return key;
  };

  /** A GET as an anonymous visitor (or with the headers given), kept for the leak checks. */
  const fetchAnswer = async (
    url: string,
    route: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    const contentType = String(res.headers['content-type'] ?? '');
    const body = contentType.includes('spreadsheetml')
      ? await spreadsheetText(res.rawPayload)
      : res.rawPayload.toString('utf8');
    let json: unknown;
    if (contentType.includes('json')) {
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
    }
    return {
      url,
      route,
      status: res.statusCode,
      contentType,
      headers: Object.entries(res.headers)
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join('\n'),
      body,
      json,
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const agencies = await loadQuangNinhAgencies(t.ctx.db);
    await loadFeedbackCategories(t.ctx.db);
    const province = agencies.get('000.00.00.H49')!;
    const staff = async (email: string, agency: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: agencies.get(agency)!,
        roles: [role],
      });
      return browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    };
    officer = await staff('canbo.halong@example.vn', HA_LONG_COMMITTEE, 'officer');
    moderator = await staff('quantri@example.vn', '000.00.00.H49', 'province_admin');
    citizen = await createTestUser(t.ctx, {
      email: ACCOUNT_EMAIL,
      type: 'citizen',
      fullName: ACCOUNT_NAME,
      phone: `+84${ACCOUNT_PHONE.slice(1)}`,
    });
    citizenHeaders = browser(
      t.ctx,
      (await signIn(t.app, t.ctx, ACCOUNT_EMAIL, citizen.password)).cookie,
    );
    integrationKey = await createKey(province, []);
    backOfficeKey = await createKey(province, [
      PERMISSIONS.recordsRead,
      PERMISSIONS.recordsProcess,
    ]);

    const jpeg = await cameraJpeg();
    uploadedJpeg = jpeg;
    const photo = (name: string, content = jpeg) => ({
      field: 'photo' as const,
      content,
      name,
      type: 'image/jpeg',
    });

    // New, with a camera photo whose file name carries the reporter's name and number, as
    // phones and desktop folders often name them.
    filed.withPhoto = await fileReport(report(), [photo(`Ảnh của ${NAME} ${PHONE}.jpg`)]);
    const follow = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/reports/${filed.withPhoto.trackingCode}/followers`,
      headers: browser(t.ctx),
      payload: { email: FOLLOWER_EMAIL },
    });
    expect(follow.statusCode).toBe(204);

    // Answered and resolved with a photo of the fix (from a staff phone, with EXIF); an
    // internal note that names the reporter; a not-satisfied rating (which reopens the report)
    // whose comment repeats her number.
    filed.resolved = await fileReport(
      report({ description: 'Dây điện cột đèn ngõ 12 bị đứt, treo thấp sát mặt đường.' }),
    );
    await act(officer, filed.resolved.trackingCode, { action: 'receive' });
    await act(officer, filed.resolved.trackingCode, {
      action: 'note',
      message: `Đã gọi chị ${NAME} qua số 0916 482 735 (${EMAIL}), hẹn kiểm tra sáng mai.`,
    });
    await act(officer, filed.resolved.trackingCode, {
      action: 'answer',
      message: 'Đội điện chiếu sáng đã kiểm tra hiện trường.',
    });
    const fixForm = new FormData();
    fixForm.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'fix.jpg');
    const fixRequest = new Request('http://localhost/', { method: 'POST', body: fixForm });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files?kind=image',
      headers: { ...officer, 'content-type': fixRequest.headers.get('content-type')! },
      payload: Buffer.from(await fixRequest.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    await act(officer, filed.resolved.trackingCode, {
      action: 'resolve',
      message: 'Đã nối lại dây và treo lên cao.',
      fileIds: [upload.json().id],
    });
    clock.advance(10 * 60_000);
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/reports/${filed.resolved.trackingCode}/rating`,
      headers: { ...browser(t.ctx), 'x-report-secret': filed.resolved.secret! },
      // Not satisfied, so the report reopens: the public line of the reopening must not
      // carry the comment.
      payload: { rating: 'not_satisfied', comment: `Chưa sửa xong, cần gì gọi ${PHONE}.` },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().reopened).toBe(true);

    // Hidden by a moderator, with a photo; the reason names the reporter.
    filed.hidden = {
      ...(await fileReport(report({ description: 'Đèn chiếu sáng công viên tắt cả khu.' }), [
        photo('IMG_0002.jpg'),
      ])),
      hidden: true,
    };
    await act(moderator, filed.hidden.trackingCode, {
      action: 'hide',
      reason: `Nêu đích danh chị ${NAME}, số ${PHONE}.`,
    });

    // The reporter wrote her name and number into the description; a moderator redacted it.
    filed.redacted = await fileReport(
      report({
        description: `Tôi là ${NAME}, điện thoại 0916 482 735, nhà tôi ở ngõ 5: đèn đường tắt cả tuần.`,
      }),
    );
    await act(moderator, filed.redacted.trackingCode, {
      action: 'redact',
      publicDescription: 'Đèn đường ngõ 5 tắt cả tuần. [Thông tin cá nhân đã được ẩn]',
    });

    // Anonymous, with a transparent PNG (stored as WebP) and a phone video; the reporter
    // fields the form still sent must be dropped.
    filed.anonymous = await fileReport(
      report({ ...HONG_GAI_POINT, anonymous: true, description: 'Đèn nháy liên tục cả đêm.' }),
      [
        {
          field: 'photo',
          content: await cameraPngWithAlpha(),
          name: 'logo.png',
          type: 'image/png',
        },
        { field: 'video', content: cameraVideo(), name: 'VID_0001.mp4', type: 'video/mp4' },
      ],
    );

    // Filed by a signed-in citizen, who gives no contact: the account is the contact.
    const { reporter: _none, ...withoutContact } = report({
      description: 'Bóng đèn cao áp ở vòng xuyến bị vỡ.',
    });
    filed.account = await fileReport(
      withoutContact,
      [photo('IMG_20260301_211405.jpg')],
      citizenHeaders,
    );

    // Two photos, one hidden by a moderator.
    filed.hiddenPhoto = await fileReport(
      report({ description: 'Cột đèn bị xe tải đâm nghiêng.' }),
      [photo('IMG_0003.jpg'), photo('IMG_0004.jpg')],
    );

    // Filed through Open311: one handled by a back office, one hidden afterwards.
    const open311Form = (extra: Record<string, string>) => ({
      api_key: integrationKey,
      first_name: 'Riêngtư',
      last_name: 'Nguyễn Thị',
      email: OPEN311_EMAIL,
      phone: '+84 916 482 735',
      device_id: OPEN311_DEVICE,
      account_id: OPEN311_ACCOUNT,
      lat: String(HA_LONG_POINT.lat),
      long: String(HA_LONG_POINT.lon),
      address_string: 'Bến tàu Tuần Châu',
      ...extra,
    });
    const viaOpen311 = await open311Post(
      'requests.json',
      open311Form({
        service_code: TOURISM,
        description: 'Thu phí gửi xe gấp ba giá niêm yết.',
        'attribute[service]': 'transport',
        'attribute[tourism_issue]': 'overcharging',
        'attribute[amount_charged]': '150000',
      }),
    );
    filed.open311 = { trackingCode: viaOpen311.service_request_id, token: viaOpen311.token };
    await open311Post('servicerequestupdates.json', {
      api_key: backOfficeKey,
      service_request_id: filed.open311.trackingCode,
      status: 'IN_PROGRESS',
      description: 'Ban quản lý bến đã tiếp nhận.',
    });
    const hiddenOpen311 = await open311Post(
      'requests.json',
      open311Form({
        service_code: STREETLIGHT,
        description: 'Đèn bến tàu không sáng.',
        'attribute[lights_out]': 'whole_street',
      }),
    );
    filed.open311Hidden = {
      trackingCode: hiddenOpen311.service_request_id,
      token: hiddenOpen311.token,
      hidden: true,
    };
    await act(moderator, filed.open311Hidden.trackingCode, {
      action: 'hide',
      reason: 'Trùng nội dung.',
    });

    // What staff see: every media id (hidden ones too), the agencies and the communes.
    for (const one of Object.values(filed)) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/feedback/inbox/${one.trackingCode}`,
        headers: moderator,
      });
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      agencyIds.add(view.agency.id);
      communeCodes.add(view.commune.code);
      for (const media of view.allMedia) mediaIds.add(media.id);
      for (const entry of view.history) for (const media of entry.media) mediaIds.add(media.id);
    }
    const hiddenPhotoView = (
      await t.app.inject({
        method: 'GET',
        url: `/api/feedback/inbox/${filed.hiddenPhoto.trackingCode}`,
        headers: moderator,
      })
    ).json();
    const toHide = hiddenPhotoView.allMedia[0].id as string;
    await act(moderator, filed.hiddenPhoto.trackingCode, {
      action: 'hideMedia',
      mediaId: toHide,
      hidden: true,
    });
    hiddenMediaIds.add(toHide);

    needles = [
      { label: 'the reporter’s name', value: NAME },
      { label: 'the reporter’s name (without diacritics)', value: 'Nguyen Thi Rieng' },
      { label: 'the reporter’s given name', value: 'Riêngtư' },
      { label: 'the reporter’s e-mail', value: EMAIL },
      { label: 'the Open311 reporter’s e-mail', value: OPEN311_EMAIL },
      { label: 'the Open311 device_id', value: OPEN311_DEVICE },
      { label: 'the Open311 account_id', value: OPEN311_ACCOUNT },
      { label: 'the reporter’s phone (0916482735)', value: '0916482735' },
      { label: 'the reporter’s phone (+84916482735)', value: '+84916482735' },
      { label: 'the reporter’s phone (84916482735)', value: '84916482735' },
      { label: 'the reporter’s phone (916482735)', value: '916482735' },
      { label: 'the reporter’s phone (916 482 735)', value: '916 482 735' },
      { label: 'the reporter’s phone (0916.482.735)', value: '0916.482.735' },
      { label: 'the citizen account’s id', value: citizen.id },
      { label: 'the citizen account’s e-mail', value: ACCOUNT_EMAIL },
      { label: 'the citizen account’s name', value: ACCOUNT_NAME },
      { label: 'the citizen account’s phone', value: '977654321' },
      { label: 'a follower’s e-mail', value: FOLLOWER_EMAIL },
      ...Object.entries(filed)
        .filter(([, one]) => one.secret)
        .map(([name, one]) => ({ label: `the secret of report "${name}"`, value: one.secret! })),
    ];

    // Every GET route of the OpenAPI document, called without a session.
    const doc = (
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json<OpenApiDocument>();
    getRoutes = Object.entries(doc.paths)
      .filter(([, operations]) => operations.get)
      .map(([path]) => path);
    const codes = Object.values(filed).map((one) => one.trackingCode);
    const pathValues: Record<string, string[]> = {
      code: [...codes, ...codes.map((code) => code.toLowerCase()), ...communeCodes],
      id: [...mediaIds, ...agencyIds],
    };
    const queryValues: Record<string, string[]> = {
      q: [NAME, 'Riêngtư', 'riengtu', EMAIL, PHONE, '+84916482735', ACCOUNT_EMAIL, 'Trần Hưng Đạo'],
      categoryCode: [STREETLIGHT, TOURISM],
      communeCode: [...communeCodes],
      agencyId: [...agencyIds],
      within: [...agencyIds],
      parentId: [...agencyIds],
      lat: [String(HA_LONG_POINT.lat), String(HONG_GAI_POINT.lat)],
      lon: [String(HA_LONG_POINT.lon), String(HONG_GAI_POINT.lon)],
      page: ['1', '2'],
      pageSize: ['100', '1'],
      year: ['2026'],
      workingDays: ['3'],
      workingHours: ['8'],
    };
    for (const path of getRoutes) {
      const parameters = doc.paths[path]!.get!.parameters ?? [];
      const valuesOf = (parameter: OpenApiParameter) =>
        queryValues[parameter.name] ?? schemaValues(parameter);
      const queries = parameters.filter((parameter) => parameter.in === 'query');
      const base = new URLSearchParams();
      for (const parameter of queries.filter((p) => p.required)) {
        const first = valuesOf(parameter)[0];
        if (first !== undefined) base.set(parameter.name, first);
      }
      const variants = [base.toString()];
      for (const parameter of queries) {
        for (const value of valuesOf(parameter)) {
          const variant = new URLSearchParams(base);
          variant.set(parameter.name, value);
          variants.push(variant.toString());
        }
      }
      if (queries.some((p) => p.name === 'page') && queries.some((p) => p.name === 'pageSize')) {
        const paged = new URLSearchParams(base);
        paged.set('page', '2');
        paged.set('pageSize', '1');
        variants.push(paged.toString());
      }
      const pathParameters = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      let urls = [path];
      for (const name of pathParameters) {
        urls = urls.flatMap((url) =>
          (pathValues[name] ?? ['not-a-real-id']).map((value) =>
            url.replace(`{${name}}`, encodeURIComponent(value)),
          ),
        );
      }
      for (const url of urls) {
        for (const query of new Set(variants)) {
          anonymousAnswers.push(await fetchAnswer(query ? `${url}?${query}` : url, path));
        }
      }
    }
    anonymousAnswers.push(await fetchAnswer('/api/openapi.json', '/api/openapi.json'));

    // Every Open311 read; these are outside /api and hidden from the OpenAPI document.
    const open311Reads: string[] = [];
    for (const format of ['json', 'xml']) {
      open311Reads.push(`discovery.${format}`, `services.${format}`);
      for (const service of [STREETLIGHT, TOURISM])
        open311Reads.push(`services/${service}.${format}`);
      for (const query of [
        '',
        'extensions=true',
        'status=open',
        'status=closed',
        'status=open,closed&extensions=true',
        `service_code=${STREETLIGHT},${TOURISM}`,
        `service_request_id=${codes.join(',')}`,
        `service_request_id=${codes.join(',')}&extensions=true`,
        'page_size=100&extensions=true',
        'page=2&page_size=1&extensions=true',
        'start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z&extensions=true',
        `api_key=${integrationKey}&extensions=true`,
      ]) {
        open311Reads.push(`requests.${format}${query ? `?${query}` : ''}`);
      }
      for (const code of codes) open311Reads.push(`requests/${code}.${format}`);
      for (const one of Object.values(filed)) {
        if (one.token) open311Reads.push(`tokens/${one.token}.${format}`);
      }
      for (const query of [
        '',
        'page_size=100',
        'start_date=2026-03-01T00:00:00Z',
        ...codes.map((code) => `service_request_id=${code}`),
      ]) {
        open311Reads.push(`servicerequestupdates.${format}${query ? `?${query}` : ''}`);
      }
    }
    for (const read of open311Reads) {
      for (const language of ['vi', 'en']) {
        open311Answers.push(
          await fetchAnswer(`${BASE}/${read}`, `${BASE}/${read.split('?')[0]}`, {
            'accept-language': language,
          }),
        );
      }
    }
  }, 300_000);
  afterAll(async () => t.close());

  const visibleCodes = () =>
    Object.values(filed)
      .filter((one) => !one.hidden)
      .map((one) => one.trackingCode);
  const hiddenCodes = () =>
    Object.values(filed)
      .filter((one) => one.hidden)
      .map((one) => one.trackingCode);

  it('sweeps a meaningful part of the API, which does show the reports', () => {
    expect(getRoutes.length).toBeGreaterThanOrEqual(30);
    const publicRoutes = new Set(
      anonymousAnswers.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.route),
    );
    expect(publicRoutes.size).toBeGreaterThanOrEqual(12);
    expect([...publicRoutes]).toEqual(
      expect.arrayContaining([
        '/api/feedback/categories',
        '/api/feedback/reports',
        '/api/feedback/reports/{code}',
        '/api/feedback/nearby',
        '/api/feedback/map',
        '/api/feedback/scorecard',
        '/api/feedback/media/{id}',
      ]),
    );
    expect(anonymousAnswers.length).toBeGreaterThan(300);
    // Every report the public may see was shown somewhere, so the sweep saw real answers.
    const bodies = anonymousAnswers.map((a) => a.body).join('\n');
    for (const code of visibleCodes()) expect(bodies).toContain(code);
    expect(bodies).toContain('[Thông tin cá nhân đã được ẩn]');
    expect(bodies).toContain('Đã nối lại dây và treo lên cao.');
  });

  it('carries no name, contact, account or secret of a reporter in any anonymous GET answer', () => {
    expect(anonymousAnswers.flatMap((answer) => leaksIn(answer, needles))).toEqual([]);
  });

  it('keeps internal notes, rating comments and redacted text out of anonymous answers', () => {
    const internal = [
      'hẹn kiểm tra sáng mai',
      'Cảm ơn, cần gì gọi',
      'nhà tôi ở ngõ 5',
      'Nêu đích danh',
    ].map((value) => ({ label: `"${value}"`, value }));
    expect(
      [...anonymousAnswers, ...open311Answers].flatMap((answer) => leaksIn(answer, internal)),
    ).toEqual([]);
  });

  it('answers every Open311 read, in JSON and XML, without the reporter’s personal data', () => {
    expect(open311Answers.length).toBeGreaterThan(100);
    const ok = open311Answers.filter((answer) => answer.status === 200);
    expect(new Set(ok.map((answer) => answer.route))).toEqual(
      new Set(
        [
          'discovery',
          'services',
          `services/${STREETLIGHT}`,
          `services/${TOURISM}`,
          'requests',
          ...visibleCodes().map((code) => `requests/${code}`),
          `tokens/${filed.open311!.token}`,
          'servicerequestupdates',
        ].flatMap((name) => [`${BASE}/${name}.json`, `${BASE}/${name}.xml`]),
      ),
    );
    const bodies = ok.map((answer) => answer.body).join('\n');
    for (const code of visibleCodes()) expect(bodies).toContain(code);
    expect(bodies).toContain('Ban quản lý bến đã tiếp nhận.');
    expect(open311Answers.flatMap((answer) => leaksIn(answer, needles))).toEqual([]);
  });

  it('keeps hidden reports out of every public answer', () => {
    const hidden = hiddenCodes().map((code) => ({ label: `hidden report ${code}`, value: code }));
    // Asking for a hidden report by its code is answered 404, and echoes only the code asked.
    expect(
      [...anonymousAnswers, ...open311Answers].flatMap((answer) => leaksIn(answer, hidden)),
    ).toEqual([]);
    for (const code of hiddenCodes()) {
      const direct = anonymousAnswers.find((a) => a.url === `/api/feedback/reports/${code}`);
      expect(direct?.status).toBe(404);
    }
    const token = open311Answers.find(
      (a) => a.url === `${BASE}/tokens/${filed.open311Hidden!.token}.json`,
    );
    expect(token?.status).toBe(404);
  });

  it('finds no report by its reporter’s name, e-mail or phone, but does by its text', async () => {
    const search = async (q: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/feedback/reports?pageSize=100&q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ total: number; items: Array<{ trackingCode: string }> }>();
    };
    for (const q of [
      NAME,
      'Riêngtư',
      'riengtu',
      'RIENGTU',
      EMAIL,
      OPEN311_EMAIL,
      PHONE,
      '+84916482735',
      '0916 482 735',
      ACCOUNT_NAME,
      ACCOUNT_EMAIL,
      ACCOUNT_PHONE,
      citizen.id,
      FOLLOWER_EMAIL,
    ]) {
      expect({ q, ...(await search(q)) }).toEqual({
        q,
        total: 0,
        items: [],
        page: 1,
        pageSize: 100,
      });
    }
    const byText = await search('ngõ 5');
    expect(byText.items.map((item) => item.trackingCode)).toEqual([filed.redacted!.trackingCode]);
    const byAddress = await search('tran hung dao');
    expect(byAddress.items.map((item) => item.trackingCode)).toEqual(
      expect.arrayContaining([filed.withPhoto!.trackingCode, filed.account!.trackingCode]),
    );
  });

  it('keeps the reporter’s contact behind a staff session, and shows the reporter their own report', async () => {
    const code = filed.withPhoto!.trackingCode;
    const contact = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/feedback/inbox/${code}/reporter`, headers });
    expect((await contact({})).statusCode).toBe(401);
    expect((await contact({ 'x-report-secret': filed.withPhoto!.secret! })).statusCode).toBe(401);
    expect((await contact({ 'x-api-key': integrationKey })).statusCode).toBe(403);
    expect((await contact(citizenHeaders)).statusCode).toBe(403);
    const staffRead = await contact(officer);
    expect(staffRead.statusCode).toBe(200);
    expect(staffRead.json()).toMatchObject({ name: NAME, email: EMAIL });

    for (const url of [
      `/api/feedback/inbox/${code}`,
      '/api/feedback/inbox',
      '/api/feedback/inbox/export?format=csv',
      '/api/feedback/inbox/export?format=xlsx',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect(
        (await t.app.inject({ method: 'GET', url, headers: citizenHeaders })).statusCode,
        url,
      ).toBe(403);
    }

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.redacted!.trackingCode}`,
      headers: { 'x-report-secret': filed.redacted!.secret! },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().originalDescription).toContain(NAME);
    const byAccount = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.account!.trackingCode}`,
      headers: citizenHeaders,
    });
    expect(byAccount.json()).toHaveProperty('canRate', false);
  });

  it('serves public photos without EXIF, XMP or the camera', async () => {
    // The uploads did carry what must go.
    const sent = await sharp(uploadedJpeg).metadata();
    expect(sent.exif).toBeDefined();
    expect(sent.xmp).toBeDefined();
    expect(uploadedJpeg.includes(Buffer.from(CAMERA_MODEL))).toBe(true);
    expect(uploadedJpeg.includes(Buffer.from(PHOTO_TAKEN_AT))).toBe(true);

    const urls = new Set(
      [...anonymousAnswers, ...open311Answers]
        .filter((answer) => answer.status === 200)
        .flatMap((answer) => [...answer.body.matchAll(MEDIA_URL)].map((match) => match[0])),
    );
    let images = 0;
    const problems: string[] = [];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const type = String(res.headers['content-type']);
      if (!type.startsWith('image/')) continue;
      images += 1;
      const bytes = res.rawPayload;
      const metadata = await sharp(bytes).metadata();
      if (metadata.exif) problems.push(`${url}: EXIF`);
      if (metadata.xmp) problems.push(`${url}: XMP`);
      if (metadata.iptc) problems.push(`${url}: IPTC`);
      for (const marker of [
        'Exif\0\0',
        CAMERA_MAKE,
        CAMERA_MODEL,
        PHOTO_TAKEN_AT,
        'Nguyen Thi Riengtu',
        'ns.adobe.com/xap',
      ]) {
        if (bytes.includes(Buffer.from(marker, 'latin1')))
          problems.push(`${url}: ${JSON.stringify(marker)}`);
      }
    }
    expect(problems).toEqual([]);
    // Portal photos of three reports (one of the two photos of "hiddenPhoto" was hidden), the
    // WebP of the anonymous report, and the staff's photo of the fix.
    expect(images).toBe(5);
    for (const id of hiddenMediaIds) {
      expect([...urls]).not.toContain(`/api/feedback/media/${id}`);
      const res = await t.app.inject({ method: 'GET', url: `/api/feedback/media/${id}` });
      expect(res.statusCode).toBe(404);
    }
  });

  it('serves public videos without the camera or the place they were shot', async () => {
    const video = cameraVideo();
    expect(video.includes(Buffer.from(VIDEO_GPS))).toBe(true);
    const urls = new Set(
      anonymousAnswers
        .filter((answer) => answer.status === 200)
        .flatMap((answer) => [...answer.body.matchAll(MEDIA_URL)].map((match) => match[0])),
    );
    const problems: string[] = [];
    let videos = 0;
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      if (!String(res.headers['content-type']).startsWith('video/')) continue;
      videos += 1;
      for (const marker of [VIDEO_GPS, CAMERA_MAKE, CAMERA_MODEL]) {
        if (res.rawPayload.includes(Buffer.from(marker, 'latin1')))
          problems.push(`${url}: ${JSON.stringify(marker)}`);
      }
    }
    expect(videos).toBe(1);
    expect(problems).toEqual([]);
  });
});
