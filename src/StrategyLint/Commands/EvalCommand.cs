using System.CommandLine;
using StrategyLint.Analysis;
using StrategyLint.Quality;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint eval CORPUS</c>: precision, recall and F1 of the domain rules against a labelled corpus.</summary>
internal static class EvalCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var folder = new Argument<string>("corpus") { Description = "A folder of drafts with a labels.json beside them (for example ../shared/corpus)." };
        var details = new Option<bool>("--details") { Description = "List every document and check where the rules disagree with the labels." };
        var command = new Command("eval", "Measure the domain rules against human labels: precision, recall and F1 per check and overall.");
        command.Arguments.Add(folder);
        command.Options.Add(details);
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!, environment.WorkingDirectory);
            if (!File.Exists(Path.Combine(path, "labels.json")))
            {
                environment.Error.WriteLine($"strategylint: '{parse.GetValue(folder)}' has no labels.json, so there is nothing to score against.");
                return StrategyLintCli.ExitUsage;
            }
            var report = CorpusEvaluator.Evaluate(path, RuleCatalog.BuiltIn);
            environment.Out.Write(CorpusEvaluator.Format(report, parse.GetValue(details)));
            return StrategyLintCli.ExitClean;
        });
        return command;
    }
}
