using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Issue 13, "Injection into outputs": file names, headings, pack titles, messages and help links are chosen by
/// the pull request. In no format may they start a GitHub workflow command (a line beginning with <c>::</c>, or
/// <c>##[</c> anywhere), put a terminal escape sequence or bidirectional override into a log, add a heading, an
/// image, raw HTML, a live mention or a table cell to the job summary, or become a non-http(s) link.
/// </summary>
public sealed partial class OutputInjectionTests : IDisposable
{
    private const int Bounded = 60_000;

    private const string Esc = "\u001b";

    /// <summary>A file name that, printed raw, ends the line and starts an error annotation (Linux allows it).</summary>
    private const string HostileName = "evil\n::error file=README.md::pwned ##[error]again \u001b]0;title\u0007 \u202eright.md";

    /// <summary>Headings quoted in findings: an empty section (SL1003) repeats its heading in the message.</summary>
    private const string HostileHeadings = "# National Cybersecurity Strategy\n\n## Governance\n\nThe Council leads.\n\n"
        + "## Clear \u001b[2J\u001b]0;pwned\u0007 screen\n\n"
        + "## <img src=x onerror=alert(1)> @someone [x](javascript:alert(1)) | cell\n\n"
        + "## ##[error]legacy command\n";

    private static readonly string[] Formats = ["text", "github", "markdown", "html", "json", "sarif"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // ---- what must hold in every output ---------------------------------------------------------------------------------

    /// <summary>No control character but line breaks and tabs, no bidirectional override, in any output.</summary>
    private static void AssertNoRawControls(string what, string text)
    {
        var bad = text.FirstOrDefault(c => (char.IsControl(c) && c is not '\n' and not '\t') || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
        Assert.True(bad == default, $"{what}: raw U+{(int)bad:X4} in the output");
    }

    /// <summary>
    /// Every line the runner would read as a workflow command is one StrategyLint wrote on purpose (an annotation
    /// of the github format); no other line holds the legacy '##[' form.
    /// </summary>
    private static void AssertNoInjectedCommands(string what, string text, bool annotationsAllowed)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("::", StringComparison.Ordinal))
            {
                Assert.True(annotationsAllowed && OwnAnnotation().IsMatch(trimmed), $"{what}: a line starts a workflow command: {line}");
                continue;
            }
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\A::(error|warning|notice) file=[^\n]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[^\n]*::[^\n]*\z")]
    private static partial Regex OwnAnnotation();

    private static void AssertMarkdownIsInert(string what, string markdown)
    {
        Assert.DoesNotMatch(new Regex(@"(?<!\\)<img"), markdown);
        Assert.DoesNotContain("@someone", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)\]\(\s*javascript:", RegexOptions.IgnoreCase), markdown);
        foreach (var line in markdown.Split('\n'))
        {
            // Only StrategyLint's own headings; a table row keeps its number of cells.
            if (line.StartsWith('#'))
                Assert.Matches(new Regex(@"\A(## StrategyLint|### Coverage|### Findings|#### `[^`]*`( \([^)]*\))?)\z"), line);
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), $"{what}: {line}");
        }
    }

    private static void AssertHtmlIsInert(string html)
    {
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("href=\"(?!https?://|#)", RegexOptions.IgnoreCase), html);
    }

    private CliRun Lint(string format, params string[] more) =>
        CliRunner.Run(_folder.Path, [.. more, "--format", format, "--profile", "national-cybersecurity-strategy"]);

    // ---- a file name with a line break and a workflow command -----------------------------------------------------------

    [Fact(Timeout = Bounded)]
    public async Task A_file_name_with_a_newline_and_a_workflow_command_is_inert_in_every_format()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows file names cannot hold a line break.
        _folder.Write(HostileName, "# National Cybersecurity Strategy\n\n## Governance\n\n## Empty\n");
        _folder.Write("plain.md", "# National Cybersecurity Strategy\n\n## Governance\n\n## Empty\n");

        foreach (var format in Formats)
        {
            var run = await Task.Run(() => Lint(format, "."));

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("SL1003", run.Out, StringComparison.Ordinal);
            AssertNoRawControls(format, run.Out + run.Error);
            AssertNoInjectedCommands(format, run.Out + "\n" + run.Error, annotationsAllowed: format == "github");
            // The other file was linted too.
            Assert.Contains("plain.md", run.Out, StringComparison.Ordinal);
            if (format == "markdown")
                AssertMarkdownIsInert(format, run.Out);
            if (format == "html")
                AssertHtmlIsInert(run.Out);
            if (format is "json" or "sarif")
                Assert.Contains("evil", JsonDocument.Parse(run.Out).RootElement.ToString(), StringComparison.Ordinal);
        }

        var text = Lint("text", ".").Out;
        Assert.Contains(@"evil\n::error file=README.md::pwned \x23#[error]again \x1b]0;title\x07 \u202eright.md(", text, StringComparison.Ordinal);
        var github = Lint("github", ".").Out;
        Assert.Contains("file=evil%0A%3A%3Aerror file=README.md%3A%3Apwned ##[error]again \\x1b]0;title\\x07 \\u202eright.md,", github, StringComparison.Ordinal);
    }

    [Fact(Timeout = Bounded)]
    public async Task Verbose_fix_and_diff_lines_show_a_hostile_file_name_escaped()
    {
        if (OperatingSystem.IsWindows())
            return;
        _folder.Write(HostileName, "# Republic of Valdoria National Cybersecurity Strategy\n\n## Governance\n\nThe Authority leads.\n");

        var verbose = await Task.Run(() => Lint("text", ".", "--verbose"));
        var dryRun = await Task.Run(() => Lint("text", ".", "--fix", "--dry-run"));
        var fix = await Task.Run(() => Lint("text", ".", "--fix"));

        foreach (var (what, run) in new[] { ("verbose", verbose), ("dry run", dryRun), ("fix", fix) })
        {
            Assert.NotEqual(2, run.ExitCode);
            AssertNoRawControls(what, run.Out + run.Error);
            AssertNoInjectedCommands(what, run.Out + "\n" + run.Error, annotationsAllowed: false);
        }
        Assert.Contains(@"evil\n::error", verbose.Error, StringComparison.Ordinal);
        Assert.Contains(@"+++ b/evil\n::error", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains(@"Fixed 6 findings in 1 file: evil\n::error", fix.Error, StringComparison.Ordinal);
    }

    // ---- headings quoted in messages -------------------------------------------------------------------------------------

    [Fact(Timeout = Bounded)]
    public async Task Escape_codes_html_mentions_and_links_in_headings_are_inert_in_every_format()
    {
        _folder.Write("draft.md", HostileHeadings);
        _folder.Write("plain.md", "# National Cybersecurity Strategy\n\n## Empty\n");

        foreach (var format in Formats)
        {
            var run = await Task.Run(() => Lint(format, "draft.md", "plain.md"));

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("plain.md", run.Out, StringComparison.Ordinal);
            AssertNoRawControls(format, run.Out + run.Error);
            AssertNoInjectedCommands(format, run.Out + "\n" + run.Error, annotationsAllowed: format == "github");
            if (format == "markdown")
                AssertMarkdownIsInert(format, run.Out);
            if (format == "html")
                AssertHtmlIsInert(run.Out);
        }
        // Shown, not obeyed.
        Assert.Contains(@"Clear \x1b[2J\x1b]0;pwned\x07 screen", Lint("text", "draft.md").Out, StringComparison.Ordinal);
        Assert.Contains(@"Clear \x1b[2J\x1b]0;pwned\x07 screen", Lint("github", "draft.md").Out, StringComparison.Ordinal);
        Assert.Contains(@"\x23#[error]legacy command", Lint("text", "draft.md").Out, StringComparison.Ordinal);
    }

    // ---- a pack's title, message and help link ---------------------------------------------------------------------------------

    [Fact(Timeout = Bounded)]
    public async Task A_pack_rule_with_a_hostile_title_message_and_help_link_is_inert_in_every_format()
    {
        _folder.Write("packs/evil/pack.json", """{ "name": "evil", "description": "A hostile pack.", "profiles": [] }""");
        _folder.Write("packs/evil/evil.Rule.json", """
            {
              "id": "evil.Rule",
              "kind": "forbid-phrase",
              "title": "Title\n::error::title-injected | cell \u001b[31m",
              "severity": "warning",
              "message": "Msg\n::error::msg-injected \u001b[31m | <img src=x onerror=alert(1)> @someone",
              "description": "Desc <img src=x onerror=alert(2)> @someone [x](javascript:alert(3))",
              "helpUri": "https://example.com/a)[x](javascript:alert(1))",
              "terms": ["TBD"]
            }
            """);
        _folder.Write("strategylint.json", """{ "extends": ["./packs/evil"] }""");
        _folder.Write("draft.md", "# National Cybersecurity Strategy\n\n## Governance\n\nThe owner is TBD.\n");

        foreach (var format in Formats)
        {
            var run = await Task.Run(() => Lint(format, "draft.md"));

            Assert.NotEqual(2, run.ExitCode);
            Assert.Contains("evil.Rule", run.Out, StringComparison.Ordinal);
            AssertNoRawControls(format, run.Out + run.Error);
            AssertNoInjectedCommands(format, run.Out + "\n" + run.Error, annotationsAllowed: format == "github");
            if (format == "markdown")
            {
                AssertMarkdownIsInert(format, run.Out);
                // The link stays one destination: its brackets and parentheses are percent-encoded.
                Assert.Contains("[evil.Rule](https://example.com/a%29%5Bx%5D%28javascript:alert%281%29%29)", run.Out, StringComparison.Ordinal);
            }
            if (format == "html")
                AssertHtmlIsInert(run.Out);
            if (format == "sarif")
            {
                using var sarif = JsonDocument.Parse(run.Out);
                var rule = SarifRun(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "evil.Rule");
                var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
                AssertMarkdownIsInert("sarif help", markdown);
            }
        }
    }

    [Fact(Timeout = Bounded)]
    public async Task Rules_and_coverage_show_a_hostile_pack_and_file_name_escaped()
    {
        _folder.Write("packs/evil/pack.json", """{ "name": "evil", "description": "A hostile pack.", "profiles": [] }""");
        _folder.Write("packs/evil/evil.Rule.json", """
            { "id": "evil.Rule", "kind": "forbid-phrase", "title": "Title\n::error::title-injected \u001b]0;pwned\u0007", "message": "M", "description": "D", "terms": ["TBD"] }
            """);
        _folder.Write("strategylint.json", """{ "extends": ["./packs/evil"] }""");
        var name = OperatingSystem.IsWindows() ? "plain.md" : HostileName;
        _folder.Write(name, "# National Cybersecurity Strategy\n\nThe owner is TBD.\n");

        var rules = await Task.Run(() => CliRunner.Run(_folder.Path, "rules"));
        var coverage = await Task.Run(() => CliRunner.Run(_folder.Path, "coverage", ".", "--profile", "national-cybersecurity-strategy"));

        foreach (var (what, run) in new[] { ("rules", rules), ("coverage", coverage) })
        {
            Assert.Equal(0, run.ExitCode);
            AssertNoRawControls(what, run.Out + run.Error);
            AssertNoInjectedCommands(what, run.Out + "\n" + run.Error, annotationsAllowed: false);
        }
        Assert.Contains(@"Title\n::error::title-injected \x1b]0;pwned\x07", rules.Out, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "plain.md" : "right.md", coverage.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_help_link_from_a_pack_is_refused_when_the_pack_loads()
    {
        _folder.Write("packs/evil/pack.json", """{ "name": "evil", "description": "A hostile pack.", "profiles": [] }""");
        _folder.Write("packs/evil/evil.Rule.json", """
            { "id": "evil.Rule", "kind": "forbid-phrase", "title": "T", "message": "M", "description": "D", "helpUri": "javascript:alert(1)", "terms": ["TBD"] }
            """);
        _folder.Write("strategylint.json", """{ "extends": ["./packs/evil"] }""");
        _folder.Write("draft.md", "# National Cybersecurity Strategy\n\nThe owner is TBD.\n");

        var run = Lint("markdown", "draft.md");

        Assert.Equal(2, run.ExitCode);
        AssertMarkdownIsInert("markdown", run.Out);
        Assert.Contains("SL0001", run.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// The loader refuses a non-http(s) helpUri, but a rule can still carry one (a C# rule sets its own descriptor):
    /// every format drops such a link instead of writing it, and escapes a title or message with line breaks.
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//example.com/relative")]
    [InlineData("https://example.com/a b\n::error::x")]
    public void A_non_web_help_link_is_never_written_as_a_link(string helpUri)
    {
        var descriptor = RuleDescriptors.Create("evil.Rule", "Title\n::error::t | cell", "{0}", RuleCategories.Structure, DiagnosticSeverity.Warning, "Desc <img src=x> @someone", helpUri);
        var catalog = new RuleCatalog([new HostileRule(descriptor)]);
        var result = ResultOf("draft.md", MakeFinding(descriptor, "draft.md", 1, RuleSeverity.Warning, "Msg\n::error::m | <img src=x> @someone \u001b[31m"));
        var options = new OutputOptions(_folder.Path);

        foreach (var format in Formats)
        {
            var writer = new StringWriter { NewLine = "\n" };
            OutputFormat.Create(format, options).Write(result, catalog, writer);
            var text = writer.ToString();

            AssertNoRawControls(format, text);
            AssertNoInjectedCommands(format, text, annotationsAllowed: format == "github");
            Assert.DoesNotContain(helpUri, text, StringComparison.Ordinal);
            if (format == "markdown")
                AssertMarkdownIsInert(format, text);
            if (format == "html")
                AssertHtmlIsInert(text);
            if (format == "sarif")
            {
                using var sarif = JsonDocument.Parse(text);
                var rule = SarifRun(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
                Assert.False(rule.TryGetProperty("helpUri", out _));
            }
            if (format == "json")
                Assert.DoesNotContain("\"helpUri\"", text, StringComparison.Ordinal);
        }
    }

    // ---- the escaping functions themselves --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("plain.md", "plain.md")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("a\nb\rc", @"a\nb\rc")]
    [InlineData("\u001b[31mred", @"\x1b[31mred")]
    [InlineData("del\u007f c1\u0085", @"del\x7f c1\x85")]
    [InlineData("\u202eevil\u2066", @"\u202eevil\u2066")]
    [InlineData("line\u2028sep", @"line\u2028sep")]
    [InlineData("::error::x", @"\x3a:error::x")]
    [InlineData("  ::warning::x", @"  \x3a:warning::x")]
    [InlineData("mid::error::x", "mid::error::x")]
    [InlineData("a ##[error]b", @"a \x23#[error]b")]
    [InlineData("## Heading", "## Heading")]
    public void Text_makes_controls_and_workflow_commands_visible(string value, string expected) =>
        Assert.Equal(expected, Escape.Text(value));

    [Theory]
    [InlineData("https://example.com/rules/A.md", "https://example.com/rules/A.md")]
    [InlineData("http://example.com", "http://example.com")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JAVASCRIPT:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("/docs/rule.md", null)]
    [InlineData("https://exa mple.com", null)]
    [InlineData("https://example.com/\u202e", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_absolute_http_links_are_web_links(string? uri, string? expected) =>
        Assert.Equal(expected, Escape.WebLink(uri));

    [Theory]
    [InlineData("https://example.com/a)[x](javascript:alert(1))", "https://example.com/a%29%5Bx%5D%28javascript:alert%281%29%29")]
    [InlineData("https://example.com/a|b", "https://example.com/a%7Cb")]
    [InlineData("https://github.com/strategylint/strategylint/blob/main/docs/rules/SL1002.md", "https://github.com/strategylint/strategylint/blob/main/docs/rules/SL1002.md")]
    public void Markdown_links_cannot_end_early_or_split_a_table_cell(string uri, string expected) =>
        Assert.Equal(expected, Escape.MarkdownUrl(uri));

    [Theory]
    [InlineData("drafts/plan.md", "`drafts/plan.md`")]
    [InlineData("a`b|c\nd", @"`a'b\|c\nd`")]
    public void Markdown_code_keeps_a_path_in_its_span_cell_and_line(string path, string expected) =>
        Assert.Equal(expected, Escape.MarkdownCode(path));

    [Fact]
    public void Html_encodes_markup_and_drops_controls()
    {
        // ESC becomes a space, a line break a reference, '##[' loses its first '#', an override is shown.
        Assert.Equal("&lt;img src=x onerror=&quot;a&#39;&quot;&gt; &amp; [ ] x&#10;y &#35;#[z \\u202e", Escape.Html("<img src=x onerror=\"a'\"> & [\u001b] x\ny ##[z \u202e"));
    }

    /// <summary>A rule that only declares a descriptor, as a C# rule could with any title and link.</summary>
    private sealed class HostileRule(DiagnosticDescriptor descriptor) : StrategyRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [descriptor];

        public override void Initialize(StrategyAnalysisContext context)
        {
        }
    }
}
