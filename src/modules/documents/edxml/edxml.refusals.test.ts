/**
 * What a receiver must refuse, and how precisely: each refusal carries a stable code and the
 * element path, which is what goes back to the sender in a status 02.
 */
import { describe, expect, it } from 'vitest';
import { buildEdxml } from './edxml.build';
import { EdxmlError, type EdxmlErrorCode } from './edxml.errors';
import { parseEdxml } from './edxml.parse';
import { buildStatus, parseStatus } from './edxml.status';
import { fixture, samplePackage, sampleStatus } from './edxml.test-support';

function refusal(run: () => unknown): EdxmlError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EdxmlError);
    return error as EdxmlError;
  }
  throw new Error('expected an EdxmlError, nothing was thrown');
}

function expectRefusal(run: () => unknown, code: EdxmlErrorCode, path?: string): EdxmlError {
  const error = refusal(run);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.details.path).toBe(path);
  return error;
}

const MH = 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader';
const BUSS = 'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness';
const newPackage = fixture('package-new.edxml');
const edit = (xml: string, from: string | RegExp, to: string) => {
  const edited = xml.replace(from, to);
  expect(edited).not.toBe(xml);
  return edited;
};

describe('edXML refusals when reading', () => {
  it('refuses XML that is not well-formed, saying where', () => {
    const error = expectRefusal(
      () => parseEdxml(newPackage.replace('</edXML:Subject>', '</edXML:Subjet>')),
      'EDXML_MALFORMED',
    );
    expect(error.status).toBe(400);
    expectRefusal(() => parseEdxml(''), 'EDXML_MALFORMED');
    expectRefusal(() => parseEdxml('not xml at all'), 'EDXML_MALFORMED');
  });

  it('refuses any DTD: entity expansion and external entities never reach the parser', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n' +
      newPackage
        .slice(newPackage.indexOf('<edXML '))
        .replace('15_QD-UBND.pdf</edXML:Att', '&c;</edXML:Att');
    expectRefusal(() => parseEdxml(laughs), 'EDXML_DTD_FORBIDDEN');
    const xxe =
      '<!-- a comment first --><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      newPackage
        .slice(newPackage.indexOf('<edXML '))
        .replace('Quảng Ninh</edXML:Place>', '&x;</edXML:Place>');
    expectRefusal(() => parseEdxml(xxe), 'EDXML_DTD_FORBIDDEN');
    expectRefusal(
      () =>
        parseStatus(
          `<!DOCTYPE x SYSTEM "http://evil/x.dtd">${fixture('status-01.edxml').slice(39)}`,
        ),
      'EDXML_DTD_FORBIDDEN',
    );
  });

  it('refuses XML that is not an edXML packet', () => {
    expectRefusal(() => parseEdxml('<edXML><edXMLEnvelope/></edXML>'), 'EDXML_NOT_EDXML');
    expectRefusal(() => parseEdxml(fixture('status-01.edxml')), 'EDXML_NOT_EDXML');
    expectRefusal(() => parseStatus(newPackage), 'EDXML_NOT_EDXML');
  });

  it('refuses a package without a recipient', () => {
    const noTo = newPackage.replace(/<edXML:To>[\s\S]*?<\/edXML:To>\s*/g, '');
    expectRefusal(() => parseEdxml(noTo), 'EDXML_MISSING_ELEMENT', `${MH}/To`);
  });

  it('refuses missing or empty required elements, naming them', () => {
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            /<edXML:Subject>.*<\/edXML:Subject>/,
            '<edXML:Subject>  </edXML:Subject>',
          ),
        ),
      'EDXML_MISSING_ELEMENT',
      `${MH}/Subject`,
    );
    expectRefusal(
      () => parseEdxml(edit(newPackage, '<edXML:CodeNotation>QĐ-UBND</edXML:CodeNotation>', '')),
      'EDXML_MISSING_ELEMENT',
      `${MH}/Code/CodeNotation`,
    );
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            /<edXML:DocumentId>000\.00\.00\.H49,2025\/03\/14,15\/QĐ-UBND<\/edXML:DocumentId>\s*<\/edXML:MessageHeader>/,
            '</edXML:MessageHeader>',
          ),
        ),
      'EDXML_MISSING_ELEMENT',
      `${MH}/DocumentId`,
    );
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            '<edXML:OrganId>000.00.22.H49</edXML:OrganId>\n          <edXML:OrganizationInCharge>',
            '<edXML:OrganizationInCharge>',
          ),
        ),
      'EDXML_MISSING_ELEMENT',
      `${MH}/To[1]/OrganId`,
    );
  });

  it('refuses an element in no namespace where an edXML one is required', () => {
    const foreign = edit(
      newPackage,
      /<edXML:Subject>(.*)<\/edXML:Subject>/,
      '<Subject xmlns="">$1</Subject>',
    );
    expectRefusal(() => parseEdxml(foreign), 'EDXML_MISSING_ELEMENT', `${MH}/Subject`);
  });

  it('refuses two values where the standard allows one, rather than pick one', () => {
    const twice = edit(
      newPackage,
      '<edXML:Content>',
      '<edXML:Subject>Trích yếu giả mạo</edXML:Subject><edXML:Content>',
    );
    expectRefusal(() => parseEdxml(twice), 'EDXML_BAD_VALUE', `${MH}/Subject`);
  });

  it('refuses markup inside a text value', () => {
    const nested = edit(
      newPackage,
      '<edXML:Place>Quảng Ninh</edXML:Place>',
      '<edXML:Place><edXML:b>Quảng Ninh</edXML:b></edXML:Place>',
    );
    expectRefusal(() => parseEdxml(nested), 'EDXML_BAD_VALUE', `${MH}/PromulgationInfo/Place`);
  });

  it.each([
    ['2025/02/30', 'no such day'],
    ['2025/13/01', 'no such month'],
    ['03/31/2025', 'month-first is not guessed'],
    ['14-03-2025', 'not a form of the axis'],
    ['2025/3/14', 'single-digit month'],
  ])('refuses the date %s (%s)', (date) => {
    const bad = edit(
      newPackage,
      '<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>',
      `<edXML:PromulgationDate>${date}</edXML:PromulgationDate>`,
    );
    const error = expectRefusal(
      () => parseEdxml(bad),
      'EDXML_BAD_VALUE',
      `${MH}/PromulgationInfo/PromulgationDate`,
    );
    expect(error.details.value).toBe(date);
  });

  it('refuses a bad timestamp', () => {
    const bad = edit(newPackage, '2025/03/14 08:30:00', '2025/03/14 25:30:00');
    expectRefusal(
      () => parseEdxml(bad),
      'EDXML_BAD_VALUE',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader[0]/Timestamp',
    );
  });

  it('refuses codes the standard does not define', () => {
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            '<edXML:Priority>1</edXML:Priority>',
            '<edXML:Priority>7</edXML:Priority>',
          ),
        ),
      'EDXML_BAD_VALUE',
      `${MH}/OtherInfo/Priority`,
    );
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            '<edXML:BussinessDocType>0</edXML:BussinessDocType>',
            '<edXML:BussinessDocType>4</edXML:BussinessDocType>',
          ),
        ),
      'EDXML_BAD_VALUE',
      `${BUSS}/BussinessDocType`,
    );
    expectRefusal(
      () =>
        parseEdxml(
          edit(
            newPackage,
            '<edXML:PageAmount>3</edXML:PageAmount>',
            '<edXML:PageAmount>-3</edXML:PageAmount>',
          ),
        ),
      'EDXML_BAD_VALUE',
      `${MH}/OtherInfo/PageAmount`,
    );
  });

  it('refuses a revocation, update or replacement that does not say what and why', () => {
    const revoke = fixture('package-revoke.edxml');
    expectRefusal(
      () =>
        parseEdxml(edit(revoke, /<edXML:BussinessDocReason>.*<\/edXML:BussinessDocReason>/, '')),
      'EDXML_MISSING_ELEMENT',
      `${BUSS}/BussinessDocReason`,
    );
    const update = fixture('package-update.edxml');
    expectRefusal(
      () =>
        parseEdxml(
          edit(update, /<edXML:BussinessDocumentInfo>[\s\S]*<\/edXML:BussinessDocumentInfo>/, ''),
        ),
      'EDXML_MISSING_ELEMENT',
      `${BUSS}/BussinessDocumentInfo`,
    );
    const replace = fixture('package-replace.edxml');
    expectRefusal(
      () =>
        parseEdxml(
          edit(replace, /<edXML:ReplacementInfoList>[\s\S]*<\/edXML:ReplacementInfoList>/, ''),
        ),
      'EDXML_MISSING_ELEMENT',
      `${BUSS}/ReplacementInfoList`,
    );
  });

  it('refuses an attachment that is not clean base64', () => {
    for (const damaged of ['JVBERi0x@@@@', 'JVBERi0xLjQ', 'QR==']) {
      const bad = edit(
        newPackage,
        /(<edXML:ContentTransferEncoded[^>]*>)JVBERi[^<]*/,
        `$1${damaged}`,
      );
      expectRefusal(
        () => parseEdxml(bad),
        'EDXML_BAD_BASE64',
        'edXML/AttachmentEncoded/Attachment[0]/ContentTransferEncoded',
      );
    }
  });

  it('refuses an attachment over the size limit before decoding it', () => {
    const error = expectRefusal(
      () => parseEdxml(newPackage, { maxAttachmentBytes: 100 }),
      'EDXML_ATTACHMENT_TOO_LARGE',
      'edXML/AttachmentEncoded/Attachment[0]/ContentTransferEncoded',
    );
    expect(error.status).toBe(413);
    expect(parseEdxml(newPackage, { maxAttachmentBytes: 130 }).attachments).toHaveLength(2);
  });

  it('refuses a manifest and encoded files that do not match', () => {
    const missingFile = newPackage.replace(
      /<Attachment>\s*<ContentId>cid:phu-luc[\s\S]*?<\/Attachment>/,
      '',
    );
    expectRefusal(
      () => parseEdxml(missingFile),
      'EDXML_ATTACHMENT_MISMATCH',
      'edXML/edXMLEnvelope/edXMLBody/edXMLManifest/Reference[1]/ContentId',
    );
    const undeclared = newPackage.replace(
      /<edXML:Reference>\s*<edXML:ContentId>cid:phu-luc[\s\S]*?<\/edXML:Reference>/,
      '',
    );
    expectRefusal(
      () => parseEdxml(undeclared),
      'EDXML_ATTACHMENT_MISMATCH',
      'edXML/AttachmentEncoded/Attachment[1]/ContentId',
    );
  });

  it('refuses unknown status codes and a rejection without a reason', () => {
    const status = fixture('status-03.edxml');
    const error = expectRefusal(
      () =>
        parseStatus(
          edit(
            status,
            '<edXML:StatusCode>03</edXML:StatusCode>',
            '<edXML:StatusCode>07</edXML:StatusCode>',
          ),
        ),
      'EDXML_UNKNOWN_STATUS_CODE',
      'edXML/edXMLEnvelope/edXMLHeader/Status/StatusCode',
    );
    expect(error.details.value).toBe('07');
    expectRefusal(
      () =>
        parseStatus(
          edit(
            status,
            '<edXML:StatusCode>03</edXML:StatusCode>',
            '<edXML:StatusCode>da-nhan</edXML:StatusCode>',
          ),
        ),
      'EDXML_UNKNOWN_STATUS_CODE',
    );
    expect(
      parseStatus(
        edit(
          status,
          '<edXML:StatusCode>03</edXML:StatusCode>',
          '<edXML:StatusCode>3</edXML:StatusCode>',
        ),
      ).statusCode,
    ).toBe('03');
    const rejected = fixture('status-02.edxml');
    expectRefusal(
      () =>
        parseStatus(
          edit(rejected, /<edXML:Description>.*<\/edXML:Description>/, '<edXML:Description/>'),
        ),
      'EDXML_MISSING_ELEMENT',
      'edXML/edXMLEnvelope/edXMLHeader/Status/Description',
    );
  });
});

