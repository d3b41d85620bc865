/** Why an upload was refused, in words for the clinician; nothing is stored when one is thrown. */
export class MediaRefusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 | 422 = 422,
  ) {
    super(message);
    this.name = "MediaRefusal";
  }
}
