/**
 * Status packets (gói tin trạng thái): how a receiver tells the sender what became of a
 * document — arrived, rejected with a reason, registered, assigned, in progress, done — and how
 * recalls are asked for, accepted or refused. Same root and envelope as a document package, no
 * body; the header holds `Status` (the element name of Bkav's integrator). A `MessageHeader`
 * holding a `StatusCode`, as in Bkav's sample status file, is read too.
 */
import {
  compact,
  q,
  readOrgan,
  readResponseFor,
  readStaffInfo,
  writeOrgan,
  writeResponseFor,
  writeStaffInfo,
} from './edxml.common';
import { formatTimestamp, parseTimestamp } from './edxml.dates';
import { locateEnvelope } from './edxml.envelope';
import { EdxmlError, quote } from './edxml.errors';
import { packageRoot } from './edxml.build';
import { STATUS_CODES, type EdxmlStatus, type StatusCode } from './edxml.types';
import { validateStatus } from './edxml.validate';
import { parseXml, type Cursor } from './xml-reader';
import { el, leaf, serialize } from './xml-writer';

// From, ResponseFor, StaffInfo, StatusCode, Description, Timestamp: the order of Bkav's
// builder and of its sample status packet.
export function buildStatus(status: EdxmlStatus): string {
  validateStatus(status);
  const header = el(
    q('edXMLHeader'),
    null,
    el(
      q('Status'),
      null,
      writeOrgan('From', status.from),
      writeResponseFor(status.responseFor),
      writeStaffInfo(status.staffInfo),
      leaf(q('StatusCode'), status.statusCode),
      leaf(q('Description'), status.description),
      leaf(q('Timestamp'), formatTimestamp(status.timestamp)),
    ),
  );
  return serialize(packageRoot(header));
}

export function parseStatus(xml: string): EdxmlStatus {
  const { header } = locateEnvelope(parseXml(xml));
  const status = statusElement(header);
  const statusCode = readStatusCode(status);
  return compact({
    responseFor: readResponseFor(status.required('ResponseFor')),
    from: readOrgan(status.required('From')),
    statusCode,
    description: readDescription(status, statusCode),
    timestamp: readTimestamp(status),
    staffInfo: readStaffInfo(status.optional('StaffInfo')),
  });
}

function statusElement(header: Cursor): Cursor {
  const status = header.optional('Status');
  if (status) return status;
  const message = header.optional('MessageHeader');
  if (message?.optional('StatusCode')) return message;
  if (message) {
    throw new EdxmlError('EDXML_NOT_EDXML', {
      reason: 'this is a document package; use parseEdxml',
    });
  }
  throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${header.path}/Status` });
}

function readStatusCode(status: Cursor): StatusCode {
  const text = status.requiredText('StatusCode');
  // Some senders write the code as a number ("5"); the standard's codes are two digits.
  const code = /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : text;
  if (!Object.hasOwn(STATUS_CODES, code)) {
    throw new EdxmlError('EDXML_UNKNOWN_STATUS_CODE', {
      path: `${status.path}/StatusCode`,
      value: quote(text),
    });
  }
  return code as StatusCode;
}

function readDescription(status: Cursor, code: StatusCode): string | undefined {
  const description = status.text('Description');
  if (description === undefined && code === '02') {
    // A rejection without a reason leaves the sender unable to correct and resend.
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${status.path}/Description` });
  }
  return description;
}

function readTimestamp(status: Cursor): Date {
  const text = status.requiredText('Timestamp');
  const timestamp = parseTimestamp(text);
  if (!timestamp) status.fail('not a timestamp (yyyy/MM/dd HH:mm:ss)', text, 'Timestamp');
  return timestamp;
}
