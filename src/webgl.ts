// MapLibre 6 needs WebGL 2. Probing first lets the page explain the problem in words
// instead of showing an empty box or a stack trace.
export function hasWebGl2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
