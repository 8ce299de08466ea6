// Editing rights-and-duties topics and instrument texts per language in /beheer. Every text,
// Dutch included, is a draft ("concept") until a named redacteur for its language checks it;
// any edit makes it a draft again, and the person who saved it last cannot check it (four
// eyes). Every save names the version it started from, so two editors never overwrite each
// other. Every edit, check, removal and status change is an audit event.
//
// One file per concern; this module is the one name routes import (`contentAdmin.*`).

export * from './content-text';
export * from './content-list';
export * from './content-save';
export * from './content-check';
export * from './content-reviewers';
export * from './content-settings';
