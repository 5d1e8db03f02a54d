/** A thread of the content check: checks the story files it is given (see checkStoriesInThreads in story-check.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { checkStory, storyCheckContext, type StoryCheckSetup } from './story-check.ts';

const context = storyCheckContext(workerData as StoryCheckSetup);
parentPort!.on('message', (files: string[]) => {
  parentPort!.postMessage(files.map((file) => checkStory(file, context)));
});
