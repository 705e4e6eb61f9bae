/** Public surface of the export module. */
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  EXPORT_BUNDLE_SCHEMA,
  isExportBundle,
  validateBundle,
  type BundleDocument,
  type BundleJob,
  type BundleMatch,
  type BundleResume,
  type BundleValidation,
  type ExportBundle,
} from './bundle';
export { BASE64_PATTERN, decodeBase64, encodeBase64 } from './base64';
export { validateAgainstSchema, type JsonSchema } from './json-schema';
