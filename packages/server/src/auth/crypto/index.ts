export {
  dummyVerify,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from './password';
export { randomString } from './random';
export {
  formatSessionToken,
  generateToken,
  hashSecret,
  parseSessionToken,
  parseToken,
  secretMatches,
} from './tokens';
export {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  totpCode,
  totpUri,
  type VerifyTotpOptions,
  verifyTotp,
} from './totp';