describe('edXML refusals when writing', () => {
  it('will not write a package it would refuse to read', () => {
    const pkg = samplePackage();
    expectRefusal(
      () => buildEdxml({ ...pkg, header: { ...pkg.header, to: [] } }),
      'EDXML_MISSING_ELEMENT',
      `${MH}/To`,
    );
    expectRefusal(
      () => buildEdxml({ ...pkg, header: { ...pkg.header, subject: ' ' } }),
      'EDXML_MISSING_ELEMENT',
      `${MH}/Subject`,
    );
    expectRefusal(
      () => buildEdxml({ ...pkg, header: { ...pkg.header, dueDate: '2025-02-29' } }),
      'EDXML_BAD_VALUE',
      `${MH}/DueDate`,
    );
    expectRefusal(
      () => buildEdxml({ ...pkg, bussiness: { ...pkg.bussiness, bussinessDocType: 3 } }),
      'EDXML_MISSING_ELEMENT',
      `${BUSS}/ReplacementInfoList`,
    );
    expectRefusal(
      () =>
        buildEdxml({
          ...pkg,
          attachments: [pkg.attachments[0]!, { ...pkg.attachments[1]!, contentId: 'cv-123' }],
        }),
      'EDXML_BAD_VALUE',
      'edXML/edXMLEnvelope/edXMLBody/edXMLManifest/Reference[1]/ContentId',
    );
  });

  it('refuses characters XML cannot carry instead of writing a broken package', () => {
    const pkg = samplePackage();
    expectRefusal(
      () => buildEdxml({ ...pkg, header: { ...pkg.header, subject: 'Trích yếu\u0007' } }),
      'EDXML_BAD_VALUE',
      `${MH}/Subject`,
    );
  });

  it('will not write a status the standard does not define, or a rejection without reason', () => {
    const status = sampleStatus();
    expectRefusal(
      () => buildStatus({ ...status, statusCode: '09' as '01' }),
      'EDXML_UNKNOWN_STATUS_CODE',
    );
    expectRefusal(
      () => buildStatus({ ...status, statusCode: '02', description: undefined }),
      'EDXML_MISSING_ELEMENT',
      'edXML/edXMLEnvelope/edXMLHeader/Status/Description',
    );
  });
});
