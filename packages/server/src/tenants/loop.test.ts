import { expect, test } from 'vitest';
import { startTenantLoop } from './loop';

test('one tenant failing does not stop the others; stop waits for the pass under way', async () => {
  const done: string[] = [];
  const errors: [string, string | undefined][] = [];
  let release: () => void = () => undefined;
  const slow = new Promise<void>((resolve) => {
    release = resolve;
  });
  let cStarted: () => void = () => undefined;
  const reachedC = new Promise<void>((resolve) => {
    cStarted = resolve;
  });
  const loop = startTenantLoop({
    listTenantSlugs: async () => ['a', 'b', 'c'],
    intervalMs: 60_000,
    forTenant: async (slug) => {
      if (slug === 'b') throw new Error('broken database');
      if (slug === 'c') {
        cStarted();
        await slow;
      }
      done.push(slug);
    },
    onError: (error, slug) => errors.push([String(error), slug]),
  });
  await reachedC;
  let stopped = false;
  const stopping = loop.stop().then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(done).toEqual(['a', 'c']);
  expect(errors).toEqual([['Error: broken database', 'b']]);
});

test('a failing tenant list is reported without a slug', async () => {
  const errors: (string | undefined)[] = [];
  const loop = startTenantLoop({
    listTenantSlugs: async () => {
      throw new Error('control database down');
    },
    intervalMs: 60_000,
    forTenant: async () => undefined,
    onError: (_error, slug) => errors.push(slug),
  });
  await loop.stop();
  expect(errors).toEqual([undefined]);
});
