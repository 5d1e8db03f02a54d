/**
 * The bad-input corpus: mistakes editors make, one per case, each added next to the good base content of
 * content-fixture.ts. Every case names the file and the field the check must report and a piece of the Vietnamese
 * explanation it must give.
 */
import sharp from 'sharp';
import { baseFiles, exemplar } from './content-fixture.ts';

export interface BadInput {
  title: string;
  /** Files written next to (or over) the base content. */
  files: Record<string, string | Buffer>;
  /** The file the report must name. */
  file: string;
  /** The field it must name, as "[field]"; ":" (a line number) for YAML syntax; "" where the file itself is wrong. */
  field: string;
  /** A piece of the explanation. */
  says: RegExp;
}

const story = (name: string) => `content/exemplars/${name}.mdx`;
/** A valid exemplar with one frontmatter line replaced (or added when `from` is absent). */
const edited = (from: string | RegExp, to: string, extra = '') => {
  const text = exemplar({ name: 'Trần Thị Bình', extra });
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`bad-input corpus: "${from}" not found`);
  return changed;
};
const withBody = (body: string, extra = '') => exemplar({ name: 'Trần Thị Bình', body, extra });
const photo = (src: string, alt = 'Chị Bình bên lớp học') => `photos:\n  - src: ${src}\n    alt: ${alt}\n    credit: Ảnh minh hoạ\n`;

