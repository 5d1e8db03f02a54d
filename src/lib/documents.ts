/** How a cited document's number and signer are written out on pages, from the parts an entry records. */
import { formatDateCited } from './format.ts';
import { ui } from '../i18n/vi.ts';

export interface Signer {
  name: string;
  role: string;
  authority: readonly string[];
}

/**
 * "Phó Chủ tịch Hoàng Nguyên Ứng (ký thay Chủ tịch, thay mặt Ủy ban nhân dân)": the person in their public role,
 * then the lines of the signature block read from the signer upwards, their abbreviations written out, so a
 * reader never meets a bare "KT." or "TM.".
 */
export function signerLabel(signer: Signer): string {
  const authority = [...signer.authority].reverse().map((line) => {
    const [abbreviation, ...rest] = line.split(/\s+/);
    const words = ui.documents.authorities[abbreviation as keyof typeof ui.documents.authorities];
    return words ? `${words} ${rest.join(' ')}` : line;
  });
  return `${signer.role} ${signer.name}${authority.length > 0 ? ` (${authority.join(', ')})` : ''}`;
}

/** A copy that prints only the symbol ("Số: /KH-UBND") has no number to cite: "số /KH-UBND" would mislead. */
export function isUnnumbered(number: string): boolean {
  return number.startsWith('/');
}

export interface CitedDocument {
  number?: string;
  title?: string;
  issuer?: string;
  date?: string;
  signer?: Signer;
}

/**
 * The kind a document's symbol gives it ("177/KH-UBND" is a plan, "34-CT/TW" a directive), for a citation whose entry
 * records no title. The symbol's code is the one the rules on administrative documents assign to each kind.
 */
function kindOfSymbol(number: string): string | undefined {
  const code = /(?:^|[/-])([A-ZĐ][A-ZĐa-z]{1,2})(?=[/-]|$)/u.exec(number.replace(/^[^/-]*/, ''))?.[1];
  return code ? (ui.documents.kindsBySymbol as Record<string, string>)[code] : undefined;
}

/**
 * A title split into the document's kind and what it is about: "Kế hoạch về việc …" → "Kế hoạch", "về việc …". A
 * named document ("Luật Thi đua, khen thưởng") keeps its name whole, as the number follows the name.
 */
function splitTitle(title: string): { kind: string; subject: string } | undefined {
  const kind = ui.documents.kinds.find((k) => title === k || title.startsWith(`${k} `));
  if (!kind) return undefined;
  const subject = title.slice(kind.length).trim();
  if (/^\p{Lu}/u.test(subject)) return undefined;
  return { kind, subject };
}

/**
 * A document cited in the standard form: "Kế hoạch số 177/KH-UBND ngày 31/12/2020 của UBND huyện Nam Đông về …",
 * with only the parts known. A copy without number is cited by its date and issuer (no empty "số"), a month or a
 * year stands where the document gives no day, and a title that names its issuer again ("Chỉ thị của Bộ Chính trị
 * về …") does not name it twice. The signer, where recorded, follows: "; người ký: Chủ tịch …".
 */
export function citeDocument(doc: CitedDocument): string {
  const title = doc.title?.trim().replace(/[.;,]$/, '');
  const split = title ? splitTitle(title) : undefined;
  const head = split?.kind ?? title ?? (doc.number && kindOfSymbol(doc.number)) ?? ui.documents.document;
  let subject = split?.subject ?? '';
  const issuerInTitle = doc.issuer && subject.startsWith(`${ui.documents.of} ${doc.issuer}`);
  if (issuerInTitle) subject = subject.slice(`${ui.documents.of} ${doc.issuer!}`.length).trim();
  return [
    head,
    doc.number && !isUnnumbered(doc.number) && `${ui.documents.number} ${doc.number}`,
    doc.date && formatDateCited(doc.date),
    doc.issuer && `${ui.documents.of} ${doc.issuer}`,
    subject,
  ]
    .filter(Boolean)
    .join(' ')
    .concat(doc.signer ? `; ${ui.documents.signedBy}: ${signerLabel(doc.signer)}` : '');
}

/** An award's decision: "Quyết định số 1520/QĐ-UBND ngày 20/09/2022 của Chủ tịch UBND huyện Quốc Oai". */
export function citeDecision(grant: { decision: string; date: string; issuer?: string }): string {
  return citeDocument({ title: ui.documents.decision, number: grant.decision, date: grant.date, issuer: grant.issuer });
}
