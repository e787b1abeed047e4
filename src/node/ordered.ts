// Runs async work over a sequence with at most `window` items in flight, yielding results in input
// order: a batch of any size streams out in bounded memory.

/** `fn` must not reject (the batch turns every failure into an outcome). */
export async function* mapOrdered<T, R>(items: Iterable<T> | AsyncIterable<T>, fn: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    pending.push(fn(item));
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
