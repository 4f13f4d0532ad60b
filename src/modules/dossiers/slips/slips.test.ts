/**
 * The papers of the one-stop desk as poppler reads them: the national heading, the agency,
 * each form's title and the facts it was given with every diacritic, the dates on Vietnam's
 * clock, long text wrapped inside the margins and long lists carried on to a second page;
 * the receipt's QR code read back from the page's drawing and compared with the encoder's.
 */
import qrcode from 'qrcode-generator';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  amountInWords,
  renderApologyLetter,
  renderFeeReceipt,
  renderReceiptSlip,
  renderRefusalSlip,
  renderResult,
  renderSupplementRequest,
  trackingQrMatrix,
  trackingUrl,
  type ReceiptSlipInput,
  type RenderedResult,
} from './index';
import { MARGIN, PAGE } from './slip-geometry';
import {
  AGENCY,
  APPLICANT,
  DOSSIER_CODE,
  flat,
  fonts,
  images,
  LONG_REASON,
  matrixFromRectangles,
  pageTexts,
  PUBLIC_URL,
  RECEIVED_AT,
  rectanglesOf,
  words,
} from './slips.test-support';

const URL_OF_DOSSIER = `https://dichvucong.quangninh.gov.vn/tra-cuu-ho-so?ma=${DOSSIER_CODE}`;

const HEADING = [
  'UBND TỈNH QUẢNG NINH',
  'ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG',
  'BỘ PHẬN MỘT CỬA',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

/** The encoder's own matrix for a text, independently of the slips' code. */
function encoderMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => qr.isDark(r, c)),
  );
}

