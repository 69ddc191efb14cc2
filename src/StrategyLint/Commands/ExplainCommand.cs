using System.CommandLine;
using System.Text.RegularExpressions;
using StrategyLint.Analysis;

namespace StrategyLint.Cli.Commands;

/// <summary><c>strategylint explain ID</c>: the rule's page, rendered for a terminal.</summary>
internal static partial class ExplainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "A rule id, such as SL1002." };
        var command = new Command("explain", "Show a rule's page: why it exists, examples that trip and satisfy it, options, and how to suppress it.");
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            var requested = parse.GetValue(id)!.Trim();
            var descriptor = RuleCatalog.BuiltIn.Find(requested);
            var page = descriptor is null ? null : RuleDocs.Find(descriptor.Id);
            if (descriptor is null || page is null)
            {
                var near = RuleCatalog.BuiltIn.Descriptors.Select(d => d.Id).Where(x => x.Length == requested.Length && x.Zip(requested.ToUpperInvariant()).Count(p => p.First != p.Second) == 1).ToList();
                environment.Error.WriteLine($"strategylint: there is no rule '{requested}'." + (near.Count > 0 ? $" Did you mean {string.Join(" or ", near)}?" : "") + " Run 'strategylint rules' to list them.");
                return StrategyLintCli.ExitUsage;
            }
            Render(page, environment.Out, environment.OutIsTerminal && !environment.NoColor);
            return StrategyLintCli.ExitClean;
        });
        return command;
    }

    /// <summary>Markdown for a terminal: comments dropped, headings emphasised, code indented, the rest as written.</summary>
    internal static void Render(string markdown, TextWriter output, bool color)
    {
        var inCode = false;
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            // Marker comments on lines of their own (<!-- generated -->) are for the page's tooling; comments in
            // code and code spans are examples the reader needs (SL0003's page shows suppression comments).
            if (!inCode && Comment().IsMatch(raw))
                continue;
            if (raw.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }
            if (inCode)
            {
                output.WriteLine("    " + raw);
                continue;
            }
            var heading = Heading().Match(raw);
            if (heading.Success)
            {
                var title = heading.Groups[2].Value;
                output.WriteLine(color ? $"\u001b[1m{title}\u001b[0m" : title);
                if (heading.Groups[1].Length == 1)
                    output.WriteLine(new string('=', title.Length));
                continue;
            }
            output.WriteLine(InlineCode().Replace(raw, "$1"));
        }
    }

    [GeneratedRegex(@"^\s*<!--.*-->\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Heading();

    [GeneratedRegex(@"`([^`]+)`", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineCode();
}
