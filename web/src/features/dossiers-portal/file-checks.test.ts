import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import {
  DEFAULT_LIMIT_BYTES,
  checkFile,
  claimedType,
  sizeText,
  storedTypeProblem,
  uploadRefusal,
} from './file-checks';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('a document chosen for upload', () => {
  it('may be a PDF, JPG or PNG', () => {
    expect(checkFile(file('giay-chung-sinh.pdf', 'application/pdf'))).toBeNull();
    expect(checkFile(file('anh.jpg', 'image/jpeg'))).toBeNull();
    expect(checkFile(file('anh.png', 'image/png'))).toBeNull();
    expect(checkFile(file('to-khai.docx', 'application/vnd.openxmlformats'))).toEqual({
      code: 'type',
    });
    expect(checkFile(file('video.mp4', 'video/mp4'))).toEqual({ code: 'type' });
    expect(checkFile(file('anh.heic', 'image/heic'))).toEqual({ code: 'type' });
  });

  it('is judged by its extension when the phone gives no type', () => {
    expect(claimedType(file('SCAN.PDF', ''))).toBe('application/pdf');
    expect(claimedType(file('anh.jpeg', ''))).toBe('image/jpeg');
    expect(checkFile(file('anh.JPG', ''))).toBeNull();
    expect(checkFile(file('khong-duoi', ''))).toEqual({ code: 'type' });
  });

  it('is neither empty nor larger than the limit', () => {
    expect(checkFile(file('rong.pdf', 'application/pdf', 0))).toEqual({ code: 'empty' });
    expect(checkFile(file('lon.pdf', 'application/pdf', DEFAULT_LIMIT_BYTES))).toBeNull();
    expect(checkFile(file('lon.pdf', 'application/pdf', DEFAULT_LIMIT_BYTES + 1))).toEqual({
      code: 'size',
      limitBytes: DEFAULT_LIMIT_BYTES,
    });
    expect(checkFile(file('lon.pdf', 'application/pdf', 2_000_000), 1_048_576)).toEqual({
      code: 'size',
      limitBytes: 1_048_576,
    });
  });
});

describe('the server’s refusal of an upload', () => {
  it('says the limit the server gave for a file too large', () => {
    const tooLarge = new ApiError('FILE_TOO_LARGE', 413, 'too large', { limitBytes: 5_242_880 });
    expect(uploadRefusal(tooLarge)).toEqual({ code: 'size', limitBytes: 5_242_880 });
    // A proxy's 413 says no limit: the platform's default is named.
    expect(uploadRefusal(new ApiError('HTTP_413', 413, 'Payload Too Large'))).toEqual({
      code: 'size',
      limitBytes: DEFAULT_LIMIT_BYTES,
    });
  });

  it('is a problem of type or of a broken image, and nothing else', () => {
    expect(uploadRefusal(new ApiError('FILE_TYPE_NOT_ALLOWED', 415, 'no'))).toEqual({
      code: 'type',
    });
    expect(uploadRefusal(new ApiError('IMAGE_UNREADABLE', 422, 'no'))).toEqual({
      code: 'unreadable',
    });
    expect(uploadRefusal(new ApiError('UNAUTHENTICATED', 401, 'no'))).toBeNull();
    expect(uploadRefusal(ApiError.network(new Error('offline')))).toBeNull();
    expect(uploadRefusal(new Error('boom'))).toBeNull();
  });

  it('refuses what was stored as a type the desk cannot use', () => {
    expect(storedTypeProblem('image/webp')).toEqual({ code: 'converted' });
    expect(storedTypeProblem('image/jpeg')).toBeNull();
    expect(storedTypeProblem('application/pdf')).toBeNull();
  });
});

describe('sizes', () => {
  it('read as a person reads them', () => {
    expect(sizeText(20 * 1_048_576, 'vi')).toBe('20 MB');
    expect(sizeText(1_310_720, 'vi')).toBe('1,3 MB');
    expect(sizeText(1_310_720, 'en')).toBe('1.3 MB');
    expect(sizeText(350_000, 'vi')).toBe('342 KB');
    expect(sizeText(10, 'en')).toBe('1 KB');
  });
});
