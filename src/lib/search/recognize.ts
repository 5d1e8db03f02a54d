/**
 * Understanding the words typed in the search box: a place (current or former, at any level, with or without its
 * type word), a campaign (title, short title or plan number), a form of commendation, a field or a year. What is
 * recognised becomes a filter of the search index; what is left is searched as text. Shared by the search page and
 * the tests, and free of the DOM, so that the tests check what readers get.
 *
 * The dictionary is built with the site (dictionary.ts) and holds only what the site uses, so that it grows with
 * the places in use and not with the exemplars.
 */
import { foldVietnamese } from '../text.ts';

/** A place: [id, type, name, parent (index or -1), `xa` filter values (indexes), units that hold it now (indexes), exemplars]. */
export type DictionaryPlace = [id: string, type: string, name: string, parent: number, communes: number[], now: number[], count: number];

export interface SearchDictionary {
  /** Place type → its word ("xa" → "xã"). */
  placeTypes: Record<string, string>;
  /** Place types of the commune level, whose split among several successors makes their name ambiguous. */
  communeTypes: string[];
  places: DictionaryPlace[];
  /** [id, title, short title, plan number ("" when none), exemplars]. */
  campaigns: [id: string, title: string, shortTitle: string, plan: string, count: number][];
  /** A form of commendation: one award, or a family of them ("Giấy khen"): [label, award ids, exemplars]. */
  awards: [label: string, ids: string[], count: number][];
  /** [id, label, exemplars]. */
  fields: [id: string, label: string, count: number][];
  /** [year, exemplars]. */
  years: [year: number, count: number][];
  /** Of merged dictionaries: which site (0: this one, then `otherSites` in order) has the page of each place and campaign. */
  sites?: { places: number[]; campaigns: number[] };
}

export type Recognised =
  | { kind: 'place'; place: number; communes: number[] }
  | { kind: 'campaign'; campaign: number }
  | { kind: 'award'; award: number }
  | { kind: 'field'; field: number }
  | { kind: 'year'; year: number };

export interface Recognition {
  /** What the words named, in the order typed. */
  recognised: Recognised[];
  /** The filters they make, by filter name (values: slugs, any of them). */
  filters: Record<string, string[]>;
  /** The words left to search as text, as typed. */
  leftover: string;
  /** When some words name several things (two communes of one name, a former commune split among several): the choices. */
  candidates: Recognised[];
  /** The words left once one of the candidates is chosen. */
  leftoverAfterChoice: string;
}

type Target = { kind: 'place'; place: number; typed: boolean } | Exclude<Recognised, { kind: 'place' }>;

const tokensOf = (text: string) => foldVietnamese(text).match(/[a-z0-9]+/g) ?? [];
const key = (text: string) => tokensOf(text).join(' ');

/** The phrase index of a dictionary, made once per dictionary. */
interface Index {
  phrases: Map<string, Target[]>;
  longest: number;
  /** Per place: the keys that may follow its name to narrow it (units above it, then and now). */
  qualifiers: Set<string>[];
  /** The keys of the type words ("xa", "thi tran"), the longest first. */
  typeWords: string[];
}

const indexes = new WeakMap<SearchDictionary, Index>();

function indexOf(d: SearchDictionary): Index {
  let index = indexes.get(d);
  if (index) return index;
  const phrases = new Map<string, Target[]>();
  const add = (phrase: string, target: Target) => {
    const k = key(phrase);
    if (!k) return;
    const list = phrases.get(k) ?? [];
    if (!list.some((t) => JSON.stringify(t) === JSON.stringify(target))) list.push(target);
    phrases.set(k, list);
  };
  d.places.forEach(([, type, name], place) => {
    // A one-word name ("An", "Hoà") is too often part of a person's name: it counts with its type word only.
    if (tokensOf(name).length > 1) add(name, { kind: 'place', place, typed: false });
    add(`${d.placeTypes[type] ?? ''} ${name}`, { kind: 'place', place, typed: true });
  });
  d.campaigns.forEach(([, title, shortTitle, plan], campaign) => {
    for (const phrase of [title, shortTitle]) add(phrase, { kind: 'campaign', campaign });
    // A plan number is recognised whole ("177/KH-UBND"); a bare number is more often a decision's or a year.
    if (/\d/.test(plan) && tokensOf(plan).length > 1) add(plan, { kind: 'campaign', campaign });
  });
  d.awards.forEach(([label], award) => add(label, { kind: 'award', award }));
  d.fields.forEach(([, label], field) => {
    add(label, { kind: 'field', field });
    // "Cứu người, cứu tài sản" is also asked for as "cứu người".
    const first = label.split(',')[0]!;
    if (first !== label && tokensOf(first).length > 1) add(first, { kind: 'field', field });
  });
  for (const [year] of d.years) add(String(year), { kind: 'year', year });
  const lineage = (place: number) => {
    const chain: number[] = [];
    for (let p = place; p >= 0 && chain.length < 10; p = d.places[p]![3]) chain.push(p);
    return chain;
  };
  const qualifiers = d.places.map((_, place) => {
    const above = [...lineage(place).slice(1), ...d.places[place]![5].flatMap(lineage)];
    return new Set(above.flatMap((p) => [key(d.places[p]![2]), key(`${d.placeTypes[d.places[p]![1]] ?? ''} ${d.places[p]![2]}`)]));
  });
  let longest = 1;
  for (const k of phrases.keys()) longest = Math.max(longest, k.split(' ').length);
  const typeWords = [...new Set(Object.values(d.placeTypes).map(key))].filter(Boolean).sort((a, b) => b.length - a.length);
  index = { phrases, longest, qualifiers, typeWords };
  indexes.set(d, index);
  return index;
}

