import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  fileTransport,
  mailFolder,
  type OutgoingMail,
  smtpTransport,
  transportFromConfig,
} from './transports';

const mail: OutgoingMail = {
  from: { name: 'みどり区', address: 'no-reply@madoguchi.local' },
  to: 'taro@example.jp',
  subject: '【みどり区】申請を受け付けました（受付番号：A7K-4829）ゼロ・ウェイスト・デー参加申込',
  body: 'ゼロ・ウェイスト・デー参加申込の申請を受け付けました。\n\n受付番号：A7K-4829\n――――\nこのメールは送信専用です。\n',
  messageId: 'mail_3k9v0q8h2m7c1x4z',
};

/** Splits a message into unfolded headers (lower-case names) and its body. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

const encodedWord = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;

/** Decodes RFC 2047 encoded words; adjacent words join their bytes before decoding. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?[BQ]\?[^?]*\?=(?:\s+=\?UTF-8\?[BQ]\?[^?]*\?=)*/gi, (run) => {
    const bytes = [...run.matchAll(encodedWord)].map(([, encoding = '', text = '']) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** Checks a message as a receiver would read it, and returns its decoded subject and body. */
function readMessage(raw: string): { subject: string; body: string } {
  expect(raw).not.toMatch(/[^\r]\n/);
  const { headers, body } = parseMessage(raw);
  // Charset names are case-insensitive (RFC 2046); nodemailer writes utf-8.
  expect(headers.get('content-type')?.toLowerCase()).toBe('text/plain; charset=utf-8');
  expect(headers.get('content-transfer-encoding')).toBe('base64');
  expect(headers.get('mime-version')).toBe('1.0');
  expect(headers.get('message-id')).toBe('<mail_3k9v0q8h2m7c1x4z@madoguchi.local>');
  expect(headers.get('auto-submitted')).toBe('auto-generated');
  expect(Number.isNaN(Date.parse(headers.get('date') ?? ''))).toBe(false);
  expect(headers.get('to')).toBe('taro@example.jp');
  expect(decodeHeader(headers.get('from') ?? '')).toBe('みどり区 <no-reply@madoguchi.local>');
  expect(headers.get('subject')).toMatch(/^[\x20-\x7e]+$/);
  return {
    subject: decodeHeader(headers.get('subject') ?? ''),
    body: Buffer.from(body, 'base64').toString('utf8'),
  };
}

const temporaryFolder = () => mkdtempSync(join(tmpdir(), 'madoguchi-mail-'));

describe('fileTransport', () => {
  test('writes an .eml file whose decoded subject and body are the Japanese text', async () => {
    const dir = join(temporaryFolder(), 'mail');
    await fileTransport(dir).send(mail);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const [file = ''] = files;
    expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-mail_3k9v0q8h2m7c1x4z\.eml$/);
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const read = readMessage(readFileSync(join(dir, file), 'utf8'));
    expect(read.subject).toBe(mail.subject);
    expect(read.body).toBe(mail.body.replace(/\n/g, '\r\n'));
  });

  test('a line break in a subject cannot add a header', async () => {
    const dir = temporaryFolder();
    await fileTransport(dir).send({ ...mail, subject: 'a\r\nBcc: victim@example.com' });
    const [file = ''] = readdirSync(dir);
    const { headers } = parseMessage(readFileSync(join(dir, file), 'utf8'));
    expect(headers.has('bcc')).toBe(false);
  });

  test('transportFromConfig writes to DATA_DIR/mail without SMTP_URL', async () => {
    const dataDir = temporaryFolder();
    await transportFromConfig({ DATA_DIR: dataDir, SMTP_URL: undefined }).send(mail);
    expect(mailFolder(dataDir)).toBe(join(dataDir, 'mail'));
    expect(readdirSync(mailFolder(dataDir))).toHaveLength(1);
  });
});

interface Envelope {
  commands: string[];
  data: string;
}

/** A minimal SMTP server on 127.0.0.1; `rcptReply` lets a test refuse the recipient. */
async function startSmtpServer(rcptReply = '250 2.1.5 Ok'): Promise<{
  server: Server;
  port: number;
  received: Envelope[];
}> {
  const received: Envelope[] = [];
  const server = createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let current: Envelope = { commands: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 127.0.0.1 ESMTP test');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = `${buffer.slice(0, end)}\r\n`.replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { commands: [], data: '' };
          reply('250 2.0.0 Ok: queued');
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end === -1) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        current.commands.push(line);
        if (verb === 'EHLO' || verb === 'HELO') reply('250 127.0.0.1');
        else if (verb === 'MAIL' || verb === 'RSET') reply('250 2.1.0 Ok');
        else if (verb === 'RCPT') reply(rcptReply);
        else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('502 5.5.2 Error: command not recognized');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  servers.push(server);
  return { server, port: address.port, received };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('smtpTransport', () => {
  test('hands the mail to the SMTP server, the same message the file transport writes', async () => {
    const { port, received } = await startSmtpServer();
    await smtpTransport(`smtp://127.0.0.1:${port}`).send(mail);
    expect(received).toHaveLength(1);
    const [envelope] = received;
    expect(envelope?.commands).toContain('MAIL FROM:<no-reply@madoguchi.local>');
    expect(envelope?.commands).toContain('RCPT TO:<taro@example.jp>');
    const read = readMessage(envelope?.data ?? '');
    expect(read.subject).toBe(mail.subject);
    expect(read.body).toBe(mail.body.replace(/\n/g, '\r\n'));
  });

  test('fails the send when the server refuses the recipient', async () => {
    const { port, received } = await startSmtpServer(
      '550 5.1.1 <taro@example.jp>: Recipient address rejected',
    );
    await expect(smtpTransport(`smtp://127.0.0.1:${port}`).send(mail)).rejects.toThrow(/550/);
    expect(received).toHaveLength(0);
  });

  test('fails the send when no server listens', async () => {
    const { server, port } = await startSmtpServer();
    await new Promise((resolve) => server.close(resolve));
    await expect(smtpTransport(`smtp://127.0.0.1:${port}`).send(mail)).rejects.toThrow();
  });
});
