// The eventIds inkflow gives the document events it raises itself (runtime/actions/
// raise-document-event.ts): `inkflow:<envelopeId>:completed|declined`. Intake refuses them from
// anyone else, so a CRM's event can never stand in for (or block) one of inkflow's.
export const reservedEventIdPrefix = 'inkflow:';
