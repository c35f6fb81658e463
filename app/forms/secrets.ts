/**
 * Field names that may carry a secret (passwords, tokens). Such a field is never kept after an expired
 * session and never sent back to fill a form again: a password is typed again.
 */
const SECRET_FIELD = /pass|wachtwoord|token|secret|current|next|repeat/i;

export const isSecretField = (name: string) => SECRET_FIELD.test(name);
