import { expect, test } from 'vitest';
import {
  isReferenceNumber,
  newReferenceNumber,
  normalizeReferenceNumber,
} from './reference-number';

test('has the year and month in Japan, six digits and a check digit', () => {
  const number = newReferenceNumber(Date.parse('2026-11-30T15:30:00Z'));
  expect(number).toMatch(/^2612-\d{7}$/);
  expect(isReferenceNumber(number)).toBe(true);
});

test('every single-digit change is caught by the check digit', () => {
  for (let run = 0; run < 50; run++) {
    const number = newReferenceNumber(Date.now()).replace('-', '');
    for (let i = 0; i < number.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === number[i]) continue;
        const changed = `${number.slice(0, i)}${d}${number.slice(i + 1)}`;
        expect(isReferenceNumber(changed), changed).toBe(false);
      }
    }
  }
});

test('typed numbers are normalised: full-width digits, no hyphen', () => {
  const number = newReferenceNumber(Date.now());
  const typed = number
    .replace('-', '')
    .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  expect(normalizeReferenceNumber(typed)).toBe(number);
  expect(normalizeReferenceNumber('1234')).toBeUndefined();
});
