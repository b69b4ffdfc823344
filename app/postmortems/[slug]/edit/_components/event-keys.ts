/**
 * Stable React keys for list items that carry no id (timeline events, whys,
 * factors…): a key follows an item object, and an edited copy inherits the
 * key of the item it replaces, so inputs keep focus while typing.
 */
const keys = new WeakMap<object, string>();
let counter = 0;

export function keyOf(item: object): string {
  let key = keys.get(item);
  if (!key) {
    key = `item-${++counter}`;
    keys.set(item, key);
  }
  return key;
}

/** A copy of `item` with `patch` applied that keeps `item`'s key. */
export function edited<T extends object>(item: T, patch: Partial<T>): T {
  const next = { ...item, ...patch };
  keys.set(next, keyOf(item));
  return next;
}
