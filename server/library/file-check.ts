import { library as t } from "../../domain/i18n/pl/library.js";

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export type AllowedType = { ext: "pdf" | "docx" | "pptx" | "xlsx"; mime: string };

const OOXML: Record<"word/" | "ppt/" | "xl/", AllowedType> = {
  "word/": { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  "ppt/": { ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  "xl/": { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

/** A refused upload, with the HTTP status that fits (400 empty, 413 too large, 415 wrong type). */
export class UploadError extends Error {
  override name = "UploadError";
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

// Names of the entries in a ZIP's central directory (enough to tell DOCX/PPTX/XLSX apart without unpacking).
function zipEntryNames(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count && p + 46 <= b.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extra + comment;
  }
  return names;
}

/** Decides the type from the bytes: PDF by its %PDF- header, OOXML by a ZIP holding [Content_Types].xml and word/, ppt/ or xl/. */
export function detectDocumentType(bytes: Uint8Array): AllowedType | null {
  if (bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-") return { ext: "pdf", mime: "application/pdf" };
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return null;
  const names = zipEntryNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  for (const prefix of Object.keys(OOXML) as (keyof typeof OOXML)[]) {
    if (names.some((n) => n.startsWith(prefix))) return OOXML[prefix];
  }
  return null;
}

/** Checks size, content type and that the extension agrees with the content; throws UploadError with a Polish message. */
export function checkUpload(fileName: string, bytes: Uint8Array): AllowedType {
  if (bytes.length === 0) throw new UploadError(t.upload.missing, 400);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new UploadError(t.upload.tooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024), 413);
  const type = detectDocumentType(bytes);
  if (!type) throw new UploadError(t.upload.wrongType, 415);
  const ext = extensionOf(fileName);
  if (ext && ext !== type.ext) throw new UploadError(t.upload.extensionMismatch, 415);
  return type;
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}
