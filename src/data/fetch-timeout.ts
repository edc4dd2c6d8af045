// Its own module, importing nothing: the map panel reads it too, and the build's prerender imports the panel without
// the story's virtual modules (which the loader needs).

/**
 * How long one data file may take, headers and body: ours are at most a few hundred KB, so even a slow phone
 * connection fits with room to spare. A server that never answers costs a reader this long, then the rest goes on.
 */
export const FETCH_TIMEOUT_MS = 20_000;
