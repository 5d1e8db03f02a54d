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

/** "số 177/KH-UBND", or for a copy without number "không ghi số, ký hiệu …/KH-UBND". */
export function numberPhrase(number: string): string {
  return isUnnumbered(number) ? ui.documents.unnumbered(number) : `${ui.documents.number} ${number}`;
}

export interface CitedDocument {
  number?: string;
  title?: string;
  issuer?: string;
  date?: string;
  signer?: Signer;
}

/**
 * What follows a document's title in a citation: ", số 177/KH-UBND ngày 31/12/2020 của UBND huyện Nam Đông; người
 * ký: …", with only the parts known (no "số" without a number, no "của" without an issuer, a month or a year where
 * the document gives no day), and no space before its punctuation.
 */
export function citationAfterTitle(doc: CitedDocument): string {
  return [
    doc.number && `${doc.title ? ', ' : ''}${numberPhrase(doc.number)}`,
    doc.date && `${doc.title || doc.number ? ' ' : ''}${formatDateCited(doc.date)}`,
    doc.issuer && ` ${ui.documents.of} ${doc.issuer}`,
    doc.signer && `; ${ui.documents.signedBy}: ${signerLabel(doc.signer)}`,
  ]
    .filter(Boolean)
    .join('');
}
