// Preloaded by the benches (`node --import ./scripts/printMaxRss.mjs ...`): prints the process's peak
// resident set size on stderr as it exits, `MAXRSS <KiB>`, so a parent can read it.
process.on('exit', () => process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`));
