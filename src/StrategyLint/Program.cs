using StrategyLint.Analysis;
using StrategyLint.Cli;

// Every regular expression built without its own timeout gets this one. StrategyLint's own have timeouts, but
// Roslyn compiles .editorconfig section globs into backtracking expressions without one (see SectionGlobs).
// Set before any expression is built: the runtime reads it once.
AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

// Nearly every command needs the rule catalog (the shipped packs, read from JSON). Loading it on a second core
// while the command line is parsed and the inputs are found takes it off the critical path of a short run;
// the catalog is a thread-safe lazy value, so the command simply waits if it is not ready yet.
// The C# rule host: a child process StrategyLint starts itself to run user C# rules (see RuleHostServer).
if (args is [StrategyLint.CodeRules.RuleHostServer.Argument])
    return StrategyLint.CodeRules.RuleHostServer.Serve(Console.OpenStandardInput(), Console.OpenStandardOutput());

if (args is not ([] or ["--version"] or ["--help"] or ["-h"]))
    _ = Task.Run(() => RuleCatalog.BuiltIn);

return StrategyLintCli.Run(args, CliEnvironment.FromConsole());
