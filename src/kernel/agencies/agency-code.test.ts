import { describe, expect, it } from 'vitest';
import { isAgencyCode } from './agency-code';

describe('national agency code (mã định danh)', () => {
  it.each(['000.00.22.H49', '000.00.00.H49', '000.12.34.G01', '123.45.67.Z99'])(
    'accepts %s',
    (code) => expect(isAgencyCode(code)).toBe(true),
  );

  it.each([
    '000.00.22.h49',
    '00.00.22.H49',
    '000.0.22.H49',
    '000.00.22.H4',
    '000.00.22.HH9',
    '000-00-22-H49',
    '000.00.22.H49 ',
    ' 000.00.22.H49',
    '000.00.22.H49.1',
    'H49',
    '',
  ])('refuses %j', (code) => expect(isAgencyCode(code)).toBe(false));
});
