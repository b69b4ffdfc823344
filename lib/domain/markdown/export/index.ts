/** Postmortem → Markdown blog post. Pure: no framework, database or server code. */
export { renderMarkdown, exportFileName } from "./render";
export { attachmentDisposition } from "./content-disposition";
export {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_TEMPLATES,
  FRONT_MATTER_FORMATS,
  TIMELINE_STYLES,
  resolveExportOptions,
  type ExportOptions,
  type ExportTemplate,
  type FrontMatterFormat,
  type Replacement,
  type TimelineStyle,
} from "./options";
export { applyReplacements } from "./public-variant";
export { exportFileNamer, renderExportFiles, zipExportPages, type ExportFile, type ZipExportOptions } from "./bulk";
export { INTERNAL_SECTION_MARKER } from "./sections";
