import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parseVnpDate,
  vnpDate,
  vnpEncode,
  vnpOutcome,
  vnpSignature,
  vnpSignedData,
  vnpSignedQuery,
  vnpVerify,
} from './vnpay-protocol';

const SECRET = 'K7FZ34WQ69Z060J60IGJTWH4H4UK4JQA';

describe('VNPay 2.1.0 signatures', () => {
  it('encodes names and values as PHP urlencode does: space as +, ~ and * escaped', () => {
    expect(vnpEncode('Nop phi ho so 000.00.37.H49-260302-0001')).toBe(
      'Nop+phi+ho+so+000.00.37.H49-260302-0001',
    );
    expect(vnpEncode('https://dichvucong.example.vn/return?a=1')).toBe(
      'https%3A%2F%2Fdichvucong.example.vn%2Freturn%3Fa%3D1',
    );
    expect(vnpEncode("a~b*c!d'e(f)")).toBe('a%7Eb%2Ac%21d%27e%28f%29');
    expect(vnpEncode('Thanh toán')).toBe('Thanh+to%C3%A1n');
  });

  it('signs the parameters sorted by name, without the signature’s own, with HMAC-SHA512', () => {
    const params = {
      vnp_TxnRef: 'ABC123',
      vnp_Amount: '1600000',
      vnp_OrderInfo: 'Nop phi: 5',
      vnp_SecureHashType: 'HmacSHA512',
    };
    const data = 'vnp_Amount=1600000&vnp_OrderInfo=Nop+phi%3A+5&vnp_TxnRef=ABC123';
    expect(vnpSignedData(params)).toBe(data);
    const expected = createHmac('sha512', SECRET).update(data).digest('hex');
    expect(vnpSignature(params, SECRET)).toBe(expected);
    expect(vnpSignedQuery(params, SECRET)).toBe(`${data}&vnp_SecureHash=${expected}`);
  });

  it('verifies what it signed, in upper or lower case, and nothing altered', () => {
    const params = { vnp_Amount: '1600000', vnp_TxnRef: 'ABC123', vnp_ResponseCode: '00' };
    const signed = { ...params, vnp_SecureHash: vnpSignature(params, SECRET) };
    expect(vnpVerify(signed, SECRET)).toBe(true);
    expect(
      vnpVerify({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.toUpperCase() }, SECRET),
    ).toBe(true);
    expect(vnpVerify({ ...signed, vnp_Amount: '1700000' }, SECRET)).toBe(false);
    expect(vnpVerify(signed, `${SECRET}x`)).toBe(false);
    expect(vnpVerify({ ...signed, vnp_SecureHash: 'abc' }, SECRET)).toBe(false);
    expect(vnpVerify(params, SECRET)).toBe(false);
  });

  it('writes and reads times as yyyyMMddHHmmss in GMT+7', () => {
    const at = new Date('2026-03-02T17:05:09Z');
    expect(vnpDate(at)).toBe('20260303000509');
    expect(parseVnpDate('20260303000509')?.toISOString()).toBe(at.toISOString());
    expect(parseVnpDate('20260230000000')).toBeNull();
    expect(parseVnpDate('2026-03-03')).toBeNull();
  });

  it('counts a payment as made only when both codes say 00', () => {
    expect(vnpOutcome({ vnp_ResponseCode: '00', vnp_TransactionStatus: '00' })).toBe('success');
    expect(vnpOutcome({ vnp_ResponseCode: '00', vnp_TransactionStatus: '01' })).toBe('failed');
    expect(vnpOutcome({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })).toBe('cancelled');
    expect(vnpOutcome({ vnp_ResponseCode: '51', vnp_TransactionStatus: '02' })).toBe('failed');
  });
});
