// NOTE: gltf-validator ships no types; this covers the one call the model build and tests make.
declare module 'gltf-validator' {
  export type ValidationMessage = { code: string; message: string; severity: number; pointer?: string };
  export type ValidationReport = {
    issues: { numErrors: number; numWarnings: number; numInfos: number; messages: ValidationMessage[] };
  };
  export function validateBytes(
    data: Uint8Array,
    options?: { maxIssues?: number; uri?: string; ignoredIssues?: string[] },
  ): Promise<ValidationReport>;
}
