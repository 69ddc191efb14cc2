using System.Text;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.IO;
using StrategyLint.Linting;
using StrategyLint.Packs;
using StrategyLint.Profiles;

namespace StrategyLint.Testing;

/// <summary>One fixture case's outcome: what was expected and not reported, and what was reported and not expected.</summary>
internal sealed record CaseResult(string Case, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected, string? Error = null)
{
    public bool Passed => Error is null && Missing.Count == 0 && Unexpected.Count == 0;
}

/// <summary>A pack's test run: load problems (nothing ran), the cases, and rules no case expects to fire.</summary>
internal sealed record PackTestResult(string Folder, string? Pack, IReadOnlyList<ConfigProblem> Problems, IReadOnlyList<CaseResult> Cases, IReadOnlyList<string> Untested)
{
    public bool Passed => Problems.Count == 0 && Cases.All(c => c.Passed) && Untested.Count == 0;
}

/// <summary>
/// Runs a pack's fixture cases (<c>PACK/tests/*.md</c>), the answer to Vale users' "how do I test a rule".
/// A case states its expected findings either inline, <c>{|ID:text|}</c> around the text each finding spans
/// (a "missing" finding sits on the title heading), or in <c>CASE.expected.json</c> beside it
/// (<c>[{ "id": "…", "line": 3, "column": 1, "message": "part of the message" }]</c>, column and message optional),
/// which leaves a real draft untouched. A case named after a rule (<c>SL3002.trips.md</c>,
/// <c>house.Annex-missing.md</c>) checks only that rule; any other case checks every rule of the pack.
/// </summary>
internal static class PackTester
{
    public const string TestsFolder = "tests";
    public const string ExpectedSuffix = ".expected.json";

