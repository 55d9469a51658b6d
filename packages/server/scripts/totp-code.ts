// Prints the current TOTP code for a secret, to try the staff API from a terminal without a
// phone (README, "Try it"). A development aid: real staff use an authenticator app.
import { totpCode } from '../src/auth/crypto/index';

const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]{32}$/.test(secret)) {
  process.stderr.write('usage: pnpm totp-code <the 32-character totpSecret>\n');
  process.exit(1);
}
process.stdout.write(`${totpCode(secret, Math.floor(Date.now() / 30_000))}\n`);
