/**
 * npm run desk: starts the editors' desk on 127.0.0.1 and prints the address to open (docs/desk.md).
 *   npm run desk [-- --port 4322]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesk } from '../src/desk/server.ts';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : Number(process.env.DESK_PORT ?? 4322);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('Cổng không hợp lệ: npm run desk -- --port 4322');
  process.exit(1);
}
const root = process.env.GUONG_SANG_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const desk = await startDesk({ root, port });
  console.log(
    `Bàn biên tập đang chạy. Mở trình duyệt tại: ${desk.url}\nLịch sử phiên bản: ${desk.history.kind === 'git' ? 'git' : 'thư mục content/.desk-history'}. Dừng bằng Ctrl+C.`,
  );
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Cổng ${port} đang được dùng (có thể bàn biên tập đã chạy). Mở http://127.0.0.1:${port}/ hoặc chạy: npm run desk -- --port ${port + 1}`);
    process.exit(1);
  }
  throw error;
}