    public static PackTestResult Run(string folder, string displayFolder, CancellationToken cancellationToken = default)
    {
        var load = PackFolder.Load(folder, displayFolder, allowReservedIds: _ => true);
        if (load.Manifest is null || load.Problems.Count > 0)
            return new PackTestResult(displayFolder, load.Manifest?.Name, load.Problems, [], []);

        var ids = load.Rules.Select(r => r.Definition.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var testsFolder = Path.Combine(folder, TestsFolder);
        var cases = Directory.Exists(testsFolder) ? Directory.GetFiles(testsFolder, "*.md").Order(StringComparer.Ordinal).ToList() : [];
        if (cases.Count == 0)
        {
            var problem = new ConfigProblem(Display(displayFolder, TestsFolder), 1, 1, "$",
                $"The pack '{load.Manifest.Name}' has no fixture cases. Add Markdown drafts to {Display(displayFolder, TestsFolder)}/, marking each expected finding as {{|ID:text|}}; name a case after a rule (ID.trips.md, ID.satisfies.md) to check only that rule.");
            return new PackTestResult(displayFolder, load.Manifest.Name, [problem], [], []);
        }

        var catalog = new RuleCatalog([.. load.Rules]);
        // A case's front matter 'type' still wins; without it the case is linted as the pack's first profile.
        var fallback = load.Manifest.Profiles.FirstOrDefault() ?? StrategyProfiles.NationalCybersecurityStrategy;
        var linter = new StrategyLinter(catalog, LintConfig.Default(folder), profileFlag: null, fallbackProfile: fallback);
        var results = new List<CaseResult>();
        var expectedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = Display(displayFolder, TestsFolder + "/" + Path.GetFileName(file));
            var only = ids.FirstOrDefault(id => NamesRule(Path.GetFileName(file), id));
            results.Add(RunCase(linter, file, display, ids, only, expectedIds, cancellationToken));
        }
        var untested = ids.Where(id => !expectedIds.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new PackTestResult(displayFolder, load.Manifest.Name, [], results, untested);
    }

    /// <summary>The pack folders under <paramref name="folder"/>: itself when it holds pack.json, else its subfolders that do.</summary>
    public static IReadOnlyList<string> PackFolders(string folder) =>
        File.Exists(Path.Combine(folder, PackFolder.ManifestFileName))
            ? [folder]
            : [.. Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, PackFolder.ManifestFileName))).Order(StringComparer.Ordinal)];

    private static CaseResult RunCase(StrategyLinter linter, string file, string display, HashSet<string> ids, string? only, HashSet<string> expectedIds, CancellationToken cancellationToken)
    {
        var (source, refused) = SafeFileReader.ReadText(file, SafeFileReader.DefaultDraftLimitBytes);
        if (source is null)
            return new CaseResult(display, [], [], refused!.Reason);

        var expectedFile = file[..^".md".Length] + ExpectedSuffix;
        List<Expectation> expected;
        string text;
        try
        {
            (text, expected) = SafeFileReader.EntryExists(expectedFile) ? (source, ReadExpectations(expectedFile)) : FromMarkup(source, only);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or Newtonsoft.Json.JsonException or IOException)
        {
            return new CaseResult(display, [], [], ex.Message);
        }
        if (expected.FirstOrDefault(e => !ids.Contains(e.Id)) is { } stranger)
            return new CaseResult(display, [], [], $"expects '{stranger.Id}', which is not a rule of this pack (its rules: {string.Join(", ", ids.Order(StringComparer.Ordinal))}).");
        if (only is not null && expected.FirstOrDefault(e => !e.Id.Equals(only, StringComparison.OrdinalIgnoreCase)) is { } other)
            return new CaseResult(display, [], [], $"is named after {only}, so it checks only {only}, but it expects {other.Id}. Rename the case, or move that expectation to another case.");
        foreach (var e in expected)
            expectedIds.Add(e.Id);

        var bytes = Encoding.UTF8.GetBytes(text);
        var result = linter.LintFile(new InputFile(display, null, () => bytes), cancellationToken);
        if (result.Findings.FirstOrDefault(f => f.Id is "SL0002" or "SL0004" or "SL0005") is { } failure)
            return new CaseResult(display, [], [], $"{failure.Id}: {failure.Message}");
        var actual = result.Findings.Where(f => ids.Contains(f.Id) && (only is null || f.Id.Equals(only, StringComparison.OrdinalIgnoreCase))).ToList();

        var missing = new List<string>();
        foreach (var expectation in expected)
        {
            var match = actual.FirstOrDefault(expectation.Matches);
            if (match is null)
                missing.Add(expectation.Describe(text));
            else
                actual.Remove(match);
        }
        var unexpected = actual.Select(f => $"{f.Id} at {f.Line}:{f.Column}-{f.EndLine}:{f.EndColumn} {Quote(text, f.Span)}: {f.Message}").ToList();
        return new CaseResult(display, missing, unexpected);
    }

    private static (string Text, List<Expectation> Expected) FromMarkup(string markup, string? only)
    {
        var (text, spans) = FixtureMarkup.Parse(markup);
        var lines = new Syntax.LineMap(text);
        var expected = new List<Expectation>();
        foreach (var span in spans)
        {
            var id = span.Id ?? only ?? throw new FormatException("uses [|…|], which names no rule; write {|ID:…|}, or name the case after the rule it checks.");
            expected.Add(new Expectation(id, lines.Span(span.Span), span.Span, null, AnyColumn: false));
        }
        return (text, expected);
    }

    private static List<Expectation> ReadExpectations(string path)
    {
        var list = new List<Expectation>();
        var (json, refused) = SafeFileReader.ReadText(path);
        if (json is null)
            throw new InvalidDataException($"{Path.GetFileName(path)} {refused!.Reason}");
        if (JToken.Parse(json) is not JArray entries)
            throw new InvalidDataException($"{Path.GetFileName(path)} should be a list: [{{ \"id\": \"…\", \"line\": 1 }}].");
        foreach (var entry in entries)
        {
            var id = entry["id"]?.Value<string>();
            var line = entry["line"]?.Value<int?>();
            if (id is null || line is not > 0)
                throw new InvalidDataException($"{Path.GetFileName(path)}: every entry needs an 'id' and a 'line' (1-based), as in {{ \"id\": \"SL3002\", \"line\": 1 }}.");
            var column = entry["column"]?.Value<int?>();
            var start = new LinePosition(line.Value - 1, column is > 0 ? column.Value - 1 : 0);
            list.Add(new Expectation(id, new LinePositionSpan(start, start), null, entry["message"]?.Value<string>(), AnyColumn: column is not > 0));
        }
        return list;
    }

    // "SL3002.trips.md", "SL3002-heading.md" and "SL3002.md" name SL3002; "SL30021.md" does not.
    private static bool NamesRule(string fileName, string id) =>
        fileName.StartsWith(id, StringComparison.OrdinalIgnoreCase) && fileName.Length > id.Length && fileName[id.Length] is '.' or '-' or '_';

    private static string Display(string folder, string relative) => folder is "" or "." ? relative : folder.TrimEnd('/', '\\') + "/" + relative;

    private static string Quote(string text, TextSpan span)
    {
        var quoted = text.Substring(span.Start, Math.Min(span.Length, 60)).ReplaceLineEndings(" ");
        return $"'{quoted}{(span.Length > 60 ? "…" : "")}'";
    }

    /// <summary>One expected finding: from markup, the exact span; from JSON, a line, maybe a column and part of the message.</summary>
    private sealed record Expectation(string Id, LinePositionSpan Position, TextSpan? Span, string? MessagePart, bool AnyColumn)
    {
        public bool Matches(Finding finding) =>
            finding.Id.Equals(Id, StringComparison.OrdinalIgnoreCase)
            && (Span is { } span
                ? finding.Span == span
                : finding.Position.Start.Line == Position.Start.Line
                  && (AnyColumn || finding.Position.Start.Character == Position.Start.Character)
                  && (MessagePart is null || finding.Message.Contains(MessagePart, StringComparison.OrdinalIgnoreCase)));

        public string Describe(string text) => Span is { } span
            ? $"{Id} at {Position.Start.Line + 1}:{Position.Start.Character + 1}-{Position.End.Line + 1}:{Position.End.Character + 1} {Quote(text, span)}"
            : $"{Id} on line {Position.Start.Line + 1}{(AnyColumn ? "" : $", column {Position.Start.Character + 1}")}{(MessagePart is null ? "" : $", with a message containing '{MessagePart}'")}";
    }
}
