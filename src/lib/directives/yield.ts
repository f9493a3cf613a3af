/** Shared by the client directives: load the island's code, yield to the browser, then hydrate. */
type Load = () => Promise<() => Promise<void>>;

/** A new task: input and paint can run before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * After the web font is ready and a frame has painted: the text is on screen in its final font
 * before any island code is fetched, so fetching and hydrating never hold back the first paint.
 */
async function afterFirstPaint(): Promise<void> {
  await document.fonts?.ready;
  // The second frame's callback runs only once the first frame (the text in its font) has painted.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export async function hydrateInNextTask(load: Load): Promise<void> {
  await afterFirstPaint();
  const hydrate = await load();
  await nextTask();
  await hydrate();
}
