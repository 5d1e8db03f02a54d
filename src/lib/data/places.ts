/**
 * Place succession after the 2025 reform. A story keeps the place as it was named at the time; readers also need
 * to know where that is today. Only links an editor entered are followed: nothing is inferred from names.
 */
import type { IsoDate } from '../dates.ts';
import type { PlaceData } from '../../schemas/place.ts';
import { ui } from '../../i18n/vi.ts';

export type Place = PlaceData;

/** "xã Sài Sơn", "thị xã Ayun Pa", "thành phố Huế". */
export function placeLabel(place: Pick<Place, 'type' | 'name'>): string {
  return `${ui.placeTypes[place.type]} ${place.name}`;
}

/** What an exemplar or a campaign files under a place: its own place and, for a campaign, the places of its results. */
export interface FiledUnder {
  place: string;
  results?: { byPlace: { place: string }[] };
}

/** The place ids published entries are filed under. */
export function usedPlaceIds(entries: Iterable<FiledUnder>): Set<string> {
  const used = new Set<string>();
  for (const data of entries) {
    used.add(data.place);
    for (const r of data.results?.byPlace ?? []) used.add(r.place);
  }
  return used;
}

/**
 * The places that get a page, a sitemap entry and a search record: those published content is filed under, the
 * units above them and the units that took them over, with theirs. The other units of the register (some 13,000)
 * add nothing to the site. The pages (through the places loader) and the output check both use this one rule.
 */
export function placesInUse(lookup: (id: string) => Pick<Place, 'parent' | 'successors'> | undefined, used: Iterable<string>): Set<string> {
  const inUse = new Set<string>();
  const stack = [...used];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (inUse.has(id)) continue;
    const place = lookup(id);
    if (!place) continue;
    inUse.add(id);
    if (place.parent) stack.push(place.parent);
    for (const s of place.successors) stack.push(s.place);
  }
  return inUse;
}

export class PlaceIndex {
  readonly byId: ReadonlyMap<string, Place>;
  private readonly childrenOf = new Map<string, Place[]>();
  private readonly predecessorsOf = new Map<string, Place[]>();
  /** The day "today" is judged on, so that a build is reproducible and testable. */
  readonly today: IsoDate;

  // No parameter property: scripts run this file on Node, which only strips types.
  constructor(places: readonly Place[], today: IsoDate) {
    this.today = today;
    this.byId = new Map(places.map((p) => [p.id, p]));
    for (const place of places) {
      if (place.parent) this.childrenOf.set(place.parent, [...(this.childrenOf.get(place.parent) ?? []), place]);
      for (const successor of place.successors) {
        this.predecessorsOf.set(successor.place, [...(this.predecessorsOf.get(successor.place) ?? []), place]);
      }
    }
  }

  get(id: string): Place {
    const place = this.byId.get(id);
    if (!place) throw new Error(`Unknown place "${id}"`);
    return place;
  }

  /** Ended before today. */
  hasEnded(place: Place): boolean {
    return place.validTo !== undefined && place.validTo < this.today;
  }

  /** The unit itself, then its parent, up to the province, as they were. */
  lineage(id: string): Place[] {
    const chain: Place[] = [];
    for (let place: Place | undefined = this.get(id); place && chain.length < 10; place = place.parent ? this.byId.get(place.parent) : undefined) {
      chain.push(place);
    }
    return chain;
  }

  /** "xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội", as named at the time. */
  fullLabel(id: string): string {
    return this.lineage(id).map(placeLabel).join(', ');
  }

  /**
   * The units that cover this place today. A unit with successors is covered by them; one that ended without an
   * entered successor, or whose parent changed, is vouched for only up to the nearest current unit above it.
   */
  presentUnits(id: string, seen = new Set<string>()): Place[] {
    if (seen.has(id)) return [];
    seen.add(id);
    const place = this.get(id);
    if (place.successors.length > 0) {
      return dedupe(place.successors.flatMap((s) => this.presentUnits(s.place, seen)));
    }
    if (this.hasEnded(place)) return place.parent ? this.presentUnits(place.parent, seen) : [];
    if (place.parent) {
      const parentNow = this.presentUnits(place.parent, new Set(seen));
      const parentUnchanged = parentNow.length === 1 && parentNow[0].id === place.parent;
      if (!parentUnchanged) return parentNow;
    }
    return [place];
  }

  /**
   * "thành phố Hà Nội" for a place whose present unit differs from how it was named; undefined when nothing changed.
   * A unit split among several reads "xã A, thành phố Hà Nội hoặc xã B, thành phố Hà Nội" unless an entry of
   * content/places/ names the part that applies.
   */
  nowPartOf(id: string): string | undefined {
    const now = this.presentUnits(id);
    if (now.length === 1 && now[0].id === id) return undefined;
    // The units the old name already states are not named again: "xã Sài Sơn, huyện Quốc Oai, thành phố Hà Nội (nay
    // thuộc xã Quốc Oai)", and nothing at all when all that is known today is a unit the old name states.
    const named = new Set(this.lineage(id).map((p) => p.id));
    const labels = now.filter((p) => !named.has(p.id)).map((p) => this.labelUpTo(p.id, named));
    if (labels.length === 0) return undefined;
    return labels.join(` ${ui.places.or} `);
  }

  /** The unit and those above it, up to the first one already named. */
  private labelUpTo(id: string, named: ReadonlySet<string>): string {
    const chain: Place[] = [];
    for (const place of this.lineage(id)) {
      if (named.has(place.id)) break;
      chain.push(place);
    }
    return chain.map(placeLabel).join(', ');
  }

  /** A unit that no longer exists and of which nothing newer can be named than what its name states already. */
  isFormerOnly(id: string): boolean {
    return this.hasEnded(this.get(id)) && this.nowPartOf(id) === undefined;
  }

  children(id: string): Place[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** Units this one took over, directly or through a chain ("thành phố Huế" ← "tỉnh Thừa Thiên Huế"). */
  predecessors(id: string): Place[] {
    const result: Place[] = [];
    const visit = (current: string) => {
      for (const before of this.predecessorsOf.get(current) ?? []) {
        if (result.includes(before)) continue;
        result.push(before);
        visit(before.id);
      }
    };
    visit(id);
    return result;
  }

  /**
   * Every place id whose stories belong on this place's page: itself, its sub-units, and the units it took over
   * with their sub-units, so that "Hưng Yên" also lists the exemplars filed under "Thái Bình".
   */
  coveredIds(id: string): Set<string> {
    const covered = new Set<string>();
    const visit = (current: string) => {
      if (covered.has(current)) return;
      covered.add(current);
      for (const child of this.children(current)) visit(child.id);
      for (const before of this.predecessorsOf.get(current) ?? []) visit(before.id);
    };
    visit(id);
    return covered;
  }

  /** Top-level units (no parent), for the places tree. */
  roots(): Place[] {
    return [...this.byId.values()].filter((p) => !p.parent);
  }

  /** Names a place is or was known by, for search: its own, its ancestors' and its predecessors'. */
  searchNames(id: string): string[] {
    const names = new Set<string>();
    for (const place of this.lineage(id)) names.add(placeLabel(place));
    for (const unit of this.presentUnits(id)) for (const place of this.lineage(unit.id)) names.add(placeLabel(place));
    for (const place of this.predecessors(id)) names.add(placeLabel(place));
    return [...names];
  }
}

function dedupe(places: Place[]): Place[] {
  return [...new Map(places.map((p) => [p.id, p])).values()];
}
