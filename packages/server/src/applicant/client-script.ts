import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { Locale } from '@madoguchi/shared';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';

/**
 * The resident pages' client script, one bundle per language: its versioned URL, and its
 * code, built on first use.
 */
export interface ClientScript {
  href: (locale: Locale) => string;
  body: (locale: Locale) => Promise<string>;
}

const require = createRequire(import.meta.url);
const entry = require.resolve('@madoguchi/applicant-ui/client');
const uiSource = dirname(require.resolve('@madoguchi/applicant-ui'));
const sharedSource = dirname(require.resolve('@madoguchi/shared'));
const packages = dirname(dirname(uiSource));
// Bump when the build below changes in a way the sources do not show.
const buildVersion = 1;

/**
 * The browser never reads a form definition's valibot schemas (the server parses definitions),
 * but esbuild keeps their module-level construction: valibot's no-side-effect marks do not reach
 * through `import * as v`, and the `...inputFieldEntries` spread in every field schema could run
 * a getter. This marks each `v.…(` call pure and drops those spreads in the shared sources, so
 * the unused schemas and valibot itself fall out of the bundle; the answer rules, which use no
 * schema, are untouched (the bundle test runs them against the server's results).
 */
export function withoutDefinitionSchemas(source: string): string {
  return source
    .replace(/^[ \t]*\.\.\.(input|static)FieldEntries,[ \t]*$/gm, '')
    .split('\n')
    .map((line) =>
      /^\s*(\*|\/\/|\/\*)/.test(line)
        ? line
        : line.replace(/\bv\.([a-zA-Z]+)\(/g, '/* @__PURE__ */ v.$1('),
    )
    .join('\n');
}

const messagesChoice = /return locale === 'en' \? en : ja;/;

/**
 * The answer messages of one language: a page is in one language, so its bundle carries only
 * that language's messages (a third of the shared code's size).
 */
export function onlyLanguage(source: string, locale: Locale): string {
  if (!messagesChoice.test(source))
    throw new Error('i18n/messages.ts no longer picks its messages as the client build expects');
  return source.replace(messagesChoice, `return ${locale};`);
}

function browserOnly(locale: Locale): Plugin {
  return {
    name: 'browser-only',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(sharedSource)) return undefined;
        const source = withoutDefinitionSchemas(await readFile(args.path, 'utf8'));
        const messages = args.path === join(sharedSource, 'i18n', 'messages.ts');
        return { contents: messages ? onlyLanguage(source, locale) : source, loader: 'ts' };
      });
    },
  };
}

/** Bundles the client script for a language: one minified ES module, Japanese kept as UTF-8. */
export async function buildClientScript(locale: Locale): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    // Browsers of the last five years or so: phones are replaced slowly.
    target: ['es2022', 'chrome100', 'safari15', 'firefox100'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [browserOnly(locale)],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('the client script build wrote nothing');
  return output.text;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .sort()
    .map((name) => join(directory, name));
}

let memo: ClientScript | undefined;

/**
 * The client script, named by a hash of everything that goes into it (the sources of
 * applicant-ui and shared, esbuild's version), so its URL is known at start without building
 * and a new version has a new URL. Each language's bundle is built once per process, when
 * first asked for.
 */
export function clientScript(): ClientScript {
  if (memo) return memo;
  const hash = createHash('sha256').update(`${esbuildVersion}:${buildVersion}`);
  for (const file of [...sourceFiles(uiSource), ...sourceFiles(sharedSource)])
    hash.update(relative(packages, file)).update(readFileSync(file));
  const version = hash.digest('hex').slice(0, 12);
  const built = new Map<Locale, Promise<string>>();
  memo = {
    href: (locale) => `/assets/resident-${locale}-${version}.js`,
    body: (locale) => {
      let body = built.get(locale);
      if (!body) {
        body = buildClientScript(locale);
        built.set(locale, body);
      }
      return body;
    },
  };
  return memo;
}
