/**
 * One decision, one spelling. A decision is identified by issuer, number and date, and each has a public page that
 * lists everyone it honoured; when two entries cite the same decision with the issuer or the number written
 * differently ("Chủ tịch UBND huyện Quốc Oai" and "Chủ tịch Ủy ban nhân dân huyện Quốc Oai"), the page still lists
 * both, but readers and the radio would see two names for one signer. Every citation that differs from the first
 * one met (in file order) is reported at its line, so the editor writes one spelling everywhere.
 */
import { decisionKey } from '../data/decisions.ts';
import { formatDateShort } from '../format.ts';
import type { ContentModel } from './model.ts';
import { formatField, type Problem } from './source.ts';

export function checkDecisionSpellings(model: Pick<ContentModel, 'exemplars'>): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, { issuer: string; decision: string; file: string }>();
  const files = [...model.exemplars].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const exemplar of files) {
    exemplar.data.awards.forEach((award, i) => {
      const key = decisionKey(award);
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { issuer: award.issuer, decision: award.decision, file: exemplar.file });
        return;
      }
      const field = seen.issuer !== award.issuer ? 'issuer' : seen.decision !== award.decision ? 'decision' : undefined;
      if (!field) return;
      const written = field === 'issuer' ? award.issuer : award.decision;
      const expected = field === 'issuer' ? seen.issuer : seen.decision;
      problems.push({
        file: exemplar.file,
        line: exemplar.source.lineOf(['awards', i, field]),
        field: formatField(['awards', i, field]),
        message:
          `Quyết định ${seen.decision} ngày ${formatDateShort(award.date)} đã được ghi trong ${seen.file} là "${expected}", ở đây là "${written}". ` +
          `Đây là cùng một quyết định: ghi giống hệt nhau ở mọi bài (chép "${expected}"), để trang quyết định và đài truyền thanh gọi đúng một tên.`,
      });
    });
  }
  return problems;
}
