// The small vocabularies random flows and events draw from: small on purpose, so that events
// often land in a bucket some flow listens to and conditions often meet the values events carry.
export const pipelineIds = ['sales', 'ops'] as const;
export const stageIds = ['lead', 'proposal', 'contract', 'invoice', 'won'] as const;
export const documentTypes = ['contract', 'invoice', 'nda'] as const;
export const fieldIds = ['region', 'termMonths', 'renewal', 'segment', 'score'] as const;
/** Custom fields named after Object.prototype members: absent from an event, they must read as absent. */
export const prototypeFieldIds = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'] as const;
export const contactRoles = ['signer', 'finance', 'legal'] as const;
export const contactNames = ['Ana', 'Bruno', 'Carla'] as const;
export const contactEmails = ['ana@x.example', 'bruno@x.example'] as const;
export const currencies = ['EUR', 'USD', 'BRL'] as const;

/** Numbers around the thresholds conditions use, and strings JavaScript coerces to them. */
export const numbers = [0, 100, 9800, 15000, 20000, 50000, 62500, -1, 2.5] as const;
export const numericStrings = ['20000', '9800', '0', '1e5', '', 'abc', '62500.0'] as const;
export const strings = ['EUR', 'USD', 'EU', 'US', 'contract', 'lead', 'sales', 'signer', 'Globex', ''] as const;
