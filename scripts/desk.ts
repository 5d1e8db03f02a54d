/**
 * npm run desk: starts the editors' desk and prints the address to open (docs/desk.md).
 *   npm run desk [-- --port 4322] [--lan]
 * --lan opens it to the other computers of the office; it then needs at least one account (npm run desk:account).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DeskStartError, officeHosts, startDesk } from '../src/desk/server.ts';

const USAGE = `Bàn biên tập. Cách dùng:
  npm run desk                      chỉ máy này dùng được (http://127.0.0.1:4322/)
  npm run desk -- --port 4400       cổng khác
  npm run desk -- --lan             mở cho các máy khác trong cơ quan (cần tài khoản: npm run desk:account)`;

let flags: { port?: string; lan?: boolean; help?: boolean };
try {
  flags = parseArgs({ options: { port: { type: 'string' }, lan: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
} catch {
  console.error(`Không hiểu tuỳ chọn.\n\n${USAGE}`);
  process.exit(1);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(flags.port ?? process.env.DESK_PORT ?? 4322);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('Cổng không hợp lệ: npm run desk -- --port 4322');
  process.exit(1);
}
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const desk = await startDesk({ root, port, lan: flags.lan ? true : undefined });
  const others = desk.lan
    ? [...officeHosts(desk.port)].filter(
        (host) => !host.startsWith('127.') && !host.startsWith('localhost') && !host.startsWith('[::1]') && !host.startsWith('['),
      )
    : [];
  console.log(
    [
      `Bàn biên tập đang chạy. Mở trình duyệt tại: ${desk.url}`,
      ...(others.length ? [`Từ máy khác trong cơ quan: ${others.map((host) => `http://${host}/`).join('  ')}`] : []),
      `Lịch sử phiên bản: ${desk.history.kind === 'git' ? 'git' : 'thư mục content/.desk-history'}. Dừng bằng Ctrl+C.`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof DeskStartError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Cổng ${port} đang được dùng (có thể bàn biên tập đã chạy). Mở http://127.0.0.1:${port}/ hoặc chạy: npm run desk -- --port ${port + 1}`);
    process.exit(1);
  }
  throw error;
}
