/**
 * The path of an entry from draft to the public site: bản nháp → chờ duyệt → đã duyệt, or trả lại with a comment;
 * đã rút for an entry or a consent taken back. Which step a person may take is decided here, on the server, from the
 * entry's state, the person's roles and who last edited the entry; the desk only shows the buttons this allows.
 */
import { isMap, type Document } from 'yaml';
import type { Role } from './accounts.ts';
import { rewriteFrontmatter } from './edit.ts';

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'withdraw-consent', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** A person at the desk: an account, or the one local user of a desk without accounts (every role). */
export interface Actor {
  username: string;
  name: string;
  roles: readonly Role[];
}

export interface Situation {
  status: string;
  /** An exemplar whose consent is on record and not yet withdrawn. */
  consentGiven: boolean;
  /** Who last changed the entry's text (not its state), if known. */
  lastEditor?: { username?: string; name: string };
  /** The settings let a person approve what they last edited (a centre of one person). */
  selfApproval: boolean;
}

const RULES: Record<WorkflowAction, { from: readonly string[]; roles: readonly Role[] }> = {
  submit: { from: ['ban-nhap', 'tra-lai'], roles: ['bien-tap-vien', 'lanh-dao'] },
  approve: { from: ['cho-duyet'], roles: ['lanh-dao'] },
  return: { from: ['cho-duyet'], roles: ['lanh-dao'] },
  withdraw: { from: ['cho-duyet', 'da-duyet'], roles: ['lanh-dao'] },
  'withdraw-consent': { from: ['ban-nhap', 'cho-duyet', 'tra-lai', 'da-duyet'], roles: ['lanh-dao'] },
  reopen: { from: ['da-rut'], roles: ['bien-tap-vien', 'lanh-dao'] },
};

export const samePerson = (actor: Actor, editor: { username?: string; name: string }) =>
  editor.username ? editor.username === actor.username : editor.name.normalize('NFC').trim() === actor.name.normalize('NFC').trim();

/** The actions that apply to the entry's state, in the order the desk shows them. */
export function actionsFor(situation: Situation): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => RULES[action].from.includes(situation.status) && (action !== 'withdraw-consent' || situation.consentGiven));
}

/** The person holds a role that may take this step (whatever the entry's state). */
export const roleAllows = (action: WorkflowAction, actor: Actor) => RULES[action].roles.some((role) => actor.roles.includes(role));

/** Why this person may not take this step now, in Vietnamese, or undefined if they may. */
export function refusal(situation: Situation, actor: Actor, action: WorkflowAction): string | undefined {
  const rule = RULES[action];
  if (!actionsFor(situation).includes(action))
    return 'Bài không ở trạng thái cho phép thao tác này (có thể người khác vừa thao tác). Tải lại trang để xem trạng thái mới.';
  if (!roleAllows(action, actor)) {
    return rule.roles.includes('bien-tap-vien') ? 'Tài khoản của bạn không có quyền này.' : 'Chỉ lãnh đạo mới được làm việc này.';
  }
  if (action === 'approve' && !situation.selfApproval && situation.lastEditor && samePerson(actor, situation.lastEditor)) {
    return 'Bạn là người sửa bài lần cuối nên không tự duyệt được: một lãnh đạo khác duyệt bài này. (Trung tâm chỉ có một người thì bật "Cho phép tự duyệt" trong cài đặt bàn biên tập.)';
  }
  return undefined;
}

/** What the person typed for a step: the approving document, consent, a comment or a reason. */
export interface ActionInput {
  comment?: string;
  approval?: { number?: string; title?: string; issuer?: string; date?: string };
  consent?: { date?: string; scope?: string; guardian?: { relation?: string; date?: string } };
  /** The date consent was withdrawn, when it is not today. */
  date?: string;
}

