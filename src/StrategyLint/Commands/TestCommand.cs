using System.CommandLine;
using StrategyLint.Cli.Output;
using StrategyLint.Testing;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint test PACK_OR_FOLDER…</c>: runs rule packs' fixture cases and reports each case.</summary>
internal static class TestCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("packs")
        {
            Description = "A pack folder (pack.json, rule files and tests/), or a folder of packs such as rules/.",
            Arity = ArgumentArity.OneOrMore,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List passing cases too, not only failures." };
        var command = new Command("test",
            "Run rule packs' fixture cases: each Markdown file in PACK/tests/ is linted with the pack's rules, and its findings must be exactly the " +
            "ones marked in it as {|ID:text|} (or listed in CASE.expected.json). A case named after a rule (ID.trips.md) checks only that rule. " +
            "Exits 0 when every case passes, 1 when one fails or a rule has no case expecting it to fire, 2 when a pack cannot be loaded.");
        command.Arguments.Add(paths);
        command.Options.Add(verbose);
        command.SetAction(parse => Execute(parse.GetValue(paths)!, parse.GetValue(verbose), environment));
        return command;
    }

    private static int Execute(string[] paths, bool verbose, CliEnvironment environment)
    {
        var cwd = environment.WorkingDirectory;
        var packs = new List<(string Full, string Display)>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, cwd);
            if (!Directory.Exists(full))
            {
                var hint = Packs.PackLoader.BuiltIn.Any(r => r.Pack.Name == path)
                    ? $" '{path}' is a pack shipped with StrategyLint; its cases live in the repository's rules/{path}/tests/, so give that folder."
                    : "";
                environment.Error.WriteLine($"strategylint: the folder '{path}' does not exist.{hint}");
                return StrategyLintCli.ExitUsage;
            }
            var found = PackTester.PackFolders(full);
            if (found.Count == 0)
            {
                environment.Error.WriteLine($"strategylint: '{path}' holds no pack: a pack folder has a pack.json, or give a folder whose subfolders do.");
                return StrategyLintCli.ExitUsage;
            }
            packs.AddRange(found.Select(f => (f, Linting.InputResolver.DisplayPath(f, cwd))));
        }

        var results = packs.Select(p => PackTester.Run(p.Full, p.Display)).ToList();
        var output = environment.Out;
        foreach (var result in results)
        {
            // Pack names, case names and problems come from the pack's files: shown, never obeyed by the terminal.
            output.WriteLine($"{Escape.Text(result.Pack ?? result.Folder)} ({Escape.Text(result.Folder)})");
            foreach (var problem in result.Problems)
                output.WriteLine($"  {Escape.Text(problem.ToString())}");
            foreach (var @case in result.Cases.Where(c => verbose || !c.Passed))
            {
                output.WriteLine($"  {(@case.Passed ? "PASS" : "FAIL")} {Escape.Text(@case.Case)}");
                if (@case.Error is not null)
                    output.WriteLine($"       the case {Escape.Text(@case.Error)}");
                foreach (var missing in @case.Missing)
                    output.WriteLine($"       expected, not reported: {Escape.Text(missing.ToString())}");
                foreach (var unexpected in @case.Unexpected)
                    output.WriteLine($"       reported, not expected: {Escape.Text(unexpected.ToString())}");
            }
            foreach (var id in result.Untested.Select(Escape.Text))
                output.WriteLine($"  FAIL {id}: no case expects this rule to fire. Add tests/{id}.trips.md with the finding marked as {{|{id}:text|}}.");
            if (result.Problems.Count == 0)
            {
                var passed = result.Cases.Count(c => c.Passed);
                output.WriteLine($"  {Wording.Count(result.Cases.Count, "case", "cases")}: {passed} passed, {result.Cases.Count - passed} failed");
            }
        }
        var cases = results.Sum(r => r.Cases.Count);
        var failed = results.Sum(r => r.Cases.Count(c => !c.Passed) + r.Untested.Count);
        var broken = results.Count(r => r.Problems.Count > 0);
        output.WriteLine($"{Wording.Count(results.Count, "pack", "packs")}, {Wording.Count(cases, "case", "cases")}: {cases - results.Sum(r => r.Cases.Count(c => !c.Passed))} passed, {failed} failed" + (broken > 0 ? $", {broken} could not be loaded" : ""));
        return broken > 0 ? StrategyLintCli.ExitUsage : failed > 0 ? StrategyLintCli.ExitFindings : StrategyLintCli.ExitClean;
    }
}
