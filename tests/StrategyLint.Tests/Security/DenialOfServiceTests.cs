using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Denial of service from what a pull request controls besides C# rules: a pack's pattern, pathological Markdown,
/// a draft with millions of findings, hostile YAML front matter, an .editorconfig section glob. Each shape is one
/// that hung or exhausted memory before (scaled so the test takes seconds now), linted next to an ordinary draft:
/// the run ends within the test's timeout with a clear diagnostic, the ordinary draft is still linted, and no file
/// changes. Times are never asserted, only bounded by the xunit timeout.
/// </summary>
public sealed class DenialOfServiceTests : IDisposable
{
    private const int Bound = 90_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private sealed record Result(int ExitCode, string Out, string Error, JsonElement Root)
    {
        public IEnumerable<JsonElement> FindingsOf(string file) =>
            Root.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("file").GetString() == file);

        public JsonElement File(string path) =>
            Root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);
    }

    /// <summary>Lints the folder with the ordinary draft beside the hostile files, checks nothing changed, and returns the JSON report.</summary>
    private async Task<Result> LintAsync(params string[] extraArgs)
    {
        _folder.Write("good.md", System.IO.File.ReadAllText(Path.Combine(TestPaths.Examples, "complete-ncs.md")));
        var before = Snapshot();
        var run = await Task.Run(() => CliRunner.Run(_folder.Path, [".", "--format", "json", .. extraArgs]));
        Assert.Equal(before, Snapshot());
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
        var root = JsonDocument.Parse(run.Out).RootElement.Clone();
        var result = new Result(run.ExitCode, run.Out, run.Error, root);
        // The ordinary draft is always linted in full, and clean.
        Assert.False(result.File("good.md").GetProperty("skipped").GetBoolean());
        Assert.Empty(result.FindingsOf("good.md"));
        return result;
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(f))));

    private void WritePack(string term)
    {
        _folder.Write("pack/pack.json", """{ "name": "evil", "description": "A pack from a pull request.", "profiles": [] }""");
        _folder.Write("pack/evil.Bad.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = "evil.Bad", ["kind"] = "forbid-phrase", ["title"] = "A bad phrase", ["severity"] = "warning",
            ["message"] = "A bad phrase.", ["description"] = "d", ["satisfy"] = "remove it", ["terms"] = new[] { term },
        }));
        _folder.Write("strategylint.json", """{ "extends": ["pack"] }""");
    }

    // Each 30-character segment made the backtracking engine try every split of 26 x's, just under the 1 s
    // timeout that restarted per match: 33 KB took 181 s. On the linear engine it takes milliseconds.
    [Fact(Timeout = Bound)]
    public async Task A_pack_pattern_that_backtracks_exponentially_runs_in_linear_time()
    {
        WritePack("/(?:x|xx)+y/");
        var segment = new string('x', 26) + " xy ";
        _folder.Write("drafts/redos.md", "# Strategy\n\n" + string.Concat(Enumerable.Repeat(segment, 33_000 / segment.Length)) + "\n");

        var result = await LintAsync();

        var findings = result.FindingsOf("drafts/redos.md").ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("id").GetString() is "SL0004" or "SL0005");
        // 1,100 matches: 100 listed, the rest in one summary at the first left out.
        var bad = findings.Where(f => f.GetProperty("id").GetString() == "evil.Bad").ToList();
        Assert.Equal(101, bad.Count);
        Assert.Single(bad, f => f.GetProperty("message").GetString()!.Contains("… and 999 more like this in this file", StringComparison.Ordinal));
    }

    [Theory(Timeout = Bound)]
    [InlineData("/\\blaw\\b(?!\\s+enforcement)/", "uses a lookahead ('(?!')")]
    [InlineData("/(?<w>\\w+) \\k<w>/", "refers back to a group ('\\k<w>')")]
    [InlineData("/(?>plan|planning)/", "uses an atomic group ('(?>')")]
    public async Task A_pack_pattern_the_linear_engine_cannot_run_is_refused_at_its_line(string term, string what)
    {
        WritePack(term);
        _folder.Write("good.md", "# Strategy\n");

        var run = await Task.Run(() => CliRunner.Run(_folder.Path, "good.md"));

        Assert.Equal(2, run.ExitCode);
        var output = run.Out + run.Error;
        Assert.Contains("pack/evil.Bad.json(", output, StringComparison.Ordinal);
        Assert.Contains("SL0001", output, StringComparison.Ordinal);
        Assert.Contains(what, output, StringComparison.Ordinal);
        Assert.Contains("$.terms[0]", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> QuadraticMarkdown() => new()
    {
        // 256 KB of this took Markdig 30 s; every '](' scanned to the end of the paragraph for its ')'.
        { "link-destinations", string.Concat(Enumerable.Repeat("[a](", 65_536)) },
        { "empty-links", string.Concat(Enumerable.Repeat("[](", 65_536)) },
        { "image-links", string.Concat(Enumerable.Repeat("[![a](", 40_000)) },
        // Link titles may run over lines: every one scanned to the end of the paragraph.
        { "open-titles", string.Concat(Enumerable.Repeat("[a](b (\n", 32_768)) },
        // Unmatched emphasis, split into paragraphs that stay under Markdig's own nesting limit.
        { "emphasis-paragraphs", string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("*a ", 12_000)) + "\n\n", 40)) },
        { "closers-paragraphs", string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("a_ ", 12_000)) + "\n\n", 40)) },
    };

    [Theory(Timeout = Bound)]
    [MemberData(nameof(QuadraticMarkdown))]
    public async Task Markdown_that_makes_the_parser_quadratic_is_refused_before_parsing(string kind, string body)
    {
        _folder.Write($"{kind}.md", "# Strategy\n\n" + body + "\n");

        var result = await LintAsync();

        var finding = Assert.Single(result.FindingsOf($"{kind}.md"));
        Assert.Equal("SL0005", finding.GetProperty("id").GetString());
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains("has a paragraph on line 3 with", message, StringComparison.Ordinal);
        Assert.Contains("unclosed '[', '(', '*' or '_' markers", message, StringComparison.Ordinal);
        Assert.Contains("split the text into paragraphs", message, StringComparison.Ordinal);
        Assert.True(result.File($"{kind}.md").GetProperty("skipped").GetBoolean());
    }

    // 8 MB of this made 3.2 million findings and 4.2 GB of memory; 400 KB (200,000 findings) is enough to show the cap.
    [Fact(Timeout = Bound)]
    public async Task A_draft_with_millions_of_findings_lists_at_most_the_cap_per_rule()
    {
        _folder.Write("headings.md", string.Concat(Enumerable.Repeat("# h\n", 100_000)));

        var result = await LintAsync();

        var byRule = result.FindingsOf("headings.md").GroupBy(f => f.GetProperty("id").GetString()!).ToList();
        Assert.Contains(byRule, g => g.Count() == 101);
        foreach (var rule in byRule)
        {
            Assert.True(rule.Count() <= 101, $"{rule.Key}: {rule.Count()} findings");
            if (rule.Count() == 101)
            {
                var summary = Assert.Single(rule, f => f.GetProperty("message").GetString()!.Contains("more like this in this file", StringComparison.Ordinal));
                Assert.Contains("limits.maxFindingsPerRule", summary.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact(Timeout = Bound)]
    public async Task The_findings_cap_is_configurable()
    {
        _folder.Write("strategylint.json", """{ "limits": { "maxFindingsPerRule": 3 } }""");
        _folder.Write("headings.md", string.Concat(Enumerable.Repeat("# h\n", 50)));

        var result = await LintAsync();

        var duplicates = result.FindingsOf("headings.md").Where(f => f.GetProperty("id").GetString() == "SL1004").ToList();
        Assert.Equal(4, duplicates.Count);
        // SL1004 reports each heading after the first: 49, of which 3 are listed and 46 summarised in the fourth.
        Assert.Contains(duplicates, f => f.GetProperty("message").GetString()!.Contains("… and 45 more like this in this file", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> HostileFrontMatter() => new()
    {
        // A billion laughs: each level doubles; as a key, the model hashes the whole tree.
        { "billion-laughs-key", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\nf: &f [*e, *e]\ng: &g [*f, *f]\nh: &h [*g, *g]\ni: &i [*h, *h]\n? *i\n: boom\n" },
        { "recursive-key", "? &k [*k]\n: x\n" },
        { "deep-brackets", "list: " + new string('[', 20_000) + new string(']', 20_000) + "\n" },
        // 100,000 levels is also over the size limit, refused before it is parsed.
        { "deeper-brackets", new string('[', 100_000) + new string(']', 100_000) + "\n" },
        { "many-aliases", "a: &a x\nlist: [" + string.Join(", ", Enumerable.Repeat("*a", 1_000)) + "]\n" },
        { "oversized", "title: " + new string('x', 200_000) + "\n" },
    };

    [Theory(Timeout = Bound)]
    [MemberData(nameof(HostileFrontMatter))]
    public async Task Hostile_front_matter_is_refused_and_the_body_is_still_linted(string kind, string yaml)
    {
        // The body holds a placeholder section, so its own finding shows it was linted.
        _folder.Write($"{kind}.md", "---\n" + yaml + "---\n# Strategy\n\n## Governance\n\nTBD\n");

        var result = await LintAsync();

        var findings = result.FindingsOf($"{kind}.md").ToList();
        var refusal = Assert.Single(findings, f => f.GetProperty("id").GetString() == "SL0001");
        Assert.StartsWith("The front matter ", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("the rest of the document is still linted", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(findings, f => f.GetProperty("id").GetString() == "SL1003");
        Assert.False(result.File($"{kind}.md").GetProperty("skipped").GetBoolean());
    }

    [Fact(Timeout = Bound)]
    public async Task An_editorconfig_glob_that_backtracks_is_refused_at_its_line_and_the_other_sections_apply()
    {
        _folder.Write("drafts/.editorconfig",
            "root = true\n\n[*.md]\nstrategylint_diagnostic.SL1003.severity = error\n\n[**a**a**a**a**a**a**z]\nstrategylint_diagnostic.SL1003.severity = none\n");
        var name = "drafts/" + string.Join('/', Enumerable.Repeat(new string('a', 60), 20)) + "/draft.md";
        _folder.Write(name, "# Strategy\n\n## Governance\n\nTBD\n");

        var result = await LintAsync();

        var refusal = Assert.Single(result.FindingsOf("drafts/.editorconfig"));
        Assert.Equal("SL0001", refusal.GetProperty("id").GetString());
        Assert.Equal(6, refusal.GetProperty("line").GetInt32());
        Assert.Contains("[**a**a**a**a**a**a**z] has 7 wildcards", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The refused section's "none" is not applied; the ordinary section's "error" is.
        var placeholder = Assert.Single(result.FindingsOf(name), f => f.GetProperty("id").GetString() == "SL1003");
        Assert.Equal("error", placeholder.GetProperty("severity").GetString());
    }

    /// <summary>A rule that never returns unless its budget runs out: the file is skipped with SL0005, the next file is linted.</summary>
    private sealed class SpinningRule : StrategyRule
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create("SL9902", "Spins", "Never", RuleCategories.Structure, DiagnosticSeverity.Warning, "A rule that runs until it is stopped.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
        {
            if (!c.Document.Text.Contains("spin", StringComparison.Ordinal))
                return;
            while (true)
                RuleBudget.ThrowIfSpent();
        });
    }

    [Fact(Timeout = Bound)]
    public async Task Rules_past_the_time_budget_are_stopped_and_the_file_skipped_with_SL0005()
    {
        var catalog = new RuleCatalog([new SpinningRule(), new StrategyLint.Rules.Tool.SL0005DocumentBeyondLimits(), new StrategyLint.Rules.Structure.SL1003EmptySection()]);
        var config = new LintConfig { BaseDirectory = _folder.Path, TimeoutSecondsPerFile = 1 };
        var linter = new StrategyLinter(catalog, config);
        var spin = Encoding.UTF8.GetBytes("# spin\n");
        var good = Encoding.UTF8.GetBytes("# Strategy\n\n## Governance\n\nTBD\n");

        var result = await Task.Run(() => linter.Lint([new InputFile("spin.md", null, () => spin), new InputFile("good.md", null, () => good)]));

        var spun = result.Files.Single(f => f.File.DisplayPath == "spin.md");
        Assert.True(spun.Skipped);
        var finding = Assert.Single(spun.Findings);
        Assert.Equal("SL0005", finding.Id);
        Assert.Contains("took its rules more than 1 s", finding.Message, StringComparison.Ordinal);
        Assert.Contains("limits.timeoutSecondsPerFile", finding.Message, StringComparison.Ordinal);
        Assert.Contains(result.Files.Single(f => f.File.DisplayPath == "good.md").Findings, f => f.Id == "SL1003");
    }
}
