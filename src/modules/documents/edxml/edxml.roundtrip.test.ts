import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEdxml } from './edxml.build';
import { parseEdxml } from './edxml.parse';
import { buildStatus, parseStatus } from './edxml.status';
import type { EdxmlPackage, Organ } from './edxml.types';
import { samplePackage, sampleStatus } from './edxml.test-support';

describe('edXML round trip', () => {
  it('reads back every field of a package it wrote, attachments byte for byte', () => {
    const pkg = samplePackage();
    const xml = buildEdxml(pkg);
    expect(parseEdxml(xml)).toEqual(pkg);
    // Vietnamese stays as UTF-8 characters, special characters are escaped, not dropped.
    expect(xml).toContain('UBND tỉnh Quảng Ninh');
    expect(xml).toContain('&lt;năm 2025&gt; &amp; các năm');
    expect(xml).toContain('&amp;amp;');
  });

  it('writes the axis layout: edXML root, prefixed elements, cid: content ids, yyyy/MM/dd dates', () => {
    const xml = buildEdxml(samplePackage());
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<edXML:edXML xmlns:edXML="http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016">/,
    );
    expect(xml).toContain('<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>');
    // 01:30 UTC is 08:30 in Vietnam, written without a zone as the axis software does.
    expect(xml).toContain('<edXML:Timestamp>2025/03/14 08:30:00</edXML:Timestamp>');
    expect(xml).toContain('<edXML:ContentId>cid:cv-123</edXML:ContentId>');
    expect(xml).toContain('<edXML:edXMLManifest version="1.0">');
    expect(xml.indexOf('<edXML:TraceHeaderList>')).toBeGreaterThan(
      xml.indexOf('</edXML:MessageHeader>'),
    );
    expect(xml.indexOf('<edXML:AttachmentEncoded>')).toBeGreaterThan(
      xml.indexOf('</edXML:edXMLEnvelope>'),
    );
  });

  it('reads back a status packet it wrote', () => {
    const status = sampleStatus();
    expect(parseStatus(buildStatus(status))).toEqual(status);
  });

  // Text as Vietnamese offices write it: accents, punctuation and XML's special characters.
  const vietnamese = fc
    .array(
      fc.constantFrom(
        ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789/-.,;:()"\'<>&]\n\r\t'.split(
          '',
        ),
        'Quảng Ninh',
        'UBND',
        '😀',
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((chars) => chars.join('').trim())
    .filter((s) => s !== '');
  const organ: fc.Arbitrary<Organ> = fc.record(
    {
      organId: fc.constantFrom('000.00.00.H49', '000.31.22.H49', '000.00.22.H49'),
      organName: vietnamese,
      organizationInCharge: vietnamese,
      organAdd: vietnamese,
      email: fc.constant('vanthu@quangninh.gov.vn'),
      telephone: fc.constant('0203 3835 669'),
      fax: vietnamese,
      website: vietnamese,
    },
    { requiredKeys: ['organId', 'organName'] },
  );
  const localDate = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const timestamp = fc
    .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 })
    .map((s) => new Date(s * 1000));

  it('keeps any combination of fields and any Vietnamese text through build and parse', () => {
    fc.assert(
      fc.property(
        organ,
        fc.array(organ, { minLength: 1, maxLength: 3 }),
        vietnamese,
        fc.option(vietnamese, { nil: undefined }),
        fc.option(localDate, { nil: undefined }),
        localDate,
        fc.constantFrom(0, 1, 2, 3, 4),
        fc.constantFrom(0, 1, 2, 3),
        fc.array(timestamp, { maxLength: 3 }),
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 3 }),
        (
          from,
          to,
          subject,
          content,
          dueDate,
          promulgationDate,
          priority,
          docType,
          times,
          files,
        ) => {
          const base = samplePackage();
          const pkg: EdxmlPackage = {
            ...base,
            header: {
              ...base.header,
              from,
              to,
              subject,
              content,
              dueDate,
              promulgationInfo: { place: subject, promulgationDate },
              otherInfo: { ...base.header.otherInfo!, priority },
            },
            traces: times.map((t, i) => ({ organId: `000.00.0${i}.H49`, timestamp: t })),
            bussiness: {
              bussinessDocType: docType,
              bussinessDocReason: subject,
              replacementInfoList:
                docType === 3
                  ? [{ documentId: base.header.documentId, organIds: to.map((o) => o.organId) }]
                  : [],
              ...(docType === 2
                ? { bussinessDocumentInfo: { documentInfo: 1, documentReceiver: 0, receivers: [] } }
                : {}),
            },
            attachments: files.map((bytes, i) => ({
              contentId: `f${i}`,
              attachmentName: `${Array.from(subject).slice(0, 10).join('')}.bin`,
              contentType: 'application/octet-stream',
              content: Buffer.from(bytes),
            })),
          };
          const parsed = parseEdxml(buildEdxml(pkg));
          expect(parsed).toEqual(pkg);
        },
      ),
      { numRuns: 150 },
    );
  });
});
