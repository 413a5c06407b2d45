// Messages of the test panel, backtest, publish and history, templates and runs (DESIGNER-SCREENS).
import { defineMessages } from '../define-messages.ts';
import historyMessages from './screens-history.ts';
import runsMessages from './screens-runs.ts';
import templatesMessages from './screens-templates.ts';
import testDealMessages from './screens-test-deal.ts';
import webhooksMessages from './screens-webhooks.ts';

export default defineMessages(
  {
    'screens.nav.test': 'Test on a deal',
    'screens.nav.backtest': 'Backtest',
    'screens.nav.history': 'Publish history',
    'screens.nav.templates': 'Templates',
    'screens.nav.runs': 'Runs and documents',
    ...testDealMessages.en,
    ...historyMessages.en,
    ...templatesMessages.en,
    ...runsMessages.en,
    ...webhooksMessages.en,
  },
  {
    'screens.nav.test': 'Testar com um negócio',
    'screens.nav.backtest': 'Backtest',
    'screens.nav.history': 'Histórico de publicação',
    'screens.nav.templates': 'Modelos',
    'screens.nav.runs': 'Execuções e documentos',
    ...testDealMessages['pt-BR'],
    ...historyMessages['pt-BR'],
    ...templatesMessages['pt-BR'],
    ...runsMessages['pt-BR'],
    ...webhooksMessages['pt-BR'],
  },
);
