import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  test('allows the limit in a window, then says how long to wait, then allows again', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1, 2].map((t) => limiter.take('a', t))).toEqual([undefined, undefined, undefined]);
    expect(limiter.take('a', 30_000)).toBe(30);
    // Another key has its own window.
    expect(limiter.take('b', 30_000)).toBeUndefined();
    expect(limiter.take('a', 60_000)).toBeUndefined();
  });

  test('stays bounded in memory under many keys', () => {
    const limiter = new RateLimiter(1, 1000);
    for (let i = 0; i < 25_000; i++) limiter.take(`k${i}`, i);
    expect(limiter.take('k24999', 24_999)).toBe(1);
  });
});
