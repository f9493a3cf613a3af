/** Shared by the client directives: load the island's code, yield to the browser, then hydrate. */
type Load = () => Promise<() => Promise<void>>;

/** A new task: input and paint can run before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function hydrateInNextTask(load: Load): Promise<void> {
  const hydrate = await load();
  await nextTask();
  await hydrate();
}
