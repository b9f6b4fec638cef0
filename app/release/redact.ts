// A secret (the MotherDuck token) never reaches a message: shared by the cloud page and the
// publisher, which both show DuckDB's errors after sending the token.

/** `text` with every occurrence of the secret replaced, for errors shown or logged. */
export function redact(text: string, secret: string): string {
  return secret ? text.replaceAll(secret, '***') : text;
}