/** The words of a query, each with its folded tokens. */
function wordsOf(query: string) {
  return query
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ word, tokens: tokensOf(word) }));
}

/**
 * Places of one name, told apart: those that filter the same communes are one choice (the current unit stands for
 * the former one it continues), and a commune split among several is one choice per commune that holds a part.
 */
function placeChoices(d: SearchDictionary, targets: { place: number; typed: boolean }[]): Recognised[] {
  const byCommunes = new Map<string, { place: number; typed: boolean }>();
  for (const t of targets) {
    if (d.places[t.place]![4].length === 0) continue;
    const k = [...d.places[t.place]![4]].sort((a, b) => a - b).join(',');
    const kept = byCommunes.get(k);
    const isCurrent = (p: number) => d.places[p]![5].length === 1 && d.places[p]![5][0] === p;
    if (!kept || Number(t.typed) - Number(kept.typed) > 0 || (t.typed === kept.typed && isCurrent(t.place) && !isCurrent(kept.place))) byCommunes.set(k, t);
  }
  return [...byCommunes.values()].flatMap(({ place }) => {
    const [, type, , , communes] = d.places[place]!;
    if (communes.length > 1 && d.communeTypes.includes(type)) return communes.map((c) => ({ kind: 'place' as const, place, communes: [c] }));
    return [{ kind: 'place' as const, place, communes }];
  });
}

/** Recognises what the words typed name. `skip` lists filters chosen already: words that would set them stay text. */
/** The most common Vietnamese family names, folded: a query that starts with one is likely a person's name. */
const FAMILY_NAMES: ReadonlySet<string> = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao doan truong luong mai to cao luu kieu phung chu trieu ta lam vuong quach trinh tang lai mac khuc nghiem thach giap tong'.split(
    ' ',
  ),
);

