// A recipient's address shown where the address itself must not be: the audit trail, the signer's
// page ("we sent a code to d•••@acme.com"), logs. Enough to recognise one's own address, not
// enough to learn someone else's.
const dot = '•••';

export function maskDestination(address: string): string {
  const value = address.trim();
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}${dot}${value.slice(at)}`;
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 4) {
    const country = value.startsWith('+') && digits.length > 8 ? `+${digits.slice(0, 2)} ` : '';
    return `${country}${'••••'} ${digits.slice(-4)}`;
  }
  return dot;
}
