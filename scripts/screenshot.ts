/** Screenshots of built pages for a visual check: node scripts/screenshot.ts /dien-hinh/x/ [width] */
import { serveStatic } from '../tests/helpers/serve.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';

const [page = '/', width = '390'] = process.argv.slice(2);
const server = await serveStatic(new URL('../dist/', import.meta.url).pathname);
const browser = await launchBrowser();
const tab = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await tab.goto(server.url + page.replace(/^\//, ''));
const out = `/tmp/shot-${page.replace(/\W+/g, '_')}-${width}.png`;
await tab.screenshot({ path: out, fullPage: true });
console.log(out);
await browser.close();
await server.close();
