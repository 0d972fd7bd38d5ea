export { classifyLine, type ClassifyOptions } from './classify';
export { explainLine, fill, fieldDoc, type ExplainOptions } from './explain';
export { parseLine } from './format';
export { detectFormat, type DetectedFormat } from './detect';
export { renderMarkdown, renderText } from './render';
export { FAMILIES, FORMATS, familiesFor, expandMacros } from './data';
export type { Classified, ExplainResult, LineSeverity, ParsedLine, RelatedSetting } from './types';
