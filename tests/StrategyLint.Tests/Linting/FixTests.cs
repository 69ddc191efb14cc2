using System.Text;
using System.Text.Json;
using StrategyLint.Tests.Cli;

namespace StrategyLint.Tests.Linting;

/// <summary>
/// <c>--fix</c> and <c>--fix --dry-run</c>: the fixes rules offer, applied atomically with the file's encoding,
/// byte-order mark and line endings kept, never touching a file without a fix, and idempotent.
/// </summary>
public sealed class FixTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A national strategy with governance only: the six other focus areas are missing.</summary>
    private const string GovernanceOnly = """
        # Republic of Valdoria National Cybersecurity Strategy

        ## Governance

        The National Cybersecurity Authority leads the implementation of this strategy and reports to the Council of Ministers.

        ## Annex A: Glossary

        CERT: computer emergency response team.
        """;

    private string Read(string name) => File.ReadAllText(Path.Combine(_folder.Path, name));

    private byte[] ReadBytes(string name) => File.ReadAllBytes(Path.Combine(_folder.Path, name));

    private List<string> Ids(string name) => [.. Lint(name).Select(f => f.Id)];

    private sealed record Reported(string Id, string Message);

    private List<Reported> Lint(string name)
    {
        var run = CliRunner.Run(_folder.Path, name, "--format", "json", "--profile", "national-cybersecurity-strategy");
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => new Reported(
            f.GetProperty("id").GetString()!, f.GetProperty("message").GetString()!))];
    }

    [Theory]
    [InlineData("SL2002")]
    [InlineData("SL2003")]
    [InlineData("SL2004")]
    [InlineData("SL2005")]
    [InlineData("SL2006")]
    [InlineData("SL2007")]
    public void A_scaffolded_section_does_not_cover_its_focus_area_until_it_is_written(string id)
    {
        _folder.Write("draft.md", GovernanceOnly);
        Assert.Contains(id, Ids("draft.md"));

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fix", "--profile", "national-cybersecurity-strategy");

        Assert.Contains("Fixed", run.Error, StringComparison.Ordinal);
        // The scaffold gives the draft its shape, not its content: the area is still missing, the finding names the
        // placeholder section, SL1003 marks each placeholder, and a second --fix adds no second scaffold.
        var after = Lint("draft.md");
        var missing = Assert.Single(after, f => f.Id == id);
        Assert.Contains("holds only a placeholder: write it to cover the topic", missing.Message, StringComparison.Ordinal);
        Assert.Equal(6, after.Count(f => f.Id == "SL1003"));
        var second = CliRunner.Run(_folder.Path, "draft.md", "--fix", "--profile", "national-cybersecurity-strategy");
        Assert.Equal(1, Read("draft.md").Split("\n## ").Count(h => h.StartsWith(System.Text.RegularExpressions.Regex.Match(missing.Message, "The section '([^']+)'").Groups[1].Value + "\n", StringComparison.Ordinal)));
        Assert.DoesNotContain("Fixed", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaffolds_go_before_the_back_matter_at_the_level_of_the_title_sections()
    {
        _folder.Write("draft.md", GovernanceOnly);

        CliRunner.Run(_folder.Path, "draft.md", "--fix", "--profile", "national-cybersecurity-strategy");

        var text = Read("draft.md");
        var scaffold = text.IndexOf("## Critical infrastructure and essential services\n\n_To be drafted:_ ", StringComparison.Ordinal);
        Assert.True(scaffold > text.IndexOf("## Governance", StringComparison.Ordinal), "after the existing sections");
        Assert.True(scaffold < text.IndexOf("## Annex A", StringComparison.Ordinal), "before the annex");
        Assert.Contains("ITU NCS Guide, focus area 4", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_fix_changes_nothing()
    {
        _folder.Write("draft.md", GovernanceOnly);
        CliRunner.Run(_folder.Path, "draft.md", "--fix");
        var once = ReadBytes("draft.md");

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fix");

        Assert.Equal(once, ReadBytes("draft.md"));
        Assert.DoesNotContain("Fixed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_and_bom_files_keep_their_line_endings_and_bom_and_change_only_by_the_fix()
    {
        var crlf = GovernanceOnly.ReplaceLineEndings("\r\n");
        _folder.WriteBytes("draft.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(crlf)]);

        CliRunner.Run(_folder.Path, "draft.md", "--fix");

        var bytes = ReadBytes("draft.md");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        // Removing the inserted sections gives back the original exactly.
        var lines = text.Split("\r\n").ToList();
        var original = crlf.Split("\r\n").ToList();
        Assert.Empty(original.Except(lines));
        Assert.All(lines.Except(original), line => Assert.True(line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("_To be drafted:_", StringComparison.Ordinal) || line.Length == 0, line));
    }

    [Fact]
    public void Utf16_files_are_written_back_as_utf16()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        _folder.WriteBytes("draft.md", [.. encoding.GetPreamble(), .. encoding.GetBytes(GovernanceOnly)]);

        CliRunner.Run(_folder.Path, "draft.md", "--fix");

        var bytes = ReadBytes("draft.md");
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Contains("## Risk management", encoding.GetString(bytes[2..]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_fixes_is_not_touched()
    {
        _folder.Write("draft.md", GovernanceOnly);
        var clean = _folder.Write("clean.md", "# Notes\n\nNothing here is a strategy.\n");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(clean, stamp);

        CliRunner.Run(_folder.Path, ".", "--fix", "--profile", "cybercrime-strategy");

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(clean));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void Donor_wording_is_replaced_in_prose_but_not_in_headings()
    {
        const string plan = """
            ---
            type: capacity-building-plan
            ---
            # Regional Cyber Capacity Programme

            ## Donor countries

            The donor and recipient countries meet yearly. Each donor country sends an adviser.
            """;
        _folder.Write("plan.md", plan);

        CliRunner.Run(_folder.Path, "plan.md", "--fix");

        var text = Read("plan.md");
        Assert.Contains("The partner countries meet yearly. Each partner country sends an adviser.", text, StringComparison.Ordinal);
        Assert.Contains("## Donor countries", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_list_gets_a_review_clause_that_satisfies_SL4001()
    {
        var items = string.Join('\n', Enumerable.Range(1, 9).Select(i => $"- forensic training course number {i};"));
        var plan = $"""
            ---
            type: capacity-building-plan
            ---
            # Regional Cyber Capacity Programme

            ## Technical assistance

            The programme will provide the following technical assistance:

            {items}

            ## Budget

            The budget is set out in the annex.
            """;
        _folder.Write("plan.md", plan);
        var before = CliRunner.Run(_folder.Path, "plan.md", "--format", "json");
        Assert.Contains("\"SL4001\"", before.Out, StringComparison.Ordinal);

        CliRunner.Run(_folder.Path, "plan.md", "--fix");

        var after = CliRunner.Run(_folder.Path, "plan.md", "--format", "json");
        Assert.DoesNotContain("\"SL4001\"", after.Out, StringComparison.Ordinal);
        var text = Read("plan.md");
        Assert.Contains("number 9;\n\nThis list is a starting point", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixing_the_examples_adds_the_missing_sections_keeps_crlf_and_bom_and_is_idempotent()
    {
        foreach (var example in Directory.GetFiles(TestPaths.Examples, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
            File.Copy(example, Path.Combine(_folder.Path, Path.GetFileName(example)));
        // One example as a Windows editor would save it.
        var gaps = Path.Combine(_folder.Path, "gaps-ncs.md");
        File.WriteAllBytes(gaps, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(File.ReadAllText(gaps).ReplaceLineEndings("\r\n"))]);
        var missing = new[] { "SL2002", "SL2004", "SL2006", "SL2007" };
        Assert.Subset(Ids("gaps-ncs.md").ToHashSet(), missing.ToHashSet());
        var complete = File.ReadAllBytes(Path.Combine(_folder.Path, "complete-ncs.md"));

        CliRunner.Run(_folder.Path, ".", "--fix");

        // The scaffolds are placeholders: the areas stay missing, each finding now pointing at its placeholder section.
        var after = Lint("gaps-ncs.md");
        Assert.All(missing, id => Assert.Contains("holds only a placeholder", Assert.Single(after, f => f.Id == id).Message, StringComparison.Ordinal));
        Assert.Contains(after, f => f.Id == "SL3001");
        var bytes = ReadBytes("gaps-ncs.md");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.DoesNotContain('\n', Encoding.UTF8.GetString(bytes[3..]).Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal(complete, ReadBytes("complete-ncs.md"));

        var once = Directory.GetFiles(_folder.Path).ToDictionary(f => f, File.ReadAllBytes);
        CliRunner.Run(_folder.Path, ".", "--fix");
        Assert.All(once, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        _folder.Write("draft.md", GovernanceOnly);
        var before = ReadBytes("draft.md");

        var run = CliRunner.Run(_folder.Path, "draft.md", "--fix", "--dry-run");

        Assert.Equal(before, ReadBytes("draft.md"));
        var lines = run.Out.Split('\n');
        Assert.Equal("--- a/draft.md", lines[0]);
        Assert.Equal("+++ b/draft.md", lines[1]);
        Assert.StartsWith("@@ -", lines[2], StringComparison.Ordinal);
        Assert.Contains("+## Risk management", lines);
        // Context lines around the insertion come from the original text.
        Assert.Contains(" CERT: computer emergency response team.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_without_fix_is_a_usage_error()
    {
        _folder.Write("draft.md", GovernanceOnly);

        var run = CliRunner.Run(_folder.Path, "draft.md", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fix", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        _folder.Write("draft.md", "<!-- strategylint-disable-file SL2004 -- handled by the sector strategy -->\n" + GovernanceOnly);

        CliRunner.Run(_folder.Path, "draft.md", "--fix");

        var text = Read("draft.md");
        Assert.DoesNotContain("## Critical infrastructure", text, StringComparison.Ordinal);
        Assert.Contains("## Risk management", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_never_written()
    {
        var run = CliRunner.RunWithStdin(_folder.Path, Encoding.UTF8.GetBytes(GovernanceOnly), "-", "--fix");

        Assert.Empty(Directory.GetFiles(_folder.Path));
        Assert.DoesNotContain("Fixed", run.Error, StringComparison.Ordinal);
    }
}
