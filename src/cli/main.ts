// The `marginalia` command line: a thin host of src/core. Each command is one entry of COMMANDS
// (its usage line and its run function, in its own file); adding a command is adding an entry.
import { AGREEMENT_USAGE, runAgreement } from './agreementCommand';
import { ANALYZE_USAGE, runAnalyze } from './analyzeCommand';
import { servesAnalysis } from './analysisThreads';
import { COMPARE_USAGE, runCompare } from './compareCommand';
import { EXPORT_USAGE, runExport } from './exportCommand';
import { nodeCli, say, UsageError, type Cli } from './host';
import { IMPORT_USAGE, runImport } from './importCommand';
import { LINK_USAGE, runLink } from './linkCommand';
import { RECOGNIZE_USAGE, runRecognize } from './recognizeCommand';
import { runTrain, TRAIN_USAGE } from './trainCommand';

interface Command {
  usage: string;
  run: (cli: Cli, args: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  analyze: { usage: ANALYZE_USAGE, run: runAnalyze },
  recognize: { usage: RECOGNIZE_USAGE, run: runRecognize },
  link: { usage: LINK_USAGE, run: runLink },
  export: { usage: EXPORT_USAGE, run: runExport },
  import: { usage: IMPORT_USAGE, run: runImport },
  agreement: { usage: AGREEMENT_USAGE, run: runAgreement },
  compare: { usage: COMPARE_USAGE, run: runCompare },
  train: { usage: TRAIN_USAGE, run: runTrain },
};

const USAGE = `Usage:\n${Object.values(COMMANDS)
  .map(c => `  ${c.usage}\n`)
  .join('')}`;

async function main(cli: Cli, argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    cli.stdout(USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(name ? `unknown command: ${name}` : 'no command given');
  return command.run(cli, rest);
}

// the same file runs the analysis threads of analyze (analysisThreads.ts)
if (!servesAnalysis()) {
  const cli = nodeCli();
  main(cli, process.argv.slice(2)).then(
    code => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      say(cli, e instanceof Error ? e.message : String(e));
      if (usage) cli.stderr(USAGE);
      process.exitCode = usage ? 2 : 1;
    },
  );
}