/** What must be typed before the step is taken; the schema's own rules are checked on the result afterwards. */
export function missingInput(action: WorkflowAction, input: ActionInput): { field: string; message: string }[] {
  const missing: { field: string; message: string }[] = [];
  if (action === 'return' && !input.comment?.trim()) missing.push({ field: 'comment', message: 'Ghi điều cần sửa để người viết biết (nhận xét khi trả lại).' });
  if ((action === 'withdraw' || action === 'withdraw-consent') && !input.comment?.trim())
    missing.push({ field: 'comment', message: 'Ghi lý do rút. Lý do chỉ lưu hồ sơ, không đăng.' });
  if (action === 'approve') {
    if (!input.approval?.number?.trim() && !input.approval?.title?.trim())
      missing.push({ field: 'approval.number', message: 'Ghi số, ký hiệu hoặc tên văn bản duyệt (biên bản, quyết định).' });
    if (!input.approval?.date) missing.push({ field: 'approval.date', message: 'Ghi ngày của văn bản duyệt (dd/mm/yyyy).' });
  }
  return missing;
}

const clean = (value: string | undefined) => value?.normalize('NFC').trim() || undefined;

function setGroup(doc: Document, path: string[], values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) if (value !== undefined) doc.setIn([...path, key], value);
}

/** The entry's text after the step, changed only in `publication` (and `consent` when approving or withdrawing it). */
export function applyAction(text: string, action: WorkflowAction, input: ActionInput, actor: Actor, today: string): string {
  return rewriteFrontmatter(text, (doc) => {
    if (!isMap(doc.getIn(['publication'], true))) doc.setIn(['publication'], doc.createNode({}));
    const status = (value: string) => doc.setIn(['publication', 'status'], value);
    switch (action) {
      case 'submit':
        status('cho-duyet');
        break;
      case 'reopen':
        status('ban-nhap');
        break;
      case 'return':
        status('tra-lai');
        doc.setIn(['publication', 'review'], doc.createNode({ by: actor.name, date: today, comment: clean(input.comment) }));
        break;
      case 'approve': {
        status('da-duyet');
        const approval = input.approval ?? {};
        doc.setIn(
          ['publication', 'approval'],
          doc.createNode(
            Object.fromEntries(
              Object.entries({ number: clean(approval.number), title: clean(approval.title), issuer: clean(approval.issuer), date: approval.date }).filter(
                ([, v]) => v !== undefined,
              ),
            ),
          ),
        );
        doc.setIn(['publication', 'approvedBy'], actor.name);
        doc.setIn(['publication', 'approvedOn'], today);
        doc.deleteIn(['publication', 'withdrawal']);
        const consent = input.consent;
        if (consent?.date || consent?.scope) setGroup(doc, ['consent'], { date: consent.date, scope: clean(consent.scope) });
        if (consent?.guardian?.relation || consent?.guardian?.date)
          setGroup(doc, ['consent', 'guardian'], { relation: clean(consent.guardian.relation), date: consent.guardian.date });
        break;
      }
      case 'withdraw':
      case 'withdraw-consent': {
        const date = action === 'withdraw-consent' ? (input.date ?? today) : today;
        status('da-rut');
        doc.setIn(['publication', 'withdrawal'], doc.createNode({ date, reason: clean(input.comment) }));
        if (action === 'withdraw-consent') doc.setIn(['consent', 'withdrawn'], date);
        break;
      }
    }
  });
}

/** The Vietnamese message of the version a step makes, as the entry's history shows it. */
export function actionMessage(action: WorkflowAction, what: string, name: string, comment?: string): string {
  const tail = comment?.trim() ? `: ${comment.trim().replace(/\s+/g, ' ')}` : '';
  switch (action) {
    case 'submit':
      return `Gửi duyệt ${what} ${name}`;
    case 'approve':
      return `Duyệt ${what} ${name}`;
    case 'return':
      return `Trả lại ${what} ${name}${tail}`;
    case 'withdraw':
      return `Rút ${what} ${name}${tail}`;
    case 'withdraw-consent':
      return `Ghi rút đồng ý công bố, rút ${what} ${name}${tail}`;
    case 'reopen':
      return `Mở lại ${what} ${name} thành bản nháp`;
  }
}
