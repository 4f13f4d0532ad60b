import { describe, expect, it } from 'vitest';
import { isValidFilter, topicMatches } from './topic-filter';

describe('MQTT topic filters', () => {
  it('matches single-level and multi-level wildcards', () => {
    expect(topicMatches('tinhso/sensors/+/observations', 'tinhso/sensors/s1/observations')).toBe(
      true,
    );
    expect(topicMatches('tinhso/sensors/+/observations', 'tinhso/sensors/s1/status')).toBe(false);
    expect(topicMatches('tinhso/sensors/+', 'tinhso/sensors/s1/observations')).toBe(false);
    expect(topicMatches('tinhso/#', 'tinhso/sensors/s1/observations')).toBe(true);
    expect(topicMatches('tinhso/#', 'tinhso')).toBe(true);
    expect(topicMatches('#', 'anything/at/all')).toBe(true);
    expect(topicMatches('tinhso/sensors', 'tinhso/sensors/s1')).toBe(false);
    expect(topicMatches('tinhso/sensors/s1', 'tinhso/sensors/s1')).toBe(true);
  });

  it('keeps broker topics ($SYS) out of leading wildcards', () => {
    expect(topicMatches('#', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('+/broker/uptime', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('$SYS/#', '$SYS/broker/uptime')).toBe(true);
  });

  it('validates filters', () => {
    expect(isValidFilter('a/+/b/#')).toBe(true);
    expect(isValidFilter('a/#/b')).toBe(false);
    expect(isValidFilter('a/b+')).toBe(false);
    expect(isValidFilter('a/b#')).toBe(false);
    expect(isValidFilter('')).toBe(false);
  });
});
