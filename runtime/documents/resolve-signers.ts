// The planned signers with what the runtime knows about them: the company signer (a named employee
// or the deal's responsible user) gets the employee's name and email. An employee deleted since the
// flow was published is reported, not fatal: the document can still be made, and the signing step
// will refuse it.
import type { Employee, PlannedSigner, RunMessage } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export interface ResolvedSigners {
  signers: PlannedSigner[];
  /** The company's signer as an employee, when one is named and known. */
  companyEmployee: Employee | undefined;
  warnings: RunMessage[];
}

export async function resolveSigners(
  services: RuntimeServices,
  planned: readonly PlannedSigner[],
  ruleName: string | null,
): Promise<ResolvedSigners> {
  const warnings: RunMessage[] = [];
  let companyEmployee: Employee | undefined;
  const signers: PlannedSigner[] = [];
  for (const signer of planned) {
    // The company signer is a named employee, or the deal's responsible user, whose CRM user id is
    // the employee id: either way the employee supplies the name and email.
    const employeeId = signer.side === 'company' ? (signer.employeeId ?? signer.userId) : undefined;
    if (employeeId === undefined) {
      signers.push(signer);
      continue;
    }
    const employee = await services.database.db
      .selectFrom('employees')
      .selectAll()
      .where('id', '=', employeeId)
      .executeTakeFirst();
    if (!employee) {
      warnings.push({
        code: 'EMPLOYEE_UNKNOWN',
        message:
          signer.employeeId === undefined
            ? `the deal's responsible user "${employeeId}", who signs for the company, is not an employee: add them (PUT /employees/${employeeId}) so their name and email fill the document`
            : `employee "${employeeId}", named to sign for the company, does not exist`,
        ...(ruleName ? { ruleName } : {}),
      });
      signers.push(signer);
      continue;
    }
    companyEmployee = employee;
    signers.push({ ...signer, name: employee.name, email: employee.email });
  }
  return { signers, companyEmployee, warnings };
}
