/** A thread of the content check: checks the story files it is given (see checkStoriesInThreads in story-check.ts). */
import { workerData } from 'node:worker_threads';
import { serveChunks } from '../threads.ts';
import { checkStory, storyCheckContext, type StoryCheckSetup } from './story-check.ts';

const context = storyCheckContext(workerData as StoryCheckSetup);
serveChunks((file: string) => checkStory(file, context));
