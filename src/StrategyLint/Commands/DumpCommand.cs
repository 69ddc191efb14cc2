using System.CommandLine;
using StrategyLint.Syntax;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint dump FILE</c>: the section tree with positions, as rules see it.</summary>
internal static class DumpCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file") { Description = "A Markdown file, or - for standard input." };
        var command = new Command("dump", "Print the section tree of a draft with line:column positions: what rules see (code and HTML are marked 'not prose').");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            byte[] bytes;
            string display;
            if (path == "-")
            {
                bytes = environment.ReadStdin();
                display = "stdin.md";
            }
            else
            {
                var full = Path.GetFullPath(path, environment.WorkingDirectory);
                if (!IO.SafeFileReader.EntryExists(full))
                {
                    environment.Error.WriteLine($"strategylint: '{Cli.Output.Escape.Text(path)}' does not exist or is not a file.");
                    return StrategyLintCli.ExitUsage;
                }
                display = Linting.InputResolver.DisplayPath(full, environment.WorkingDirectory);
                // As lint reads it: no links, FIFOs or devices, at most the default size limit.
                var read = IO.SafeFileReader.Read(full, IO.SafeFileReader.DefaultDraftLimitBytes, IO.ReadPolicy.CurrentOr(environment.WorkingDirectory));
                if (read.Bytes is null)
                {
                    environment.Error.WriteLine($"strategylint: {IO.SafeFileReader.Shown(display)} {read.Problem!.Reason}");
                    return StrategyLintCli.ExitUsage;
                }
                bytes = read.Bytes;
            }
            var decoded = SourceDecoder.Decode(bytes);
            if (!decoded.Succeeded)
            {
                environment.Error.WriteLine($"strategylint: {Cli.Output.Escape.Text(display)} {decoded.Problem}");
                return StrategyLintCli.ExitUsage;
            }
            environment.Out.Write(DocumentDumper.Dump(StrategyParser.Parse(display, decoded.Text!), decoded.Format));
            return StrategyLintCli.ExitClean;
        });
        return command;
    }
}
