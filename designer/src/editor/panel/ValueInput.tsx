// The comparison's value, as an input of the fact's type: number, yes/no, text, or a list.
import type { Comparison } from '../../../../schemas/types.generated.ts';
import { formatValueInput, parseValueInput, type ValueInputKind } from '../../graph/fact-options.ts';
import { useT } from '../../i18n/i18n.ts';
import { TextInput } from './TextInput.tsx';

export function ValueInput({
  id,
  kind,
  value,
  onChange,
}: {
  id: string;
  kind: ValueInputKind;
  value: Comparison['value'];
  onChange: (value: Comparison['value']) => void;
}) {
  const t = useT();
  if (kind === 'none') return <span className="field-hint">{t('condition.noValue')}</span>;
  if (kind === 'boolean') {
    return (
      <select id={id} value={String(value)} onChange={(event) => onChange(event.target.value === 'true')}>
        <option value="true">{t('condition.yes')}</option>
        <option value="false">{t('condition.no')}</option>
      </select>
    );
  }
  const list = kind === 'numberList' || kind === 'textList' || kind === 'booleanList';
  return (
    <TextInput
      id={id}
      type={kind === 'number' ? 'number' : 'text'}
      inputMode={kind === 'number' || kind === 'numberList' ? 'decimal' : undefined}
      placeholder={list ? t('condition.listPlaceholder') : undefined}
      value={formatValueInput(value)}
      onValue={(text) => onChange(parseValueInput(kind, text))}
    />
  );
}
