/**
 * What an island's module gives the loader (lib/islands.ts): a function that wires up the server
 * render inside `el`, started with the props of the island's JSON block. A file of its own, so an
 * island's module and the loader that imports it do not import each other.
 */
export type IslandStart = (el: HTMLElement, props: Record<string, unknown>) => void;
