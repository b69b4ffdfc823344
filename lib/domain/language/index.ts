/** The blameless-language check: rules as data, a per-field check for the editor and a whole-document check for review. The browser imports browser.ts instead. */
import { parseMarkdownTree } from "./markdown-parser";
import { installMarkdownParser } from "./prose-mask";

installMarkdownParser(parseMarkdownTree);

export { checkLanguage, type Finding } from "./check-language";
export { checkText, type Match } from "./check-text";
export { listProseFields, type ProseField, type ProseSource } from "./prose-fields";
export { LANGUAGE_RULES, type LanguageRule } from "./rules";
