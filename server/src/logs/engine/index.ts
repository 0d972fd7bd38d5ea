// The headless log engine: indexing, reading, filtering, counting and following log files.
// Pure Node (no vscode): used by the CLI, the viewer's host and worker, the tests and the bench.
export * from './blocks';
export * from './encoding';
export * from './filter';
export * from './follow';
export * from './lineIndex';
export * from './logSet';
export * from './reader';
export * from './rotated';
export * from './stats';
export * from './syslog';
export * from './display';
export * from './newlines';
export * from './ripgrep';
export * from './rgRegex';
export * from './matchStore';
export * from './statsParallel';
export * from './countParallel';
export * from './regexLiteral';
