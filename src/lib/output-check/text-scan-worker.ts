/** A thread of the output check: scans the text of the output files it is given (see text-scan.ts). */
import { workerData } from 'node:worker_threads';
import { serveChunks } from '../threads.ts';
import { textScanner, type TextRules } from './text-scan.ts';

serveChunks(textScanner(workerData as TextRules));
