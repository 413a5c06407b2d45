// The two ways a CLI run fails before it gets to the flow itself; main maps both to exit code 2.

/** A file the CLI cannot use: missing, not JSON, not the schema, a schemaVersion this build does not read, or unwritable. */
export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}: ${pointer}: ${reason}`);
    this.name = 'FileProblem';
  }
}

/** The command line itself is wrong: unknown command or option, missing argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
