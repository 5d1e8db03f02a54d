/**
 * The process that encodes photos while pages render (see photo-encoder.ts). It runs at the lowest priority, so that
 * rendering keeps the processor whenever it can use it, and writes each result where Astro's image step looks for a
 * cached one, made by Astro's own image service: the file is the same as if Astro had made it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EncoderJob, EncoderSetup, FromEncoder, ToEncoder } from './photo-encoder.ts';
import { recent } from '../lib/recent.ts';

// Before any thread of the image library exists: the threads it starts take this priority from this thread.
try {
  os.setPriority(19);
} catch {
  // Not allowed here: the photos are made all the same, only less politely.
}

interface ImageService {
  transform(input: Uint8Array, options: unknown, config: unknown, logger: unknown): Promise<{ data: Uint8Array }>;
}

const send = (message: FromEncoder) => process.send!(message);
let setup: EncoderSetup | undefined;
let service: ImageService | undefined;
/**
 * Jobs waiting, by original, first come first served: the transforms of one photo are made one after another, as
 * Astro's image step makes them, so that the image service decodes that photo once for all of them (its copy goes
 * with the original's buffer, kept below while its transforms are made).
 */
const queue = new Map<string, EncoderJob[]>();
let running = 0;
let ending = false;
let encoded = 0;
let skipped = 0;
/** Time during which at least one photo was being made, reported to the build's log and benchmark. */
let busyMs = 0;
let busySince = 0;
/** The original file the transforms in a row share, read once for all of them as Astro's image step does. */
const original = recent(8, (file: string) => readFileSync(file));

async function encode({ originalPath, finalPath, transform }: EncoderJob) {
  const { outDir, cacheDir, imageConfig } = setup!;
  const cached = path.join(cacheDir, path.posix.basename(finalPath));
  if (existsSync(cached)) return void skipped++;
  let warned = false;
  const logger = { warn: () => (warned = true), info() {}, debug() {}, error: () => (warned = true) };
  const input = original(path.join(outDir, originalPath.replace(/^\/+/, '')));
  const { data } = await service!.transform(input, { ...transform, src: transform.src.src }, imageConfig, logger);
  // A photo the service could only pass through unchanged is left to Astro, which says so in the build's log.
  if (warned) return void skipped++;
  // Written whole, then named: Astro takes any file of that name as finished.
  const partial = `${cached}.${process.pid}.part`;
  writeFileSync(partial, data);
  renameSync(partial, cached);
  encoded++;
}

function next(): EncoderJob {
  const [originalPath, jobs] = queue.entries().next().value!;
  const job = jobs.shift()!;
  if (jobs.length === 0) queue.delete(originalPath);
  return job;
}

async function drain() {
  while (queue.size > 0 && running < setup!.concurrency) {
    const job = next();
    if (running++ === 0) busySince = performance.now();
    encode(job)
      // A photo that fails here fails again in Astro's image step, which reports it properly.
      .catch(() => void skipped++)
      .finally(() => {
        if (--running === 0) busyMs += performance.now() - busySince;
        void drain();
      });
  }
  if (ending && running === 0 && queue.size === 0) {
    const { user, system } = process.cpuUsage();
    send({ type: 'done', encoded, skipped, seconds: busyMs / 1000, cpuSeconds: (user + system) / 1e6 });
    process.disconnect();
  }
}

process.on('message', async (message: ToEncoder) => {
  if (message.type === 'setup') {
    setup = message.setup;
    mkdirSync(setup.cacheDir, { recursive: true });
    service = ((await import(setup.imageConfig.service.entrypoint)) as { default: ImageService }).default;
  } else if (message.type === 'encode') {
    for (const job of message.jobs) {
      const jobs = queue.get(job.originalPath);
      if (jobs) jobs.push(job);
      else queue.set(job.originalPath, [job]);
    }
  } else ending = true;
  if (service) await drain();
});
