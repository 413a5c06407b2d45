// The sample deal's inputs, generated from the form spec (deal-event schema + pipeline fields).
// Every input has a label; a problem is shown as text under its input and named by aria-describedby.
import type { ReactElement } from 'react';
import type { Pipeline } from '../../../../schemas/index.ts';
import { type MessageKey, useT } from '../../i18n/i18n.ts';
import { messages } from '../../i18n/messages/index.ts';
import type { DealFormSpec, InputSpec } from './deal-form.ts';
import type { Problem, SampleForm } from './sample-event.ts';

export interface SampleDealFormProps {
  spec: DealFormSpec;
  pipeline: Pipeline;
  form: SampleForm;
  problems: Problem[];
  onChange: (form: SampleForm) => void;
}

const inputId = (pointer: string) => `sample${pointer.replace(/\//g, '-')}`;

function useLabel() {
  const t = useT();
  return (input: InputSpec) => {
    const key = `screens.field.${input.name}`;
    const known = key in messages.en ? t(key as MessageKey) : (input.label ?? input.name);
    return input.required ? `${known} *` : known;
  };
}

interface InputProps {
  input: InputSpec;
  pointer: string;
  props: SampleDealFormProps;
  /** A value the trigger fixes (the stage entered). */
  fixed?: string;
}

function FormInput({ input, pointer, props, fixed }: InputProps) {
  const t = useT();
  const label = useLabel();
  const id = inputId(pointer);
  const value = fixed ?? props.form.values[pointer] ?? '';
  const problem = props.problems.find((candidate) => candidate.pointer === pointer);
  const set = (text: string) => props.onChange({ ...props.form, values: { ...props.form.values, [pointer]: text } });
  const common = {
    id,
    value,
    disabled: fixed !== undefined,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
  } as const;
  let control: ReactElement;
  if (input.kind === 'stage' || input.kind === 'yesNo') {
    const options =
      input.kind === 'stage'
        ? props.pipeline.stages.map((stage) => ({ value: stage.id, text: stage.name }))
        : [
            { value: 'true', text: t('screens.form.yes') },
            { value: 'false', text: t('screens.form.no') },
          ];
    control = (
      <select {...common} onChange={(event) => set(event.target.value)}>
        <option value="">{t('screens.form.none')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type={input.kind === 'email' ? 'email' : 'text'}
        inputMode={input.kind === 'number' ? 'decimal' : undefined}
        maxLength={input.maxLength}
        onChange={(event) => set(event.target.value)}
      />
    );
  }
  return (
    <div className="form-row">
      <label htmlFor={id}>{label(input)}</label>
      {control}
      {problem ? (
        <span id={`${id}-problem`} className="message message-error">
          ⛔ {t(`screens.problem.${problem.reason}`)}
          {problem.message ? `: ${problem.message}` : ''}
        </span>
      ) : null}
    </div>
  );
}

export function SampleDealForm(props: SampleDealFormProps) {
  const t = useT();
  const { spec, form, onChange } = props;
  const stageFixed = form.trigger.type === 'deal.stage_changed' ? form.trigger.selector : undefined;
  const removeContact = (at: number) => {
    const values: Record<string, string> = {};
    for (const [pointer, value] of Object.entries(form.values)) {
      const match = /^\/deal\/contacts\/(\d+)\/(.+)$/.exec(pointer);
      if (!match) values[pointer] = value;
      else if (Number(match[1]) < at) values[pointer] = value;
      else if (Number(match[1]) > at) values[`/deal/contacts/${Number(match[1]) - 1}/${match[2]}`] = value;
    }
    onChange({ ...form, values, contactCount: form.contactCount - 1 });
  };
  return (
    <div className="sample-form">
      <fieldset>
        <legend>{t('screens.form.deal')}</legend>
        {spec.deal.map((input) => (
          <FormInput
            key={input.name}
            input={input}
            pointer={`/deal/${input.name}`}
            props={props}
            {...(input.name === 'stageId' && stageFixed !== undefined ? { fixed: stageFixed } : {})}
          />
        ))}
      </fieldset>
      {spec.fields.length > 0 ? (
        <fieldset>
          <legend>{t('screens.form.fields')}</legend>
          {spec.fields.map((input) => (
            <FormInput key={input.name} input={input} pointer={`/deal/fields/${input.name}`} props={props} />
          ))}
          {Object.entries(form.extraFields).map(([name, value]) => (
            <p key={name} className="muted">
              {t('screens.form.extraField', { name, value: String(value) })}
            </p>
          ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('screens.form.company')}</legend>
        {spec.company.map((input) => (
          <FormInput key={input.name} input={input} pointer={`/deal/company/${input.name}`} props={props} />
        ))}
      </fieldset>
      {Array.from({ length: form.contactCount }, (_, at) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts are addressed by position (their JSON pointer)
        <fieldset key={at}>
          <legend>{t('screens.form.contact', { number: at + 1 })}</legend>
          {spec.contact.map((input) => (
            <FormInput key={input.name} input={input} pointer={`/deal/contacts/${at}/${input.name}`} props={props} />
          ))}
          <button type="button" onClick={() => removeContact(at)}>
            {t('screens.form.removeContact', { number: at + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => onChange({ ...form, contactCount: form.contactCount + 1 })}
        disabled={form.contactCount >= 100}
      >
        {t('screens.form.addContact')}
      </button>
    </div>
  );
}
