using StrategyLint.Cli;

return StrategyLintCli.Run(args, CliEnvironment.FromConsole());
