import { ANALYSIS_FORMATS, analysisOutput, type AnalysisFormat, type AnalysisStream } from '../core';
import { UsageError, type Cli } from './host';

/** The `--format` of analyze and link: table on a terminal, else json. */
export function analysisFormat(value: string | undefined): AnalysisFormat {
  const format = value ?? (process.stdout.isTTY ? 'table' : 'json');
  if (!(ANALYSIS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${ANALYSIS_FORMATS.join(', ')}, not ${format}`);
  return format as AnalysisFormat;
}

/** Prints an analysis piece by piece (a document at a time), never the whole text at once. */
export function printAnalysis(cli: Cli, format: AnalysisFormat, stream: AnalysisStream): void {
  for (const piece of analysisOutput(format, stream)) cli.stdout(piece);
}
