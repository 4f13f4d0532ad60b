import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors/app-error';
import { toOpen311ErrorResponse } from './open311-errors';
import { readOpen311Location, type Open311LocationFields } from './open311-location';

function refusal(fields: Open311LocationFields): AppError {
  try {
    readOpen311Location(fields);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the location to be refused');
}

describe('readOpen311Location', () => {
  it('reads lat and long as WGS84 degrees', () => {
    expect(readOpen311Location({ lat: '20.9516', long: '107.0809' })).toEqual({
      coordinates: { lat: 20.9516, long: 107.0809 },
    });
    expect(readOpen311Location({ lat: ' -90 ', long: '+180' })).toEqual({
      coordinates: { lat: -90, long: 180 },
    });
  });

  it('keeps the address fields beside the coordinates', () => {
    expect(
      readOpen311Location({
        lat: '20.95',
        long: '107.08',
        address_string: ' 12 Trần Hưng Đạo, Hồng Gai ',
        address_id: 'QN-HG-0012',
      }),
    ).toEqual({
      coordinates: { lat: 20.95, long: 107.08 },
      addressString: '12 Trần Hưng Đạo, Hồng Gai',
      addressId: 'QN-HG-0012',
    });
  });

  it('accepts an address alone: whether it can be placed is for the service to say', () => {
    expect(readOpen311Location({ address_string: '12 Trần Hưng Đạo' })).toEqual({
      addressString: '12 Trần Hưng Đạo',
    });
    expect(readOpen311Location({ address_id: '545483', lat: '' })).toEqual({
      addressId: '545483',
    });
  });

  it('answers 400 "location missing" when no location is given', () => {
    for (const fields of [{}, { lat: '', long: ' ', address_string: '', address_id: null }]) {
      const error = refusal(fields);
      expect(error.code).toBe('OPEN311_LOCATION_MISSING');
      expect(toOpen311ErrorResponse(error, 'en')).toEqual({
        status: 400,
        errors: [
          {
            code: 400,
            description: 'A location is required: lat and long, address_string or address_id.',
          },
        ],
        unexpected: false,
      });
    }
  });

  it.each([
    [{ lat: '20.95' }],
    [{ long: '107.08', address_string: '12 Trần Hưng Đạo' }],
    [{ lat: '20,95', long: '107,08' }],
    [{ lat: '91', long: '107' }],
    [{ lat: '20', long: '-180.5' }],
    [{ lat: 'NaN', long: '107' }],
    [{ lat: '1e1', long: '107' }],
    [{ lat: '0x14', long: '107' }],
  ])('answers 400 "location invalid" for %j', (fields) => {
    const error = refusal(fields);
    expect(error.code).toBe('OPEN311_LOCATION_INVALID');
    expect(toOpen311ErrorResponse(error).status).toBe(400);
  });
});
