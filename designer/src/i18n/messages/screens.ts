// Messages of the test panel, backtest, publish and history, templates and runs (DESIGNER-SCREENS).
import { defineMessages } from '../define-messages.ts';

export default defineMessages(
  {
    'screens.trace.noValue': '(no value)',
    'screens.trace.true': '✓ true',
    'screens.trace.false': '✗ false',
    'screens.trace.comparison': '{condition}: value {value} → {result}',
    'screens.trace.comparisonHidden': '{condition} → {result}',
    'screens.trace.branch': 'Leaves by the {result} branch',
    'screens.trace.planned': '✓ Runs: in the plan',
    'screens.trace.notFired': '— Not fired',
    'screens.trace.suppressed': '⊘ Suppressed: “{winner}” won for this document type',
    'screens.trace.entered': '▶ The event starts here',
  },
  {
    'screens.trace.noValue': '(sem valor)',
    'screens.trace.true': '✓ verdadeiro',
    'screens.trace.false': '✗ falso',
    'screens.trace.comparison': '{condition}: valor {value} → {result}',
    'screens.trace.comparisonHidden': '{condition} → {result}',
    'screens.trace.branch': 'Sai pelo ramo {result}',
    'screens.trace.planned': '✓ Executa: está no plano',
    'screens.trace.notFired': '— Não disparou',
    'screens.trace.suppressed': '⊘ Suprimida: “{winner}” venceu para este tipo de documento',
    'screens.trace.entered': '▶ O evento começa aqui',
  },
);
