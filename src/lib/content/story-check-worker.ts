/** A thread of the content check: checks the story files it is given (see checkStoriesInThreads in story-check.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { checkStory, storyCheckContext, type StoryCheckSetup, type StoryChecked, type StoryJob } from './story-check.ts';

const context = storyCheckContext(workerData as StoryCheckSetup);
parentPort!.on('message', (jobs: StoryJob[]) => {
  parentPort!.postMessage(jobs.map(({ raw, file, hash }): StoryChecked => checkStory(raw, file, hash, context)));
});
