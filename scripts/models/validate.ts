import { validateBytes } from 'gltf-validator';

/** Severity 0 is an error in the validator's report. */
const ERROR = 0;

/** Runs the Khronos glTF validator over GLB bytes and returns its error messages (empty when valid). */
export async function validationErrors(bytes: Uint8Array, uri: string): Promise<string[]> {
  const report = await validateBytes(bytes, { uri, maxIssues: 50 });
  return report.issues.messages.filter((m) => m.severity === ERROR).map((m) => `${m.code} ${m.pointer ?? ''}: ${m.message}`);
}
