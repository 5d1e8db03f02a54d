/**
 * npm run check: validates every file under content/ without building the site and lists every problem, each with
 * its file, line, field and what to do. Exits 1 when anything needs fixing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/content/check.ts';
import { formatProblems } from '../src/lib/content/issues.ts';
import { isPublishable } from '../src/lib/data/publishable.ts';
import { usedPlaceIds } from '../src/lib/data/places.ts';

const root = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { problems, model } = await checkContent(root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(
  `Nội dung hợp lệ: ${model.exemplars.length} điển hình, ${model.campaigns.length} phong trào, ${usedPlaceIds([...model.exemplars, ...model.campaigns].filter((e) => isPublishable(e.data)).map((e) => e.data)).size} địa danh có bài, ${model.awards.length} hình thức khen thưởng.`,
);
