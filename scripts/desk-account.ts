/**
 * npm run desk:account: the accounts of the editors' desk (docs/desk.md, "Tài khoản"). Passwords are typed twice
 * without being shown, or read from the first line of standard input when it is not a terminal; none is ever a flag,
 * so none is kept in the shell's history.
 *   npm run desk:account -- them --ten thu --ho-ten "Nguyễn Minh Thư" --vai-tro bien-tap-vien
 *   npm run desk:account -- doi-mat-khau --ten thu
 *   npm run desk:account -- vai-tro --ten thu --vai-tro bien-tap-vien,lanh-dao
 *   npm run desk:account -- xoa --ten thu
 *   npm run desk:account -- danh-sach
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AccountError, Accounts, ROLES, type Role } from '../src/desk/accounts.ts';
import { deskStateDir } from '../src/desk/desk-settings.ts';
import { desk } from '../src/i18n/desk.ts';
import { ACCOUNT_FLAGS, flagsOrExit, usage } from './flags.ts';

const COMMANDS = ['them', 'doi-mat-khau', 'vai-tro', 'xoa', 'danh-sach'] as const;
const USAGE = `Tài khoản của bàn biên tập. Cách dùng:
  npm run desk:account -- them --ten thu --ho-ten "Nguyễn Minh Thư" --vai-tro bien-tap-vien
  npm run desk:account -- doi-mat-khau --ten thu
  npm run desk:account -- vai-tro --ten thu --vai-tro bien-tap-vien,lanh-dao
  npm run desk:account -- xoa --ten thu
  npm run desk:account -- danh-sach

Vai trò: ${ROLES.map((r) => `${r} (${desk.roles[r]})`).join(', ')}.
Mật khẩu được hỏi hai lần và không hiện khi gõ.

${usage('desk:account -- them', ACCOUNT_FLAGS)}`;

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (!COMMANDS.includes(command as (typeof COMMANDS)[number])) {
  console.error(`${command ? `Không có lệnh "${command}".` : 'Thiếu lệnh.'} Các lệnh: ${COMMANDS.join(', ')}.\n\n${USAGE}`);
  process.exit(1);
}
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const accounts = new Accounts(deskStateDir(root));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function rolesOf(value: string | undefined): Role[] {
  if (!value) fail('Thiếu --vai-tro.');
  const roles = value.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length) fail(`Không có vai trò ${unknown.map((r) => `"${r}"`).join(', ')}. Các vai trò: ${ROLES.join(', ')}.`);
  return [...new Set(roles)] as Role[];
}

/** Lines of standard input when it is not a terminal, read once. */
let piped: string[] | undefined;
async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    if (!piped) {
      let text = '';
      for await (const chunk of process.stdin) text += chunk;
      piped = text.split(/\r?\n/);
    }
    return piped.shift() ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Nothing typed is echoed: the question is written once, then every keystroke is swallowed.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) write.call(rl, question);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function newPassword(): Promise<string> {
  const first = await ask('Mật khẩu mới: ');
  const second = process.stdin.isTTY ? await ask('Gõ lại mật khẩu: ') : first;
  if (first !== second) fail('Hai lần gõ mật khẩu không giống nhau. Chưa có gì thay đổi.');
  return first;
}

try {
  if (command === 'danh-sach') {
    const all = accounts.all();
    if (all.length === 0) console.log('Chưa có tài khoản nào. Bàn biên tập chạy ở chế độ một người trên máy này.');
    for (const a of all) console.log(`${a.username}\t${a.name}\t${a.roles.map((r) => desk.roles[r]).join(', ')}`);
    process.exit(0);
  }
  const flags = flagsOrExit(rest, ACCOUNT_FLAGS, USAGE);
  const username = flags.ten!;
  if (command === 'them') {
    if (!flags['ho-ten']) fail('Thiếu --ho-ten.');
    const roles = rolesOf(flags['vai-tro']);
    if (accounts.find(username)) fail(`Đã có tài khoản "${username}".`);
    const account = await accounts.add(username, flags['ho-ten'], roles, await newPassword());
    console.log(`Đã tạo tài khoản "${account.username}" (${account.name}): ${account.roles.map((r) => desk.roles[r]).join(', ')}.`);
  } else if (command === 'doi-mat-khau') {
    if (!accounts.find(username)) fail(`Không có tài khoản "${username}".`);
    await accounts.setPassword(username, await newPassword());
    console.log(`Đã đổi mật khẩu của "${username}". Các phiên đăng nhập cũ kết thúc khi bàn biên tập khởi động lại.`);
  } else if (command === 'vai-tro') {
    accounts.setRoles(username, rolesOf(flags['vai-tro']));
    console.log(`Đã đổi vai trò của "${username}".`);
  } else {
    accounts.remove(username);
    console.log(`Đã xoá tài khoản "${username}".`);
  }
} catch (error) {
  if (error instanceof AccountError) fail(`${error.message} Chưa có gì thay đổi.`);
  throw error;
}
