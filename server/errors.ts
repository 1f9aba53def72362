/**
 * The Remix build bundles its own copy of every server module it imports, while services are created by the Node
 * process from the originals. `instanceof` therefore fails across that line; errors are recognised by name instead.
 */
export function isNamedError<T extends Error>(error: unknown, ctor: abstract new (...args: never[]) => T): error is T {
  return error instanceof Error && error.name === ctor.name;
}
