/** Screenshots of built pages for a visual check: node scripts/screenshot.ts "/tim-kiem/?q=an" [width] */
import { serveStatic } from '../tests/helpers/serve.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';

const [page = '/', width = '390'] = process.argv.slice(2);
const server = await serveStatic(new URL('../dist/', import.meta.url).pathname);
const browser = await launchBrowser();
const tab = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
tab.on('console', (message) => console.log(`console: ${message.text()}`));
tab.on('pageerror', (error) => console.log(`page error: ${error.message}`));
await tab.goto(server.url + page.replace(/^\//, ''), { waitUntil: 'networkidle' });
const out = `/tmp/shot-${page.replace(/\W+/g, '_')}-${width}.png`;
await tab.screenshot({ path: out, fullPage: true });
console.log(out);
await browser.close();
await server.close();