// Long because it is one scan of the query's words, whose longest-match choices depend on what came before.
export function recognise(d: SearchDictionary, query: string, skip: readonly string[] = []): Recognition {
  const index = indexOf(d);
  const words = wordsOf(query);
  const tokens = words.flatMap((w, i) => w.tokens.map((token) => ({ token, word: i })));
  const used = new Set<number>();
  const chosen = new Set<number>();
  const recognised: Recognised[] = [];
  let candidates: Recognised[] = [];
  /** A place was named with its type word ("xã …"): then it is a place, whatever comes before it. */
  let typedPlace = false;
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let length = Math.min(index.longest, tokens.length - i); length > 0 && !matched; length--) {
      const targets = index.phrases.get(
        tokens
          .slice(i, i + length)
          .map((t) => t.token)
          .join(' '),
      );
      if (!targets) continue;
      const before = tokens[i - 1]?.token;
      // "UBND xã Cấn Hữu" names who signed a decision, not where its people live; "15/12/2021" is a day, not a year.
      // Those words stay text, the shorter names inside them too ("nam dong" of "UBND huyện Nam Đông").
      const issuer = before === 'ubnd' && targets.some((t) => t.kind === 'place');
      if (issuer || (targets.some((t) => t.kind === 'year') && words[tokens[i]!.word]!.tokens.length > 1)) {
        matched = length;
        continue;
      }
      let end = i + length;
      let choices: Recognised[];
      const places = targets.filter((t): t is Extract<Target, { kind: 'place' }> => t.kind === 'place');
      if (places.length > 0) {
        // Words after the name that name a unit above it narrow it: "sai son quoc oai", "xa tan viet hai duong".
        let narrowed = places;
        for (let more = true; more && end < tokens.length;) {
          more = false;
          for (let q = Math.min(6, tokens.length - end); q > 0 && !more; q--) {
            const phrase = tokens
              .slice(end, end + q)
              .map((t) => t.token)
              .join(' ');
            const fitting = narrowed.filter((t) => index.qualifiers[t.place]!.has(phrase));
            if (fitting.length > 0) {
              narrowed = fitting;
              end += q;
              more = true;
            }
          }
        }
        choices = placeChoices(d, narrowed);
      } else {
        choices = targets as Recognised[];
      }
      if (choices.length === 0 || choices.some((c) => skip.includes(filterName(c)))) continue;
      matched = end - i;
      // A type word just before a place's name belongs to it even when it is not the place's own type: people say
      // "xã Quỳnh Côi" of the town (thị trấn) of that name.
      let start = i;
      const phrase = tokens
        .slice(i, end)
        .map((t) => t.token)
        .join(' ');
      if (places.length > 0 && [...index.typeWords].some((typeWord) => phrase.startsWith(`${typeWord} `))) typedPlace = true;
      if (places.length > 0) {
        for (const typeWord of index.typeWords) {
          const n = typeWord.split(' ').length;
          const from = i - n;
          if (
            from >= 0 &&
            !used.has(from) &&
            !chosen.has(from) &&
            tokens
              .slice(from, i)
              .map((t) => t.token)
              .join(' ') === typeWord
          ) {
            start = from;
            typedPlace = true;
            break;
          }
        }
      }
      // Ambiguous words stay text until a choice is made.
      if (choices.length === 1) {
        recognised.push(choices[0]!);
        for (let t = start; t < end; t++) used.add(t);
      } else if (candidates.length === 0) {
        candidates = choices;
        for (let t = start; t < end; t++) chosen.add(t);
      }
    }
    i += Math.max(matched, 1);
  }
  // "Phạm Văn Hoà", "Đặng Thuỵ Hưng": a family name and then the name of a place or a field, with no type word, is a
  // person's full name far more often than a place; the words are searched as text.
  if (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    FAMILY_NAMES.has(tokens[0]!.token) &&
    !used.has(0) &&
    !chosen.has(0) &&
    !typedPlace &&
    tokens.every((_, k) => k === 0 || used.has(k) || chosen.has(k))
  ) {
    return {
      recognised: [],
      filters: {},
      leftover: words.map((w) => w.word).join(' '),
      candidates: [],
      leftoverAfterChoice: words.map((w) => w.word).join(' '),
    };
  }
  // A word is left over unless every part of it was recognised ("177/KH-UBND" is one word of three parts); a dash
  // or a comma alone is no word to search.
  const left = (taken: Set<number>) =>
    words
      .filter((_, n) => tokens.some((t, k) => t.word === n && !taken.has(k)))
      .map((w) => w.word)
      .join(' ');
  return { recognised, filters: filtersOf(d, recognised), leftover: left(used), candidates, leftoverAfterChoice: left(new Set([...used, ...chosen])) };
}

const FILTER_OF = { place: 'xa', campaign: 'phong-trao', award: 'khen-thuong', field: 'linh-vuc', year: 'nam' } as const;

export function filterName(r: Recognised): string {
  return FILTER_OF[r.kind];
}

/** The filter values of one recognised thing. */
export function filterValues(d: SearchDictionary, r: Recognised): string[] {
  switch (r.kind) {
    case 'place':
      return r.communes.map((c) => d.places[c]![0]);
    case 'campaign':
      return [d.campaigns[r.campaign]![0]];
    case 'award':
      return d.awards[r.award]![1];
    case 'field':
      return [d.fields[r.field]![0]];
    case 'year':
      return [String(r.year)];
  }
}

export function filtersOf(d: SearchDictionary, recognised: readonly Recognised[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const r of recognised) filters[filterName(r)] = [...new Set([...(filters[filterName(r)] ?? []), ...filterValues(d, r)])];
  return filters;
}

