// Types for geojson-validation 1.0.2, which ships none. Only the calls src/data/validate.ts makes.
declare module 'geojson-validation' {
  interface GeoJsonValidation {
    /** With trace = true: a list of error messages, empty when valid. May throw on malformed input. */
    valid(object: unknown, trace: true): string[];
    isFeature(object: unknown, trace: true): string[];
    isGeometryObject(object: unknown, trace: true): string[];
  }
  const gjv: GeoJsonValidation;
  export default gjv;
}
