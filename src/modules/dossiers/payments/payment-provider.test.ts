import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../kernel/config/config';
import { paymentProviders } from './payment-provider';
import { vnpVerify } from './vnpay-protocol';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-payments-'));
const SECRET = 'K7FZ34WQ69Z060J60IGJTWH4H4UK4JQA';
const vnpayEnv = {
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  PUBLIC_URL: 'https://dichvucong.example.gov.vn',
  PAYMENT_PROVIDER: 'vnpay',
  VNPAY_TMN_CODE: '2QXUI4J4',
  VNPAY_HASH_SECRET: SECRET,
};

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('payment providers from the configuration', () => {
  it('refuses VNPay without its terminal code and secret', () => {
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'vnpay', DATA_DIR: dataDir })).toThrow(ConfigError);
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'paypal', DATA_DIR: dataDir })).toThrow(
      /PAYMENT_PROVIDER must be one of vnpay, sandbox/,
    );
  });

  it('sends applicants to VNPay’s page with a request signed by the merchant’s secret', () => {
    const providers = paymentProviders(loadConfig(vnpayEnv));
    expect(providers.active?.name).toBe('vnpay');
    const url = new URL(
      providers.active!.paymentUrl({
        txnRef: 'A1B2C3',
        amount: 50_000,
        orderInfo: 'Nop phi le phi ho so 000.00.20.H49-260302-0001',
        ipAddr: '203.0.113.7',
        createdAt: new Date('2026-03-02T02:00:00Z'),
        expiresAt: new Date('2026-03-02T02:15:00Z'),
        locale: 'vn',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
    );
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: '2QXUI4J4',
      vnp_Amount: '5000000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: 'A1B2C3',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: 'https://dichvucong.example.gov.vn/api/payments/vnpay/return',
      vnp_IpAddr: '203.0.113.7',
      vnp_CreateDate: '20260302090000',
      vnp_ExpireDate: '20260302091500',
    });
    // Spaces travel as '+', as VNPay's reference code encodes them.
    expect(url.search).toContain('vnp_OrderInfo=Nop+phi+le+phi+ho+so+000.00.20.H49-260302-0001');
    expect(vnpVerify(params, SECRET)).toBe(true);
    // The sandbox is not offered where VNPay is chosen.
    expect(providers.byName.sandbox).toBeUndefined();
  });

  it('never offers the sandbox in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(config.paymentProvider).toBe('sandbox');
    const providers = paymentProviders(config);
    expect(providers.active).toBeNull();
    expect(providers.byName).toEqual({});
  });
});
