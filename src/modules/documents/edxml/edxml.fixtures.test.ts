/**
 * Packages and status packets written by hand from the standard's element list, in the layout
 * other systems on the axis produce (see fixtures/ and README.md), read as a receiver would.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEdxml } from './edxml.parse';
import { parseStatus } from './edxml.status';
import { STATUS_CODES, type StatusCode } from './edxml.types';
import { fixture } from './edxml.test-support';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ubndTinh = {
  organId: '000.00.00.H49',
  organizationInCharge: 'Ủy ban nhân dân tỉnh Quảng Ninh',
  organName: 'UBND tỉnh Quảng Ninh',
  organAdd: 'Trung tâm hành chính tỉnh, phường Hồng Hà, tỉnh Quảng Ninh',
  email: 'vanthu@quangninh.gov.vn',
  telephone: '0203 3835 669',
  fax: '0203 3835 670',
  website: 'https://www.quangninh.gov.vn',
};
const ubndHaLong = {
  organId: '000.31.22.H49',
  organizationInCharge: 'UBND tỉnh Quảng Ninh',
  organName: 'UBND phường Hạ Long',
  organAdd: 'Phường Hạ Long, tỉnh Quảng Ninh',
  email: 'ubndhalong@quangninh.gov.vn',
  telephone: '0203 3825 111',
  fax: '0203 3825 112',
  website: 'https://halong.quangninh.gov.vn',
};
const staff = {
  department: 'Văn phòng UBND tỉnh',
  staff: 'Trần Thị Hoa',
  mobile: '0912345678',
  email: 'hoatt@quangninh.gov.vn',
};
const qd15 = '000.00.00.H49,2025/03/14,15/QĐ-UBND';

describe('edXML fixtures from other systems', () => {
  it('reads a new document with two attachments and every optional element', () => {
    const pkg = parseEdxml(fixture('package-new.edxml'));
    expect(pkg.header).toEqual({
      from: ubndTinh,
      to: [
        ubndHaLong,
        {
          organId: '000.00.22.H49',
          organizationInCharge: 'UBND tỉnh Quảng Ninh',
          organName: 'Sở Nội vụ tỉnh Quảng Ninh',
          organAdd: 'Trung tâm hành chính tỉnh, tỉnh Quảng Ninh',
          email: 'sonv@quangninh.gov.vn',
          telephone: '0203 3634 515',
          fax: '0203 3634 516',
          website: 'https://sonv.quangninh.gov.vn',
        },
      ],
      code: { codeNumber: '15', codeNotation: 'QĐ-UBND' },
      promulgationInfo: { place: 'Quảng Ninh', promulgationDate: '2025-03-14' },
      documentType: { type: 1, typeDetail: 0, typeName: 'Quyết định' },
      subject:
        'Về việc công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã & phường',
      content:
        'Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính <mới ban hành>.\n' +
        'Điều 2. Quyết định có hiệu lực kể từ ngày ký.',
      signerInfo: {
        competence: 'TM. ỦY BAN NHÂN DÂN',
        position: 'Chủ tịch',
        fullName: 'Nguyễn Văn An',
      },
      dueDate: '2025-03-31',
      toPlaces: ['Như Điều 3', 'Lưu: VT, NC'],
      otherInfo: {
        priority: 1,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'NTH',
        promulgationAmount: 10,
        pageAmount: 3,
        appendixes: [
          'Phụ lục I: Danh mục thủ tục hành chính mới ban hành',
          'Phụ lục II: Danh mục thủ tục hành chính bị bãi bỏ',
        ],
      },
      responseFor: [
        {
          organId: '000.00.22.H49',
          code: '123/SNV-VP',
          // Written dd/MM/yyyy by the sender.
          promulgationDate: '2025-03-05',
          documentId: '000.00.22.H49,2025/03/05,123/SNV-VP',
        },
      ],
      steeringType: 1,
      documentId: qd15,
    });
    expect(pkg.traces).toEqual([
      { organId: '000.00.00.H49', timestamp: new Date('2025-03-14T08:30:00+07:00') },
      { organId: '000.00.00.G22', timestamp: new Date('2025-03-14T08:30:05+07:00') },
    ]);
    expect(pkg.bussiness).toEqual({
      documentId: qd15,
      bussinessDocType: 0,
      bussinessDocReason: 'Văn bản điện tử mới',
      paper: 0,
      replacementInfoList: [],
      staffInfo: staff,
    });
    expect(
      pkg.attachments.map((a) => ({ ...a, content: [a.content.length, sha256(a.content)] })),
    ).toEqual([
      {
        contentId: 'qd-15-2025',
        attachmentName: '15_QD-UBND.pdf',
        contentType: 'application/pdf',
        description: 'Quyết định 15/QĐ-UBND đã ký số',
        content: [130, '6e743a5f8e1531d42cb064201eec7e6069d16ee01d0729fe9a1c2e1c201efa16'],
      },
      {
        contentId: 'phu-luc',
        attachmentName: 'Phụ lục.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        description: 'Phụ lục kèm theo',
        content: [74, '44a8e9b855ff229558d03758b8a2c97098a1a02652257b61461b7656e5e28a0c'],
      },
    ]);
    expect(pkg.attachments[0]!.content.toString('utf8')).toContain('Quyết định 15/QĐ-UBND');
  });

  it('reads a revocation: what is revoked, why, and the paper flag', () => {
    const pkg = parseEdxml(fixture('package-revoke.edxml'));
    expect(pkg.header.code).toEqual({ codeNumber: '21', codeNotation: 'UBND-VP' });
    expect(pkg.header.otherInfo?.priority).toBe(2);
    expect(pkg.header.responseFor[0]?.documentId).toBe(qd15);
    expect(pkg.bussiness).toEqual({
      documentId: qd15,
      bussinessDocType: 1,
      bussinessDocReason: 'Văn bản ban hành sai thẩm quyền, đề nghị thu hồi',
      paper: 1,
      replacementInfoList: [],
      staffInfo: staff,
    });
    expect(pkg.traces[0]?.timestamp.toISOString()).toBe('2025-03-20T07:05:09.000Z');
    expect(pkg.attachments[0]?.content.toString('utf8')).toBe('Thu hồi Quyết định 15/QĐ-UBND.');
  });

  it('reads an update: which information changed and the recipients affected', () => {
    const pkg = parseEdxml(fixture('package-update.edxml'));
    expect(pkg.bussiness.bussinessDocType).toBe(2);
    expect(pkg.bussiness.bussinessDocReason).toBe('Bổ sung nơi nhận và sửa trích yếu');
    expect(pkg.bussiness.bussinessDocumentInfo).toEqual({
      documentInfo: 1,
      documentReceiver: 1,
      receivers: [
        { organId: '000.31.22.H49', receiverType: 0 },
        { organId: '000.00.22.H49', receiverType: 1 },
      ],
    });
    expect(pkg.header.documentId).toBe(qd15);
    expect(pkg.attachments[0]?.content.toString('utf8')).toBe(
      'Đính chính trích yếu Quyết định 15/QĐ-UBND.',
    );
  });

  it('reads a replacement: the documents replaced and who held them', () => {
    const pkg = parseEdxml(fixture('package-replace.edxml'));
    expect(pkg.bussiness.bussinessDocType).toBe(3);
    expect(pkg.bussiness.replacementInfoList).toEqual([
      { documentId: qd15, organIds: ['000.31.22.H49', '000.00.22.H49'] },
    ]);
    expect(pkg.header.documentId).toBe('000.00.00.H49,2025/03/20,30/QĐ-UBND');
    expect(pkg.header.signerInfo).toEqual({
      competence: 'KT. CHỦ TỊCH',
      position: 'Phó Chủ tịch',
      fullName: 'Lê Thị Bình',
    });
  });

  it('reads another prefix, default namespaces, tabs, CRLF, another order and empty placeholders', () => {
    const xml = fixture('package-other-prefix.edxml');
    expect(xml).toContain('\r\n');
    const pkg = parseEdxml(xml);
    expect(pkg.header).toEqual({
      from: {
        organId: '000.31.22.H49',
        organName: 'UBND phường Hạ Long',
        email: 'ubndhalong@quangninh.gov.vn',
      },
      to: [{ organId: '000.00.00.H49', organName: 'UBND tỉnh Quảng Ninh' }],
      code: { codeNumber: '123', codeNotation: 'UBND-VP' },
      promulgationInfo: { place: 'Hạ Long', promulgationDate: '2025-03-18' },
      documentType: { type: 1, typeName: 'Công văn' },
      subject: 'V/v báo cáo kết quả "Ngày thứ Bảy văn minh" & tình hình mưa bão',
      toPlaces: [],
      otherInfo: { priority: 3, promulgationAmount: 1, pageAmount: 2, appendixes: [] },
      responseFor: [],
      steeringType: 0,
      documentId: '000.31.22.H49,2025/03/18,123/UBND-VP',
    });
    expect(pkg.traces).toEqual([
      { organId: '000.31.22.H49', timestamp: new Date('2025-03-18T09:45:30Z') },
    ]);
    expect(pkg.bussiness).toEqual({ bussinessDocType: 0, paper: 0, replacementInfoList: [] });
    expect(pkg.attachments).toEqual([
      {
        contentId: 'bao-cao',
        attachmentName: 'Báo cáo.txt',
        contentType: 'text/plain',
        content: Buffer.from('Báo cáo kết quả qua đợt mưa bão.', 'utf8'),
      },
    ]);
  });

  it('reads a package that starts with a byte-order mark', () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(fixture('package-revoke.edxml'), 'utf8'),
    ]).toString('utf8');
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(parseEdxml(withBom)).toEqual(parseEdxml(fixture('package-revoke.edxml')));
  });

  const expectedDescriptions: Record<StatusCode, string> = {
    '01': 'Văn bản đã đến, phần mềm đã nhận, văn thư chưa xử lý',
    '02': 'Từ chối: văn bản gửi nhầm đơn vị, không thuộc thẩm quyền của UBND phường',
    '03': 'Đã vào sổ văn bản đến, số đến 245',
    '04': 'Đã phân công cho Phòng Văn hóa - Xã hội xử lý',
    '05': 'Đang xử lý văn bản đến',
    '06': 'Đã hoàn thành xử lý',
    '13': 'Đơn vị gửi đề nghị thu hồi văn bản',
    '15': 'Đồng ý thu hồi văn bản',
    '16': 'Không đồng ý thu hồi: văn bản đã được triển khai thực hiện',
  };
  const expectedTimes: Record<StatusCode, string> = {
    '01': '2025-03-14T01:31:00.000Z',
    '02': '2025-03-14T02:00:00.000Z',
    '03': '2025-03-14T02:15:00.000Z',
    '04': '2025-03-14T03:00:00.000Z', // written dd/MM/yyyy HH:mm:ss
    '05': '2025-03-15T04:08:36.000Z', // a MessageHeader wrapper, as in Bkav's sample
    '06': '2025-03-20T09:00:00.000Z',
    '13': '2025-03-20T07:06:00.000Z',
    '15': '2025-03-20T07:30:00.000Z',
    '16': '2025-03-20T07:45:00.000Z', // ISO 8601 in UTC
  };

  it.each(Object.keys(STATUS_CODES) as StatusCode[])('reads status packet %s', (code) => {
    const status = parseStatus(fixture(`status-${code}.edxml`));
    expect(status).toEqual({
      responseFor: {
        organId: '000.00.00.H49',
        code: '15/QĐ-UBND',
        promulgationDate: '2025-03-14',
        documentId: qd15,
      },
      from: ubndHaLong,
      statusCode: code,
      description: expectedDescriptions[code],
      timestamp: new Date(expectedTimes[code]),
      staffInfo: {
        department: 'Văn phòng HĐND và UBND phường',
        staff: 'Phạm Minh Châu',
        mobile: '0987654321',
        email: 'chaupm@quangninh.gov.vn',
      },
    });
  });
});
