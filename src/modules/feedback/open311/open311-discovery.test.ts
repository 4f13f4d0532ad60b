import { describe, expect, it } from 'vitest';
import { buildDiscovery } from './open311-discovery';

describe('buildDiscovery', () => {
  it('describes one GeoReport v2 endpoint in XML and JSON, every field filled', () => {
    const discovery = buildDiscovery({
      endpointUrl: 'https://tinhso.example.vn/open311/v2',
      changeset: new Date('2026-11-20T17:00:00Z'),
      contact: 'Trung tâm IOC Quảng Ninh, ioc@quangninh.example.vn',
      keyService: 'Đăng ký khóa API tại https://tinhso.example.vn/console/api-keys',
    });
    expect(discovery).toEqual({
      changeset: '2026-11-21T00:00:00+07:00',
      contact: 'Trung tâm IOC Quảng Ninh, ioc@quangninh.example.vn',
      key_service: 'Đăng ký khóa API tại https://tinhso.example.vn/console/api-keys',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://tinhso.example.vn/open311/v2',
          changeset: '2026-11-21T00:00:00+07:00',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
  });

  it('marks a test endpoint as test', () => {
    const discovery = buildDiscovery({
      endpointUrl: 'http://localhost:3000/open311/v2',
      changeset: new Date('2026-11-21T00:00:00Z'),
      contact: 'dev',
      keyService: 'dev',
      type: 'test',
    });
    expect(discovery.endpoints[0]?.type).toBe('test');
  });
});
