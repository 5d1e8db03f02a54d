/** Every reference between entries must resolve, or the build stops naming the file and field. */
import { isPublishable } from '../data/publishable.ts';
import type { ContentModel, Loaded } from './model.ts';
import { formatField, type Problem } from './source.ts';
import { REGISTER_FILE } from '../places/register.ts';

type Path = (string | number)[];

/** Where a place id is looked for, and how an editor finds the right one. */
const PLACES_WHERE = 'danh mục đơn vị hành chính hay content/places (tìm mã theo tên bằng lệnh npm run place -- "tên")';

// One pass per kind of reference, in the order the problems are reported; each pass is a few lines.
export function checkReferences(model: ContentModel): Problem[] {
  const problems: Problem[] = [];
  const places = new Map(model.places.map((p) => [p.id, p]));
  const campaigns = new Map(model.campaigns.map((c) => [c.id, c]));
  const awards = new Map(model.awards.map((a) => [a.id, a]));

  const expect = <T>(from: Loaded<unknown>, fieldPath: Path, id: string | undefined, table: Map<string, Loaded<T>>, what: string, where: string) => {
    if (id === undefined) return undefined;
    const target = table.get(id);
    if (!target) {
      problems.push({
        file: from.file,
        line: from.source.lineOf(fieldPath),
        field: formatField(fieldPath),
        message: `Không có ${what} mã "${id}" trong ${where}. Kiểm tra chính tả hoặc thêm ${what} đó trước.`,
      });
    }
    return target;
  };

  // The register's own units are checked when it is made (tests/unit/places-register.test.ts): only the entries of
  // content/places/ need checking here, which keeps the check of a small site as fast as before the register.
  const local = model.places.filter((p) => p.file !== REGISTER_FILE);
  for (const place of local) {
    expect(place, ['parent'], place.data.parent, places, 'địa danh', PLACES_WHERE);
    place.data.successors.forEach((s, i) => expect(place, ['successors', i, 'place'], s.place, places, 'địa danh', PLACES_WHERE));
  }
  // A unit that ends cannot outlive the unit it belonged to (the register never does; an entry of content/places/ may).
  for (const place of local) {
    const parent = place.data.parent ? places.get(place.data.parent) : undefined;
    const end = place.data.validTo;
    if (!parent?.data.validTo || !end || end <= parent.data.validTo) continue;
    problems.push({
      file: place.file,
      line: place.source.lineOf(['validTo']),
      field: 'validTo',
      message: `Đơn vị này chấm dứt sau đơn vị cấp trên "${parent.id}" (ngày cuối cùng ${parent.data.validTo}): sửa validTo, hoặc ghi parent là đơn vị cấp trên về sau.`,
    });
  }
  // A circle made by an entry of content/places/ passes through that entry.
  problems.push(...findCycles(model.places, (p) => (p.data.parent ? [p.data.parent] : []), 'parent', 'Địa danh này nằm trong chính nó (parent vòng tròn).', local));
  problems.push(...findCycles(model.places, (p) => p.data.successors.map((s) => s.place), 'successors', 'Chuỗi kế thừa (successors) quay về chính địa danh này.', local));

  for (const campaign of model.campaigns) {
    expect(campaign, ['place'], campaign.data.place, places, 'địa danh', PLACES_WHERE);
    const parent = expect(campaign, ['parent'], campaign.data.parent, campaigns, 'phong trào', 'content/campaigns');
    if (parent && isPublishable(campaign.data) && !isPublishable(parent.data)) {
      problems.push({
        file: campaign.file,
        line: campaign.source.lineOf(['parent']),
        field: 'parent',
        message: `Phong trào cấp trên "${parent.id}" chưa được duyệt đăng: duyệt nó trước hoặc bỏ trường parent.`,
      });
    }
    campaign.data.results?.byAward.forEach((r, i) => expect(campaign, ['results', 'byAward', i, 'award'], r.award, awards, 'hình thức khen thưởng', 'content/awards.yaml'));
    campaign.data.results?.byPlace.forEach((r, i) => expect(campaign, ['results', 'byPlace', i, 'place'], r.place, places, 'địa danh', PLACES_WHERE));
  }
  problems.push(...findCycles(model.campaigns, (c) => (c.data.parent ? [c.data.parent] : []), 'parent', 'Phong trào này là cấp trên của chính nó.'));

  for (const exemplar of model.exemplars) {
    expect(exemplar, ['place'], exemplar.data.place, places, 'địa danh', PLACES_WHERE);
    exemplar.data.campaigns.forEach((id, i) => {
      const campaign = expect(exemplar, ['campaigns', i], id, campaigns, 'phong trào', 'content/campaigns');
      if (campaign && isPublishable(exemplar.data) && !isPublishable(campaign.data)) {
        problems.push({
          file: exemplar.file,
          line: exemplar.source.lineOf(['campaigns', i]),
          field: formatField(['campaigns', i]),
          message: `Phong trào "${id}" chưa được duyệt đăng: duyệt phong trào trước hoặc bỏ nó khỏi danh sách.`,
        });
      }
    });
    exemplar.data.awards.forEach((grant, i) => {
      const award = expect(exemplar, ['awards', i, 'award'], grant.award, awards, 'hình thức khen thưởng', 'content/awards.yaml');
      const recipient = exemplar.data.kind === 'mo-hinh' ? 'tap-the' : exemplar.data.kind;
      if (award && !award.data.recipients.includes(recipient)) {
        problems.push({
          file: exemplar.file,
          line: exemplar.source.lineOf(['awards', i, 'award']),
          field: formatField(['awards', i, 'award']),
          message: `"${award.data.name}" không dùng để khen loại điển hình "${exemplar.data.kind}": chọn hình thức khác trong content/awards.yaml.`,
        });
      }
    });
  }
  return problems;
}

function findCycles<T>(items: Loaded<T>[], next: (item: Loaded<T>) => string[], field: string, message: string, starts: Loaded<T>[] = items): Problem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const problems: Problem[] = [];
  for (const start of starts) {
    const seen = new Set<string>();
    const stack = [...next(start)];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === start.id) {
        problems.push({ file: start.file, line: start.source.lineOf([field]), field, message });
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const item = byId.get(id);
      if (item) stack.push(...next(item));
    }
  }
  return problems;
}