export async function badInputs(): Promise<BadInput[]> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a6' } })
    .jpeg()
    .toBuffer();
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
  return [
    {
      title: 'YAML syntax: a quote left open',
      files: { [story('yaml')]: edited('citation: Giúp người nghèo.', 'citation: "Giúp người nghèo.') },
      file: story('yaml'),
      field: ':',
      says: /YAML|dấu nháy/,
    },
    {
      title: 'YAML syntax: indented with a tab',
      files: { [story('thut-dong')]: edited('fields: [tu-thien]', 'fields:\n\t- tu-thien') },
      file: story('thut-dong'),
      field: ':',
      says: /thụt lề bằng phím Tab/,
    },
    {
      title: 'required field missing',
      files: { [story('thieu-trich-dan')]: edited('citation: Giúp người nghèo.\n', '') },
      file: story('thieu-trich-dan'),
      field: '[citation]',
      says: /Thiếu/,
    },
    {
      title: 'unknown field (a typo)',
      files: { [story('truong-la')]: edited('citation:', 'citaton: Giúp.\ncitation:') },
      file: story('truong-la'),
      field: '[citaton]',
      says: /không có trong mẫu/,
    },
    {
      title: 'a list written as text',
      files: { [story('sai-kieu')]: edited('fields: [tu-thien]', 'fields: tu-thien') },
      file: story('sai-kieu'),
      field: '[fields]',
      says: /danh sách/,
    },
    {
      title: 'kind not in the list',
      files: { [story('sai-loai')]: edited('kind: ca-nhan', 'kind: ca-nhan-xuat-sac') },
      file: story('sai-loai'),
      field: '[kind]',
      says: /ca-nhan, tap-the/,
    },
    {
      title: 'field not in the controlled list',
      files: { [story('sai-linh-vuc')]: edited('fields: [tu-thien]', 'fields: [lam-tu-thien]') },
      file: story('sai-linh-vuc'),
      field: '[fields[0]]',
      says: /Lĩnh vực/,
    },
    {
      title: 'ambiguous date',
      files: { [story('ngay-mo-ho')]: edited('published: 2024-05-10', 'published: 05-10-2024') },
      file: story('ngay-mo-ho'),
      field: '[published]',
      says: /ngày/i,
    },
    {
      title: 'impossible date',
      files: { [story('ngay-khong-co')]: edited('published: 2024-05-10', 'published: 31/02/2024') },
      file: story('ngay-khong-co'),
      field: '[published]',
      says: /không có/,
    },
    {
      title: 'updated before published',
      files: { [story('cap-nhat-truoc')]: edited('published: 2024-05-10', 'published: 2024-05-10\nupdated: 2024-01-01') },
      file: story('cap-nhat-truoc'),
      field: '[updated]',
      says: /đứng trước/,
    },
    {
      title: 'unquoted number where text is expected',
      files: { [story('so-khong-nhay')]: edited('citation: Giúp người nghèo.', 'citation: Giúp người nghèo.\nrole: 1975') },
      file: story('so-khong-nhay'),
      field: '[role]',
      says: /nháy/,
    },
    {
      title: 'true/false written in Vietnamese',
      files: { [story('dung-sai')]: edited('citation:', 'featured: có\ncitation:') },
      file: story('dung-sai'),
      field: '[featured]',
      says: /true hoặc false/,
    },
    {
      title: 'place that does not exist',
      files: { [story('noi-sai')]: edited('place: xa-dong', 'place: xa-bac') },
      file: story('noi-sai'),
      field: '[place]',
      says: /xa-bac/,
    },
    {
      title: 'campaign that does not exist',
      files: { [story('phong-trao-sai')]: edited('campaigns: [phong-trao-a]', 'campaigns: [phong-trao-b]') },
      file: story('phong-trao-sai'),
      field: '[campaigns[0]]',
      says: /phong-trao-b/,
    },
    {
      title: 'award that does not exist',
      files: { [story('khen-sai')]: edited('award: giay-khen,', 'award: bang-khen-tinh,') },
      file: story('khen-sai'),
      field: '[awards[0].award]',
      says: /bang-khen-tinh/,
    },
    {
      title: 'award decision without its date',
      files: { [story('quyet-dinh-thieu-ngay')]: edited(', date: 2024-05-01 }', ' }') },
      file: story('quyet-dinh-thieu-ngay'),
      field: '[awards[0].date]',
      says: /Thiếu/,
    },
    {
      title: 'two files with the same id once folded',
      files: { 'content/exemplars/Nguyễn Văn An.mdx': exemplar({}) },
      file: 'content/exemplars/Nguyễn Văn An.mdx',
      field: '',
      says: /Trùng mã "nguyen-van-an".*Nguyễn Văn An\.mdx và content\/exemplars\/nguyen-van-an\.mdx/,
    },
    {
      title: 'zero-width character in a name',
      files: { [story('ky-tu-an')]: exemplar({ name: 'Trần\u200BThị Bình' }) },
      file: story('ky-tu-an'),
      field: '[name]',
      says: /ký tự ẩn|vô hình/,
    },
    {
      title: 'right-to-left override hiding text in a name',
      files: { [story('dao-chieu')]: exemplar({ name: 'Trần Thị Bình \u202Egnàb' }) },
      file: story('dao-chieu'),
      field: '[name]',
      says: /U\+202E/,
    },
    {
      title: 'control character in the citation',
      files: { [story('ky-tu-dieu-khien')]: edited('citation: Giúp người nghèo.', 'citation: "Giúp người\\u0007 nghèo."') },
      file: story('ky-tu-dieu-khien'),
      field: '[citation]',
      says: /ký tự/,
    },
    {
      title: 'citation too long',
      files: { [story('trich-dan-dai')]: edited('citation: Giúp người nghèo.', `citation: ${'Giúp người nghèo trong thôn. '.repeat(14)}`) },
      file: story('trich-dan-dai'),
      field: '[citation]',
      says: /320/,
    },
    {
      title: 'approved without the approving decision',
      files: {
        [story('thieu-duyet')]: edited(
          'publication: { status: da-duyet, approval: { number: 2/BB-TT, date: 2024-05-08 } }',
          'publication: { status: da-duyet }',
        ),
      },
      file: story('thieu-duyet'),
      field: '[publication.approval]',
      says: /căn cứ duyệt/,
    },
    {
      title: 'an individual without consent',
      files: { [story('thieu-dong-y')]: edited('consent: { date: 2024-05-02, scope: Họ tên và câu chuyện }\n', '') },
      file: story('thieu-dong-y'),
      field: '[consent]',
      says: /đồng ý/,
    },
    {
      title: 'a minor without the guardian’s consent',
      files: { [story('tre-em')]: edited('citation:', 'minor: true\ncitation:') },
      file: story('tre-em'),
      field: '[consent.guardian]',
      says: /giám hộ/,
    },
    {
      title: 'phone number in the citation',
      files: { [story('so-dien-thoai')]: edited('citation: Giúp người nghèo.', 'citation: Giúp người nghèo, liên hệ 0912 345 678.') },
      file: story('so-dien-thoai'),
      field: '[citation]',
      says: /số điện thoại/,
    },
    {
      title: 'citizen ID number in the story',
      files: { [story('cccd')]: withBody('Anh mang căn cước số 001203004567 đến nhận.\n') },
      file: story('cccd'),
      field: '[nội dung bài]',
      says: /căn cước/,
    },
    {
      title: 'e-mail address in the role',
      files: { [story('thu-dien-tu')]: edited('citation:', 'role: Liên hệ binh.tran@example.com\ncitation:') },
      file: story('thu-dien-tu'),
      field: '[role]',
      says: /thư điện tử/,
    },
    {
      title: 'MDX import',
      files: { [story('mdx-import')]: withBody("import X from './x.js';\n\nCâu chuyện.\n") },
      file: story('mdx-import'),
      field: '[nội dung bài]',
      says: /import/,
    },
    {
      title: 'MDX export',
      files: { [story('mdx-export')]: withBody('export const a = 1;\n\nCâu chuyện.\n') },
      file: story('mdx-export'),
      field: '[nội dung bài]',
      says: /export/,
    },
    {
      title: 'JavaScript expression',
      files: { [story('mdx-bieu-thuc')]: withBody('Tổng cộng {1 + 1} suất cơm.\n') },
      file: story('mdx-bieu-thuc'),
      field: '[nội dung bài]',
      says: /\{/,
    },
    {
      title: 'raw <script>',
      files: { [story('mdx-script')]: withBody('<script>alert(1)</script>\n') },
      file: story('mdx-script'),
      field: '[nội dung bài]',
      says: /script/,
    },
    {
      title: '<iframe> of a video site',
      files: { [story('mdx-iframe')]: withBody('<iframe src="https://video.example/x"></iframe>\n') },
      file: story('mdx-iframe'),
      field: '[nội dung bài]',
      says: /iframe/,
    },
    {
      title: 'unknown component',
      files: { [story('mdx-the-la')]: withBody('<Gallery photos="1,2" />\n') },
      file: story('mdx-the-la'),
      field: '[nội dung bài]',
      says: /Gallery/,
    },
    {
      title: 'Markdown image instead of a declared photo',
      files: { [story('mdx-anh')]: withBody('![](anh/x.jpg)\n') },
      file: story('mdx-anh'),
      field: '[nội dung bài]',
      says: /Figure/,
    },
    {
      title: 'javascript: link',
      files: { [story('mdx-lien-ket')]: withBody('[Xem](javascript:alert(1))\n') },
      file: story('mdx-lien-ket'),
      field: '[nội dung bài]',
      says: /javascript/,
    },
    {
      title: 'Figure of a photo that is not declared',
      files: { [story('mdx-figure')]: withBody('<Figure photo="2" />\n', photo('./anh/binh.jpg')), 'content/exemplars/anh/binh.jpg': jpeg },
      file: story('mdx-figure'),
      field: '[nội dung bài]',
      says: /từ 1 đến 1/,
    },
    {
      title: 'photo file missing',
      files: { [story('anh-thieu')]: exemplar({ name: 'Trần Thị Bình', extra: photo('./anh/khong-co.jpg') }) },
      file: story('anh-thieu'),
      field: '[photos[0].src]',
      says: /Không tìm thấy tệp ảnh/,
    },
    {
      title: 'photo without alt text',
      files: { [story('anh-thieu-mo-ta')]: exemplar({ name: 'Trần Thị Bình', extra: photo('./anh/binh.jpg', '""') }), 'content/exemplars/anh/binh.jpg': jpeg },
      file: story('anh-thieu-mo-ta'),
      field: '[photos[0].alt]',
      says: /mô tả \(alt\)/,
    },
    {
      title: 'HEIC photo from a phone',
      files: { [story('anh-heic')]: exemplar({ name: 'Trần Thị Bình', extra: photo('./anh/binh.heic') }), 'content/exemplars/anh/binh.heic': heic },
      file: story('anh-heic'),
      field: '[photos[0].src]',
      says: /JPEG/,
    },
    {
      title: 'HEIC photo named .jpg',
      files: {
        [story('anh-heic-doi-ten')]: exemplar({ name: 'Trần Thị Bình', extra: photo('./anh/binh-heic.jpg') }),
        'content/exemplars/anh/binh-heic.jpg': heic,
      },
      file: story('anh-heic-doi-ten'),
      field: '[photos[0].src]',
      says: /HEIC/,
    },
    {
      title: 'photo cut short while copying',
      files: {
        [story('anh-cut')]: exemplar({ name: 'Trần Thị Bình', extra: photo('./anh/binh-cut.jpg') }),
        'content/exemplars/anh/binh-cut.jpg': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      },
      file: story('anh-cut'),
      field: '[photos[0].src]',
      says: /hỏng|không đọc được|thiếu/,
    },
    {
      title: 'campaign that ends before it starts',
      files: { 'content/campaigns/phong-trao-b.mdx': baseFiles['content/campaigns/phong-trao-a.mdx']!.replace('end: 2024-12-31', 'end: 2023-12-31') },
      file: 'content/campaigns/phong-trao-b.mdx',
      field: '[period.end]',
      says: /trước/,
    },
    {
      title: 'place with a parent that does not exist',
      files: { 'content/places/them.yaml': '- id: xa-tay\n  name: Tây\n  type: xa\n  parent: huyen-khong-co\n' },
      file: 'content/places/them.yaml',
      field: '[parent]',
      says: /huyen-khong-co/,
    },
    {
      title: 'settings with an address that is not a web address',
      files: { 'content/settings.yaml': baseFiles['content/settings.yaml']!.replace('url: https://example.vn/', 'url: example.vn') },
      file: 'content/settings.yaml',
      field: '[url]',
      says: /địa chỉ đầy đủ/,
    },
  ];
}