/** Words of the interface for describing what was recognised, from the site's dictionary (i18n/vi.ts). */
export interface RecognitionText {
  nowIn: string;
  /** "{n} điển hình". */
  exemplars: string;
  /** "Năm {y}". */
  year: string;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function placeLabel(d: SearchDictionary, place: number): string {
  const [, type, name] = d.places[place]!;
  return `${d.placeTypes[type] ?? ''} ${name}`.trim();
}

/** The page of the thing recognised, when it has one: ["dia-phuong", id] or ["phong-trao", id]. */
export function pageOf(d: SearchDictionary, r: Recognised): { section: 'dia-phuong' | 'phong-trao'; id: string; title: string; site: number } | undefined {
  if (r.kind === 'place')
    return { section: 'dia-phuong', id: d.places[r.place]![0], title: capitalise(lineageLabel(d, r.place)), site: d.sites?.places[r.place] ?? 0 };
  if (r.kind === 'campaign')
    return { section: 'phong-trao', id: d.campaigns[r.campaign]![0], title: d.campaigns[r.campaign]![1], site: d.sites?.campaigns[r.campaign] ?? 0 };
  return undefined;
}

function lineageLabel(d: SearchDictionary, place: number): string {
  const chain: string[] = [];
  for (let p = place; p >= 0 && chain.length < 10; p = d.places[p]![3]) chain.push(placeLabel(d, p));
  return chain.join(', ');
}

/**
 * What a chip says: "Xã Sài Sơn, huyện Quốc Oai · nay thuộc xã Quốc Oai · 12 điển hình". A place is named with the
 * unit above it; "nay thuộc" names the commune it filters by when that is not itself.
 */
export function describe(d: SearchDictionary, r: Recognised, text: RecognitionText): string {
  const count = (n: number) => text.exemplars.replace('{n}', new Intl.NumberFormat('vi-VN').format(n));
  switch (r.kind) {
    case 'place': {
      const [, , , parent, , now, n] = d.places[r.place]!;
      const label = capitalise([placeLabel(d, r.place), ...(parent >= 0 ? [placeLabel(d, parent)] : [])].join(', '));
      const heldBy = r.communes.length === 1 ? r.communes : now;
      const nowIn = heldBy.length > 0 && !heldBy.includes(r.place) ? [`${text.nowIn} ${heldBy.map((p) => placeLabel(d, p)).join(', ')}`] : [];
      return [label, ...nowIn, count(n)].join(' · ');
    }
    case 'campaign':
      return [d.campaigns[r.campaign]![2], count(d.campaigns[r.campaign]![4])].join(' · ');
    case 'award':
      return [d.awards[r.award]![0], count(d.awards[r.award]![2])].join(' · ');
    case 'field':
      return [d.fields[r.field]![1], count(d.fields[r.field]![2])].join(' · ');
    case 'year':
      return [text.year.replace('{y}', String(r.year)), count(d.years.find(([y]) => y === r.year)?.[1] ?? 0)].join(' · ');
  }
}

/**
 * One dictionary for several merged sites (`otherSites`), whose indexes are searched together: a place known to
 * several (the province of both) is one place, holding the communes and the exemplars of each.
 */
export function mergeDictionaries(dictionaries: readonly SearchDictionary[]): SearchDictionary {
  if (dictionaries.length === 1) return dictionaries[0]!;
  const position = new Map<string, number>();
  const places: DictionaryPlace[] = [];
  const placeSites: number[] = [];
  dictionaries.forEach((d, site) => {
    for (const [id, type, name] of d.places) {
      if (position.has(id)) continue;
      position.set(id, places.length);
      places.push([id, type, name, -1, [], [], 0]);
      placeSites.push(site);
    }
  });
  for (const d of dictionaries) {
    const at = (i: number) => position.get(d.places[i]![0])!;
    for (const [id, , , parent, communes, now, count] of d.places) {
      const merged = places[position.get(id)!]!;
      if (parent >= 0) merged[3] = at(parent);
      merged[4] = [...new Set([...merged[4], ...communes.map(at)])].sort((a, b) => a - b);
      merged[5] = [...new Set([...merged[5], ...now.map(at)])];
      merged[6] += count;
    }
  }
  const byLabel = <T extends [string, ...unknown[]]>(lists: T[][], merge: (a: T, b: T) => T) => {
    const merged = new Map<string, T>();
    for (const item of lists.flat()) merged.set(item[0], merged.has(item[0]) ? merge(merged.get(item[0])!, item) : item);
    return [...merged.values()];
  };
  const campaignSite = new Map<string, number>();
  dictionaries.forEach((d, site) => d.campaigns.forEach(([id]) => campaignSite.has(id) || campaignSite.set(id, site)));
  const campaigns = byLabel(
    dictionaries.map((d) => d.campaigns),
    (a, b) => [a[0], a[1], a[2], a[3], a[4] + b[4]],
  );
  return {
    sites: { places: placeSites, campaigns: campaigns.map(([id]) => campaignSite.get(id)!) },
    placeTypes: Object.assign({}, ...dictionaries.map((d) => d.placeTypes)),
    communeTypes: [...new Set(dictionaries.flatMap((d) => d.communeTypes))],
    places,
    campaigns,
    awards: byLabel(
      dictionaries.map((d) => d.awards),
      (a, b) => [a[0], [...new Set([...a[1], ...b[1]])], a[2] + b[2]],
    ),
    fields: byLabel(
      dictionaries.map((d) => d.fields),
      (a, b) => [a[0], a[1], a[2] + b[2]],
    ),
    years: byLabel(
      dictionaries.map((d) => d.years.map(([y, n]): [string, number] => [String(y), n])),
      (a, b) => [a[0], a[1] + b[1]],
    )
      .map(([y, n]): [number, number] => [Number(y), n])
      .sort((a, b) => a[0] - b[0]),
  };
}
