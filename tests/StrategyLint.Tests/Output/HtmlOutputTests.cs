using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Output;

/// <summary>
/// The reviewer's page (--format html): the heatmap agrees with the findings, every finding is there with its
/// quote and help, text from drafts is inert, nothing loads from the network, the bytes are repeatable, and the
/// page loads in headless Chromium with no console message and a screenshot that shows the matrix.
/// </summary>
public sealed partial class HtmlOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void CopyExample(string name, string? target = null) =>
        File.Copy(Path.Combine(TestPaths.Examples, name), Path.Combine(_folder.Path, target ?? name));

    private void CopyExamples()
    {
        foreach (var name in new[] { "gaps-ncs.md", "complete-ncs.md", "capacity-building-plan.md", "cybercrime-strategy.md" })
            CopyExample(name);
    }

    private string Html(params string[] args) => CliRunner.Run(_folder.Path, [.. args, "-f", "html"]).Out;

    private static readonly string[] FocusAreas = ["SL2001", "SL2002", "SL2003", "SL2004", "SL2005", "SL2006", "SL2007"];

    // ---- reading the page back ----------------------------------------------------------------------------------

    private sealed record Cell(string State, bool Suppressed, string Text, string? Href);

    /// <summary>The heatmap: file (as written in its row) → rule id → cell. One element per line, as the formatter writes it.</summary>
    private static Dictionary<string, Dictionary<string, Cell>> Matrix(string html)
    {
        var table = MatrixTable().Match(html);
        Assert.True(table.Success, "the page has no coverage matrix");
        var ids = ColumnId().Matches(table.Groups["head"].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        var matrix = new Dictionary<string, Dictionary<string, Cell>>(StringComparer.Ordinal);
        foreach (Match row in MatrixRow().Matches(table.Groups["body"].Value))
        {
            var file = WebUtility.HtmlDecode(row.Groups["file"].Value);
            var cells = MatrixCell().Matches(row.Groups["cells"].Value).ToList();
            Assert.Equal(ids.Count, cells.Count);
            matrix[file] = ids.Select((id, i) => (id, cell: cells[i])).ToDictionary(
                x => x.id,
                x => new Cell(
                    x.cell.Groups["state"].Value,
                    x.cell.Groups["suppressed"].Success,
                    WebUtility.HtmlDecode(Tag().Replace(x.cell.Groups["content"].Value, "")).Trim(),
                    Href().Match(x.cell.Groups["content"].Value) is { Success: true } href ? href.Groups[1].Value : null),
                StringComparer.Ordinal);
        }
        return matrix;
    }

    [GeneratedRegex("""<table class="matrix" id="coverage-matrix">(?<head>.*?)</thead>\s*<tbody>(?<body>.*?)</tbody>""", RegexOptions.Singleline)]
    private static partial Regex MatrixTable();

    [GeneratedRegex("""<span class="id">(SL\d{4})</span>""")]
    private static partial Regex ColumnId();

    [GeneratedRegex("""<tr><th scope="row" class="file">(?:<a href="#[^"]*">)?<code>(?<file>[^<]*)</code>.*?</th>\n(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex MatrixRow();

    [GeneratedRegex("""<td class="cell (?<state>covered|thin|missing|unchecked)(?<suppressed> suppressed)?" title="[^"]*">(?<content>.*?)</td>""")]
    private static partial Regex MatrixCell();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("""<tr id="(?<anchor>file-\d+-\d+)" class="finding (?<severity>error|warning|info)(?<suppressed> suppressed)?">\n<td class="line">(?<line>\d+)</td>\n.*?<td class="rule"><a href="(?<help>[^"]*)"[^>]*>(?<id>SL\d{4})</a>.*?</tr>""", RegexOptions.Singleline)]
    private static partial Regex FindingRow();

    [GeneratedRegex("""<section class="file" id="(?<anchor>file-\d+)">\n<h3><code>(?<file>[^<]*)</code></h3>(?<body>.*?)\n</section>""", RegexOptions.Singleline)]
    private static partial Regex FileSection();

    private sealed record JsonFinding(string File, int Line, string Id, string Severity);

    private (List<JsonFinding> Findings, Dictionary<string, Dictionary<string, string>> Coverage) Json(params string[] args)
    {
        using var json = JsonDocument.Parse(CliRunner.Run(_folder.Path, [.. args, "-f", "json"]).Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => new JsonFinding(
            f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("id").GetString()!, f.GetProperty("severity").GetString()!)).ToList();
        var coverage = json.RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.TryGetProperty("coverage", out _))
            .ToDictionary(
                f => f.GetProperty("path").GetString()!,
                f => f.GetProperty("coverage").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("state").GetString()!, StringComparer.Ordinal),
                StringComparer.Ordinal);
        return (findings, coverage);
    }

    // ---- the heatmap --------------------------------------------------------------------------------------------

    [Fact]
    public void The_heatmap_shows_covered_missing_and_not_checked_and_agrees_with_the_json_coverage()
    {
        CopyExample("gaps-ncs.md");
        CopyExample("complete-ncs.md");
        CopyExample("capacity-building-plan.md");

        var html = Html(".");
        var matrix = Matrix(html);
        var (_, coverage) = Json(".");

        Assert.Equal(["capacity-building-plan.md", "complete-ncs.md", "gaps-ncs.md"], matrix.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("covered", matrix["gaps-ncs.md"]["SL2001"].State);
        Assert.Equal("missing", matrix["gaps-ncs.md"]["SL2007"].State);
        Assert.All(FocusAreas, id => Assert.Equal("covered", matrix["complete-ncs.md"][id].State));
        Assert.All(FocusAreas, id => Assert.Equal("unchecked", matrix["capacity-building-plan.md"][id].State));

        foreach (var (file, cells) in matrix)
        {
            foreach (var (id, cell) in cells)
            {
                // The JSON report leaves out the topics a file was not checked for.
                var expected = coverage[file].TryGetValue(id, out var state) ? state : "unchecked";
                Assert.True(expected == cell.State, $"{file} {id}: the page says {cell.State}, the JSON says {expected}");
                // Colour is never the only signal: every cell carries a symbol and a word.
                var (symbol, word) = cell.State switch
                {
                    "covered" => ("✓", "covered"),
                    "thin" => ("◐", "thin"),
                    "missing" => ("✗", "missing"),
                    _ => ("–", "not checked"),
                };
                Assert.Equal($"{symbol} {word}", cell.Text);
            }
        }
        // The legend explains every state.
        foreach (var word in new[] { "✓</span> covered", "◐</span> thin", "✗</span> missing", "–</span> not checked", "(suppressed)" })
            Assert.Contains(word, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_headings_link_to_the_rule_pages_and_cells_to_the_findings_behind_them()
    {
        CopyExample("gaps-ncs.md");
        CopyExample("complete-ncs.md");

        var html = Html(".");
        var matrix = Matrix(html);

        var head = MatrixTable().Match(html).Groups["head"].Value;
        foreach (var id in matrix.First().Value.Keys)
        {
            var help = RuleCatalog.BuiltIn.Find(id)!.HelpLinkUri;
            Assert.Contains($"<a href=\"{help}\" rel=\"noopener noreferrer\">", head, StringComparison.Ordinal);
        }

        var anchors = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var sections = FileSection().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["file"].Value), m => m, StringComparer.Ordinal);
        foreach (var (file, cells) in matrix)
        {
            foreach (var (id, cell) in cells)
            {
                Assert.NotNull(cell.Href);
                Assert.StartsWith("#", cell.Href, StringComparison.Ordinal);
                Assert.Contains(cell.Href[1..], anchors);
                // A missing cell opens the finding that says so; the others open the file's section.
                var section = sections[file];
                if (cell.State == "missing")
                {
                    var row = FindingRow().Matches(section.Groups["body"].Value).Single(r => r.Groups["anchor"].Value == cell.Href[1..]);
                    Assert.Equal(id, row.Groups["id"].Value);
                }
                else
                {
                    Assert.Equal("#" + section.Groups["anchor"].Value, cell.Href);
                }
            }
        }
    }

    [Fact]
    public void An_area_mentioned_only_in_passing_is_thin_and_links_to_the_SL2010_finding()
    {
        const string draft = OutputTestSupport.ThinRiskManagementDraft;
        _folder.Write("thin.md", draft);

        var html = Html("thin.md", "--profile", "national-cybersecurity-strategy");

        var row = Matrix(html)["thin.md"];
        Assert.Equal("thin", row["SL2002"].State);
        Assert.Equal("◐ thin", row["SL2002"].Text);
        Assert.All(FocusAreas.Where(id => id != "SL2002"), id => Assert.Equal("covered", row[id].State));
        var finding = FindingRow().Matches(html).Single(r => "#" + r.Groups["anchor"].Value == row["SL2002"].Href);
        Assert.Equal("SL2010", finding.Groups["id"].Value);
        // The thin area's two passing mentions are quoted.
        Assert.Contains("<blockquote><span class=\"where\">Line ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_column_totals_count_the_covered_drafts_of_those_checked()
    {
        CopyExamples();

        var html = Html(".");
        var matrix = Matrix(html);
        var totals = Regex.Matches(html, "<td class=\"total\">(\\d+) of (\\d+)</td>").Select(m => (Covered: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Checked: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var ids = matrix.First().Value.Keys.ToList();

        Assert.Equal(ids.Count, totals.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(matrix.Values.Count(r => r[ids[i]].State == "covered"), totals[i].Covered);
            Assert.Equal(matrix.Values.Count(r => r[ids[i]].State != "unchecked"), totals[i].Checked);
        }
    }

    // ---- findings ---------------------------------------------------------------------------------------------

    [Fact]
    public void Every_finding_of_the_run_is_on_the_page_under_its_file()
    {
        CopyExamples();
        _folder.Write(Path.Combine("drafts", "skipped.md"), SkippedLevelDraft);

        var html = Html(".");
        var (findings, _) = Json(".");

        var rows = new List<string>();
        foreach (Match section in FileSection().Matches(html))
        {
            var file = WebUtility.HtmlDecode(section.Groups["file"].Value);
            foreach (Match row in FindingRow().Matches(section.Groups["body"].Value))
            {
                rows.Add($"{file}:{row.Groups["line"].Value}:{row.Groups["id"].Value}:{row.Groups["severity"].Value}");
                Assert.Equal(RuleCatalog.BuiltIn.Find(row.Groups["id"].Value)!.HelpLinkUri, row.Groups["help"].Value);
            }
        }

        Assert.True(findings.Count > 20, $"expected a rich run, got {findings.Count} findings");
        Assert.Equal(
            findings.Select(f => $"{f.File}:{f.Line}:{f.Id}:{f.Severity}").Order(StringComparer.Ordinal),
            rows.Order(StringComparer.Ordinal));
        // Every file has a section, even without findings, so every matrix row has somewhere to link to.
        Assert.Equal(5, FileSection().Matches(html).Count);
        Assert.Contains("<p class=\"none\">No findings.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_shows_its_message_the_quoted_passage_and_the_rule_help()
    {
        CopyExample("capacity-building-plan.md");
        var draft = File.ReadAllText(Path.Combine(_folder.Path, "capacity-building-plan.md"));
        var line = LineOf(draft, "participating donors");

        var html = Html(".");

        var row = FindingRow().Matches(html).First(r => r.Groups["id"].Value == "SL4003" && r.Groups["line"].Value == line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;
        var descriptor = RuleCatalog.BuiltIn.Find("SL4003")!;
        Assert.Contains($"<blockquote><span class=\"where\">Line {line}:</span> ", row, StringComparison.Ordinal);
        Assert.Matches(@"<blockquote>[^<]*<[^<]*</span> [^<]*participating donors", row);
        Assert.Contains($"<summary>About SL4003: {WebUtility.HtmlEncode(descriptor.Title.ToString())}</summary>", row, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(descriptor.Description.ToString()), row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{descriptor.HelpLinkUri}\" rel=\"noopener noreferrer\">Read the rule’s page</a>", row, StringComparison.Ordinal);
        Assert.Contains("▲</span> warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_with_a_pipe_inside_stays_one_quote()
    {
        var descriptor = RuleCatalog.BuiltIn.Find("SL4003")!;
        var finding = MakeFinding(descriptor, "draft.md", 3, RuleSeverity.Info, "m") with
        {
            Properties = new Dictionary<string, string> { ["mentions"] = "line 3: a | b is one sentence | line 9: and <another>" },
        };

        var quotes = HtmlFormatter.Quotes(finding).ToList();

        Assert.Equal([("3", "a | b is one sentence"), ("9", "and <another>")], quotes);
    }

    [Fact]
    public void A_clean_run_says_no_findings()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("clean.md", "# Title\n\nText.\n");

        var html = Html("clean.md");

        Assert.Contains("<p class=\"summary\">No problems found in 1 file.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"none\">No findings.</p>", html, StringComparison.Ordinal);
        // With the focus-area and clause rules off there is no matrix, and the page says why.
        Assert.DoesNotContain("id=\"coverage-matrix\"", html, StringComparison.Ordinal);
        Assert.Contains("No focus-area or clause rule ran on these files", html, StringComparison.Ordinal);
    }

    // ---- suppressed findings --------------------------------------------------------------------------------------

    [Fact]
    public void Suppressed_findings_are_counted_by_default_and_marked_with_kind_and_reason_under_include_suppressed()
    {
        var sl1003 = RuleCatalog.BuiltIn.Find("SL1003")!;
        var result = ResultOf(
            "draft.md",
            MakeFinding(sl1003, "draft.md", 3, RuleSeverity.Warning, "Open one."),
            MakeFinding(sl1003, "draft.md", 8, RuleSeverity.Warning, "Accepted one.") with
            {
                Suppression = new FindingSuppression(FindingSuppression.InSource, "Left empty <on purpose>"),
            },
            MakeFinding(sl1003, "draft.md", 12, RuleSeverity.Warning, "Baselined one.") with
            {
                Suppression = new FindingSuppression(FindingSuppression.External, null),
            });

        var plain = Render(result, include: false);
        Assert.Contains("2 suppressed findings are not shown", plain, StringComparison.Ordinal);
        Assert.Contains("Open one.", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted one.", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Baselined one.", plain, StringComparison.Ordinal);

        var included = Render(result, include: true);
        Assert.DoesNotContain("are not shown", included, StringComparison.Ordinal);
        var rows = FindingRow().Matches(included).ToList();
        Assert.Equal(3, rows.Count);
        Assert.False(rows[0].Groups["suppressed"].Success);
        Assert.Contains("<p class=\"suppression\"><strong>Suppressed</strong> (inSource): Left empty &lt;on purpose&gt;</p>", rows[1].Value, StringComparison.Ordinal);
        Assert.True(rows[1].Groups["suppressed"].Success);
        Assert.Contains("<p class=\"suppression\"><strong>Suppressed</strong> (external) (no reason given)</p>", rows[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppressed_gap_is_marked_in_its_cell()
    {
        var sl3002 = RuleCatalog.BuiltIn.Find("SL3002")!;
        var file = ResultOf("draft.md", MakeFinding(sl3002, "draft.md", 1, RuleSeverity.Warning, "No gender clause.") with
        {
            Suppression = new FindingSuppression(FindingSuppression.InSource, "covered by the national gender policy"),
        }).Files[0] with { CheckedRules = new HashSet<string>(["SL3001", "SL3002"], StringComparer.Ordinal) };

        var html = Render(new LintResult([file]), include: false);

        var cells = Matrix(html)["draft.md"];
        Assert.Equal(new Cell("missing", true, "✗ missing (suppressed)", "#file-1"), cells["SL3002"]);
        Assert.Equal("covered", cells["SL3001"].State);
    }

    [Fact]
    public void A_gap_suppressed_in_the_draft_is_marked_in_the_heatmap_and_listed_with_its_reason_under_include_suppressed()
    {
        var draft = File.ReadAllText(Path.Combine(TestPaths.Examples, "gaps-ncs.md"))
            + "\n<!-- strategylint-disable-file SL3002 -- Gender is covered by the <national> gender policy. -->\n";
        _folder.Write("gaps-ncs.md", draft);

        var plain = Html("gaps-ncs.md");
        var included = Html("gaps-ncs.md", "--include-suppressed");

        Assert.Equal(new Cell("missing", true, "✗ missing (suppressed)", "#file-1"), Matrix(plain)["gaps-ncs.md"]["SL3002"]);
        Assert.DoesNotContain(FindingRow().Matches(plain), r => r.Groups["id"].Value == "SL3002");
        Assert.Contains("1 suppressed finding is not shown", plain, StringComparison.Ordinal);

        var row = Assert.Single(FindingRow().Matches(included), r => r.Groups["id"].Value == "SL3002");
        Assert.True(row.Groups["suppressed"].Success);
        Assert.Contains("<strong>Suppressed</strong> (inSource): Gender is covered by the &lt;national&gt; gender policy.", row.Value, StringComparison.Ordinal);
        // Under --include-suppressed the cell opens the suppressed finding itself.
        Assert.Equal("#" + row.Groups["anchor"].Value, Matrix(included)["gaps-ncs.md"]["SL3002"].Href);
    }

    private string Render(LintResult result, bool include)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new HtmlFormatter(new OutputOptions(_folder.Path, IncludeSuppressed: include)).Write(result, RuleCatalog.BuiltIn, writer);
        return writer.ToString();
    }

    // ---- escaping ---------------------------------------------------------------------------------------------

    /// <summary>Headings that would run script if written raw; in code spans the parser keeps their characters.</summary>
    private const string HostileDraft = """
        # T

        Some text.

        ## A

        More text.

        #### `<script>alert(1)</script>`

        Body.

        ## B

        More text.

        #### `"><img src=x onerror=alert(2)>`

        Body.
        """;

    /// <summary>A file name that closes an attribute and opens an element, as Linux allows.</summary>
    private const string HostileFileName = "x\"><svg onload=alert(3)>.md";

    [Fact]
    public void Hostile_headings_and_file_names_come_out_as_inert_text()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("evil.md", HostileDraft);
        _folder.Write(HostileFileName, HostileDraft);

        var html = Html(".");

        Assert.DoesNotMatch(new Regex("<(script|img|svg|iframe|object|embed)", RegexOptions.IgnoreCase), html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<code>x&quot;&gt;&lt;svg onload=alert(3)&gt;.md</code>", html, StringComparison.Ordinal);
        // Both files' findings are there, under their own sections.
        Assert.Equal(4, FindingRow().Matches(html).Count);
    }

    [Theory]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;")]
    [InlineData("bell\u0007and\u0000nul", "bell and nul")]
    [InlineData("Plain text, 100% (ok).", "Plain text, 100% (ok).")]
    public void Encode_escapes_markup_and_drops_control_characters(string text, string expected) =>
        Assert.Equal(expected, HtmlFormatter.Encode(text));

    // ---- self-contained and deterministic ------------------------------------------------------------------------

    [Fact]
    public void The_page_is_self_contained_and_forbids_every_network_load()
    {
        CopyExamples();

        var html = Html(".");

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<link|<script|<iframe|<img|@import|url\\(", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\bsrc=", RegexOptions.IgnoreCase), html);
        // The only links leaving the page are <a href> to the rule pages; every other link is to an anchor on it.
        foreach (Match attribute in Regex.Matches(html, "<(?<tag>[a-z]+)[^>]*?\\s(?<name>href|src|action|data|poster)=\"(?<value>[^\"]*)\""))
        {
            var value = attribute.Groups["value"].Value;
            Assert.Equal("a", attribute.Groups["tag"].Value);
            Assert.True(value.StartsWith('#') || value.StartsWith(RuleDescriptors.DocsBaseUri, StringComparison.Ordinal), $"unexpected link {value}");
        }
        Assert.DoesNotMatch(new Regex("(?<!href=\")https?://(?!github\\.com/strategylint/)"), html);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_drafts_give_the_same_bytes()
    {
        CopyExamples();

        var first = CliRunner.Run(_folder.Path, ".", "-f", "html", "-o", "first.html");
        var second = CliRunner.Run(_folder.Path, ".", "-f", "html", "-o", "second.html");

        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Contains("Written to first.html.", first.Out, StringComparison.Ordinal);
        var a = File.ReadAllBytes(Path.Combine(_folder.Path, "first.html"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(_folder.Path, "second.html")));
        Assert.DoesNotMatch(@"\b20\d\d-\d\d-\d\d\b", System.Text.Encoding.UTF8.GetString(a));
    }

    [Fact]
    public void Html_is_a_format_of_lint_and_writes_alongside_others()
    {
        CopyExample("gaps-ncs.md");

        var run = CliRunner.Run(_folder.Path, "gaps-ncs.md", "--format", "github", "--format", "html", "--output", "report.html");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning file=gaps-ncs.md", run.Out, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_folder.Path, "report.html"));
        Assert.Contains("<h1>StrategyLint report</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"generator\" content=\"StrategyLint {StrategyLint.Cli.ToolInfo.Version}\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"coverage-matrix\"", html, StringComparison.Ordinal);
    }

    // ---- headless Chromium ------------------------------------------------------------------------------------

    private static string CheckScript => Path.Combine(TestPaths.RepositoryRoot, "tests", "browser", "check-html.sh");

    private sealed record Check(int ExitCode, string Out, string Error);

    private static Check RunCheck(string report, string png)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CheckScript);
        start.ArgumentList.Add(report);
        start.ArgumentList.Add(png);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("check-html.sh did not finish in 4 minutes");
        }
        return new Check(process.ExitCode, output.Result, error.Result);
    }

    private string WriteReport()
    {
        CopyExamples();
        _folder.Write("evil.md", HostileDraft);
        var run = CliRunner.Run(_folder.Path, ".", "-f", "html", "-o", "report.html");
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        return Path.Combine(_folder.Path, "report.html");
    }

    [ChromiumFact]
    public void The_page_loads_in_headless_Chromium_without_console_messages_and_the_screenshot_shows_the_heatmap()
    {
        var report = WriteReport();
        var png = Path.Combine(_folder.Path, "shot", "report.png");

        var check = RunCheck(report, png);

        Assert.True(check.ExitCode == 0, $"check-html.sh exited {check.ExitCode}:\n{check.Error}\n{check.Out}");
        Assert.DoesNotContain("CONSOLE", check.Error, StringComparison.Ordinal);
        Assert.Contains("check-html: ok", check.Out, StringComparison.Ordinal);

        // The DOM after load holds the matrix with a row per draft, and nothing from the hostile headings ran.
        var dom = File.ReadAllText(Path.ChangeExtension(png, ".dom.html"));
        Assert.Contains("id=\"coverage-matrix\"", dom, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Matches(dom, "<th scope=\"row\" class=\"file\">").Count - 1);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);

        var image = Png.Read(png);
        Assert.Equal((1280, 1000), (image.Width, image.Height));
        Assert.True(new FileInfo(png).Length > 20_000, $"the screenshot is suspiciously small ({new FileInfo(png).Length} bytes)");
        // The heatmap's fills are on screen: many pixels of the covered, missing and not-checked colours of the CSS.
        // Thresholds well above what the legend's swatches alone could reach (a few thousand pixels each).
        Assert.True(image.Count(0xcd, 0xeb, 0xd0) > 20_000, "no covered (green) cells in the screenshot");
        Assert.True(image.Count(0xf8, 0xc4, 0xbd) > 20_000, "no missing (red) cells in the screenshot");
        Assert.True(image.Count(0xec, 0xec, 0xec) > 20_000, "no not-checked (grey) cells in the screenshot");
    }

    [ChromiumFact]
    public void The_browser_check_fails_on_a_script_error_and_on_a_network_load()
    {
        var report = WriteReport();
        var html = File.ReadAllText(report);
        var scriptError = Path.Combine(_folder.Path, "script-error.html");
        // Without the policy, so the script runs and throws (with it, the policy's refusal is the console message).
        File.WriteAllText(scriptError, Regex.Replace(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "").Replace("</body>", "<script>notDefined()</script></body>", StringComparison.Ordinal));
        var networkLoad = Path.Combine(_folder.Path, "network-load.html");
        File.WriteAllText(networkLoad, html.Replace("</body>", "<img src=\"https://example.com/pixel.png\" alt=\"\"></body>", StringComparison.Ordinal));

        var failed = RunCheck(scriptError, Path.Combine(_folder.Path, "script-error.png"));
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Uncaught ReferenceError: notDefined is not defined", failed.Error, StringComparison.Ordinal);

        var blocked = RunCheck(networkLoad, Path.Combine(_folder.Path, "network-load.png"));
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("Content Security Policy", blocked.Error, StringComparison.Ordinal);
    }

    /// <summary>Just enough PNG decoding for a screenshot: 8-bit RGB or RGBA, not interlaced (what Chromium writes).</summary>
    private sealed class Png
    {
        private Png(int width, int height, int channels, byte[] pixels)
        {
            Width = width;
            Height = height;
            _channels = channels;
            _pixels = pixels;
        }

        private readonly int _channels;
        private readonly byte[] _pixels;

        public int Width { get; }

        public int Height { get; }

        /// <summary>How many pixels have exactly this colour.</summary>
        public int Count(byte r, byte g, byte b)
        {
            var count = 0;
            for (var i = 0; i + 2 < _pixels.Length; i += _channels)
            {
                if (_pixels[i] == r && _pixels[i + 1] == g && _pixels[i + 2] == b)
                    count++;
            }
            return count;
        }

        public static Png Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG file");
            int width = 0, height = 0, channels = 0;
            using var idat = new MemoryStream();
            for (var offset = 8; offset < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
                var data = bytes.AsSpan(offset + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    channels = data[9] switch { 2 => 3, 6 => 4, var other => throw new InvalidDataException($"PNG colour type {other} is not handled") };
                    Assert.Equal(0, data[12]);
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }
                offset += 12 + length;
            }
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
                zlib.CopyTo(inflated);
            return new Png(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
        }

        /// <summary>Undoes the per-row filters (none, sub, up, average, Paeth) of the PNG specification.</summary>
        private static byte[] Unfilter(byte[] data, int width, int height, int channels)
        {
            var stride = width * channels;
            var pixels = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = data[y * (stride + 1)];
                var source = y * (stride + 1) + 1;
                var row = y * stride;
                for (var x = 0; x < stride; x++)
                {
                    int left = x >= channels ? pixels[row + x - channels] : 0;
                    int up = y > 0 ? pixels[row - stride + x] : 0;
                    int upLeft = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
                    var predictor = filter switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, upLeft),
                        _ => throw new InvalidDataException($"PNG filter {filter} is not defined"),
                    };
                    pixels[row + x] = (byte)(data[source + x] + predictor);
                }
            }
            return pixels;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}

/// <summary>A fact that needs headless Chromium (Debian's chromium package); skipped, naming it, when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Skip = "the headless-browser test runs tests/browser/check-html.sh, a bash script (Linux or macOS)";
        else if (!IsInstalled())
            Skip = "needs chromium for the headless-browser test (Debian: apt-get install chromium); it is not on PATH, or CHROMIUM does not name an installed browser";
    }

    private static bool IsInstalled()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) || OnPath(explicitPath);
        return new[] { "chromium", "chromium-browser", "google-chrome" }.Any(OnPath);
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, name)));
}
