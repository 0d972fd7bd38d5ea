export { classifyLine } from './classify';
export { explainLine, fill, fieldDoc, type ExplainOptions } from './explain';
export { parseLine } from './format';
export { renderMarkdown, renderText } from './render';
export { FAMILIES, FORMATS, familiesFor, expandMacros } from './data';
export type { Classified, ExplainResult, LineSeverity, ParsedLine, RelatedSetting } from './types';
