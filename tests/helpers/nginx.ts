/**
 * Serves a built site through the nginx configuration the project ships (scripts/nginx/), on loopback: only the
 * listen address and the root folder are changed. Needs Debian's nginx (`apt-get install nginx
 * libnginx-mod-http-brotli-filter`; .ci/run installs both).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './serve.ts';

const CONFIG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/nginx');
export const SITE_CONFIG = path.join(CONFIG_DIR, 'guong-sang.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

/** The Content Security Policy the shipped configuration sends, the one every browser test enforces. */
export function shippedPolicy(): string {
  const policy = /add_header Content-Security-Policy "([^"]+)"/.exec(readFileSync(SITE_CONFIG, 'utf8'))?.[1];
  if (!policy) throw new Error(`No Content-Security-Policy in ${SITE_CONFIG}`);
  return policy;
}

export interface Nginx {
  url: string;
  brotli: boolean;
  close: () => Promise<void>;
}

export async function startNginx(dist: string): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx libnginx-mod-http-brotli-filter`);
  const prefix = mkdtempSync(path.join(tmpdir(), 'guong-sang-nginx-'));
  const port = await freePort();
  const brotli = existsSync(BROTLI_MODULE);
  const site = readFileSync(SITE_CONFIG, 'utf8')
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root [^;\n]+;/m, `$1root ${dist};`)
    .replace(/^(\s*error_page 404 [^;\n]+;)/m, brotli ? `$1\n    include ${path.join(CONFIG_DIR, 'brotli.conf')};` : '$1');
  writeFileSync(path.join(prefix, 'site.conf'), site);
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`,
  );
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  const child = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    brotli,
    close: async () => {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
