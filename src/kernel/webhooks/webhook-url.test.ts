import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress } from './webhook-url';

const strict = { allowPrivateNetwork: false };
const internal = { allowPrivateNetwork: true };
const reason = (url: string, policy = strict) => {
  const checked = checkWebhookUrl(url, policy);
  return checked.ok ? 'ok' : checked.reason;
};

describe('webhook address rule', () => {
  it('classifies addresses, IPv4-mapped IPv6 by their IPv4 part', () => {
    expect(classifyAddress('203.113.131.1')).toBe('public');
    expect(classifyAddress('2001:ee0:4f00::1')).toBe('public');
    for (const address of ['127.0.0.1', '10.2.3.4', '172.20.0.1', '192.168.1.10', '100.64.0.1']) {
      expect(classifyAddress(address), address).toBe('private');
    }
    expect(classifyAddress('::1')).toBe('private');
    expect(classifyAddress('fd12:3456::1')).toBe('private');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('private');
    for (const address of ['169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::']) {
      expect(classifyAddress(address), address).toBe('forbidden');
    }
    expect(classifyAddress('fe80::1')).toBe('forbidden');
    expect(classifyAddress('::ffff:169.254.169.254')).toBe('forbidden');
  });

  it('allows https to public hosts, and nothing inside the network by default', () => {
    expect(reason('https://open311.example.gov.vn/hooks/tinhso?src=qn')).toBe('ok');
    expect(reason('https://203.113.131.1:8443/hook')).toBe('ok');
    expect(reason('http://open311.example.gov.vn/hook')).toBe('insecure_public');
    expect(reason('https://127.0.0.1/hook')).toBe('private_address');
    expect(reason('https://localhost:8443/hook')).toBe('private_address');
    expect(reason('https://[::1]/hook')).toBe('private_address');
    // Other spellings of loopback are normalised before the check.
    expect(reason('https://2130706433/hook')).toBe('private_address');
    expect(reason('https://0x7f.1/hook')).toBe('private_address');
    expect(reason('https://[::ffff:10.0.0.1]/hook')).toBe('private_address');
  });

  it('allows http and https to private hosts when the configuration says so', () => {
    expect(reason('http://127.0.0.1:8080/hook', internal)).toBe('ok');
    expect(reason('http://10.20.0.15/open311', internal)).toBe('ok');
    expect(reason('https://192.168.1.10/open311', internal)).toBe('ok');
    expect(reason('http://backoffice.internal/hook', internal)).toBe('ok');
    // Still no plain http across the internet.
    expect(reason('http://203.113.131.1/hook', internal)).toBe('insecure_public');
  });

  it('never allows link-local, unspecified or multicast addresses', () => {
    for (const policy of [strict, internal]) {
      expect(reason('http://169.254.169.254/latest/meta-data', policy)).toBe('forbidden_address');
      expect(reason('https://0.0.0.0/hook', policy)).toBe('forbidden_address');
      expect(reason('https://[fe80::1]/hook', policy)).toBe('forbidden_address');
      expect(reason('https://224.0.0.1/hook', policy)).toBe('forbidden_address');
    }
  });

  it('refuses other schemes, credentials, fragments and non-URLs', () => {
    expect(reason('ftp://open311.example.gov.vn/hook')).toBe('scheme');
    expect(reason('file:///etc/passwd')).toBe('scheme');
    expect(reason('https://user:pass@open311.example.gov.vn/hook')).toBe('credentials');
    expect(reason('https://open311.example.gov.vn/hook#x')).toBe('invalid');
    expect(reason('open311.example.gov.vn/hook')).toBe('invalid');
    expect(reason('địa chỉ không hợp lệ')).toBe('invalid');
  });
});
