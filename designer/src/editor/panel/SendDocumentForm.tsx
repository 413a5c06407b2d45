// "Send document for signing": document type, its template (filtered by type, with placeholders),
// priority, company signer (responsible user or an employee), counterparties, order, link expiry.
import { useEffect } from 'react';
import type { SendDocumentNode, SendDocumentSettings } from '../../../../schemas/types.generated.ts';
import { useSession } from '../../api/session.ts';
import { contactRoles } from '../../graph/contact-roles.ts';
import { useT } from '../../i18n/i18n.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import { useRuntimeData } from '../runtime-data.ts';
import { Field } from './Field.tsx';
import { TextInput } from './TextInput.tsx';
import { useNodeUpdate } from './use-node-update.ts';

const signingOrders: SendDocumentSettings['signingOrder'][] = ['companyFirst', 'clientsFirst', 'parallel'];

export function SendDocumentForm({ node }: { node: SendDocumentNode }) {
  const t = useT();
  const update = useNodeUpdate(node);
  const templates = useRuntimeData((state) => state.templates);
  const employees = useRuntimeData((state) => state.employees);
  const flow = useFlowStore((state) => state.flow);
  const recent = useRuntimeData((state) => state.recentEvents);
  // Lists the role may not read were never asked: their pickers are disabled and say why.
  const withheld = useRuntimeData((state) => state.withheld);
  const { role } = useSession();
  const pipelineId = flow?.pipeline.id;
  useEffect(() => {
    if (pipelineId) void useRuntimeData.getState().loadRecentEvents(pipelineId, role);
  }, [pipelineId, role]);
  const roles = flow ? contactRoles(flow, recent && recent.pipelineId === pipelineId ? recent.events : []) : [];
  const data = node.data;
  const set = (patch: Partial<SendDocumentSettings>, field: string) => update({ ...data, ...patch }, field);
  const documentTypes = [...new Set((templates ?? []).map((template) => template.documentType))].sort();
  const ofType = (templates ?? []).filter((template) => template.documentType === data.documentType);
  const chosen = templates?.find((template) => template.id === data.templateId);
  const marks = (chosen as { marks?: string[] } | undefined)?.marks;
  return (
    <>
      <Field label={t('send.documentType')} hint={t('send.oneType')}>
        {(id) => (
          <>
            <TextInput
              id={id}
              list={`${id}-types`}
              value={data.documentType}
              onValue={(documentType) => set({ documentType, templateId: '' }, 'documentType')}
            />
            <datalist id={`${id}-types`}>
              {documentTypes.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field
        label={t('send.template')}
        hint={
          withheld.templates
            ? t('screens.editor.templatesWithheld', { role: role ?? '' })
            : templates === null
              ? t('send.templatesUnavailable')
              : undefined
        }
      >
        {(id) => (
          <select
            id={id}
            disabled={withheld.templates}
            value={data.templateId}
            onChange={(event) => set({ templateId: event.target.value }, 'templateId')}
          >
            <option value="">{t('send.chooseTemplate')}</option>
            {data.templateId && !ofType.some((template) => template.id === data.templateId) && (
              <option value={data.templateId}>
                {withheld.templates ? data.templateId : t('send.unknownTemplate', { id: data.templateId })}
              </option>
            )}
            {ofType.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} ({template.fileName})
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen && (
        <div className="template-facts">
          <p>
            <strong>{t('send.placeholders')}</strong>{' '}
            {chosen.placeholders.length > 0 ? chosen.placeholders.join(', ') : t('send.none')}
          </p>
          <p>
            <strong>{t('send.marks')}</strong> {marks && marks.length > 0 ? marks.join(', ') : t('send.none')}
          </p>
        </div>
      )}
      <Field label={t('send.priority')} hint={t('send.priorityHint')}>
        {(id) => (
          <TextInput
            id={id}
            type="number"
            min={1}
            max={1000}
            value={data.priority === undefined ? '' : String(data.priority)}
            onValue={(text) => {
              const { priority: _old, ...rest } = data;
              update(text.trim() === '' ? rest : { ...rest, priority: Number(text) }, 'priority');
            }}
          />
        )}
      </Field>
      <Field
        label={t('send.companySigner')}
        hint={withheld.employees ? t('screens.editor.employeesWithheld', { role: role ?? '' }) : undefined}
      >
        {(id) => (
          <select
            id={id}
            disabled={withheld.employees}
            value={
              data.companySigner.kind === 'employee' ? `employee:${data.companySigner.employeeId}` : 'responsibleUser'
            }
            onChange={(event) => {
              const value = event.target.value;
              set(
                {
                  companySigner: value.startsWith('employee:')
                    ? { kind: 'employee', employeeId: value.slice('employee:'.length) }
                    : { kind: 'responsibleUser' },
                },
                'companySigner',
              );
            }}
          >
            <option value="responsibleUser">{t('send.responsibleUser')}</option>
            {data.companySigner.kind === 'employee' &&
              !employees?.some(
                (employee) => data.companySigner.kind === 'employee' && employee.id === data.companySigner.employeeId,
              ) && (
                <option value={`employee:${data.companySigner.employeeId}`}>
                  {withheld.employees
                    ? data.companySigner.employeeId
                    : t('send.unknownEmployee', { id: data.companySigner.employeeId })}
                </option>
              )}
            {(employees ?? []).map((employee) => (
              <option key={employee.id} value={`employee:${employee.id}`}>
                {employee.name}, {employee.role} ({employee.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('send.counterparties')}>
        {(id) => (
          <select
            id={id}
            value={data.counterparties.kind}
            onChange={(event) =>
              set(
                {
                  counterparties:
                    event.target.value === 'role' ? { kind: 'role', role: 'director' } : { kind: 'allContacts' },
                },
                'counterparties',
              )
            }
          >
            <option value="allContacts">{t('send.allContacts')}</option>
            <option value="role">{t('send.contactsWithRole')}</option>
          </select>
        )}
      </Field>
      {data.counterparties.kind === 'role' && (
        <Field label={t('send.contactRole')}>
          {(id) => (
            <>
              <TextInput
                id={id}
                list={`${id}-roles`}
                value={data.counterparties.kind === 'role' ? data.counterparties.role : ''}
                onValue={(role) => set({ counterparties: { kind: 'role', role } }, 'contactRole')}
              />
              <datalist id={`${id}-roles`}>
                {roles.map((role) => (
                  <option key={role} value={role} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      )}
      <Field label={t('send.signingOrder')}>
        {(id) => (
          <select
            id={id}
            value={data.signingOrder}
            onChange={(event) =>
              set({ signingOrder: event.target.value as SendDocumentSettings['signingOrder'] }, 'signingOrder')
            }
          >
            {signingOrders.map((order) => (
              <option key={order} value={order}>
                {t(`send.order.${order}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('send.linkExpiry')}>
        {(id) => (
          <TextInput
            id={id}
            type="number"
            min={1}
            max={365}
            value={String(data.linkExpiryDays)}
            onValue={(text) => set({ linkExpiryDays: Number(text) }, 'linkExpiryDays')}
          />
        )}
      </Field>
    </>
  );
}
