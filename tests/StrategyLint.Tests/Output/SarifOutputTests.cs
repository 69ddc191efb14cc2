using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NJsonSchema;
using StrategyLint.Analysis;
using StrategyLint.Cli.Output;
using StrategyLint.Linting;
using StrategyLint.Tests.Cli;
using static StrategyLint.Tests.Output.OutputTestSupport;

namespace StrategyLint.Tests.Output;

/// <summary>The SARIF output as GitHub code scanning reads it (../shared/docs/sarif-github.md §A).</summary>
public sealed class SarifOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static RuleCatalog Catalog => RuleCatalog.BuiltIn;

    private static string RenderSarif(LintResult result, OutputOptions options, SarifLimits? limits = null)
    {
        var formatter = new SarifFormatter(options) { Limits = limits ?? SarifLimits.GitHub };
        var writer = new StringWriter { NewLine = "\n" };
        formatter.Write(result, Catalog, writer);
        return writer.ToString();
    }

    private static long GzipLength(string text)
    {
        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return counter.Length;
    }

    // ---- fingerprints ---------------------------------------------------------------------------------------------------

    [Fact]
    public void A_draft_without_a_title_gets_GitHubs_line_hash_on_line_1()
    {
        // The acceptance case: the first test vector of codeql-action's fingerprints.test.ts.
        WriteStructureOnlyConfig(_folder);
        _folder.WriteBytes("notitle.md", Encoding.UTF8.GetBytes(" a\nb\n  \t\tc\n d"));

        var run = CliRunner.Run(_folder.Path, "notitle.md", "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var result = Assert.Single(SarifResults(sarif));
        Assert.Equal("SL1001", RuleId(result));
        Assert.Equal(1, StartLine(result));
        Assert.Equal("271789c17abda88f:1", LineHash(result));
    }

    [Fact]
    public void A_fingerprint_survives_lines_inserted_above_but_not_an_edit_inside_its_window()
    {
        WriteStructureOnlyConfig(_folder);
        var inserted = SkippedLevelDraft.Replace(
            "Internal working draft.",
            "This opening paragraph was added in review.\n\nA second new paragraph, also added in review.\n\nInternal working draft.",
            StringComparison.Ordinal);
        // The hash window runs forward from the heading through the next 100 non-space characters, which this edit reaches.
        var edited = SkippedLevelDraft.Replace("The Office of the Chief", "The Bureau of the Chief", StringComparison.Ordinal);
        Assert.NotEqual(SkippedLevelDraft, inserted);
        Assert.NotEqual(SkippedLevelDraft, edited);

        (int Line, string? Hash) Lint(string draft)
        {
            _folder.Write("draft.md", draft);
            using var sarif = JsonDocument.Parse(CliRunner.Run(_folder.Path, "draft.md", "--format", "sarif").Out);
            var result = Assert.Single(SarifResults(sarif), r => RuleId(r) == "SL1002");
            return (StartLine(result), LineHash(result));
        }

        var before = Lint(SkippedLevelDraft);
        var after = Lint(inserted);
        var afterEdit = Lint(edited);

        Assert.Equal(LineOf(SkippedLevelDraft, SkippedHeading), before.Line);
        Assert.Equal(LineOf(inserted, SkippedHeading), after.Line);
        Assert.NotEqual(before.Line, after.Line);
        Assert.NotNull(before.Hash);
        Assert.Equal(before.Hash, after.Hash);
        // It is GitHub's hash of that line, not some other stable value.
        Assert.Equal(LineHasher.AllLines(SkippedLevelDraft)[before.Line - 1], before.Hash);
        // And it is not blind: changing the text the window covers changes it.
        Assert.Equal(before.Line, afterEdit.Line);
        Assert.NotEqual(before.Hash, afterEdit.Hash);
    }

    // ---- artifact locations -------------------------------------------------------------------------------------------

    [Fact]
    public void Artifact_uris_are_relative_to_the_working_folder_with_forward_slashes_and_percent_encoding()
    {
        WriteStructureOnlyConfig(_folder);
        var plain = _folder.Write(Path.Combine("drafts", "sub", "x.md"), SkippedLevelDraft);
        var spaced = _folder.Write(Path.Combine("drafts", "sub", "my draft.md"), SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, "drafts/", "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Out);
        var sarifRun = SarifRun(sarif);
        var root = sarifRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", root, StringComparison.Ordinal);
        Assert.EndsWith("/", root, StringComparison.Ordinal);
        Assert.Equal(root, sarifRun.GetProperty("invocations")[0].GetProperty("workingDirectory").GetProperty("uri").GetString());
        Assert.Equal(Path.GetFullPath(_folder.Path).TrimEnd('/') + "/", new Uri(root).LocalPath);

        var results = SarifResults(sarif);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("%SRCROOT%", PhysicalLocation(r).GetProperty("artifactLocation").GetProperty("uriBaseId").GetString()));
        Assert.Equal(["drafts/sub/my%20draft.md", "drafts/sub/x.md"], results.Select(ArtifactUri).Order(StringComparer.Ordinal));
        // Resolved against %SRCROOT% each URI names the file that was linted.
        Assert.Equal([spaced, plain], results.Select(r => new Uri(new Uri(root), ArtifactUri(r)).LocalPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_working_folder_whose_name_contains_a_percent_sign_still_resolves_to_the_file()
    {
        // Documents src bug: DirectoryUri (and the absolute-URI branch) build the URI with new Uri(path), which reads
        // "%41" in a folder name as an escaped 'A', so %SRCROOT% names a different folder from the one linted.
        WriteStructureOnlyConfig(_folder);
        var work = Path.Combine(_folder.Path, "w 50%41 #x");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "strategylint.json"), StructureOnlyConfig);
        var draft = Path.Combine(work, "draft.md");
        File.WriteAllText(draft, SkippedLevelDraft);

        var run = CliRunner.Run(work, "draft.md", "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var root = SarifRun(sarif).GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        var result = Assert.Single(SarifResults(sarif));
        Assert.Equal("draft.md", ArtifactUri(result));
        Assert.Equal(draft, new Uri(new Uri(root), ArtifactUri(result)).LocalPath);
    }

    [Fact]
    public void A_file_outside_the_working_folder_gets_an_absolute_uri_and_a_warning()
    {
        WriteStructureOnlyConfig(_folder);
        var outside = _folder.Write(Path.Combine("elsewhere", "draft.md"), SkippedLevelDraft);
        var work = Path.Combine(_folder.Path, "work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "strategylint.json"), StructureOnlyConfig);

        var run = CliRunner.Run(work, "../elsewhere/draft.md", "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var result = Assert.Single(SarifResults(sarif));
        var artifact = PhysicalLocation(result).GetProperty("artifactLocation");
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
        Assert.Equal(outside, new Uri(artifact.GetProperty("uri").GetString()!).LocalPath);
        Assert.Contains("outside the working folder", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drafts\\sub\\my draft.md", "drafts/sub/my%20draft.md")]
    [InlineData("drafts/a#b%c.md", "drafts/a%23b%25c.md")]
    [InlineData("x.md", "x.md")]
    public void RelativeUri_uses_forward_slashes_and_encodes_each_segment(string path, string expected)
    {
        var uri = SarifFormatter.RelativeUri(path);

        Assert.Equal(expected, uri);
        Assert.False(uri.StartsWith('/'));
    }

    // ---- automationDetails ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, "strategylint/")]
    [InlineData("drafts/fr", "drafts/fr/")]
    [InlineData("drafts/fr/", "drafts/fr/")]
    public void The_category_becomes_the_automation_id_with_one_trailing_slash(string? category, string expected)
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("draft.md", SkippedLevelDraft);
        string[] args = category is null ? ["draft.md", "-f", "sarif"] : ["draft.md", "-f", "sarif", "--category", category];

        var run = CliRunner.Run(_folder.Path, args);

        using var sarif = JsonDocument.Parse(run.Out);
        Assert.Equal(expected, SarifRun(sarif).GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void A_blank_category_falls_back_to_the_default()
    {
        Assert.Equal("strategylint/", SarifFormatter.AutomationId("  "));
        Assert.Equal("a/b/", SarifFormatter.AutomationId(" a/b "));
    }

    // ---- rules and results --------------------------------------------------------------------------------------------

    [Fact]
    public void Every_rule_carries_the_metadata_GitHub_uses()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("draft.md", SkippedLevelDraft);

        using var sarif = JsonDocument.Parse(CliRunner.Run(_folder.Path, "draft.md", "-f", "sarif").Out);

        var driver = SarifRun(sarif).GetProperty("tool").GetProperty("driver");
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("semanticVersion").GetString()));
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("informationUri").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Catalog.Descriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString();
            string Text(string property, string? inner = "text")
            {
                var value = inner is null ? rule.GetProperty(property) : rule.GetProperty(property).GetProperty(inner);
                var text = value.GetString();
                Assert.False(string.IsNullOrWhiteSpace(text), $"{id}: {property}.{inner} is empty");
                return text!;
            }

            Assert.InRange(Text("name", null).Length, 1, SarifLimits.MaxNameLength);
            Assert.InRange(Text("shortDescription").Length, 1, SarifLimits.MaxDescriptionLength);
            Assert.InRange(Text("fullDescription").Length, 1, SarifLimits.MaxDescriptionLength);
            Text("help");
            Assert.Contains(id!, Text("help", "markdown"), StringComparison.Ordinal);
            Assert.True(System.Uri.TryCreate(Text("helpUri", null), UriKind.Absolute, out var helpUri) && helpUri.Scheme == "https", $"{id}: helpUri is not an https URL");
            var level = rule.GetProperty("defaultConfiguration").GetProperty("level").GetString();
            Assert.Contains(level, new[] { "error", "warning", "note" });
            var properties = rule.GetProperty("properties");
            Assert.InRange(properties.GetProperty("tags").GetArrayLength(), 1, SarifLimits.MaxTags);
            Assert.Contains(properties.GetProperty("precision").GetString(), new[] { "very-high", "high", "medium", "low" });
            var problem = properties.GetProperty("problem.severity").GetString();
            // problem.severity follows the default level: error, warning, and note → recommendation.
            Assert.Equal(level == "note" ? "recommendation" : level, problem);
        }

        var precision = rules.ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("properties").GetProperty("precision").GetString());
        Assert.Equal("very-high", precision["SL1002"]);
        Assert.Equal("high", precision["SL2001"]);
        Assert.Equal("medium", precision["SL2010"]);
    }

    [Fact]
    public void Every_result_points_to_its_rule_and_has_a_full_region()
    {
        foreach (var name in new[] { "gaps-ncs.md", "complete-ncs.md", "capacity-building-plan.md", "cybercrime-strategy.md" })
            File.Copy(Path.Combine(TestPaths.Examples, name), Path.Combine(_folder.Path, name));
        var skipped = _folder.Write("skipped.md", SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, ".", "-f", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var sarifRun = SarifRun(sarif);
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = SarifResults(sarif);
        Assert.True(results.Count > 10, $"expected a rich run, got {results.Count} results");
        Assert.Equal("utf16CodeUnits", sarifRun.GetProperty("columnKind").GetString());
        foreach (var result in results)
        {
            Assert.Equal(RuleId(result), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Equal(1, result.GetProperty("locations").GetArrayLength());
            Assert.NotNull(LineHash(result));
            var region = PhysicalLocation(result).GetProperty("region");
            int Field(string name)
            {
                Assert.True(region.TryGetProperty(name, out var value), $"region.{name} is missing in {region}");
                Assert.True(value.GetInt32() >= 1, $"region.{name} < 1 in {region}");
                return value.GetInt32();
            }

            var (startLine, startColumn, endLine, endColumn) = (Field("startLine"), Field("startColumn"), Field("endLine"), Field("endColumn"));
            // endColumn is the column after the region; a one-line region of text ends after it starts.
            Assert.True(endLine > startLine || (endLine == startLine && endColumn > startColumn), $"{RuleId(result)}: region {region} is empty or reversed");
        }

        // The SL1002 region is exactly the heading line: endColumn is one past its last character.
        var sl1002 = Assert.Single(results, r => RuleId(r) == "SL1002" && ArtifactUri(r) == Path.GetFileName(skipped));
        var sl1002Region = PhysicalLocation(sl1002).GetProperty("region");
        Assert.Equal(LineOf(SkippedLevelDraft, SkippedHeading), sl1002Region.GetProperty("startLine").GetInt32());
        Assert.Equal(sl1002Region.GetProperty("startLine").GetInt32(), sl1002Region.GetProperty("endLine").GetInt32());
        Assert.Equal(1, sl1002Region.GetProperty("startColumn").GetInt32());
        Assert.Equal(SkippedHeading.Length + 1, sl1002Region.GetProperty("endColumn").GetInt32());
        Assert.Equal("warning", sl1002.GetProperty("level").GetString());
        Assert.Equal("national-cybersecurity-strategy", sl1002.GetProperty("properties").GetProperty("profile").GetString());
    }

    [Fact]
    public void A_configuration_problem_has_an_empty_region_where_endColumn_equals_startColumn()
    {
        // What the code does for SL0001: a zero-width position, so endLine == startLine and endColumn == startColumn.
        const string json = """
            {
              "rules": { "SL1099": "error" }
            }
            """;
        _folder.Write("strategylint.json", json);
        _folder.Write("draft.md", SkippedLevelDraft);

        var run = CliRunner.Run(_folder.Path, "draft.md", "-f", "sarif");

        Assert.Equal(2, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Out);
        var result = Assert.Single(SarifResults(sarif));
        Assert.Equal("SL0001", RuleId(result));
        var region = PhysicalLocation(result).GetProperty("region");
        Assert.Equal(LineOf(json, "\"SL1099\""), region.GetProperty("startLine").GetInt32());
        Assert.Equal(region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32());
        Assert.Equal(region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32());
        Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
        // Hashed from the configuration file on disk, as upload-sarif would.
        Assert.Equal(LineHasher.AllLines(json)[region.GetProperty("startLine").GetInt32() - 1], LineHash(result));
    }

    // ---- suppressions ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Suppressions_appear_on_every_result_only_with_include_suppressed()
    {
        WriteStructureOnlyConfig(_folder);
        _folder.Write("draft.md", SkippedLevelDraft);
        _folder.Write("notitle.md", "Just a paragraph.\n\n## Section\n\nText.\n");

        using var plain = JsonDocument.Parse(CliRunner.Run(_folder.Path, ".", "-f", "sarif").Out);
        using var included = JsonDocument.Parse(CliRunner.Run(_folder.Path, ".", "-f", "sarif", "--include-suppressed").Out);

        Assert.Equal(2, SarifResults(plain).Count);
        Assert.All(SarifResults(plain), r => Assert.False(r.TryGetProperty("suppressions", out _), $"{RuleId(r)} has suppressions without --include-suppressed"));
        Assert.Equal(2, SarifResults(included).Count);
        Assert.All(SarifResults(included), r =>
        {
            Assert.True(r.TryGetProperty("suppressions", out var suppressions), $"{RuleId(r)} has no suppressions under --include-suppressed");
            Assert.Equal(JsonValueKind.Array, suppressions.ValueKind);
            Assert.Equal(0, suppressions.GetArrayLength());
        });
    }

    private static LintResult ResultWithASuppressedFinding()
    {
        var sl1002 = Catalog.Find("SL1002")!;
        var sl1003 = Catalog.Find("SL1003")!;
        return ResultOf(
            "draft.md",
            MakeFinding(sl1002, "draft.md", 3, RuleSeverity.Warning, "Open finding."),
            MakeFinding(sl1003, "draft.md", 7, RuleSeverity.Warning, "Suppressed in the document.") with
            {
                Suppression = new FindingSuppression(FindingSuppression.InSource, "The drafting team accepted this."),
            },
            MakeFinding(sl1003, "draft.md", 9, RuleSeverity.Warning, "Suppressed by a baseline.") with
            {
                Suppression = new FindingSuppression(FindingSuppression.External, null),
            });
    }

    [Fact]
    public void A_suppressed_finding_is_left_out_by_default()
    {
        using var sarif = JsonDocument.Parse(RenderSarif(ResultWithASuppressedFinding(), new OutputOptions(_folder.Path)));

        var result = Assert.Single(SarifResults(sarif));
        Assert.Equal("Open finding.", result.GetProperty("message").GetProperty("text").GetString());
        Assert.False(result.TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void A_suppressed_finding_carries_kind_status_and_justification_under_include_suppressed()
    {
        using var sarif = JsonDocument.Parse(RenderSarif(ResultWithASuppressedFinding(), new OutputOptions(_folder.Path, IncludeSuppressed: true)));

        var results = SarifResults(sarif);
        Assert.Equal(3, results.Count);
        var open = results.Single(r => r.GetProperty("message").GetProperty("text").GetString() == "Open finding.");
        Assert.Equal(0, open.GetProperty("suppressions").GetArrayLength());

        var inSource = Assert.Single(results.Single(r => StartLine(r) == 7).GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", inSource.GetProperty("kind").GetString());
        Assert.Equal("accepted", inSource.GetProperty("status").GetString());
        Assert.Equal("The drafting team accepted this.", inSource.GetProperty("justification").GetString());

        var external = Assert.Single(results.Single(r => StartLine(r) == 9).GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", external.GetProperty("kind").GetString());
        Assert.Equal("accepted", external.GetProperty("status").GetString());
        Assert.False(external.TryGetProperty("justification", out _));
    }

    // ---- limits ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void Too_many_results_keep_the_most_severe_and_say_how_many_were_left_out()
    {
        var sl1002 = Catalog.Find("SL1002")!;
        var result = ResultOf(
            "draft.md",
            MakeFinding(sl1002, "draft.md", 1, RuleSeverity.Warning, "w1"),
            MakeFinding(sl1002, "draft.md", 2, RuleSeverity.Error, "e2"),
            MakeFinding(sl1002, "draft.md", 3, RuleSeverity.Info, "i3"),
            MakeFinding(sl1002, "draft.md", 4, RuleSeverity.Warning, "w4"),
            MakeFinding(sl1002, "draft.md", 5, RuleSeverity.Error, "e5"),
            MakeFinding(sl1002, "draft.md", 6, RuleSeverity.Warning, "w6"));
        var warnings = new StringWriter();

        var output = RenderSarif(result, new OutputOptions(_folder.Path, Warnings: warnings), new SarifLimits(MaxResults: 3, MaxGzipBytes: 10_000_000));

        using var sarif = JsonDocument.Parse(output);
        var results = SarifResults(sarif);
        // Both errors, then the first warning; in document order.
        Assert.Equal(["w1", "e2", "e5"], results.Select(r => r.GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal(["warning", "error", "error"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.Contains("3 of 6", warnings.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("strategylint: warning:", warnings.ToString(), StringComparison.Ordinal);
        var sarifRun = SarifRun(sarif);
        var notification = Assert.Single(sarifRun.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Contains("3 of 6", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, sarifRun.GetProperty("properties").GetProperty("resultsLeftOut").GetInt32());
    }

    [Fact]
    public void Results_within_the_limits_are_all_written_without_a_note()
    {
        var sl1002 = Catalog.Find("SL1002")!;
        var result = ResultOf("draft.md", [.. Enumerable.Range(1, 3).Select(i => MakeFinding(sl1002, "draft.md", i, RuleSeverity.Warning, $"w{i}"))]);
        var warnings = new StringWriter();

        using var sarif = JsonDocument.Parse(RenderSarif(result, new OutputOptions(_folder.Path, Warnings: warnings), new SarifLimits(MaxResults: 3, MaxGzipBytes: 10_000_000)));

        Assert.Equal(3, SarifResults(sarif).Count);
        Assert.Equal("", warnings.ToString());
        var sarifRun = SarifRun(sarif);
        Assert.False(sarifRun.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _));
        Assert.False(sarifRun.GetProperty("properties").TryGetProperty("resultsLeftOut", out _));
    }

    /// <summary>Many findings with hard-to-compress messages; the errors come last, so keeping them is a choice.</summary>
    private static LintResult ManyFindings(int warnings, int errors)
    {
        var sl1002 = Catalog.Find("SL1002")!;
        var random = new Random(12345);
        string Noise() => string.Concat(Enumerable.Range(0, 60).Select(_ => (char)random.Next('a', 'z' + 1)));
        var findings = Enumerable.Range(1, warnings).Select(i => MakeFinding(sl1002, "draft.md", i, RuleSeverity.Warning, $"warning {i} {Noise()}"))
            .Concat(Enumerable.Range(warnings + 1, errors).Select(i => MakeFinding(sl1002, "draft.md", i, RuleSeverity.Error, $"error {i} {Noise()}")))
            .ToArray();
        return ResultOf("draft.md", findings);
    }

    [Fact]
    public void Output_too_large_compressed_is_cut_to_fit_keeping_the_errors()
    {
        var result = ManyFindings(warnings: 350, errors: 50);
        var unlimited = RenderSarif(result, new OutputOptions(_folder.Path));
        var empty = RenderSarif(result, new OutputOptions(_folder.Path), new SarifLimits(MaxResults: 0, MaxGzipBytes: 10_000_000));
        var full = GzipLength(unlimited.TrimEnd());
        var bare = GzipLength(empty.TrimEnd());
        Assert.True(full > bare, "the findings should add to the compressed size");
        var limit = (full + bare) / 2;
        var warnings = new StringWriter();

        var output = RenderSarif(result, new OutputOptions(_folder.Path, Warnings: warnings), new SarifLimits(MaxResults: 25_000, MaxGzipBytes: limit));

        Assert.True(GzipLength(output.TrimEnd()) <= limit, $"compressed {GzipLength(output.TrimEnd())} bytes > limit {limit}");
        using var sarif = JsonDocument.Parse(output);
        var results = SarifResults(sarif);
        Assert.InRange(results.Count, 51, 399);
        Assert.Equal(50, results.Count(r => r.GetProperty("level").GetString() == "error"));
        Assert.Equal(400 - results.Count, SarifRun(sarif).GetProperty("properties").GetProperty("resultsLeftOut").GetInt32());
        Assert.Contains($"{results.Count} of 400", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_below_the_rule_metadata_leaves_every_result_out_but_stays_valid()
    {
        var result = ManyFindings(warnings: 20, errors: 5);
        var warnings = new StringWriter();

        var output = RenderSarif(result, new OutputOptions(_folder.Path, Warnings: warnings), new SarifLimits(MaxResults: 25_000, MaxGzipBytes: 100));

        using var sarif = JsonDocument.Parse(output);
        Assert.Empty(SarifResults(sarif));
        Assert.Equal(25, SarifRun(sarif).GetProperty("properties").GetProperty("resultsLeftOut").GetInt32());
        Assert.Contains("0 of 25", warnings.ToString(), StringComparison.Ordinal);
    }

    [SharedFact("schemas/sarif-schema-2.1.0.json")]
    public async Task Truncated_suppressed_and_full_runs_validate_against_the_sarif_schema()
    {
        var schema = await JsonSchema.FromFileAsync(TestPaths.SharedFile("schemas/sarif-schema-2.1.0.json"));
        void Validate(string what, string sarif)
        {
            var errors = schema.Validate(sarif);
            Assert.True(errors.Count == 0, $"{what}: SARIF schema errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        Validate("truncated", RenderSarif(ManyFindings(10, 2), new OutputOptions(_folder.Path), new SarifLimits(MaxResults: 3, MaxGzipBytes: 10_000_000)));
        Validate("suppressed", RenderSarif(ResultWithASuppressedFinding(), new OutputOptions(_folder.Path, IncludeSuppressed: true)));

        foreach (var name in new[] { "gaps-ncs.md", "capacity-building-plan.md" })
            File.Copy(Path.Combine(TestPaths.Examples, name), Path.Combine(_folder.Path, name));
        var run = CliRunner.Run(_folder.Path, ".", "-f", "sarif", "--include-suppressed", "--category", "drafts/fr");
        Validate("examples", run.Out);
    }

    // ---- Clip -----------------------------------------------------------------------------------------------------------

    [Fact]
    public void Clip_cuts_at_a_sentence_end_and_never_exceeds_the_maximum()
    {
        const string text = "The first sentence is here. The second sentence is a good deal longer than the first one. Third.";
        var secondEnd = text.IndexOf("one. ", StringComparison.Ordinal) + "one.".Length;

        Assert.Same(text, SarifFormatter.Clip(text, text.Length));
        Assert.Equal(text[..secondEnd], SarifFormatter.Clip(text, secondEnd + 3));
        for (var max = 1; max <= text.Length + 2; max++)
        {
            var clipped = SarifFormatter.Clip(text, max);
            Assert.True(clipped.Length <= max, $"Clip(…, {max}) gave {clipped.Length} characters");
            if (max >= text.Length)
                Assert.Equal(text, clipped);
            else if (clipped.EndsWith('…'))
                Assert.StartsWith(clipped[..^1], text, StringComparison.Ordinal);
            else
                Assert.True(clipped.EndsWith('.') && text.StartsWith(clipped + " ", StringComparison.Ordinal), $"Clip(…, {max}) = '{clipped}' does not end a sentence");
        }
    }

    [Fact]
    public void Clip_without_a_sentence_end_in_reach_cuts_the_word_and_adds_an_ellipsis()
    {
        var text = "A. " + new string('x', 100);

        var clipped = SarifFormatter.Clip(text, 50);

        Assert.Equal(50, clipped.Length);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
    }
}
