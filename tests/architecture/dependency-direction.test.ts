import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// The rules of ARCHITECTURE.md §2: arrows point down only, and the form language is pure.
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, with whether it is type-only. */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const pattern =
    /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...text.matchAll(pattern)].map((match) => ({
    specifier: match[3] ?? match[4] ?? match[5] ?? '',
    typeOnly: match[2] !== undefined,
  }));
}

function violations(
  pkg: string,
  allowed: (specifier: string, typeOnly: boolean) => boolean,
): string[] {
  const files = sourceFiles(join(root, 'packages', pkg, 'src'));
  return files.flatMap((file) =>
    importsOf(file)
      .filter(
        ({ specifier, typeOnly }) => !specifier.startsWith('.') && !allowed(specifier, typeOnly),
      )
      .map(({ specifier }) => `${relative(root, file)} imports ${specifier}`),
  );
}

describe('dependency direction', () => {
  test('shared imports nothing of ours and does no I/O (valibot only; fast-check in tests)', () => {
    expect(
      violations('shared', (s) => s === 'valibot' || s === 'vitest' || s === 'fast-check'),
    ).toEqual([]);
  });

  test('applicant-ui imports only shared and hono (it renders; no I/O, no database)', () => {
    expect(
      violations(
        'applicant-ui',
        (s) =>
          s === '@madoguchi/shared' ||
          s === 'valibot' ||
          s === 'vitest' ||
          /^hono(\/(jsx|html|css).*)?$/.test(s),
      ),
    ).toEqual([]);
  });

  // `@madoguchi/server/staff-app` is the staff app alone, whose type the typed client needs
  // without the resident pages' hono/jsx views.
  test('form-builder imports shared, and the server only as types', () => {
    expect(
      violations(
        'form-builder',
        (s, typeOnly) =>
          !s.startsWith('@madoguchi/') ||
          s === '@madoguchi/shared' ||
          (/^@madoguchi\/server(\/staff-app)?$/.test(s) && typeOnly),
      ),
    ).toEqual([]);
  });

  test('server imports shared and applicant-ui, never the console', () => {
    expect(
      violations('server', (s) => s !== '@madoguchi/form-builder' && s !== '@madoguchi/tests'),
    ).toEqual([]);
  });

  test('package manifests agree with the arrows', () => {
    const deps = (pkg: string) => {
      const manifest = JSON.parse(
        readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'),
      );
      return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((d) =>
        d.startsWith('@madoguchi/'),
      );
    };
    expect(deps('shared')).toEqual([]);
    expect(deps('applicant-ui').filter((d) => d !== '@madoguchi/shared')).toEqual([]);
    expect(
      deps('server').filter((d) => !['@madoguchi/shared', '@madoguchi/applicant-ui'].includes(d)),
    ).toEqual([]);
  });

  test('the rule itself notices a violation', () => {
    expect(importsOf(join(import.meta.dirname, 'fixtures', 'bad-import.ts.txt'))).toEqual([
      { specifier: 'node:fs', typeOnly: false },
      { specifier: '@madoguchi/server', typeOnly: true },
      { specifier: '../x', typeOnly: false },
    ]);
  });
});