function receiptInput(overrides: Partial<ReceiptSlipInput> = {}): ReceiptSlipInput {
  return {
    agency: AGENCY,
    dossierCode: DOSSIER_CODE,
    channel: 'TRUC_TIEP',
    applicant: APPLICANT,
    procedureName: 'Đăng ký khai sinh',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
      { name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp', originals: 1, copies: 0 },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ em', originals: 0, copies: 2 },
    ],
    resolutionTime: 'Trong ngày làm việc',
    receivedAt: RECEIVED_AT,
    // 16:00 the same day in Vietnam.
    appointmentAt: new Date('2026-03-02T09:00:00Z'),
    returnMethod: 'desk',
    officerName: 'Trần Văn Bình',
    publicUrl: PUBLIC_URL,
    ...overrides,
  };
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe('Mẫu 01: the receipt slip and appointment', () => {
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    pdf = await renderReceiptSlip(receiptInput());
    text = flat((await pageTexts(pdf)).join(' '));
  });

  it('is one A4 page with the national heading, the agency and the title', async () => {
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    expect(document.getPage(0).getWidth()).toBeCloseTo(595.28, 1);
    expect(document.getPage(0).getHeight()).toBeCloseTo(841.89, 1);
    for (const line of HEADING) expect(text).toContain(line);
    expect(text).toContain('Hạ Long, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
  });

  it('embeds its Noto Serif faces with a ToUnicode map, so the text can be extracted', async () => {
    const embedded = await fonts(pdf);
    expect(
      embedded.map((font) => font.name.replace(/^[A-Z]{6}\+/, '').replace(/-\d+$/, '')).sort(),
    ).toEqual(['NotoSerif-Bold', 'NotoSerif-Italic', 'NotoSerif-Regular']);
    expect(embedded.every((font) => font.embedded && font.toUnicode)).toBe(true);
  });

  it('states who submitted what, the documents with their originals and copies', () => {
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Thuỳ Dương');
    expect(text).toContain('Địa chỉ: Số 12, phố Lê Thánh Tông, phường Hạ Long, tỉnh Quảng Ninh');
    expect(text).toContain('Số điện thoại: 0912 345 678');
    expect(text).toContain('Email: duong.nguyen@example.vn');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh');
    expect(text).toContain('1. Thành phần hồ sơ nộp gồm:');
    expect(text).toContain('Tờ khai đăng ký khai sinh theo mẫu');
    expect(text).toContain('Giấy chứng nhận kết hôn của cha, mẹ trẻ em');
    expect(text).toContain('2. Số lượng hồ sơ: 01 (bộ), gồm 3 giấy tờ (2 bản chính, 2 bản sao).');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày làm việc');
  });

  it('gives the time received and the appointment on Vietnam’s clock, and where to collect', () => {
    expect(text).toContain('4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 02 tháng 3 năm 2026');
    expect(text).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 02 tháng 3 năm 2026',
    );
    expect(text).toContain('6. Đăng ký nhận kết quả tại: Trực tiếp tại Bộ phận Một cửa');
  });

  it('is signed by the applicant at the desk and by the receiving officer', () => {
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('(Ký và ghi rõ họ tên)');
    expect(text).toContain('Trần Văn Bình');
  });

  it('prints the tracking address under a QR code drawn in squares, not as a bitmap', async () => {
    expect(trackingUrl(PUBLIC_URL, DOSSIER_CODE)).toBe(URL_OF_DOSSIER);
    expect(text).toContain(URL_OF_DOSSIER);
    expect(await images(pdf)).toEqual([]);

    const expected = encoderMatrix(URL_OF_DOSSIER);
    expect(trackingQrMatrix(PUBLIC_URL, DOSSIER_CODE)).toEqual(expected);
    const drawn = matrixFromRectangles(await rectanglesOf(pdf, 0));
    expect(drawn.length).toBe(expected.length);
    expect(drawn).toEqual(expected);

    const [address] = (await words(pdf)).filter((word) => word.text === URL_OF_DOSSIER);
    const rects = await rectanglesOf(pdf, 0);
    const qrBottom = PAGE.height - Math.min(...rects.map((rect) => rect.y));
    expect(address!.yMin).toBeGreaterThan(qrBottom);
  });

  it('leaves out the applicant’s signature when the dossier came online', async () => {
    const online = flat(
      (
        await pageTexts(
          await renderReceiptSlip(
            receiptInput({ channel: 'TRUC_TUYEN', returnMethod: 'electronic' }),
          ),
        )
      ).join(' '),
    );
    expect(online).not.toContain('NGƯỜI NỘP HỒ SƠ');
    expect(online).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(online).toContain('Trực tuyến (kết quả điện tử trên Cổng Dịch vụ công)');
  });

  it('shows the times of the time zone it is given', async () => {
    const tokyo = flat(
      (await pageTexts(await renderReceiptSlip(receiptInput({ timezone: 'Asia/Tokyo' })))).join(
        ' ',
      ),
    );
    expect(tokyo).toContain('Thời gian nhận hồ sơ: 10 giờ 30 phút, ngày 02 tháng 3 năm 2026');
  });

  it('carries a long list of documents on to a second page, headings repeated', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy tờ thứ ${i + 1}: bản khai nhân thân của người được đăng ký hộ tịch`,
      originals: 1,
      copies: i % 3,
    }));
    const long = await renderReceiptSlip(receiptInput({ documents }));
    const pages = await pageTexts(long);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(flat(pages[0]!)).toContain('Giấy tờ thứ 1:');
    expect(flat(pages[1]!)).toContain('Tên giấy tờ');
    expect(flat(pages.join(' '))).toContain('Giấy tờ thứ 40:');
    const all = flat(pages.join(' '));
    for (let i = 1; i <= 40; i++) expect(all).toContain(`Giấy tờ thứ ${i}:`);
    // The signers close the slip, on its last page.
    expect(flat(pages.at(-1)!)).toContain('Trần Văn Bình');
  });
});

describe('Mẫu 02: the request to supplement a dossier', () => {
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    pdf = await renderSupplementRequest({
      agency: AGENCY,
      dossierCode: DOSSIER_CODE,
      applicant: APPLICANT,
      procedureName: 'Đăng ký khai sinh',
      receivedAt: RECEIVED_AT,
      missing: [
        'Bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ',
        'Tờ khai đăng ký khai sinh ghi đúng họ, chữ đệm, tên của mẹ theo thẻ Căn cước',
      ],
      reason: LONG_REASON,
      contact: 'công chức Trần Văn Bình, số điện thoại 0203 3825 111',
      officerName: 'Trần Văn Bình',
      issuedAt: new Date('2026-03-02T03:15:00Z'),
    });
    text = flat((await pageTexts(pdf)).join(' '));
  });

  it('has the heading, the title and whose dossier it is', () => {
    for (const line of HEADING) expect(text).toContain(line);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Thuỳ Dương');
    expect(text).toContain('Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 02 tháng 3 năm 2026');
  });

  it('lists what is missing, gives the reason whole and whom to ask', () => {
    expect(text).toContain('Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
    expect(text).toContain('1. Bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ');
    expect(text).toContain(
      '2. Tờ khai đăng ký khai sinh ghi đúng họ, chữ đệm, tên của mẹ theo thẻ Căn cước',
    );
    expect(text).toContain(`Lý do: ${LONG_REASON}`);
    expect(text).toContain('liên hệ công chức Trần Văn Bình, số điện thoại 0203 3825 111');
  });

  it('wraps the long reason over several lines inside the margins', async () => {
    const all = await words(pdf);
    const first = all.findIndex((word) => word.text === 'Lý');
    const last = all.findIndex((word, i) => i > first && word.text === 'lại.');
    const reason = all.slice(first, last + 1);
    expect(reason.map((word) => word.text).join(' ')).toBe(`Lý do: ${LONG_REASON}`);
    const lines = new Set(reason.map((word) => Math.round(word.yMin)));
    expect(lines.size).toBeGreaterThanOrEqual(4);
    for (const word of all) {
      expect(word.xMin).toBeGreaterThanOrEqual(MARGIN.left - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
    }
  });

  it('is signed by the officer who guided the applicant, dated the day it is issued', () => {
    expect(text).toContain('Hạ Long, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
    expect(text).toContain('Trần Văn Bình');
  });

  it('refuses a request that lists nothing', async () => {
    await expect(
      renderSupplementRequest({
        agency: AGENCY,
        dossierCode: DOSSIER_CODE,
        applicant: APPLICANT,
        procedureName: 'Đăng ký khai sinh',
        missing: ['  '],
        reason: 'Thiếu giấy tờ',
        officerName: 'Trần Văn Bình',
        issuedAt: RECEIVED_AT,
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('Mẫu 03: the refusal', () => {
  it('gives the reason in full and is signed at the desk by both', async () => {
    const pdf = await renderRefusalSlip({
      agency: AGENCY,
      dossierCode: DOSSIER_CODE,
      channel: 'TRUC_TIEP',
      applicant: APPLICANT,
      procedureName: 'Đăng ký khai sinh',
      reason:
        'Việc khai sinh của trẻ đã được đăng ký tại Ủy ban nhân dân xã Quảng La ngày 20 tháng 02 năm 2026.\n' +
        'Đề nghị Ông/Bà làm thủ tục cấp bản sao trích lục khai sinh.',
      officerName: 'Trần Văn Bình',
      issuedAt: new Date('2026-03-02T03:15:00Z'),
    });
    const text = flat((await pageTexts(pdf)).join(' '));
    for (const line of HEADING) expect(text).toContain(line);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Thuỳ Dương');
    expect(text).toContain(
      'Qua xem xét, Bộ phận Một cửa thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
    );
    expect(text).toContain(
      'Việc khai sinh của trẻ đã được đăng ký tại Ủy ban nhân dân xã Quảng La ngày 20 tháng 02 năm 2026.',
    );
    expect(text).toContain('Đề nghị Ông/Bà làm thủ tục cấp bản sao trích lục khai sinh.');
    expect(text).toContain('Xin thông báo để Ông/Bà được biết và thực hiện./.');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(await pageCount(pdf)).toBe(1);
  });
});

describe('Mẫu 04: the apology and new appointment', () => {
  it('names the dossier, the missed appointment, the reason, the apology and the new date', async () => {
    const pdf = await renderApologyLetter({
      agency: AGENCY,
      dossierCode: DOSSIER_CODE,
      applicant: APPLICANT,
      procedureName: 'Đăng ký khai sinh',
      receivedAt: RECEIVED_AT,
      originalAppointmentAt: new Date('2026-03-05T09:00:00Z'),
      newAppointmentAt: new Date('2026-03-09T01:00:00Z'),
      reason: 'phải xác minh thông tin về nơi cư trú của người mẹ tại Công an phường.',
      head: { competence: 'KT. Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Phạm Thị Hoa' },
      issuedAt: new Date('2026-03-05T02:00:00Z'),
    });
    const text = flat((await pageTexts(pdf)).join(' '));
    for (const line of HEADING) expect(text).toContain(line);
    expect(text).toContain('Hạ Long, ngày 05 tháng 3 năm 2026');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Nguyễn Thị Thuỳ Dương');
    expect(text).toContain(
      'Ngày 02 tháng 3 năm 2026, Ủy ban nhân dân phường Hạ Long tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục Đăng ký khai sinh.',
    );
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}.`);
    expect(text).toContain(
      'Thời gian hẹn trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 05 tháng 3 năm 2026.',
    );
    expect(text).toContain(
      'với lý do: phải xác minh thông tin về nơi cư trú của người mẹ tại Công an phường.',
    );
    expect(text).toContain(
      'Ủy ban nhân dân phường Hạ Long thành thật xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào 08 giờ 00 phút, ngày 09 tháng 3 năm 2026.',
    );
    expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).toContain('Phạm Thị Hoa');
  });

  it('refuses a new appointment that is not later than the missed one', async () => {
    await expect(
      renderApologyLetter({
        agency: AGENCY,
        dossierCode: DOSSIER_CODE,
        applicant: APPLICANT,
        procedureName: 'Đăng ký khai sinh',
        receivedAt: RECEIVED_AT,
        originalAppointmentAt: new Date('2026-03-05T09:00:00Z'),
        newAppointmentAt: new Date('2026-03-05T09:00:00Z'),
        reason: 'chờ xác minh.',
        head: { position: 'Chủ tịch', fullName: 'Nguyễn Văn Hùng' },
        issuedAt: RECEIVED_AT,
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('the receipt of fees and charges', () => {
  it('lists each line with its kind and amount, the total in figures and in words', async () => {
    const pdf = await renderFeeReceipt({
      agency: AGENCY,
      series: 'BL-26',
      receiptNumber: '0000123',
      payer: APPLICANT,
      dossierCode: DOSSIER_CODE,
      procedureName: 'Đăng ký khai sinh',
      lines: [
        { kind: 'LE_PHI', description: 'Lệ phí đăng ký khai sinh', amount: 8_000 },
        { kind: 'PHI', description: 'Phí cấp bản sao trích lục hộ tịch', amount: 1_242_000 },
      ],
      payment: { provider: 'vnpay', transactionRef: '14301234', bankCode: 'NCB' },
      paidAt: new Date('2026-03-02T02:05:00Z'),
    });
    const text = flat((await pageTexts(pdf)).join(' '));
    for (const line of HEADING) expect(text).toContain(line);
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Ký hiệu: BL-26');
    expect(text).toContain('Số: 0000123');
    expect(text).toContain('Tên người nộp: Nguyễn Thị Thuỳ Dương');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('Lệ phí đăng ký khai sinh');
    expect(text).toContain('Lệ phí');
    expect(text).toContain('8.000 đ');
    expect(text).toContain('Phí cấp bản sao trích lục hộ tịch');
    expect(text).toContain('1.242.000 đ');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('1.250.000 đ');
    expect(text).toContain('Số tiền bằng chữ: Một triệu hai trăm năm mươi nghìn đồng.');
    expect(text).toContain(
      'Hình thức thanh toán: Trực tuyến qua cổng thanh toán VNPAY (mã giao dịch 14301234, ngân hàng NCB)',
    );
    expect(text).toContain('Thời gian nộp: 09 giờ 05 phút, ngày 02 tháng 3 năm 2026');
  });

  it('is signed by the payer and the collector when paid at the desk', async () => {
    const pdf = await renderFeeReceipt({
      agency: AGENCY,
      receiptNumber: '0000124',
      payer: { name: 'Lê Văn Hải' },
      dossierCode: DOSSIER_CODE,
      lines: [{ kind: 'LE_PHI', description: 'Lệ phí chứng thực chữ ký', amount: 105_000 }],
      payment: { provider: 'desk' },
      paidAt: RECEIVED_AT,
      collectorName: 'Đỗ Thị Mai',
    });
    const text = flat((await pageTexts(pdf)).join(' '));
    expect(text).toContain(`Số tiền bằng chữ: ${amountInWords(105_000)}.`);
    expect(text).toContain('Một trăm linh năm nghìn đồng');
    expect(text).toContain('Hình thức thanh toán: Nộp trực tiếp tại Bộ phận Một cửa');
    expect(text).toContain('NGƯỜI NỘP TIỀN');
    expect(text).toContain('NGƯỜI THU TIỀN');
    expect(text).toContain('Lê Văn Hải');
    expect(text).toContain('Đỗ Thị Mai');
  });
});

describe('the electronic result', () => {
  let result: RenderedResult;
  let text: string;

  beforeAll(async () => {
    result = await renderResult({
      agency: {
        parentName: 'UBND tỉnh Quảng Ninh',
        name: 'Ủy ban nhân dân phường Hạ Long',
        placeName: 'Hạ Long',
      },
      numberLine: 'Số: 125/TLKS-BS',
      title: 'Trích lục khai sinh',
      subtitle: '(Bản chính)',
      facts: [
        { label: 'Họ, chữ đệm, tên', value: 'Nguyễn Minh Khôi' },
        { label: 'Ngày, tháng, năm sinh', value: '14/02/2026' },
        { label: 'Giới tính', value: 'Nam' },
        {
          label: 'Nơi sinh',
          value: 'Bệnh viện Sản Nhi Quảng Ninh, phường Hạ Long, tỉnh Quảng Ninh',
        },
        { label: 'Họ, chữ đệm, tên người mẹ', value: 'Nguyễn Thị Thuỳ Dương' },
      ],
      dossierCode: DOSSIER_CODE,
      issuedAt: new Date('2026-03-02T08:00:00Z'),
      signer: { competence: 'KT. Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Phạm Thị Hoa' },
    });
    text = flat((await pageTexts(result.pdf)).join(' '));
  });

  it('shows the heading, the title, the facts, the dossier and the signer', async () => {
    expect(await pageCount(result.pdf)).toBe(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG');
    expect(text).toContain('Số: 125/TLKS-BS');
    expect(text).toContain('Hạ Long, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('(Bản chính)');
    expect(text).toContain('Họ, chữ đệm, tên Nguyễn Minh Khôi');
    expect(text).toContain('Ngày, tháng, năm sinh 14/02/2026');
    expect(text).toContain('Bệnh viện Sản Nhi Quảng Ninh, phường Hạ Long, tỉnh Quảng Ninh');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).toContain('Phạm Thị Hoa');
  });

  it('leaves the signature box empty, between the position above and the name below', async () => {
    const box = result.signatureBox;
    expect(box.page).toBe(0);
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(90);
    expect(box.x + box.width).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.01);
    expect(box.y).toBeGreaterThanOrEqual(MARGIN.bottom);
    // poppler measures from the top of the page.
    const top = PAGE.height - (box.y + box.height);
    const bottom = PAGE.height - box.y;
    const all = (await words(result.pdf)).filter((word) => word.pageIndex === box.page);
    const inside = all.filter(
      (word) =>
        word.xMax > box.x && word.xMin < box.x + box.width && word.yMax > top && word.yMin < bottom,
    );
    expect(inside).toEqual([]);
    const position = all.find((word) => word.text === 'PHÓ');
    const name = all.find((word) => word.text === 'Hoa');
    expect(position!.yMax).toBeLessThanOrEqual(top + 0.5);
    expect(name!.yMin).toBeGreaterThanOrEqual(bottom - 0.5);
    expect(position!.xMin).toBeGreaterThan(box.x);
    expect(name!.xMax).toBeLessThan(box.x + box.width);
  });
});
