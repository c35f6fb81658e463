// Imported first by the server entry and the scripts, before anything that loads a native addon:
// better-sqlite3 13 crashes the process on an older Node instead of failing with a message. The line
// the product runs on is the one in package.json's engines and .nvmrc (decision 76).

/** The oldest Node major the product supports. */
export const REQUIRED_NODE_MAJOR = 26;

/** A Dutch message when this Node is older than the product supports, else null. */
export function unsupportedNodeMessage(version = process.versions.node): string | null {
  const major = Number(version.split(".")[0]);
  if (major >= REQUIRED_NODE_MAJOR) return null;
  return (
    `Start afgebroken: Werken aan veiligheid draait op Node.js ${REQUIRED_NODE_MAJOR} of nieuwer; dit is Node.js ${version}, ` +
    `die geen beveiligingsupdates meer krijgt of te oud is. Installeer Node.js ${REQUIRED_NODE_MAJOR} (zie .nvmrc en de README: ` +
    `"nvm install" of "npm install -g node@${REQUIRED_NODE_MAJOR}") en start opnieuw.`
  );
}

const message = unsupportedNodeMessage();
if (message) {
  console.error(message);
  process.exit(1);
}
