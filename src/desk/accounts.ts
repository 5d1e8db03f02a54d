/**
 * Accounts of the desk: who may write, approve and publish. Kept on the desk's own computer in `.desk/accounts.json`
 * (outside content/, never in the shared history and never published), each password as a scrypt hash with its own
 * salt. Accounts are made with `npm run desk:account`; there is no default password.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { writeAtomic } from './files.ts';

/** What a person may do on the desk; one account may hold several. */
export const ROLES = ['bien-tap-vien', 'lanh-dao', 'quan-tri'] as const;
export type Role = (typeof ROLES)[number];

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const MIN_PASSWORD = 10;

/** scrypt's cost: 2^15 rounds of 8 × 128 bytes (32 MB), OWASP's recommended minimum for scrypt. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

const accountSchema = z.strictObject({
  /** Login name: lower-case letters, digits, dot, dash, underscore. */
  username: z.string().regex(USERNAME),
  /** The person's name, as it goes into the history of every save and state change. */
  name: z.string().min(1).max(80),
  /** What the person may do. */
  roles: z.array(z.enum(ROLES)).min(1),
  /** "scrypt$N$r$p$salt$hash", salt and hash in base64. */
  password: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/),
  /** When the account was made (ISO time). */
  created: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

const fileSchema = z.strictObject({ accounts: z.array(accountSchema) });

function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return timingSafeEqual(key, expected);
}

/** What is wrong with a new password, in Vietnamese, or undefined. */
export function passwordProblem(password: string, username: string): string | undefined {
  if ([...password].length < MIN_PASSWORD) return `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (new Set(password).size < 4) return 'Mật khẩu quá đơn giản: dùng nhiều ký tự khác nhau.';
  return undefined;
}

export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(username) ? undefined : 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới; 2 đến 32 ký tự.';
}

export class AccountError extends Error {}

/** The accounts file of one desk. Read on every use, so an account made by the command works without a restart. */
export class Accounts {
  readonly file: string;
  constructor(stateDir: string) {
    this.file = path.join(stateDir, 'accounts.json');
  }

  all(): Account[] {
    if (!existsSync(this.file)) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      throw new AccountError(`Tệp tài khoản ${this.file} bị hỏng (không phải JSON). Sửa lại hoặc xoá tệp rồi tạo lại tài khoản.`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new AccountError(`Tệp tài khoản ${this.file} không đúng cấu trúc. Sửa lại hoặc xoá tệp rồi tạo lại tài khoản.`);
    return parsed.data.accounts;
  }

  any(): boolean {
    return this.all().length > 0;
  }

  find(username: string): Account | undefined {
    return this.all().find((a) => a.username === username);
  }

  private save(accounts: Account[]) {
    writeAtomic(this.file, `${JSON.stringify({ accounts }, null, 2)}\n`, 0o600);
  }

  async add(username: string, name: string, roles: Role[], password: string): Promise<Account> {
    const problem = usernameProblem(username) ?? passwordProblem(password, username);
    if (problem) throw new AccountError(problem);
    if (this.find(username)) throw new AccountError(`Đã có tài khoản "${username}".`);
    if (!name.trim()) throw new AccountError('Cần họ tên người dùng (--name).');
    if (roles.length === 0) throw new AccountError('Cần ít nhất một vai trò (--role).');
    const account: Account = {
      username,
      name: name.normalize('NFC').trim().slice(0, 80),
      roles,
      password: await hashPassword(password),
      created: new Date().toISOString(),
    };
    this.save([...this.all(), account]);
    return account;
  }

  async setPassword(username: string, password: string) {
    const accounts = this.all();
    const account = accounts.find((a) => a.username === username);
    if (!account) throw new AccountError(`Không có tài khoản "${username}".`);
    const problem = passwordProblem(password, username);
    if (problem) throw new AccountError(problem);
    account.password = await hashPassword(password);
    this.save(accounts);
  }

  setRoles(username: string, roles: Role[]) {
    const accounts = this.all();
    const account = accounts.find((a) => a.username === username);
    if (!account) throw new AccountError(`Không có tài khoản "${username}".`);
    if (roles.length === 0) throw new AccountError('Cần ít nhất một vai trò.');
    account.roles = roles;
    this.save(accounts);
  }

  remove(username: string) {
    const accounts = this.all();
    if (!accounts.some((a) => a.username === username)) throw new AccountError(`Không có tài khoản "${username}".`);
    this.save(accounts.filter((a) => a.username !== username));
  }

  /** The account for a login, or undefined; a missing user costs as much time as a wrong password. */
  async verify(username: string, password: string): Promise<Account | undefined> {
    const account = this.find(username);
    const ok = await passwordMatches(password, account?.password ?? DUMMY);
    return ok && account ? account : undefined;
  }
}

const DUMMY = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
