using StrategyLint.Analysis;
using StrategyLint.Cli;

// Nearly every command needs the rule catalog (the shipped packs, read from JSON). Loading it on a second core
// while the command line is parsed and the inputs are found takes it off the critical path of a short run;
// the catalog is a thread-safe lazy value, so the command simply waits if it is not ready yet.
// The C# rule host: a child process StrategyLint starts itself to run user C# rules (see RuleHostServer).
if (args is [StrategyLint.CodeRules.RuleHostServer.Argument])
    return StrategyLint.CodeRules.RuleHostServer.Serve(Console.OpenStandardInput(), Console.OpenStandardOutput());

if (args is not ([] or ["--version"] or ["--help"] or ["-h"]))
    _ = Task.Run(() => RuleCatalog.BuiltIn);

return StrategyLintCli.Run(args, CliEnvironment.FromConsole());
