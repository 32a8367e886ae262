/**
 * The one error an exporter throws on purpose: a model that this format cannot express, or weights
 * that do not match the spec. Its message is a sentence for the student (it names the layer and
 * says what to do), so the CLI prints it and the studio shows it as it is.
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}
