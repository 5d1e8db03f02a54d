import { describe, expect, it } from 'vitest';
import { listFilters } from '../../src/lib/data/list-filters.ts';
import type { FigureTable } from '../../src/lib/figures/tables.ts';

const table = (id: FigureTable['id'], rows: FigureTable['rows']): FigureTable => ({ id, title: id, description: '', rows });

describe('filters of the list of exemplars', () => {
  const tables = [
    table('xa', [
      { key: 'xa-tay-phuong', label: 'xã Tây Phương, thành phố Hà Nội', href: '/dia-phuong/xa-tay-phuong/', count: 3 },
      { key: 'phuong-ayun-pa', label: 'phường Ayun Pa, tỉnh Gia Lai', href: '/dia-phuong/phuong-ayun-pa/', count: 4 },
      { key: 'xa-an', label: 'xã An, tỉnh Gia Lai', href: '/dia-phuong/xa-an/', count: 0 },
    ]),
    table('nam-khen', [
      { key: '2022', label: 'Năm 2022', href: '/nam/2022/', count: 5 },
      { key: '2024', label: 'Năm 2024', href: '/nam/2024/', count: 2 },
    ]),
    table('loai', [
      { key: 'mo-hinh', label: 'Mô hình', href: '/tim-kiem/?loai=mo-hinh', count: 4 },
      { key: 'ca-nhan', label: 'Cá nhân', href: '/tim-kiem/?loai=ca-nhan', count: 9 },
    ]),
    table('cap', [{ key: 'xa', label: 'Xã, phường', count: 3 }]),
  ];
  const filters = listFilters(tables, (kind) => `/dien-hinh/loai/${kind}/`);

  it('links each kind to its own page, not to the search that needs script, in the usual order', () => {
    expect(filters.kinds.map((k) => [k.label, k.href, k.count])).toEqual([
      ['Cá nhân', '/dien-hinh/loai/ca-nhan/', 9],
      ['Mô hình', '/dien-hinh/loai/mo-hinh/', 4],
    ]);
  });

  it('lists years newest first, linked to their pages', () => {
    expect(filters.years.map((y) => y.href)).toEqual(['/nam/2024/', '/nam/2022/']);
  });

  it('lists communes of today by name, capitalised, and leaves out a commune with nothing to show', () => {
    expect(filters.communes.map((c) => c.label)).toEqual(['Phường Ayun Pa, tỉnh Gia Lai', 'Xã Tây Phương, thành phố Hà Nội']);
  });
});
