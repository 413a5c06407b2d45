// The settings of send-document actions: a template is chosen, and, when the caller knows the
// instance's templates and employees, the chosen template and company signer exist.
import type { Diagnostic, SendDocumentNode } from '../../schemas/index.ts';
import { error, warning } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';
import { didYouMean, listForMessage } from './message-text.ts';

export interface KnownResources {
  templates?: readonly string[];
  employees?: readonly string[];
  /** Per template id, its placeholders that no document can fill (the runtime's upload warnings). */
  unknownPlaceholders?: Readonly<Record<string, readonly string[]>>;
  /** Per template id, the highest client number its signature marks use ({%sign client 2} → 2); absent: none. */
  clientMarks?: Readonly<Record<string, number>>;
}

function checkTemplate(subject: FlowUnderCheck, node: SendDocumentNode, known: KnownResources): Diagnostic[] {
  const templateId = node.data.templateId;
  const place = { nodeId: node.id, pointer: nodePointer(subject, node.id, '/data/templateId') };
  if (templateId.trim() === '') {
    const message = `"${node.id}" has no template; choose the template to render for the ${node.data.documentType}.`;
    return [error('ACTION_TEMPLATE_MISSING', message, place)];
  }
  if (!known.templates || known.templates.includes(templateId)) return [];
  const message =
    `Template "${templateId}" does not exist (templates: ${listForMessage(known.templates)}).` +
    `${didYouMean(templateId, known.templates)} Pick an existing template or upload this one first.`;
  return [error('TEMPLATE_UNKNOWN', message, place)];
}

// A template that prints empty placeholders still makes documents: a warning, not an error.
function checkPlaceholders(subject: FlowUnderCheck, node: SendDocumentNode, known: KnownResources): Diagnostic[] {
  const templateId = node.data.templateId;
  const unknown =
    known.unknownPlaceholders && Object.hasOwn(known.unknownPlaceholders, templateId)
      ? (known.unknownPlaceholders[templateId] ?? [])
      : [];
  if (unknown.length === 0) return [];
  const tags = listForMessage(unknown.map((placeholder) => `{${placeholder}}`));
  const message =
    `Template "${templateId}" has placeholder${unknown.length === 1 ? '' : 's'} no deal can fill (${tags}): ` +
    'they will print empty in every document. Fix the template (GET /templates/:id lists the closest known paths) and upload it again.';
  const place = { nodeId: node.id, pointer: nodePointer(subject, node.id, '/data/templateId') };
  return [warning('TEMPLATE_PLACEHOLDER_UNKNOWN', message, place)];
}

// Marks of client 2, 3… are signed only when the deal has that many contacts the rule's
// counterparties select; the engine cannot know a deal's contacts, so this is a warning: on a deal
// with fewer, those boxes stay empty (the signatures of the signers there are still collected).
function checkClientMarks(subject: FlowUnderCheck, node: SendDocumentNode, known: KnownResources): Diagnostic[] {
  const templateId = node.data.templateId;
  const highest =
    known.clientMarks && Object.hasOwn(known.clientMarks, templateId) ? (known.clientMarks[templateId] ?? 0) : 0;
  if (highest <= 1) return [];
  const counterparties = node.data.counterparties;
  const who = counterparties.kind === 'role' ? `contacts with the role "${counterparties.role}"` : 'contacts';
  const message =
    `Template "${templateId}" has signature marks up to client ${highest}, so it needs ${highest} client signers; ` +
    `"${node.id}" takes its counterparties from the deal's ${who}, and on a deal with fewer the marks of the missing ` +
    'clients stay unsigned. Use a template with fewer client marks for such deals, or make sure they have that many contacts.';
  const place = { nodeId: node.id, pointer: nodePointer(subject, node.id, '/data/counterparties') };
  return [warning('TEMPLATE_CLIENT_MARK_WITHOUT_COUNTERPARTY', message, place)];
}

function checkSigner(subject: FlowUnderCheck, node: SendDocumentNode, known: KnownResources): Diagnostic[] {
  const signer = node.data.companySigner;
  if (signer.kind !== 'employee' || !known.employees || known.employees.includes(signer.employeeId)) return [];
  const message =
    `Company signer "${signer.employeeId}" is not an employee who may sign for the company ` +
    `(employees: ${listForMessage(known.employees)}).${didYouMean(signer.employeeId, known.employees)} ` +
    "Pick one of them, or let the deal's responsible user sign.";
  const pointer = nodePointer(subject, node.id, '/data/companySigner/employeeId');
  return [error('EMPLOYEE_UNKNOWN', message, { nodeId: node.id, pointer })];
}

export function checkActions(subject: FlowUnderCheck, known: KnownResources = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of uniqueNodes(subject)) {
    if (node.type !== 'sendDocument') continue;
    diagnostics.push(
      ...checkTemplate(subject, node, known),
      ...checkPlaceholders(subject, node, known),
      ...checkClientMarks(subject, node, known),
      ...checkSigner(subject, node, known),
    );
  }
  return diagnostics;
}
